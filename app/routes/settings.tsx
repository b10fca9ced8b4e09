import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SettingsErrorBoundary } from "~/components/settings/ErrorBoundary";
import { settingsMeta } from "~/components/settings/meta";
import { settingsPagesFor } from "~/components/settings/pages";
import { permissionsOf } from "~/domain/permissions";
import { requireSignedIn } from "~/utils/auth.server";

/** The settings area: tabs for the pages the viewer may open, the page below. */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireSignedIn(request);
  return { pages: settingsPagesFor(permissionsOf(signedIn.actor)), organisationName: signedIn.organisation.name };
}

export const meta = settingsMeta();

export default function SettingsLayout() {
  const { pages, organisationName } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <p className="text-sm text-slate-500">{organisationName}</p>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("admin.title")}</h1>
      {pages.length > 0 ? (
        <nav aria-label={t("admin.sectionsLabel")} className="mt-6 border-b border-slate-200">
          <ul className="-mb-px flex flex-wrap gap-x-6 gap-y-1">
            {pages.map((page) => (
              <li key={page.id}>
                <NavLink
                  to={page.path}
                  prefetch="intent"
                  className={({ isActive }) =>
                    `inline-block border-b-2 px-1 py-3 text-sm font-medium ${
                      isActive ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                    }`
                  }
                >
                  {t(`admin.tabs.${page.id}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="mt-8">
        <Outlet />
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <SettingsErrorBoundary />
    </main>
  );
}
