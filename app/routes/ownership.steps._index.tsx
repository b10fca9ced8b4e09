import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import {
  addStepSchema,
  moveStepSchema,
  OWNERSHIP_FORM,
  parseOwnershipForm,
  renameStepSchema,
  STEP_NAME_MAX,
} from "~/forms/ownership";
import { Badge, FieldErrors, FormErrors, StatusMessage, ui, useLang } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { STEP_SECTIONS } from "~/domain/process-steps";
import { localize } from "~/domain/vocabulary";
import { addStep, loadSteps, moveStep, renameStep } from "~/models/ownership.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { conflictSubmission, intentOf, invalidSubmission, readFormData, validateWith } from "~/utils/forms";
import { conflictingFields, type FieldConflict } from "~/domain/conflicts";
import { ConflictNotice } from "~/components/ConflictNotice";
import { ownershipStrings } from "~/locales/ownership";

/** The organisation's process steps, for the admin who keeps them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.steps.manage");
  const { steps } = await loadSteps({ organisationId: organisation.id, model: organisation.operatingModel });
  return { steps: steps.map(({ key, section, name, retired, version }) => ({ key, section, name, retired, version })) };
}

/** Every refusal names these, so the page's type keeps them. */
const NOT_CONFLICTING = { conflict: null as FieldConflict[] | null, version: null as number | null };

/** Add, rename, move up or down. Retiring has its own confirmation page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.steps.manage");
  const formData = await readFormData(request);
  const intent = intentOf(formData, ["add", "rename", "move"]);
  const base = { organisationId: organisation.id, model: organisation.operatingModel };
  if (intent === "add") {
    const submission = parseOwnershipForm(formData, addStepSchema);
    if (submission.status !== "success")
      return invalidSubmission(submission, { extra: { intent, step: null, ...NOT_CONFLICTING } });
    await addStep({
      ...base,
      section: submission.value.section,
      name: { zh: submission.value.nameZh, en: submission.value.nameEn },
    });
    return { done: "added" as const };
  }
  if (intent === "rename") {
    const submission = parseOwnershipForm(formData, renameStepSchema);
    const step = String(formData.get("step") ?? "");
    if (submission.status !== "success")
      return invalidSubmission(submission, { extra: { intent, step, ...NOT_CONFLICTING } });
    const { nameZh, nameEn, version } = submission.value;
    const result = await renameStep({ ...base, key: submission.value.step, name: { zh: nameZh, en: nameEn }, version });
    if (!result.ok && result.reason === "not_found") throw notFound();
    if (!result.ok) {
      const conflict = conflictingFields(
        { nameZh: result.current.name.zh, nameEn: result.current.name.en },
        { nameZh, nameEn },
        ["nameZh", "nameEn"] as const,
      );
      return conflictSubmission(submission, { conflict, version: result.current.version, extra: { intent, step } });
    }
    return { done: "renamed" as const };
  }
  if (intent === "move") {
    const submission = parseOwnershipForm(formData, moveStepSchema);
    if (submission.status !== "success")
      return invalidSubmission(submission, { extra: { intent, step: null, ...NOT_CONFLICTING } });
    const result = await moveStep({ ...base, key: submission.value.step, direction: submission.value.direction });
    if (!result.ok && result.reason === "not_found") throw notFound();
    return {
      done: result.ok ? ("moved" as const) : ("edge" as const),
      focus: `${submission.value.direction}-${submission.value.step}`,
    };
  }
  return invalidSubmission(parseOwnershipForm(formData, addStepSchema), {
    formErrors: ["ownership.errors.invalid"],
    extra: { intent, step: null, ...NOT_CONFLICTING },
  });
}

export const meta = titleMeta((lang) => [ownershipStrings[lang].meta.steps, ownershipStrings[lang].title]);

const DONE_MESSAGES = {
  added: "ownership.steps.added",
  renamed: "ownership.steps.renamed",
  moved: "ownership.steps.moved",
  edge: "ownership.steps.edge",
  retired: "ownership.steps.retiredDone",
} as const;

export default function ManageSteps() {
  const { steps } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const [searchParams] = useSearchParams();
  const done =
    actionData && "done" in actionData
      ? actionData.done
      : searchParams.get("done") === "retired"
        ? ("retired" as const)
        : null;
  const focus = actionData && "focus" in actionData ? actionData.focus : null;
  const active = steps.filter((step) => !step.retired);
  const retired = steps.filter((step) => step.retired);
  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-2">
        <h2 className={ui.h2}>{t("ownership.steps.title")}</h2>
        <p className="text-sm text-slate-600">{t("ownership.steps.intro")}</p>
      </div>
      {done ? (
        <StatusMessage tone={done === "edge" ? "info" : "success"}>{t(DONE_MESSAGES[done])}</StatusMessage>
      ) : null}

      <div className={ui.tableWrap} tabIndex={0}>
        <table className={ui.table} data-testid="steps-table">
          <thead className={ui.thead}>
            <tr>
              <th scope="col" className={ui.th}>
                {t("ownership.steps.nameZh")} / {t("ownership.steps.nameEn")}
              </th>
              <th scope="col" className={ui.th}>
                <span className="sr-only">{t("ownership.steps.up")}</span>
              </th>
              <th scope="col" className={ui.th}>
                <span className="sr-only">{t("ownership.steps.retire")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {STEP_SECTIONS.map((section) => {
              const inSection = active.filter((step) => step.section === section);
              if (inSection.length === 0) return null;
              return (
                <Fragment key={section}>
                  <tr className="bg-slate-50/70">
                    <th
                      colSpan={3}
                      scope="colgroup"
                      className="px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                    >
                      {t(`ownership.sections.${section}`)}
                    </th>
                  </tr>
                  {inSection.map((step, index) => (
                    <tr key={step.key} data-step={step.key}>
                      <td className={ui.td}>
                        <RenameForm stepKey={step.key} name={step.name} version={step.version} />
                      </td>
                      <td className={`${ui.td} whitespace-nowrap`}>
                        <Form method="post" className="flex gap-1">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="step" value={step.key} />
                          <button
                            type="submit"
                            name="direction"
                            value="up"
                            disabled={index === 0}
                            autoFocus={focus === `up-${step.key}`}
                            aria-label={t("ownership.steps.upLabel", { step: localize(step.name, lang) })}
                            className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
                          >
                            ↑
                          </button>
                          <button
                            type="submit"
                            name="direction"
                            value="down"
                            disabled={index === inSection.length - 1}
                            autoFocus={focus === `down-${step.key}`}
                            aria-label={t("ownership.steps.downLabel", { step: localize(step.name, lang) })}
                            className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
                          >
                            ↓
                          </button>
                        </Form>
                      </td>
                      <td className={ui.td}>
                        <Link
                          to={`/ownership/steps/${step.key}/retire`}
                          className={ui.dangerLink}
                          aria-label={t("ownership.steps.retireLabel", { step: localize(step.name, lang) })}
                        >
                          {t("ownership.steps.retire")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>

      <AddStepForm />

      <section aria-labelledby="retired-title" className="space-y-2">
        <h3 id="retired-title" className="font-semibold">
          {t("ownership.steps.retiredTitle")}
        </h3>
        {retired.length === 0 ? (
          <p className="text-sm text-slate-600">{t("ownership.steps.noRetired")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {retired.map((step) => (
              <li key={step.key} className="flex items-center gap-2">
                <Link to={`/ownership/steps/${step.key}`} className={ui.link}>
                  {localize(step.name, lang)}
                </Link>
                <Badge tone="slate">{t("ownership.steps.retiredBadge")}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RenameForm({
  stepKey,
  name,
  version,
}: {
  stepKey: string;
  name: { zh: string; en: string };
  version: number;
}) {
  const { t } = useTranslation();
  const step = localize(name, useLang());
  const actionData = useActionData<typeof action>();
  const mine =
    actionData && "lastResult" in actionData && actionData.intent === "rename" && actionData.step === stepKey;
  const conflict = mine && actionData.conflict ? actionData.conflict : null;
  const [form, fields] = useForm({
    id: `rename-${stepKey}`,
    lastResult: mine ? actionData.lastResult : undefined,
    defaultValue: { nameZh: name.zh, nameEn: name.en },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="step" value={stepKey} />
      {/* the version this form was loaded from; after a refused rename, the one saved now */}
      <input type="hidden" name="version" value={(conflict && mine ? actionData.version : null) ?? version} />
      {conflict ? (
        <div className="basis-full">
          <ConflictNotice
            conflict={conflict}
            label={(field) => t(field === "nameZh" ? "ownership.steps.nameZh" : "ownership.steps.nameEn")}
          />
        </div>
      ) : null}
      <div>
        <label htmlFor={fields.nameZh.id} className="sr-only">
          {t("ownership.steps.nameZhOf", { step })}
        </label>
        <input
          {...getInputProps(fields.nameZh, { type: "text" })}
          key={`zh-${name.zh}`}
          maxLength={STEP_NAME_MAX}
          className={`${ui.input} mt-0 w-44`}
        />
        <FieldErrors id={fields.nameZh.errorId} errors={fields.nameZh.errors} />
      </div>
      <div>
        <label htmlFor={fields.nameEn.id} className="sr-only">
          {t("ownership.steps.nameEnOf", { step })}
        </label>
        <input
          {...getInputProps(fields.nameEn, { type: "text" })}
          key={`en-${name.en}`}
          maxLength={STEP_NAME_MAX}
          className={`${ui.input} mt-0 w-56`}
        />
        <FieldErrors id={fields.nameEn.errorId} errors={fields.nameEn.errors} />
      </div>
      <button type="submit" className={ui.secondaryButton} aria-label={t("ownership.steps.renameLabel", { step })}>
        {t("ownership.steps.rename")}
      </button>
    </Form>
  );
}

function AddStepForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const mine = actionData && "lastResult" in actionData && actionData.intent === "add";
  const [form, fields] = useForm({
    id: "add-step",
    lastResult: mine ? actionData.lastResult : undefined,
    onValidate: validateWith(addStepSchema, OWNERSHIP_FORM),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="add-title" className={ui.card}>
      <h3 id="add-title" className="font-semibold">
        {t("ownership.steps.addTitle")}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div>
          <label htmlFor={fields.section.id} className={ui.label}>
            {t("ownership.steps.section")}
          </label>
          <select {...getSelectProps(fields.section)} className={ui.input}>
            {STEP_SECTIONS.map((section) => (
              <option key={section} value={section}>
                {t(`ownership.sections.${section}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.section.errorId} errors={fields.section.errors} />
        </div>
        <div>
          <label htmlFor={fields.nameZh.id} className={ui.label}>
            {t("ownership.steps.nameZh")}
          </label>
          <input {...getInputProps(fields.nameZh, { type: "text" })} maxLength={STEP_NAME_MAX} className={ui.input} />
          <FieldErrors id={fields.nameZh.errorId} errors={fields.nameZh.errors} />
        </div>
        <div>
          <label htmlFor={fields.nameEn.id} className={ui.label}>
            {t("ownership.steps.nameEn")}
          </label>
          <input {...getInputProps(fields.nameEn, { type: "text" })} maxLength={STEP_NAME_MAX} className={ui.input} />
          <FieldErrors id={fields.nameEn.errorId} errors={fields.nameEn.errors} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" name="intent" value="add" className={ui.primaryButton}>
            {t("ownership.steps.add")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("ownership");
