import { useTranslation } from "react-i18next";
import type { GapBucket } from "~/domain/gaps";

const COLOURS: Record<GapBucket, string> = {
  none: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  small: "bg-amber-50 text-amber-900 ring-amber-600/30",
  large: "bg-red-50 text-red-800 ring-red-600/20",
  unassessed: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

/**
 * A member's skill gap, coloured by the largest single gap (the same buckets
 * as the org diagram). The bucket is also said in words, not by colour alone.
 */
export function GapBadge({
  totalGap,
  maxGap,
  bucket,
  notAssessed,
}: {
  totalGap: number;
  maxGap: number;
  bucket: GapBucket;
  notAssessed: number;
}) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-col gap-1">
      <span
        className={`inline-flex w-fit whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${COLOURS[bucket]}`}
        data-bucket={bucket}
      >
        <span className="sr-only">{t("members.gap.bucketPrefix", { bucket: t(`members.gap.bucket.${bucket}`) })}</span>
        {bucket === "none"
          ? t("members.gap.none")
          : bucket === "unassessed"
            ? t("members.gap.unassessed")
            : t("members.gap.total", { total: totalGap, max: maxGap })}
      </span>
      {notAssessed > 0 ? (
        <span className="text-xs text-slate-500">{t("members.gap.notAssessed", { count: notAssessed })}</span>
      ) : null}
    </span>
  );
}
