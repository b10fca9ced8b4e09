import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, ui, useLang, titleMeta, FieldErrors } from "~/components/ui";
import { labelOf, levelName } from "~/components/team/format";
import { LevelOptions } from "~/components/team/LevelOptions";
import { parsePlanForm, PROVIDER_MAX, typedValue } from "~/forms/training";
import { proposePlan, TRAINING_KINDS } from "~/domain/training-advice";
import { SKILL_LEVELS } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { findMemberToAuthorise } from "~/models/member-write.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { safely } from "~/models/notify.server";
import { notifyTrainingAssigned } from "~/models/reminders.server";
import { createTrainingItems, memberGapsForTraining, memberTrainingItems } from "~/models/training.server";
import { assessmentScopeFor } from "~/models/member-write.server";
import { notFound, requireRecord, type SignedIn, type RequestArgs } from "~/utils/auth.server";
import { invalidSubmission, readFormData } from "~/utils/forms";
import { trainingStrings } from "~/locales/training";

/** Who may plan for this member: HR, managers, admins, the lead of their departments; never for oneself. */
async function authorise(args: RequestArgs, memberId: string): Promise<SignedIn> {
  return requireRecord(args, {
    find: () => findMemberToAuthorise({ memberId }),
    permission: "training.plan",
    scope: assessmentScopeFor,
  });
}

async function context(signedIn: SignedIn, memberId: string) {
  const playbook = await playbookForOrganisation(signedIn.organisation.id);
  const found = await memberGapsForTraining({
    organisationId: signedIn.organisation.id,
    memberId,
    organisation: signedIn.organisation,
    playbook,
  });
  if (!found) throw notFound();
  return { playbook, ...found };
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const memberId = params.memberId ?? "";
  const signedIn = await authorise({ request, context: loadContext }, memberId);
  const { playbook, member, gaps } = await context(signedIn, memberId);
  const items = await memberTrainingItems({ organisationId: signedIn.organisation.id, memberId });
  const covered = new Set(
    items.filter((item) => item.status === "planned" || item.status === "in_progress").map((item) => item.skillId),
  );
  const today = new Date().toISOString().slice(0, 10);
  const proposals = proposePlan(
    gaps.skills.map((skill) => ({
      skillId: skill.skillId,
      assessed: skill.assessed,
      required: skill.required,
      gap: skill.gap,
    })),
    covered,
    today,
  );
  return {
    member: { id: member.id, name: member.name },
    proposals,
    skills: playbook.skills.map(({ id, label }) => ({ id, label })),
    byHand: byHandFromAddress(new URL(request.url).searchParams, playbook.skills, proposals),
  };
}

/**
 * "?skill=…&level=…" (from the hiring page's "plan training" for a skill nobody has at the level)
 * starts the by-hand row on that skill and level, unless the skill is proposed above already.
 */
function byHandFromAddress(
  params: URLSearchParams,
  skills: readonly { id: string }[],
  proposals: readonly { skillId: string }[],
) {
  const skillId = params.get("skill") ?? "";
  const level = Number(params.get("level"));
  if (!skills.some((skill) => skill.id === skillId) || proposals.some((p) => p.skillId === skillId)) return null;
  if (!(SKILL_LEVELS as readonly number[]).includes(level) || level === 0) return null;
  return { skillId, targetLevel: level };
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.member.name,
  trainingStrings[lang].plan.metaTitle,
  trainingStrings[lang].page.metaTitle,
]);

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const memberId = params.memberId ?? "";
  const signedIn = await authorise({ request, context: loadContext }, memberId);
  const { playbook, levels } = await context(signedIn, memberId);
  // conform's requests (a blur's validation) parse as such and are never a submission
  const submission = parsePlanForm(await readFormData(request), { skillIds: playbook.skills.map((skill) => skill.id) });
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await createTrainingItems({
    organisationId: signedIn.organisation.id,
    memberId,
    createdById: signedIn.user.id,
    // the level it starts from is the member's latest assessment, not what a form says
    items: submission.value.rows.map((row) => ({ ...row, fromLevel: levels.get(row.skillId) ?? 0 })),
  });
  if (!result.ok) throw notFound();
  await safely("training assigned", () =>
    notifyTrainingAssigned({ organisationId: signedIn.organisation.id, memberId }),
  );
  return redirect(`/team/${encodeURIComponent(memberId)}?training=planned&count=${result.created}#training`);
}

export default function PlanTraining() {
  const { member, proposals, skills, byHand } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const skillIds = skills.map((skill) => skill.id);
  const [form] = useForm({
    id: "training-plan",
    lastResult: answer?.lastResult,
    onValidate: ({ formData }) => parsePlanForm(formData, { skillIds }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = form.allErrors;
  const sent = answer?.lastResult ?? null;
  const submitting = navigation.state === "submitting";
  const byHandIndex = proposals.length;
  // after an answer, what was typed; before, the proposal
  const value = (name: string, fallback: string) => (sent ? (typedValue(sent.initialValue, name) ?? "") : fallback);
  const checked = (name: string) => (sent ? typedValue(sent.initialValue, name) === "on" : true);
  const formErrors = form.errors?.length
    ? form.errors
    : Object.keys(errors).length > 0
      ? ["training.errors.form"]
      : undefined;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/team/${member.id}#training`} className={ui.link}>
          ← {t("training.plan.back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("training.plan.title", { name: member.name })}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("training.plan.intro")}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrors id={form.errorId} errors={formErrors} />
        <section className={`${ui.card} space-y-4`} aria-labelledby="proposals-title">
          <h2 id="proposals-title" className={ui.h2}>
            {t("training.plan.proposals")}
          </h2>
          {proposals.length === 0 ? <p className="text-sm text-slate-600">{t("training.plan.noProposals")}</p> : null}
          {proposals.map((proposal, i) => {
            const skill = labelOf(skills, proposal.skillId, lang);
            return (
              <fieldset
                key={proposal.skillId}
                className="rounded-lg border border-slate-200 p-4"
                data-testid={`proposal-${proposal.skillId}`}
              >
                <legend className="px-1 text-sm font-semibold text-slate-900">{skill}</legend>
                <input type="hidden" name={`items[${i}].skillId`} value={proposal.skillId} />
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={`items[${i}].include`}
                    value="on"
                    defaultChecked={checked(`items[${i}].include`)}
                    className="accent-indigo-600"
                  />
                  {t("training.plan.include")} ·{" "}
                  {t("training.labelled", {
                    label: t("training.fields.fromLevel"),
                    value: t("app.text.withDetail", {
                      text: t("training.levelValue", { level: proposal.fromLevel }),
                      detail: levelName(proposal.fromLevel, lang),
                    }),
                  })}
                </label>
                <FieldErrors id={`items-${i}-skillId-error`} errors={errors[`items[${i}].skillId`]} />
                <ItemFields index={i} errors={errors} value={value} defaults={proposal} />
                <p className="mt-2 text-xs text-slate-500">
                  {t("training.labelled", { label: t("training.plan.why"), value: localize(proposal.reason, lang) })}
                </p>
              </fieldset>
            );
          })}
        </section>
        <section className={`${ui.card} space-y-4`} aria-labelledby="by-hand-title">
          <h2 id="by-hand-title" className={ui.h2}>
            {t("training.plan.byHand")}
          </h2>
          <input type="hidden" name={`items[${byHandIndex}].include`} value="if_skill" />
          <div>
            <label htmlFor="by-hand-skill" className={ui.label}>
              {t("training.fields.skill")}
            </label>
            <ByHandSkill
              index={byHandIndex}
              value={value(`items[${byHandIndex}].skillId`, byHand?.skillId ?? "")}
              skills={skills}
              error={errors[`items[${byHandIndex}].skillId`]}
            />
          </div>
          <ItemFields
            index={byHandIndex}
            errors={errors}
            value={value}
            defaults={{ targetLevel: byHand?.targetLevel ?? 3, kind: "course", hours: 8, startDate: "", dueDate: "" }}
          />
        </section>
        <button type="submit" className={ui.primaryButton} disabled={submitting}>
          {submitting ? t("training.plan.saving") : t("training.plan.submit")}
        </button>
      </Form>
    </div>
  );
}

/** The by-hand row counts only with a skill chosen (its "include" is "if_skill"). */
function ByHandSkill({
  index,
  value,
  skills,
  error,
}: {
  index: number;
  value: string;
  skills: { id: string; label: { zh: string; en: string } }[];
  error: string[] | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <select
        id="by-hand-skill"
        name={`items[${index}].skillId`}
        defaultValue={value}
        className={ui.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={`items-${index}-skillId-error`}
      >
        <option value="">{t("training.plan.chooseSkill")}</option>
        {skills.map((skill) => (
          <option key={skill.id} value={skill.id}>
            {localize(skill.label, lang)}
          </option>
        ))}
      </select>
      <FieldErrors id={`items-${index}-skillId-error`} errors={error} />
    </>
  );
}

function ItemFields({
  index,
  errors,
  value,
  defaults,
}: {
  index: number;
  errors: Record<string, string[]>;
  value: (name: string, fallback: string) => string;
  defaults: { targetLevel: number; kind: string; hours: number; startDate: string; dueDate: string; provider?: string };
}) {
  const { t } = useTranslation();
  const name = (field: string) => `items[${index}].${field}`;
  const id = (field: string) => `items-${index}-${field}`;
  const described = (field: string) => ({
    "aria-invalid": errors[name(field)] ? true : undefined,
    "aria-describedby": `${id(field)}-error`,
  });
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <div>
        <label htmlFor={id("targetLevel")} className={ui.label}>
          {t("training.fields.targetLevel")}
        </label>
        <select
          id={id("targetLevel")}
          name={name("targetLevel")}
          defaultValue={value(name("targetLevel"), String(defaults.targetLevel))}
          className={ui.input}
          {...described("targetLevel")}
        >
          <LevelOptions min={1} />
        </select>
        <FieldErrors id={`${id("targetLevel")}-error`} errors={errors[name("targetLevel")]} />
      </div>
      <div>
        <label htmlFor={id("kind")} className={ui.label}>
          {t("training.fields.kind")}
        </label>
        <select
          id={id("kind")}
          name={name("kind")}
          defaultValue={value(name("kind"), defaults.kind)}
          className={ui.input}
          {...described("kind")}
        >
          {TRAINING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`training.kind.${kind}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id("kind")}-error`} errors={errors[name("kind")]} />
      </div>
      <div>
        <label htmlFor={id("provider")} className={ui.label}>
          {t("training.fields.provider")}
        </label>
        <input
          id={id("provider")}
          name={name("provider")}
          maxLength={PROVIDER_MAX}
          defaultValue={value(name("provider"), defaults.provider ?? "")}
          className={ui.input}
          {...described("provider")}
        />
        <FieldErrors id={`${id("provider")}-error`} errors={errors[name("provider")]} />
      </div>
      <div>
        <label htmlFor={id("startDate")} className={ui.label}>
          {t("training.fields.startDate")}
        </label>
        <input
          id={id("startDate")}
          type="date"
          name={name("startDate")}
          defaultValue={value(name("startDate"), defaults.startDate)}
          className={ui.input}
          {...described("startDate")}
        />
        <FieldErrors id={`${id("startDate")}-error`} errors={errors[name("startDate")]} />
      </div>
      <div>
        <label htmlFor={id("dueDate")} className={ui.label}>
          {t("training.fields.dueDate")}
        </label>
        <input
          id={id("dueDate")}
          type="date"
          name={name("dueDate")}
          defaultValue={value(name("dueDate"), defaults.dueDate)}
          className={ui.input}
          {...described("dueDate")}
        />
        <FieldErrors id={`${id("dueDate")}-error`} errors={errors[name("dueDate")]} />
      </div>
      <div>
        <label htmlFor={id("hours")} className={ui.label}>
          {t("training.fields.hours")}
        </label>
        <input
          id={id("hours")}
          inputMode="numeric"
          name={name("hours")}
          defaultValue={value(name("hours"), String(defaults.hours))}
          className={ui.input}
          {...described("hours")}
        />
        <FieldErrors id={`${id("hours")}-error`} errors={errors[name("hours")]} />
      </div>
    </div>
  );
}
