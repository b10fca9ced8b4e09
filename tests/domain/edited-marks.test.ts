import { describe, expect, it } from "vitest";
import {
  editedDefaultRows,
  editedMarks,
  isHeadcountEdited,
  isLevelEdited,
  NO_EDITED_MARKS,
} from "../../app/domain/edited-marks";
import { shippedPlaybook } from "../../app/domain/playbook";
import { editedPaths } from "../../app/domain/playbook-diff";
import { MODEL_IDS, type ModelId, type Playbook, type RoleDefinition, type StageId } from "../../app/domain/types";

const copy = (): Playbook => structuredClone(shippedPlaybook);
const role = (p: Playbook, id: string): RoleDefinition => p.roles.find((r) => r.id === id)!;
const marksFor = (p: Playbook, models: ModelId[], stage: StageId, sized = false) =>
  editedMarks({ edited: editedPaths(shippedPlaybook, p), playbook: p, models, stage, sized });

/** a role and a model for which the shipped role has a table of its own, and one for which it has not */
const withOwnTable = shippedPlaybook.roles.flatMap((r) =>
  MODEL_IDS.filter((m) => r.headcountByModel[m]).map((m) => ({ roleId: r.id, model: m })),
)[0];
const withoutOwnTable = shippedPlaybook.roles.flatMap((r) =>
  MODEL_IDS.filter((m) => !r.headcountByModel[m]).map((m) => ({ roleId: r.id, model: m })),
)[0];

describe("editedMarks: which numbers come from the organisation's edited playbook", () => {
  it("marks nothing for the shipped playbook", () => {
    expect(marksFor(copy(), [...MODEL_IDS], "growth")).toEqual(NO_EDITED_MARKS);
  });

  it("marks a required level edited at the page's stage, not at another stage", () => {
    const p = copy();
    const ops = role(p, "operations_manager");
    const skill = ops.skills[0];
    skill.levels.mature = skill.levels.mature === 4 ? 3 : 4;
    const atMature = marksFor(p, ["platform"], "mature");
    expect(isLevelEdited(atMature, "operations_manager", skill.skillId)).toBe(true);
    expect(atMature.roles.operations_manager).toEqual({ headcount: false, levels: [skill.skillId] });
    expect(isLevelEdited(atMature, "operations_manager", ops.skills[1].skillId)).toBe(false);
    // the same edit says nothing about growth
    expect(marksFor(p, ["platform"], "growth")).toEqual(NO_EDITED_MARKS);
  });

  it("marks a skill a role newly requires", () => {
    const p = copy();
    const taken = new Set(role(p, "marketing").skills.map((s) => s.skillId));
    const extra = p.skills.find((s) => !taken.has(s.id) && !s.retired)!;
    role(p, "marketing").skills.push({ skillId: extra.id, levels: { startup: 1, growth: 1, mature: 1 } });
    expect(isLevelEdited(marksFor(p, ["platform"], "startup"), "marketing", extra.id)).toBe(true);
  });

  it("marks a headcount from the model's own table where the role has one, and ignores the default table there", () => {
    const { roleId, model } = withOwnTable;
    const p = copy();
    role(p, roleId).headcount.growth = { min: 7, max: 9 };
    // the model reads its own table: the default table's edit does not change this number
    expect(isHeadcountEdited(marksFor(p, [model], "growth"), roleId)).toBe(false);
    role(p, roleId).headcountByModel[model]!.growth = { min: 8, max: 9 };
    expect(isHeadcountEdited(marksFor(p, [model], "growth"), roleId)).toBe(true);
    expect(isHeadcountEdited(marksFor(p, [model], "startup"), roleId)).toBe(false);
  });

  it("marks a headcount from the default table, and when a model's own table is dropped", () => {
    const { roleId, model } = withoutOwnTable;
    const p = copy();
    role(p, roleId).headcount.startup = { min: 5, max: 6 };
    expect(isHeadcountEdited(marksFor(p, [model], "startup"), roleId)).toBe(true);
    expect(isHeadcountEdited(marksFor(p, [model], "growth"), roleId)).toBe(false);

    const q = copy();
    delete role(q, withOwnTable.roleId).headcountByModel[withOwnTable.model];
    expect(isHeadcountEdited(marksFor(q, [withOwnTable.model], "mature"), withOwnTable.roleId)).toBe(true);
  });

  it("marks any of a business's channels, and an edited sizing ratio only where sizing applies", () => {
    const { roleId, model } = withoutOwnTable;
    const other = MODEL_IDS.find((m) => m !== model)!;
    const p = copy();
    role(p, roleId).headcount.growth = { min: 6, max: 8 };
    const both = marksFor(p, [other, model], "growth");
    expect(isHeadcountEdited(both, roleId)).toBe(true);

    const q = copy();
    const row = q.sizing[0];
    row.perPerson = { low: row.perPerson.low + 1, high: row.perPerson.high + 1 };
    expect(isHeadcountEdited(marksFor(q, ["platform"], "growth", false), row.roleId)).toBe(false);
    expect(isHeadcountEdited(marksFor(q, ["platform"], "growth", true), row.roleId)).toBe(true);
  });

  it("names the default RACI rows that differ: the page's model's core rows and the shared rows", () => {
    const p = copy();
    const [step] = Object.keys(p.defaultRaci.byModel.b2b!);
    const [shared] = Object.keys(p.defaultRaci.shared);
    p.defaultRaci.byModel.b2b![step] = { ...p.defaultRaci.byModel.b2b![step], data_analysis: "I" };
    p.defaultRaci.shared[shared] = { ...p.defaultRaci.shared[shared], marketing: "C" };
    expect(marksFor(p, ["b2b"], "growth").raciRows).toEqual([`byModel.b2b.${step}`, `shared.${shared}`]);
    // another model's page sees only the shared row
    expect(marksFor(p, ["platform"], "growth").raciRows).toEqual([`shared.${shared}`]);
  });

  it("lists only the roles with something edited", () => {
    const p = copy();
    const da = role(p, "data_analysis").skills[0];
    da.levels.growth = da.levels.growth === 4 ? 3 : 4;
    expect(Object.keys(marksFor(p, [...MODEL_IDS], "growth").roles)).toEqual(["data_analysis"]);
  });

  it("marks a team's ownership row that is still the edited default, not one the team changed", () => {
    const p = copy();
    const [step] = Object.keys(p.defaultRaci.byModel.b2b!);
    const [shared, otherShared] = Object.keys(p.defaultRaci.shared);
    const editedRow = { ...p.defaultRaci.byModel.b2b![step], data_analysis: "I" as const };
    p.defaultRaci.byModel.b2b![step] = editedRow;
    const rows = editedDefaultRows({ marks: marksFor(p, ["b2b"], "growth"), defaultRaci: p.defaultRaci, model: "b2b" });
    expect(rows.fromRow(step, editedRow)).toBe(true);
    // the team changed a cell: its own row, not the playbook's
    expect(rows.fromRow(step, { ...editedRow, data_analysis: "C" })).toBe(false);
    expect(rows.fromRow(step, { ...editedRow, data_analysis: undefined })).toBe(false);
    // rows whose default is not edited, and steps the playbook does not know
    expect(rows.fromRow(shared, p.defaultRaci.shared[shared])).toBe(false);
    expect(rows.fromRow(otherShared, p.defaultRaci.shared[otherShared])).toBe(false);
    expect(rows.fromRow("own_step", {})).toBe(false);
  });
});
