import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import {
  assessmentExportRows,
  assessmentKey,
  memberExportRows,
  planAssessmentsImport,
  planMembersImport,
  type ExistingMember,
  type ExportLabels,
  type RowError,
} from "~/domain/team-csv";
import { db } from "~/utils/db.server";

/**
 * The team's CSV import and export, per organisation. An import reads the
 * organisation, has the domain check the file against it and, when nothing is
 * wrong, writes every row in the same transaction: all or nothing, and no
 * other write slips between the check and the writes.
 */

/** Rows per createMany: well under SQLite's limit of bound variables per statement. */
const WRITE_BATCH = 500;

/** An id for a member created by an import (the same alphabet as Prisma's cuids: isRecordId accepts it). */
const newRecordId = () => `m${randomUUID().replaceAll("-", "")}`;

/** A large file is thousands of writes: more than Prisma's default five seconds on a busy machine. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export interface MembersImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** names of the members that existed and were changed */
  updatedNames: string[];
}

export interface AssessmentsImportSummary {
  added: number;
  /** rows equal to an assessment already recorded */
  alreadyRecorded: number;
}

export type ImportResult<Summary> = { ok: true; summary: Summary } | { ok: false; errors: RowError[] };

type Client = Prisma.TransactionClient | typeof db;

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

const day = (date: Date | null): string | null =>
  date === null || Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
const dayDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

async function existingMembers(
  client: Client,
  organisationId: string,
): Promise<(ExistingMember & { userId: string | null })[]> {
  const rows = await client.member.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      department: true,
      managerId: true,
      markets: true,
      languages: true,
      startDate: true,
      userId: true,
      roles: { select: { roleId: true, sharePercent: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    markets: parseList(row.markets),
    languages: parseList(row.languages),
    startDate: day(row.startDate),
  }));
}

/** A unique index refused a write: someone added the same email while this import ran. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Imports the members file (its records, header first): creates new emails, updates known ones. */
export async function importMembers({
  organisationId,
  records,
}: {
  organisationId: string;
  records: readonly (readonly string[])[];
}): Promise<ImportResult<MembersImportSummary>> {
  return db
    .$transaction(async (tx): Promise<ImportResult<MembersImportSummary>> => {
      const existing = await existingMembers(tx, organisationId);
      const planned = planMembersImport(records, existing);
      if (!planned.ok) return planned;
      const { plan } = planned;

      const idByEmail = new Map<string, string>();
      for (const member of existing) if (member.email) idByEmail.set(member.email.toLowerCase(), member.id);
      const managerIdOf = (email: string | null) => (email === null ? null : (idByEmail.get(email) ?? null));
      const fields = (member: (typeof plan.create)[number]["member"]) => ({
        name: member.name,
        email: member.email,
        title: member.title,
        department: member.department,
        markets: JSON.stringify(member.markets),
        languages: JSON.stringify(member.languages),
        startDate: member.startDate === null ? null : dayDate(member.startDate),
      });

      // A few statements for the whole file, not a few per row (issue 15: a 5,000-row file was
      // 15,000 round trips through the ORM, seconds of a blocked server). New members get their
      // ids here, so every manager's id is known before anyone is written; managers come first
      // in plan.create, so a report's manager is in the same or an earlier statement.
      for (const { member } of plan.create) idByEmail.set(member.email, newRecordId());
      const created = plan.create.map(({ member }) => ({
        id: idByEmail.get(member.email)!,
        organisationId,
        ...fields(member),
        managerId: managerIdOf(member.managerEmail),
      }));
      for (let i = 0; i < created.length; i += WRITE_BATCH)
        await tx.member.createMany({ data: created.slice(i, i + WRITE_BATCH) });
      for (const { memberId, member } of plan.update) {
        await tx.member.update({
          where: { id: memberId },
          data: { ...fields(member), managerId: managerIdOf(member.managerEmail), version: { increment: 1 } },
        });
      }
      const updatedIds = plan.update.map(({ memberId }) => memberId);
      for (let i = 0; i < updatedIds.length; i += WRITE_BATCH)
        await tx.memberRole.deleteMany({ where: { memberId: { in: updatedIds.slice(i, i + WRITE_BATCH) } } });
      const roles = [
        ...plan.create.flatMap(({ member }) =>
          member.roles.map(({ roleId, sharePercent }) => ({
            memberId: idByEmail.get(member.email)!,
            roleId,
            sharePercent,
          })),
        ),
        ...plan.update.flatMap(({ memberId, member }) =>
          member.roles.map(({ roleId, sharePercent }) => ({ memberId, roleId, sharePercent })),
        ),
      ];
      for (let i = 0; i < roles.length; i += WRITE_BATCH)
        await tx.memberRole.createMany({ data: roles.slice(i, i + WRITE_BATCH) });
      return {
        ok: true,
        summary: {
          created: plan.create.length,
          updated: plan.update.length,
          unchanged: plan.unchanged.length,
          updatedNames: plan.update.map(({ member }) => member.name),
        },
      };
    }, IMPORT_TRANSACTION)
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        return {
          ok: false,
          errors: [{ row: 1, column: "", value: "", code: "conflict" }],
        } satisfies ImportResult<MembersImportSummary>;
      throw error;
    });
}

/** Imports the assessments file: adds each row to its member's history; rows already recorded are skipped. */
export async function importAssessments({
  organisationId,
  records,
  skillIds,
  skills,
  today,
  importer,
}: {
  organisationId: string;
  records: readonly (readonly string[])[];
  skillIds: readonly string[];
  /** the skills' labels: a file may name a skill by its label in either language */
  skills?: readonly { id: string; label: { zh: string; en: string } }[];
  /** the latest day that is not in the future (ISO) */
  today: string;
  importer: { userId: string; name: string };
}): Promise<ImportResult<AssessmentsImportSummary>> {
  return db.$transaction(async (tx): Promise<ImportResult<AssessmentsImportSummary>> => {
    const [members, users, recorded] = await Promise.all([
      tx.member.findMany({ where: { organisationId }, select: { id: true, email: true, userId: true } }),
      tx.user.findMany({ where: { organisationId }, select: { id: true, name: true } }),
      tx.skillAssessment.findMany({
        where: { organisationId },
        select: { memberId: true, skillId: true, level: true, assessedOn: true, assessorName: true, note: true },
      }),
    ]);
    const existingKeys = new Set(recorded.map((a) => assessmentKey({ ...a, assessedOn: day(a.assessedOn) ?? "" })));
    const planned = planAssessmentsImport(records, { members, users, skillIds, skills, today, importer, existingKeys });
    if (!planned.ok) return planned;
    const { plan } = planned;
    if (plan.add.length > 0) {
      await tx.skillAssessment.createMany({
        data: plan.add.map(({ assessment }) => ({
          organisationId,
          memberId: assessment.memberId,
          skillId: assessment.skillId,
          level: assessment.level,
          assessedOn: dayDate(assessment.assessedOn),
          assessorName: assessment.assessorName,
          assessorUserId: assessment.assessorUserId,
          note: assessment.note,
        })),
      });
    }
    return { ok: true, summary: { added: plan.add.length, alreadyRecorded: plan.alreadyRecorded.length } };
  }, IMPORT_TRANSACTION);
}

/** How many members and assessments an export would hold. */
export async function teamDataCounts({ organisationId }: { organisationId: string }) {
  const [members, assessments] = await Promise.all([
    db.member.count({ where: { organisationId } }),
    db.skillAssessment.count({ where: { organisationId } }),
  ]);
  return { members, assessments };
}

/** The members file's rows (no header) of one organisation. */
export async function exportMembers({
  organisationId,
  labels,
}: {
  organisationId: string;
  labels: ExportLabels;
}): Promise<string[][]> {
  return memberExportRows(await existingMembers(db, organisationId), labels);
}

/** The assessments file's rows (no header) of one organisation: the whole history. */
export async function exportAssessments({
  organisationId,
  labels,
}: {
  organisationId: string;
  labels: ExportLabels;
}): Promise<string[][]> {
  const [members, assessments] = await Promise.all([
    db.member.findMany({ where: { organisationId }, select: { id: true, name: true, email: true } }),
    db.skillAssessment.findMany({
      where: { organisationId },
      select: { memberId: true, skillId: true, level: true, assessedOn: true, assessorName: true, note: true },
      orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return assessmentExportRows(
    assessments.map((a) => ({ ...a, assessedOn: day(a.assessedOn) ?? "" })),
    members,
    labels,
  );
}
