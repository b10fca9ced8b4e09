import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TextField } from "~/components/ui";
import { securityStrings } from "~/locales/security";
import { verifySecondFactor } from "~/models/account.server";
import { recordSecurityEvent } from "~/models/security-event.server";
import { oneAttemptAtATime, recordSignInFailure, signInBlock } from "~/models/sign-in-throttle.server";
import { organisationIdOfUser } from "~/models/user.server";
import { i18nServer, languageFor } from "~/utils/i18n.server";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { clientAddress } from "~/utils/request.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { clearSecondStep, pendingSecondStep } from "~/utils/second-factor.server";
import { startSession } from "~/utils/session.server";
import { AUTH_FORM } from "~/forms/auth";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";

/**
 * The second sign-in step (after a right password, for someone with
 * two-factor sign-in on): a code from the authenticator app or a recovery
 * code. Wrong codes count against the account and address like wrong
 * passwords (app/models/sign-in-throttle.server.ts).
 */
const schema = z.object({
  code: z.string({ required_error: "security.secondStep.wrong" }).max(40, "security.secondStep.wrong"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await pendingSecondStep(request);
  if (!pending) throw redirect("/login");
  return { lang: await languageFor(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  const pending = await pendingSecondStep(request);
  if (!pending) return data({ expired: true, throttled: null, lastResult: null }, { status: 400 });
  const submission = parseForm(await readFormData(request), schema, AUTH_FORM);
  const extra = { expired: false, throttled: null as string | null };
  if (submission.status !== "success") return invalidSubmission(submission, { hideFields: ["code"], extra });

  const ipAddress = clientAddress(request, context);
  const { email, userId } = pending;
  return oneAttemptAtATime({ email }, async () => {
    const now = new Date();
    const subject = { organisationId: await organisationIdOfUser({ userId }), subjectUserId: userId, ipAddress };
    const block = await signInBlock({ email, ipAddress, now });
    const t = await i18nServer.getFixedT(request);
    if (block.blocked) {
      const seconds = Math.ceil(block.retryAfterMs / 1000);
      const message: string = t(`auth.login.throttled.${block.scope}`, { count: Math.ceil(seconds / 60) });
      return invalidSubmission(submission, {
        status: 429,
        hideFields: ["code"],
        headers: { "Retry-After": String(seconds) },
        extra: { ...extra, throttled: message },
      });
    }
    const result = await verifySecondFactor({ userId, code: submission.value.code, now });
    if (!result.ok) {
      const after = await recordSignInFailure({
        email,
        ipAddress,
        now,
        event: { type: "two_factor_failed", ...subject, detail: { email } },
      });
      if (after.blocked) {
        const seconds = Math.ceil(after.retryAfterMs / 1000);
        const message: string = t(`auth.login.throttled.${after.scope}`, { count: Math.ceil(seconds / 60) });
        return invalidSubmission(submission, {
          status: 429,
          hideFields: ["code"],
          headers: { "Retry-After": String(seconds) },
          extra: { ...extra, throttled: message },
        });
      }
      return invalidSubmission(submission, {
        hideFields: ["code"],
        extra,
        fieldErrors: { code: ["security.secondStep.wrong"] },
      });
    }
    await recordSecurityEvent({
      type: "two_factor_passed",
      ...subject,
      actorUserId: userId,
      detail: { email, method: result.method },
    });
    const headers = new Headers();
    headers.append("Set-Cookie", await startSession(userId, request, { ipAddress }));
    headers.append("Set-Cookie", await clearSecondStep());
    return redirect(safeRedirectPath(pending.redirectTo, "/home"), { headers });
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: securityStrings[loaderData?.lang ?? "zh"].secondStep.title },
];

export default function SecondStepPage() {
  useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ code: string }>({
    id: "second-step",
    lastResult: actionData?.lastResult ?? undefined,
    shouldValidate: "onSubmit",
  });
  if (actionData?.expired) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold tracking-tight">{t("security.secondStep.title")}</h1>
        <p className="mt-3 text-slate-600">{t("security.secondStep.expired")}</p>
        <Link to="/login" className="mt-6 inline-block font-medium text-indigo-700 underline">
          {t("security.secondStep.startOver")}
        </Link>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("security.secondStep.title")}</h1>
      <p className="mt-2 text-slate-600">{t("security.secondStep.intro")}</p>
      <Form
        method="post"
        action="/login/two-factor"
        className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        {...getFormProps(form)}
      >
        {actionData?.throttled ? (
          <p
            role="alert"
            className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="throttled"
          >
            {actionData.throttled}
          </p>
        ) : null}
        <TextField meta={fields.code} label={t("security.secondStep.code")} autoComplete="one-time-code" />
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="w-full rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {navigation.state === "submitting" ? t("auth.submitting") : t("security.secondStep.submit")}
        </button>
      </Form>
    </main>
  );
}
