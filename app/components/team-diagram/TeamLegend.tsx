import { useTranslation } from "react-i18next";
import { COLLABORATION_DASH, EDGE_COLORS } from "~/components/diagram/edges";
import { PRIORITY_STYLES } from "~/components/diagram/nodes";
import { BUCKET_STYLES } from "~/components/heatmap/colors";
import { PRIORITIES } from "~/domain/types";
import type { Priority } from "~/domain/types";
import { ALSO_HOLDS_COLOR, ALSO_HOLDS_DASH } from "./edges";

const PRIORITY_LEGEND_KEYS: Record<Priority, string> = {
  core: "diagram.legend.core",
  later: "diagram.legend.later",
  optional: "diagram.legend.optional",
  not_needed: "diagram.legend.notNeeded",
};

function LineSample({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="32" height="10" aria-hidden="true" className="shrink-0">
      <line x1="0" y1="5" x2="32" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/** What the colours, borders and lines of the team diagram mean; every colour also has a symbol or words. */
export function TeamLegend() {
  const { t } = useTranslation();
  return (
    <div
      role="group"
      aria-label={t("insights.chart.legend.title")}
      className="flex flex-wrap gap-x-8 gap-y-3 border-t border-slate-200 bg-white px-4 py-3 text-xs text-slate-700"
    >
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("insights.chart.legend.members")}</p>
        <ul className="grid gap-1">
          {(["none", "small", "large"] as const).map((bucket) => (
            <li key={bucket} className="flex items-center gap-2">
              <span aria-hidden="true" className={`inline-flex h-4 w-7 items-center justify-end rounded-sm border border-l-4 pr-0.5 text-[9px] font-bold ${BUCKET_STYLES[bucket].node}`}>
                {BUCKET_STYLES[bucket].symbol}
              </span>
              {t(`insights.chart.legend.${bucket}`)}
            </li>
          ))}
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-7 rounded-sm border-2 border-dashed border-slate-400 bg-white" />
            {t("insights.chart.legend.openSeat")}
          </li>
        </ul>
      </div>
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("insights.chart.legend.links")}</p>
        <ul className="grid gap-1">
          <li className="flex items-center gap-2">
            <LineSample color={EDGE_COLORS.reporting} />
            {t("insights.chart.legend.reporting")}
          </li>
          <li className="flex items-center gap-2">
            <LineSample color={EDGE_COLORS.collaboration} dash={COLLABORATION_DASH} />
            {t("insights.chart.legend.collaboration")}
          </li>
          <li className="flex items-center gap-2">
            <LineSample color={ALSO_HOLDS_COLOR} dash={ALSO_HOLDS_DASH} />
            {t("insights.chart.legend.alsoHolds")}
          </li>
        </ul>
      </div>
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("insights.chart.legend.priorities")}</p>
        <ul className="grid gap-1 sm:grid-cols-2 sm:gap-x-6">
          {PRIORITIES.map((p) => (
            <li key={p} className="flex items-center gap-2">
              <span aria-hidden="true" className={`h-3.5 w-5 shrink-0 rounded-sm ${PRIORITY_STYLES[p].swatch}`} />
              {t(PRIORITY_LEGEND_KEYS[p])}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
