import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionLayout, SectionMain } from "~/components/SectionLayout";
import { isAtOrBelow } from "~/components/SectionTabs";
import { settingsPagesFor } from "~/domain/settings-pages";
import { permissionsOf } from "~/domain/permissions";
import { requireSignedIn } from "~/utils/auth.server";
import { adminStrings } from "~/locales/admin";
import { SectionErrorBoundary, titleMeta } from "~/components/ui";

/** The settings area: tabs for the pages the viewer may open, the page below. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireSignedIn({ request, context });
  return { pages: settingsPagesFor(permissionsOf(signedIn.actor)), organisationName: signedIn.organisation.name };
}

export const meta = titleMeta((lang) => [adminStrings[lang].title]);

export default function SettingsLayout() {
  const { pages, organisationName } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <SectionLayout
      organisationName={organisationName}
      title={t("admin.title")}
      tabsLabel={t("admin.sectionsLabel")}
      tabs={
        pages.length > 0
          ? pages.map((page) => ({
              id: page.id,
              path: page.path,
              label: t(`admin.tabs.${page.id}`),
              active: isAtOrBelow(pathname, page.path),
            }))
          : null
      }
    />
  );
}

export function ErrorBoundary() {
  return (
    <SectionMain>
      <SectionErrorBoundary section="settings" />
    </SectionMain>
  );
}
