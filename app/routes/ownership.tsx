import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionLayout, SectionMain } from "~/components/SectionLayout";
import { useLang, SectionErrorBoundary, titleMeta } from "~/components/ui";
import { can, type Permission } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { ownershipStrings } from "~/locales/ownership";

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
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "ownership.read");
  const playbook = await playbookForOrganisation(organisation.id);
  const model = playbook.models.find((candidate) => candidate.id === organisation.operatingModel);
  return {
    organisationName: organisation.name,
    model: model ? model.label : null,
    tabs: TABS.filter((tab) => can(actor, tab.permission, { organisationId: organisation.id })).map(({ id, path }) => ({
      id,
      path,
    })),
  };
}

export const meta = titleMeta((lang) => [ownershipStrings[lang].title]);

export default function OwnershipLayout() {
  const { organisationName, model, tabs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const current = activeTab(useLocation().pathname);
  return (
    <SectionLayout
      organisationName={organisationName}
      title={t("ownership.title")}
      subtitle={model ? t("ownership.measuredAgainst", { model: localize(model, lang) }) : null}
      tabsLabel={t("ownership.tabsLabel")}
      tabs={tabs.map((tab) => ({
        id: tab.id,
        path: tab.path,
        label: t(`ownership.tabs.${tab.id}`),
        active: tab.id === current,
      }))}
    />
  );
}

export function ErrorBoundary() {
  return (
    <SectionMain>
      <SectionErrorBoundary section="ownership" />
    </SectionMain>
  );
}
