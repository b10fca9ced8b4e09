import type { ReactNode } from "react";
import { Outlet } from "@remix-run/react";
import { SectionTabs, type SectionTab } from "~/components/SectionTabs";

/** The page frame of a section (team, ownership, settings), also around its error boundary. */
export function SectionMain({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      {children}
    </main>
  );
}

/**
 * A section's layout route: the organisation, the section's title, an
 * optional line under it, the tabs (none when `tabs` is null), the page below.
 */
export function SectionLayout({
  organisationName,
  title,
  subtitle,
  tabsLabel,
  tabs,
}: {
  organisationName: string;
  title: string;
  subtitle?: string | null;
  tabsLabel: string;
  tabs: readonly SectionTab[] | null;
}) {
  return (
    <SectionMain>
      <p className="text-sm text-slate-500">{organisationName}</p>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
      {tabs ? <SectionTabs label={tabsLabel} tabs={tabs} /> : null}
      <div className="mt-8">
        <Outlet />
      </div>
    </SectionMain>
  );
}
