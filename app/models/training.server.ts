import { sizedForOrganisation } from "./business-profile.server";
import type { Prisma } from "@prisma/client";
import { playbookRoleIds } from "~/domain/extension-roles";
import { isRoleId } from "~/domain/vocabulary";
import { computeTeamGaps, skillGapsForMember } from "~/domain/gaps";
import { latestLevels, type SkillAssessmentRecord } from "~/domain/team";
import { can, type Actor } from "~/domain/permissions";
import { isTrainingKind, type TrainingKind } from "~/domain/training-advice";
import {
  displayStatus,
  editableValues,
  isTrainingStatus,
  itemOutcome,
  trainingFollowUps,
  trainingProgress,
  type EditableField,
  type EditableValues,
  type LatestLevel,
  type TrainingItemRecord,
  type TrainingMember,
  type TrainingProgress,
  type TrainingStatus,
} from "~/domain/training-progress";
import { SKILL_LEVELS, type ModelId, type RoleId, type Playbook, type SkillLevel, type StageId } from "~/domain/types";
import { db } from "~/utils/db.server";
import type { MemberSummary } from "./member.server";
import { keptTeam, keptTeamGaps, revisionsOf } from "./team-state.server";
import { assessmentScopeFor, isRecordId } from "./member-write.server";
import { saveIfVersion } from "./versioned.server";

/**
 * Data access for training plans. Every function is scoped by organisation;
 * the figures come from app/domain/training-progress.ts.
 */

const itemSelect = {
  id: true,
  memberId: true,
  skillId: true,
  fromLevel: true,
  targetLevel: true,
  kind: true,
  provider: true,
  status: true,
  progressPercent: true,
  hours: true,
  startDate: true,
  dueDate: true,
  completedAt: true,
  levelBefore: true,
  reassessmentRequestedAt: true,
  evidence: true,
  version: true,
} satisfies Prisma.TrainingItemSelect;

type ItemRow = Prisma.TrainingItemGetPayload<{ select: typeof itemSelect }>;

function toRecord(row: ItemRow): TrainingItemRecord {
  return {
    ...row,
    kind: isTrainingKind(row.kind) ? row.kind : "course",
    status: isTrainingStatus(row.status) ? row.status : "planned",
  };
}

function toTrainingMember(member: MemberSummary): TrainingMember {
  return {
    id: member.id,
    name: member.name,
    department: member.department,
    roleIds: member.roles.map((role) => role.roleId),
  };
}

/** The scope "training.*" is checked against for a member: their departments and account. */
export function trainingScopeFor(member: Pick<MemberSummary, "department" | "roles" | "userId">) {
  return assessmentScopeFor({
    department: member.department,
    roles: member.roles.map((role) => ({ roleId: role.roleId })),
    userId: member.userId,
  });
}

/**
 * Training progress of the members the reader may see (all of them for an
 * API token: `actor` null), as the domain computes it.
 */
export async function loadTrainingProgress({
  organisationId,
  actor,
  organisation,
  playbook,
  today = new Date(),
  withTexts = true,
}: {
  organisationId: string;
  actor: Actor | null;
  /** false: leave out the free texts (provider, evidence) the page's list does not show */
  withTexts?: boolean;
  organisation: { operatingModel: ModelId; stage: StageId };
  playbook: Playbook;
  today?: Date;
}): Promise<TrainingProgress> {
  const { members: allMembers, assessments, items: itemRows } = await trainingInputs(organisationId, withTexts);
  const members = actor
    ? allMembers.filter((member) => can(actor, "training.read", { organisationId, ...trainingScopeFor(member) }))
    : allMembers;
  const visible = new Set(members.map((member) => member.id));
  const recommendation = (
    await sizedForOrganisation({
      organisationId: organisationId,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook,
    })
  ).recommendation;
  const visibleAssessments = assessments.filter((assessment) => visible.has(assessment.memberId));
  // a reader of everyone (HR, managers, the API) gets the gaps kept for the team (decision 0017)
  const gaps =
    members.length === allMembers.length
      ? (await keptTeamGaps(organisationId, recommendation)).gaps
      : computeTeamGaps(recommendation, members, visibleAssessments);
  const openGaps = new Map(
    gaps.members.map((member) => [
      member.memberId,
      member.skills.filter((skill) => skill.gap > 0).map((skill) => skill.skillId),
    ]),
  );
  const latest = new Map<string, Map<string, LatestLevel>>();
  for (const assessment of visibleAssessments) {
    let bySkill = latest.get(assessment.memberId);
    if (!bySkill) latest.set(assessment.memberId, (bySkill = new Map()));
    bySkill.set(assessment.skillId, {
      level: assessment.level,
      assessedAt: assessment.assessedAt,
      recordedAt: assessment.recordedAt,
    });
  }
  return trainingProgress({
    items: actor ? itemRows.filter((row) => visible.has(row.memberId)) : itemRows,
    members: members.map(toTrainingMember),
    latest,
    openGaps,
    today,
    skillOrder: playbook.skills.map((skill) => skill.id),
    roleOrder: playbookRoleIds(playbook),
  });
}

/** Completed items waiting for their re-assessment, and members with a gap and no plan: the whole organisation's. */
export interface TrainingFollowUps {
  awaiting: { itemId: string; member: MemberSummary; skillId: string; requestedAt: Date }[];
  uncovered: { member: MemberSummary; skillIds: string[] }[];
}

const followUpsCache = new Map<string, { stamp: string; value: Promise<TrainingFollowUps> }>();

/**
 * The organisation's training follow-ups (`trainingFollowUps` of the domain)
 * for every member, kept per worker until a revision or the recommendation
 * moves: the home page of HR or a lead asks on every visit, and at 5,000
 * members computing the whole progress report for it took most of the
 * request. Callers keep what their reader may see.
 */
export async function keptTrainingFollowUps({
  organisationId,
  organisation,
  playbook,
}: {
  organisationId: string;
  organisation: { operatingModel: ModelId; stage: StageId };
  playbook: Playbook;
}): Promise<TrainingFollowUps> {
  const [revisions, sized] = await Promise.all([
    revisionsOf(organisationId),
    sizedForOrganisation({
      organisationId,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook,
    }),
  ]);
  const recommendation = sized.recommendation;
  const stamp = `${revisions.team}:${revisions.training}:${JSON.stringify(recommendation)}`;
  const cached = followUpsCache.get(organisationId);
  if (cached && cached.stamp === stamp) return cached.value;
  const value = Promise.all([trainingInputs(organisationId, false), keptTeamGaps(organisationId, recommendation)]).then(
    ([{ members, assessments, items }, { gaps }]) => {
      const latest = new Map<string, Map<string, LatestLevel>>();
      for (const assessment of assessments) {
        let bySkill = latest.get(assessment.memberId);
        if (!bySkill) latest.set(assessment.memberId, (bySkill = new Map()));
        bySkill.set(assessment.skillId, {
          level: assessment.level,
          assessedAt: assessment.assessedAt,
          recordedAt: assessment.recordedAt,
        });
      }
      const openGaps = new Map(
        gaps.members.map((member) => [
          member.memberId,
          member.skills.filter((skill) => skill.gap > 0).map((skill) => skill.skillId),
        ]),
      );
      const byId = new Map(members.map((member) => [member.id, member]));
      const followUps = trainingFollowUps({ items, memberIds: members.map((member) => member.id), latest, openGaps });
      return {
        awaiting: followUps.awaiting.flatMap((item) => {
          const member = byId.get(item.memberId);
          return member
            ? [{ itemId: item.id, member, skillId: item.skillId, requestedAt: item.reassessmentRequestedAt! }]
            : [];
        }),
        uncovered: followUps.uncovered.map((entry) => ({
          member: byId.get(entry.memberId)!,
          skillIds: entry.skillIds,
        })),
      };
    },
  );
  followUpsCache.delete(organisationId);
  followUpsCache.set(organisationId, { stamp, value });
  if (followUpsCache.size > CACHE_SIZE) followUpsCache.delete(followUpsCache.keys().next().value as string);
  value.catch(() => followUpsCache.delete(organisationId));
  return value;
}

/* ------------------------------------------------------------------ */
/* The inputs of the progress page, kept while nothing they read changed */
/* ------------------------------------------------------------------ */

interface TrainingInputs {
  members: readonly MemberSummary[];
  assessments: readonly SkillAssessmentRecord[];
  items: TrainingItemRecord[];
}

const CACHE_SIZE = 16;
const inputsCache = new Map<string, { stamp: string; inputs: Promise<TrainingInputs> }>();

/**
 * The members, their latest assessments and every item: read from the
 * database when the organisation's revisions moved, else the copy read last
 * time (the page and the API read them all on every request; see decisions
 * 0006 and 0017). The revisions are raised by SQLite triggers on every write
 * to members, roles, assessments (`team`) and training items (`training`):
 * one primary-key read, the same stamp the team pages use.
 */
async function trainingInputs(organisationId: string, withTexts: boolean): Promise<TrainingInputs> {
  const key = `${organisationId}:${withTexts ? "texts" : "lean"}`;
  const revisions = await revisionsOf(organisationId);
  const stamp = `${revisions.team}:${revisions.training}`;
  const cached = inputsCache.get(key);
  if (cached && cached.stamp === stamp) return cached.inputs;
  const inputs = Promise.all([
    keptTeam(organisationId, revisions.team),
    allTrainingItems(organisationId, withTexts),
  ]).then(([team, items]) => ({
    members: team.members,
    assessments: team.assessments,
    items,
  }));
  inputsCache.delete(key);
  inputsCache.set(key, { stamp, inputs });
  if (inputsCache.size > CACHE_SIZE) inputsCache.delete(inputsCache.keys().next().value as string);
  inputs.catch(() => inputsCache.delete(key));
  return inputs;
}

type RawDate = Date | string | number | bigint | null;
const asDate = (value: RawDate): Date | null =>
  value === null ? null : new Date(typeof value === "bigint" ? Number(value) : value);
const asInt = (value: number | bigint | null): number | null => (value === null ? null : Number(value));

/**
 * Every item of the organisation, oldest first, read with one plain query:
 * the progress page reads them all on every request (10,000 at the benchmark's
 * size), and the ORM's row mapping was most of its time (decision 0006).
 */
async function allTrainingItems(organisationId: string, withTexts: boolean): Promise<TrainingItemRecord[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      memberId: string;
      skillId: string;
      fromLevel: number | bigint;
      targetLevel: number | bigint;
      kind: string;
      provider: string;
      status: string;
      progressPercent: number | bigint;
      hours: number | bigint;
      startDate: RawDate;
      dueDate: RawDate;
      completedAt: RawDate;
      levelBefore: number | bigint | null;
      reassessmentRequestedAt: RawDate;
      evidence: string;
      version: number | bigint;
    }[]
  >`SELECT "id", "memberId", "skillId", "fromLevel", "targetLevel", "kind", CASE WHEN ${withTexts ? 1 : 0} = 1 THEN "provider" ELSE '' END AS "provider", "status",
           "progressPercent", "hours", "startDate", "dueDate", "completedAt", "levelBefore", "reassessmentRequestedAt",
           CASE WHEN ${withTexts ? 1 : 0} = 1 THEN "evidence" ELSE '' END AS "evidence", "version"
    FROM "TrainingItem" WHERE "organisationId" = ${organisationId} ORDER BY "createdAt", "id"`;
  return rows.map((row) => ({
    id: row.id,
    memberId: row.memberId,
    skillId: row.skillId,
    fromLevel: Number(row.fromLevel),
    targetLevel: Number(row.targetLevel),
    kind: isTrainingKind(row.kind) ? row.kind : "course",
    provider: row.provider,
    status: isTrainingStatus(row.status) ? row.status : "planned",
    progressPercent: Number(row.progressPercent),
    hours: Number(row.hours),
    startDate: asDate(row.startDate),
    dueDate: asDate(row.dueDate),
    completedAt: asDate(row.completedAt),
    levelBefore: asInt(row.levelBefore),
    reassessmentRequestedAt: asDate(row.reassessmentRequestedAt),
    evidence: row.evidence,
    version: Number(row.version),
  }));
}

/** One member's items, oldest first. */
export async function memberTrainingItems({
  organisationId,
  memberId,
}: {
  organisationId: string;
  memberId: string;
}): Promise<TrainingItemRecord[]> {
  const rows = await db.trainingItem.findMany({
    where: { organisationId, memberId },
    select: itemSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

export interface NewTrainingItem {
  skillId: string;
  fromLevel: number;
  targetLevel: number;
  kind: TrainingKind;
  provider: string;
  startDate: Date | null;
  dueDate: Date | null;
  hours: number;
}

/** Adds items to a member's plan, all or none. */
export async function createTrainingItems({
  organisationId,
  memberId,
  items,
  createdById,
}: {
  organisationId: string;
  memberId: string;
  items: readonly NewTrainingItem[];
  createdById: string;
}): Promise<{ ok: true; created: number } | { ok: false; reason: "not_found" | "empty" }> {
  if (items.length === 0) return { ok: false, reason: "empty" };
  if (!isRecordId(memberId)) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({ where: { id: memberId, organisationId }, select: { id: true } });
    if (!member) return { ok: false as const, reason: "not_found" as const };
    for (const item of items) {
      await tx.trainingItem.create({ data: { organisationId, memberId, createdById, ...item } });
    }
    return { ok: true as const, created: items.length };
  });
}

/**
 * The little a route needs to authorise a request about an item: its
 * organisation and its member's scope. Looked up by id alone; the route
 * hands the organisation to requirePermission (another's → 404).
 */
export async function findItemToAuthorise({ itemId }: { itemId: string }) {
  if (!isRecordId(itemId)) return null;
  const row = await db.trainingItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      organisationId: true,
      member: { select: { id: true, name: true, department: true, userId: true, roles: { select: { roleId: true } } } },
    },
  });
  if (!row) return null;
  const roleIds = { has: isRoleId };
  const department =
    row.member.department && roleIds.has(row.member.department)
      ? (row.member.department as MemberSummary["department"])
      : null;
  const roles = row.member.roles
    .filter((role) => roleIds.has(role.roleId))
    .map((role) => ({ roleId: role.roleId as RoleId }));
  return {
    id: row.id,
    organisationId: row.organisationId,
    member: { id: row.member.id, name: row.member.name, userId: row.member.userId },
    scope: assessmentScopeFor({ department, roles, userId: row.member.userId }),
  };
}

export async function getTrainingItem({
  organisationId,
  itemId,
}: {
  organisationId: string;
  itemId: string;
}): Promise<TrainingItemRecord | null> {
  if (!isRecordId(itemId)) return null;
  const row = await db.trainingItem.findFirst({ where: { id: itemId, organisationId }, select: itemSelect });
  return row ? toRecord(row) : null;
}

/** What a save sets, already validated; only the fields the person may change. */
export interface TrainingItemChanges {
  targetLevel?: number;
  kind?: TrainingKind;
  provider?: string;
  startDate?: Date | null;
  dueDate?: Date | null;
  hours?: number;
  status?: TrainingStatus;
  progressPercent?: number;
  evidence?: string;
}

export type SaveItemResult =
  | { ok: true; item: TrainingItemRecord; reassessmentRequested: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: TrainingItemRecord; theirs: EditableValues };

/**
 * Saves an item if nobody saved it since `version` was loaded (the shared
 * saveIfVersion, decision 0009): a conditional
 * update (where id and version), so two saves of one version cannot both
 * land. Completing asks for a re-assessment: the level before is the member's
 * latest assessment of the skill; reopening clears it.
 */
export async function saveTrainingItem({
  organisationId,
  itemId,
  version,
  changes,
  now = new Date(),
}: {
  organisationId: string;
  itemId: string;
  version: number;
  changes: TrainingItemChanges;
  now?: Date;
}): Promise<SaveItemResult> {
  if (!isRecordId(itemId)) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    let reassessmentRequested = false;
    const saved = await saveIfVersion({
      version,
      load: async () => {
        const row = await tx.trainingItem.findFirst({ where: { id: itemId, organisationId }, select: itemSelect });
        return row ? toRecord(row) : null;
      },
      claim: async (current) => {
        const data: Prisma.TrainingItemUpdateManyMutationInput = { ...changes, version: { increment: 1 } };
        const status = changes.status ?? current.status;
        if (status === "completed" && current.status !== "completed") {
          const latest = await tx.skillAssessment.findFirst({
            where: { organisationId, memberId: current.memberId, skillId: current.skillId },
            orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
            select: { level: true },
          });
          data.completedAt = now;
          data.reassessmentRequestedAt = now;
          data.levelBefore = latest?.level ?? 0;
          data.progressPercent = 100;
          reassessmentRequested = true;
        } else if (status !== "completed" && current.status === "completed") {
          data.completedAt = null;
          data.reassessmentRequestedAt = null;
          data.levelBefore = null;
        }
        return tx.trainingItem.updateMany({ where: { id: itemId, organisationId, version }, data });
      },
      then: async () => toRecord(await tx.trainingItem.findFirstOrThrow({ where: { id: itemId }, select: itemSelect })),
    });
    if (saved.ok) return { ok: true as const, item: saved.saved, reassessmentRequested };
    if (saved.reason === "not_found") return saved;
    return {
      ok: false as const,
      reason: "conflict" as const,
      current: saved.current,
      theirs: editableValues(saved.current),
    };
  });
}

export type { EditableField };

/**
 * A member's gaps and latest levels, for proposing a plan and for the level
 * an item starts from (the server's, never the form's). Null for an unknown
 * member or another organisation's.
 */
export async function memberGapsForTraining({
  organisationId,
  memberId,
  organisation,
  playbook,
}: {
  organisationId: string;
  memberId: string;
  organisation: { operatingModel: ModelId; stage: StageId };
  playbook: Playbook;
}) {
  if (!isRecordId(memberId)) return null;
  const member = await db.member.findFirst({
    where: { id: memberId, organisationId },
    select: {
      id: true,
      name: true,
      department: true,
      managerId: true,
      userId: true,
      roles: { select: { roleId: true, sharePercent: true } },
    },
  });
  if (!member) return null;
  const assessments = await db.skillAssessment.findMany({
    where: { organisationId, memberId },
    select: { skillId: true, level: true, assessedOn: true, createdAt: true },
    orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const roleIds = { has: isRoleId };
  const teamMember = {
    id: member.id,
    name: member.name,
    department:
      member.department && roleIds.has(member.department) ? (member.department as MemberSummary["department"]) : null,
    managerId: member.managerId,
    roles: member.roles
      .filter((role) => roleIds.has(role.roleId))
      .map((role) => ({ roleId: role.roleId as RoleId, share: role.sharePercent / 100 })),
  };
  const levels = latestLevels(
    assessments.map((a) => ({
      memberId: member.id,
      skillId: a.skillId,
      level: asLevel(a.level),
      assessedAt: a.assessedOn,
      recordedAt: a.createdAt,
    })),
  );
  const recommendation = (
    await sizedForOrganisation({
      organisationId: organisationId,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook,
    })
  ).recommendation;
  const gaps = skillGapsForMember(teamMember, recommendation, levels);
  return {
    member: { ...teamMember, userId: member.userId },
    gaps,
    levels: levels.get(member.id) ?? new Map<string, SkillLevel>(),
  };
}

const asLevel = (value: number): SkillLevel =>
  (SKILL_LEVELS as readonly number[]).includes(value) ? (value as SkillLevel) : 0;

/** A member's items with their status and outcome, for the plan on the member page. */
export async function memberTrainingRows({
  organisationId,
  memberId,
  today = new Date(),
}: {
  organisationId: string;
  memberId: string;
  today?: Date;
}) {
  const [items, assessments] = await Promise.all([
    memberTrainingItems({ organisationId, memberId }),
    db.skillAssessment.findMany({
      where: { organisationId, memberId },
      select: { skillId: true, level: true, assessedOn: true, createdAt: true },
      orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  const latest = new Map<string, LatestLevel>();
  for (const a of assessments)
    if (!latest.has(a.skillId))
      latest.set(a.skillId, { level: a.level, assessedAt: a.assessedOn, recordedAt: a.createdAt });
  return items.map((item) => {
    const outcome = itemOutcome(item, latest.get(item.skillId));
    return {
      id: item.id,
      skillId: item.skillId,
      kind: item.kind,
      provider: item.provider,
      display: displayStatus(item, today),
      dueDate: item.dueDate,
      progressPercent: item.progressPercent,
      fromLevel: item.fromLevel,
      targetLevel: item.targetLevel,
      levelBefore: item.levelBefore,
      levelAfter: outcome.levelAfter,
      awaiting: outcome.awaitingReassessment,
      gapClosed: outcome.gapClosed,
    };
  });
}

/** The member's latest assessment of one skill (the level an item's outcome is read from), or null. */
export async function latestAssessmentOf({
  organisationId,
  memberId,
  skillId,
}: {
  organisationId: string;
  memberId: string;
  skillId: string;
}) {
  return db.skillAssessment.findFirst({
    where: { organisationId, memberId, skillId },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    select: { level: true, assessedOn: true, createdAt: true },
  });
}
