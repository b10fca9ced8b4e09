/**
 * The assessment grid (issue 18): many skill assessments saved in one
 * submit, either one member × the skills of their roles, or one department ×
 * one skill. Pure: which submitted cells are changes, which are refused, and
 * which were changed by someone else since the grid was loaded. The model
 * (app/models/member-write.server.ts) runs this inside the transaction that
 * writes, against the latest assessments it reads there.
 */
import type { SkillLevel } from "./types";

/** Most cells one grid shows and one submit carries: a department beyond this is paged by role. */
export const GRID_MAX_CELLS = 200;

/** What a grid is about: one member and the skills of their roles, or one department and one skill. */
export type GridSubject =
  { kind: "member"; memberId: string } | { kind: "department"; department: string; skillId: string };

/** The latest assessment of one member and skill, as the grid shows it. */
export interface LastAssessment {
  id: string;
  level: SkillLevel;
  assessedOn: Date;
}

/** A cell of the grid as the server knows it now. */
export interface GridCellState {
  memberId: string;
  skillId: string;
  /** false for the reader's own row: nobody assesses themselves */
  assessable: boolean;
  last: LastAssessment | null;
}

/** A cell as submitted: the level typed (null: left empty), and what the form showed when it was loaded. */
export interface SubmittedCell {
  /** the cell's place in the submitted form, where its messages go */
  index: number;
  memberId: string;
  skillId: string;
  level: SkillLevel | null;
  note: string;
  /** the level the form showed ("" when not assessed): what tells a typed change from an untouched cell */
  was: string;
  /** the id of the latest assessment the form showed ("" when none): its version */
  seen: string;
}

export const cellKey = (memberId: string, skillId: string) => `${memberId}\u0000${skillId}`;

export type CellRefusal =
  | { index: number; code: "not_in_grid" | "self" | "duplicate" }
  /** assessed by someone else since the grid was loaded: the cell shows the new latest, the typed level stays */
  | { index: number; code: "changed_meanwhile"; current: LastAssessment | null };

export interface GridWrite {
  index: number;
  memberId: string;
  skillId: string;
  level: SkillLevel;
  note: string;
}

/**
 * Which cells to write: a cell is a change when a level is typed and it
 * differs from the level the form showed, or a note is written (an
 * assessment confirming the same level with a note is news). A cell left as
 * it was is never written, even when someone changed it meanwhile. A change
 * is refused when the cell is not part of this grid, is the reader's own, is
 * sent twice, or was assessed by someone else since the form was loaded
 * (its latest assessment is no longer the one the form showed); one refusal
 * refuses the whole submit.
 */
export function planGridSave(
  cells: ReadonlyMap<string, GridCellState>,
  submitted: readonly SubmittedCell[],
): { writes: GridWrite[]; refusals: CellRefusal[] } {
  const writes: GridWrite[] = [];
  const refusals: CellRefusal[] = [];
  const seenKeys = new Set<string>();
  for (const cell of submitted) {
    const index = cell.index;
    const key = cellKey(cell.memberId, cell.skillId);
    if (seenKeys.has(key)) {
      refusals.push({ index, code: "duplicate" });
      continue;
    }
    seenKeys.add(key);
    const touched = cell.level !== null && (String(cell.level) !== cell.was || cell.note !== "");
    if (!touched || cell.level === null) continue;
    const state = cells.get(key);
    if (!state) {
      refusals.push({ index, code: "not_in_grid" });
      continue;
    }
    if (!state.assessable) {
      refusals.push({ index, code: "self" });
      continue;
    }
    // someone else's assessment at the very level typed, and no note: nothing to add, nothing to refuse
    const same = state.last?.level === cell.level && cell.note === "";
    if ((state.last?.id ?? "") !== cell.seen) {
      if (!same) refusals.push({ index, code: "changed_meanwhile", current: state.last });
      continue;
    }
    if (!same)
      writes.push({ index, memberId: cell.memberId, skillId: cell.skillId, level: cell.level, note: cell.note });
  }
  return { writes, refusals };
}

/**
 * The grid an address asks for: `?member=<id>`, or `?department=<role id>&skill=<skill id>`
 * of this organisation's playbook; null when it names neither (the page then offers a choice).
 */
export function gridSubjectFrom(
  params: URLSearchParams,
  known: { departments: readonly string[]; skills: readonly string[] },
): GridSubject | null {
  const member = params.get("member");
  if (member !== null && /^[A-Za-z0-9_-]{1,64}$/.test(member)) return { kind: "member", memberId: member };
  const department = params.get("department");
  const skillId = params.get("skill");
  if (
    department !== null &&
    skillId !== null &&
    known.departments.includes(department) &&
    known.skills.includes(skillId)
  ) {
    return { kind: "department", department, skillId };
  }
  return null;
}

/** The address of a grid. */
export function gridHref(subject: GridSubject): string {
  const params: Record<string, string> =
    subject.kind === "member"
      ? { member: subject.memberId }
      : { department: subject.department, skill: subject.skillId };
  return `/team/assess?${new URLSearchParams(params).toString()}`;
}
