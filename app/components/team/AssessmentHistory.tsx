import { useTranslation } from "react-i18next";
import type { Language, SkillLevel } from "~/domain/types";
import { formatDay, levelName } from "./format";

export interface AssessmentEntry {
  id: string;
  level: SkillLevel;
  assessedOn: Date | string;
  assessorName: string;
  note: string | null;
}

/**
 * Every assessment of one skill, newest first; the first one is the level
 * that counts. Collapsed by default (a native disclosure, no JavaScript).
 */
export function AssessmentHistory({
  skillLabel,
  entries,
  lang,
}: {
  skillLabel: string;
  entries: readonly AssessmentEntry[];
  lang: Language;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <span className="text-sm text-slate-500">{t("members.history.empty")}</span>;
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer text-indigo-700 underline-offset-2 hover:underline">
        {t("members.page.historyCount", { count: entries.length })}
      </summary>
      <table className="mt-2 min-w-full divide-y divide-slate-200 text-left text-xs">
        <caption className="sr-only">{t("members.history.caption", { skill: skillLabel })}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("members.history.date")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("members.history.level")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("members.history.assessor")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("members.history.note")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry, index) => (
            <tr key={entry.id} className={index === 0 ? "font-medium text-slate-900" : "text-slate-600"}>
              <td className="whitespace-nowrap py-1 pr-3 align-top">
                {formatDay(entry.assessedOn, lang)}
                {index === 0 ? (
                  <span className="ml-1 rounded bg-slate-100 px-1 text-[10px] uppercase text-slate-600">
                    {t("members.history.latest")}
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap py-1 pr-3 align-top">
                {t("members.level", { level: entry.level, name: levelName(entry.level, lang) })}
              </td>
              <td className="py-1 pr-3 align-top">{entry.assessorName}</td>
              <td className="whitespace-pre-line break-words py-1 align-top">{entry.note || t("members.none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
