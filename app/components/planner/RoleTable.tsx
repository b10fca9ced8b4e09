import { ui } from "~/components/ui";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localize } from "~/domain/vocabulary";
import {
  SKILL_LEVELS,
  type Language,
  type Localized,
  type ModelId,
  type OrgChartRecommendation,
  type Priority,
  type RoleId,
  type StageId,
} from "~/domain/types";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import type { RoleEditedMarks } from "~/domain/edited-marks";
import { HeadcountText } from "./HeadcountText";
import { PriorityBadge } from "./PriorityBadge";
import { SizingBadges } from "./SizingWhy";

/** Later and not-needed roles have no requirement yet: show a dash, not "level 0". */
export function hasRequirements(priority: Priority): boolean {
  return priority === "core" || priority === "optional";
}

/** The recommendation as a table: the page's content without JavaScript. */
export function RoleTable({
  recommendation,
  lang,
  roleHref,
  selectedRoleId,
  stageLabel,
  modelLabel = (id) => ({ zh: id, en: id }),
  edited = null,
}: {
  recommendation: OrgChartRecommendation;
  lang: Language;
  roleHref: (role: RoleId) => string;
  selectedRoleId: RoleId | null;
  stageLabel: (stage: StageId) => string;
  modelLabel?: (model: ModelId) => Localized;
  /** the roles whose numbers come from the organisation's edited playbook, and its version (issue 13) */
  edited?: { version: number; roles: Record<string, RoleEditedMarks> } | null;
}) {
  const { t } = useTranslation();
  // once per render, not once per skill of every role (decision 0020)
  const levelLabels = SKILL_LEVELS.map((level) => ({
    title: t(`planner.level.${level}`),
    short: t("planner.levelShort", { level }),
  }));
  return (
    <div className={ui.tableWrap} tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="role-table">
        <caption className="sr-only">{t("planner.tableTitle")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("planner.table.role")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("planner.table.priority")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("planner.table.headcount")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("planner.table.responsibilities")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("planner.table.skills")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {recommendation.roles.map((role) => (
            <tr
              key={role.id}
              data-role={role.id}
              data-priority={role.priority}
              className={
                role.id === selectedRoleId
                  ? "bg-indigo-50/60"
                  : role.priority === "not_needed"
                    ? "text-slate-400"
                    : undefined
              }
            >
              <th scope="row" className="whitespace-nowrap px-4 py-3 text-left align-top font-semibold">
                <Link
                  to={roleHref(role.id)}
                  preventScrollReset
                  className="text-indigo-700 underline-offset-2 hover:underline"
                  aria-label={t("planner.table.open", { role: localize(role.label, lang) })}
                >
                  {localize(role.label, lang)}
                </Link>
              </th>
              <td className="px-4 py-3 align-top">
                <PriorityBadge priority={role.priority} />
                {role.priority === "later" && role.coreFrom ? (
                  <div className="mt-1 text-xs text-slate-500">
                    {t("planner.priorityDetail.later", { stage: stageLabel(role.coreFrom) })}
                  </div>
                ) : null}
                {role.priority === "optional" && role.coveredBy ? (
                  <div className="mt-1 max-w-56 text-xs text-slate-500">
                    {t("planner.priorityDetail.optional", { who: localize(role.coveredBy, lang) })}
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3 align-top tabular-nums">
                <span className="whitespace-nowrap">
                  <HeadcountText range={role.headcount} />
                </span>
                <EditedBadge
                  edited={role.priority === "core" && (edited?.roles[role.id]?.headcount ?? false)}
                  version={edited?.version ?? 0}
                />
                <SizingBadges role={role} modelLabel={modelLabel} lang={lang} />
                {"sizing" in role && role.id !== selectedRoleId ? (
                  // the notes themselves are in the role's panel: rendering them for every role doubled the page
                  <div className="mt-1">
                    <Link
                      to={roleHref(role.id)}
                      preventScrollReset
                      className="text-xs text-indigo-700 underline-offset-2 hover:underline"
                      aria-label={`${t("sizing.why.title")} · ${localize(role.label, lang)}`}
                      data-testid={`sizing-link-${role.id}`}
                    >
                      {t("sizing.why.title")}
                    </Link>
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3 align-top">
                <ul className="list-disc space-y-0.5 pl-4">
                  {role.responsibilities.slice(0, 3).map((item, index) => (
                    <li key={index}>{localize(item, lang)}</li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3 align-top">
                <ul className="space-y-0.5">
                  {role.skills.map((skill) => (
                    <li key={skill.id} className="flex justify-between gap-3">
                      <span>{localize(skill.label, lang)}</span>
                      {hasRequirements(role.priority) ? (
                        <span className="whitespace-nowrap">
                          <span className="tabular-nums text-slate-500" title={levelLabels[skill.requiredLevel].title}>
                            {levelLabels[skill.requiredLevel].short}
                          </span>
                          <EditedBadge
                            edited={edited?.roles[role.id]?.levels.includes(skill.id) ?? false}
                            version={edited?.version ?? 0}
                          />
                        </span>
                      ) : (
                        <span className="text-slate-500">
                          <span aria-hidden>–</span>
                          <span className="sr-only">{t("planner.notRequiredYet")}</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
