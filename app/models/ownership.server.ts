import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import {
  checkOwnership,
  flagsForRow,
  rowsByStep,
  sortSteps,
  staffedRoles,
  type OwnershipReport,
  type OwnershipStep,
  type RaciCell,
} from "~/domain/ownership-checks";
import {
  customStepKey,
  isRaciLetter,
  isStepSection,
  missingDefaultSteps,
  rowHolders,
  rowRoles,
  rowWithOwner,
  STEP_KEY_PATTERN,
  type RaciLetter,
  type RaciRow,
  type StepSection,
} from "~/domain/process-steps";
import type { TeamMember } from "~/domain/team";
import { playbookRoleIds } from "~/domain/extension-roles";
import type { Localized, ModelId, RoleId } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { listMembers } from "./member.server";
import { playbookForOrganisation } from "./playbook.server";

/**
 * Data access for ownership: process steps, the RACI matrix and the decision
 * log. Every function is scoped by organisation.
 *
 * An organisation's steps start from its operating model's defaults, with the
 * default RACI of its playbook (issue 13). Until
 * someone changes something, the defaults that are not stored are shown as
 * they are (no GET writes); the first change stores them, in the same
 * transaction (see docs/decisions/0008).
 */

type Tx = Prisma.TransactionClient;

export interface StepView extends OwnershipStep {
  name: Localized;
  /** false for a default step not stored yet */
  stored: boolean;
  /** raised by every rename: the rename form's version (decision 0009); 1 for a default step not stored yet */
  version: number;
}

export interface Ownership {
  steps: StepView[];
  cells: RaciCell[];
  /** the matrix's columns: the roles of the organisation's playbook (playbookRoleIds order) */
  roleIds: RoleId[];
  members: TeamMember[];
  report: OwnershipReport;
}

export function isStepKey(value: string): boolean {
  return STEP_KEY_PATTERN.test(value);
}

async function storedSteps(client: Tx | typeof db, organisationId: string) {
  return client.processStep.findMany({
    where: { organisationId },
    select: {
      id: true,
      key: true,
      section: true,
      nameZh: true,
      nameEn: true,
      position: true,
      resolvedAt: true,
      retiredAt: true,
      version: true,
      assignments: { select: { roleId: true, letter: true } },
    },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
}

/**
 * The organisation's steps and matrix: what is stored, plus the model's
 * defaults not stored yet, over the roles its playbook holds. A cell of a
 * role the playbook no longer holds (a revert or an import left it out;
 * turning a role off is refused while a step names it) is not part of the
 * matrix.
 */
export async function loadSteps({ organisationId, model }: { organisationId: string; model: ModelId }) {
  const [rows, playbook] = await Promise.all([
    storedSteps(db, organisationId),
    playbookForOrganisation(organisationId),
  ]);
  const roleIds = playbookRoleIds(playbook);
  const held = new Set<string>(roleIds);
  const steps: StepView[] = [];
  const cells: RaciCell[] = [];
  for (const row of rows) {
    steps.push({
      key: row.key,
      section: isStepSection(row.section) ? row.section : "core",
      name: { zh: row.nameZh, en: row.nameEn },
      position: row.position,
      resolved: row.resolvedAt !== null,
      retired: row.retiredAt !== null,
      stored: true,
      version: row.version,
    });
    for (const cell of row.assignments) {
      if (isRoleId(cell.roleId) && held.has(cell.roleId) && isRaciLetter(cell.letter))
        cells.push({ stepKey: row.key, roleId: cell.roleId, letter: cell.letter });
    }
  }
  let position = rows.reduce((max, row) => Math.max(max, row.position), -1);
  for (const step of missingDefaultSteps(
    model,
    rows.map((row) => row.key),
    playbook.defaultRaci,
  )) {
    position += 1;
    steps.push({
      key: step.key,
      section: step.section,
      name: step.name,
      position,
      resolved: false,
      retired: false,
      stored: false,
      version: 1,
    });
    for (const roleId of rowRoles(step.raci)) {
      const letter = step.raci[roleId];
      if (letter && held.has(roleId)) cells.push({ stepKey: step.key, roleId, letter });
    }
  }
  return { steps: sortSteps(steps), cells, roleIds };
}

/** Steps, matrix, team and the problems found in them. */
export async function loadOwnership({
  organisationId,
  model,
}: {
  organisationId: string;
  model: ModelId;
}): Promise<Ownership> {
  const [{ steps, cells, roleIds }, members] = await Promise.all([
    loadSteps({ organisationId, model }),
    listMembers({ organisationId }),
  ]);
  return { steps, cells, roleIds, members, report: checkOwnership(steps, cells, { members }) };
}

/** Stores the model's defaults that are not stored yet, with their RACI. Idempotent. */
async function storeDefaults(tx: Tx, organisationId: string, model: ModelId): Promise<void> {
  const rows = await tx.processStep.findMany({ where: { organisationId }, select: { key: true, position: true } });
  let position = rows.reduce((max, row) => Math.max(max, row.position), -1);
  // the default RACI of the organisation's playbook, read in the transaction (a version is cached once parsed)
  const { defaultRaci } = await playbookForOrganisation(organisationId, tx);
  for (const step of missingDefaultSteps(
    model,
    rows.map((row) => row.key),
    defaultRaci,
  )) {
    position += 1;
    await tx.processStep.create({
      data: {
        organisationId,
        key: step.key,
        section: step.section,
        nameZh: step.name.zh,
        nameEn: step.name.en,
        position,
        assignments: {
          create: rowRoles(step.raci).map((roleId) => ({
            roleId,
            letter: step.raci[roleId]!,
          })),
        },
      },
    });
  }
}

/** Stores the model's default steps that are not stored yet (the demo seed starts from them). */
export async function storeDefaultSteps({
  organisationId,
  model,
}: {
  organisationId: string;
  model: ModelId;
}): Promise<void> {
  await db.$transaction((tx) => storeDefaults(tx, organisationId, model));
}

/** For routes that act on one step: stores the defaults, then finds the step (active unless asked otherwise). */
async function stepForChange(
  tx: Tx,
  organisationId: string,
  model: ModelId,
  key: string,
  options: { activeOnly?: boolean } = {},
) {
  await storeDefaults(tx, organisationId, model);
  const step = await tx.processStep.findUnique({
    where: { organisationId_key: { organisationId, key } },
    select: {
      id: true,
      key: true,
      section: true,
      nameZh: true,
      nameEn: true,
      version: true,
      retiredAt: true,
      resolvedAt: true,
      assignments: { select: { roleId: true, letter: true } },
    },
  });
  if (!step || (options.activeOnly !== false && step.retiredAt !== null)) return null;
  return step;
}

function rowOf(assignments: { roleId: string; letter: string }[]): RaciRow {
  const row: RaciRow = {};
  for (const cell of assignments)
    if (isRoleId(cell.roleId) && isRaciLetter(cell.letter)) row[cell.roleId] = cell.letter;
  return row;
}

/* ------------------------------------------------------------------ */
/* One step                                                             */
/* ------------------------------------------------------------------ */

export interface ProposalView {
  id: string;
  ownerRoleId: RoleId;
  status: "proposed" | "accepted" | "rejected";
  reason: string;
  proposerUserId: string | null;
  proposerName: string;
  flags: string[];
  deciderName: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

function parseFlags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** A step with its row, its problems and its decision log (newest first); null when the organisation has no such step. */
export async function getStep({ organisationId, model, key }: { organisationId: string; model: ModelId; key: string }) {
  if (!isStepKey(key)) return null;
  const ownership = await loadOwnership({ organisationId, model });
  const step = ownership.steps.find((candidate) => candidate.key === key);
  if (!step) return null;
  const row = rowsByStep(ownership.cells).get(key) ?? {};
  const stored = step.stored
    ? await db.processStep.findUnique({ where: { organisationId_key: { organisationId, key } }, select: { id: true } })
    : null;
  const proposals = stored
    ? await db.ownershipProposal.findMany({
        where: { organisationId, stepId: stored.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      })
    : [];
  const flagged = ownership.report.flagged.find((check) => check.stepKey === key);
  const changes = stored ? await cellChanges({ organisationId, stepId: stored.id }) : [];
  return {
    ownership,
    changes,
    step,
    row,
    flags: flagged?.flags ?? [],
    log: proposals.map((proposal): ProposalView => ({
      id: proposal.id,
      ownerRoleId: isRoleId(proposal.ownerRoleId) ? proposal.ownerRoleId : "product_manager",
      status: proposal.status === "accepted" || proposal.status === "rejected" ? proposal.status : "proposed",
      reason: proposal.reason,
      proposerUserId: proposal.proposerUserId,
      proposerName: proposal.proposerName,
      flags: parseFlags(proposal.flags),
      deciderName: proposal.deciderName,
      decisionReason: proposal.decisionReason,
      decidedAt: proposal.decidedAt,
      createdAt: proposal.createdAt,
    })),
  };
}

/** The roles holding a step's row (R or A), for the permission to edit it. */
export function holdersOf(cells: readonly RaciCell[], key: string): RoleId[] {
  return rowHolders(rowsByStep(cells).get(key) ?? {});
}

/* ------------------------------------------------------------------ */
/* Writes                                                               */
/* ------------------------------------------------------------------ */

export type WriteResult = { ok: true } | { ok: false; reason: "not_found" | "conflict" | "not_flagged" | "unchanged" };

/** Who changed a cell, for the decision log. */
export interface ChangedBy {
  userId: string;
  name: string;
}

/** Writes a cell and logs the change (issue 18); a change reopens a resolved step. */
async function writeCell(
  tx: Tx,
  input: {
    organisationId: string;
    stepId: string;
    roleId: RoleId;
    from: string | null;
    to: RaciLetter | null;
    by: ChangedBy | null;
    undoOfId?: string;
  },
) {
  const where = { stepId_roleId: { stepId: input.stepId, roleId: input.roleId } };
  if (input.to === null) await tx.raciAssignment.delete({ where });
  else
    await tx.raciAssignment.upsert({
      where,
      create: { stepId: input.stepId, roleId: input.roleId, letter: input.to },
      update: { letter: input.to },
    });
  await tx.processStep.update({ where: { id: input.stepId }, data: { resolvedAt: null } });
  // a person's change is logged; a seed or fixture (no one) is not a decision
  if (input.by === null) return;
  await tx.raciChange.create({
    data: {
      organisationId: input.organisationId,
      stepId: input.stepId,
      roleId: input.roleId,
      fromLetter: input.from,
      toLetter: input.to,
      byUserId: input.by.userId,
      byName: input.by.name,
      undoOfId: input.undoOfId ?? null,
    },
  });
}

/** Sets one cell (null: no part) and logs the change by `by`. Any change reopens a resolved step. */
export async function setCell(input: {
  organisationId: string;
  model: ModelId;
  key: string;
  roleId: RoleId;
  letter: RaciLetter | null;
  /** who: a person's change is logged and can be undone; without one (a seed), nothing is logged */
  by?: ChangedBy;
}): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false, reason: "not_found" };
    const current = step.assignments.find((cell) => cell.roleId === input.roleId)?.letter ?? null;
    if (current === input.letter) return { ok: true };
    await writeCell(tx, {
      organisationId: input.organisationId,
      stepId: step.id,
      roleId: input.roleId,
      from: current,
      to: input.letter,
      by: input.by ?? null,
    });
    return { ok: true };
  });
}

/**
 * Undoes a logged cell change: the cell gets its letter from before that
 * change, as a new logged change naming the one it undoes. Refused
 * ("conflict") when the cell no longer holds what that change wrote: a later
 * change would be overwritten.
 */
export async function undoCellChange(input: {
  organisationId: string;
  model: ModelId;
  key: string;
  changeId: string;
  by: ChangedBy;
}): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false, reason: "not_found" };
    const change = await tx.raciChange.findFirst({
      where: { id: input.changeId, organisationId: input.organisationId, stepId: step.id },
    });
    if (!change || !isRoleId(change.roleId)) return { ok: false, reason: "not_found" };
    const current = step.assignments.find((cell) => cell.roleId === change.roleId)?.letter ?? null;
    if (current !== change.toLetter) return { ok: false, reason: "conflict" };
    const back = change.fromLetter !== null && isRaciLetter(change.fromLetter) ? change.fromLetter : null;
    await writeCell(tx, {
      organisationId: input.organisationId,
      stepId: step.id,
      roleId: change.roleId,
      from: current,
      to: back,
      by: input.by,
      undoOfId: change.id,
    });
    return { ok: true };
  });
}

/** A step's logged cell changes, newest first. */
export async function cellChanges({ organisationId, stepId }: { organisationId: string; stepId: string }) {
  const rows = await db.raciChange.findMany({
    where: { organisationId, stepId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  const undone = new Set(rows.map((row) => row.undoOfId).filter((id): id is string => id !== null));
  return rows
    .filter((row) => isRoleId(row.roleId))
    .map((row) => ({
      id: row.id,
      roleId: row.roleId as RoleId,
      from: row.fromLetter,
      to: row.toLetter,
      byName: row.byName,
      createdAt: row.createdAt,
      isUndo: row.undoOfId !== null,
      undone: undone.has(row.id),
    }));
}

/** Adds a step at the end of its section; the key is generated. */
export async function addStep(input: {
  organisationId: string;
  model: ModelId;
  section: StepSection;
  name: Localized;
}): Promise<{ key: string }> {
  return db.$transaction(async (tx) => {
    await storeDefaults(tx, input.organisationId, input.model);
    const last = await tx.processStep.aggregate({
      where: { organisationId: input.organisationId },
      _max: { position: true },
    });
    const key = customStepKey(randomUUID());
    await tx.processStep.create({
      data: {
        organisationId: input.organisationId,
        key,
        section: input.section,
        nameZh: input.name.zh,
        nameEn: input.name.en,
        position: (last._max.position ?? -1) + 1,
      },
    });
    return { key };
  });
}

export type RenameResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: { name: Localized; version: number } };

/**
 * Renames a step. `version` is the one the form was loaded from: a rename
 * over a newer one is refused with the name as saved now (a rename to the
 * name it already has is no lost update and passes).
 */
export async function renameStep(input: {
  organisationId: string;
  model: ModelId;
  key: string;
  name: Localized;
  version: number;
}): Promise<RenameResult> {
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false as const, reason: "not_found" as const };
    const current = { name: { zh: step.nameZh, en: step.nameEn }, version: step.version };
    if (current.name.zh === input.name.zh && current.name.en === input.name.en) return { ok: true as const };
    if (step.version !== input.version) return { ok: false as const, reason: "conflict" as const, current };
    const { count } = await tx.processStep.updateMany({
      where: { id: step.id, version: input.version },
      data: { nameZh: input.name.zh, nameEn: input.name.en, version: { increment: 1 } },
    });
    return count === 1 ? { ok: true as const } : { ok: false as const, reason: "conflict" as const, current };
  });
}

/** Swaps a step with its active neighbour in the same section. At the edge: unchanged. */
export async function moveStep(input: {
  organisationId: string;
  model: ModelId;
  key: string;
  direction: "up" | "down";
}): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false, reason: "not_found" };
    const siblings = await tx.processStep.findMany({
      where: { organisationId: input.organisationId, section: step.section, retiredAt: null },
      select: { id: true, key: true, position: true, section: true },
    });
    const ordered = sortSteps(siblings.map((sibling) => ({ ...sibling, section: step.section as StepSection })));
    const index = ordered.findIndex((sibling) => sibling.id === step.id);
    const other = ordered[input.direction === "up" ? index - 1 : index + 1];
    if (!other) return { ok: false, reason: "unchanged" };
    const mine = ordered[index];
    await tx.processStep.update({ where: { id: mine.id }, data: { position: other.position } });
    await tx.processStep.update({ where: { id: other.id }, data: { position: mine.position } });
    return { ok: true };
  });
}

export async function retireStep(input: { organisationId: string; model: ModelId; key: string }): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false, reason: "not_found" };
    await tx.processStep.update({ where: { id: step.id }, data: { retiredAt: new Date() } });
    // a retired step needs no decision: open proposals on it lapse
    await tx.ownershipProposal.updateMany({
      where: { stepId: step.id, status: "proposed" },
      data: { status: "rejected", decisionReason: "retired", decidedAt: new Date() },
    });
    return { ok: true };
  });
}

/** Proposes an owner for a flagged step; one open proposal per step. */
export async function proposeOwner(input: {
  organisationId: string;
  model: ModelId;
  key: string;
  owner: RoleId;
  reason: string;
  proposer: { userId: string; name: string };
}): Promise<WriteResult & { proposalId?: string }> {
  const members = await listMembers({ organisationId: input.organisationId });
  return db.$transaction(async (tx) => {
    const step = await stepForChange(tx, input.organisationId, input.model, input.key);
    if (!step) return { ok: false, reason: "not_found" };
    const flags = step.resolvedAt ? [] : flagsForRow(rowOf(step.assignments), staffedRoles(members));
    if (flags.length === 0) return { ok: false, reason: "not_flagged" };
    const open = await tx.ownershipProposal.count({ where: { stepId: step.id, status: "proposed" } });
    if (open > 0) return { ok: false, reason: "conflict" };
    const proposal = await tx.ownershipProposal.create({
      data: {
        organisationId: input.organisationId,
        stepId: step.id,
        ownerRoleId: input.owner,
        reason: input.reason,
        proposerUserId: input.proposer.userId,
        proposerName: input.proposer.name,
        flags: JSON.stringify(flags.map((flag) => flag.code)),
      },
    });
    return { ok: true, proposalId: proposal.id };
  });
}

/** The keys of the steps with a proposal waiting for a decision. */
export async function stepsWithOpenProposal({ organisationId }: { organisationId: string }): Promise<string[]> {
  const rows = await db.ownershipProposal.findMany({
    where: { organisationId, status: "proposed" },
    select: { step: { select: { key: true } } },
  });
  return rows.map((row) => row.step.key);
}

/** The open proposal of a step with what deciding on it needs: the roles involved and the proposer. */
export async function openProposal({ organisationId, key }: { organisationId: string; key: string }) {
  if (!isStepKey(key)) return null;
  const step = await db.processStep.findUnique({
    where: { organisationId_key: { organisationId, key } },
    select: { id: true, retiredAt: true, assignments: { select: { roleId: true, letter: true } } },
  });
  if (!step || step.retiredAt) return null;
  const proposal = await db.ownershipProposal.findFirst({
    where: { stepId: step.id, status: "proposed" },
    orderBy: { createdAt: "desc" },
  });
  if (!proposal || !isRoleId(proposal.ownerRoleId)) return null;
  const involved = new Set<RoleId>([...rowHolders(rowOf(step.assignments)), proposal.ownerRoleId]);
  return { id: proposal.id, proposerUserId: proposal.proposerUserId, involved: [...involved] };
}

/**
 * Accepts or rejects a proposal. Accepting makes the proposed role the one
 * accountable role and marks the step resolved, in the same transaction.
 */
export async function decideProposal(input: {
  organisationId: string;
  key: string;
  proposalId: string;
  decision: "accept" | "reject";
  reason: string;
  decider: { userId: string; name: string };
}): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const proposal = await tx.ownershipProposal.findFirst({
      where: {
        id: input.proposalId,
        organisationId: input.organisationId,
        status: "proposed",
        step: { key: input.key, retiredAt: null },
      },
      select: {
        id: true,
        ownerRoleId: true,
        step: { select: { id: true, assignments: { select: { roleId: true, letter: true } } } },
      },
    });
    if (!proposal || !isRoleId(proposal.ownerRoleId)) return { ok: false, reason: "conflict" };
    const now = new Date();
    const claimed = await tx.ownershipProposal.updateMany({
      where: { id: proposal.id, status: "proposed" },
      data: {
        status: input.decision === "accept" ? "accepted" : "rejected",
        deciderUserId: input.decider.userId,
        deciderName: input.decider.name,
        decisionReason: input.reason,
        decidedAt: now,
      },
    });
    if (claimed.count !== 1) return { ok: false, reason: "conflict" };
    if (input.decision === "accept") {
      const next = rowWithOwner(rowOf(proposal.step.assignments), proposal.ownerRoleId);
      await tx.raciAssignment.deleteMany({ where: { stepId: proposal.step.id } });
      const data = rowRoles(next).map((roleId) => ({
        stepId: proposal.step.id,
        roleId,
        letter: next[roleId]!,
      }));
      if (data.length > 0) await tx.raciAssignment.createMany({ data });
      await tx.processStep.update({ where: { id: proposal.step.id }, data: { resolvedAt: now } });
    }
    return { ok: true };
  });
}

/** The roles of the organisation's playbook, in the matrix's order (playbookRoleIds). */
export async function ownershipRoleIds({ organisationId }: { organisationId: string }): Promise<RoleId[]> {
  return playbookRoleIds(await playbookForOrganisation(organisationId));
}

/** The names of the roles of the organisation's playbook. */
export async function roleLabelsFor(organisationId: string): Promise<Record<RoleId, Localized>> {
  const playbook = await playbookForOrganisation(organisationId);
  return Object.fromEntries(playbook.roles.map((role) => [role.id, role.label])) as Record<RoleId, Localized>;
}

/**
 * Every proposal waiting for a decision, with what deciding on it needs (the
 * roles involved and the proposer) and its step's name: the home page keeps
 * those its reader may decide (app/domain/next-steps.ts).
 */
export async function openProposals({ organisationId }: { organisationId: string }) {
  const rows = await db.ownershipProposal.findMany({
    where: { organisationId, status: "proposed", step: { retiredAt: null } },
    select: {
      id: true,
      ownerRoleId: true,
      proposerUserId: true,
      createdAt: true,
      step: {
        select: { key: true, nameZh: true, nameEn: true, assignments: { select: { roleId: true, letter: true } } },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((row) => {
    if (!isRoleId(row.ownerRoleId)) return [];
    const involved = [...new Set<RoleId>([...rowHolders(rowOf(row.step.assignments)), row.ownerRoleId])];
    return [
      {
        id: row.id,
        stepKey: row.step.key,
        stepName: { zh: row.step.nameZh, en: row.step.nameEn },
        ownerRoleId: row.ownerRoleId,
        proposerUserId: row.proposerUserId,
        createdAt: row.createdAt,
        involved,
      },
    ];
  });
}
