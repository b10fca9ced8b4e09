import type { Prisma } from "@prisma/client";
import {
  cellKey,
  planGridSave,
  type CellRefusal,
  type GridCellState,
  type SubmittedCell,
} from "~/domain/assessment-grid";
import { NOTE_MAX } from "~/forms/team";
import type { ResourceScope } from "~/domain/permissions";
import { findReportingCycle, validateShares } from "~/domain/team";
import { SKILL_LEVELS, type RoleId, type SkillLevel } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { errorMeta, isUniqueViolation } from "~/utils/db-errors";
import { db } from "~/utils/db.server";
import { latestAssessmentCells } from "./member.server";
import { playbookForOrganisation } from "./playbook.server";
import { lockOrganisation } from "./locks.server";
import { saveIfVersion } from "./versioned.server";
import { storedStringList } from "~/domain/string-list";

/**
 * Writes to the team: members with their roles, and skill assessments. Every
 * function takes the organisation and never touches another one's rows; an id
 * of another organisation is the same as an unknown id. Each write runs in one
 * transaction, and the rules the form already checked are checked again here,
 * so no caller (a form, an import) can store a team that breaks them.
 */

export interface MemberRoleInput {
  roleId: RoleId;
  /** the share of the member's time, a whole percent from 1 to 100 */
  sharePercent: number;
}

export interface MemberInput {
  name: string;
  email: string | null;
  title: string;
  roles: MemberRoleInput[];
  department: RoleId | null;
  managerId: string | null;
  markets: string[];
  languages: string[];
  startDate: Date | null;
  userId: string | null;
}

/** Why a member was not saved, per field of the form. */
export type MemberRefusal =
  | { field: "email"; code: "email_taken" }
  | { field: "managerId"; code: "manager_unknown" }
  /** the chain of names from the member through the new manager back to the member */
  | { field: "managerId"; code: "manager_cycle"; chain: string[] }
  | { field: "userId"; code: "user_unknown" | "user_taken" }
  | { field: "roles"; code: "roles_invalid" }
  /** an extension role the organisation's playbook does not hold (turned off, or never on) */
  | { field: "roles"; code: "role_not_in_playbook" }
  | { field: "department"; code: "department_unknown" | "department_not_in_playbook" };

/** A member as saved, with the version its form must carry to save it again. */
export type SavedMember = MemberInput & { version: number };

export type MemberWriteResult =
  | { ok: true; memberId: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "refused"; refusals: MemberRefusal[] }
  /** saved by someone else since `version` was loaded: nothing written */
  | { ok: false; reason: "conflict"; current: SavedMember };

/** Rolls a transaction back with the refusals that a check made after the write. */
class Refused extends Error {
  constructor(readonly refusals: MemberRefusal[]) {
    super("refused");
  }
}

/**
 * Whether a string can be the id of a record (a cuid): anything else, such as an
 * address segment with a lone surrogate that the database driver cannot even
 * encode, names no member or account, and is answered without a query.
 */
export function isRecordId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

function rolesAreValid(roles: readonly MemberRoleInput[]): boolean {
  if (roles.length === 0) return false;
  if (!roles.every((role) => Number.isInteger(role.sharePercent))) return false;
  return validateShares(roles.map((role) => ({ roleId: role.roleId, share: role.sharePercent / 100 }))).length === 0;
}

/** The reporting loop that `managerId` would close, as names, or null. */
async function cycleThrough(
  tx: Prisma.TransactionClient,
  organisationId: string,
  memberId: string,
  managerId: string | null,
): Promise<string[] | null> {
  if (managerId === null) return null;
  const members = await tx.member.findMany({
    where: { organisationId },
    select: { id: true, name: true, managerId: true },
  });
  const chain = findReportingCycle(members, memberId, managerId);
  if (!chain) return null;
  const names = new Map(members.map((member) => [member.id, member.name]));
  return chain.map((id) => names.get(id) ?? id);
}

/** The checks that need the database, before anything is written. */
async function refusalsFor(
  tx: Prisma.TransactionClient,
  organisationId: string,
  memberId: string | null,
  input: MemberInput,
): Promise<MemberRefusal[]> {
  const refusals: MemberRefusal[] = [];
  if (!rolesAreValid(input.roles)) refusals.push({ field: "roles", code: "roles_invalid" });
  if (input.department !== null && !isRoleId(input.department))
    refusals.push({ field: "department", code: "department_unknown" });
  const held = new Set<string>((await playbookForOrganisation(organisationId, tx)).roles.map((r) => r.id));
  // the organisation's playbook decides: the seven, its extension roles and its own roles (custom_…)
  if (input.roles.some((role) => !isRoleId(role.roleId))) refusals.push({ field: "roles", code: "roles_invalid" });
  else if (input.roles.some((role) => !held.has(role.roleId)))
    refusals.push({ field: "roles", code: "role_not_in_playbook" });
  if (input.department !== null && isRoleId(input.department) && !held.has(input.department))
    refusals.push({ field: "department", code: "department_not_in_playbook" });
  const notThis = memberId ? { NOT: { id: memberId } } : {};
  if (input.email !== null) {
    const taken = await tx.member.findFirst({
      where: { organisationId, email: input.email, ...notThis },
      select: { id: true },
    });
    if (taken) refusals.push({ field: "email", code: "email_taken" });
  }
  if (input.managerId !== null) {
    const manager = isRecordId(input.managerId)
      ? await tx.member.findFirst({ where: { id: input.managerId, organisationId }, select: { id: true } })
      : null;
    if (!manager) refusals.push({ field: "managerId", code: "manager_unknown" });
    else if (memberId) {
      const chain = await cycleThrough(tx, organisationId, memberId, input.managerId);
      if (chain) refusals.push({ field: "managerId", code: "manager_cycle", chain });
    }
  }
  if (input.userId !== null) {
    const user = isRecordId(input.userId)
      ? await tx.user.findFirst({
          where: { id: input.userId, organisationId },
          select: { member: { select: { id: true } } },
        })
      : null;
    if (!user) refusals.push({ field: "userId", code: "user_unknown" });
    else if (user.member && user.member.id !== memberId) refusals.push({ field: "userId", code: "user_taken" });
  }
  return refusals;
}

function memberData(input: MemberInput) {
  return {
    name: input.name,
    email: input.email,
    title: input.title,
    department: input.department,
    managerId: input.managerId,
    markets: storedStringList(input.markets),
    languages: storedStringList(input.languages),
    startDate: input.startDate,
    userId: input.userId,
  };
}

/** A unique index refused the write: two requests raced past the checks. */
function uniqueRefusal(error: unknown): MemberRefusal[] | null {
  if (!isUniqueViolation(error)) return null;
  // The shape of `meta` differs between engines and driver adapters; the field name is in it either way.
  const detail = errorMeta(error);
  if (detail.includes("userId")) return [{ field: "userId", code: "user_taken" }];
  return [{ field: "email", code: "email_taken" }];
}

async function write(run: () => Promise<MemberWriteResult>): Promise<MemberWriteResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: "refused", refusals: error.refusals };
    const unique = uniqueRefusal(error);
    if (unique) return { ok: false, reason: "refused", refusals: unique };
    throw error;
  }
}

export async function createMember({
  organisationId,
  input,
}: {
  organisationId: string;
  input: MemberInput;
}): Promise<MemberWriteResult> {
  return write(() => db.$transaction((tx) => createMemberInTransaction(tx, { organisationId, input })));
}

/**
 * The member creation inside a caller's transaction (e.g. filling a hiring
 * position writes the member and the position together). The caller runs
 * it through `writeMember` so a unique-index race still reads as a refusal.
 */
export async function createMemberInTransaction(
  tx: Prisma.TransactionClient,
  { organisationId, input }: { organisationId: string; input: MemberInput },
): Promise<MemberWriteResult> {
  const refusals = await refusalsFor(tx, organisationId, null, input);
  if (refusals.length > 0) return { ok: false, reason: "refused", refusals };
  const member = await tx.member.create({
    data: {
      organisationId,
      ...memberData(input),
      roles: { create: input.roles.map(({ roleId, sharePercent }) => ({ roleId, sharePercent })) },
    },
    select: { id: true },
  });
  return { ok: true, memberId: member.id };
}

/** Runs a write that creates or changes members, turning refusals and unique-index races into a result. */
export { write as writeMember };

/** A member as the form edits it, or null when absent here. */
async function savedMember(
  tx: Prisma.TransactionClient,
  organisationId: string,
  memberId: string,
): Promise<SavedMember | null> {
  const row = await tx.member.findFirst({
    where: { id: memberId, organisationId },
    select: {
      name: true,
      email: true,
      title: true,
      department: true,
      managerId: true,
      markets: true,
      languages: true,
      startDate: true,
      userId: true,
      version: true,
      roles: { select: { roleId: true, sharePercent: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    department: row.department as RoleId | null,
    roles: row.roles.map((role) => ({ roleId: role.roleId as RoleId, sharePercent: role.sharePercent })),
    markets: JSON.parse(row.markets) as string[],
    languages: JSON.parse(row.languages) as string[],
  };
}

/**
 * Saves the member form. `version` is the one the form was loaded from: a
 * save over a newer version is refused with the member as saved now
 * (decision 0009), and two saves of one version cannot both land.
 */
export async function updateMember({
  organisationId,
  memberId,
  version,
  input,
}: {
  organisationId: string;
  memberId: string;
  version: number;
  input: MemberInput;
}): Promise<MemberWriteResult> {
  if (!isRecordId(memberId)) return { ok: false, reason: "not_found" };
  return write(() =>
    db.$transaction(async (tx): Promise<MemberWriteResult> => {
      // on PostgreSQL, concurrent edits of reporting lines wait here (SQLite has one writer anyway)
      await lockOrganisation(tx, organisationId, "reporting_lines");
      const saved = await saveIfVersion({
        version,
        load: () => savedMember(tx, organisationId, memberId),
        claim: async () => {
          const refusals = await refusalsFor(tx, organisationId, memberId, input);
          if (refusals.length > 0) throw new Refused(refusals);
          return tx.member.updateMany({
            where: { id: memberId, organisationId, version },
            data: { ...memberData(input), version: { increment: 1 } },
          });
        },
        then: async () => {
          await tx.memberRole.deleteMany({ where: { memberId } });
          await tx.memberRole.createMany({
            data: input.roles.map(({ roleId, sharePercent }) => ({ memberId, roleId, sharePercent })),
          });
          // Checked again now that this transaction holds the write lock (SQLite's; PostgreSQL's above): another
          // edit committed between the first check and the write cannot close a loop.
          const chain = await cycleThrough(tx, organisationId, memberId, input.managerId);
          if (chain) throw new Refused([{ field: "managerId", code: "manager_cycle", chain }]);
          return memberId;
        },
      });
      if (saved.ok) return { ok: true, memberId };
      return saved;
    }),
  );
}

export type DeleteMemberResult =
  | { ok: true; name: string; assessmentsRemoved: number; reportsUnassigned: number }
  | { ok: false; reason: "not_found" };

/** Removes a member with their roles and assessments; their reports keep their place without a manager. */
export async function deleteMember({
  organisationId,
  memberId,
}: {
  organisationId: string;
  memberId: string;
}): Promise<DeleteMemberResult> {
  if (!isRecordId(memberId)) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: memberId, organisationId },
      select: { id: true, name: true },
    });
    if (!member) return { ok: false, reason: "not_found" };
    const reports = await tx.member.updateMany({
      where: { organisationId, managerId: memberId },
      data: { managerId: null, version: { increment: 1 } },
    });
    const assessments = await tx.skillAssessment.deleteMany({ where: { organisationId, memberId } });
    await tx.memberRole.deleteMany({ where: { memberId } });
    await tx.member.delete({ where: { id: memberId } });
    return { ok: true, name: member.name, assessmentsRemoved: assessments.count, reportsUnassigned: reports.count };
  });
}

export interface AssessmentInput {
  skillId: string;
  level: SkillLevel;
  /** the day of the assessment, at midnight UTC */
  assessedOn: Date;
  note: string;
  assessor: { userId: string; name: string };
}

export type RecordAssessmentResult =
  { ok: true; assessmentId: string } | { ok: false; reason: "not_found" | "self_assessment" | "invalid" };

/** One row of assessment history to add. */
interface NewAssessment {
  memberId: string;
  skillId: string;
  level: SkillLevel;
  assessedOn: Date;
  note: string;
  assessor: { userId: string; name: string };
}

/**
 * Every assessment the app records goes through here (the single form, the
 * grid): one place that adds history rows, inside the caller's transaction,
 * so anything derived from the latest levels can be refreshed beside it.
 * (The CSV import writes its own rows in app/models/team-import.server.ts.)
 */
async function addAssessments(
  tx: Prisma.TransactionClient,
  organisationId: string,
  rows: readonly NewAssessment[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const created = await tx.skillAssessment.create({
      data: {
        organisationId,
        memberId: row.memberId,
        skillId: row.skillId,
        level: row.level,
        assessedOn: row.assessedOn,
        note: row.note,
        assessorUserId: row.assessor.userId,
        assessorName: row.assessor.name,
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}

const isValidAssessment = (row: { level: number; skillId: string; note: string; assessedOn: Date }) =>
  (SKILL_LEVELS as readonly number[]).includes(row.level) &&
  row.skillId.length > 0 &&
  row.note.length <= NOTE_MAX &&
  !Number.isNaN(row.assessedOn.getTime());

/** Adds an assessment to the member's history; earlier ones are kept. */
export async function recordAssessment({
  organisationId,
  memberId,
  input,
}: {
  organisationId: string;
  memberId: string;
  input: AssessmentInput;
}): Promise<RecordAssessmentResult> {
  if (!isValidAssessment(input)) return { ok: false, reason: "invalid" };
  if (!isRecordId(memberId)) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: memberId, organisationId },
      select: { id: true, userId: true },
    });
    if (!member) return { ok: false, reason: "not_found" };
    if (member.userId !== null && member.userId === input.assessor.userId)
      return { ok: false, reason: "self_assessment" };
    const [assessmentId] = await addAssessments(tx, organisationId, [{ memberId, ...input }]);
    return { ok: true, assessmentId };
  });
}

export type RecordGridResult = { ok: true; written: number } | { ok: false; refusals: CellRefusal[] };

/**
 * Saves an assessment grid (issue 18) in one transaction: the cells that
 * changed get one history row each, unchanged cells nothing. `grid` holds
 * the cells (by cellKey) of the grid the route loaded, each with whether the
 * route found this assessor may assess it; the members' accounts are read
 * again here, so nobody assesses themselves whatever the caller passed. Any refused cell (see planGridSave) refuses the
 * whole submit and nothing is written.
 */
export async function recordAssessmentGrid({
  organisationId,
  assessor,
  assessedOn,
  grid,
  cells,
}: {
  organisationId: string;
  assessor: { userId: string; name: string };
  assessedOn: Date;
  grid: ReadonlyMap<string, { assessable: boolean }>;
  cells: readonly SubmittedCell[];
}): Promise<RecordGridResult> {
  const inGrid = cells.filter((cell) => grid.has(cellKey(cell.memberId, cell.skillId)));
  const memberIds = [...new Set(inGrid.map((cell) => cell.memberId))].filter(isRecordId);
  const skillIds = [...new Set(inGrid.map((cell) => cell.skillId))];
  return db.$transaction(async (tx): Promise<RecordGridResult> => {
    const members = await tx.member.findMany({
      where: { organisationId, id: { in: memberIds } },
      select: { id: true, userId: true },
    });
    const self = new Set(
      members
        .filter((member) => member.userId !== null && member.userId === assessor.userId)
        .map((member) => member.id),
    );
    const known = new Set(members.map((member) => member.id));
    const latest = await latestAssessmentCells({ organisationId, memberIds, skillIds }, tx);
    const states = new Map<string, GridCellState>();
    for (const cell of inGrid) {
      if (!known.has(cell.memberId)) continue;
      const key = cellKey(cell.memberId, cell.skillId);
      states.set(key, {
        memberId: cell.memberId,
        skillId: cell.skillId,
        assessable: grid.get(key)?.assessable === true && !self.has(cell.memberId),
        last: latest.get(key) ?? null,
      });
    }
    const plan = planGridSave(states, cells);
    const invalid = plan.writes.filter((write) => !isValidAssessment({ ...write, assessedOn }));
    if (plan.refusals.length > 0 || invalid.length > 0) {
      return {
        ok: false,
        refusals: [...plan.refusals, ...invalid.map((write) => ({ index: write.index, code: "not_in_grid" as const }))],
      };
    }
    await addAssessments(
      tx,
      organisationId,
      plan.writes.map((write) => ({
        memberId: write.memberId,
        skillId: write.skillId,
        level: write.level,
        note: write.note,
        assessedOn,
        assessor,
      })),
    );
    return { ok: true, written: plan.writes.length };
  });
}

/**
 * The little a write route needs to authorise a request about a member: its
 * organisation, the departments it touches and whose account it is. Looked up
 * by id alone, because the answer is the input of the check: the route hands
 * `organisationId` to requirePermission, which answers another organisation's
 * member with the same 404 as an unknown id. Nothing else is read here.
 */
export async function findMemberToAuthorise({ memberId }: { memberId: string }) {
  if (!isRecordId(memberId)) return null;
  const row = await db.member.findUnique({
    where: { id: memberId },
    select: { id: true, organisationId: true, department: true, userId: true, roles: { select: { roleId: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    organisationId: row.organisationId,
    userId: row.userId,
    department: isRoleId(row.department) ? row.department : null,
    roles: row.roles.flatMap((role) => (isRoleId(role.roleId) ? [{ roleId: role.roleId }] : [])),
  };
}

/**
 * What "assessments.write" is checked against for a member: their department
 * and the roles they hold (a lead of any of them may assess), and their
 * account (nobody assesses themselves).
 */
export function assessmentScopeFor(member: {
  department: RoleId | null;
  roles: readonly { roleId: RoleId }[];
  userId: string | null;
}): Omit<ResourceScope, "organisationId"> {
  const departments = [
    ...new Set([...(member.department ? [member.department] : []), ...member.roles.map((role) => role.roleId)]),
  ];
  return { departments, userId: member.userId };
}

/** The choices of the member form: who can be the manager, which accounts can be linked. */
export async function memberFormOptions({ organisationId, memberId }: { organisationId: string; memberId?: string }) {
  const [managers, users] = await Promise.all([
    db.member.findMany({
      where: { organisationId, ...(memberId ? { NOT: { id: memberId } } : {}) },
      select: { id: true, name: true, title: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: {
        organisationId,
        OR: [{ member: null, disabledAt: null }, ...(memberId ? [{ member: { id: memberId } }] : [])],
      },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { managers, users };
}
