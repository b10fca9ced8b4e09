import { MIN_GROUP_SIZE } from "~/domain/permissions";
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BucketBadge } from "~/components/heatmap/BucketBadge";
import { NOT_ASSESSED_CLASS, NOT_ASSESSED_STYLE, gapCellClass } from "~/components/heatmap/colors";
import { useNumberFormat } from "~/components/heatmap/format";
import { HeadcountText } from "~/components/planner/HeadcountText";
import { PriorityBadge } from "~/components/planner/PriorityBadge";
import type { MemberPanelData, RolePanelData } from "./types";

/**
 * The frame of a side panel: its state lives in the address (`member=` or
 * `role=`), so it works without JavaScript; with it, the heading takes the
 * focus when the panel opens and Escape closes it.
 */
function PanelFrame({
  title,
  subtitle,
  closeHref,
  onClose,
  testId,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  closeHref: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [title, onClose]);
  return (
    <aside
      aria-labelledby="team-panel-title"
      data-testid={testId}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-lg lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id="team-panel-title" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {title}
          </h3>
          {subtitle ? (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">{subtitle}</div>
          ) : null}
        </div>
        <Link
          to={closeHref}
          replace
          preventScrollReset
          onClick={(event) => {
            event.preventDefault();
            onClose();
          }}
          className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100"
          aria-label={t("insights.chart.panel.close")}
        >
          ✕
        </Link>
      </div>
      {children}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-5 text-sm">
      <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

export function MemberPanel({
  member,
  closeHref,
  onClose,
}: {
  member: MemberPanelData;
  closeHref: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  return (
    <PanelFrame
      title={member.name}
      subtitle={
        <>
          {member.title ? <span>{member.title}</span> : null}
          <BucketBadge bucket={member.bucket} maxGap={member.maxGap} />
        </>
      }
      closeHref={closeHref}
      onClose={onClose}
      testId="member-panel"
    >
      <p className="mt-3 text-sm">
        <Link to={`/team/${member.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
          {t("insights.chart.panel.memberPage")} →
        </Link>
      </p>
      <Section title={t("insights.chart.panel.department")}>
        <p>{member.departmentLabel ?? t("insights.none")}</p>
      </Section>
      <Section title={t("insights.chart.panel.roles")}>
        {member.roles.length === 0 ? (
          <p className="text-slate-500">{t("insights.chart.panel.noRole")}</p>
        ) : (
          <ul className="space-y-1">
            {member.roles.map((r) => (
              <li key={r.roleId} className="flex justify-between gap-3">
                <span>{r.label}</span>
                <span className="tabular-nums text-slate-500">
                  {t("insights.gaps.share", { value: num(r.share * 100, 0) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("insights.chart.panel.skills")}>
        {member.bucket === "hidden" ? (
          <p className="text-slate-500">{t("members.page.skillsPrivate")}</p>
        ) : member.skills.length === 0 ? (
          <p className="text-slate-500">{t("insights.chart.panel.noSkills")}</p>
        ) : (
          <>
            <table className="w-full text-sm" data-testid="member-skills">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {t("insights.chart.panel.skill")}
                  </th>
                  <th scope="col" className="px-1 py-1 text-right font-medium">
                    {t("insights.chart.panel.assessed")}
                  </th>
                  <th scope="col" className="px-1 py-1 text-right font-medium">
                    {t("insights.chart.panel.required")}
                  </th>
                  <th scope="col" className="py-1 pl-1 text-right font-medium">
                    {t("insights.chart.panel.gap")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {member.skills.map((s) => (
                  <tr key={s.id} data-skill={s.id}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {s.label}
                    </th>
                    <td className="px-1 py-1 text-right tabular-nums">
                      {s.notAssessed ? (
                        <span className="text-slate-500">{t("insights.chart.panel.notAssessed")}</span>
                      ) : (
                        s.assessed
                      )}
                    </td>
                    <td className="px-1 py-1 text-right tabular-nums">{s.required}</td>
                    <td className="py-1 pl-1 text-right">
                      <span
                        className={`inline-block min-w-[1.75rem] rounded px-1.5 text-center font-semibold tabular-nums ${s.notAssessed ? NOT_ASSESSED_CLASS : gapCellClass(s.gap)}`}
                        style={s.notAssessed ? NOT_ASSESSED_STYLE : undefined}
                      >
                        {s.notAssessed ? "–" : s.gap}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-500">
              {t("insights.chart.panel.totals", {
                total: num(member.totalGap),
                notAssessed: num(member.notAssessedCount),
              })}
            </p>
          </>
        )}
      </Section>
    </PanelFrame>
  );
}

export function TeamRolePanel({
  role,
  closeHref,
  onClose,
}: {
  role: RolePanelData;
  closeHref: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const required = role.skills.filter((s) => s.required > 0);
  return (
    <PanelFrame
      title={role.label}
      subtitle={<PriorityBadge priority={role.priority} />}
      closeHref={closeHref}
      onClose={onClose}
      testId="team-role-panel"
    >
      <Section title={t("insights.chart.panel.staffing")}>
        <dl className="grid grid-cols-2 gap-2">
          <div>
            <dt className="text-xs text-slate-500">{t("insights.chart.panel.recommended")}</dt>
            <dd className="tabular-nums">
              <HeadcountText range={role.headcount} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("insights.chart.panel.team")}</dt>
            <dd className="tabular-nums">
              {t("insights.staffing.fteValue", { value: num(role.fte) })} ·{" "}
              {t("insights.chart.panel.holders", { count: role.holderCount, n: num(role.holderCount) })}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("insights.staffing.unfilled")}</dt>
            <dd className={`tabular-nums ${role.unfilledSeats > 0 ? "font-semibold text-red-700" : ""}`}>
              {num(role.unfilledSeats)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("insights.staffing.over")}</dt>
            <dd className={`tabular-nums ${role.overStaffedBy > 0 ? "font-semibold text-amber-800" : ""}`}>
              {role.overStaffedBy > 0
                ? t("insights.staffing.overBy", { value: num(role.overStaffedBy) })
                : t("insights.none")}
            </dd>
          </div>
        </dl>
      </Section>
      <Section title={t("insights.chart.panel.responsibilities")}>
        <ul className="list-disc space-y-1 pl-5">
          {role.responsibilities.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </Section>
      <Section title={t("insights.chart.panel.coverage")}>
        {required.length === 0 ? (
          <p className="text-slate-500">{t("insights.gaps.notRequiredNow")}</p>
        ) : role.withheld ? (
          <p className="text-slate-500" data-testid="withheld">
            {t("insights.withheld", { count: MIN_GROUP_SIZE })}
          </p>
        ) : (
          <table className="w-full text-sm" data-testid="role-coverage">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("insights.chart.panel.skill")}
                </th>
                <th scope="col" className="px-1 py-1 text-right font-medium">
                  {t("insights.chart.panel.required")}
                </th>
                <th scope="col" className="px-1 py-1 text-right font-medium">
                  {t("insights.chart.panel.best")}
                </th>
                <th scope="col" className="py-1 pl-1 text-right font-medium">
                  {t("insights.chart.panel.meeting")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {required.map((s) => (
                <tr key={s.id} data-skill={s.id}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {s.label}
                    <span
                      data-status={s.status}
                      className={`block text-xs ${s.status === "met" ? "text-emerald-800" : s.status === "below" ? "font-medium text-red-700" : "text-slate-600"}`}
                    >
                      <span aria-hidden="true">{s.status === "met" ? "✓ " : s.status === "below" ? "✗ " : ""}</span>
                      {s.status === "met"
                        ? t("insights.gaps.statusMet")
                        : s.status === "below"
                          ? t("insights.gaps.statusBelow", { count: s.holdersBelow })
                          : s.status === "not_assessed"
                            ? t("insights.gaps.statusNotAssessed", { count: s.holdersNotAssessed })
                            : t("insights.gaps.nobody")}
                    </span>
                  </th>
                  <td className="px-1 py-1 text-right tabular-nums">{s.required}</td>
                  <td className="px-1 py-1 text-right tabular-nums">{s.bestLevel ?? t("insights.none")}</td>
                  <td className="py-1 pl-1 text-right tabular-nums">
                    {t("insights.chart.panel.meetCount", {
                      met: num(s.holdersMeeting),
                      holders: num(role.holderCount),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <p className="mt-5 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link
          to={`/team/heatmap?${new URLSearchParams({ role: role.roleId })}`}
          className="text-indigo-700 underline-offset-2 hover:underline"
        >
          {t("insights.chart.panel.seeHolders")}
        </Link>
        <Link to={`/team/gaps#role-${role.roleId}`} className="text-indigo-700 underline-offset-2 hover:underline">
          {t("insights.chart.panel.seeGaps")}
        </Link>
      </p>
    </PanelFrame>
  );
}
