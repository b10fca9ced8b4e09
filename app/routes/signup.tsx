import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordFields } from "~/components/auth/NewPasswordFields";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FieldErrors, FormErrors, TextField } from "~/components/ui";
import { ModelRatings } from "~/components/planner/ModelRatings";
import { CORE_ROLE_IDS } from "~/domain/types";
import { isModelId, isStageId, localize } from "~/domain/vocabulary";
import { authStrings } from "~/locales/auth";
import { playbookForRequest } from "~/models/playbook.server";
import { requestSignup } from "~/models/signup.server";
import { getSignedIn } from "~/utils/auth.server";
import { languageFor } from "~/utils/i18n.server";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "~/utils/password-policy.server";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { AUTH_FORM, signupSchema } from "~/forms/auth";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedIn(request, context)) throw redirect("/home");
  const params = new URL(request.url).searchParams;
  const [playbook, lang] = await Promise.all([playbookForRequest({ request, context }), languageFor(request)]);
  const model = params.get("model");
  const stage = params.get("stage");
  return {
    lang,
    models: playbook.models.map(({ id, label, example, ratings }) => ({ id, label, example, ratings })),
    stages: playbook.stages.map(({ id, label, guidance }) => ({ id, label, guidance })),
    roles: playbook.roles
      .filter((r) => (CORE_ROLE_IDS as readonly string[]).includes(r.id))
      .map(({ id, label }) => ({ id, label })),
    // From the planner's "sign up with this choice"; anything else is ignored.
    prefill: { model: isModelId(model) ? model : undefined, stage: isStageId(stage) ? stage : undefined },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "signup");
  const submission = parseForm(await readFormData(request), signupSchema, AUTH_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { organisationName, model, stage, name, email, password, addAsMember, founderRole } = submission.value;
  const problem = passwordProblem(password, { email, name, extra: [organisationName] });
  if (problem)
    return invalidSubmission(submission, { fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] } });
  // The same answer, and the same work, whether the email is new or has an account: only the email differs.
  await requestSignup({
    email,
    password,
    lang: await languageFor(request),
    details: {
      organisation: { name: organisationName, operatingModel: model, stage },
      name,
      founderMember: addAsMember === "on" ? { roleId: founderRole ?? null } : null,
    },
  });
  return { sent: email, lastResult: submission.reply({ resetForm: true }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: authStrings[data?.lang ?? "zh"].signup.title },
];

export default function SignupPage() {
  const { lang, models, stages, roles, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction === "/signup";
  const [form, fields] = useForm<z.input<typeof signupSchema>>({
    id: "signup",
    lastResult: actionData?.lastResult,
    defaultValue: { ...prefill, addAsMember: "on" },
    constraint: getZodConstraint(signupSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: validateWith(signupSchema, AUTH_FORM),
  });

  if (actionData && "sent" in actionData) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("access.signup.sentTitle")}</h1>
        <p role="status" className="mt-4 text-slate-700" data-testid="signup-sent" data-email={actionData.sent}>
          {t("access.signup.sent", { email: actionData.sent })}
        </p>
        <p className="mt-3 text-sm text-slate-600">{t("access.signup.sentNothingYet")}</p>
        <p className="mt-6 text-sm">
          <Link to="/login" className="font-medium text-indigo-700 underline">
            {t("access.signup.signIn")}
          </Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("auth.signup.title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-600">{t("auth.signup.intro")}</p>

      <Form method="post" action="/signup" className="mt-8 space-y-8" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("auth.signup.organisationLegend")}
          </legend>
          <TextField
            meta={fields.organisationName}
            label={t("auth.fields.organisationName")}
            autoComplete="organization"
          />

          <fieldset aria-describedby={fields.model.errors ? fields.model.errorId : undefined}>
            <legend className="text-sm font-medium text-slate-700">{t("auth.fields.model")}</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
              {models.map((option) => {
                const { key, ...radio } = getInputProps(fields.model, { type: "radio", value: option.id });
                return (
                  <label
                    key={option.id}
                    className="flex cursor-pointer flex-col rounded-xl border border-slate-200 bg-white p-3 hover:border-indigo-300 has-[:checked]:border-indigo-600 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600/30"
                  >
                    <span className="flex items-start gap-2">
                      <input
                        {...radio}
                        key={key}
                        id={`${fields.model.id}-${option.id}`}
                        className="mt-1 h-4 w-4 accent-indigo-600"
                      />
                      <span>
                        <span className="block text-sm font-semibold">{localize(option.label, lang)}</span>
                        <span className="block text-xs text-slate-500">{localize(option.example, lang)}</span>
                      </span>
                    </span>
                    <ModelRatings ratings={option.ratings} />
                  </label>
                );
              })}
            </div>
            <FieldErrors id={fields.model.errorId} errors={fields.model.errors} />
          </fieldset>

          <fieldset aria-describedby={fields.stage.errors ? fields.stage.errorId : undefined}>
            <legend className="text-sm font-medium text-slate-700">{t("auth.fields.stage")}</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-3">
              {stages.map((option) => {
                const { key, ...radio } = getInputProps(fields.stage, { type: "radio", value: option.id });
                return (
                  <label
                    key={option.id}
                    className="flex cursor-pointer gap-2 rounded-xl border border-slate-200 bg-white p-3 hover:border-indigo-300 has-[:checked]:border-indigo-600 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600/30"
                  >
                    <input
                      {...radio}
                      key={key}
                      id={`${fields.stage.id}-${option.id}`}
                      className="mt-1 h-4 w-4 accent-indigo-600"
                    />
                    <span>
                      <span className="block text-sm font-semibold">{localize(option.label, lang)}</span>
                      <span className="block text-xs text-slate-600">{localize(option.guidance, lang)}</span>
                    </span>
                  </label>
                );
              })}
            </div>
            <FieldErrors id={fields.stage.errorId} errors={fields.stage.errors} />
          </fieldset>
        </fieldset>

        <fieldset className="max-w-xl space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("auth.signup.accountLegend")}
          </legend>
          <TextField meta={fields.name} label={t("auth.fields.name")} autoComplete="name" />
          <TextField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
          <NewPasswordFields password={fields.password} answer={actionData} />
        </fieldset>

        <fieldset className="max-w-xl space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("auth.signup.founderLegend")}
          </legend>
          <div>
            <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
              <input
                {...getInputProps(fields.addAsMember, { type: "checkbox", value: "on" })}
                aria-describedby={`${fields.addAsMember.id}-hint`}
                className="mt-0.5 h-4 w-4 accent-indigo-600"
              />
              {t("auth.signup.addAsMember")}
            </label>
            <p id={`${fields.addAsMember.id}-hint`} className="ml-6 mt-1 text-xs text-slate-500">
              {t("auth.signup.addAsMemberHint")}
            </p>
            <FieldErrors id={fields.addAsMember.errorId} errors={fields.addAsMember.errors} />
          </div>
          <div>
            <label htmlFor={fields.founderRole.id} className="block text-sm font-medium text-slate-700">
              {t("auth.signup.founderRole")}
            </label>
            <select
              {...getSelectProps(fields.founderRole)}
              aria-describedby={`${fields.founderRole.id}-hint`}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t("auth.signup.founderRoleNone")}</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {localize(role.label, lang)}
                </option>
              ))}
            </select>
            <p id={`${fields.founderRole.id}-hint`} className="mt-1 text-xs text-slate-500">
              {t("auth.signup.founderRoleHint")}
            </p>
            <FieldErrors id={fields.founderRole.errorId} errors={fields.founderRole.errors} />
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={submitting}
            className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
          >
            {submitting ? t("auth.submitting") : t("auth.signup.submit")}
          </button>
          <p className="text-sm text-slate-600">
            {t("auth.signup.haveAccount")}{" "}
            <Link to="/login" className="font-medium text-indigo-700 underline">
              {t("auth.signup.signIn")}
            </Link>
          </p>
        </div>
      </Form>
    </main>
  );
}
