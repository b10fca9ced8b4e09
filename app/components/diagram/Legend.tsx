import { useTranslation } from "react-i18next";
import { COLLABORATION_DASH, EDGE_COLORS } from "./edges";
import { LegendEntry, LegendFrame, LegendSection, LineSample, PriorityLegend } from "./LegendParts";
import { SkillLevelBar } from "./nodes";

/** What the colours, border patterns, lines and level bars of the diagram mean. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <LegendFrame label={t("diagram.legend.title")}>
      <PriorityLegend heading={t("diagram.legend.priorities")} />
      <LegendSection heading={t("diagram.legend.links")}>
        <LegendEntry sample={<LineSample color={EDGE_COLORS.reporting} />}>{t("diagram.legend.reporting")}</LegendEntry>
        <LegendEntry sample={<LineSample color={EDGE_COLORS.collaboration} dash={COLLABORATION_DASH} />}>
          {t("diagram.legend.collaboration")}
        </LegendEntry>
      </LegendSection>
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("diagram.legend.levels")}</p>
        <p className="flex items-center gap-2">
          <span aria-hidden="true">
            <SkillLevelBar level={3} />
          </span>
          <span>{t("diagram.legend.levelScale")}</span>
        </p>
      </div>
    </LegendFrame>
  );
}
