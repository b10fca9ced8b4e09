import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authStrings } from "~/locales/auth";
import { recordSecurityEvent } from "~/models/security-event.server";
import { getSignedIn } from "~/utils/auth.server";
import { isConformIntent, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";
import { clientAddress } from "~/utils/request.server";
import { endSession } from "~/utils/session.server";

/** Signing out is a POST; the form body is not read, so nothing in it matters. */
export async function action({ request, context }: ActionFunctionArgs) {
  // conform's requests (a blur's validation) are never a submission: nobody is signed out by one
  if (isConformIntent(await readFormData(request.clone()))) return data({ signedOut: false }, { status: 400 });
  const signedIn = await getSignedIn(request, context);
  if (signedIn) {
    await recordSecurityEvent({
      type: "sign_out",
      organisationId: signedIn.actor.organisationId,
      actorUserId: signedIn.actor.userId,
      ipAddress: clientAddress(request, context),
    });
  }
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

/** A GET changes nothing: it offers the button, or goes home when there is no one to sign out. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request, context);
  if (!signedIn) throw redirect("/");
  return { lang: await languageFor(request), name: signedIn.user.name };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: authStrings[data?.lang ?? "zh"].logout.title },
];

export default function LogoutPage() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction === "/logout";
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("auth.logout.title")}</h1>
      <p className="mt-2 text-slate-600">{t("auth.logout.text", { name })}</p>
      <Form method="post" action="/logout" className="mt-6 flex items-center gap-4">
        <button
          type="submit"
          disabled={submitting}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {submitting ? t("auth.submitting") : t("auth.logout.submit")}
        </button>
        <Link to="/org" className="text-sm text-slate-600 underline">
          {t("auth.logout.cancel")}
        </Link>
      </Form>
    </main>
  );
}
