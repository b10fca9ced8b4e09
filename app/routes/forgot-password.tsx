import { type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { TextField, titleMeta, ui } from "~/components/ui";
import { forgotSchema, NOTIFY_FORM } from "~/forms/notifications";
import { nextStepsStrings } from "~/locales/next-steps";
import { requestPasswordReset } from "~/models/password-reset.server";
import { safely } from "~/models/notify.server";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";
import { limitPublicWrite } from "~/utils/rate-limit.server";

/**
 * "Forgot your password?" (issue 16). The answer is the same for every
 * well-formed address, with or without an account: nothing tells which exist.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  const submission = parseForm(await readFormData(request), forgotSchema, NOTIFY_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  await safely("password reset", () => requestPasswordReset({ email: submission.value.email }));
  return { sent: true as const, lastResult: submission.reply({ resetForm: true }) };
}

export const meta = titleMeta((lang) => [nextStepsStrings[lang].forgot.title]);

export default function ForgotPassword() {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: answer?.lastResult,
    onValidate: validateWith(forgotSchema, NOTIFY_FORM),
    shouldValidate: "onBlur",
  });
  const sent = answer && "sent" in answer;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("nextSteps.forgot.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("nextSteps.forgot.intro")}</p>
      {sent ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
          data-testid="reset-sent"
        >
          {t("nextSteps.forgot.sent")}
        </p>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <TextField meta={fields.email} label={t("nextSteps.forgot.email")} type="email" autoComplete="email" />
        <button type="submit" disabled={navigation.state === "submitting"} className={`${ui.primaryButton} w-full`}>
          {t("nextSteps.forgot.submit")}
        </button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to="/login" className={ui.link}>
          {t("auth.login.submit")}
        </Link>
      </p>
    </main>
  );
}
