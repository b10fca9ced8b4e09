import { describe, expect, it } from "vitest";
import {
  cellKey,
  gridHref,
  gridSubjectFrom,
  planGridSave,
  type GridCellState,
  type SubmittedCell,
} from "../../app/domain/assessment-grid";
import type { SkillLevel } from "../../app/domain/types";

const last = (id: string, level: SkillLevel) => ({ id, level, assessedOn: new Date("2026-01-01") });
const grid = (states: GridCellState[]) =>
  new Map(states.map((state) => [cellKey(state.memberId, state.skillId), state]));
const cell = (
  index: number,
  skillId: string,
  level: SkillLevel | null,
  shown: { was?: string; seen?: string; note?: string } = {},
): SubmittedCell => ({
  index,
  memberId: "m1",
  skillId,
  level,
  note: shown.note ?? "",
  was: shown.was ?? "",
  seen: shown.seen ?? "",
});

const states = grid([
  { memberId: "m1", skillId: "a", assessable: true, last: null },
  { memberId: "m1", skillId: "b", assessable: true, last: last("x1", 2) },
  { memberId: "self", skillId: "a", assessable: false, last: null },
]);

describe("planGridSave: which cells of a grid are written", () => {
  // a hand-written table: what the form showed, what was typed, what the server knows now → the outcome
  const table: [string, SubmittedCell, "write" | "skip" | string][] = [
    ["a level typed in a cell never assessed", cell(0, "a", 3), "write"],
    ["an empty cell", cell(0, "a", null), "skip"],
    ["the level shown, untouched", cell(0, "b", 2, { was: "2", seen: "x1" }), "skip"],
    ["a new level over the one shown", cell(0, "b", 3, { was: "2", seen: "x1" }), "write"],
    ["the same level with a note", cell(0, "b", 2, { was: "2", seen: "x1", note: "confirmed" }), "write"],
    ["a forged 'was': the level saved now, no note", cell(0, "b", 2, { was: "1", seen: "x1" }), "skip"],
    [
      "a change over an assessment the form did not show",
      cell(0, "b", 3, { was: "1", seen: "x0" }),
      "changed_meanwhile",
    ],
    ["untouched, though assessed by someone meanwhile", cell(0, "b", 1, { was: "1", seen: "x0" }), "skip"],
    ["typed the level someone else recorded meanwhile", cell(0, "b", 2, { was: "1", seen: "x0" }), "skip"],
    ["a cell of another grid", { ...cell(0, "z", 1) }, "not_in_grid"],
    ["the assessor's own row", { ...cell(0, "a", 1), memberId: "self" }, "self"],
  ];
  for (const [name, submitted, outcome] of table) {
    it(name, () => {
      const plan = planGridSave(states, [submitted]);
      if (outcome === "write")
        expect(plan).toEqual({
          writes: [
            {
              index: 0,
              memberId: submitted.memberId,
              skillId: submitted.skillId,
              level: submitted.level,
              note: submitted.note,
            },
          ],
          refusals: [],
        });
      else if (outcome === "skip") expect(plan).toEqual({ writes: [], refusals: [] });
      else expect(plan.refusals.map((refusal) => refusal.code)).toEqual([outcome]);
    });
  }

  it("refuses a cell sent twice, at the place of the second", () => {
    const plan = planGridSave(states, [cell(0, "a", 1), cell(4, "a", 2)]);
    expect(plan.refusals).toEqual([{ index: 4, code: "duplicate" }]);
  });

  it("keeps each cell's place in the form for its message", () => {
    const plan = planGridSave(states, [cell(3, "a", 1), cell(7, "b", 4, { was: "2", seen: "x1" })]);
    expect(plan.writes.map((write) => write.index)).toEqual([3, 7]);
  });
});

describe("the grid's address", () => {
  const known = { departments: ["operations_manager"], skills: ["ad_buying"] };
  it("reads a member, or a known department with a known skill, and nothing else", () => {
    expect(gridSubjectFrom(new URLSearchParams("member=abc_1"), known)).toEqual({ kind: "member", memberId: "abc_1" });
    expect(gridSubjectFrom(new URLSearchParams("department=operations_manager&skill=ad_buying"), known)).toEqual({
      kind: "department",
      department: "operations_manager",
      skillId: "ad_buying",
    });
    for (const query of [
      "",
      "member=a%20b",
      "department=operations_manager",
      "department=ceo&skill=ad_buying",
      "department=operations_manager&skill=juggling",
    ]) {
      expect(gridSubjectFrom(new URLSearchParams(query), known), query).toBeNull();
    }
  });

  it("writes the address it reads", () => {
    const subject = { kind: "department" as const, department: "operations_manager", skillId: "ad_buying" };
    expect(gridSubjectFrom(new URL(`http://x${gridHref(subject)}`).searchParams, known)).toEqual(subject);
  });
});
