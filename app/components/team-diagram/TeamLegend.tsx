import { useTranslation } from "react-i18next";
import { COLLABORATION_DASH, EDGE_COLORS } from "~/components/diagram/edges";
import { LegendEntry, LegendFrame, LegendSection, LineSample, PriorityLegend } from "~/components/diagram/LegendParts";
import { BUCKET_STYLES } from "~/components/heatmap/colors";
import { GAP_BUCKETS } from "~/domain/gaps";
import { ALSO_HOLDS_COLOR, ALSO_HOLDS_DASH } from "./edges";

/** What the colours, borders and lines of the team diagram mean; every colour also has a symbol or words. */
export function TeamLegend() {
  const { t } = useTranslation();
  return (
    <LegendFrame label={t("insights.chart.legend.title")}>
      <LegendSection heading={t("insights.chart.legend.members")}>
        {GAP_BUCKETS.map((bucket) => (
          <LegendEntry
            key={bucket}
            sample={
              <span
                aria-hidden="true"
                className={`inline-flex h-4 w-7 items-center justify-end rounded-sm border border-l-4 pr-0.5 text-[9px] font-bold ${BUCKET_STYLES[bucket].node}`}
              >
                {BUCKET_STYLES[bucket].symbol}
              </span>
            }
          >
            {t(`insights.chart.legend.${bucket}`)}
          </LegendEntry>
        ))}
        <LegendEntry
          sample={
            <span
              aria-hidden="true"
              className="inline-block h-4 w-7 rounded-sm border-2 border-dashed border-slate-400 bg-white"
            />
          }
        >
          {t("insights.chart.legend.openSeat")}
        </LegendEntry>
      </LegendSection>
      <LegendSection heading={t("insights.chart.legend.links")}>
        <LegendEntry sample={<LineSample color={EDGE_COLORS.reporting} />}>
          {t("insights.chart.legend.reporting")}
        </LegendEntry>
        <LegendEntry sample={<LineSample color={EDGE_COLORS.collaboration} dash={COLLABORATION_DASH} />}>
          {t("insights.chart.legend.collaboration")}
        </LegendEntry>
        <LegendEntry sample={<LineSample color={ALSO_HOLDS_COLOR} dash={ALSO_HOLDS_DASH} />}>
          {t("insights.chart.legend.alsoHolds")}
        </LegendEntry>
      </LegendSection>
      <PriorityLegend heading={t("insights.chart.legend.priorities")} />
    </LegendFrame>
  );
}
