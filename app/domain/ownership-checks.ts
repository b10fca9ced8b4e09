/**
 * Who owns each process step, and where that goes wrong. Pure: a function of
 * the steps, the RACI assignments and the team; no I/O, no framework imports.
 *
 * The source names overlapping duties ("明确岗位分工,避免职责交叉") and
 * steps nobody drives as the common organisational failures; these checks
 * find them.
 */
import {
  FLOW_SECTIONS,
  isAccountable,
  isResponsible,
  rowRoles,
  type RaciLetter,
  type RaciRow,
  type StepSection,
} from "./process-steps";
import { fteByRole, type TeamMember } from "./team";
import type { RoleId } from "./types";

export interface OwnershipStep {
  key: string;
  section: StepSection;
  position: number;
  /** settled by an accepted decision (and unchanged since): not flagged */
  resolved: boolean;
  /** no longer part of the process: not flagged, not in the flow */
  retired: boolean;
}

export interface RaciCell {
  stepKey: string;
  roleId: RoleId;
  letter: RaciLetter;
}

export const FLAG_CODES = ["no_accountable", "several_accountable", "no_responsible", "unstaffed_owner"] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export type OwnershipFlag =
  | { code: "no_accountable" }
  | { code: "several_accountable"; roles: RoleId[] }
  | { code: "no_responsible" }
  /** responsible or accountable roles that no member of the team holds */
  | { code: "unstaffed_owner"; roles: RoleId[] };

export interface StepCheck {
  stepKey: string;
  flags: OwnershipFlag[];
}

export interface OwnershipReport {
  /** the flagged steps, in step order, each with its flags */
  flagged: StepCheck[];
  /** how many steps are flagged */
  flaggedSteps: number;
  /** how many problems there are (a step may have several) */
  problems: number;
  /** per flag code, how many steps have it */
  byCode: Record<FlagCode, number>;
}

/** The rows of the matrix: step key → role → letter. */
export function rowsByStep(cells: readonly RaciCell[]): Map<string, RaciRow> {
  const rows = new Map<string, RaciRow>();
  for (const cell of cells) {
    let row = rows.get(cell.stepKey);
    if (!row) rows.set(cell.stepKey, (row = {}));
    row[cell.roleId] = cell.letter;
  }
  return rows;
}

/** The roles the team staffs: held by at least one member, for some share of their time. */
export function staffedRoles(members: readonly TeamMember[]): Set<RoleId> {
  const fte = fteByRole(members);
  return new Set((Object.keys(fte) as RoleId[]).filter((roleId) => fte[roleId] > 0));
}

/** A row's accountable roles, whichever roles of the playbook it names (rowRoles order). */
export const accountableRolesOf = (row: RaciRow): RoleId[] =>
  rowRoles(row).filter((roleId) => isAccountable(row[roleId]));
export const responsibleRolesOf = (row: RaciRow): RoleId[] =>
  rowRoles(row).filter((roleId) => isResponsible(row[roleId]));

/** The problems of one row, whatever the step's state. */
export function flagsForRow(row: RaciRow, staffed: ReadonlySet<RoleId>): OwnershipFlag[] {
  const flags: OwnershipFlag[] = [];
  const accountable = accountableRolesOf(row);
  const responsible = responsibleRolesOf(row);
  if (accountable.length === 0) flags.push({ code: "no_accountable" });
  if (accountable.length > 1) flags.push({ code: "several_accountable", roles: accountable });
  if (responsible.length === 0) flags.push({ code: "no_responsible" });
  const unstaffed = rowRoles(row).filter(
    (roleId) => (accountable.includes(roleId) || responsible.includes(roleId)) && !staffed.has(roleId),
  );
  if (unstaffed.length > 0) flags.push({ code: "unstaffed_owner", roles: unstaffed });
  return flags;
}

/**
 * Every problem of the organisation's ownership: steps with no accountable
 * role, with two or more, with no responsible role, or owned by a role no
 * member holds. Retired and resolved steps are not checked.
 */
export function checkOwnership(
  steps: readonly OwnershipStep[],
  cells: readonly RaciCell[],
  team: { members: readonly TeamMember[] },
): OwnershipReport {
  const rows = rowsByStep(cells);
  const staffed = staffedRoles(team.members);
  const byCode = Object.fromEntries(FLAG_CODES.map((code) => [code, 0])) as Record<FlagCode, number>;
  const flagged: StepCheck[] = [];
  let problems = 0;
  for (const step of sortSteps(steps)) {
    if (step.retired || step.resolved) continue;
    const flags = flagsForRow(rows.get(step.key) ?? {}, staffed);
    if (flags.length === 0) continue;
    flagged.push({ stepKey: step.key, flags });
    problems += flags.length;
    for (const flag of flags) byCode[flag.code] += 1;
  }
  return { flagged, flaggedSteps: flagged.length, problems, byCode };
}

/** Steps in the order the matrix shows them: by section, then position. */
export function sortSteps<T extends Pick<OwnershipStep, "section" | "position" | "key">>(steps: readonly T[]): T[] {
  const sectionOrder = (section: StepSection) =>
    ["core", "logistics", "localisation", "data_compliance", "systems"].indexOf(section);
  return [...steps].sort(
    (a, b) =>
      sectionOrder(a.section) - sectionOrder(b.section) || a.position - b.position || a.key.localeCompare(b.key),
  );
}

export interface HandOff {
  fromStep: string;
  toStep: string;
  from: RoleId;
  to: RoleId;
}

/** Who does a step for the hand-offs: its responsible roles, else its accountable ones. */
function doersOf(row: RaciRow): RoleId[] {
  const responsible = responsibleRolesOf(row);
  return responsible.length > 0 ? responsible : accountableRolesOf(row);
}

/**
 * The hand-offs around a step: from whoever does the step before it (in the
 * same section's flow) to whoever does this one, and from this one to the
 * next. A role handing to itself is no hand-off. Systems are owned, not done
 * in order: they have none. Retired steps are skipped.
 */
export function handOffsAround(
  steps: readonly OwnershipStep[],
  cells: readonly RaciCell[],
  stepKey: string,
): HandOff[] {
  const step = steps.find((candidate) => candidate.key === stepKey);
  if (!step || step.retired || !FLOW_SECTIONS.has(step.section)) return [];
  const flow = sortSteps(steps.filter((candidate) => !candidate.retired && candidate.section === step.section));
  const index = flow.findIndex((candidate) => candidate.key === stepKey);
  const rows = rowsByStep(cells);
  const between = (from: OwnershipStep | undefined, to: OwnershipStep | undefined): HandOff[] => {
    if (!from || !to) return [];
    const out: HandOff[] = [];
    for (const a of doersOf(rows.get(from.key) ?? {})) {
      for (const b of doersOf(rows.get(to.key) ?? {})) {
        if (a !== b) out.push({ fromStep: from.key, toStep: to.key, from: a, to: b });
      }
    }
    return out;
  };
  return [...between(flow[index - 1], step), ...between(step, flow[index + 1])];
}
