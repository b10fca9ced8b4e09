import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui } from "~/components/settings/ui";

/**
 * What a team page shows when its loader or action refuses: 403 (not for this
 * kind of account) and 404 (no such member here, or another organisation's)
 * are ordinary answers, shown inside the team layout.
 */
export function TeamErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "forbidden" : status === 404 ? "notFound" : "generic";
  return (
    <section className={ui.card} aria-labelledby="team-error-title">
      <h2 id="team-error-title" className={ui.h2}>
        {t(`members.errorPage.${key}.title`)}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{t(`members.errorPage.${key}.text`)}</p>
      <p className="mt-4 text-sm">
        <Link to="/team" className={ui.link}>
          {t("members.errorPage.back")}
        </Link>
      </p>
    </section>
  );
}
