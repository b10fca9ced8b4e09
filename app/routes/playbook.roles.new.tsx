import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { SaveVersionSection } from "~/components/playbook/SaveVersionSection";
import { LevelOptions } from "~/components/team/LevelOptions";
import { FieldErrors, FormErrors, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import { activeSkills } from "~/domain/playbook-edit";
import { splitProblem } from "~/domain/playbook-validation";
import { GENERAL_MANAGER, STAGE_IDS } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { CUSTOM_ROLE_FORM, newRoleFromForm, newRoleSchema } from "~/forms/custom-roles";
import { LABEL_MAX, roleFieldOfProblem, TEXT_MAX } from "~/forms/playbook";
import { customRolesStrings } from "~/locales/custom-roles";
import { playbookStrings } from "~/locales/playbook";
import { createCustomRole, readPlaybookPage, requirePlaybookEditor } from "~/models/playbook.server";
import { languageFor } from "~/utils/i18n.server";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export const meta = titleMeta((lang) => [customRolesStrings[lang].newTitle, playbookStrings[lang].title]);

/** What a new role can be given: the stages, models, roles it may report to and the active skills. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { state, canEdit } = await readPlaybookPage({ request, context });
  const { playbook } = state;
  return {
    version: state.version,
    canEdit,
    stages: playbook.stages.map(({ id, label }) => ({ id, label })),
    models: playbook.models.map(({ id, label }) => ({ id, label })),
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    skills: activeSkills(playbook).map(({ id, label }) => ({ id, label })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const organisationId = signedIn.actor.organisationId;
  const submission = parseForm(await readFormData(request), newRoleSchema, CUSTOM_ROLE_FORM);
  const none = { problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  const lang = await languageFor(request);
  const { label } = submission.value;
  const result = await createCustomRole({
    organisationId,
    version: submission.value.version,
    role: newRoleFromForm(submission.value),
    summary: submission.value.summary ?? customRolesStrings[lang].summaryNew.replace("{{role}}", label[lang]),
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect(`/playbook/roles/${result.roleId}?created=1`);
  if (result.reason === "not_found")
    return invalidSubmission(submission, { fieldErrors: { version: ["forms.version"] }, extra: none });
  if (result.reason === "conflict")
    // nothing of this form was in the other save: say which version is current and keep what was typed
    return conflictSubmission(submission, { conflict: [], version: result.current.version, extra: none });
  // the playbook's invariants (a level that shrinks, a reporting line to a role it does not hold): on the field, and listed
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of result.problems) {
    const { path } = splitProblem(problem);
    const roleId = /^roles\.(custom_[a-z0-9_]+)\./.exec(path)?.[1];
    const field = roleId ? roleFieldOfProblem(path, roleId, [submission.value.skills[0].skillId]) : null;
    if (field) (fieldErrors[field] ??= []).push("playbook.errors.invariant");
  }
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    fieldErrors,
    extra: { problems: result.problems },
  });
}

type Answer = {
  lastResult?: { initialValue?: Record<string, unknown> | null };
  conflict?: { field: string; theirs: string; yours: string }[] | null;
  version?: number | null;
  problems?: string[];
};

export default function NewRolePage() {
  const { version, canEdit, stages, models, roles, skills } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = useForm({
    id: "new-role",
    lastResult: answer?.lastResult as never,
    onValidate: validateWith(newRoleSchema, CUSTOM_ROLE_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = form.allErrors;
  const initial = answer?.lastResult?.initialValue ?? null;
  /** what the person typed, after a refused save; the starting value before */
  const typed = (name: string, start: string): string => {
    if (!initial) return start;
    let cur: unknown = initial;
    for (const key of name.replace(/\[(\d+)\]/g, ".$1").split(".")) {
      cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
    }
    return typeof cur === "string" ? cur : "";
  };
  const applies = (m: string) => {
    if (!initial) return false;
    const v = initial.appliesTo;
    return Array.isArray(v) ? v.includes(m) : v === m;
  };
  const err = (name: string) => ({
    "aria-invalid": errors[name] ? (true as const) : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const currentVersion = answer?.conflict && typeof answer.version === "number" ? answer.version : version;
  const defaultSummary = typed("summary", "");
  const start = { startup: [1, 1], growth: [1, 2], mature: [1, 3] } as const;

  return (
    <main id="main" className="mx-auto max-w-screen-lg space-y-6 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to="/playbook" className={ui.link}>
          ← {t("playbook.title")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("customRoles.newTitle")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("customRoles.newIntro")}</p>
      </div>
      <PlaybookNav canEdit={canEdit} />
      {!canEdit ? (
        <p className="text-sm text-slate-600">{t("customRoles.readOnly")}</p>
      ) : (
        <>
          {answer?.conflict ? (
            <ConflictNotice conflict={answer.conflict} label={(field) => field} />
          ) : (
            <FormErrors id={form.errorId} errors={form.errors?.filter((e) => e !== "forms.conflict.title")} />
          )}
          <ProblemList problems={answer?.problems ?? []} />
          <Form method="post" {...getFormProps(form)} className="space-y-6" key={currentVersion}>
            <input type="hidden" name="version" value={currentVersion} />
            <section className={`${ui.card} space-y-4`} aria-labelledby="basics-title">
              <h2 id="basics-title" className={ui.h2}>
                {t("playbook.role.basics")}
              </h2>
              <div className="grid gap-4 sm:grid-cols-2">
                {(["zh", "en"] as const).map((l) => (
                  <div key={l}>
                    <label htmlFor={`label.${l}`} className={ui.label}>
                      {t(l === "zh" ? "customRoles.nameZh" : "customRoles.nameEn")}
                    </label>
                    <input
                      id={`label.${l}`}
                      name={`label.${l}`}
                      maxLength={LABEL_MAX}
                      defaultValue={typed(`label.${l}`, "")}
                      className={ui.input}
                      {...err(`label.${l}`)}
                    />
                    <FieldErrors id={`label.${l}-error`} errors={errors[`label.${l}`]} />
                  </div>
                ))}
              </div>
              <p className={ui.hint}>{t("customRoles.idHint")}</p>
              <div className="grid gap-4 sm:grid-cols-2">
                <div>
                  <label htmlFor="tier" className={ui.label}>
                    {t("customRoles.tier")}
                  </label>
                  <select
                    id="tier"
                    name="tier"
                    defaultValue={typed("tier", "growth")}
                    className={ui.input}
                    {...err("tier")}
                  >
                    {stages.map((s) => (
                      <option key={s.id} value={s.id}>
                        {localize(s.label, lang)}
                      </option>
                    ))}
                  </select>
                  <p className={ui.hint}>{t("customRoles.tierHint")}</p>
                  <FieldErrors id="tier-error" errors={errors.tier} />
                </div>
                <div>
                  <label htmlFor="reportsTo" className={ui.label}>
                    {t("customRoles.reportsTo")}
                  </label>
                  <select
                    id="reportsTo"
                    name="reportsTo"
                    defaultValue={typed("reportsTo", GENERAL_MANAGER)}
                    className={ui.input}
                    {...err("reportsTo")}
                  >
                    <option value={GENERAL_MANAGER}>{t("customRoles.generalManager")}</option>
                    {roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {localize(r.label, lang)}
                      </option>
                    ))}
                  </select>
                  <FieldErrors id="reportsTo-error" errors={errors.reportsTo} />
                </div>
              </div>
              <fieldset>
                <legend className={ui.label}>{t("customRoles.appliesTo")}</legend>
                <p className={ui.hint}>{t("customRoles.appliesHint")}</p>
                <div className="mt-2 flex flex-wrap gap-4">
                  {models.map((m) => (
                    <label key={m.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="appliesTo" value={m.id} defaultChecked={applies(m.id)} />
                      {localize(m.label, lang)}
                    </label>
                  ))}
                </div>
                <FieldErrors id="appliesTo-error" errors={errors.appliesTo} />
              </fieldset>
            </section>

            <section className={`${ui.card} space-y-4`} aria-labelledby="headcount-title">
              <h2 id="headcount-title" className={ui.h2}>
                {t("customRoles.headcount")}
              </h2>
              <p className={ui.hint}>{t("customRoles.headcountHint")}</p>
              <div className="grid gap-4 sm:grid-cols-3">
                {STAGE_IDS.map((stage) => (
                  <fieldset key={stage}>
                    <legend className={ui.label}>{localize(stages.find((s) => s.id === stage)!.label, lang)}</legend>
                    <div className="flex gap-2">
                      {(["min", "max"] as const).map((end, i) => {
                        const name = `headcount.${stage}.${end}`;
                        return (
                          <div key={end}>
                            <label htmlFor={name} className="text-xs text-slate-600">
                              {t(`customRoles.${end}`)}
                            </label>
                            <input
                              id={name}
                              name={name}
                              inputMode="numeric"
                              defaultValue={typed(name, String(start[stage][i]))}
                              className={ui.input}
                              {...err(name)}
                            />
                            <FieldErrors id={`${name}-error`} errors={errors[name]} />
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                ))}
              </div>
            </section>

            <section className={`${ui.card} space-y-4`} aria-labelledby="first-title">
              <h2 id="first-title" className={ui.h2}>
                {t("customRoles.responsibility")}
              </h2>
              <div className="grid gap-4 sm:grid-cols-2">
                {(["zh", "en"] as const).map((l) => (
                  <div key={l}>
                    <label htmlFor={`responsibility.${l}`} className={ui.label}>
                      {t(l === "zh" ? "customRoles.responsibilityZh" : "customRoles.responsibilityEn")}
                    </label>
                    <input
                      id={`responsibility.${l}`}
                      name={`responsibility.${l}`}
                      maxLength={TEXT_MAX}
                      defaultValue={typed(`responsibility.${l}`, "")}
                      className={ui.input}
                      {...err(`responsibility.${l}`)}
                    />
                    <FieldErrors id={`responsibility.${l}-error`} errors={errors[`responsibility.${l}`]} />
                  </div>
                ))}
              </div>
              <h2 className={ui.h2}>{t("customRoles.skill")}</h2>
              <p className={ui.hint}>{t("customRoles.skillHint")}</p>
              <div className="grid gap-4 sm:grid-cols-4">
                <div>
                  <label htmlFor="skills[0].skillId" className={ui.label}>
                    {t("customRoles.skill")}
                  </label>
                  <select
                    id="skills[0].skillId"
                    name="skills[0].skillId"
                    defaultValue={typed("skills[0].skillId", "")}
                    className={ui.input}
                    {...err("skills[0].skillId")}
                  >
                    <option value="">{t("customRoles.chooseSkill")}</option>
                    {skills.map((s) => (
                      <option key={s.id} value={s.id}>
                        {localize(s.label, lang)}
                      </option>
                    ))}
                  </select>
                  <FieldErrors id="skills[0].skillId-error" errors={errors["skills[0].skillId"]} />
                </div>
                {STAGE_IDS.map((stage, i) => {
                  const name = `skills[0].levels.${stage}`;
                  const stageLabel = localize(stages.find((s) => s.id === stage)!.label, lang);
                  return (
                    <div key={stage}>
                      <label htmlFor={name} className={ui.label}>
                        {t("customRoles.levelAt", { stage: stageLabel })}
                      </label>
                      <select
                        id={name}
                        name={name}
                        defaultValue={typed(name, String(i + 1))}
                        className={ui.input}
                        {...err(name)}
                      >
                        <LevelOptions named={false} />
                      </select>
                      <FieldErrors id={`${name}-error`} errors={errors[name]} />
                    </div>
                  );
                })}
              </div>
            </section>

            <SaveVersionSection
              label={t("customRoles.summaryLabel")}
              hint={t("customRoles.summaryHint")}
              defaultSummary={defaultSummary}
              errors={errors.summary}
              submitLabel={t("customRoles.submit")}
            />
          </Form>
        </>
      )}
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
