import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { EditedMark, PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { SaveVersionSection } from "~/components/playbook/SaveVersionSection";
import { LevelOptions } from "~/components/team/LevelOptions";
import {
  ConfirmAction,
  FieldErrors,
  FormErrors,
  StatusMessage,
  sectionErrorBoundary,
  titleMeta,
  ui,
  useLang,
} from "~/components/ui";
import { isEditedUnder, playbookConflict } from "~/domain/playbook-diff";
import { activeSkills, roleEditOf, withRoleEdited } from "~/domain/playbook-edit";
import { splitProblem } from "~/domain/playbook-validation";
import { DRIVERS } from "~/domain/sizing";
import { GENERAL_MANAGER, MODEL_IDS, STAGE_IDS, type Localized, type ModelId, type RoleId } from "~/domain/types";
import { isCustomRoleId, isRoleId, localize } from "~/domain/vocabulary";
import { PLAYBOOK_FORM, roleEditFromForm, roleFieldOfProblem, roleSchema, LABEL_MAX, TEXT_MAX } from "~/forms/playbook";
import { playbookStrings } from "~/locales/playbook";
import { readPlaybookPage, playbookAtVersion, requirePlaybookEditor, savePlaybook } from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export const meta = titleMeta<typeof loader>((lang, data) => [
  data ? localize(data.role.label, lang) : undefined,
  playbookStrings[lang].title,
]);

function roleIdOf(params: { roleId?: string }): RoleId {
  const id = params.roleId;
  if (!isRoleId(id)) throw notFound();
  return id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const roleId = roleIdOf(params);
  const { state, canEdit } = await readPlaybookPage({ request, context });
  const { playbook, edited } = state;
  const role = roleEditOf(playbook, roleId);
  if (!role) throw notFound();
  const editedUnder = (suffix: string) => isEditedUnder(edited, `roles.${roleId}.${suffix}`);
  return {
    roleId,
    version: state.version,
    role,
    editedFields: {
      label: editedUnder("label"),
      tier: editedUnder("tier"),
      appliesTo: editedUnder("appliesTo"),
      reportsTo: editedUnder("reportsTo"),
      headcount: Object.fromEntries(STAGE_IDS.map((s) => [s, editedUnder(`headcount.${s}`)])),
      headcountByModel: Object.fromEntries(
        MODEL_IDS.map((m) => [
          m,
          Object.fromEntries(STAGE_IDS.map((s) => [s, editedUnder(`headcountByModel.${m}.${s}`)])),
        ]),
      ),
      skills: Object.fromEntries(
        role.skills.map((s) => [
          s.skillId,
          Object.fromEntries(STAGE_IDS.map((st) => [st, editedUnder(`skills.${s.skillId}.levels.${st}`)])),
        ]),
      ),
      sizing: Object.fromEntries(
        role.sizing.map((s) => [s.driver, isEditedUnder(edited, `sizing.${roleId}.${s.driver}.perPerson`)]),
      ),
    },
    skills: activeSkills(playbook).map(({ id, label }) => ({ id, label })),
    roles: playbook.roles.filter((r) => r.id !== roleId).map(({ id, label }) => ({ id, label })),
    models: playbook.models.map(({ id, label }) => ({ id, label })),
    stages: playbook.stages.map(({ id, label }) => ({ id, label })),
    drivers: Object.fromEntries(
      role.sizing.map((s) => [
        s.driver,
        DRIVERS[s.driver as keyof typeof DRIVERS]?.label ?? { zh: s.driver, en: s.driver },
      ]),
    ) as Record<string, Localized>,
    canEdit,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    created: new URL(request.url).searchParams.get("created") === "1",
    /** an organisation's own role can be removed (the seven cannot; an extension role is turned off) */
    own: isCustomRoleId(roleId),
  };
}

const schema = roleSchema;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const roleId = roleIdOf(params);
  const organisationId = signedIn.actor.organisationId;
  const submission = parseForm(await readFormData(request), schema, PLAYBOOK_FORM);
  const none = { conflict: null, version: null, problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  const { version, summary } = submission.value;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  if (!loaded) return invalidSubmission(submission, { fieldErrors: { version: ["forms.version"] }, extra: none });
  const next = withRoleEdited(loaded, roleId, roleEditFromForm(submission.value));
  const result = await savePlaybook({
    organisationId,
    version,
    next,
    summary,
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect(`/playbook/roles/${roleId}?saved=1`);
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict") {
    // what the other save changed since this form was loaded, their value beside this person's
    return conflictSubmission(submission, {
      conflict: playbookConflict(loaded, result.current.playbook, next),
      version: result.current.version,
      extra: { problems: [] as string[] },
    });
  }
  // the playbook's invariants: on the field where one is, else on the form, each with its path
  const skillOrder = submission.value.skills.map((s) => s.skillId ?? "");
  const fieldErrors: Record<string, string[]> = {};
  const problems: string[] = [];
  for (const problem of result.problems) {
    const { path } = splitProblem(problem);
    const field = roleFieldOfProblem(path, roleId, skillOrder);
    if (field) (fieldErrors[field] ??= []).push("playbook.errors.invariant");
    problems.push(problem);
  }
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    fieldErrors,
    extra: { ...none, problems },
  });
}

type Answer = {
  lastResult?: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null };
  conflict?: { field: string; theirs: string; yours: string }[] | null;
  version?: number | null;
  problems?: string[];
};

/** A typed value from conform's nested initialValue, by its form name ("skills[0].levels.startup"). */
function typedAt(initial: Record<string, unknown> | null | undefined, name: string): string | string[] | undefined {
  let cur: unknown = initial;
  for (const key of name.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "string" || Array.isArray(cur) ? (cur as string | string[]) : undefined;
}

export default function RolePage() {
  const { roleId, version, role, editedFields, skills, roles, models, stages, drivers, canEdit, saved, created, own } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = useForm({
    id: "playbook-role",
    lastResult: answer?.lastResult as never,
    onValidate: validateWith(schema, PLAYBOOK_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = form.allErrors;
  const initial = answer?.lastResult?.initialValue;
  const typed = (name: string, saved: string) => {
    const v = typedAt(initial, name);
    return initial ? (typeof v === "string" ? v : "") : saved;
  };
  const joined = (list: Localized[], lang: "zh" | "en") => list.map((item) => item[lang]).join("\n");
  const skillRows = [
    ...role.skills.map((s) => ({ skillId: s.skillId, levels: s.levels as Record<string, number> })),
    { skillId: "", levels: { startup: 0, growth: 0, mature: 0 } as Record<string, number> },
  ];
  const label = localize(role.label, lang);
  const err = (name: string) => ({
    "aria-invalid": errors[name] ? (true as const) : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const appliesChecked = (m: string) => {
    if (!initial) return role.appliesTo.includes(m as never);
    const v = typedAt(initial, "appliesTo");
    return Array.isArray(v) ? v.includes(m) : v === m;
  };
  const ownTable = (m: string) => {
    if (!initial) return role.headcountByModel[m as ModelId] !== undefined;
    return typedAt(initial, `headcountByModel.${m}.own`) === "on";
  };
  const problems = answer?.problems ?? [];

  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to="/playbook" className={ui.link}>
          ← {t("playbook.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t("playbook.role.title", { role: label })}</h1>
        <span className="text-xs text-slate-500">
          {version === 0
            ? t("playbook.shippedShort")
            : t("playbook.versions.number", { number: answer?.version ?? version })}
        </span>
      </div>
      <PlaybookNav canEdit={canEdit} />
      {saved ? <StatusMessage>{t("playbook.role.saved")}</StatusMessage> : null}
      {created ? <StatusMessage tone="success">{t("customRoles.created")}</StatusMessage> : null}
      {!canEdit ? <p className="text-sm text-slate-600">{t("playbook.readOnly")}</p> : null}
      {answer?.conflict ? (
        <ConflictNotice conflict={answer.conflict} label={(field) => field} />
      ) : (
        <FormErrors id={form.errorId} errors={form.errors?.filter((e) => e !== "forms.conflict.title")} />
      )}
      <ProblemList problems={problems} />

      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="version" value={answer?.version ?? version} />
        <fieldset disabled={!canEdit} className="space-y-6">
          <section className={`${ui.card} space-y-4`} aria-labelledby="basics-title">
            <h2 id="basics-title" className={ui.h2}>
              {t("playbook.role.basics")}
            </h2>
            <div className="grid gap-4 sm:grid-cols-2">
              {(["zh", "en"] as const).map((l) => (
                <div key={l}>
                  <label htmlFor={`label.${l}`} className={ui.label}>
                    {t(`playbook.role.label_${l}`)}
                    <EditedMark edited={editedFields.label} />
                  </label>
                  <input
                    id={`label.${l}`}
                    name={`label.${l}`}
                    maxLength={LABEL_MAX}
                    defaultValue={typed(`label.${l}`, role.label[l])}
                    className={ui.input}
                    {...err(`label.${l}`)}
                  />
                  <FieldErrors id={`label.${l}-error`} errors={errors[`label.${l}`]} />
                </div>
              ))}
              <div>
                <label htmlFor="tier" className={ui.label}>
                  {t("playbook.roles.tier")}
                  <EditedMark edited={editedFields.tier} />
                </label>
                <select
                  id="tier"
                  name="tier"
                  defaultValue={typed("tier", role.tier)}
                  className={ui.input}
                  {...err("tier")}
                >
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {localize(s.label, lang)}
                    </option>
                  ))}
                </select>
                <p className={ui.hint}>{t("playbook.role.tierHint")}</p>
                <FieldErrors id="tier-error" errors={errors.tier} />
              </div>
              <div>
                <label htmlFor="reportsTo" className={ui.label}>
                  {t("playbook.role.reportsTo")}
                  <EditedMark edited={editedFields.reportsTo} />
                </label>
                <select
                  id="reportsTo"
                  name="reportsTo"
                  defaultValue={typed("reportsTo", role.reportsTo)}
                  className={ui.input}
                  {...err("reportsTo")}
                >
                  <option value={GENERAL_MANAGER}>{t("playbook.role.generalManager")}</option>
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
              <legend className={ui.label}>
                {t("playbook.roles.appliesTo")}
                <EditedMark edited={editedFields.appliesTo} />
              </legend>
              <p className={ui.hint}>{t("playbook.role.appliesHint")}</p>
              <div className="mt-2 flex flex-wrap gap-4">
                {models.map((m) => (
                  <label key={m.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="appliesTo" value={m.id} defaultChecked={appliesChecked(m.id)} />
                    {localize(m.label, lang)}
                  </label>
                ))}
              </div>
              <FieldErrors id="appliesTo-error" errors={errors.appliesTo} />
            </fieldset>
          </section>
        </fieldset>

        {/* the scroll box outside the read-only fieldset, so that a reader's keyboard can still scroll it */}
        <section className={`${ui.card} space-y-4`} aria-labelledby="skills-title">
          <h2 id="skills-title" className={ui.h2}>
            {t("playbook.role.skills")}
          </h2>
          <p className={ui.hint}>{t("playbook.role.skillsHint")}</p>
          <div className="scroll-cue relative overflow-x-auto" tabIndex={0}>
            <fieldset disabled={!canEdit}>
              <table className={ui.table}>
                <thead className={ui.thead}>
                  <tr>
                    <th className={ui.th}>{t("playbook.role.skill")}</th>
                    {stages.map((s) => (
                      <th key={s.id} className={ui.th}>
                        {localize(s.label, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {skillRows.map((row, i) => {
                    const rowLabel = row.skillId
                      ? localize(
                          skills.find((s) => s.id === row.skillId)?.label ?? { zh: row.skillId, en: row.skillId },
                          lang,
                        )
                      : t("playbook.role.newSkill");
                    return (
                      <tr key={`${row.skillId}-${i}`} data-skill={row.skillId || "new"}>
                        <td className={ui.td}>
                          <label htmlFor={`skills[${i}].skillId`} className="sr-only">
                            {t("playbook.role.skillOfRow", { row: i + 1 })}
                          </label>
                          <select
                            id={`skills[${i}].skillId`}
                            name={`skills[${i}].skillId`}
                            defaultValue={typed(`skills[${i}].skillId`, row.skillId)}
                            className={ui.input}
                            {...err(`skills[${i}].skillId`)}
                          >
                            <option value="">{t("playbook.role.noSkill")}</option>
                            {skills.map((s) => (
                              <option key={s.id} value={s.id}>
                                {localize(s.label, lang)}
                              </option>
                            ))}
                          </select>
                          <FieldErrors id={`skills[${i}].skillId-error`} errors={errors[`skills[${i}].skillId`]} />
                        </td>
                        {STAGE_IDS.map((stage) => {
                          const name = `skills[${i}].levels.${stage}`;
                          return (
                            <td key={stage} className={ui.td}>
                              <label htmlFor={name} className="sr-only">
                                {t("playbook.role.levelOf", {
                                  skill: rowLabel,
                                  stage: localize(stages.find((s) => s.id === stage)!.label, lang),
                                })}
                              </label>
                              <select
                                id={name}
                                name={name}
                                defaultValue={typed(name, String(row.levels[stage]))}
                                className={ui.input}
                                {...err(name)}
                              >
                                <LevelOptions named={false} />
                              </select>
                              {row.skillId ? (
                                <EditedMark edited={editedFields.skills[row.skillId]?.[stage] ?? false} />
                              ) : null}
                              <FieldErrors id={`${name}-error`} errors={errors[name]} />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </fieldset>
          </div>
        </section>

        <fieldset disabled={!canEdit} className="space-y-6">
          <section className={`${ui.card} space-y-4`} aria-labelledby="headcount-title">
            <h2 id="headcount-title" className={ui.h2}>
              {t("playbook.role.headcount")}
            </h2>
            <p className={ui.hint}>{t("playbook.role.headcountHint")}</p>
            <div className="grid gap-4 sm:grid-cols-3">
              {STAGE_IDS.map((stage) => (
                <fieldset key={stage}>
                  <legend className={ui.label}>
                    {localize(stages.find((s) => s.id === stage)!.label, lang)}
                    <EditedMark edited={editedFields.headcount[stage]} />
                  </legend>
                  <div className="flex gap-2">
                    {(["min", "max"] as const).map((end) => {
                      const name = `headcount.${stage}.${end}`;
                      return (
                        <div key={end}>
                          <label htmlFor={name} className="text-xs text-slate-600">
                            {t(`playbook.role.${end}`)}
                          </label>
                          <input
                            id={name}
                            name={name}
                            inputMode="numeric"
                            defaultValue={typed(name, String(role.headcount[stage][end]))}
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
            <div className="space-y-3">
              <h3 className="text-sm font-semibold">{t("playbook.role.byModelHeadcount")}</h3>
              <p className={ui.hint}>{t("playbook.role.byModelHeadcountHint")}</p>
              {MODEL_IDS.map((m) => {
                const modelLabel = localize(models.find((x) => x.id === m)!.label, lang);
                const table = role.headcountByModel[m] ?? role.headcount;
                const hasErrors = Object.keys(errors).some((name) => name.startsWith(`headcountByModel.${m}.`));
                return (
                  <details
                    key={m}
                    className="rounded-lg border border-slate-200 p-3"
                    open={ownTable(m) || hasErrors}
                    data-model={m}
                  >
                    <summary className="cursor-pointer text-sm font-medium">
                      {modelLabel}
                      {ownTable(m) ? null : (
                        <span className="ml-2 text-xs font-normal text-slate-500">
                          {t("playbook.role.usesDefaultTable")}
                        </span>
                      )}
                      <EditedMark
                        edited={STAGE_IDS.some((stage) => editedFields.headcountByModel[m]?.[stage] ?? false)}
                      />
                    </summary>
                    <label className="mt-3 flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={`headcountByModel.${m}.own`}
                        value="on"
                        defaultChecked={ownTable(m)}
                        aria-describedby={`headcountByModel.${m}.own-error`}
                      />
                      {t("playbook.role.ownTable", { model: modelLabel })}
                    </label>
                    <FieldErrors id={`headcountByModel.${m}.own-error`} errors={errors[`headcountByModel.${m}.own`]} />
                    <div className="mt-3 grid gap-4 sm:grid-cols-3">
                      {STAGE_IDS.map((stage) => (
                        <fieldset key={stage}>
                          <legend className="text-xs font-medium text-slate-700">
                            {localize(stages.find((s) => s.id === stage)!.label, lang)}
                          </legend>
                          <div className="flex gap-2">
                            {(["min", "max"] as const).map((end) => {
                              const name = `headcountByModel.${m}.${stage}.${end}`;
                              return (
                                <div key={end}>
                                  <label htmlFor={name} className="text-xs text-slate-600">
                                    {t(`playbook.role.${end}`)}
                                  </label>
                                  <input
                                    id={name}
                                    name={name}
                                    inputMode="numeric"
                                    defaultValue={typed(name, String(table[stage][end]))}
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
                  </details>
                );
              })}
            </div>
            {role.sizing.length > 0 ? (
              <div className="space-y-3">
                <h3 className="text-sm font-semibold">{t("playbook.role.sizing")}</h3>
                <p className={ui.hint}>{t("playbook.role.sizingHint")}</p>
                {role.sizing.map((row, i) => (
                  <fieldset key={row.driver} className="flex flex-wrap items-end gap-3">
                    <legend className="text-sm">
                      {localize(drivers[row.driver], lang)}
                      <EditedMark edited={editedFields.sizing[row.driver] ?? false} />
                    </legend>
                    <input type="hidden" name={`sizing[${i}].driver`} value={row.driver} />
                    {(["low", "high"] as const).map((end) => {
                      const name = `sizing[${i}].${end}`;
                      return (
                        <div key={end}>
                          <label htmlFor={name} className="text-xs text-slate-600">
                            {t(`playbook.role.per_${end}`)}
                          </label>
                          <input
                            id={name}
                            name={name}
                            inputMode="decimal"
                            defaultValue={typed(name, String(row[end]))}
                            className={ui.input}
                            {...err(name)}
                          />
                          <FieldErrors id={`${name}-error`} errors={errors[name]} />
                        </div>
                      );
                    })}
                  </fieldset>
                ))}
              </div>
            ) : null}
          </section>

          <section className={`${ui.card} space-y-4`} aria-labelledby="resp-title">
            <h2 id="resp-title" className={ui.h2}>
              {t("playbook.role.responsibilities")}
            </h2>
            <p className={ui.hint}>{t("playbook.role.linesHint")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              {(["zh", "en"] as const).map((l) => (
                <div key={l}>
                  <label htmlFor={`core.${l}`} className={ui.label}>
                    {t(`playbook.role.core_${l}`)}
                  </label>
                  <textarea
                    id={`core.${l}`}
                    name={`core.${l}`}
                    rows={3}
                    defaultValue={typed(`core.${l}`, joined(role.coreResponsibilities, l))}
                    className={ui.input}
                    {...err(`core.${l}`)}
                  />
                  <FieldErrors id={`core.${l}-error`} errors={errors[`core.${l}`]} />
                </div>
              ))}
            </div>
            {MODEL_IDS.map((m) => (
              <details
                key={m}
                className="rounded-lg border border-slate-200 p-3"
                open={Boolean(errors[`byModel.${m}.en`])}
              >
                <summary className="cursor-pointer text-sm font-medium">
                  {t("playbook.role.forModel", { model: localize(models.find((x) => x.id === m)!.label, lang) })}
                </summary>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  {(["zh", "en"] as const).map((l) => (
                    <div key={l}>
                      <label htmlFor={`byModel.${m}.${l}`} className={ui.label}>
                        {t(`playbook.role.lang_${l}`)}
                      </label>
                      <textarea
                        id={`byModel.${m}.${l}`}
                        name={`byModel.${m}.${l}`}
                        rows={3}
                        defaultValue={typed(`byModel.${m}.${l}`, joined(role.responsibilitiesByModel[m] ?? [], l))}
                        className={ui.input}
                        {...err(`byModel.${m}.${l}`)}
                      />
                      <FieldErrors id={`byModel.${m}.${l}-error`} errors={errors[`byModel.${m}.${l}`]} />
                    </div>
                  ))}
                </div>
              </details>
            ))}
            <div className="grid gap-4 sm:grid-cols-2">
              {(["optionalCover", "orgChallenge"] as const).flatMap((field) =>
                (["zh", "en"] as const).map((l) => (
                  <div key={`${field}.${l}`}>
                    <label htmlFor={`${field}.${l}`} className={ui.label}>
                      {t(`playbook.role.${field}_${l}`)}
                    </label>
                    <input
                      id={`${field}.${l}`}
                      name={`${field}.${l}`}
                      maxLength={TEXT_MAX}
                      defaultValue={typed(`${field}.${l}`, role[field][l])}
                      className={ui.input}
                      {...err(`${field}.${l}`)}
                    />
                    <FieldErrors id={`${field}.${l}-error`} errors={errors[`${field}.${l}`]} />
                  </div>
                )),
              )}
            </div>
          </section>

          {canEdit ? (
            <SaveVersionSection
              defaultSummary={typed("summary", "")}
              errors={errors.summary}
              submitLabel={t("playbook.role.save")}
            />
          ) : null}
        </fieldset>
      </Form>
      {own && canEdit ? (
        <section className={`${ui.card} space-y-3`} aria-labelledby="remove-title">
          <h2 id="remove-title" className={ui.h2}>
            {t("customRoles.removeOf", { role: label })}
          </h2>
          <p className="text-sm text-slate-600">{t("customRoles.removeBody")}</p>
          <ConfirmAction
            confirmHref={`/playbook/roles/${roleId}/remove`}
            action={`/playbook/roles/${roleId}/remove`}
            fields={{ version: String(answer?.version ?? version) }}
            title={t("customRoles.removeTitle", { role: label })}
            body={t("customRoles.removeBody")}
            confirmLabel={t("customRoles.removeConfirm")}
            triggerLabel={t("customRoles.remove")}
            triggerStyle="button"
          />
        </section>
      ) : null}
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
