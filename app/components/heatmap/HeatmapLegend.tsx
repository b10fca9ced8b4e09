import { useTranslation } from "react-i18next";
import { NOT_ASSESSED_CLASS, NOT_ASSESSED_STYLE, gapCellClass } from "./colors";

/** What the cells' colours, hatching and numbers mean. */
export function HeatmapLegend() {
  const { t } = useTranslation();
  const swatch = "inline-flex h-6 w-10 items-center justify-center rounded text-xs font-medium tabular-nums";
  return (
    <div
      role="group"
      aria-label={t("insights.heatmap.legend.title")}
      className="flex flex-wrap items-center gap-x-6 gap-y-2 text-xs text-slate-700"
    >
      <span className="font-semibold text-slate-900">{t("insights.heatmap.legend.title")}</span>
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className={`${swatch} ${gapCellClass(0)}`}>
          3/3
        </span>
        {t("insights.heatmap.legend.none")}
      </span>
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className={`${swatch} ${gapCellClass(1)}`}>
          2/3
        </span>
        {t("insights.heatmap.legend.small")}
      </span>
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className={`${swatch} ${gapCellClass(2)}`}>
          1/3
        </span>
        {t("insights.heatmap.legend.large")}
      </span>
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className={`${swatch} ${NOT_ASSESSED_CLASS}`} style={NOT_ASSESSED_STYLE}>
          –/3
        </span>
        {t("insights.heatmap.legend.notAssessed")}
      </span>
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className={`${swatch} border border-slate-200 bg-white`} />
        {t("insights.heatmap.legend.blank")}
      </span>
      <span className="text-slate-500">{t("insights.heatmap.legend.numbers")}</span>
    </div>
  );
}
