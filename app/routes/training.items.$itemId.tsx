import { trainingStrings } from "~/locales/training";
import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { FormErrors, ui, useLang, titleMeta, FieldErrors } from "~/components/ui";
import { formatDay, labelOf } from "~/components/team/format";
import { LevelOptions } from "~/components/team/LevelOptions";
import { assessHref } from "~/components/team/memberPage";
import { StatusBadge } from "~/components/training/ui";
import { can } from "~/domain/permissions";
import { TRAINING_KINDS } from "~/domain/training-advice";
import {
  conflictingChanges,
  displayStatus,
  EDITABLE_FIELDS,
  editableValues,
  itemOutcome,
  PROGRESS_FIELDS,
  TRAINING_STATUSES,
  type FieldConflict,
} from "~/domain/training-progress";
import { playbookForOrganisation } from "~/models/playbook.server";
import { safely } from "~/models/notify.server";
import { notifyReassessmentRequested } from "~/models/reminders.server";
import { findItemToAuthorise, getTrainingItem, latestAssessmentOf, saveTrainingItem } from "~/models/training.server";
import { notFound, requireRecord, type RequestArgs } from "~/utils/auth.server";
import { EVIDENCE_MAX, parseItemForm, PROVIDER_MAX, typedValue } from "~/forms/training";
import { conflictSubmission, invalidSubmission, readFormData } from "~/utils/forms";

async function authorise(args: RequestArgs, itemId: string, permission: "training.read" | "training.progress") {
  const signedIn = await requireRecord(args, {
    find: () => findItemToAuthorise({ itemId }),
    permission,
    scope: (item) => item.scope,
  });
  const found = signedIn.found;
  const scope = { organisationId: found.organisationId, ...found.scope };
  return {
    signedIn,
    found,
    canPlan: can(signedIn.actor, "training.plan", scope),
    canProgress: can(signedIn.actor, "training.progress", scope),
    canAssess: can(signedIn.actor, "assessments.write", scope),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { signedIn, found, canPlan, canProgress, canAssess } = await authorise(
    { request, context },
    params.itemId ?? "",
    "training.read",
  );
  const organisationId = signedIn.organisation.id;
  const item = await getTrainingItem({ organisationId, itemId: found.id });
  if (!item) throw notFound();
  const [playbook, latest] = await Promise.all([
    playbookForOrganisation(organisationId),
    latestAssessmentOf({ organisationId, memberId: found.member.id, skillId: item.skillId }),
  ]);
  const outcome = itemOutcome(
    item,
    latest ? { level: latest.level, assessedAt: latest.assessedOn, recordedAt: latest.createdAt } : undefined,
  );
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    member: found.member,
    item: {
      ...editableValues(item),
      id: item.id,
      skillId: item.skillId,
      fromLevel: item.fromLevel,
      version: item.version,
      levelBefore: item.levelBefore,
    },
    display: displayStatus(item, new Date()),
    outcome: { levelAfter: outcome.levelAfter, awaiting: outcome.awaitingReassessment, gapClosed: outcome.gapClosed },
    skills: playbook.skills.map(({ id, label }) => ({ id, label })),
    viewer: { canPlan, canProgress, canAssess },
    saved: saved === "1" || saved === "reassess" ? saved : null,
  };
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.member.name,
  trainingStrings[lang].item.metaTitle,
  trainingStrings[lang].page.metaTitle,
]);

const NOT_CONFLICTING = { conflict: null as FieldConflict[] | null, version: null as number | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { signedIn, found, canPlan } = await authorise({ request, context }, params.itemId ?? "", "training.progress");
  const progressOnly = !canPlan;
  // conform's requests (a blur's validation) parse as such and are never a submission
  const submission = parseItemForm(await readFormData(request), { progressOnly });
  if (submission.status !== "success") return invalidSubmission(submission, { extra: NOT_CONFLICTING });
  const { version, changes, typed } = submission.value;
  const result = await saveTrainingItem({
    organisationId: signedIn.organisation.id,
    itemId: found.id,
    version,
    changes,
  });
  if (!result.ok && result.reason === "not_found") throw notFound();
  if (!result.ok && result.reason === "conflict") {
    // nothing is overwritten: show what differs, keep what was typed, and carry their version so a second save is a choice
    const conflict = conflictingChanges(result.theirs, typed, progressOnly ? PROGRESS_FIELDS : EDITABLE_FIELDS);
    return conflictSubmission(submission, { conflict, version: result.current.version, extra: NOT_CONFLICTING });
  }
  const reassess = result.ok && result.reassessmentRequested;
  if (reassess)
    await safely("re-assessment requested", () =>
      notifyReassessmentRequested({ organisationId: signedIn.organisation.id, itemId: found.id }),
    );
  return redirect(`/training/items/${encodeURIComponent(found.id)}?saved=${reassess ? "reassess" : "1"}`);
}

export default function TrainingItemPage() {
  const { member, item, display, outcome, skills, viewer, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const editable = viewer.canPlan ? EDITABLE_FIELDS : viewer.canProgress ? PROGRESS_FIELDS : [];
  const progressOnly = !viewer.canPlan;
  const [form] = useForm({
    id: "training-item",
    lastResult: answer?.lastResult,
    onValidate: ({ formData }) => parseItemForm(formData, { progressOnly }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = form.allErrors;
  // after an answer, what was typed; before, the saved item
  const value = (field: keyof typeof item) =>
    answer?.lastResult ? (typedValue(answer.lastResult.initialValue, field) ?? "") : String(item[field] ?? "");
  const skill = labelOf(skills, item.skillId, lang);
  const may = (field: string) => (editable as readonly string[]).includes(field);
  const described = (field: string) => ({
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": `${field}-error`,
  });
  const shownValue = (field: string, raw: string) => {
    if (field === "kind") return t(`training.kind.${raw}`, { defaultValue: raw });
    if (field === "status") return t(`training.status.${raw}`, { defaultValue: raw });
    return raw;
  };
  const formErrors = form.errors?.length ? form.errors.filter((error) => error !== "forms.conflict.title") : [];
  const fieldErrorCount = Object.keys(errors).filter((name) => name !== "").length;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/team/${member.id}#training`} className={ui.link}>
          ← {t("training.item.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t("training.item.title", { skill, name: member.name })}</h1>
        <StatusBadge status={display} />
        <span className="text-xs text-slate-500">
          {t("training.item.version", { version: answer?.version ?? item.version })}
        </span>
      </div>
      {saved ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
        >
          {t(saved === "reassess" ? "training.item.savedReassess" : "training.item.saved")}
        </p>
      ) : null}

      <section className={`${ui.card} text-sm`} aria-labelledby="outcome-title">
        <h2 id="outcome-title" className="font-semibold text-slate-900">
          {t("training.item.outcome")}
        </h2>
        <p className="mt-2" data-testid="item-levels">
          {t("training.labelled", { label: t("training.fields.fromLevel"), value: item.fromLevel })} ·{" "}
          {t("training.labelled", { label: t("training.fields.targetLevel"), value: item.targetLevel })}
          {item.levelBefore !== null ? (
            <>
              {" · "}
              {t("training.labelled", {
                label: t("training.fields.levels"),
                value:
                  outcome.levelAfter === null
                    ? t("training.beforeAwaiting", { before: item.levelBefore })
                    : t("training.beforeAfter", { before: item.levelBefore, after: outcome.levelAfter }),
              })}
            </>
          ) : null}
        </p>
        {outcome.awaiting ? (
          <p className="mt-2 text-amber-800">
            {t("training.awaiting")}
            {viewer.canAssess ? (
              <>
                {" · "}
                <Link to={assessHref(member.id, item.skillId)} className={ui.link}>
                  {t("training.item.reassessLink")}
                </Link>
              </>
            ) : null}
          </p>
        ) : outcome.levelAfter !== null ? (
          <p className="mt-2">{outcome.gapClosed ? t("training.gapClosed") : t("training.gapOpen")}</p>
        ) : null}
      </section>

      {answer?.conflict ? (
        <ConflictNotice conflict={answer.conflict} label={(field) => t(`training.fields.${field}`)} show={shownValue} />
      ) : (
        <FormErrors
          id={form.errorId}
          errors={
            formErrors.length > 0
              ? formErrors
              : fieldErrorCount > 0
                ? [errors.version?.[0] ?? "training.errors.form"]
                : undefined
          }
        />
      )}

      {editable.length > 0 ? (
        <Form method="post" {...getFormProps(form)} className={`${ui.card} space-y-5`}>
          {!viewer.canPlan ? <p className="text-sm text-slate-600">{t("training.item.progressOnly")}</p> : null}
          <input type="hidden" name="version" value={answer?.version ?? item.version} />
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {may("targetLevel") ? (
              <div>
                <label htmlFor="targetLevel" className={ui.label}>
                  {t("training.fields.targetLevel")}
                </label>
                <select
                  id="targetLevel"
                  name="targetLevel"
                  defaultValue={value("targetLevel")}
                  className={ui.input}
                  {...described("targetLevel")}
                >
                  <LevelOptions min={1} />
                </select>
                <FieldErrors id="targetLevel-error" errors={errors.targetLevel} />
              </div>
            ) : null}
            {may("kind") ? (
              <div>
                <label htmlFor="kind" className={ui.label}>
                  {t("training.fields.kind")}
                </label>
                <select id="kind" name="kind" defaultValue={value("kind")} className={ui.input} {...described("kind")}>
                  {TRAINING_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`training.kind.${kind}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors id="kind-error" errors={errors.kind} />
              </div>
            ) : null}
            {may("provider") ? (
              <div>
                <label htmlFor="provider" className={ui.label}>
                  {t("training.fields.provider")}
                </label>
                <input
                  id="provider"
                  name="provider"
                  maxLength={PROVIDER_MAX}
                  defaultValue={value("provider")}
                  className={ui.input}
                  {...described("provider")}
                />
                <FieldErrors id="provider-error" errors={errors.provider} />
              </div>
            ) : null}
            {may("startDate") ? (
              <div>
                <label htmlFor="startDate" className={ui.label}>
                  {t("training.fields.startDate")}
                </label>
                <input
                  id="startDate"
                  type="date"
                  name="startDate"
                  defaultValue={value("startDate")}
                  className={ui.input}
                  {...described("startDate")}
                />
                <FieldErrors id="startDate-error" errors={errors.startDate} />
              </div>
            ) : null}
            {may("dueDate") ? (
              <div>
                <label htmlFor="dueDate" className={ui.label}>
                  {t("training.fields.dueDate")}
                </label>
                <input
                  id="dueDate"
                  type="date"
                  name="dueDate"
                  defaultValue={value("dueDate")}
                  className={ui.input}
                  {...described("dueDate")}
                />
                <FieldErrors id="dueDate-error" errors={errors.dueDate} />
              </div>
            ) : null}
            {may("hours") ? (
              <div>
                <label htmlFor="hours" className={ui.label}>
                  {t("training.fields.hours")}
                </label>
                <input
                  id="hours"
                  name="hours"
                  inputMode="numeric"
                  defaultValue={value("hours")}
                  className={ui.input}
                  {...described("hours")}
                />
                <FieldErrors id="hours-error" errors={errors.hours} />
              </div>
            ) : null}
            <div>
              <label htmlFor="status" className={ui.label}>
                {t("training.fields.status")}
              </label>
              <select
                id="status"
                name="status"
                defaultValue={value("status")}
                className={ui.input}
                aria-describedby="status-hint status-error"
                aria-invalid={errors.status ? true : undefined}
              >
                {TRAINING_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`training.status.${status}`)}
                  </option>
                ))}
              </select>
              <p id="status-hint" className={ui.hint}>
                {t("training.item.completeHint")}
              </p>
              <FieldErrors id="status-error" errors={errors.status} />
            </div>
            <div>
              <label htmlFor="progressPercent" className={ui.label}>
                {t("training.fields.progressPercent")}
              </label>
              <input
                id="progressPercent"
                name="progressPercent"
                inputMode="numeric"
                defaultValue={value("progressPercent")}
                className={ui.input}
                {...described("progressPercent")}
              />
              <FieldErrors id="progressPercent-error" errors={errors.progressPercent} />
            </div>
          </div>
          <div>
            <label htmlFor="evidence" className={ui.label}>
              {t("training.fields.evidence")}
            </label>
            <textarea
              id="evidence"
              name="evidence"
              rows={3}
              maxLength={EVIDENCE_MAX}
              defaultValue={value("evidence")}
              className={ui.input}
              {...described("evidence")}
            />
            <FieldErrors id="evidence-error" errors={errors.evidence} />
          </div>
          <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("training.item.saving") : t("training.item.save")}
          </button>
        </Form>
      ) : (
        <dl className={`${ui.card} grid gap-2 text-sm sm:grid-cols-[auto_1fr]`}>
          <dt className="text-slate-500">{t("training.fields.kind")}</dt>
          <dd>{t(`training.kind.${item.kind}`)}</dd>
          <dt className="text-slate-500">{t("training.fields.dueDate")}</dt>
          <dd>{item.dueDate ? formatDay(item.dueDate, lang) : t("training.none")}</dd>
          <dt className="text-slate-500">{t("training.fields.progressPercent")}</dt>
          <dd>{item.progressPercent}</dd>
        </dl>
      )}
    </div>
  );
}
