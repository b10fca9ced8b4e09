import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordFields } from "~/components/auth/NewPasswordFields";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, inputClass, TextField } from "~/components/ui";
import { authStrings } from "~/locales/auth";
import { findInviteByToken, type InviteProblem, requestInviteAcceptance } from "~/models/invite.server";
import { languageFor } from "~/utils/i18n.server";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "~/utils/password-policy.server";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { acceptInviteSchema as acceptSchema, AUTH_FORM } from "~/forms/auth";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

type Unusable = InviteProblem;

/** Unknown is 404; gone for good (used, expired, withdrawn) is 410. */
const STATUS_OF: Record<Unusable, number> = { unknown: 404, used: 410, expired: 410, revoked: 410 };

/** Tokens are 43 characters; anything much longer is not one of ours. */
async function pendingInvite(token: string | undefined) {
  const invite = token && token.length <= 100 ? await findInviteByToken(token) : null;
  if (!invite) return { problem: "unknown" as const };
  if (invite.status !== "pending") return { problem: invite.status };
  return { invite };
}

function unusable(problem: Unusable) {
  return data({ problem }, { status: STATUS_OF[problem] });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await languageFor(request);
  const found = await pendingInvite(params.token);
  if (!found.invite) return data({ lang, problem: found.problem, invite: null }, { status: STATUS_OF[found.problem] });
  const { invite } = found;
  return data({
    lang,
    problem: null,
    invite: { organisationName: invite.organisation.name, email: invite.email, kind: invite.kind },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  const token = params.token ?? "";
  // A dead link is told so before anything typed is looked at (or hashed).
  const found = await pendingInvite(token);
  if (!found.invite) return unusable(found.problem);
  const submission = parseForm(await readFormData(request), acceptSchema, AUTH_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const problem = passwordProblem(submission.value.password, {
    email: found.invite.email,
    name: submission.value.name,
  });
  if (problem)
    return invalidSubmission(submission, { fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] } });
  // The same answer, and the same work, whether the invited email is free or has an account anywhere:
  // only the email differs (decision 0010's addendum). Nothing is created until its link is confirmed.
  await requestInviteAcceptance({
    invite: found.invite,
    name: submission.value.name,
    password: submission.value.password,
    lang: await languageFor(request),
  });
  return data(
    { sent: { email: found.invite.email, organisation: found.invite.organisation.name } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  const strings = authStrings[loaderData?.lang ?? "zh"].invite;
  const title = loaderData?.invite
    ? `${loaderData.invite.organisationName} — ${strings.pageTitle}`
    : strings.unusable[loaderData?.problem ?? "unknown"].title;
  return [{ title }];
};

export default function InvitePage() {
  const { invite, problem: loaderProblem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = (actionData && "problem" in actionData ? actionData.problem : null) ?? loaderProblem;
  if (actionData && "sent" in actionData) return <CheckYourEmail {...actionData.sent} />;
  if (!invite || problem) return <UnusableInvite problem={problem ?? "unknown"} />;
  return (
    <AcceptForm
      invite={invite}
      lastResult={actionData && "lastResult" in actionData ? actionData.lastResult : undefined}
    />
  );
}

function CheckYourEmail({ email, organisation }: { email: string; organisation: string }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("invitation.sentTitle")}</h1>
      <p role="status" className="mt-4 text-slate-700" data-testid="invite-sent" data-email={email}>
        {t("invitation.sent", { email, organisation })}
      </p>
      <p className="mt-3 text-sm text-slate-600">{t("invitation.sentNothingYet")}</p>
    </main>
  );
}

function UnusableInvite({ problem }: { problem: Unusable }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6" data-testid={`invite-${problem}`}>
      <h1 className="text-2xl font-bold tracking-tight">{t(`auth.invite.unusable.${problem}.title`)}</h1>
      <p className="mt-3 text-slate-600">{t(`auth.invite.unusable.${problem}.text`)}</p>
      <Link to="/login" className="mt-6 inline-block font-medium text-indigo-700 underline">
        {t("auth.invite.signIn")}
      </Link>
    </main>
  );
}

function AcceptForm({
  invite,
  lastResult,
}: {
  invite: { organisationName: string; email: string; kind: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  const [form, fields] = useForm<z.input<typeof acceptSchema>>({
    id: "accept-invite",
    lastResult,
    constraint: getZodConstraint(acceptSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: validateWith(acceptSchema, AUTH_FORM),
  });
  const organisation = invite.organisationName;

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("auth.invite.title", { organisation })}</h1>
      <p className="mt-2 text-slate-600">
        {t("auth.invite.intro", { organisation, kind: t(`app.kind.${invite.kind}`) })} {t("auth.invite.setUp")}
      </p>
      <Form
        method="post"
        className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        {...getFormProps(form)}
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <div>
          <label htmlFor="invite-email" className="block text-sm font-medium text-slate-700">
            {t("auth.invite.emailLabel")}
          </label>
          {/* Not submitted (the invitation fixes it); there for password managers. */}
          <input
            id="invite-email"
            type="email"
            value={invite.email}
            readOnly
            autoComplete="username"
            className={`${inputClass} bg-slate-50 text-slate-600`}
          />
        </div>
        <TextField meta={fields.name} label={t("auth.fields.name")} type="text" autoComplete="name" />
        <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} answer={lastResult} />
        <button
          type="submit"
          disabled={submitting}
          className="w-full rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {submitting ? t("auth.submitting") : t("auth.invite.submit")}
        </button>
      </Form>
    </main>
  );
}
