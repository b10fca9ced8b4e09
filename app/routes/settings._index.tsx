import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { settingsPagesFor } from "~/domain/settings-pages";
import { permissionsOf } from "~/domain/permissions";
import { forbidden, requireSignedIn } from "~/utils/auth.server";
import { sectionErrorBoundary } from "~/components/ui";

/** /settings opens the first page the viewer may see; with none, 403. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireSignedIn({ request, context });
  const [first] = settingsPagesFor(permissionsOf(signedIn.actor));
  if (!first) throw forbidden();
  return redirect(first.path);
}

/** Never shown: the loader always redirects or refuses; the refusal renders in the settings layout. */
export default function SettingsIndex() {
  return null;
}

export const ErrorBoundary = sectionErrorBoundary("settings");
