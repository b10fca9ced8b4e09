import { budgetOf, type Budget } from "~/domain/hiring-budget";
import type { Choice, PositionOrigin, PositionStatus } from "~/domain/hiring-delta";
import { isPositionOrigin, isPositionStatus, moveInOrder, PIPELINE_STATUSES } from "~/domain/hiring-delta";
import type { RoleId } from "~/domain/types";
import { isModelId, isRoleId, isStageId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import {
  createMemberInTransaction,
  isRecordId,
  writeMember,
  type MemberInput,
  type MemberRefusal,
} from "./member-write.server";
import { saveIfVersion } from "./versioned.server";

/**
 * Hiring by stage: the organisation's target model and stage, and its hiring
 * plan (the organisation's positions, in the order of hires). Every function
 * is scoped by organisation; an id of another organisation is an unknown id.
 * Every write that touches more than one row runs in one transaction.
 */

/** The organisation's target, or null until a manager sets one (or when a stored id is no longer known). */
export async function getHiringTarget({ organisationId }: { organisationId: string }): Promise<Choice | null> {
  const row = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { targetOperatingModel: true, targetStage: true },
  });
  if (!row || !isModelId(row.targetOperatingModel) || !isStageId(row.targetStage)) return null;
  return { model: row.targetOperatingModel, stage: row.targetStage };
}

export async function setHiringTarget({ organisationId, target }: { organisationId: string; target: Choice }) {
  await db.organisation.update({
    where: { id: organisationId },
    data: { targetOperatingModel: target.model, targetStage: target.stage },
  });
}

export interface PositionRow {
  id: string;
  roleId: RoleId;
  headcount: number;
  targetQuarter: string;
  sortOrder: number;
  status: PositionStatus;
  notes: string;
  origin: PositionOrigin;
  title: string;
  reason: string;
  /** the skill and level a skill-driven position hires for */
  skill: { skillId: string; level: number } | null;
  budget: Budget | null;
  owner: { id: string; name: string } | null;
  filledBy: { id: string; name: string } | null;
  updatedAt: Date;
  /** raised by every change of the position form's fields (decision 0009) */
  version: number;
  /** shown to the whole organisation as an open position (listPublicPositions) */
  isPublic: boolean;
}

const positionSelect = {
  id: true,
  roleId: true,
  headcount: true,
  targetQuarter: true,
  sortOrder: true,
  status: true,
  notes: true,
  origin: true,
  title: true,
  reason: true,
  skillId: true,
  skillLevel: true,
  budgetAmount: true,
  budgetCurrency: true,
  updatedAt: true,
  version: true,
  isPublic: true,
  owner: { select: { id: true, name: true } },
  filledBy: { select: { id: true, name: true } },
} as const;

function toRow({
  skillId,
  skillLevel,
  budgetAmount,
  budgetCurrency,
  ...row
}: {
  id: string;
  roleId: string;
  headcount: number;
  targetQuarter: string;
  sortOrder: number;
  status: string;
  notes: string;
  origin: string;
  title: string;
  reason: string;
  skillId: string | null;
  skillLevel: number | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  updatedAt: Date;
  version: number;
  isPublic: boolean;
  owner: { id: string; name: string } | null;
  filledBy: { id: string; name: string } | null;
}): PositionRow | null {
  if (!isRoleId(row.roleId)) return null;
  return {
    ...row,
    roleId: row.roleId,
    status: isPositionStatus(row.status) ? row.status : "planned",
    origin: isPositionOrigin(row.origin) ? row.origin : "delta",
    skill: skillId !== null && skillLevel !== null ? { skillId, level: skillLevel } : null,
    budget: budgetOf(budgetAmount, budgetCurrency),
  };
}

/** The columns of a budget: both set, or both null. */
function budgetColumns(budget: Budget | null) {
  return { budgetAmount: budget?.amount ?? null, budgetCurrency: budget?.currency ?? null };
}

/** The plan's positions, in the order of hires. */
export async function listPositions({ organisationId }: { organisationId: string }): Promise<PositionRow[]> {
  const rows = await db.hiringPosition.findMany({
    where: { organisationId },
    select: positionSelect,
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toRow).filter((row): row is PositionRow => row !== null);
}

/** What everyone in the organisation may read of a public position (PRODUCT.md "Privacy"): no budget, notes, owner, reason or fill. */
export interface PublicPositionRow {
  id: string;
  roleId: RoleId;
  title: string;
  headcount: number;
  targetQuarter: string;
  status: PositionStatus;
}

/**
 * The positions marked public that are still to be filled (planned, open,
 * offer), in the order of hires. Only the public fields are read, so nothing
 * else can reach a member's page by accident.
 */
export async function listPublicPositions({
  organisationId,
}: {
  organisationId: string;
}): Promise<PublicPositionRow[]> {
  const rows = await db.hiringPosition.findMany({
    where: { organisationId, isPublic: true, status: { in: [...PIPELINE_STATUSES] } },
    select: { id: true, roleId: true, title: true, headcount: true, targetQuarter: true, status: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.flatMap((row) =>
    isRoleId(row.roleId) && isPositionStatus(row.status) ? [{ ...row, roleId: row.roleId, status: row.status }] : [],
  );
}

export async function getPosition({ organisationId, positionId }: { organisationId: string; positionId: string }) {
  if (!isRecordId(positionId)) return null;
  const row = await db.hiringPosition.findFirst({ where: { id: positionId, organisationId }, select: positionSelect });
  return row ? toRow(row) : null;
}

/** Only the organisation, to authorise a request about a position (another organisation's answers 404). */
export async function findPositionToAuthorise({ positionId }: { positionId: string }) {
  if (!isRecordId(positionId)) return null;
  return db.hiringPosition.findUnique({ where: { id: positionId }, select: { id: true, organisationId: true } });
}

/** Accounts of the organisation that can own a position (not disabled). */
export async function positionOwnerOptions({ organisationId }: { organisationId: string }) {
  return db.user.findMany({
    where: { organisationId, disabledAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

async function ownerIsValid(organisationId: string, ownerUserId: string | null): Promise<boolean> {
  if (ownerUserId === null) return true;
  if (!isRecordId(ownerUserId)) return false;
  return (await db.user.count({ where: { id: ownerUserId, organisationId, disabledAt: null } })) === 1;
}

export interface NewPosition {
  roleId: RoleId;
  headcount: number;
  targetQuarter: string;
  ownerUserId: string | null;
  notes: string;
  /** "delta" unless said otherwise */
  origin?: PositionOrigin;
  title?: string;
  reason?: string;
  skill?: { skillId: string; level: number } | null;
  budget?: Budget | null;
  /** false unless said otherwise */
  isPublic?: boolean;
}

export type PlanWriteResult = { ok: true; created: number } | { ok: false; reason: "owner_unknown" };

/** Adds the confirmed proposal to the plan, after the positions already there, all or nothing. */
export async function addPositions({
  organisationId,
  positions,
}: {
  organisationId: string;
  positions: readonly NewPosition[];
}): Promise<PlanWriteResult> {
  for (const owner of new Set(positions.map((p) => p.ownerUserId))) {
    if (!(await ownerIsValid(organisationId, owner))) return { ok: false, reason: "owner_unknown" };
  }
  return db.$transaction(async (tx) => {
    const last = await tx.hiringPosition.aggregate({ where: { organisationId }, _max: { sortOrder: true } });
    const start = (last._max.sortOrder ?? -1) + 1;
    await tx.hiringPosition.createMany({
      data: positions.map(({ skill, budget, ...p }, i) => ({
        organisationId,
        ...p,
        skillId: skill?.skillId ?? null,
        skillLevel: skill?.level ?? null,
        ...budgetColumns(budget ?? null),
        sortOrder: start + i,
        status: "planned",
      })),
    });
    return { ok: true as const, created: positions.length };
  });
}

export interface PositionEdit {
  headcount: number;
  targetQuarter: string;
  ownerUserId: string | null;
  notes: string;
  title: string;
  reason: string;
  budget: Budget | null;
  isPublic: boolean;
}

export type PositionWriteResult =
  { ok: true } | { ok: false; reason: "not_found" | "owner_unknown" | "filled_needs_member" };

/** A position's form fields as saved, with its version. */
export type SavedPosition = PositionEdit & { version: number };

/**
 * Managers change a position's details (not its status: see
 * setPositionStatus). `version` is the one the form was loaded from: a save
 * over a newer version is refused with the position as saved now.
 */
export async function updatePosition({
  organisationId,
  positionId,
  version,
  edit,
}: {
  organisationId: string;
  positionId: string;
  version: number;
  edit: PositionEdit;
}): Promise<PositionWriteResult | { ok: false; reason: "conflict"; current: SavedPosition }> {
  if (!isRecordId(positionId)) return { ok: false, reason: "not_found" };
  if (!(await ownerIsValid(organisationId, edit.ownerUserId))) return { ok: false, reason: "owner_unknown" };
  const { budget, ...rest } = edit;
  return db.$transaction(async (tx) => {
    const saved = await saveIfVersion({
      version,
      load: async () => {
        const row = await tx.hiringPosition.findFirst({
          where: { id: positionId, organisationId },
          select: {
            headcount: true,
            targetQuarter: true,
            ownerUserId: true,
            notes: true,
            title: true,
            reason: true,
            budgetAmount: true,
            budgetCurrency: true,
            isPublic: true,
            version: true,
          },
        });
        if (!row) return null;
        const { budgetAmount, budgetCurrency, ...fields } = row;
        return { ...fields, budget: budgetOf(budgetAmount, budgetCurrency) };
      },
      claim: () =>
        tx.hiringPosition.updateMany({
          where: { id: positionId, organisationId, version },
          data: { ...rest, ...budgetColumns(budget), version: { increment: 1 } },
        }),
      then: async () => true,
    });
    return saved.ok ? { ok: true as const } : saved;
  });
}

/**
 * A status other than "filled" (filling names the member: fillPosition).
 * Moving a filled position back to another status unlinks its member.
 */
export async function setPositionStatus({
  organisationId,
  positionId,
  status,
}: {
  organisationId: string;
  positionId: string;
  status: PositionStatus;
}): Promise<PositionWriteResult> {
  if (status === "filled") return { ok: false, reason: "filled_needs_member" };
  if (!isRecordId(positionId)) return { ok: false, reason: "not_found" };
  const { count } = await db.hiringPosition.updateMany({
    where: { id: positionId, organisationId },
    data: { status, filledByMemberId: null },
  });
  return count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/** Moves a position one place up or down in the order of hires; the order is renumbered 0…n−1. */
export async function movePosition({
  organisationId,
  positionId,
  direction,
}: {
  organisationId: string;
  positionId: string;
  direction: -1 | 1;
}): Promise<PositionWriteResult> {
  if (!isRecordId(positionId)) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const ids = (
      await tx.hiringPosition.findMany({
        where: { organisationId },
        select: { id: true },
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      })
    ).map((row) => row.id);
    const index = ids.indexOf(positionId);
    if (index < 0) return { ok: false as const, reason: "not_found" as const };
    const order = moveInOrder(ids, index, direction);
    for (let i = 0; i < order.length; i++) {
      await tx.hiringPosition.update({ where: { id: order[i] }, data: { sortOrder: i } });
    }
    return { ok: true as const };
  });
}

export type FillResult =
  | { ok: true; memberId: string }
  | { ok: false; reason: "not_found" | "member_unknown" | "already_filled" }
  | { ok: false; reason: "refused"; refusals: MemberRefusal[] };

/**
 * Fills one seat of a position with an existing member or a new one (made
 * with the member form's rules, holding the position's role full time). A
 * position for several people is split: the filled seat becomes a position
 * of its own, the rest stays open. Member and position are written together.
 */
export async function fillPosition({
  organisationId,
  positionId,
  member,
}: {
  organisationId: string;
  positionId: string;
  member: { existingId: string } | { input: MemberInput };
}): Promise<FillResult> {
  if (!isRecordId(positionId)) return { ok: false, reason: "not_found" };
  let outcome: FillResult = { ok: false, reason: "not_found" };
  const written = await writeMember(() =>
    db.$transaction(async (tx) => {
      const position = await tx.hiringPosition.findFirst({ where: { id: positionId, organisationId } });
      if (!position) return { ok: false, reason: "not_found" };
      if (position.status === "filled" || position.status === "cancelled") {
        outcome = { ok: false, reason: "already_filled" };
        return { ok: false, reason: "not_found" };
      }
      let memberId: string;
      if ("existingId" in member) {
        const found = isRecordId(member.existingId)
          ? await tx.member.findFirst({ where: { id: member.existingId, organisationId }, select: { id: true } })
          : null;
        if (!found) {
          outcome = { ok: false, reason: "member_unknown" };
          return { ok: false, reason: "not_found" };
        }
        memberId = found.id;
      } else {
        const created = await createMemberInTransaction(tx, { organisationId, input: member.input });
        if (!created.ok) return created;
        memberId = created.memberId;
      }
      if (position.headcount > 1) {
        await tx.hiringPosition.update({
          where: { id: position.id },
          data: { headcount: position.headcount - 1, version: { increment: 1 } },
        });
        await tx.hiringPosition.create({
          data: {
            organisationId,
            roleId: position.roleId,
            headcount: 1,
            targetQuarter: position.targetQuarter,
            sortOrder: position.sortOrder,
            status: "filled",
            ownerUserId: position.ownerUserId,
            notes: position.notes,
            origin: position.origin,
            title: position.title,
            reason: position.reason,
            skillId: position.skillId,
            skillLevel: position.skillLevel,
            // a budget is per person: the filled seat keeps it, and so do the seats still open
            budgetAmount: position.budgetAmount,
            budgetCurrency: position.budgetCurrency,
            isPublic: position.isPublic,
            filledByMemberId: memberId,
          },
        });
      } else {
        await tx.hiringPosition.update({
          where: { id: position.id },
          data: { status: "filled", filledByMemberId: memberId },
        });
      }
      outcome = { ok: true, memberId };
      return { ok: true, memberId };
    }),
  );
  if (!written.ok && written.reason === "refused") return { ok: false, reason: "refused", refusals: written.refusals };
  return outcome;
}

/** Members a position can be filled with: the organisation's, by name. */
export async function fillOptions({ organisationId }: { organisationId: string }) {
  return db.member.findMany({
    where: { organisationId },
    select: { id: true, name: true, title: true },
    orderBy: { name: "asc" },
  });
}
