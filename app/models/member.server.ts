import type { Prisma } from "@prisma/client";
import { cellKey, type LastAssessment } from "~/domain/assessment-grid";
import type { SkillAssessmentRecord, TeamMember } from "~/domain/team";
import { SKILL_LEVELS, type RoleId, type SkillLevel } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { parseStringList } from "~/domain/string-list";

/**
 * Data access for the team. Every function is scoped by organisation; the
 * domain gets plain TeamMember / SkillAssessmentRecord values.
 */

const asLevel = (value: number): SkillLevel =>
  (SKILL_LEVELS as readonly number[]).includes(value) ? (value as SkillLevel) : 0;

export interface MemberSummary extends TeamMember {
  email: string | null;
  title: string;
  userId: string | null;
}

const summarySelect = {
  id: true,
  name: true,
  email: true,
  title: true,
  department: true,
  managerId: true,
  userId: true,
  roles: { select: { roleId: true, sharePercent: true } },
} satisfies Prisma.MemberSelect;

type SummaryRow = Prisma.MemberGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): MemberSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    userId: row.userId,
    department: isRoleId(row.department) ? row.department : null,
    managerId: row.managerId,
    roles: row.roles
      .filter((role) => isRoleId(role.roleId))
      .map((role) => ({ roleId: role.roleId as RoleId, share: role.sharePercent / 100 })),
  };
}

/** Every member of the organisation, by name. */
export async function listMembers({ organisationId }: { organisationId: string }): Promise<MemberSummary[]> {
  const rows = await db.member.findMany({ where: { organisationId }, select: summarySelect, orderBy: { name: "asc" } });
  return rows.map(toSummary);
}

/**
 * The latest assessment per member and skill, computed in the database
 * (a window function, portable to PostgreSQL) so large teams do not ship
 * their whole history to the app.
 */
export async function latestAssessments({
  organisationId,
}: {
  organisationId: string;
}): Promise<SkillAssessmentRecord[]> {
  const rows = await db.$queryRaw<
    {
      memberId: string;
      skillId: string;
      level: number | bigint;
      assessedOn: Date | string | number;
      createdAt: Date | string | number;
    }[]
  >`
    SELECT "memberId", "skillId", "level", "assessedOn", "createdAt" FROM (
      SELECT "memberId", "skillId", "level", "assessedOn", "createdAt",
             ROW_NUMBER() OVER (PARTITION BY "memberId", "skillId" ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC) AS "rank"
      FROM "SkillAssessment" WHERE "organisationId" = ${organisationId}
    ) AS "ranked" WHERE "rank" = 1`;
  return rows.map((row) => ({
    memberId: row.memberId,
    skillId: row.skillId,
    level: asLevel(Number(row.level)),
    assessedAt: new Date(row.assessedOn),
    recordedAt: new Date(row.createdAt),
  }));
}

/** The team as the gap computation needs it. */
export async function loadTeam({ organisationId }: { organisationId: string }) {
  const [members, assessments] = await Promise.all([
    listMembers({ organisationId }),
    latestAssessments({ organisationId }),
  ]);
  return { members, assessments };
}

/** One member with everything the member page shows, or null (also for another organisation's id). */
export async function getMember({ organisationId, memberId }: { organisationId: string; memberId: string }) {
  const row = await db.member.findFirst({
    where: { id: memberId, organisationId },
    include: {
      roles: true,
      manager: { select: { id: true, name: true } },
      reports: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      assessments: { orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }] },
    },
  });
  if (!row) return null;
  return {
    ...toSummary({ ...row, roles: row.roles }),
    markets: parseStringList(row.markets),
    languages: parseStringList(row.languages),
    startDate: row.startDate,
    manager: row.manager,
    reports: row.reports,
    assessments: row.assessments.map((assessment) => ({ ...assessment, level: asLevel(assessment.level) })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/**
 * The latest assessment (id, level, date) of each of these members for each of
 * these skills, keyed by cellKey: what the assessment grid shows and what its
 * save compares against. Same order as latestAssessments: assessed on, then
 * entered, then id. Reads through `client`, so a transaction sees its own state.
 */
export async function latestAssessmentCells(
  {
    organisationId,
    memberIds,
    skillIds,
  }: { organisationId: string; memberIds: readonly string[]; skillIds: readonly string[] },
  client: Prisma.TransactionClient = db,
): Promise<Map<string, LastAssessment>> {
  const latest = new Map<string, LastAssessment>();
  if (memberIds.length === 0 || skillIds.length === 0) return latest;
  const rows = await client.skillAssessment.findMany({
    where: { organisationId, memberId: { in: [...memberIds] }, skillId: { in: [...skillIds] } },
    select: { id: true, memberId: true, skillId: true, level: true, assessedOn: true },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  for (const row of rows) {
    const key = cellKey(row.memberId, row.skillId);
    if (!latest.has(key)) latest.set(key, { id: row.id, level: asLevel(row.level), assessedOn: row.assessedOn });
  }
  return latest;
}
