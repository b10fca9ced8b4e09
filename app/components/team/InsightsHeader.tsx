import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The heading of the team's chart and gaps pages: title, what the page shows, the link to the planner; `children` add lines. */
export function InsightsHeader({
  title,
  intro,
  plannerHref,
  children,
}: {
  title: string;
  intro: string;
  plannerHref: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header>
      <h2 className="text-xl font-semibold tracking-tight">{title}</h2>
      <p className="mt-2 max-w-3xl text-slate-600">{intro}</p>
      <p className="mt-2 text-sm text-slate-500">
        <Link to={plannerHref} className="text-indigo-700 underline-offset-2 hover:underline">
          {t("insights.openPlanner")}
        </Link>
      </p>
      {children}
    </header>
  );
}
