import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta, ui } from "~/components/ui";
import { accessStrings } from "~/locales/access";
import { confirmSignup, findSignup, SignupLinkUnusableError } from "~/models/signup.server";
import { isConformIntent, readFormData } from "~/utils/forms";
import { limitPublicWrite } from "~/utils/rate-limit.server";
import { clientAddress } from "~/utils/request.server";
import { startSession } from "~/utils/session.server";

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * The link of a sign-up's confirmation email (issue 14). Opening it only
 * shows what will be created (a mail scanner that follows links creates
 * nothing); the button creates the organisation and signs the founder in.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const signup = await findSignup(params.token ?? "");
  return data(
    signup
      ? { valid: true as const, organisation: signup.details.organisation.name, email: signup.email }
      : { valid: false as const },
    { status: signup ? 200 : 404, headers: PRIVATE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await limitPublicWrite(request, context, "public_write");
  // only the button creates: a validation request (or any other intent) writes nothing
  if (isConformIntent(await readFormData(request))) return data({ problem: null }, { status: 400, headers: PRIVATE });
  const ipAddress = clientAddress(request, context);
  try {
    const { user } = await confirmSignup({ token: params.token ?? "", ipAddress });
    const cookie = await startSession(user.id, request, { ipAddress });
    return redirect("/home", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof SignupLinkUnusableError) {
      return data({ problem: error.reason }, { status: error.reason === "email_taken" ? 409 : 404, headers: PRIVATE });
    }
    throw error;
  }
}

export const meta = titleMeta((lang) => [accessStrings[lang].signup.confirmTitle]);

export default function ConfirmSignup() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const problem = answer?.problem ?? (loaded.valid ? null : "invalid");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("access.signup.confirmTitle")}</h1>
      {problem === "email_taken" ? (
        <>
          <p role="alert" className="mt-4 text-slate-700">
            {t("access.signup.emailTaken")}
          </p>
          <p className="mt-4 flex gap-4 text-sm">
            <Link to="/login" className={ui.link}>
              {t("access.signup.signIn")}
            </Link>
            <Link to="/forgot-password" className={ui.link}>
              {t("access.signup.forgot")}
            </Link>
          </p>
        </>
      ) : problem === "invalid" || !loaded.valid ? (
        <>
          <p role="alert" className="mt-4 text-slate-700">
            {t("access.signup.invalid")}
          </p>
          <Link to="/signup" className={`${ui.link} mt-4 inline-block`}>
            {t("access.signup.signUpAgain")}
          </Link>
        </>
      ) : (
        <Form method="post" className="mt-6 space-y-4">
          <p className="text-slate-700">
            {t("access.signup.confirmText", { organisation: loaded.organisation, email: loaded.email })}
          </p>
          <button type="submit" disabled={navigation.state === "submitting"} className={`${ui.primaryButton} w-full`}>
            {navigation.state === "submitting" ? t("auth.submitting") : t("access.signup.confirmSubmit")}
          </button>
        </Form>
      )}
    </main>
  );
}
