import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, titleMeta, ui } from "~/components/ui";
import { NOTIFY_FORM, resetSchema } from "~/forms/notifications";
import { nextStepsStrings } from "~/locales/next-steps";
import { findReset, resetPassword } from "~/models/password-reset.server";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "~/utils/password-policy.server";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { clientAddress } from "~/utils/request.server";

/** The link of a password-reset email: choose a new password, once, within the hour. */
export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findReset(params.token ?? "");
  return data(
    { valid: reset !== null },
    { status: reset ? 200 : 404, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  const token = params.token ?? "";
  const reset = await findReset(token);
  const submission = parseForm(await readFormData(request), resetSchema, NOTIFY_FORM);
  if (!reset) return invalidSubmission(submission, { formErrors: ["nextSteps.reset.invalid"], status: 404 });
  if (submission.status !== "success") return invalidSubmission(submission);
  const problem = passwordProblem(submission.value.password, { email: reset.user.email, name: reset.user.name });
  if (problem)
    return invalidSubmission(submission, { fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] } });
  const done = await resetPassword({
    token,
    password: submission.value.password,
    ipAddress: clientAddress(request, context),
  });
  if (!done) return invalidSubmission(submission, { formErrors: ["nextSteps.reset.invalid"], status: 404 });
  return { done: true as const, lastResult: submission.reply({ resetForm: true }) };
}

export const meta = titleMeta((lang) => [nextStepsStrings[lang].reset.title]);

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: answer?.lastResult,
    onValidate: validateWith(resetSchema, NOTIFY_FORM),
    shouldValidate: "onBlur",
  });
  if (answer && "done" in answer) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold tracking-tight">{t("nextSteps.reset.title")}</h1>
        <p role="status" className="mt-4 text-slate-700" data-testid="reset-done">
          {t("nextSteps.reset.done")}
        </p>
        <Link to="/login" className={`${ui.primaryButton} mt-6`}>
          {t("auth.login.submit")}
        </Link>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("nextSteps.reset.title")}</h1>
      {!valid ? (
        <>
          <p className="mt-4 text-slate-700">{t("nextSteps.reset.invalid")}</p>
          <Link to="/forgot-password" className={`${ui.link} mt-4 inline-block`}>
            {t("nextSteps.reset.again")}
          </Link>
        </>
      ) : (
        <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField
            meta={fields.password}
            label={t("nextSteps.reset.password")}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            meta={fields.confirmPassword}
            label={t("auth.fields.confirmPassword")}
            type="password"
            autoComplete="new-password"
          />
          <button type="submit" disabled={navigation.state === "submitting"} className={`${ui.primaryButton} w-full`}>
            {t("nextSteps.reset.submit")}
          </button>
        </Form>
      )}
    </main>
  );
}
