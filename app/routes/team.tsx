import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionLayout, SectionMain } from "~/components/SectionLayout";
import { useLang, SectionErrorBoundary, titleMeta } from "~/components/ui";
import { activeTab, TEAM_TABS } from "~/components/team/tabs";
import { can } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { teamMembersStrings } from "~/locales/team-members";

/** The team area: a header, tabs for the pages the viewer may open, the page below. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "members.read");
  const playbook = await playbookForOrganisation(organisation.id);
  const model = playbook.models.find((candidate) => candidate.id === organisation.operatingModel);
  const stage = playbook.stages.find((candidate) => candidate.id === organisation.stage);
  return {
    organisationName: organisation.name,
    model: model ? model.label : null,
    stage: stage ? stage.label : null,
    tabs: TEAM_TABS.filter((tab) => can(actor, tab.permission, { organisationId: organisation.id })).map(
      ({ id, path }) => ({ id, path }),
    ),
  };
}

export const meta = titleMeta((lang) => [teamMembersStrings[lang].title]);

export default function TeamLayout() {
  const { organisationName, model, stage, tabs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const current = activeTab(useLocation().pathname);
  return (
    <SectionLayout
      organisationName={organisationName}
      title={t("members.title")}
      subtitle={
        model && stage
          ? t("members.measuredAgainst", { model: localize(model, lang), stage: localize(stage, lang) })
          : null
      }
      tabsLabel={t("members.tabsLabel")}
      tabs={tabs.map((tab) => ({
        id: tab.id,
        path: tab.path,
        label: t(`members.tabs.${tab.id}`),
        active: tab.id === current,
      }))}
    />
  );
}

export function ErrorBoundary() {
  return (
    <SectionMain>
      <SectionErrorBoundary section="team" />
    </SectionMain>
  );
}
