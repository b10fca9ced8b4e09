import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ui } from "./styles";

/** Each section's own words for its refusals, and where its "back" link goes. */
const SECTIONS = {
  team: { strings: "members.errorPage", back: "/team", backLabel: "members.errorPage.back" },
  settings: { strings: "admin.errorPage", back: "/planner", backLabel: "errors.backToPlanner" },
  ownership: { strings: "ownership.errorPage", back: "/ownership", backLabel: "ownership.errorPage.back" },
  playbook: { strings: "playbook.errorPage", back: "/playbook", backLabel: "playbook.errorPage.back" },
} as const;

export type Section = keyof typeof SECTIONS;

/**
 * What a section's page shows when its loader or action refuses: 403 (not for
 * this kind of account) and 404 (no such record here, or another
 * organisation's) are ordinary answers, shown inside the section's layout.
 */
export function SectionErrorBoundary({ section }: { section: Section }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const titleId = useId();
  const { strings, back, backLabel } = SECTIONS[section];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "forbidden" : status === 404 ? "notFound" : "generic";
  return (
    <section className={ui.card} aria-labelledby={titleId}>
      <h2 id={titleId} className={ui.h2}>
        {t(`${strings}.${key}.title`)}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{t(`${strings}.${key}.text`)}</p>
      <p className="mt-4 text-sm">
        <Link to={back} className={ui.link}>
          {t(backLabel)}
        </Link>
      </p>
    </section>
  );
}

/** A route's ErrorBoundary export for a section: `export const ErrorBoundary = sectionErrorBoundary("team");` */
export function sectionErrorBoundary(section: Section) {
  return function ErrorBoundary() {
    return <SectionErrorBoundary section={section} />;
  };
}
