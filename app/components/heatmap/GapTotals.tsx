import { MIN_GROUP_SIZE } from "~/domain/permissions";
import { useTranslation } from "react-i18next";
import { GAP_BUCKETS } from "~/domain/gaps";
import type { TeamGapTotals } from "~/domain/gaps";
import { BUCKET_STYLES } from "./colors";
import { useNumberFormat } from "./format";

/** The team's totals as a row of figures; the bucket split also as text, not colour alone. */
export function GapTotals({ totals }: { totals: TeamGapTotals & { withheld?: boolean } }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  // withheld (a small team, app/domain/visibility.ts): the counts of people and seats only
  const figures: { key: string; label: string; value: number; tone?: string }[] = (
    [
      { key: "members", label: t("insights.totals.members"), value: totals.members },
      {
        key: "membersWithGaps",
        label: t("insights.totals.membersWithGaps"),
        value: totals.membersWithGaps,
        tone: totals.membersWithGaps > 0 ? "text-amber-800" : undefined,
      },
      { key: "totalGap", label: t("insights.totals.totalGap"), value: totals.totalGap },
      { key: "notAssessed", label: t("insights.totals.notAssessed"), value: totals.notAssessed },
      {
        key: "unfilledSeats",
        label: t("insights.totals.unfilledSeats"),
        value: totals.unfilledSeats,
        tone: totals.unfilledSeats > 0 ? "text-red-700" : undefined,
      },
    ] as const
  ).filter((figure) => !totals.withheld || figure.key === "members" || figure.key === "unfilledSeats");
  const buckets = GAP_BUCKETS.map((bucket) => ({ bucket, count: totals.buckets[bucket] }));
  const counted = Math.max(
    1,
    buckets.reduce((sum, b) => sum + b.count, 0),
  );
  return (
    <div className="grid gap-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="gap-totals">
        {figures.map((f) => (
          <div key={f.key} data-figure={f.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-xs font-medium text-slate-500">{f.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${f.tone ?? "text-slate-900"}`}>{num(f.value)}</dd>
          </div>
        ))}
      </dl>
      {totals.withheld ? (
        <p className="text-sm text-slate-500" data-testid="withheld">
          {t("insights.withheld", { count: MIN_GROUP_SIZE })}
        </p>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-xs font-medium text-slate-500">{t("insights.totals.buckets")}</p>
          <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
            {buckets.map((b) =>
              b.count > 0 ? (
                <span
                  key={b.bucket}
                  className={BUCKET_STYLES[b.bucket].bar}
                  style={{ width: `${(b.count / counted) * 100}%` }}
                />
              ) : null,
            )}
          </div>
          <ul className="mt-3 flex flex-wrap gap-x-8 gap-y-1 text-sm">
            {buckets.map((b) => (
              <li key={b.bucket} className="flex items-center gap-2" data-bucket={b.bucket}>
                <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${BUCKET_STYLES[b.bucket].bar}`} />
                {t(`insights.bucket.${b.bucket}`)}
                <span className="font-semibold tabular-nums">{num(b.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
