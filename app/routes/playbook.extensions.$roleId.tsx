import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { Badge, FieldErrors, FormErrors, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import { EXTENSION_LIBRARY, isExtensionRoleId } from "~/domain/extension-roles";
import { defaultStepsFor } from "~/domain/process-steps";
import { GENERAL_MANAGER, MODEL_IDS, STAGE_IDS, type ExtensionRoleId } from "~/domain/types";
import { GENERAL_MANAGER_LABEL, localize } from "~/domain/vocabulary";
import { extensionRoleSchema, EXTENSION_ROLE_FORM } from "~/forms/extension-roles";
import { extensionRolesStrings } from "~/locales/extension-roles";
import { playbookStrings } from "~/locales/playbook";
import {
  extensionRoleInUse,
  readPlaybookPage,
  requirePlaybookEditor,
  setExtensionRole,
} from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export const meta = titleMeta<typeof loader>((lang, data) => [
  data ? localize(data.label, lang) : undefined,
  extensionRolesStrings[lang].title,
  playbookStrings[lang].title,
]);

function roleIdOf(params: { roleId?: string }): ExtensionRoleId {
  if (!isExtensionRoleId(params.roleId)) throw notFound();
  return params.roleId;
}

/** An extension role as the library ships it, whether the playbook holds it, and who and which RACI rows assign it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const roleId = roleIdOf(params);
  const { organisationId, state, canEdit } = await readPlaybookPage({ request, context });
  const { role, why } = EXTENSION_LIBRARY[roleId];
  const playbook = state.playbook;
  const held = playbook.roles.find((r) => r.id === roleId);
  const shown = held ?? role;
  const labelOf = (id: string) =>
    id === GENERAL_MANAGER
      ? GENERAL_MANAGER_LABEL
      : (playbook.roles.find((r) => r.id === id)?.label ?? { zh: id, en: id });
  const skillLabel = (id: string) =>
    playbook.skills.find((s) => s.id === id)?.label ??
    EXTENSION_LIBRARY[roleId].skills.find((s) => s.id === id)?.label ?? { zh: id, en: id };
  const use = await extensionRoleInUse({ organisationId, roleId });
  const stepName = (stepKey: string, model: (typeof MODEL_IDS)[number] | null) =>
    defaultStepsFor(model ?? MODEL_IDS[0]).find((step) => step.key === stepKey)?.name ?? { zh: stepKey, en: stepKey };
  return {
    roleId,
    version: state.version,
    on: held !== undefined,
    label: shown.label,
    why,
    appliesTo: shown.appliesTo.map((m) => playbook.models.find((x) => x.id === m)?.label ?? { zh: m, en: m }),
    tier: playbook.stages.find((s) => s.id === shown.tier)?.label ?? { zh: shown.tier, en: shown.tier },
    reportsTo: labelOf(shown.reportsTo),
    headcount: STAGE_IDS.map((s) => ({ stage: playbook.stages.find((x) => x.id === s)?.label, ...shown.headcount[s] })),
    skills: shown.skills.map((s) => ({
      id: s.skillId,
      label: skillLabel(s.skillId),
      levels: STAGE_IDS.map((st) => s.levels[st]),
    })),
    responsibilities: shown.coreResponsibilities,
    members: use.members,
    raciSteps: use.steps,
    defaultRows: use.defaultRows.map((row) => ({
      stepKey: row.stepKey,
      model: row.model,
      name: stepName(row.stepKey, row.model),
      modelLabel: row.model ? playbook.models.find((m) => m.id === row.model)?.label : undefined,
    })),
    canEdit,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const roleId = roleIdOf(params);
  const submission = parseForm(await readFormData(request), extensionRoleSchema, EXTENSION_ROLE_FORM);
  const none = { problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  const { intent, version, summary } = submission.value;
  const result = await setExtensionRole({
    organisationId: signedIn.actor.organisationId,
    version,
    roleId,
    on: intent === "on",
    summary,
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect(`/playbook?saved=extension-${intent}`);
  if (result.reason === "not_found")
    return invalidSubmission(submission, { fieldErrors: { version: ["forms.version"] }, extra: none });
  if (result.reason === "conflict")
    return conflictSubmission(submission, { conflict: [], version: result.current.version, extra: none });
  if (result.reason === "in_use") {
    const formErrors = [
      ...(result.members > 0 ? ["extensionRoles.errors.inUse"] : []),
      ...(result.steps.length + result.defaultRows.length > 0 ? ["raciRoles.errors.inRaci"] : []),
    ];
    return invalidSubmission(submission, { formErrors, extra: none });
  }
  // e.g. a role that reports to this one: the playbook's own words, each with its path
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    extra: { problems: result.problems },
  });
}

type Answer = {
  lastResult?: { initialValue?: Record<string, unknown> | null };
  conflict?: { field: string; theirs: string; yours: string }[] | null;
  version?: number | null;
  problems?: string[];
};

export default function ExtensionRolePage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "extension-role",
    lastResult: answer?.lastResult as never,
    onValidate: validateWith(extensionRoleSchema, EXTENSION_ROLE_FORM),
    shouldValidate: "onBlur",
  });
  const label = localize(data.label, lang);
  const intent = data.on ? "off" : "on";
  const typedSummary = answer?.lastResult?.initialValue?.summary;
  const summary =
    typeof typedSummary === "string"
      ? typedSummary
      : t(data.on ? "extensionRoles.summaryOff" : "extensionRoles.summaryOn", { role: label });
  const version = answer?.conflict && typeof answer.version === "number" ? answer.version : data.version;
  const inRaci = data.raciSteps.length + data.defaultRows.length > 0;
  const blocked = data.on && (data.members > 0 || inRaci);

  return (
    <main id="main" className="mx-auto max-w-screen-lg space-y-6 px-4 py-8 sm:px-6">
      <div>
        <p className="text-sm text-slate-600">{t("extensionRoles.title")}</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
          {label}
          <Badge tone="slate">{t("extensionRoles.default")}</Badge>
          <Badge tone={data.on ? "green" : "slate"}>{t(data.on ? "extensionRoles.on" : "extensionRoles.off")}</Badge>
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{localize(data.why, lang)}</p>
      </div>
      <PlaybookNav canEdit={data.canEdit} />

      <section className={`${ui.card} space-y-3 text-sm`} aria-label={label}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">{t("extensionRoles.appliesTo")}</dt>
          <dd>{data.appliesTo.map((m) => localize(m, lang)).join(t("app.text.list"))}</dd>
          <dt className="font-medium text-slate-700">{t("extensionRoles.tier")}</dt>
          <dd>{localize(data.tier, lang)}</dd>
          <dt className="font-medium text-slate-700">{t("extensionRoles.reportsTo")}</dt>
          <dd>{localize(data.reportsTo, lang)}</dd>
          <dt className="font-medium text-slate-700">{t("extensionRoles.headcount")}</dt>
          <dd>
            {data.headcount
              .map((h) => `${h.stage ? localize(h.stage, lang) : ""} ${h.min}–${h.max}`)
              .join(t("app.text.items"))}
          </dd>
          <dt className="font-medium text-slate-700">{t("extensionRoles.responsibilities")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {data.responsibilities.map((r) => (
                <li key={r.en}>{localize(r, lang)}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-medium text-slate-700">{t("extensionRoles.skills")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {data.skills.map((s) => (
                <li key={s.id}>
                  {t("app.text.labelled", { label: localize(s.label, lang), value: s.levels.join(" / ") })}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>

      <section className={`${ui.card} space-y-3`} aria-labelledby="toggle-title">
        <h2 id="toggle-title" className={ui.h2}>
          {t(data.on ? "extensionRoles.turnOffOf" : "extensionRoles.turnOnOf", { role: label })}
        </h2>
        <p className="text-sm" data-testid="extension-state">
          {t("raciRoles.sentences", {
            first: t(data.on ? "extensionRoles.isOn" : "extensionRoles.isOff"),
            second: t(data.on ? "extensionRoles.pageIntroOff" : "extensionRoles.pageIntroOn"),
          })}
        </p>
        {data.on && data.members > 0 ? (
          <p role="status" className="text-sm font-medium text-amber-800" data-testid="extension-in-use">
            {t("extensionRoles.inUse", { count: data.members })}
          </p>
        ) : null}
        {data.on && inRaci ? (
          <div role="status" className="space-y-2 text-sm text-amber-800" data-testid="extension-in-raci">
            <p className="font-medium">{t("raciRoles.inRaci")}</p>
            {data.raciSteps.length > 0 ? (
              <div>
                <p>{t("raciRoles.teamSteps")}</p>
                <ul className="list-disc pl-5">
                  {data.raciSteps.map((step) => (
                    <li key={step.key} data-step={step.key}>
                      <Link to={`/ownership/steps/${step.key}`} className={ui.link}>
                        {localize(step.name, lang)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {data.defaultRows.length > 0 ? (
              <div>
                <p>{t("raciRoles.defaultRows")}</p>
                <ul className="list-disc pl-5">
                  {data.defaultRows.map((row) => (
                    <li key={`${row.model ?? "shared"}.${row.stepKey}`} data-step={row.stepKey}>
                      <Link to={`/playbook/raci${row.model ? `?model=${row.model}` : ""}`} className={ui.link}>
                        {t("app.text.withDetail", {
                          text: localize(row.name, lang),
                          detail: row.modelLabel ? localize(row.modelLabel, lang) : t("raciRoles.everyModel"),
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
        {answer?.conflict ? (
          <ConflictNotice conflict={answer.conflict} label={(field) => field} />
        ) : (
          <FormErrors id={form.errorId} errors={form.errors?.filter((e) => e !== "forms.conflict.title")} />
        )}
        <ProblemList problems={answer?.problems ?? []} />
        {data.canEdit ? (
          <Form method="post" {...getFormProps(form)} className="space-y-3" key={version}>
            <input type="hidden" name="intent" value={intent} />
            <input type="hidden" name="version" value={version} />
            <div>
              <label htmlFor={fields.summary.id} className={ui.label}>
                {t("extensionRoles.summaryLabel")}
              </label>
              <input
                id={fields.summary.id}
                name="summary"
                defaultValue={summary}
                maxLength={200}
                className={ui.input}
                aria-invalid={fields.summary.errors ? true : undefined}
                aria-describedby={fields.summary.errors ? fields.summary.errorId : undefined}
              />
              <FieldErrors id={fields.summary.errorId} errors={fields.summary.errors} />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="submit"
                className={data.on ? ui.secondaryButton : ui.primaryButton}
                disabled={blocked || navigation.state === "submitting"}
              >
                {navigation.state === "submitting"
                  ? t("extensionRoles.saving")
                  : t(data.on ? "extensionRoles.submitOff" : "extensionRoles.submitOn")}
              </button>
              <Link to="/playbook" className={ui.link}>
                {t("extensionRoles.cancel")}
              </Link>
            </div>
          </Form>
        ) : (
          <p className="text-sm text-slate-600">{t("extensionRoles.readOnly")}</p>
        )}
      </section>
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
