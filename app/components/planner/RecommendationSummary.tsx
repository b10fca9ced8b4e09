import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language, OperatingModel, OrgChartRecommendation, Stage } from "~/domain/types";
import { stageGuidanceFor } from "~/domain/stage-guidance";
import { localize } from "~/domain/vocabulary";

export function RecommendationSummary({
  recommendation,
  model,
  stage,
  lang,
  shareHref,
}: {
  recommendation: OrgChartRecommendation;
  model: OperatingModel;
  stage: Stage;
  lang: Language;
  shareHref: string;
}) {
  const { t } = useTranslation();
  const count = (priority: string) => recommendation.roles.filter((role) => role.priority === priority).length;
  const core = recommendation.roles.filter((role) => role.priority === "core");
  const min = core.reduce((sum, role) => sum + role.headcount.min, 0);
  const max = core.reduce((sum, role) => sum + role.headcount.max, 0);
  // Generated from the priorities, so it never says "add" a role the chart marks optional.
  const guidance = stageGuidanceFor(recommendation);
  const roleNames = (ids: string[]) =>
    ids
      .map((id) => localize(recommendation.roles.find((r) => r.id === id)?.label ?? { zh: id, en: id }, lang))
      .join(lang === "zh" ? "、" : ", ");
  const guidanceText = [
    guidance.add.length > 0
      ? t("planner.guidance.add", { roles: roleNames(guidance.add) })
      : t("planner.guidance.nothingNew"),
    guidance.optional.length > 0 ? t("planner.guidance.optional", { roles: roleNames(guidance.optional) }) : null,
    guidance.later.length > 0 ? t("planner.guidance.later", { roles: roleNames(guidance.later) }) : null,
  ]
    .filter(Boolean)
    .join(" ");
  const apiHref = `/api/v1/recommendation?model=${recommendation.model}&stage=${recommendation.stage}&lang=${lang}`;
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="recommendation-title" className="text-xl font-semibold" data-testid="recommendation-title">
        {t("planner.summary", { model: localize(model.label, lang), stage: localize(stage.label, lang) })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        <span className="font-medium">{t("planner.stageGuidanceLabel")}</span>
        <span data-testid="stage-guidance">{guidanceText}</span>
      </p>
      <p className="mt-2 text-sm text-slate-700" data-testid="recommendation-counts">
        {[
          t("planner.countCore", { count: count("core") }),
          t("planner.countLater", { count: count("later") }),
          t("planner.countOptional", { count: count("optional") }),
          t("planner.countNotNeeded", { count: count("not_needed") }),
        ].join(" · ")}
        {" · "}
        {t("planner.headcountTotal", { min, max })}
      </p>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link to={shareHref} className="text-indigo-700 underline underline-offset-2">
          {t("planner.share")}
        </Link>
        <a href={apiHref} className="text-indigo-700 underline underline-offset-2">
          {t("planner.apiLink")}
        </a>
      </p>
    </div>
  );
}
