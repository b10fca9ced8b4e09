import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, sectionErrorBoundary, StatusMessage, titleMeta, ui, useLang } from "~/components/ui";
import { DRIVERS, type Channel, type Drivers } from "~/domain/sizing";
import { DRIVER_IDS, MODEL_IDS } from "~/domain/types";
import { conflictingFields, type FieldConflict } from "~/domain/conflicts";
import { ConflictNotice } from "~/components/ConflictNotice";
import { CHANNELS_FIELD, channelsError, PROFILE_FORM, profileSchema as schema, shareField } from "~/forms/profile";
import { localize } from "~/domain/vocabulary";
import { adminStrings } from "~/locales/admin";
import { getBusinessProfile, profileFormValues, saveBusinessProfile } from "~/models/business-profile.server";
import { getOrganisationSettings } from "~/models/organisation.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { plannerHref } from "~/utils/sizing-query";
import { conflictSubmission, invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.profile, adminStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "organisation.update");
  const [organisation, profile, playbook] = await Promise.all([
    getOrganisationSettings({ organisationId: actor.organisationId }),
    getBusinessProfile({ organisationId: actor.organisationId }),
    playbookForOrganisation(actor.organisationId),
  ]);
  if (!organisation) throw notFound();
  const channels: Channel[] =
    profile.channels.length > 0 ? profile.channels : [{ model: organisation.operatingModel, share: 100 }];
  return {
    organisation,
    version: organisation.profileVersion,
    hasProfile: profile.updatedAt !== null,
    channels,
    drivers: profile.drivers,
    models: playbook.models.map(({ id, label, example }) => ({ id, label, example })),
    drivers_: DRIVER_IDS.map((id) => DRIVERS[id]),
    plannerHref: plannerHref({
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      channels,
      drivers: profile.drivers,
    }),
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

/** Every answer names these, so the page's type keeps them. */
const NOT_CONFLICTING = { conflict: null as FieldConflict[] | null, version: null as number | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "organisation.update");
  const formData = await readFormData(request);
  const submission = parseForm(formData, schema, PROFILE_FORM);
  const channelsProblem = channelsError(Object.fromEntries(formData.entries()));
  if (submission.status !== "success" || channelsProblem) {
    const existing = submission.status === "error" ? (submission.error?.[CHANNELS_FIELD] ?? []) : [];
    return invalidSubmission(submission, {
      ...(channelsProblem ? { fieldErrors: { [CHANNELS_FIELD]: [...existing, channelsProblem] } } : {}),
      extra: NOT_CONFLICTING,
    });
  }
  const value = submission.value;
  const channels: Channel[] = MODEL_IDS.flatMap((model) => {
    const s = value[shareField(model)];
    return s === undefined ? [] : [{ model, share: s }];
  });
  const drivers: Drivers = {};
  for (const id of DRIVER_IDS) if (value[id] !== undefined) drivers[id] = value[id];
  const result = await saveBusinessProfile({
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    channels,
    drivers,
    version: value.version,
    ipAddress: clientAddress(request, context),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    const fields = Object.keys(profileFormValues({ channels: [], drivers: {} }));
    const conflict = conflictingFields(
      profileFormValues(result.current),
      profileFormValues({ channels, drivers }),
      fields,
    );
    return conflictSubmission(submission, { conflict, version: result.current.version, extra: NOT_CONFLICTING });
  }
  // Post/Redirect/Get: a reload shows the page, it does not send the form again
  return redirect("/settings/profile?saved=1");
}

export default function BusinessProfileSettings() {
  const {
    channels,
    drivers,
    hasProfile,
    models,
    drivers_: specs,
    plannerHref,
    saved,
    version,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const defaultValue: Record<string, string> = {};
  for (const c of channels) defaultValue[shareField(c.model)] = String(c.share);
  for (const id of DRIVER_IDS) if (drivers[id] !== undefined) defaultValue[id] = String(drivers[id]);
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    defaultValue,
    onValidate: validateWith(schema, PROFILE_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const total = MODEL_IDS.reduce((sum, m) => sum + (Number(fields[shareField(m)].value) || 0), 0);
  const channelErrors = fields[CHANNELS_FIELD].errors?.filter((e) => e !== "sizing.errors.share");
  const firstShareErrors = fields[CHANNELS_FIELD].errors?.filter((e) => e === "sizing.errors.share");

  return (
    <section aria-labelledby="profile-title" className="max-w-3xl space-y-6">
      <div>
        <h2 id="profile-title" className={ui.h2}>
          {t("sizing.profile.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("sizing.profile.intro")}</p>
      </div>
      {saved ? (
        <StatusMessage>
          {t("sizing.profile.saved")}{" "}
          <Link to="/team/chart" className={ui.link}>
            {t("sizing.profile.seeChart")}
          </Link>{" "}
          ·{" "}
          <Link to="/hiring" className={ui.link}>
            {t("sizing.profile.seeHiring")}
          </Link>
        </StatusMessage>
      ) : !hasProfile ? (
        <StatusMessage tone="info">{t("sizing.profile.empty")}</StatusMessage>
      ) : null}
      <Form method="post" {...getFormProps(form)} className={`${ui.card} space-y-6`} data-testid="profile-form">
        {actionData?.conflict ? (
          <ConflictNotice
            conflict={actionData.conflict}
            label={(field) => {
              const model = models.find((m) => shareField(m.id) === field);
              if (model) return t("sizing.profile.shareLabel", { model: localize(model.label, lang) });
              const spec = specs.find((s) => s.id === field);
              return spec ? localize(spec.label, lang) : field;
            }}
          />
        ) : (
          <FormErrors id={form.errorId} errors={form.errors} />
        )}
        {/* the profile version this form was loaded from; after a refused save, the one saved now */}
        <input type="hidden" name="version" value={actionData?.version ?? version} />
        <fieldset aria-describedby="channels-hint">
          <legend className="text-sm font-semibold text-slate-800">{t("sizing.profile.channelsLegend")}</legend>
          <p id="channels-hint" className={ui.hint}>
            {t("sizing.profile.channelsHint")}
          </p>
          <div className="mt-3 space-y-2">
            {MODEL_IDS.map((model) => {
              const meta = fields[shareField(model)];
              const label = models.find((m) => m.id === model)?.label;
              const errors = model === MODEL_IDS[0] ? firstShareErrors : meta.errors;
              return (
                <div key={model} className="grid grid-cols-[minmax(0,1fr)_8rem] items-start gap-3">
                  <label htmlFor={meta.id} className="pt-2 text-sm text-slate-700">
                    {label ? localize(label, lang) : model}
                    <span className="block text-xs text-slate-500">{t("sizing.profile.shareUnit")}</span>
                  </label>
                  <div>
                    <input
                      {...getInputProps(meta, { type: "number" })}
                      min={1}
                      max={100}
                      step={1}
                      inputMode="numeric"
                      aria-label={t("sizing.profile.shareLabel", { model: label ? localize(label, lang) : model })}
                      className={ui.input}
                    />
                    <FieldErrors id={meta.errorId} errors={errors} />
                  </div>
                </div>
              );
            })}
          </div>
          <p className="mt-2 text-sm font-medium text-slate-700" aria-live="polite">
            {t("sizing.profile.total", { total })}
          </p>
          <div role="alert" className="text-sm text-red-700">
            {channelErrors?.map((e) => (
              <p key={e}>{t(e, { total })}</p>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="text-sm font-semibold text-slate-800">{t("sizing.profile.driversLegend")}</legend>
          <p className={ui.hint}>{t("sizing.profile.driversHint")}</p>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            {specs.map((spec) => {
              const meta = fields[spec.id];
              return (
                <div key={spec.id}>
                  <label htmlFor={meta.id} className={ui.label}>
                    {localize(spec.label, lang)}{" "}
                    <span className="font-normal text-slate-500">
                      {lang === "zh" ? `（${localize(spec.unit, lang)}）` : `(${localize(spec.unit, lang)})`}
                    </span>
                  </label>
                  <input
                    {...getInputProps(meta, { type: "number", ariaDescribedBy: `${meta.id}-hint` })}
                    min={spec.min}
                    max={spec.max}
                    step={1}
                    inputMode="numeric"
                    className={ui.input}
                  />
                  <p id={`${meta.id}-hint`} className={ui.hint}>
                    {localize(spec.hint, lang)}
                  </p>
                  <FieldErrors id={meta.errorId} errors={meta.errors} />
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
            {t("sizing.profile.submit")}
          </button>
          <Link to={plannerHref} className={ui.link}>
            {t("sizing.profile.seePlanner")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
