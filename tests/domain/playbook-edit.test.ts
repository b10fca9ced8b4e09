/**
 * The organisation's playbook as pure functions (issue 13): validation of
 * edits (property tests), the field-by-field diff, and an edited required
 * level flowing into a member's gap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { skillGapsForMember } from "../../app/domain/gaps";
import { shippedPlaybook } from "../../app/domain/playbook";
import { diffPlaybooks, editedPaths, isEditedUnder, requiredLevelPath } from "../../app/domain/playbook-diff";
import { roleEditOf, withRoleEdited, withSkillAdded, withSkillRetired } from "../../app/domain/playbook-edit";
import {
  splitProblem,
  validatePlaybook,
  validatePlaybookChange,
  validatePlaybookEdit,
} from "../../app/domain/playbook-validation";
import { recommendOrgChart } from "../../app/domain/recommendation";
import {
  CORE_ROLE_IDS,
  STAGE_IDS,
  type Playbook,
  type RoleId,
  type SkillLevel,
  type StageId,
} from "../../app/domain/types";

const roleArb = fc.constantFrom<RoleId>(...CORE_ROLE_IDS);
const levelArb = fc.integer({ min: 0, max: 4 }) as fc.Arbitrary<SkillLevel>;
/** Three levels that never drop with stage. */
const monotoneLevels = fc
  .tuple(levelArb, levelArb, levelArb)
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [SkillLevel, SkillLevel, SkillLevel]);

function withLevels(p: Playbook, roleId: RoleId, skillIndex: number, levels: readonly SkillLevel[]): Playbook {
  const edit = roleEditOf(p, roleId)!;
  const i = skillIndex % edit.skills.length;
  edit.skills[i] = { ...edit.skills[i], levels: { startup: levels[0], growth: levels[1], mature: levels[2] } };
  return withRoleEdited(p, roleId, edit);
}

describe("validating an edited playbook", () => {
  it("accepts any levels that never drop with stage, for any role and skill", () => {
    fc.assert(
      fc.property(roleArb, fc.nat(), monotoneLevels, (roleId, i, levels) => {
        expect(validatePlaybookEdit(shippedPlaybook, withLevels(shippedPlaybook, roleId, i, levels))).toEqual([]);
      }),
    );
  });

  it("refuses any levels that drop from one stage to a later one, naming the role and skill", () => {
    const dropping = fc.tuple(levelArb, levelArb, levelArb).filter(([a, b, c]) => b < a || c < b);
    fc.assert(
      fc.property(roleArb, fc.nat(), dropping, (roleId, i, levels) => {
        const edited = withLevels(shippedPlaybook, roleId, i, levels);
        const skillId = roleEditOf(shippedPlaybook, roleId)!.skills[
          i % roleEditOf(shippedPlaybook, roleId)!.skills.length
        ].skillId;
        const problems = validatePlaybook(edited).map(splitProblem);
        expect(problems.length).toBeGreaterThan(0);
        expect(
          problems.every(
            (p) => p.path === `roles.${roleId}.skills.${skillId}` && p.reason.startsWith("level shrinks from"),
          ),
        ).toBe(true);
      }),
    );
  });

  it("refuses any headcount that shrinks with stage, at the role's headcount path", () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .map(([min, span]) => ({ min, max: min + span }));
    fc.assert(
      fc.property(roleArb, fc.tuple(range, range, range), (roleId, [s, g, m]) => {
        const edit = roleEditOf(shippedPlaybook, roleId)!;
        edit.headcount = { startup: s, growth: g, mature: m };
        const problems = validatePlaybook(withRoleEdited(shippedPlaybook, roleId, edit));
        const shrinks = g.min < s.min || g.max < s.max || m.min < g.min || m.max < g.max;
        expect(problems.some((p) => p.startsWith(`roles.${roleId}.headcount: `) && p.includes("shrinks"))).toBe(
          shrinks,
        );
      }),
    );
  });

  it("keeps ids stable: a removed skill or role is refused, a retired skill is not", () => {
    const removed: Playbook = {
      ...shippedPlaybook,
      skills: shippedPlaybook.skills.filter((s) => s.id !== "content_creation"),
    };
    expect(validatePlaybookChange(shippedPlaybook, removed)).toEqual([
      "skills.content_creation: a skill cannot be removed; retire it instead",
    ]);
    const retired = withSkillRetired(shippedPlaybook, "content_creation");
    expect(validatePlaybookEdit(shippedPlaybook, retired)).toEqual([]);
    // a role may not require a retired skill
    const edit = roleEditOf(retired, "marketing")!;
    edit.skills.push({ skillId: "content_creation", levels: { startup: 1, growth: 2, mature: 3 } });
    expect(validatePlaybook(withRoleEdited(retired, "marketing", edit))).toEqual([
      'roles.marketing.skills.content_creation: the skill "content_creation" is retired; no role may require it',
    ]);
  });

  it("needs both languages and checks the sizing table", () => {
    const p: Playbook = structuredClone(shippedPlaybook);
    p.skills[0].label.zh = " ";
    p.sizing[0] = { ...p.sizing[0], perPerson: { low: 10, high: 5 } };
    p.sizing.push({ ...p.sizing[1] });
    const problems = validatePlaybook(p);
    expect(problems).toContain(`skills.${p.skills[0].id}.label: missing zh translation`);
    expect(problems).toContain("sizing[0].perPerson: low 10 > high 5");
    expect(problems).toContain(
      `sizing[${p.sizing.length - 1}]: a second row for ${p.sizing[1].roleId} and ${p.sizing[1].driver}`,
    );
  });

  it("refuses a collaboration link to a role the playbook does not hold", () => {
    const p: Playbook = structuredClone(shippedPlaybook);
    p.collaborationLinks.push({ from: "marketing", to: "ghost_role" as RoleId, reason: { zh: "无", en: "none" } });
    expect(validatePlaybook(p)).toContain(
      `collaborationLinks[${p.collaborationLinks.length - 1}].to: unknown role "ghost_role"`,
    );
  });
});

describe("diffPlaybooks", () => {
  it("finds nothing between a playbook and itself, and exactly the edited field otherwise", () => {
    expect(diffPlaybooks(shippedPlaybook, structuredClone(shippedPlaybook))).toEqual([]);
    fc.assert(
      fc.property(roleArb, fc.nat(), fc.constantFrom<StageId>(...STAGE_IDS), (roleId, i, stage) => {
        const edit = roleEditOf(shippedPlaybook, roleId)!;
        const row = edit.skills[i % edit.skills.length];
        const before = row.levels[stage];
        // +1 where it can still rise at every later stage, else -1 where earlier stages allow it: a single-field change
        row.levels = { ...row.levels, [stage]: (before === 4 ? 3 : before + 1) as SkillLevel };
        const changes = diffPlaybooks(shippedPlaybook, withRoleEdited(shippedPlaybook, roleId, edit));
        expect(changes).toEqual([
          {
            path: requiredLevelPath(roleId, row.skillId, stage),
            before: String(before),
            after: String(row.levels[stage]),
          },
        ]);
      }),
    );
  });

  it("names added and removed fields, and marks what differs from the shipped playbook", () => {
    const added = withSkillAdded(shippedPlaybook, {
      id: "customs_clearance",
      label: { zh: "报关", en: "Customs" },
      description: { zh: "单证", en: "Documents" },
    });
    const changes = diffPlaybooks(shippedPlaybook, added);
    expect(changes).toContainEqual({ path: "skills.customs_clearance.label.en", before: null, after: "Customs" });
    expect(diffPlaybooks(added, shippedPlaybook)).toContainEqual({
      path: "skills.customs_clearance.label.en",
      before: "Customs",
      after: null,
    });
    const edited = editedPaths(shippedPlaybook, added);
    expect(isEditedUnder(edited, "skills.customs_clearance")).toBe(true);
    expect(isEditedUnder(edited, "skills.ad_buying")).toBe(false);
  });
});

describe("an edited required level flows into the gap", () => {
  it("raises a member's gap by exactly the raise, for any role and skill they are not yet assessed at", () => {
    fc.assert(
      fc.property(roleArb, fc.nat(), fc.integer({ min: 0, max: 4 }), (roleId, i, assessed) => {
        const edit = roleEditOf(shippedPlaybook, roleId)!;
        const row = edit.skills[i % edit.skills.length];
        if (row.levels.mature === 4) return; // cannot raise the mature level
        row.levels = { ...row.levels, mature: (row.levels.mature + 1) as SkillLevel };
        const edited = withRoleEdited(shippedPlaybook, roleId, edit);
        const member = { id: "m", name: "M", department: null, managerId: null, roles: [{ roleId, share: 1 }] };
        const levels = new Map([["m", new Map([[row.skillId, assessed as SkillLevel]])]]);
        const model = shippedPlaybook.roles.find((r) => r.id === roleId)!.appliesTo[0] ?? "platform";
        const gapOf = (p: Playbook) =>
          skillGapsForMember(member, recommendOrgChart(model, "mature", p), levels).skills.find(
            (s) => s.skillId === row.skillId,
          );
        const before = gapOf(shippedPlaybook);
        const after = gapOf(edited);
        if (!before || !after) return; // the role is not core for this model at mature: nothing required
        expect(after.required).toBe(before.required + 1);
        expect(after.gap).toBe(Math.max(0, before.required + 1 - assessed));
      }),
    );
  });
});
