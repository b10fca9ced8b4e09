import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui } from "./ui";

/**
 * What a settings page shows when its loader refuses: 403 and 404 are
 * ordinary answers here (another kind of account, an id of another
 * organisation), so they get a plain message inside the settings layout.
 */
export function SettingsErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "forbidden" : status === 404 ? "notFound" : "generic";
  return (
    <section className={ui.card} aria-labelledby="settings-error-title">
      <h2 id="settings-error-title" className={ui.h2}>
        {t(`admin.errorPage.${key}.title`)}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{t(`admin.errorPage.${key}.text`)}</p>
      <p className="mt-4 text-sm">
        <Link to="/planner" className={ui.link}>
          {t("errors.backToPlanner")}
        </Link>
      </p>
    </section>
  );
}
