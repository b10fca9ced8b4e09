import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TextField } from "~/components/ui";
import { adminStrings } from "~/locales/admin";
import { Badge, FormErrors, sectionErrorBoundary, StatusMessage, titleMeta, ui } from "~/components/ui";
import {
  changePassword,
  confirmTwoFactor,
  disableTwoFactor,
  endOtherSessions,
  getAccount,
  startTwoFactorSetup,
} from "~/models/account.server";
import { notFound, requireSignedIn } from "~/utils/auth.server";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "~/utils/password-policy.server";
import { clientAddress } from "~/utils/request.server";
import { totpQrDataUrl } from "~/utils/totp.server";
import { AUTH_FORM, confirmPasswordField, currentPasswordField, newPasswordField, passwordsMatch } from "~/forms/auth";
import { intentOf, invalidSubmission, isConformIntent, parseForm, readFormData, SECRET_FIELDS } from "~/utils/forms";

/**
 * One's own account: change the password (the current one required), sign
 * out other sessions, set up or turn off two-factor sign-in (TOTP). Open to
 * everyone signed in, and the one page open to someone whose organisation
 * requires a second factor they have not set up (app/utils/auth.server.ts).
 */
export const meta = titleMeta((lang) => [adminStrings[lang].tabs.account, adminStrings[lang].title]);

const INTENTS = ["change_password", "end_other_sessions", "totp_start", "totp_confirm", "totp_disable"] as const;
type Intent = (typeof INTENTS)[number];

const changePasswordSchema = z
  .object({ currentPassword: currentPasswordField, password: newPasswordField, confirmPassword: confirmPasswordField })
  .superRefine(passwordsMatch);
const confirmSchema = z.object({
  code: z
    .string({ required_error: "security.account.twoFactor.wrongCode" })
    .max(20, "security.account.twoFactor.wrongCode"),
});
const disableSchema = z.object({ password: currentPasswordField });
const HIDDEN = [...SECRET_FIELDS, "currentPassword", "code"];

const DONE = ["password", "sessions", "disabled"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireSignedIn({ request, context });
  const account = await getAccount({ userId: signedIn.user.id });
  if (!account) throw notFound();
  const search = new URL(request.url).searchParams;
  const count = Number(search.get("count"));
  return {
    email: account.email,
    twoFactorEnabled: account.twoFactorEnabled,
    requireTwoFactor: account.requireTwoFactor,
    recoveryCodesLeft: account.recoveryCodesLeft,
    sessions: account.sessions,
    // the key being set up, as a QR code and as text: only until it is confirmed
    setup: account.pendingSecret
      ? { secret: account.pendingSecret, qr: await totpQrDataUrl(account.pendingSecret, account.email) }
      : null,
    mustSetUp: account.requireTwoFactor && !account.twoFactorEnabled,
    done: DONE.find((value) => value === search.get("done")) ?? null,
    count: Number.isInteger(count) && count >= 0 ? count : 0,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireSignedIn({ request, context });
  const who = {
    userId: signedIn.user.id,
    organisationId: signedIn.actor.organisationId,
    ipAddress: clientAddress(request, context),
  };
  const formData = await readFormData(request);
  const intent = intentOf(formData, INTENTS);
  // an unknown intent, or one of conform's validation requests: nothing is written
  if (!intent || isConformIntent(formData))
    return data({ intent: null, lastResult: null, recoveryCodes: null }, { status: 400 });
  const extra = { intent, recoveryCodes: null };

  switch (intent) {
    case "change_password": {
      const submission = parseForm(formData, changePasswordSchema, AUTH_FORM);
      if (submission.status !== "success") return invalidSubmission(submission, { hideFields: HIDDEN, extra });
      const { currentPassword, password } = submission.value;
      const problem = passwordProblem(password, { email: signedIn.user.email, name: signedIn.user.name });
      if (problem)
        return invalidSubmission(submission, {
          hideFields: HIDDEN,
          extra,
          fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] },
        });
      const result = await changePassword({
        ...who,
        currentPassword,
        newPassword: password,
        keepSessionId: signedIn.sessionId,
      });
      if (!result.ok) {
        return invalidSubmission(submission, {
          hideFields: HIDDEN,
          extra,
          fieldErrors: { currentPassword: ["security.account.password.wrongCurrent"] },
        });
      }
      return redirect(`/settings/account?done=password&count=${result.endedSessions}`);
    }
    case "end_other_sessions": {
      const ended = await endOtherSessions({ ...who, keepSessionId: signedIn.sessionId });
      return redirect(`/settings/account?done=sessions&count=${ended}`);
    }
    case "totp_start": {
      await startTwoFactorSetup({ userId: who.userId });
      return redirect("/settings/account#two-factor");
    }
    case "totp_confirm": {
      const submission = parseForm(formData, confirmSchema, AUTH_FORM);
      if (submission.status !== "success") return invalidSubmission(submission, { hideFields: HIDDEN, extra });
      const codes = await confirmTwoFactor({ ...who, code: submission.value.code });
      if (!codes)
        return invalidSubmission(submission, {
          hideFields: HIDDEN,
          extra,
          fieldErrors: { code: ["security.account.twoFactor.wrongCode"] },
        });
      // shown once, in this answer; only their hashes are stored
      return data({ intent, lastResult: null, recoveryCodes: codes });
    }
    case "totp_disable": {
      const submission = parseForm(formData, disableSchema, AUTH_FORM);
      if (submission.status !== "success") return invalidSubmission(submission, { hideFields: HIDDEN, extra });
      const result = await disableTwoFactor({ ...who, password: submission.value.password });
      if (!result.ok) {
        const message =
          result.reason === "required"
            ? "security.account.twoFactor.requiredNoDisable"
            : "security.account.password.wrongCurrent";
        return invalidSubmission(submission, { hideFields: HIDDEN, extra, fieldErrors: { password: [message] } });
      }
      return redirect("/settings/account?done=disabled");
    }
  }
}

type ActionData = {
  intent: Intent | null;
  lastResult: SubmissionResult<string[]> | null;
  recoveryCodes: string[] | null;
};

/** The reply of the form that sent it, for that form only. */
function replyFor(actionData: ActionData | undefined, intent: Intent) {
  return actionData?.intent === intent && actionData.lastResult ? actionData.lastResult : undefined;
}

export default function AccountSettings() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  const { done, count } = loaderData;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h2 className={ui.h2}>{t("security.account.title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("security.account.intro")}</p>
      </div>
      {loaderData.mustSetUp ? (
        <p
          role="alert"
          data-testid="two-factor-required"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {t("security.account.required")}
        </p>
      ) : null}
      {done === "password" ? <StatusMessage>{t("security.account.password.done", { count })}</StatusMessage> : null}
      {done === "sessions" ? <StatusMessage>{t("security.account.sessions.done", { count })}</StatusMessage> : null}
      {done === "disabled" ? <StatusMessage>{t("security.account.twoFactor.disabled")}</StatusMessage> : null}

      <TwoFactorSection loaderData={loaderData} actionData={actionData} />
      <ChangePasswordSection lastResult={replyFor(actionData, "change_password")} />

      <section aria-labelledby="sessions-title" className={`${ui.card} space-y-3`}>
        <h3 id="sessions-title" className="font-semibold text-slate-900">
          {t("security.account.sessions.title")}
        </h3>
        <p className="text-sm text-slate-600" data-testid="session-count">
          {t("security.account.sessions.text", { count: loaderData.sessions })}
        </p>
        <Form method="post" action="/settings/account">
          <input type="hidden" name="intent" value="end_other_sessions" />
          <button type="submit" className={ui.secondaryButton}>
            {t("security.account.sessions.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

function ChangePasswordSection({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof changePasswordSchema>>({
    id: "change-password",
    lastResult,
    shouldValidate: "onSubmit",
  });
  // each answer empties the password fields: what was typed there never comes back
  const [replies, setReplies] = useState(0);
  useEffect(() => {
    if (lastResult) setReplies((n) => n + 1);
  }, [lastResult]);
  return (
    <section aria-labelledby="password-title" className={`${ui.card} space-y-4`}>
      <div>
        <h3 id="password-title" className="font-semibold text-slate-900">
          {t("security.account.password.title")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("security.account.password.text")}</p>
      </div>
      <Form method="post" action="/settings/account" className="max-w-md space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="change_password" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          key={`current-${replies}`}
          meta={fields.currentPassword}
          label={t("security.account.password.current")}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          key={`new-${replies}`}
          meta={fields.password}
          label={t("security.account.password.new")}
          type="password"
          autoComplete="new-password"
          hint={t("auth.fields.passwordHint")}
        />
        <TextField
          key={`confirm-${replies}`}
          meta={fields.confirmPassword}
          label={t("security.account.password.confirm")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
          {t("security.account.password.submit")}
        </button>
      </Form>
    </section>
  );
}

function TwoFactorSection({
  loaderData,
  actionData,
}: {
  loaderData: ReturnType<typeof useLoaderData<typeof loader>>;
  actionData: ActionData | undefined;
}) {
  const { t } = useTranslation();
  const [confirmForm, confirmFields] = useForm<{ code: string }>({
    id: "totp-confirm",
    lastResult: replyFor(actionData, "totp_confirm"),
    shouldValidate: "onSubmit",
  });
  const [disableForm, disableFields] = useForm<{ password: string }>({
    id: "totp-disable",
    lastResult: replyFor(actionData, "totp_disable"),
    shouldValidate: "onSubmit",
  });
  const recoveryCodes = actionData?.intent === "totp_confirm" ? actionData.recoveryCodes : null;
  const { twoFactorEnabled, setup } = loaderData;
  return (
    <section id="two-factor" aria-labelledby="two-factor-title" className={`${ui.card} space-y-4`}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="two-factor-title" className="font-semibold text-slate-900">
          {t("security.account.twoFactor.title")}
        </h3>
        {twoFactorEnabled ? <Badge tone="green">✓</Badge> : null}
      </div>
      <p className="text-sm text-slate-600" data-testid="two-factor-status">
        {twoFactorEnabled
          ? t("security.account.twoFactor.on", { count: loaderData.recoveryCodesLeft })
          : t("security.account.twoFactor.off")}
      </p>

      {recoveryCodes ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <h4 className="font-semibold text-emerald-900">{t("security.account.twoFactor.recoveryTitle")}</h4>
          <p className="mt-1 text-sm text-emerald-900">{t("security.account.twoFactor.recoveryText")}</p>
          <ul className="mt-3 grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {!twoFactorEnabled && !setup ? (
        <Form method="post" action="/settings/account">
          <input type="hidden" name="intent" value="totp_start" />
          <button type="submit" className={ui.primaryButton}>
            {t("security.account.twoFactor.start")}
          </button>
        </Form>
      ) : null}

      {!twoFactorEnabled && setup ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("security.account.twoFactor.scan")}</p>
          <img
            src={setup.qr}
            alt={t("security.account.twoFactor.qrAlt")}
            width={192}
            height={192}
            className="rounded border border-slate-200 bg-white"
          />
          <div>
            <p className="text-sm font-medium text-slate-700">{t("security.account.twoFactor.secretLabel")}</p>
            <code className="break-all font-mono text-sm" data-testid="totp-secret">
              {setup.secret}
            </code>
          </div>
          <Form
            method="post"
            action="/settings/account#two-factor"
            className="max-w-xs space-y-3"
            {...getFormProps(confirmForm)}
          >
            <input type="hidden" name="intent" value="totp_confirm" />
            <TextField
              meta={confirmFields.code}
              label={t("security.account.twoFactor.code")}
              autoComplete="one-time-code"
            />
            <button type="submit" className={ui.primaryButton}>
              {t("security.account.twoFactor.confirm")}
            </button>
          </Form>
        </div>
      ) : null}

      {twoFactorEnabled ? (
        loaderData.requireTwoFactor ? (
          <p className="text-sm text-slate-600">{t("security.account.twoFactor.requiredNoDisable")}</p>
        ) : (
          <Form method="post" action="/settings/account" className="max-w-xs space-y-3" {...getFormProps(disableForm)}>
            <input type="hidden" name="intent" value="totp_disable" />
            <h4 className="text-sm font-semibold text-slate-900">{t("security.account.twoFactor.disableTitle")}</h4>
            <TextField
              meta={disableFields.password}
              label={t("security.account.twoFactor.disablePassword")}
              type="password"
              autoComplete="current-password"
            />
            <button type="submit" className={ui.secondaryButton}>
              {t("security.account.twoFactor.disable")}
            </button>
          </Form>
        )
      ) : null}
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
