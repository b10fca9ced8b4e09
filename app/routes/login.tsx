import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, TextField } from "~/components/ui";
import { authStrings } from "~/locales/auth";
import { needsSecondFactor } from "~/models/account.server";
import { attemptSignIn } from "~/models/user.server";
import { getSignedIn } from "~/utils/auth.server";
import { i18nServer, languageFor } from "~/utils/i18n.server";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { clientAddress } from "~/utils/request.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { startSecondStep } from "~/utils/second-factor.server";
import { startSession } from "~/utils/session.server";
import { AUTH_FORM, loginSchema } from "~/forms/auth";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedIn(request, context)) throw redirect("/home");
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { lang: await languageFor(request), redirectTo: safeRedirectPath(redirectTo, "") || undefined };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  const submission = parseForm(await readFormData(request), loginSchema, AUTH_FORM);
  // Every answer names `throttled`, so the page's type keeps it.
  if (submission.status !== "success") return invalidSubmission(submission, { extra: { throttled: null } });
  const { email, password, redirectTo } = submission.value;
  const ipAddress = clientAddress(request, context);
  const result = await attemptSignIn({ email, password, ipAddress });
  switch (result.outcome) {
    case "signed_in": {
      const to = safeRedirectPath(redirectTo, "/home");
      // with two-factor sign-in on, the password only opens the second step
      if (await needsSecondFactor({ userId: result.user.id })) {
        const pending = await startSecondStep({ userId: result.user.id, email, redirectTo: to });
        return redirect("/login/two-factor", { headers: { "Set-Cookie": pending } });
      }
      const cookie = await startSession(result.user.id, request, { ipAddress });
      return redirect(to, { headers: { "Set-Cookie": cookie } });
    }
    case "throttled": {
      const t = await i18nServer.getFixedT(request);
      const retryAfterSeconds = Math.ceil(result.retryAfterMs / 1000);
      const message: string = t(`auth.login.throttled.${result.scope}`, { count: Math.ceil(retryAfterSeconds / 60) });
      return invalidSubmission(submission, {
        status: 429,
        headers: { "Retry-After": String(retryAfterSeconds) },
        extra: { throttled: { scope: result.scope, retryAfterSeconds, message } },
      });
    }
    case "disabled":
      return invalidSubmission(submission, { formErrors: ["auth.login.disabled"], extra: { throttled: null } });
    case "invalid":
      // The same answer for an unknown email and a wrong password.
      return invalidSubmission(submission, {
        formErrors: ["auth.login.invalidCredentials"],
        extra: { throttled: null },
      });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: authStrings[data?.lang ?? "zh"].login.title }];

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/login") === true;
  const [form, fields] = useForm<z.input<typeof loginSchema>>({
    id: "login",
    lastResult: actionData?.lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: validateWith(loginSchema, AUTH_FORM),
  });
  // Each answer from the server empties the password fields: what was typed there never comes back.
  const [replies, setReplies] = useState(0);
  useEffect(() => {
    if (actionData) setReplies((count) => count + 1);
  }, [actionData]);
  const throttled = actionData?.throttled;

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("auth.login.title")}</h1>
      <p className="mt-2 text-slate-600">{t("auth.login.intro")}</p>

      <Form
        method="post"
        action="/login"
        className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        {...getFormProps(form)}
      >
        {throttled ? (
          <p
            role="alert"
            className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="throttled"
          >
            {throttled.message}
          </p>
        ) : (
          <FormErrors id={form.errorId} errors={form.errors} />
        )}
        <input type="hidden" name={fields.redirectTo.name} value={redirectTo ?? ""} />
        <TextField meta={fields.email} label={t("auth.fields.email")} type="email" autoComplete="email" />
        <TextField
          key={`password-${replies}`}
          meta={fields.password}
          label={t("auth.fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button
          type="submit"
          disabled={submitting}
          className="w-full rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {submitting ? t("auth.submitting") : t("auth.login.submit")}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        <Link to="/forgot-password" className="font-medium text-indigo-700 underline">
          {t("nextSteps.forgot.link")}
        </Link>
      </p>
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.login.noAccount")}{" "}
        <Link to="/signup" className="font-medium text-indigo-700 underline">
          {t("auth.login.signUp")}
        </Link>
      </p>
    </main>
  );
}
