import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * "Edited" beside a number that comes from the organisation's edited
 * playbook rather than the shipped default (issue 13): it names the version
 * in use and opens that version's differences from the shipped playbook.
 * `version` 0 (the shipped playbook) or `edited` false draws nothing.
 */
export function EditedBadge({ edited, version }: { edited: boolean; version: number }) {
  const { t } = useTranslation();
  if (!edited || version < 1) return null;
  const title = t("editedMarks.title", { version });
  return (
    <Link
      to={`/playbook/versions/${version}#shipped-title`}
      title={title}
      aria-label={`${t("editedMarks.badge")}: ${title}`}
      className="ml-1 inline-flex items-center whitespace-nowrap rounded bg-indigo-50 px-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
      data-testid="edited-badge"
    >
      {t("editedMarks.badge")}
    </Link>
  );
}
