import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { isLanguage, supportedLanguages } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";

/** Remembers the chosen language in a cookie and goes back where the person was. */
export async function action({ request }: ActionFunctionArgs) {
  // a body that is not a form reads as an empty one: 400 below, never a 500
  const form = await request.formData().catch(() => new FormData());
  const lang = form.get("lang");
  if (!isLanguage(lang)) {
    return data({ errors: { lang: `Choose one of: ${supportedLanguages.join(", ")}` } }, { status: 400 });
  }
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(lang) },
  });
}

export async function loader() {
  // Switching language is a POST; a GET here has nothing to show.
  return redirect("/");
}
