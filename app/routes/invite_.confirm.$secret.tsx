import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta, ui } from "~/components/ui";
import { authStrings } from "~/locales/auth";
import { AcceptanceUnusableError, confirmInviteAcceptance, findInviteAcceptance } from "~/models/invite.server";
import { isConformIntent, readFormData } from "~/utils/forms";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { clientAddress } from "~/utils/request.server";
import { startSession } from "~/utils/session.server";

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * The link of an invitation's acceptance email (issue 14). Opening it only
 * shows what will be created (a mail scanner that follows links creates
 * nothing); the button creates the account and signs the person in.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const acceptance = await findInviteAcceptance(params.secret ?? "");
  return data(
    acceptance
      ? {
          valid: true as const,
          organisation: acceptance.invite.organisation.name,
          email: acceptance.invite.email,
          name: acceptance.name,
          kind: acceptance.invite.kind,
        }
      : { valid: false as const },
    { status: acceptance ? 200 : 404, headers: PRIVATE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  // only the button creates: a validation request (or any other intent) writes nothing
  if (isConformIntent(await readFormData(request))) return data({ problem: null }, { status: 400, headers: PRIVATE });
  const ipAddress = clientAddress(request, context);
  try {
    const user = await confirmInviteAcceptance({ secret: params.secret ?? "", ipAddress });
    const cookie = await startSession(user.id, request, { ipAddress });
    return redirect("/home", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof AcceptanceUnusableError) {
      return data({ problem: error.reason }, { status: error.reason === "email_taken" ? 409 : 404, headers: PRIVATE });
    }
    throw error;
  }
}

export const meta = titleMeta((lang) => [authStrings[lang].invite.pageTitle]);

export default function ConfirmInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const problem = answer?.problem ?? (loaded.valid ? null : "invalid");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">
        {loaded.valid
          ? t("invitation.confirmTitle", { organisation: loaded.organisation })
          : t("auth.invite.pageTitle")}
      </h1>
      {problem === "email_taken" ? (
        <>
          <p role="alert" className="mt-4 text-slate-700">
            {t("invitation.emailTaken")}
          </p>
          <p className="mt-4 flex gap-4 text-sm">
            <Link to="/login" className={ui.link}>
              {t("invitation.signIn")}
            </Link>
            <Link to="/forgot-password" className={ui.link}>
              {t("invitation.forgot")}
            </Link>
          </p>
        </>
      ) : problem === "invalid" || !loaded.valid ? (
        <>
          <p role="alert" className="mt-4 text-slate-700" data-testid="invite-confirm-invalid">
            {t("invitation.invalid")}
          </p>
          <Link to="/login" className={`${ui.link} mt-4 inline-block`}>
            {t("invitation.signIn")}
          </Link>
        </>
      ) : (
        <Form method="post" className="mt-6 space-y-4">
          <p className="text-slate-700">
            {t("invitation.confirmText", {
              organisation: loaded.organisation,
              name: loaded.name,
              email: loaded.email,
              kind: t(`app.kind.${loaded.kind}`),
            })}
          </p>
          <button type="submit" disabled={navigation.state === "submitting"} className={`${ui.primaryButton} w-full`}>
            {navigation.state === "submitting" ? t("auth.submitting") : t("invitation.confirmSubmit")}
          </button>
        </Form>
      )}
    </main>
  );
}
