import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BUCKET_STYLES } from "~/components/heatmap/colors";
import { useNumberFormat } from "~/components/heatmap/format";
import { memberGapText } from "./nodes";
import type { SkillCoverageStatus } from "~/domain/gaps";
import type { TeamDiagramNode, TeamMemberNodeData } from "~/domain/team-graph";
import type { RoleId } from "~/domain/types";

export interface DepartmentListEntry {
  roleId: RoleId;
  label: string;
  memberCount: number;
  unfilledSeats: number;
  expanded: boolean;
  holderCount: number;
  /** the role's required skills: how many holders meet each */
  skills: {
    id: string;
    label: string;
    holdersMeeting: number;
    holdersBelow: number;
    holdersNotAssessed: number;
    status: SkillCoverageStatus;
  }[];
}

/**
 * The diagram's content as lists: each department with the members drawn in
 * it (the same ones, the same cap), a link to open or close it and one to
 * select it. The page's content without JavaScript, and a text alternative.
 */
export function DepartmentList({
  departments,
  nodes,
  toggleHref,
  roleHref,
  moreHref,
}: {
  departments: DepartmentListEntry[];
  nodes: TeamDiagramNode[];
  toggleHref: (roleId: RoleId) => string;
  roleHref: (roleId: RoleId) => string;
  moreHref: (roleId: RoleId) => string;
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const byRole = new Map<RoleId, TeamMemberNodeData[]>();
  const hiddenByRole = new Map<RoleId, number>();
  for (const n of nodes) {
    if (n.type === "teamMember") {
      const list = byRole.get(n.data.homeRoleId);
      if (list) list.push(n.data);
      else byRole.set(n.data.homeRoleId, [n.data]);
    } else if (n.type === "moreMembers") hiddenByRole.set(n.data.roleId, n.data.hidden);
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="department-list">
      {departments.map((d) => {
        const members = byRole.get(d.roleId) ?? [];
        const hidden = hiddenByRole.get(d.roleId) ?? 0;
        return (
          <li key={d.roleId} data-role={d.roleId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-baseline justify-between gap-2">
              <Link
                to={roleHref(d.roleId)}
                preventScrollReset
                className="font-semibold text-indigo-700 underline-offset-2 hover:underline"
              >
                {d.label}
              </Link>
              <span className="text-xs text-slate-500">
                {t("insights.chart.membersHere", { count: d.memberCount, n: num(d.memberCount) })}
              </span>
            </div>
            {d.memberCount > 0 || d.unfilledSeats > 0 ? (
              <Link
                to={toggleHref(d.roleId)}
                replace
                preventScrollReset
                aria-expanded={d.expanded}
                className="mt-1 inline-block text-xs text-slate-600 underline underline-offset-2"
              >
                {d.expanded
                  ? t("insights.chart.hide")
                  : d.memberCount > 0
                    ? t("insights.chart.show", { count: d.memberCount, n: num(d.memberCount) })
                    : t("insights.chart.showSeats")}
              </Link>
            ) : null}
            {d.expanded && members.length > 0 ? (
              <ul className="mt-2 space-y-1 text-sm">
                {members.map((m) => (
                  <li key={m.memberId} className="flex items-center justify-between gap-2">
                    <Link
                      to={`/team/${m.memberId}`}
                      className="truncate text-slate-900 underline-offset-2 hover:underline"
                    >
                      {m.name}
                    </Link>
                    <span
                      className={`shrink-0 rounded px-1.5 text-xs font-medium ring-1 ring-inset ${BUCKET_STYLES[m.bucket].chip}`}
                    >
                      <span aria-hidden="true">{BUCKET_STYLES[m.bucket].symbol} </span>
                      {memberGapText(m, t)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.holderCount > 0 && d.skills.length > 0 ? <DepartmentSkills department={d} /> : null}
            {d.unfilledSeats > 0 ? (
              <p className="mt-2 text-sm italic text-red-700">
                {t("insights.chart.role.seats", { count: d.unfilledSeats })}
              </p>
            ) : null}
            {d.expanded && hidden > 0 ? (
              <p className="mt-2 text-sm text-slate-600">
                {t("insights.chart.moreMembers", { count: hidden, n: num(hidden) })} ·{" "}
                <Link to={moreHref(d.roleId)} className="text-indigo-700 underline underline-offset-2">
                  {t("insights.chart.seeList")}
                </Link>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Each required skill with how many holders meet it; flagged while any holder is below. */
function DepartmentSkills({ department }: { department: DepartmentListEntry }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const below = department.skills.filter((s) => s.status === "below").length;
  const notAssessed = department.skills.filter((s) => s.status === "not_assessed").length;
  return (
    <div className="mt-2 text-sm" data-testid="department-skills">
      <p
        className={below > 0 ? "font-medium text-red-700" : notAssessed > 0 ? "text-slate-600" : "text-emerald-800"}
        data-testid="department-skill-flag"
      >
        <span aria-hidden="true">{below > 0 ? "⚠ " : notAssessed > 0 ? "" : "✓ "}</span>
        {below > 0
          ? t("insights.chart.role.below", { count: below })
          : notAssessed > 0
            ? t("insights.chart.role.notAssessed", { count: notAssessed })
            : t("insights.chart.role.allMet")}
      </p>
      <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
        {department.skills.map((s) => (
          <li key={s.id} data-skill={s.id} data-status={s.status} className="flex justify-between gap-2">
            <span className="truncate">{s.label}</span>
            <span className={`shrink-0 tabular-nums ${s.status === "below" ? "font-medium text-red-700" : ""}`}>
              {t("insights.gaps.meetCount", { met: num(s.holdersMeeting), holders: num(department.holderCount) })}
              {s.holdersNotAssessed > 0
                ? ` · ${t("insights.gaps.statusNotAssessed", { count: s.holdersNotAssessed })}`
                : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
