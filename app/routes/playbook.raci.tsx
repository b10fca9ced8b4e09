import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { EditedMark, PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { FieldErrors, FormErrors, StatusMessage, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import { isEditedUnder, playbookConflict } from "~/domain/playbook-diff";
import { defaultRaciPath, withDefaultRaciEdited } from "~/domain/playbook-raci";
import { splitProblem } from "~/domain/playbook-validation";
import { defaultStepsFor, RACI_LETTERS, STEP_SECTIONS } from "~/domain/process-steps";
import { playbookRoleIds } from "~/domain/extension-roles";
import { isModelId, localize } from "~/domain/vocabulary";
import { PLAYBOOK_FORM, SUMMARY_MAX } from "~/forms/playbook";
import { raciRowErrorPath, raciRowsFromForm, raciSchemaFor } from "~/forms/playbook-raci";
import { playbookStrings } from "~/locales/playbook";
import {
  readPlaybookPage,
  playbookAtVersion,
  playbookForOrganisation,
  requirePlaybookEditor,
  savePlaybook,
} from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

/**
 * The process steps' default RACI in the organisation's playbook (issue 13):
 * one model's core flow and the shared steps, one letter per role of the
 * playbook (the seven, then the extension roles it holds) and step.
 * A team's steps start from these rows (ownership), so an edit reaches the
 * steps an organisation has not stored yet. Every save is a version.
 */

export const meta = titleMeta((lang) => [playbookStrings[lang].raci.title, playbookStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation, state, canEdit } = await readPlaybookPage({ request, context });
  const url = new URL(request.url);
  const asked = url.searchParams.get("model");
  const model = isModelId(asked) ? asked : organisation.operatingModel;
  const { playbook, edited } = state;
  const roleIds = playbookRoleIds(playbook);
  const steps = defaultStepsFor(model, playbook.defaultRaci).map((step) => {
    const path = defaultRaciPath(step.key, step.section === "core" ? model : null);
    return {
      key: step.key,
      section: step.section,
      name: step.name,
      row: step.raci,
      edited: roleIds.filter((roleId) => isEditedUnder(edited, `${path}.${roleId}`)),
    };
  });
  return {
    version: state.version,
    model,
    ownModel: organisation.operatingModel,
    models: playbook.models.map(({ id, label }) => ({ id, label })),
    roles: roleIds.map((id) => ({ id, label: playbook.roles.find((r) => r.id === id)!.label })),
    steps,
    canEdit,
    saved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const organisationId = signedIn.actor.organisationId;
  // the columns of the page as the current version has them (a stale page's save is refused as a conflict)
  const roleIds = playbookRoleIds(await playbookForOrganisation(organisationId));
  const submission = parseForm(await readFormData(request), raciSchemaFor(roleIds), PLAYBOOK_FORM);
  const none = { conflict: null, version: null, problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  const { version, summary, model } = submission.value;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  if (!loaded) return invalidSubmission(submission, { fieldErrors: { version: ["forms.version"] }, extra: none });
  const next = withDefaultRaciEdited(loaded, model, raciRowsFromForm(submission.value));
  const result = await savePlaybook({
    organisationId,
    version,
    next,
    summary,
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect(`/playbook/raci?model=${model}&saved=1`);
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict")
    return conflictSubmission(submission, {
      conflict: playbookConflict(loaded, result.current.playbook, next),
      version: result.current.version,
      extra: { problems: [] as string[] },
    });
  // a rule of the whole playbook: on the step's row where it names one, and listed with its path
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of result.problems) {
    const match = /^defaultRaci\.(?:byModel\.[a-z_]+|shared)\.([a-z0-9_]+)/.exec(splitProblem(problem).path);
    if (match) (fieldErrors[raciRowErrorPath(match[1]).join(".")] ??= []).push("playbook.errors.invariant");
  }
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    fieldErrors,
    extra: { ...none, problems: result.problems },
  });
}

type Answer = {
  lastResult?: { initialValue?: Record<string, unknown> | null };
  conflict?: { field: string; theirs: string; yours: string }[] | null;
  version?: number | null;
  problems?: string[];
};

export default function DefaultRaciPage() {
  const { version, model, ownModel, models, roles, steps, canEdit, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const schema = useMemo(() => raciSchemaFor(roles.map((r) => r.id)), [roles]);
  const [form] = useForm({
    id: "playbook-raci",
    lastResult: answer?.lastResult as never,
    onValidate: validateWith(schema, PLAYBOOK_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = form.allErrors;
  const initial = answer?.lastResult?.initialValue;
  /** What the person chose before a refused save, else the playbook's letter. */
  const letterOf = (stepKey: string, roleId: string, saved: string | undefined) => {
    if (!initial) return saved ?? "";
    const cells = (initial.cells ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const typed = cells[stepKey]?.[roleId];
    return typeof typed === "string" ? typed : "";
  };
  const modelLabel = localize(models.find((m) => m.id === model)!.label, lang);
  const typedSummary = typeof initial?.summary === "string" ? initial.summary : "";

  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t("playbook.raci.title")}</h1>
        <span className="text-xs text-slate-500">
          {version === 0
            ? t("playbook.shippedShort")
            : t("playbook.versions.number", { number: answer?.version ?? version })}
        </span>
      </div>
      <PlaybookNav canEdit={canEdit} />
      <p className="max-w-3xl text-sm text-slate-600">{t("playbook.raci.intro")}</p>
      <nav aria-label={t("playbook.raci.modelsLabel")} className="flex flex-wrap gap-2">
        {models.map((m) => (
          <Link
            key={m.id}
            to={`/playbook/raci?model=${m.id}`}
            aria-current={m.id === model ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${
              m.id === model
                ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-800"
                : "border-slate-300 text-slate-700 hover:bg-slate-50"
            }`}
          >
            {localize(m.label, lang)}
            {m.id === ownModel ? <span className="ml-1 text-xs font-normal">{t("playbook.raci.yours")}</span> : null}
          </Link>
        ))}
      </nav>
      {saved ? <StatusMessage>{t("playbook.raci.saved")}</StatusMessage> : null}
      {!canEdit ? <p className="text-sm text-slate-600">{t("playbook.readOnly")}</p> : null}
      {answer?.conflict ? (
        <ConflictNotice conflict={answer.conflict} label={(field) => field} />
      ) : (
        <FormErrors id={form.errorId} errors={form.errors?.filter((e) => e !== "forms.conflict.title")} />
      )}
      <ProblemList problems={answer?.problems ?? []} />
      <p className="text-xs text-slate-600">{t("ownership.legend")}</p>

      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="version" value={answer?.version ?? version} />
        <input type="hidden" name="model" value={model} />
        {/* the read-only fieldset inside the scroll box, so that a reader's keyboard can still scroll it */}
        <div className="space-y-6">
          <div className={ui.tableWrap} tabIndex={0}>
            <fieldset disabled={!canEdit}>
              <table className={ui.table}>
                <caption className="sr-only">{t("playbook.raci.caption", { model: modelLabel })}</caption>
                <thead className={ui.thead}>
                  <tr>
                    <th scope="col" className={ui.th}>
                      {t("playbook.raci.step")}
                    </th>
                    {roles.map((r) => (
                      <th key={r.id} scope="col" className={ui.th}>
                        {localize(r.label, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                {STEP_SECTIONS.map((section) => {
                  const inSection = steps.filter((s) => s.section === section);
                  if (inSection.length === 0) return null;
                  return (
                    <tbody key={section} className="divide-y divide-slate-100">
                      <tr>
                        <th scope="colgroup" colSpan={roles.length + 1} className="bg-slate-50 px-3 py-2 text-left">
                          {t(`ownership.sections.${section}`)}
                          {section === "core" ? (
                            <span className="ml-2 text-xs font-normal text-slate-500">
                              {t("playbook.raci.forModel", { model: modelLabel })}
                            </span>
                          ) : (
                            <span className="ml-2 text-xs font-normal text-slate-500">
                              {t("playbook.raci.everyModel")}
                            </span>
                          )}
                        </th>
                      </tr>
                      {inSection.map((step) => {
                        const rowName = `cells.${step.key}`;
                        const rowErrors = [
                          ...new Set(
                            Object.entries(errors)
                              .filter(([name]) => name.startsWith(`${rowName}.`))
                              .flatMap(([, list]) => list ?? []),
                          ),
                        ];
                        const stepName = localize(step.name, lang);
                        return (
                          <tr key={step.key} data-step={step.key}>
                            <th scope="row" className={`${ui.td} text-left font-medium`}>
                              {stepName}
                              <FieldErrors id={`${rowName}-error`} errors={rowErrors} />
                            </th>
                            {roles.map((r) => {
                              const name = `${rowName}.${r.id}`;
                              return (
                                <td key={r.id} className={ui.td}>
                                  <label htmlFor={name} className="sr-only">
                                    {t("playbook.raci.cellOf", { role: localize(r.label, lang), step: stepName })}
                                  </label>
                                  <select
                                    id={name}
                                    name={name}
                                    defaultValue={letterOf(step.key, r.id, (step.row as Record<string, string>)[r.id])}
                                    className={ui.input}
                                    aria-invalid={rowErrors.length > 0 ? true : undefined}
                                    aria-describedby={rowErrors.length > 0 ? `${rowName}-error` : undefined}
                                  >
                                    <option value="">{t("ownership.letters.none")}</option>
                                    {RACI_LETTERS.map((letter) => (
                                      <option key={letter} value={letter}>
                                        {t(`ownership.letters.${letter}`)}
                                      </option>
                                    ))}
                                  </select>
                                  <EditedMark edited={step.edited.includes(r.id)} />
                                </td>
                              );
                            })}
                          </tr>
                        );
                      })}
                    </tbody>
                  );
                })}
              </table>
            </fieldset>
          </div>

          {canEdit ? (
            <section className={`${ui.card} space-y-3`}>
              <label htmlFor="summary" className={ui.label}>
                {t("playbook.summary")}
              </label>
              <input
                id="summary"
                name="summary"
                maxLength={SUMMARY_MAX}
                defaultValue={typedSummary}
                className={ui.input}
                aria-invalid={errors.summary ? true : undefined}
                aria-describedby={errors.summary ? "summary-error" : undefined}
              />
              <p className={ui.hint}>{t("playbook.summaryHint")}</p>
              <FieldErrors id="summary-error" errors={errors.summary} />
              <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
                {navigation.state === "submitting" ? t("playbook.saving") : t("playbook.raci.save")}
              </button>
            </section>
          ) : null}
        </div>
      </Form>
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
