import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { z } from "zod";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { OrgChartDiagram } from "~/components/diagram/OrgChartDiagram";
import { PlannerForm } from "~/components/planner/PlannerForm";
import { QueryNotices } from "~/components/planner/QueryNotices";
import { RolePanel } from "~/components/planner/RolePanel";
import { RoleTable } from "~/components/planner/RoleTable";
import { OrganisationChoice } from "~/components/planner/OrganisationChoice";
import { RecommendationSummary } from "~/components/planner/RecommendationSummary";
import { can } from "~/domain/permissions";
import { sizedRecommendation } from "~/domain/sizing";
import {
  DRIVER_IDS,
  MODEL_IDS,
  STAGE_IDS,
  type Language,
  type ModelId,
  type RoleId,
  type StageId,
} from "~/domain/types";
import { getBusinessProfile } from "~/models/business-profile.server";
import { updateOrganisation } from "~/models/organisation.server";
import { localize } from "~/domain/vocabulary";
import { inOneLanguage } from "~/domain/one-language";
import { organisationIdForRequest, playbookStateForOrganisation } from "~/models/playbook.server";
import { editedMarks } from "~/domain/edited-marks";
import { getSignedIn, requirePermission } from "~/utils/auth.server";
import { isConformIntent, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";
import { clientAddress } from "~/utils/request.server";
import { blockingProblems, parseRecommendationQuery } from "~/utils/recommendation-query";
import { channelsFromShareFields, parseSizingQuery, SHARE_PREFIX, sizingParams } from "~/utils/sizing-query";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // The form without JavaScript sends one share per model: the address keeps `channels` instead.
  const shares = channelsFromShareFields(url.searchParams);
  if (shares !== null || DRIVER_IDS.some((id) => url.searchParams.get(id) === "")) {
    const params = new URLSearchParams();
    for (const [key, value] of url.searchParams) {
      if (
        key.startsWith(SHARE_PREFIX) ||
        key === "channels" ||
        ((DRIVER_IDS as readonly string[]).includes(key) && value.trim() === "")
      )
        continue;
      if (key === "model" && shares) continue;
      params.append(key, value);
    }
    if (shares) params.set("channels", shares);
    throw redirect(`/planner?${params.toString()}`);
  }
  const sizing = parseSizingQuery(url.searchParams);
  const channelsGiven = url.searchParams.getAll("channels").some((value) => value.trim() !== "");
  const query = parseRecommendationQuery(url.searchParams, channelsGiven ? ["stage"] : ["model", "stage"]);
  // one session lookup for the whole page: shared with the root loader through the request's context
  const [lang, signedIn] = await Promise.all([languageFor(request), getSignedIn(request, context)]);
  const state = await playbookStateForOrganisation(await organisationIdForRequest({ request, context }, signedIn));
  const { playbook } = state;
  // A signed-in person who has not chosen yet starts from their organisation's current choice and profile.
  if (signedIn && !url.searchParams.has("model") && !url.searchParams.has("stage") && !channelsGiven) {
    const profile = await getBusinessProfile({ organisationId: signedIn.organisation.id });
    const params = new URLSearchParams(url.searchParams);
    if (profile.channels.length === 0) params.set("model", signedIn.organisation.operatingModel);
    params.set("stage", signedIn.organisation.stage);
    for (const [key, value] of sizingParams(profile.channels.length > 0 ? profile.channels : null, profile.drivers))
      params.set(key, value);
    throw redirect(`/planner?${params.toString()}`);
  }
  const organisation = signedIn
    ? {
        name: signedIn.organisation.name,
        operatingModel: signedIn.organisation.operatingModel,
        stage: signedIn.organisation.stage,
        canUpdate: can(signedIn.actor, "organisation.update", { organisationId: signedIn.actor.organisationId }),
      }
    : null;
  const channels = sizing.channels ?? (query.model && !channelsGiven ? [{ model: query.model, share: 100 }] : null);
  const recommendation =
    channels && query.stage && sizing.problems.length === 0
      ? recommendationFor(playbook, { channels, stage: query.stage, drivers: sizing.drivers }, lang)
      : null;
  // the numbers that come from the organisation's edited playbook (issue 13): only the marked roles are sent
  const edited =
    recommendation && channels && state.version > 0
      ? {
          version: state.version,
          roles: editedMarks({
            edited: state.edited,
            playbook,
            models: channels.map((c) => c.model),
            stage: recommendation.stage,
            sized: Object.values(sizing.drivers).some((v) => v !== undefined),
          }).roles,
        }
      : null;
  // A garbage id or driver is the client's mistake (400); a missing one is just a page to fill in.
  const invalid = blockingProblems(query).some((problem) => problem.kind === "invalid") || sizing.problems.length > 0;
  return data(
    {
      query: { ...query, model: recommendation?.model ?? query.model },
      sizing: { channels: sizing.channels, drivers: sizing.drivers, problems: sizing.problems },
      lang,
      // the reader's language only: the page never shows the other one (decision 0020)
      ...playbookLabels(playbook, lang),
      recommendation,
      edited,
      organisation,
    },
    { status: invalid ? 400 : 200 },
  );
}

type Playbook = Awaited<ReturnType<typeof playbookStateForOrganisation>>["playbook"];
type PlaybookLabels = Pick<Playbook, "models" | "stages">;
/** The models and stages in one language, made once per playbook version and language. */
const labelsByPlaybook = new WeakMap<Playbook, Partial<Record<Language, PlaybookLabels>>>();
function playbookLabels(playbook: Playbook, lang: Language): PlaybookLabels {
  const byLanguage = labelsByPlaybook.get(playbook) ?? {};
  labelsByPlaybook.set(playbook, byLanguage);
  return (byLanguage[lang] ??= inOneLanguage({ models: playbook.models, stages: playbook.stages }, lang));
}

type SizedInput = Omit<Parameters<typeof sizedRecommendation>[0], "playbook">;
const RECOMMENDATIONS_KEPT = 200;
const recommendationsByPlaybook = new WeakMap<Playbook, Map<string, ReturnType<typeof sizedRecommendation>>>();
/**
 * The sized recommendation in the reader's language. It is a pure function of
 * (playbook version, channels, stage, drivers), so the page keeps the last few
 * hundred answers per playbook: most readers ask for the same handful.
 */
function recommendationFor(playbook: Playbook, input: SizedInput, lang: Language) {
  const cache = recommendationsByPlaybook.get(playbook) ?? new Map<string, ReturnType<typeof sizedRecommendation>>();
  recommendationsByPlaybook.set(playbook, cache);
  const key = JSON.stringify([lang, input.channels, input.stage, input.drivers ?? null]);
  const kept = cache.get(key);
  if (kept) return kept;
  const made = inOneLanguage(sizedRecommendation({ playbook, ...input }), lang);
  if (cache.size >= RECOMMENDATIONS_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, made);
  return made;
}

const organisationChoiceSchema = z.object({
  intent: z.literal("use_for_organisation"),
  model: z.enum(MODEL_IDS, { message: `Choose one of: ${MODEL_IDS.join(", ")}` }),
  stage: z.enum(STAGE_IDS, { message: `Choose one of: ${STAGE_IDS.join(", ")}` }),
});

/** Makes the chosen model and stage the organisation's current ones (admins and managers). */
export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePermission({ request, context }, "organisation.update");
  const form = await readFormData(request);
  // conform's requests (a blur's validation) are never a submission
  if (isConformIntent(form)) return data({ ok: false as const, errors: null }, { status: 400 });
  const parsed = organisationChoiceSchema.safeParse({
    intent: form.get("intent"),
    model: form.get("model"),
    stage: form.get("stage"),
  });
  if (!parsed.success) {
    return data({ ok: false as const, errors: parsed.error.flatten().fieldErrors }, { status: 400 });
  }
  await updateOrganisation({
    organisationId: signedIn.actor.organisationId,
    actorUserId: signedIn.actor.userId,
    name: signedIn.organisation.name,
    operatingModel: parsed.data.model,
    stage: parsed.data.stage,
    ipAddress: clientAddress(request, context),
  });
  return data({ ok: true as const, errors: null });
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
  const { query, sizing, lang, models, stages, recommendation, edited, organisation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();

  const hrefWith = useCallback(
    (role: RoleId | null) => {
      const params = new URLSearchParams();
      if (query.model && !sizing.channels) params.set("model", query.model);
      if (query.stage) params.set("stage", query.stage);
      for (const [key, value] of sizingParams(sizing.channels, sizing.drivers)) params.set(key, value);
      if (role) params.set("role", role);
      if (query.lang) params.set("lang", query.lang);
      return `/planner?${params.toString()}`;
    },
    [query.model, query.stage, query.lang, sizing.channels, sizing.drivers],
  );
  const selectRole = useCallback(
    (role: RoleId | null) => navigate(hrefWith(role), { preventScrollReset: true, replace: true }),
    [navigate, hrefWith],
  );
  const closePanel = useCallback(() => selectRole(null), [selectRole]);
  const modelLabel = useMemo(() => {
    const labels = new Map(models.map((model) => [model.id, model.label]));
    return (model: ModelId) => labels.get(model) ?? { zh: model, en: model };
  }, [models]);
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
          channels={sizing.channels}
          drivers={sizing.drivers}
          sizingProblems={sizing.problems}
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
          <OrganisationChoice
            organisation={organisation}
            model={recommendation.model}
            stage={recommendation.stage}
            models={models}
            stages={stages}
            lang={lang}
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
                picture={{
                  title: t("diagram.picture.planner"),
                  model: localize(models.find((candidate) => candidate.id === recommendation.model)!.label, lang),
                  stage: stageLabel(recommendation.stage),
                  fileStem: `org-chart-${recommendation.model}-${recommendation.stage}`,
                }}
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
                modelLabel={modelLabel}
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
            modelLabel={modelLabel}
            edited={edited}
          />
        </section>
      ) : (
        <p
          className="mt-10 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
          data-testid="choose-prompt"
        >
          {t("planner.choosePrompt")}
        </p>
      )}
      <p className="mt-10 text-sm text-slate-500">
        <Link to="/" className="underline">
          {t("app.nav.home")}
        </Link>
      </p>
    </main>
  );
}
