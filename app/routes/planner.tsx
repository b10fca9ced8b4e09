import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { OrgChartDiagram } from "~/components/diagram/OrgChartDiagram";
import { PlannerForm } from "~/components/planner/PlannerForm";
import { QueryNotices } from "~/components/planner/QueryNotices";
import { RolePanel } from "~/components/planner/RolePanel";
import { RoleTable } from "~/components/planner/RoleTable";
import { RecommendationSummary } from "~/components/planner/RecommendationSummary";
import { recommendOrgChart } from "~/domain/recommendation";
import type { RoleId, StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { playbookForRequest } from "~/models/playbook.server";
import { languageFor } from "~/utils/i18n.server";
import { blockingProblems, parseRecommendationQuery } from "~/utils/recommendation-query";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseRecommendationQuery(url.searchParams);
  const [playbook, lang] = await Promise.all([playbookForRequest(request), languageFor(request)]);
  const recommendation = query.model && query.stage ? recommendOrgChart(query.model, query.stage, playbook) : null;
  // A garbage id is the client's mistake (400); a missing one is just a page to fill in.
  const invalid = blockingProblems(query).some((problem) => problem.kind === "invalid");
  return data(
    { query, lang, models: playbook.models, stages: playbook.stages, recommendation },
    { status: invalid ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  if (!loaderData) return [{ title: "Planner" }];
  const { lang, query, models, stages } = loaderData;
  const model = models.find((candidate) => candidate.id === query.model);
  const stage = stages.find((candidate) => candidate.id === query.stage);
  const base = lang === "zh" ? "组织架构规划" : "Org-chart planner";
  const title = model && stage ? `${localize(model.label, lang)} · ${localize(stage.label, lang)} — ${base}` : base;
  return [{ title }];
};

export default function PlannerPage() {
  const { query, lang, models, stages, recommendation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();

  const hrefWith = useCallback(
    (role: RoleId | null) => {
      const params = new URLSearchParams();
      if (query.model) params.set("model", query.model);
      if (query.stage) params.set("stage", query.stage);
      if (role) params.set("role", role);
      if (query.lang) params.set("lang", query.lang);
      return `/planner?${params.toString()}`;
    },
    [query.model, query.stage, query.lang],
  );
  const selectRole = useCallback(
    (role: RoleId | null) => navigate(hrefWith(role), { preventScrollReset: true, replace: true }),
    [navigate, hrefWith],
  );
  const closePanel = useCallback(() => selectRole(null), [selectRole]);
  const stageLabel = useMemo(() => {
    const labels = new Map(stages.map((stage) => [stage.id, localize(stage.label, lang)]));
    return (stage: StageId) => labels.get(stage) ?? stage;
  }, [stages, lang]);

  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("planner.title")}</h1>
      <p id="planner-intro" className="mt-2 max-w-3xl text-slate-600">
        {t("planner.intro")}
      </p>

      <QueryNotices query={query} />

      <div className="mt-6">
        <PlannerForm
          models={models}
          stages={stages}
          model={query.model}
          stage={query.stage}
          lang={lang}
          langOverride={query.lang}
        />
      </div>

      {recommendation ? (
        <section className="mt-10" aria-labelledby="recommendation-title">
          <RecommendationSummary
            recommendation={recommendation}
            model={models.find((candidate) => candidate.id === recommendation.model)!}
            stage={stages.find((candidate) => candidate.id === recommendation.stage)!}
            lang={lang}
            shareHref={hrefWith(null)}
          />
          <div className={`mt-6 grid gap-6 ${query.role ? "lg:grid-cols-[minmax(0,1fr)_380px]" : ""}`}>
            <div>
              <h3 className="sr-only">{t("planner.diagramTitle")}</h3>
              <p className="mb-2 text-sm text-slate-500">{t("planner.diagramHint")}</p>
              <OrgChartDiagram
                recommendation={recommendation}
                lang={lang}
                selectedRoleId={query.role}
                onSelectRole={selectRole}
                height={460}
              />
            </div>
            {query.role ? (
              <RolePanel
                recommendation={recommendation}
                roleId={query.role}
                lang={lang}
                closeHref={hrefWith(null)}
                roleHref={hrefWith}
                stageLabel={stageLabel}
                onClose={closePanel}
              />
            ) : null}
          </div>
          <h3 className="mb-3 mt-10 text-lg font-semibold">{t("planner.tableTitle")}</h3>
          <RoleTable
            recommendation={recommendation}
            lang={lang}
            roleHref={hrefWith}
            selectedRoleId={query.role}
            stageLabel={stageLabel}
          />
        </section>
      ) : (
        <p className="mt-10 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600" data-testid="choose-prompt">
          {t("planner.choosePrompt")}
        </p>
      )}
      <p className="mt-10 text-sm text-slate-500">
        <Link to="/" className="underline">{t("app.nav.home")}</Link>
      </p>
    </main>
  );
}
