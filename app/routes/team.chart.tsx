import { describeProfile } from "~/domain/sizing";
import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { StaffingTable } from "~/components/heatmap/StaffingTable";
import { InsightsHeader } from "~/components/team/InsightsHeader";
import { useNumberFormat } from "~/components/heatmap/format";
import { DepartmentList } from "~/components/team-diagram/DepartmentList";
import { MemberPanel, TeamRolePanel } from "~/components/team-diagram/SidePanel";
import { TeamDiagram } from "~/components/team-diagram/TeamDiagram";
import type { TeamSelection } from "~/components/team-diagram/TeamDiagram";
import type { MemberPanelData, RolePanelData } from "~/components/team-diagram/types";
import {
  COLLAPSE_THRESHOLD,
  expandedFromQuery,
  expandedQueryValue,
  teamGraph,
  toggleExpanded,
} from "~/domain/team-graph";
import { playbookRoleIds } from "~/domain/extension-roles";
import type { RoleId } from "~/domain/types";
import { isLanguage, isRoleId, localize } from "~/domain/vocabulary";
import { teamInsightsStrings } from "~/locales/team-insights";
import { teamInsightsBasis } from "~/models/team-insights.server";
import { notFound, requirePermission } from "~/utils/auth.server";

/**
 * The team's org chart. Everything the view depends on is in the address:
 * `member=` or `role=` (the side panel) and `expanded=` (open departments;
 * without it a small team opens fully, a large one collapsed). The browser
 * gets only the visible, laid-out nodes, never the whole team.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "members.read");
  const url = new URL(request.url);
  const memberParam = url.searchParams.get("member") || null;
  const roleParam = url.searchParams.get("role") || null;
  const expandedParam = url.searchParams.get("expanded");
  const langParam = url.searchParams.get("lang");

  const {
    playbook,
    playbookVersion,
    lang,
    team,
    recommendation,
    profile,
    gaps,
    staffing,
    roleLabel,
    skillLabel,
    plannerHref,
  } = await teamInsightsBasis({ request, context }, { actor, organisation });
  // A member id that is not in this organisation (or no longer exists) is a 404, like any record.
  const selectedMember = memberParam ? team.members.find((m) => m.id === memberParam) : undefined;
  if (memberParam && !selectedMember) throw notFound();
  const role = roleParam && isRoleId(roleParam) ? roleParam : null;

  // Privacy (issue 14): the nodes, panels and the PNG drawn from them carry only the gaps this reader may see.
  const roleIds = playbookRoleIds(playbook);
  const expanded = expandedFromQuery(expandedParam, team.members.length, undefined, roleIds);
  const graph = teamGraph({
    recommendation,
    members: team.members,
    gaps,
    expanded,
    lang,
    selectedMemberId: selectedMember?.id ?? null,
  });

  const memberCounts = new Map(graph.departments.map((d) => [d.roleId, d.memberCount]));

  let memberPanel: MemberPanelData | null = null;
  if (selectedMember) {
    const g = gaps.members.find((m) => m.memberId === selectedMember.id);
    memberPanel = {
      id: selectedMember.id,
      name: selectedMember.name,
      title: selectedMember.title,
      departmentLabel: selectedMember.department ? roleLabel(selectedMember.department) : null,
      roles: selectedMember.roles.map((r) => ({ roleId: r.roleId, label: roleLabel(r.roleId), share: r.share })),
      bucket: g?.bucket ?? "hidden",
      maxGap: g?.maxGap ?? 0,
      totalGap: g?.totalGap ?? 0,
      notAssessedCount: g?.notAssessedCount ?? 0,
      skills: (g?.skills ?? [])
        .filter((s) => s.required > 0)
        .map((s) => ({
          id: s.skillId,
          label: skillLabel(s.skillId),
          required: s.required,
          assessed: s.assessed,
          gap: s.gap,
          notAssessed: s.notAssessed,
        })),
    };
  }

  let rolePanel: RolePanelData | null = null;
  if (role && !memberPanel) {
    const r = recommendation.roles.find((candidate) => candidate.id === role);
    const c = gaps.roles.find((candidate) => candidate.roleId === role);
    const row = staffing.find((candidate) => candidate.roleId === role);
    if (r && c && row) {
      // the staffing table's row (the same figures, the same privacy), and what only the panel shows
      rolePanel = {
        ...row,
        memberCount: memberCounts.get(role) ?? 0,
        responsibilities: r.responsibilities.map((text) => localize(text, lang)),
        skills: c.skills.map((s) => ({
          id: s.skillId,
          label: skillLabel(s.skillId),
          required: s.required,
          bestLevel: s.bestLevel,
          holdersMeeting: s.holdersMeeting,
          holdersBelow: s.holdersBelow,
          holdersNotAssessed: s.holdersNotAssessed,
          status: s.status,
        })),
      };
    }
  }

  const model = playbook.models.find((m) => m.id === organisation.operatingModel);
  const stage = playbook.stages.find((s) => s.id === organisation.stage);
  return data(
    {
      lang,
      model: {
        id: organisation.operatingModel,
        label: model ? localize(model.label, lang) : organisation.operatingModel,
      },
      stage: { id: organisation.stage, label: stage ? localize(stage.label, lang) : organisation.stage },
      /** the address's state, normalised: what links keep */
      state: {
        member: memberPanel?.id ?? null,
        role: memberPanel ? null : role,
        expanded: expandedParam === null ? null : expandedQueryValue(graph.expanded),
        lang: isLanguage(langParam) ? langParam : null,
      },
      expanded: graph.expanded,
      /** "expand all": every department of this playbook, own roles included */
      allRoles: roleIds.join(","),
      large: team.members.length > COLLAPSE_THRESHOLD,
      plannerHref,
      profileSummary:
        profile.updatedAt === null
          ? null
          : describeProfile(
              recommendation.channels,
              recommendation.drivers,
              (m) => playbook.models.find((x) => x.id === m)?.label ?? { zh: m, en: m },
              lang,
            ),
      totals: {
        members: team.members.length,
        fte: staffing.reduce((sum, r) => sum + r.fte, 0),
        unfilledSeats: gaps.totals.unfilledSeats,
      },
      nodes: graph.nodes,
      edges: graph.edges,
      departments: graph.departments.map((d) => {
        const c = gaps.roles.find((candidate) => candidate.roleId === d.roleId);
        return {
          roleId: d.roleId,
          label: roleLabel(d.roleId),
          memberCount: d.memberCount,
          unfilledSeats: c?.unfilledSeats ?? 0,
          expanded: graph.expanded.includes(d.roleId),
          holderCount: c?.holders.length ?? 0,
          skills: (c?.skills ?? [])
            .filter((s) => s.required > 0)
            .map((s) => ({
              id: s.skillId,
              label: skillLabel(s.skillId),
              holdersMeeting: s.holdersMeeting,
              holdersBelow: s.holdersBelow,
              holdersNotAssessed: s.holdersNotAssessed,
              status: s.status,
            })),
        };
      }),
      staffing,
      playbookVersion,
      memberPanel,
      rolePanel,
    },
    { status: roleParam !== null && role === null ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  const lang = loaderData?.lang ?? "zh";
  return [{ title: teamInsightsStrings[lang].chart.metaTitle }];
};

type ChartState = ReturnType<typeof useLoaderData<typeof loader>>["state"];

function chartHref(state: ChartState): string {
  const params = new URLSearchParams();
  if (state.expanded !== null) params.set("expanded", state.expanded);
  if (state.member) params.set("member", state.member);
  else if (state.role) params.set("role", state.role);
  if (state.lang) params.set("lang", state.lang);
  // role ids need no escaping: keep the list readable (expanded=a,b rather than a%2Cb)
  const search = params.toString().replaceAll("%2C", ",");
  return `/team/chart${search ? `?${search}` : ""}`;
}

/** The member list, filtered to the holders of the role: where the members a department does not draw are. */
const moreHref = (roleId: RoleId) => `/team?${new URLSearchParams({ role: roleId })}`;

export default function TeamChartPage() {
  const loaderData = useLoaderData<typeof loader>();
  const {
    plannerHref,
    profileSummary,
    model,
    stage,
    state,
    expanded,
    allRoles,
    large,
    totals,
    nodes,
    edges,
    departments,
    staffing,
    playbookVersion,
    memberPanel,
    rolePanel,
  } = loaderData;
  const { t } = useTranslation();
  const num = useNumberFormat();
  const navigate = useNavigate();

  // Primitive dependencies, so the callbacks keep their identity across loader reloads.
  const { member, role, lang } = state;
  const expandedState = state.expanded;
  const expandedKey = expanded.join(",");
  const href = useCallback(
    (changes: Partial<ChartState>) => chartHref({ member, role, expanded: expandedState, lang, ...changes }),
    [member, role, expandedState, lang],
  );
  const toggleHref = useCallback(
    (roleId: RoleId) =>
      href({
        expanded: expandedQueryValue(toggleExpanded(expandedKey ? (expandedKey.split(",") as RoleId[]) : [], roleId)),
      }),
    [href, expandedKey],
  );
  const roleHref = useCallback((roleId: RoleId) => href({ role: roleId, member: null }), [href]);
  const closeHref = href({ member: null, role: null });
  const onSelect = useCallback(
    (selection: TeamSelection) => {
      const to =
        selection === null
          ? href({ member: null, role: null })
          : selection.kind === "member"
            ? href({ member: selection.id, role: null })
            : href({ role: selection.id, member: null });
      navigate(to, { replace: true, preventScrollReset: true });
    },
    [href, navigate],
  );
  const closePanel = useCallback(() => onSelect(null), [onSelect]);
  const selection = useMemo<TeamSelection>(
    () => (member ? { kind: "member", id: member } : role ? { kind: "role", id: role } : null),
    [member, role],
  );
  const panelOpen = memberPanel !== null || rolePanel !== null;

  return (
    <div className="space-y-6" data-testid="team-chart">
      <InsightsHeader title={t("insights.chart.title")} intro={t("insights.chart.intro")} plannerHref={plannerHref}>
        <p className="mt-1 text-sm text-slate-500" data-testid="chart-profile">
          {profileSummary ? t("sizing.chart.sizedTo", { summary: profileSummary }) : t("sizing.chart.noProfile")}
        </p>
      </InsightsHeader>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-700" data-testid="chart-summary">
          {t("insights.chart.summary", {
            members: t("insights.chart.membersHere", { count: totals.members, n: num(totals.members) }),
            fte: num(totals.fte),
            seats:
              totals.unfilledSeats > 0
                ? t("insights.chart.gm.seats", { count: totals.unfilledSeats })
                : t("insights.chart.gm.staffed"),
          })}
        </p>
        <div className="flex items-center gap-2 text-sm">
          <Link
            to={href({ expanded: allRoles })}
            replace
            preventScrollReset
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50"
          >
            {t("insights.chart.expandAll")}
          </Link>
          <Link
            to={href({ expanded: "" })}
            replace
            preventScrollReset
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50"
          >
            {t("insights.chart.collapseAll")}
          </Link>
        </div>
      </div>
      {large && state.expanded === null ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          {t("insights.chart.bigTeam")}
        </p>
      ) : null}

      <div className={`grid gap-6 ${panelOpen ? "lg:grid-cols-[minmax(0,1fr)_360px]" : ""}`}>
        <TeamDiagram
          nodes={nodes}
          edges={edges}
          selection={selection}
          onSelect={onSelect}
          toggleHref={toggleHref}
          moreHref={moreHref}
          picture={{ title: t("diagram.picture.team"), model: model.label, stage: stage.label, fileStem: "org-chart" }}
        />
        {memberPanel ? <MemberPanel member={memberPanel} closeHref={closeHref} onClose={closePanel} /> : null}
        {rolePanel ? <TeamRolePanel role={rolePanel} closeHref={closeHref} onClose={closePanel} /> : null}
      </div>

      <section aria-labelledby="department-list-title">
        <h3 id="department-list-title" className="mb-3 text-lg font-semibold">
          {t("insights.chart.listTitle")}
        </h3>
        <DepartmentList
          departments={departments}
          nodes={nodes}
          toggleHref={toggleHref}
          roleHref={roleHref}
          moreHref={moreHref}
        />
      </section>

      <section aria-labelledby="staffing-table-title">
        <h3 id="staffing-table-title" className="mb-3 text-lg font-semibold">
          {t("insights.chart.tableTitle")}
        </h3>
        <StaffingTable
          rows={staffing}
          roleHref={roleHref}
          selectedRoleId={rolePanel?.roleId ?? null}
          caption={t("insights.chart.tableTitle")}
          playbookVersion={playbookVersion}
        />
      </section>
    </div>
  );
}
