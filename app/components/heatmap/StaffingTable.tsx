import { ui } from "~/components/ui";
import { MIN_GROUP_SIZE } from "~/domain/permissions";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HeadcountText } from "~/components/planner/HeadcountText";
import { PriorityBadge } from "~/components/planner/PriorityBadge";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import type { HeadcountRange, Priority, RoleId } from "~/domain/types";
import { useNumberFormat } from "./format";

/** One role's staffing as computed by computeTeamGaps, with labels in the reader's language. */
export interface StaffingRow {
  roleId: RoleId;
  label: string;
  priority: Priority;
  headcount: HeadcountRange;
  /** the headcount comes from the organisation's edited playbook (issue 13) */
  headcountEdited?: boolean;
  fte: number;
  unfilledSeats: number;
  overStaffedBy: number;
  holderCount: number;
  /** labels of the required skills some holder is assessed below */
  skillsBelow: string[];
  /** labels of the required skills some holder is not assessed in (none below) */
  skillsNotAssessed: string[];
  /** the skills are left out: too few holders to show them to this reader (app/domain/visibility.ts) */
  withheld?: boolean;
}

/**
 * Per role: recommended headcount against the team's full-time equivalents,
 * unfilled seats, over-staffing and unmet skills. The gap page and the org
 * diagram's no-JavaScript content share it.
 */
export function StaffingTable({
  rows,
  roleHref,
  selectedRoleId = null,
  caption,
  playbookVersion = 0,
}: {
  rows: StaffingRow[];
  roleHref: (roleId: RoleId) => string;
  selectedRoleId?: RoleId | null;
  caption: string;
  /** the organisation's playbook version, named by the "edited" marks */
  playbookVersion?: number;
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  return (
    <div className={ui.tableWrap} tabIndex={0}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="staffing-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("insights.staffing.role")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("insights.staffing.priority")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("insights.staffing.recommended")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("insights.staffing.fte")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("insights.staffing.unfilled")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("insights.staffing.over")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("insights.staffing.unmet")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.roleId}
              data-role={row.roleId}
              className={
                row.roleId === selectedRoleId
                  ? "bg-indigo-50/60"
                  : row.priority === "not_needed"
                    ? "text-slate-400"
                    : undefined
              }
            >
              <th scope="row" className="whitespace-nowrap px-4 py-3 text-left font-semibold">
                <Link
                  to={roleHref(row.roleId)}
                  preventScrollReset
                  className="text-indigo-700 underline-offset-2 hover:underline"
                >
                  {row.label}
                </Link>
              </th>
              <td className="px-4 py-3">
                <PriorityBadge priority={row.priority} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                <HeadcountText range={row.headcount} />
                <EditedBadge edited={row.headcountEdited === true} version={playbookVersion} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                {t("insights.staffing.fteValue", { value: num(row.fte) })}
                <span className="block text-xs text-slate-500">
                  {t("insights.staffing.holders", { count: row.holderCount, n: num(row.holderCount) })}
                </span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums" data-testid="unfilled">
                {row.unfilledSeats > 0 ? (
                  <span className="font-semibold text-red-700">
                    {t("insights.staffing.seats", { count: row.unfilledSeats })}
                  </span>
                ) : (
                  <span className="text-slate-400">{t("insights.none")}</span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums" data-testid="over">
                {row.overStaffedBy > 0 ? (
                  <span className="font-semibold text-amber-800">
                    {t("insights.staffing.overBy", { value: num(row.overStaffedBy) })}
                  </span>
                ) : (
                  <span className="text-slate-400">{t("insights.none")}</span>
                )}
              </td>
              <td className="px-4 py-3" data-testid="skills-below">
                {row.withheld ? (
                  <span className="text-slate-500" data-testid="withheld">
                    {t("insights.withheld", { count: MIN_GROUP_SIZE })}
                  </span>
                ) : null}
                {!row.withheld && row.skillsBelow.length > 0 ? (
                  <span className="text-red-800">
                    <span aria-hidden="true">⚠ </span>
                    {row.skillsBelow.join(t("insights.listSeparator"))}
                  </span>
                ) : null}
                {!row.withheld && row.skillsNotAssessed.length > 0 ? (
                  <span className="block text-slate-600">
                    {t("insights.staffing.notAssessedList", {
                      skills: row.skillsNotAssessed.join(t("insights.listSeparator")),
                    })}
                  </span>
                ) : null}
                {row.withheld ||
                row.skillsBelow.length > 0 ||
                row.skillsNotAssessed.length > 0 ? null : row.holderCount > 0 ? (
                  <span className="text-emerald-800">
                    <span aria-hidden="true">✓ </span>
                    {t("insights.staffing.allMet")}
                  </span>
                ) : (
                  <span className="text-slate-400">{t("insights.none")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
