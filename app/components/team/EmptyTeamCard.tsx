import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** "No members yet", with the way to the member list: the gaps page and the heat map before anyone is added. */
export function EmptyTeamCard({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid={testId}>
      <p className="text-lg font-semibold">{t("insights.gaps.empty.title")}</p>
      <p className="mx-auto mt-2 max-w-xl text-slate-600">{t("insights.gaps.empty.text")}</p>
      <Link
        to="/team"
        className="mt-4 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
      >
        {t("insights.memberList")}
      </Link>
    </div>
  );
}
