import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm ${isActive ? "bg-indigo-50 font-semibold text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;

/** The playbook section's tabs: overview (roles, versions), skills, default RACI, export and import. */
export function PlaybookNav({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("playbook.nav.label")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
      <NavLink to="/playbook" end className={tab}>
        {t("playbook.nav.overview")}
      </NavLink>
      <NavLink to="/playbook/skills" className={tab}>
        {t("playbook.nav.skills")}
      </NavLink>
      <NavLink to="/playbook/raci" className={tab}>
        {t("playbook.nav.raci")}
      </NavLink>
      <NavLink to="/playbook/transfer" className={tab}>
        {t(canEdit ? "playbook.nav.transfer" : "playbook.nav.export")}
      </NavLink>
    </nav>
  );
}

/** "Edited" beside a value that differs from the shipped playbook's. */
export function EditedMark({ edited }: { edited: boolean }) {
  const { t } = useTranslation();
  if (!edited) return null;
  return (
    <span
      className="ml-1 rounded bg-indigo-50 px-1 text-xs font-medium text-indigo-800"
      title={t("playbook.editedHint")}
      data-testid="edited-mark"
    >
      {t("playbook.edited")}
    </span>
  );
}

/**
 * The problems validatePlaybook found, each with its field path: they are
 * the playbook's own words (paths and ids), shown as they are, in a list a
 * screen reader announces.
 */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
      data-testid="problems"
    >
      <p className="font-semibold">{t("playbook.errors.problemCount", { count: problems.length })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {problems.map((problem) => (
          <li key={problem}>
            <code className="break-all">{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
