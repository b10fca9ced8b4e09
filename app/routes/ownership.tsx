import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OwnershipErrorBoundary, ownershipMeta } from "~/components/ownership/ui";
import { useLang } from "~/components/settings/ui";
import { can, type Permission } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";

const TABS: { id: "matrix" | "steps" | "diagram"; path: string; permission: Permission }[] = [
  { id: "matrix", path: "/ownership", permission: "ownership.read" },
  { id: "diagram", path: "/ownership/diagram", permission: "ownership.read" },
  { id: "steps", path: "/ownership/steps", permission: "ownership.steps.manage" },
];

function activeTab(pathname: string) {
  if (pathname.startsWith("/ownership/diagram")) return "diagram";
  if (pathname === "/ownership/steps" || pathname === "/ownership/steps/") return "steps";
  return "matrix";
}

/** The ownership area: a header, tabs for the pages the viewer may open, the page below. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission(request, "ownership.read");
  const playbook = await playbookForOrganisation(organisation.id);
  const model = playbook.models.find((candidate) => candidate.id === organisation.operatingModel);
  return {
    organisationName: organisation.name,
    model: model ? model.label : null,
    tabs: TABS.filter((tab) => can(actor, tab.permission, { organisationId: organisation.id })).map(({ id, path }) => ({ id, path })),
  };
}

export const meta = ownershipMeta(null);

export default function OwnershipLayout() {
  const { organisationName, model, tabs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const current = activeTab(useLocation().pathname);
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <p className="text-sm text-slate-500">{organisationName}</p>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("ownership.title")}</h1>
      {model ? <p className="mt-1 text-sm text-slate-600">{t("ownership.measuredAgainst", { model: localize(model, lang) })}</p> : null}
      <nav aria-label={t("ownership.tabsLabel")} className="mt-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-x-6 gap-y-1">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <Link
                to={tab.path}
                prefetch="intent"
                aria-current={tab.id === current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 py-3 text-sm font-medium ${
                  tab.id === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {t(`ownership.tabs.${tab.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8">
        <Outlet />
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <OwnershipErrorBoundary />
    </main>
  );
}
