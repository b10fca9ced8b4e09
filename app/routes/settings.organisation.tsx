import { getFormProps, getSelectProps, getInputProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ModelRatings } from "~/components/planner/ModelRatings";
import { FieldErrors, FormErrors, StatusMessage, ui, useLang } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { localize } from "~/domain/vocabulary";
import { getOrganisationSettings, updateOrganisation } from "~/models/organisation.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { organisationSchema as schema, SETTINGS_FORM } from "~/forms/settings";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";
import { conflictingFields, type FieldConflict } from "~/domain/conflicts";
import { ConflictNotice } from "~/components/ConflictNotice";
import { adminStrings } from "~/locales/admin";

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.organisation, adminStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "organisation.update");
  const [organisation, playbook] = await Promise.all([
    getOrganisationSettings({ organisationId: actor.organisationId }),
    playbookForOrganisation(actor.organisationId),
  ]);
  if (!organisation) throw notFound();
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    organisation,
    models: playbook.models.map(({ id, label, example, ratings }) => ({ id, label, example, ratings })),
    stages: playbook.stages.map(({ id, label }) => ({ id, label })),
    saved: saved === "1" ? ("saved" as const) : saved === "0" ? ("unchanged" as const) : null,
  };
}

const FIELDS = ["name", "operatingModel", "stage"] as const;
/** Every answer names these, so the page's type keeps them. */
const NOT_CONFLICTING = { conflict: null as FieldConflict[] | null, version: null as number | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "organisation.update");
  const submission = parseForm(await readFormData(request), schema, SETTINGS_FORM);
  if (submission.status !== "success") return invalidSubmission(submission, { extra: NOT_CONFLICTING });
  const result = await updateOrganisation({
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    ...submission.value,
    ipAddress: clientAddress(request, context),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const conflict = conflictingFields(result.current, submission.value, FIELDS);
    return conflictSubmission(submission, { conflict, version: result.current.version, extra: NOT_CONFLICTING });
  }
  // Post/Redirect/Get: a reload shows the page, it does not send the form again
  return redirect(`/settings/organisation?saved=${result.saved.changed.length > 0 ? 1 : 0}`);
}

export default function OrganisationSettings() {
  const { organisation, models, stages, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    defaultValue: {
      name: organisation.name,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      version: String(organisation.version),
    },
    onValidate: validateWith(schema, SETTINGS_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });

  // follows the select once JavaScript runs; without it, the saved model
  const chosenModel = models.find((model) => model.id === (fields.operatingModel.value ?? organisation.operatingModel));

  return (
    <section aria-labelledby="organisation-title" className="max-w-2xl space-y-6">
      <div>
        <h2 id="organisation-title" className={ui.h2}>
          {t("admin.organisation.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("admin.organisation.intro")}</p>
      </div>
      {saved ? (
        <StatusMessage tone={saved === "saved" ? "success" : "info"}>{t(`admin.organisation.${saved}`)}</StatusMessage>
      ) : null}
      <Form method="post" {...getFormProps(form)} className={`${ui.card} space-y-5`}>
        {actionData?.conflict ? (
          <ConflictNotice
            conflict={actionData.conflict}
            label={(field) => t(`admin.organisation.${field === "operatingModel" ? "model" : field}`)}
            show={(field, value) => {
              if (field === "operatingModel")
                return localize(models.find((model) => model.id === value)?.label ?? { zh: value, en: value }, lang);
              if (field === "stage")
                return localize(stages.find((stage) => stage.id === value)?.label ?? { zh: value, en: value }, lang);
              return value;
            }}
          />
        ) : (
          <FormErrors id={form.errorId} errors={form.errors} />
        )}
        {/* the version this form was loaded from; after a refused save, the one saved now */}
        <input
          type="hidden"
          name="version"
          value={actionData?.version ?? organisation.version}
          key={actionData?.version ?? organisation.version}
        />
        <div>
          <label htmlFor={fields.name.id} className={ui.label}>
            {t("admin.organisation.name")}
          </label>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            autoComplete="organization"
            maxLength={100}
            className={ui.input}
          />
          <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div>
          <label htmlFor={fields.operatingModel.id} className={ui.label}>
            {t("admin.organisation.model")}
          </label>
          <select {...getSelectProps(fields.operatingModel)} className={ui.input}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {localize(model.label, lang)} — {localize(model.example, lang)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.operatingModel.errorId} errors={fields.operatingModel.errors} />
          {chosenModel ? (
            <div className="mt-2 rounded-lg bg-slate-50 px-3 py-2">
              <p className="text-xs font-medium text-slate-600">
                {t("admin.organisation.ratingsOf", { model: localize(chosenModel.label, lang) })}
              </p>
              <ModelRatings ratings={chosenModel.ratings} />
            </div>
          ) : null}
        </div>
        <div>
          <label htmlFor={fields.stage.id} className={ui.label}>
            {t("admin.organisation.stage")}
          </label>
          <select {...getSelectProps(fields.stage)} className={ui.input}>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {localize(stage.label, lang)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.stage.errorId} errors={fields.stage.errors} />
          <p className={ui.hint}>{t("admin.organisation.stageHint")}</p>
        </div>
        <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
          {t("admin.organisation.submit")}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
