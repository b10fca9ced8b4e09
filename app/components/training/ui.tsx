import { useTranslation } from "react-i18next";
import type { DisplayStatus, SeriesPoint } from "~/domain/training-progress";

/** One colour per status, on the member page and HR's page alike. */
export const STATUS_COLOURS: Record<DisplayStatus, string> = {
  planned: "bg-slate-100 text-slate-700 ring-slate-500/20",
  in_progress: "bg-indigo-50 text-indigo-800 ring-indigo-600/20",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  cancelled: "bg-white text-slate-500 ring-slate-300 line-through",
  overdue: "bg-red-50 text-red-800 ring-red-600/20",
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return (
    <span
      data-status={status}
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_COLOURS[status]}`}
    >
      {t(`training.status.${status}`)}
    </span>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 w-20 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <div className="h-full bg-indigo-600" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">{percent}%</span>
    </div>
  );
}

/** Two bars per month (completed items, closed gaps), inline SVG: no chart library. */
export function ProgressChart({ series, title }: { series: readonly SeriesPoint[]; title: string }) {
  const { t } = useTranslation();
  const width = 720;
  const height = 200;
  const left = 28;
  const bottom = 24;
  const top = 10;
  const max = Math.max(1, ...series.map((point) => Math.max(point.completed, point.gapsClosed)));
  const band = (width - left) / Math.max(1, series.length);
  const bar = Math.max(4, band / 3);
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={title}
        data-testid="progress-chart"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="10" fill="#64748b">
              {tick}
            </text>
          </g>
        ))}
        {series.map((point, i) => {
          const x = left + i * band + band / 2;
          return (
            <g
              key={point.month}
              data-month={point.month}
              data-completed={point.completed}
              data-closed={point.gapsClosed}
            >
              <rect
                x={x - bar}
                y={y(point.completed)}
                width={bar - 1}
                height={y(0) - y(point.completed)}
                fill="#4f46e5"
              >
                <title>
                  {t("app.text.labelled", {
                    label: point.month,
                    value: t("training.page.seriesValue", {
                      series: t("training.page.completedSeries"),
                      value: point.completed,
                    }),
                  })}
                </title>
              </rect>
              <rect x={x} y={y(point.gapsClosed)} width={bar - 1} height={y(0) - y(point.gapsClosed)} fill="#10b981">
                <title>
                  {t("app.text.labelled", {
                    label: point.month,
                    value: t("training.page.seriesValue", {
                      series: t("training.page.closedSeries"),
                      value: point.gapsClosed,
                    }),
                  })}
                </title>
              </rect>
              <text x={x} y={height - 8} textAnchor="middle" fontSize="10" fill="#64748b">
                {point.month.slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-indigo-600" />{" "}
          {t("training.page.completedSeries")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-500" />{" "}
          {t("training.page.closedSeries")}
        </span>
      </figcaption>
    </figure>
  );
}
