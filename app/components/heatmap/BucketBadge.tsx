import { useTranslation } from "react-i18next";
import type { GapBucket } from "~/domain/gaps";
import { BUCKET_STYLES } from "./colors";

/** A member's gap bucket as a coloured chip with a symbol and words. */
export function BucketBadge({ bucket, maxGap }: { bucket: GapBucket | "hidden"; maxGap?: number }) {
  const { t } = useTranslation();
  const style = BUCKET_STYLES[bucket];
  const text =
    maxGap !== undefined && bucket !== "none" && bucket !== "hidden"
      ? t("insights.bucket.maxGap", { count: maxGap })
      : t(`insights.bucket.${bucket}`);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.chip}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {text}
    </span>
  );
}
