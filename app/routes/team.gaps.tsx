import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyTeamCard } from "~/components/team/EmptyTeamCard";
import { GapTotals } from "~/components/heatmap/GapTotals";
import { StaffingTable } from "~/components/heatmap/StaffingTable";
import { InsightsHeader } from "~/components/team/InsightsHeader";
import type { StaffingRow } from "~/components/heatmap/StaffingTable";
import { useNumberFormat } from "~/components/heatmap/format";
import { HeadcountText } from "~/components/planner/HeadcountText";
import { PriorityBadge } from "~/components/planner/PriorityBadge";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import { isLevelEdited } from "~/domain/edited-marks";
import type { SkillCoverageStatus } from "~/domain/gaps";
import { can, MIN_GROUP_SIZE } from "~/domain/permissions";
import { gridHref } from "~/domain/assessment-grid";
import type { SkillLevel } from "~/domain/types";
import { teamInsightsStrings } from "~/locales/team-insights";
import { teamInsightsBasis } from "~/models/team-insights.server";
import { requirePermission } from "~/utils/auth.server";

/** Holders listed per role; the heat map (filtered by role) lists them all. */
const HOLDERS_SHOWN = 12;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "members.read");
  // Privacy (issue 14): figures over fewer than MIN_GROUP_SIZE people only for readers of each of them.
  const {
    lang,
    gaps,
    staffing,
    skillLabel: label,
    plannerHref,
    playbookVersion,
    marks,
  } = await teamInsightsBasis(
    { request, context },
    {
      actor,
      organisation,
    },
  );

  // withheld (in the staffing): the role's requirements (the playbook's), none of its holders' figures
  const roles = gaps.roles.map((c, index) => {
    return {
      ...staffing[index],
      holders: c.holders.slice(0, HOLDERS_SHOWN),
      // the assessment grid of this department, one skill at a time (issue 18), for those who may assess in it
      canAssess: can(actor, "assessments.write", { organisationId: organisation.id, departments: [c.roleId] }),
      skills: c.skills.map((s) => ({
        id: s.skillId,
        label: label(s.skillId),
        required: s.required,
        requiredEdited: isLevelEdited(marks, c.roleId, s.skillId),
        holders: s.holders,
        ...(c.withheld
          ? { bestLevel: null, holdersMeeting: null, holdersBelow: null, holdersNotAssessed: null, status: null }
          : {
              bestLevel: s.bestLevel,
              holdersMeeting: s.holdersMeeting,
              holdersBelow: s.holdersBelow,
              holdersNotAssessed: s.holdersNotAssessed,
              status: s.status,
            }),
      })),
    };
  });
  return {
    lang,
    plannerHref,
    playbookVersion,
    totals: gaps.totals,
    roles,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const lang = data?.lang ?? "zh";
  return [{ title: teamInsightsStrings[lang].gaps.metaTitle }];
};

export default function TeamGapsPage() {
  const { plannerHref, playbookVersion, totals, roles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const noMembers = totals.members === 0;
  const staffingRows: StaffingRow[] = roles;

  return (
    <div className="space-y-10" data-testid="team-gaps">
      <InsightsHeader title={t("insights.gaps.title")} intro={t("insights.gaps.intro")} plannerHref={plannerHref} />

      {noMembers ? (
        <EmptyTeamCard testId="gaps-empty" />
      ) : (
        <section aria-labelledby="totals-title">
          <h3 id="totals-title" className="mb-3 text-lg font-semibold">
            {t("insights.totals.title")}
          </h3>
          <GapTotals totals={totals} />
        </section>
      )}

      <section aria-labelledby="staffing-title">
        <h3 id="staffing-title" className="mb-3 text-lg font-semibold">
          {t("insights.staffing.title")}
        </h3>
        <StaffingTable
          rows={staffingRows}
          roleHref={(id) => `#role-${id}`}
          caption={t("insights.staffing.title")}
          playbookVersion={playbookVersion}
        />
      </section>

      {noMembers ? null : (
        <section aria-labelledby="roles-title">
          <h3 id="roles-title" className="mb-3 text-lg font-semibold">
            {t("insights.gaps.rolesTitle")}
          </h3>
          <div className="grid gap-4 lg:grid-cols-2">
            {roles.map((role) => (
              <RoleCoverageCard key={role.roleId} role={role} playbookVersion={playbookVersion} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

type RoleData = ReturnType<typeof useLoaderData<typeof loader>>["roles"][number];

function RoleCoverageCard({ role, playbookVersion }: { role: RoleData; playbookVersion: number }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const required = role.skills.filter((s) => s.required > 0);
  const heatmapHref = `/team/heatmap?${new URLSearchParams({ role: role.roleId })}`;
  return (
    <article
      id={`role-${role.roleId}`}
      data-role={role.roleId}
      aria-labelledby={`role-${role.roleId}-title`}
      className="min-w-0 scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm target:ring-2 target:ring-indigo-500"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`role-${role.roleId}-title`} className="text-base font-semibold">
          {role.label}
        </h4>
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <PriorityBadge priority={role.priority} />
          <span className="tabular-nums">
            <HeadcountText range={role.headcount} />
            <EditedBadge edited={role.headcountEdited} version={playbookVersion} /> ·{" "}
            {t("insights.staffing.fteValue", { value: num(role.fte) })}
          </span>
        </div>
      </div>

      <div className="mt-3 text-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("insights.gaps.holders")}</p>
        {role.holderCount === 0 ? (
          <p className="mt-1 text-slate-500">{t("insights.gaps.noHolders")}</p>
        ) : (
          <p className="mt-1 leading-6">
            {role.holders.map((h, i) => (
              <span key={h.memberId}>
                {i > 0 ? t("insights.listSeparator") : null}
                <Link to={`/team/${h.memberId}`} className="text-indigo-700 underline-offset-2 hover:underline">
                  {h.name}
                </Link>{" "}
                <span className="text-slate-500 tabular-nums">
                  ({t("insights.gaps.share", { value: num(h.share * 100, 0) })})
                </span>
              </span>
            ))}
            {role.holderCount > role.holders.length ? (
              <>
                {" "}
                {t("insights.gaps.moreHolders", { count: role.holderCount - role.holders.length })} ·{" "}
                <Link to={heatmapHref} className="text-indigo-700 underline-offset-2 hover:underline">
                  {t("insights.gaps.seeHeatmap")}
                </Link>
              </>
            ) : null}
          </p>
        )}
      </div>

      {required.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("insights.gaps.notRequiredNow")}</p>
      ) : role.withheld ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="withheld">
          {t("insights.withheld", { count: MIN_GROUP_SIZE })}
        </p>
      ) : (
        <div className="scroll-cue relative mt-4 overflow-x-auto" tabIndex={0}>
          <table className="w-full text-sm" data-testid="skill-coverage">
            <caption className="sr-only">{`${role.label} · ${t("insights.gaps.rolesTitle")}`}</caption>
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-2">
                  {t("insights.gaps.skill")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right">
                  {t("insights.gaps.required")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right">
                  {t("insights.gaps.best")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right">
                  {t("insights.gaps.meeting")}
                </th>
                <th scope="col" className="py-1.5 pl-2">
                  {t("insights.gaps.status")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {required.map((s) => (
                <tr key={s.id} data-skill={s.id}>
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    {s.label}
                    {role.canAssess ? (
                      <>
                        {" "}
                        <Link
                          to={gridHref({ kind: "department", department: role.roleId, skillId: s.id })}
                          aria-label={t("grid.assessDepartmentSkill", { department: role.label, skill: s.label })}
                          className="text-xs text-indigo-700 underline-offset-2 hover:underline"
                        >
                          {t("grid.assess")}
                        </Link>
                      </>
                    ) : null}
                  </th>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    <LevelText level={s.required} />
                    <EditedBadge edited={s.requiredEdited} version={playbookVersion} />
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {s.bestLevel !== null ? (
                      <LevelText level={s.bestLevel} />
                    ) : (
                      <span className="text-slate-400">
                        {s.holders === 0 ? t("insights.gaps.nobody") : t("insights.gaps.notAssessed")}
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="meet-count">
                    {/* the figures are null only when withheld, and a withheld role shows no table */}
                    {t("insights.gaps.meetCount", { met: num(s.holdersMeeting ?? 0), holders: num(s.holders) })}
                  </td>
                  <td className="py-1.5 pl-2" data-status={s.status ?? undefined}>
                    {s.status === null ? null : (
                      <SkillStatusText
                        status={s.status}
                        below={s.holdersBelow ?? 0}
                        notAssessed={s.holdersNotAssessed ?? 0}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {required.length > 0 && role.holderCount > 0 && !role.withheld ? (
        <div className="mt-3 space-y-1 text-sm" data-testid="role-skill-summary">
          {role.skillsBelow.length > 0 ? (
            <p className="font-medium text-red-700">
              <span aria-hidden="true">⚠ </span>
              {t("insights.gaps.someBelow", { count: role.skillsBelow.length })}
            </p>
          ) : null}
          {role.skillsNotAssessed.length > 0 ? (
            <p className="text-slate-600">
              {t("insights.gaps.someNotAssessed", { count: role.skillsNotAssessed.length })}
            </p>
          ) : null}
          {role.skillsBelow.length === 0 && role.skillsNotAssessed.length === 0 ? (
            <p className="text-emerald-800">
              <span aria-hidden="true">✓ </span>
              {t("insights.gaps.allMet")}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function SkillStatusText({
  status,
  below,
  notAssessed,
}: {
  status: SkillCoverageStatus;
  below: number;
  notAssessed: number;
}) {
  const { t } = useTranslation();
  if (status === "met") {
    return (
      <span className="whitespace-nowrap text-emerald-800">
        <span aria-hidden="true">✓ </span>
        {t("insights.gaps.statusMet")}
      </span>
    );
  }
  if (status === "below") {
    return (
      <span className="whitespace-nowrap font-medium text-red-700">
        <span aria-hidden="true">✗ </span>
        {t("insights.gaps.statusBelow", { count: below })}
        {notAssessed > 0 ? (
          <span className="font-normal text-slate-600">
            {" "}
            · {t("insights.gaps.statusNotAssessed", { count: notAssessed })}
          </span>
        ) : null}
      </span>
    );
  }
  if (status === "not_assessed") {
    return (
      <span className="whitespace-nowrap text-slate-600">
        {t("insights.gaps.statusNotAssessed", { count: notAssessed })}
      </span>
    );
  }
  return <span className="text-slate-400">{t("insights.none")}</span>;
}

function LevelText({ level }: { level: SkillLevel }) {
  const { t } = useTranslation();
  return (
    <span className="whitespace-nowrap">
      {t("insights.gaps.levelValue", { level, name: t(`insights.level.${level}`) })}
    </span>
  );
}
