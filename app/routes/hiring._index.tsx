import { visibleHiringDelta } from "~/domain/visibility";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useNumberFormat } from "~/components/heatmap/format";
import { useMoneyFormat } from "~/components/hiring/budget";
import { BudgetByQuarter } from "~/components/hiring/BudgetByQuarter";
import { SkillShortfalls, type SkillHireReply } from "~/components/hiring/SkillShortfalls";
import { HiringTable } from "~/components/hiring/HiringTable";
import { PriorityChange } from "~/components/hiring/PriorityChange";
import { ReadOnlyOrgChart } from "~/components/hiring/ReadOnlyOrgChart";
import {
  parseMoveForm,
  parsePlanForm,
  parseSkillHireForm,
  parseStatusForm,
  parseTargetForm,
  SETTABLE_STATUSES,
} from "~/forms/hiring";
import { PriorityBadge } from "~/components/planner/PriorityBadge";
import { Badge, ui } from "~/components/ui";
import { budgetByQuarter } from "~/domain/hiring-budget";
import {
  addQuarters,
  hiringDelta,
  PIPELINE_STATUSES,
  planFigures,
  profileChoices,
  proposeHires,
  quarterOf,
  recommendationForChoice,
  type Choice,
} from "~/domain/hiring-delta";
import { MIN_GROUP_SIZE, can } from "~/domain/permissions";
import { skillShortfalls } from "~/domain/skill-shortfalls";
import { MODEL_IDS, STAGE_IDS, type RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { hiringStrings } from "~/locales/hiring";
import {
  addPositions,
  getHiringTarget,
  getPosition,
  listPositions,
  movePosition,
  setHiringTarget,
  setPositionStatus,
  type PositionRow,
} from "~/models/hiring.server";
import { getBusinessProfile } from "~/models/business-profile.server";
import { keptTeam } from "~/models/team-state.server";
import { playbookStateForOrganisation } from "~/models/playbook.server";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import { editedMarks, isHeadcountEdited, NO_EDITED_MARKS } from "~/domain/edited-marks";
import { notFound, requirePermission } from "~/utils/auth.server";
import { intentOf, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";
import { cancelConfirmationHref, needsCancelConfirmation } from "~/components/hiring/cancel-confirmation";

const DONE = ["target", "plan", "moved", "status", "filled", "added", "skill"] as const;

/** Skill-driven proposals are not made again for a role and skill a position still to be filled hires for. */
function skillPipeline(positions: readonly PositionRow[]) {
  return positions
    .filter((p) => PIPELINE_STATUSES.includes(p.status))
    .map((p) => ({ roleId: p.roleId, skillId: p.skill?.skillId ?? null }));
}

/**
 * The organisation's hiring picture: team, target, plan, and the delta
 * between them, with both org charts sized to the business profile (the
 * headcount the chart and the planner show).
 */
async function hiringState(organisation: { id: string; operatingModel: Choice["model"]; stage: Choice["stage"] }) {
  const [state, team, target, positions, profile] = await Promise.all([
    playbookStateForOrganisation(organisation.id),
    keptTeam(organisation.id),
    getHiringTarget({ organisationId: organisation.id }),
    listPositions({ organisationId: organisation.id }),
    getBusinessProfile({ organisationId: organisation.id }),
  ]);
  const { playbook } = state;
  // both sides sized to the business profile, like the chart and the gaps (sizing.ts)
  const choices = profileChoices(profile, { model: organisation.operatingModel, stage: organisation.stage }, target);
  const current = { model: choices.current.model, stage: choices.current.stage };
  const delta = choices.target ? hiringDelta(team, choices.current, choices.target, playbook) : null;
  const targetChart = choices.target ? recommendationForChoice(choices.target, playbook) : null;
  const sized = profile.channels.length > 0 || Object.keys(profile.drivers).length > 0;
  // the target headcounts that come from the organisation's edited playbook (issue 13)
  const marks = choices.target
    ? editedMarks({
        edited: state.edited,
        playbook,
        models: (choices.target.channels ?? [{ model: choices.target.model }]).map((c) => c.model),
        stage: choices.target.stage,
        sized: Object.values(profile.drivers).some((v) => v !== undefined),
      })
    : NO_EDITED_MARKS;
  const editedTargets = {
    version: state.version,
    roles: Object.keys(marks.roles).filter((roleId) => isHeadcountEdited(marks, roleId)),
  };
  return { playbook, team, target, positions, current, delta, targetChart, sized, editedTargets };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "hiring.read");
  const [{ playbook, team, target, positions, current, delta, targetChart, sized, editedTargets }, lang] =
    await Promise.all([hiringState(organisation), languageFor(request)]);
  const scope = { organisationId: organisation.id };
  const canPlan = can(actor, "hiring.plan", scope);
  const canStatus = can(actor, "hiring.status", scope);
  // Privacy (issue 14): the plan is for managers, HR and admins; the delta's skills only where they point at nobody.
  const canReadPlan = can(actor, "hiring.positions", scope);
  const figures = planFigures(positions);
  const firstQuarter = addQuarters(quarterOf(new Date()), 1);
  const proposal = delta && canPlan ? proposeHires(delta, playbook, firstQuarter, figures.pipelineByRole) : [];
  // who is closest to a level is a person's skill level: shown to those who plan (managers, admins)
  const ownMember = new Set(team.members.filter((m) => m.userId === actor.userId).map((m) => m.id));
  const shortfalls =
    delta && canPlan
      ? skillShortfalls(delta, team, skillPipeline(positions)).map((s) => ({
          ...s,
          // training is planned for someone else (training.plan): never for oneself
          trainHref:
            s.closest && s.levelsToGo !== null && s.levelsToGo > 0 && !ownMember.has(s.closest.memberId)
              ? `/training/plan/${encodeURIComponent(s.closest.memberId)}?${new URLSearchParams({ skill: s.skillId, level: String(s.required) })}`
              : null,
        }))
      : [];

  const roleLabel = Object.fromEntries(playbook.roles.map((r) => [r.id, localize(r.label, lang)])) as Record<
    RoleId,
    string
  >;
  const skillLabel = Object.fromEntries(playbook.skills.map((s) => [s.id, localize(s.label, lang)]));
  const modelLabel = Object.fromEntries(playbook.models.map((m) => [m.id, localize(m.label, lang)]));
  const stageLabel = Object.fromEntries(playbook.stages.map((s) => [s.id, localize(s.label, lang)]));
  const done = new URL(request.url).searchParams.get("done");
  return {
    lang,
    canPlan,
    canStatus,
    current,
    target,
    canReadPlan,
    delta: delta ? visibleHiringDelta(actor, organisation.id, team.members, delta) : null,
    editedTargets,
    sized,
    proposal,
    shortfalls,
    firstQuarter,
    positions: canReadPlan ? positions.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })) : [],
    figures: canReadPlan ? figures : planFigures([]),
    budget: budgetByQuarter(canReadPlan ? positions : []),
    recommendation: targetChart,
    labels: { role: roleLabel, skill: skillLabel, model: modelLabel, stage: stageLabel },
    done: DONE.find((d) => d === done) ?? null,
  };
}

const INTENTS = ["set_target", "create_plan", "hire_for_skill", "move", "status"] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const intent = intentOf(formData, INTENTS);
  // the permission depends on what is asked: HR may only move a position's status
  const signedIn = await requirePermission({ request, context }, intent === "status" ? "hiring.status" : "hiring.plan");
  const organisationId = signedIn.organisation.id;
  if (intent === null) {
    return data({ intent: null, lastResult: null, formError: "hiring.errors.intent" }, { status: 400 });
  }
  if (intent === "set_target") {
    const submission = parseTargetForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    await setHiringTarget({ organisationId, target: { model: submission.value.model, stage: submission.value.stage } });
    return redirect("/hiring?done=target");
  }
  if (intent === "create_plan") {
    const submission = parsePlanForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    const result = await addPositions({
      organisationId,
      positions: submission.value.positions.map((p) => ({ ...p, ownerUserId: signedIn.actor.userId, notes: "" })),
    });
    if (!result.ok)
      return data(
        { intent, lastResult: submission.reply({ formErrors: ["hiring.errors.owner"] }), formError: null },
        { status: 400 },
      );
    return redirect("/hiring?done=plan#plan");
  }
  if (intent === "hire_for_skill") {
    const submission = parseSkillHireForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    const { roleId, skillId, targetQuarter } = submission.value;
    // the level comes from today's target and team, not from the form: a role and skill no longer short is refused
    const { team, positions, delta } = await hiringState(signedIn.organisation);
    const shortfall = delta
      ? skillShortfalls(delta, team, skillPipeline(positions)).find((s) => s.roleId === roleId && s.skillId === skillId)
      : undefined;
    if (!shortfall) {
      return data(
        { intent, lastResult: submission.reply({ formErrors: ["hiring.errors.skillNotShort"] }), formError: null },
        { status: 400 },
      );
    }
    const result = await addPositions({
      organisationId,
      positions: [
        {
          roleId,
          headcount: 1,
          targetQuarter,
          origin: "skill",
          skill: { skillId, level: shortfall.required },
          ownerUserId: signedIn.actor.userId,
          notes: "",
        },
      ],
    });
    if (!result.ok)
      return data(
        { intent, lastResult: submission.reply({ formErrors: ["hiring.errors.owner"] }), formError: null },
        { status: 400 },
      );
    return redirect("/hiring?done=skill#plan");
  }
  if (intent === "move") {
    const submission = parseMoveForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    const result = await movePosition({
      organisationId,
      positionId: submission.value.positionId,
      direction: submission.value.direction === "up" ? -1 : 1,
    });
    if (!result.ok) throw notFound();
    return redirect("/hiring?done=moved#plan");
  }
  const submission = parseStatusForm(formData);
  if (submission.status !== "success")
    return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
  // a cancellation is asked about on the position's page first; nothing is written here
  if (needsCancelConfirmation(submission.value.status, formData)) {
    if (!(await getPosition({ organisationId, positionId: submission.value.positionId }))) throw notFound();
    return redirect(cancelConfirmationHref(submission.value.positionId));
  }
  const result = await setPositionStatus({
    organisationId,
    positionId: submission.value.positionId,
    status: submission.value.status,
  });
  if (!result.ok) throw notFound();
  return redirect("/hiring?done=status#plan");
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: hiringStrings[loaderData?.lang ?? "zh"].metaTitle },
];

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export default function HiringPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { current, target, delta, labels, done, recommendation, lang, editedTargets } = loaderData;
  const scenarioHref = target
    ? `/scenarios?${new URLSearchParams({ aModel: current.model, aStage: current.stage, bModel: target.model, bStage: target.stage })}`
    : "/scenarios";

  return (
    <main id="main" className="mx-auto max-w-7xl space-y-10 px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("hiring.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{t("hiring.intro")}</p>
        {done ? (
          <p
            role="status"
            className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
            data-testid="done"
          >
            {t(`hiring.done.${done}`)}
          </p>
        ) : null}
        {actionData?.formError ? (
          <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {t(actionData.formError)}
          </p>
        ) : null}
      </header>

      <TargetSection data={loaderData} actionData={actionData} />

      {delta && target ? (
        <section aria-labelledby="delta-title" data-testid="delta">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="delta-title" className={ui.h2}>
              {t("hiring.delta.title", {
                from: `${labels.model[current.model]} · ${labels.stage[current.stage]}`,
                to: `${labels.model[target.model]} · ${labels.stage[target.stage]}`,
              })}
            </h2>
            <Link to={scenarioHref} className={ui.link}>
              {t("hiring.delta.compare")}
            </Link>
          </div>
          <p className="mt-1 text-sm text-slate-600" data-testid="delta-totals">
            {t("hiring.delta.totals", {
              gap: delta.totals.gap,
              skills: delta.totals.missingSkills,
              changes: delta.totals.priorityChanges,
            })}
          </p>
          <p className="mt-1 text-xs text-slate-500" data-testid="delta-sizing">
            {loaderData.sized ? t("hiring.delta.sized") : t("hiring.delta.unsized")}{" "}
            {loaderData.canPlan ? (
              <Link to="/settings/profile" className={ui.link}>
                {t("hiring.delta.profileLink")}
              </Link>
            ) : null}
          </p>
          <DeltaTable delta={delta} labels={labels} editedTargets={editedTargets} />
        </section>
      ) : null}

      {loaderData.proposal.length > 0 ? <ProposalForm data={loaderData} actionData={actionData} /> : null}

      {loaderData.shortfalls.length > 0 ? (
        <SkillShortfalls
          rows={loaderData.shortfalls}
          roleLabel={labels.role}
          skillLabel={labels.skill}
          firstQuarter={loaderData.firstQuarter}
          reply={skillHireReply(actionData)}
        />
      ) : null}

      <PlanSection data={loaderData} />

      {recommendation ? (
        <section aria-labelledby="target-chart-title">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
            <h2 id="target-chart-title" className={ui.h2}>
              {t("hiring.chart.title")}
            </h2>
          </div>
          <ReadOnlyOrgChart
            recommendation={recommendation}
            lang={lang}
            height={420}
            picture={{
              title: t("diagram.picture.hiring"),
              model: labels.model[recommendation.model] ?? recommendation.model,
              stage: labels.stage[recommendation.stage] ?? recommendation.stage,
              fileStem: `target-org-${recommendation.model}-${recommendation.stage}`,
              testId: "export-target",
            }}
          />
        </section>
      ) : null}
    </main>
  );
}

function skillHireReply(actionData: ActionData): SkillHireReply | null {
  if (actionData?.intent !== "hire_for_skill" || !actionData.lastResult) return null;
  const typed = (actionData.lastResult.initialValue ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    roleId: text(typed.roleId),
    skillId: text(typed.skillId),
    targetQuarter: text(typed.targetQuarter),
    errors: actionData.lastResult.error ?? {},
  };
}

function TargetSection({ data: d, actionData }: { data: LoaderData; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = actionData?.intent === "set_target" ? actionData.lastResult?.error : undefined;
  const typed =
    actionData?.intent === "set_target" ? (actionData.lastResult?.initialValue as Record<string, string> | null) : null;
  const model = typed?.model ?? d.target?.model ?? "";
  const stage = typed?.stage ?? d.target?.stage ?? "";
  return (
    <section aria-labelledby="target-title" className={ui.card}>
      <h2 id="target-title" className={ui.h2}>
        {t("hiring.target.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("hiring.target.today", { model: d.labels.model[d.current.model], stage: d.labels.stage[d.current.stage] })}
      </p>
      {d.target ? (
        <p className="mt-1 text-sm font-medium text-slate-900" data-testid="target-now">
          {t("hiring.target.current", { model: d.labels.model[d.target.model], stage: d.labels.stage[d.target.stage] })}
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-600" data-testid="no-target">
          {d.canPlan ? t("hiring.target.emptyPlanner") : t("hiring.target.emptyReader")}
        </p>
      )}
      {d.canPlan ? (
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-4" aria-label={t("hiring.target.formLabel")}>
          <input type="hidden" name="intent" value="set_target" />
          <div>
            <label htmlFor="target-model" className={ui.label}>
              {t("hiring.target.model")}
            </label>
            <select
              id="target-model"
              name="model"
              defaultValue={model}
              key={`m-${model}`}
              className={ui.input}
              aria-invalid={errors?.model ? true : undefined}
              aria-describedby="target-model-error"
            >
              <option value="">{t("hiring.target.choose")}</option>
              {MODEL_IDS.map((id) => (
                <option key={id} value={id}>
                  {d.labels.model[id]}
                </option>
              ))}
            </select>
            <FieldError id="target-model-error" errors={errors?.model} />
          </div>
          <div>
            <label htmlFor="target-stage" className={ui.label}>
              {t("hiring.target.stage")}
            </label>
            <select
              id="target-stage"
              name="stage"
              defaultValue={stage}
              key={`s-${stage}`}
              className={ui.input}
              aria-invalid={errors?.stage ? true : undefined}
              aria-describedby="target-stage-error"
            >
              <option value="">{t("hiring.target.choose")}</option>
              {STAGE_IDS.map((id) => (
                <option key={id} value={id}>
                  {d.labels.stage[id]}
                </option>
              ))}
            </select>
            <FieldError id="target-stage-error" errors={errors?.stage} />
          </div>
          <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
            {t("hiring.target.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function FieldError({ id, errors }: { id: string; errors: string[] | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {errors?.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}

function DeltaTable({
  delta,
  labels,
  editedTargets,
}: {
  delta: NonNullable<LoaderData["delta"]>;
  labels: LoaderData["labels"];
  editedTargets: LoaderData["editedTargets"];
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const range = (h: { min: number; max: number }) => (h.min === h.max ? `${h.min}` : `${h.min}–${h.max}`);
  return (
    <HiringTable
      caption={t("hiring.delta.caption")}
      testId="delta-table"
      className="mt-4"
      columns={[
        { key: "role", label: t("hiring.delta.role") },
        { key: "fte", label: t("hiring.delta.fte"), numeric: true },
        { key: "target", label: t("hiring.delta.target"), numeric: true },
        { key: "gap", label: t("hiring.delta.gap"), numeric: true },
        { key: "priority", label: t("hiring.delta.priority") },
        { key: "missingSkills", label: t("hiring.delta.missingSkills") },
      ]}
    >
      {delta.roles.map((r) => (
        <tr key={r.roleId} data-role={r.roleId} data-gap={r.gap}>
          <th scope="row" className={`${ui.td} text-left font-semibold`}>
            {labels.role[r.roleId]}
          </th>
          <td className={`${ui.td} text-right tabular-nums`}>{num(r.fte)}</td>
          <td className={`${ui.td} text-right tabular-nums`}>
            {range(r.targetHeadcount)}
            <EditedBadge
              edited={r.targetPriority === "core" && editedTargets.roles.includes(r.roleId)}
              version={editedTargets.version}
            />
          </td>
          <td className={`${ui.td} text-right tabular-nums`} data-testid="gap">
            {r.gap > 0 ? (
              <span className="font-semibold text-red-700">{r.gap}</span>
            ) : r.overBy > 0 ? (
              <span className="text-slate-500">{t("hiring.delta.over", { value: num(r.overBy) })}</span>
            ) : (
              "0"
            )}
          </td>
          <td className={ui.td}>
            <PriorityChange from={r.currentPriority} to={r.targetPriority} changed={r.change !== "same"}>
              <span className={`text-xs ${r.change === "raised" ? "text-emerald-800" : "text-amber-800"}`}>
                {t(`hiring.delta.change.${r.change}`)}
              </span>
            </PriorityChange>
          </td>
          <td className={ui.td}>
            {r.withheld ? (
              <span className="text-slate-500">{t("insights.withheld", { count: MIN_GROUP_SIZE })}</span>
            ) : r.missingSkills.length === 0 ? (
              <span className="text-slate-500">{t("hiring.delta.noneMissing")}</span>
            ) : (
              <ul className="space-y-0.5">
                {r.missingSkills.map((s) => (
                  <li key={s.skillId}>
                    {labels.skill[s.skillId] ?? s.skillId}{" "}
                    <span className="text-xs text-slate-500">
                      {s.holders === 0
                        ? t("hiring.delta.needNobody", { required: s.required })
                        : s.bestLevel === null
                          ? t("hiring.delta.needNotAssessed", { required: s.required })
                          : t("hiring.delta.need", { required: s.required, best: s.bestLevel })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </HiringTable>
  );
}

function ProposalForm({ data: d, actionData }: { data: LoaderData; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const result = actionData?.intent === "create_plan" ? actionData.lastResult : null;
  const errors = result?.error ?? {};
  const typed = (
    result?.initialValue as { rows?: { include?: string; headcount?: string; targetQuarter?: string }[] } | null
  )?.rows;
  return (
    <section aria-labelledby="proposal-title" className={ui.card} data-testid="proposal">
      <h2 id="proposal-title" className={ui.h2}>
        {t("hiring.proposal.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("hiring.proposal.intro")}</p>
      <Form method="post" className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="create_plan" />
        {errors[""] ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {errors[""].map((e) => (
              <p key={e}>{t(e)}</p>
            ))}
          </div>
        ) : null}
        <HiringTable
          caption={t("hiring.proposal.title")}
          columns={[
            { key: "order", label: t("hiring.proposal.order") },
            { key: "include", label: t("hiring.proposal.include") },
            { key: "role", label: t("hiring.delta.role") },
            { key: "priority", label: t("hiring.delta.priority") },
            { key: "headcount", label: t("hiring.proposal.headcount") },
            { key: "quarter", label: t("hiring.proposal.quarter") },
          ]}
        >
          {d.proposal.map((p, i) => {
            const row = typed?.[i];
            const headcountError = errors[`rows[${i}].headcount`];
            const quarterError = errors[`rows[${i}].targetQuarter`];
            const label = d.labels.role[p.roleId];
            return (
              <tr key={p.roleId} data-role={p.roleId}>
                <td className={`${ui.td} tabular-nums`}>{i + 1}</td>
                <td className={ui.td}>
                  <input type="hidden" name={`rows[${i}].roleId`} value={p.roleId} />
                  <input
                    type="checkbox"
                    name={`rows[${i}].include`}
                    defaultChecked={typed ? row?.include === "on" : true}
                    aria-label={t("hiring.proposal.includeRole", { role: label })}
                    className="h-4 w-4"
                  />
                </td>
                <th scope="row" className={`${ui.td} text-left font-semibold`}>
                  {label}
                  <span className="block text-xs font-normal text-slate-500">
                    {t(`hiring.proposal.tier.${p.tier}`)}
                  </span>
                </th>
                <td className={ui.td}>
                  <PriorityBadge priority={p.priority} />
                </td>
                <td className={ui.td}>
                  <input
                    type="number"
                    min={1}
                    max={50}
                    name={`rows[${i}].headcount`}
                    defaultValue={row?.headcount ?? String(p.headcount)}
                    aria-label={t("hiring.proposal.headcountFor", { role: label })}
                    aria-invalid={headcountError ? true : undefined}
                    className={`${ui.input} w-24`}
                  />
                  <FieldError id={`rows-${i}-headcount-error`} errors={headcountError} />
                </td>
                <td className={ui.td}>
                  <input
                    type="text"
                    name={`rows[${i}].targetQuarter`}
                    defaultValue={row?.targetQuarter ?? p.targetQuarter}
                    aria-label={t("hiring.proposal.quarterFor", { role: label })}
                    aria-invalid={quarterError ? true : undefined}
                    placeholder="2027-Q1"
                    className={`${ui.input} w-32`}
                  />
                  <FieldError id={`rows-${i}-quarter-error`} errors={quarterError} />
                </td>
              </tr>
            );
          })}
        </HiringTable>
        <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
          {t("hiring.proposal.submit")}
        </button>
      </Form>
    </section>
  );
}

function PlanSection({ data: d }: { data: LoaderData }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const { figures, positions } = d;
  return (
    <section id="plan" aria-labelledby="plan-title" className="scroll-mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="plan-title" className={ui.h2}>
          {t("hiring.plan.title")}
        </h2>
        <span className="flex flex-wrap items-baseline gap-4">
          {d.canPlan ? (
            <Link to="/hiring/positions/new" className={ui.link}>
              {t("hiring.manual.add")}
            </Link>
          ) : null}
          {d.canReadPlan ? (
            <Link to="/hiring/open" className={ui.link}>
              {t("hiringPublic.open.title")}
            </Link>
          ) : null}
          {positions.length > 0 ? (
            <a href="/hiring/plan.csv" className={ui.link} download>
              {t("hiring.plan.exportCsv")}
            </a>
          ) : null}
        </span>
      </div>
      {positions.length === 0 ? (
        <p className={`${ui.empty} mt-3`} data-testid="plan-empty">
          {!d.canReadPlan ? (
            <>
              {t("hiring.plan.private")}{" "}
              <Link to="/hiring/open" className={ui.link}>
                {t("hiringPublic.planPrivateLink")}
              </Link>
            </>
          ) : d.target ? (
            d.canPlan ? (
              t("hiring.plan.emptyPlanner")
            ) : (
              t("hiring.plan.emptyReader")
            )
          ) : (
            t("hiring.plan.emptyNoTarget")
          )}
        </p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="plan-figures">
            {(
              [
                ["positions", figures.positions],
                ["seats", figures.seats],
                ["inPipeline", figures.inPipeline],
                ["filled", figures.filled],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-500">{t(`hiring.plan.figures.${key}`)}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-figure={key}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <HiringTable
            caption={t("hiring.plan.title")}
            testId="plan-table"
            className="mt-4"
            columns={[
              { key: "order", label: t("hiring.plan.order") },
              { key: "role", label: t("hiring.delta.role") },
              { key: "headcount", label: t("hiring.plan.headcount"), numeric: true },
              { key: "quarter", label: t("hiring.plan.quarter") },
              { key: "budget", label: t("hiring.budget.column"), numeric: true },
              { key: "status", label: t("hiring.plan.status") },
              { key: "owner", label: t("hiring.plan.owner") },
              { key: "filledBy", label: t("hiring.plan.filledBy") },
              { key: "actions", label: <span className="sr-only">{t("hiring.plan.actions")}</span> },
            ]}
          >
            {positions.map((p, i) => {
              const label = d.labels.role[p.roleId];
              return (
                <tr
                  key={p.id}
                  data-position={p.id}
                  data-role={p.roleId}
                  data-status={p.status}
                  className={p.status === "cancelled" ? "text-slate-500" : undefined}
                >
                  <td className={`${ui.td} tabular-nums`}>{i + 1}</td>
                  <th scope="row" className={`${ui.td} text-left font-semibold`}>
                    <Link to={`/hiring/positions/${p.id}`} className={ui.link}>
                      {p.title || label}
                    </Link>
                    {p.isPublic ? (
                      <Badge tone="sky" className="ml-2 align-middle" data-testid="public-badge">
                        {t("hiringPublic.badge")}
                      </Badge>
                    ) : null}
                    {p.title ? <span className="block text-xs font-normal text-slate-500">{label}</span> : null}
                    {p.origin !== "delta" ? (
                      <span className="block text-xs font-normal text-slate-500" data-testid="origin">
                        {p.skill
                          ? t("hiring.origin.skillFor", {
                              skill: d.labels.skill[p.skill.skillId] ?? p.skill.skillId,
                              level: p.skill.level,
                            })
                          : t(`hiring.origin.${p.origin}`)}
                      </span>
                    ) : null}
                    {p.notes ? (
                      <span className="block max-w-xs truncate text-xs font-normal text-slate-500">{p.notes}</span>
                    ) : null}
                  </th>
                  <td className={`${ui.td} text-right tabular-nums`}>{p.headcount}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{p.targetQuarter}</td>
                  <td className={`${ui.td} whitespace-nowrap text-right tabular-nums`} data-testid="position-budget">
                    {p.budget ? (
                      money(p.budget.amount * p.headcount, p.budget.currency)
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <td className={ui.td}>
                    {d.canStatus && p.status !== "filled" ? (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="intent" value="status" />
                        <input type="hidden" name="positionId" value={p.id} />
                        <select
                          name="status"
                          defaultValue={p.status}
                          aria-label={t("hiring.plan.statusFor", { role: label, n: i + 1 })}
                          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                        >
                          {SETTABLE_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`hiring.status.${s}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="text-xs font-medium text-indigo-700 hover:underline">
                          {t("hiring.plan.saveStatus")}
                        </button>
                      </Form>
                    ) : (
                      <span data-testid="status">{t(`hiring.status.${p.status}`)}</span>
                    )}
                  </td>
                  <td className={ui.td}>
                    {p.owner?.name ?? <span className="text-slate-400">{t("hiring.plan.noOwner")}</span>}
                  </td>
                  <td className={ui.td}>
                    {p.filledBy ? (
                      <Link to={`/team/${p.filledBy.id}`} className={ui.link}>
                        {p.filledBy.name}
                      </Link>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <td className={`${ui.td} whitespace-nowrap text-right`}>
                    <span className="inline-flex items-center gap-1">
                      {d.canPlan ? (
                        <>
                          <MoveButton
                            positionId={p.id}
                            direction="up"
                            disabled={i === 0}
                            label={t("hiring.plan.moveUp", { role: label, n: i + 1 })}
                          />
                          <MoveButton
                            positionId={p.id}
                            direction="down"
                            disabled={i === positions.length - 1}
                            label={t("hiring.plan.moveDown", { role: label, n: i + 1 })}
                          />
                        </>
                      ) : null}
                      {d.canStatus && p.status !== "filled" && p.status !== "cancelled" ? (
                        <Link
                          to={`/hiring/positions/${p.id}#fill`}
                          className="ml-2 text-xs font-medium text-indigo-700 hover:underline"
                        >
                          {t("hiring.plan.fill")}
                        </Link>
                      ) : null}
                    </span>
                  </td>
                </tr>
              );
            })}
          </HiringTable>
          <BudgetByQuarter budget={d.budget} />
        </>
      )}
    </section>
  );
}

function MoveButton({
  positionId,
  direction,
  disabled,
  label,
}: {
  positionId: string;
  direction: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="positionId" value={positionId} />
      <button
        type="submit"
        name="direction"
        value={direction}
        disabled={disabled}
        aria-label={label}
        title={label}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-30"
      >
        {direction === "up" ? "↑" : "↓"}
      </button>
    </Form>
  );
}
