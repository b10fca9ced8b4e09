import { sizedForOrganisation } from "~/models/business-profile.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, StatusMessage, ui, useLang, sectionErrorBoundary, titleMeta } from "~/components/ui";
import { AssessmentForm } from "~/components/team/AssessmentForm";
import { AssessmentHistory } from "~/components/team/AssessmentHistory";
import { byShare, formatDay, labelOf, levelName } from "~/components/team/format";
import { GapBadge } from "~/components/team/GapBadge";
import { ASSESS_PARAM, memberPageSlot } from "~/components/team/memberPage";
import { gridHref } from "~/domain/assessment-grid";
import { dayString, latestToday } from "~/domain/calendar-day";
import { skillGapsForMember } from "~/domain/gaps";
import { can, visibleFieldsFor } from "~/domain/permissions";
import { latestLevels } from "~/domain/team";
import { visibleHistory } from "~/domain/visibility";
import type { SkillLevel } from "~/domain/types";
import { getMember } from "~/models/member.server";
import { assessmentScopeFor, isRecordId } from "~/models/member-write.server";
import { playbookStateForOrganisation } from "~/models/playbook.server";
import { EditedMark } from "~/components/playbook/PlaybookNav";
import { requiredLevelPath } from "~/domain/playbook-diff";
import { notFound, requirePermission } from "~/utils/auth.server";
import { TrainingPlanSection } from "~/components/training/TrainingPlanSection";
import { memberTrainingRows } from "~/models/training.server";
import { teamMembersStrings } from "~/locales/team-members";

const DONE = ["created", "updated", "assessed"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, user, organisation } = await requirePermission({ request, context }, "members.read");
  const memberId = params.memberId ?? "";
  const member = isRecordId(memberId) ? await getMember({ organisationId: organisation.id, memberId }) : null;
  // unknown here or another organisation's: the same 404
  if (!member) throw notFound();
  const { playbook, edited } = await playbookStateForOrganisation(organisation.id);
  const recommendation = (
    await sizedForOrganisation({
      organisationId: organisation.id,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook,
    })
  ).recommendation;

  // getMember lists the history newest first; latestLevels wants it oldest first (its tie-break).
  const records = member.assessments.map((assessment) => ({
    memberId: member.id,
    skillId: assessment.skillId,
    level: assessment.level,
    assessedAt: assessment.assessedOn,
    recordedAt: assessment.createdAt,
  }));
  const levels = latestLevels([...records].reverse());
  const gaps = skillGapsForMember(member, recommendation, levels);

  const roleSkillIds = new Set(gaps.skills.map((skill) => skill.skillId));
  const skills = playbook.skills.map(({ id, label }) => ({ id, label }));
  const scope = { organisationId: organisation.id, ...assessmentScopeFor(member) };
  // Privacy (issue 14): a colleague's page is the org chart's part of them; levels, gaps, history
  // and notes only for those app/domain/permissions.ts lets read them.
  const fields = visibleFieldsFor(actor, scope);
  const showsSkills = fields.has("person.levels") && fields.has("person.gaps");
  const history = new Map<
    string,
    { id: string; level: SkillLevel; assessedOn: Date; assessorName: string; note: string | null }[]
  >();
  for (const assessment of visibleHistory(actor, scope, member.assessments)) {
    const entries = history.get(assessment.skillId) ?? [];
    entries.push({
      id: assessment.id,
      level: assessment.level,
      assessedOn: assessment.assessedOn,
      assessorName: assessment.assessorName,
      note: assessment.note,
    });
    history.set(assessment.skillId, entries);
  }
  const url = new URL(request.url);
  const done = DONE.find((value) => value === url.searchParams.get("done")) ?? null;
  // "Assess" next to a re-assessment request links here with the skill to assess chosen.
  const assessParam = url.searchParams.get(ASSESS_PARAM);
  const assessSkillId = skills.find((skill) => skill.id === assessParam)?.id ?? null;
  // Training plan (issue 5): shown to those who may read it (the member, their leads, HR, managers, admins).
  const canReadTraining = fields.has("person.training");
  const planned = url.searchParams.get("training") === "planned" ? Number(url.searchParams.get("count")) || 0 : 0;
  const training = canReadTraining
    ? {
        items: await memberTrainingRows({ organisationId: organisation.id, memberId: member.id }),
        canPlan: can(actor, "training.plan", scope),
        canProgress: can(actor, "training.progress", scope),
        planned,
      }
    : null;

  return {
    member: {
      id: member.id,
      name: member.name,
      email: member.email,
      title: member.title,
      department: member.department,
      roles: byShare(member.roles).map((role) => ({ roleId: role.roleId, percent: Math.round(role.share * 100) })),
      manager: member.manager,
      reports: member.reports,
      markets: member.markets,
      languages: member.languages,
      startDate: member.startDate,
      linked: member.userId !== null,
    },
    gaps: showsSkills
      ? {
          totalGap: gaps.totalGap,
          maxGap: gaps.maxGap,
          bucket: gaps.bucket,
          notAssessed: gaps.notAssessedCount,
          skills: gaps.skills.map((skill) => ({
            skillId: skill.skillId,
            required: skill.required,
            requiredBy: skill.requiredBy.map((entry) => entry.roleId),
            assessed: skill.notAssessed ? null : skill.assessed,
            gap: skill.gap,
            // the required level comes from the organisation's edited playbook, not the shipped default
            requiredEdited: skill.requiredBy.some((entry) =>
              edited.has(requiredLevelPath(entry.roleId, skill.skillId, organisation.stage)),
            ),
            history: history.get(skill.skillId) ?? [],
          })),
        }
      : null,
    otherAssessed: showsSkills
      ? [...history.entries()]
          .filter(([skillId]) => !roleSkillIds.has(skillId))
          .map(([skillId, entries]) => ({ skillId, assessed: entries[0].level, history: entries }))
      : [],
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    skills,
    assessSkills: {
      roleSkills: skills.filter((skill) => roleSkillIds.has(skill.id)),
      otherSkills: skills.filter((skill) => !roleSkillIds.has(skill.id)),
      chosen: assessSkillId,
    },
    viewer: {
      name: user.name,
      isSelf: member.userId !== null && member.userId === actor.userId,
      canAssess: can(actor, "assessments.write", scope),
      canWrite: can(actor, "members.write", { organisationId: organisation.id }),
    },
    today: dayString(new Date()),
    maxDay: latestToday(),
    done,
    training,
  };
}

export type MemberPageLoader = typeof loader;

export const meta = titleMeta<typeof loader>((lang, data) => [data?.member.name, teamMembersStrings[lang].title]);

export default function MemberPage() {
  const data = useLoaderData<typeof loader>();
  const slot = memberPageSlot(useMatches());
  const { t } = useTranslation();
  const lang = useLang();
  if (slot === "replace") return <Outlet />;

  const { member, gaps, otherAssessed, roles, skills, assessSkills, viewer, done } = data;
  const here = `/team/${member.id}`;
  const roleLabels = (ids: readonly string[]) =>
    ids.map((id) => labelOf(roles, id, lang)).join(lang === "zh" ? "、" : ", ");

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/team" className={ui.link}>
          ← {t("members.page.back")}
        </Link>
      </p>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{member.name}</h2>
          {member.title ? <p className="text-slate-600">{member.title}</p> : null}
        </div>
        {viewer.canWrite ? (
          <div className="flex flex-wrap gap-3">
            <Link to={`${here}/edit`} className={ui.secondaryButton}>
              {t("members.page.edit")}
            </Link>
            <Link to={`${here}/delete`} className={ui.dangerLink + " self-center"}>
              {t("members.page.remove")}
            </Link>
          </div>
        ) : null}
      </div>

      {done ? <StatusMessage>{t(`members.page.${done}`, { name: member.name })}</StatusMessage> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className={ui.card} aria-labelledby="member-details">
          <h3 id="member-details" className="font-semibold text-slate-900">
            {t("members.page.details")}
          </h3>
          <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-500">{t("members.fields.roles")}</dt>
            <dd>
              {member.roles.length === 0 ? (
                t("members.page.noRoles")
              ) : (
                <ul className="space-y-1">
                  {member.roles.map((role) => (
                    <li key={role.roleId}>
                      {labelOf(roles, role.roleId, lang)}{" "}
                      <Badge tone="indigo">{t("members.share", { percent: role.percent })}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt className="text-slate-500">{t("members.fields.department")}</dt>
            <dd>{member.department ? labelOf(roles, member.department, lang) : t("members.noDepartment")}</dd>
            <dt className="text-slate-500">{t("members.fields.email")}</dt>
            <dd className="break-all">{member.email ?? t("members.none")}</dd>
            <dt className="text-slate-500">{t("members.fields.markets")}</dt>
            <dd>{member.markets.length > 0 ? member.markets.join(", ") : t("members.none")}</dd>
            <dt className="text-slate-500">{t("members.fields.languages")}</dt>
            <dd>{member.languages.length > 0 ? member.languages.join(", ") : t("members.none")}</dd>
            <dt className="text-slate-500">{t("members.page.startDate")}</dt>
            <dd>{member.startDate ? formatDay(member.startDate, lang) : t("members.none")}</dd>
            <dt className="text-slate-500">{t("members.page.linkedAccount")}</dt>
            <dd>{member.linked ? t("members.page.linked") : t("members.page.notLinked")}</dd>
          </dl>
        </section>

        <section className={ui.card} aria-labelledby="member-reporting">
          <h3 id="member-reporting" className="font-semibold text-slate-900">
            {t("members.page.reportingLine")}
          </h3>
          <dl className="mt-4 space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">{t("members.page.reportsTo")}</dt>
              <dd>
                {member.manager ? (
                  <Link to={`/team/${member.manager.id}`} className={ui.link}>
                    {member.manager.name}
                  </Link>
                ) : (
                  t("members.fields.noManager")
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("members.page.reports")}</dt>
              <dd>
                {member.reports.length === 0 ? (
                  t("members.page.noReports")
                ) : (
                  <ul className="space-y-1">
                    {member.reports.map((report) => (
                      <li key={report.id}>
                        <Link to={`/team/${report.id}`} className={ui.link}>
                          {report.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </section>
      </div>

      <section className={`${ui.card} space-y-4`} aria-labelledby="member-skills">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h3 id="member-skills" className="font-semibold text-slate-900">
              {t("members.page.skills")}
            </h3>
            <p className="mt-1 text-sm text-slate-600">{t("members.page.skillsIntro")}</p>
          </div>
          {gaps ? (
            <GapBadge
              totalGap={gaps.totalGap}
              maxGap={gaps.maxGap}
              bucket={gaps.bucket}
              notAssessed={gaps.notAssessed}
            />
          ) : null}
        </div>
        {!gaps ? (
          <p className="text-sm text-slate-600" data-testid="skills-private">
            {t("members.page.skillsPrivate")}
          </p>
        ) : gaps.skills.length === 0 ? (
          <p className="text-sm text-slate-600">{t("members.page.noSkills")}</p>
        ) : (
          <SkillTable
            rows={gaps.skills.map((skill) => ({
              ...skill,
              label: labelOf(skills, skill.skillId, lang),
              requiredByLabel: roleLabels(skill.requiredBy),
            }))}
          />
        )}
        {otherAssessed.length > 0 ? (
          <>
            <h4 className="pt-2 text-sm font-semibold text-slate-900">{t("members.page.otherSkills")}</h4>
            <SkillTable
              rows={otherAssessed.map((skill) => ({
                ...skill,
                label: labelOf(skills, skill.skillId, lang),
                required: null,
                requiredByLabel: "",
                gap: 0,
              }))}
            />
          </>
        ) : null}
      </section>

      {data.training ? (
        <TrainingPlanSection
          memberId={member.id}
          items={data.training.items}
          skills={skills}
          openGaps={gaps ? gaps.skills.filter((skill) => skill.gap > 0).length : 0}
          canPlan={data.training.canPlan}
          canProgress={data.training.canProgress}
          isSelf={viewer.isSelf}
          notice={data.training.planned > 0 ? t("training.plan.created", { count: data.training.planned }) : null}
        />
      ) : null}

      {viewer.canAssess ? (
        <section id="assess" className={`${ui.card} space-y-4`} aria-labelledby="assess-title">
          <div>
            <h3 id="assess-title" className="font-semibold text-slate-900">
              {t("members.assess.title")}
            </h3>
            <p className="mt-1 text-sm text-slate-600">{t("members.assess.intro")}</p>
            {assessSkills.roleSkills.length > 0 ? (
              <p className="mt-2 text-sm">
                <Link to={gridHref({ kind: "member", memberId: member.id })} className={ui.link}>
                  {t("grid.openMember")}
                </Link>
              </p>
            ) : null}
          </div>
          {slot === "assess" ? (
            <Outlet />
          ) : (
            <AssessmentForm
              key={assessSkills.chosen ?? ""}
              action={`${here}/assessments`}
              lastResult={undefined}
              roleSkills={assessSkills.roleSkills}
              otherSkills={assessSkills.otherSkills}
              skillId={assessSkills.chosen}
              today={data.today}
              maxDay={data.maxDay}
              assessorName={viewer.name}
              lang={lang}
            />
          )}
        </section>
      ) : viewer.isSelf ? (
        <p className="text-sm text-slate-600">{t("members.assess.self")}</p>
      ) : null}
    </div>
  );
}

interface SkillRow {
  skillId: string;
  label: string;
  /** null for a skill none of the member's roles needs now */
  required: SkillLevel | null;
  requiredByLabel: string;
  /** null: not assessed (which is not the same as level 0) */
  assessed: SkillLevel | null;
  gap: number;
  requiredEdited?: boolean;
  history: { id: string; level: SkillLevel; assessedOn: Date | string; assessorName: string; note: string | null }[];
}

function SkillTable({ rows }: { rows: SkillRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className={ui.tableWrap} tabIndex={0}>
      <table className={ui.table}>
        <thead className={ui.thead}>
          <tr>
            {(["skill", "required", "assessed", "gap", "history"] as const).map((column) => (
              <th key={column} scope="col" className={ui.th}>
                {t(`members.page.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.skillId} id={`skill-${row.skillId}`} data-required={row.required ?? ""} data-gap={row.gap}>
              <th scope="row" className={`${ui.td} text-left font-medium`}>
                {row.label}
              </th>
              <td className={ui.td}>
                {row.required === null ? (
                  t("members.none")
                ) : row.required === 0 ? (
                  <span className="text-slate-500" data-testid="not-required-now">
                    {t("members.page.notRequiredNow")}
                    {row.requiredByLabel ? (
                      <span className="block text-xs">
                        {t("members.page.requiredBy", { roles: row.requiredByLabel })}
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <>
                    {t("members.level", { level: row.required, name: levelName(row.required, lang) })}
                    <EditedMark edited={row.requiredEdited === true} />
                    {row.requiredByLabel ? (
                      <span className="block text-xs text-slate-500">
                        {t("members.page.requiredBy", { roles: row.requiredByLabel })}
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className={ui.td} data-assessed={row.assessed === null ? "none" : row.assessed}>
                {row.assessed === null ? (
                  <Badge tone="slate">{t("members.page.notAssessed")}</Badge>
                ) : (
                  t("members.level", { level: row.assessed, name: levelName(row.assessed, lang) })
                )}
              </td>
              <td className={ui.td}>
                {row.required === null || row.required === 0 ? (
                  t("members.none")
                ) : row.assessed === null ? (
                  <span className="text-slate-500">{t("members.page.gapUnknown")}</span>
                ) : row.gap > 0 ? (
                  <Badge tone={row.gap >= 2 ? "red" : "amber"}>{t("members.page.gapValue", { gap: row.gap })}</Badge>
                ) : (
                  <Badge tone="green">{t("members.page.noGap")}</Badge>
                )}
              </td>
              <td className={ui.td}>
                <AssessmentHistory skillLabel={row.label} entries={row.history} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
