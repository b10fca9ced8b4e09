import { describe, expect, it } from "vitest";
import { hiringDelta } from "../../app/domain/hiring-delta";
import { shippedPlaybook } from "../../app/domain/playbook";
import { skillShortfalls } from "../../app/domain/skill-shortfalls";
import type { SkillAssessmentRecord, TeamMember } from "../../app/domain/team";
import type { RoleId, SkillLevel } from "../../app/domain/types";

/*
 * Levels read by hand from the shipped playbook (decision 0002): a
 * marketplace seller at growth needs of its operations manager platform_rules 3,
 * ad_buying 3, multi_language_culture 2, erp_crm_tools 2 (headcount 1–3);
 * tech_dev is optional (0–1 people) with frontend_dev 2, backend_dev 2,
 * erp_crm_tools 2; compliance_risk is "later" (level 0 everywhere).
 */
const PLATFORM_GROWTH = { model: "platform", stage: "growth" } as const;

const member = (id: string, roles: [RoleId, number][]): TeamMember => ({
  id,
  name: id,
  department: roles[0]?.[0] ?? null,
  managerId: null,
  roles: roles.map(([roleId, share]) => ({ roleId, share })),
});
const assessed = (memberId: string, skillId: string, level: SkillLevel): SkillAssessmentRecord => ({
  memberId,
  skillId,
  level,
  assessedAt: new Date("2026-06-01"),
  recordedAt: new Date("2026-06-01"),
});

function shortfallsOf(
  members: TeamMember[],
  assessments: SkillAssessmentRecord[],
  pipeline: { roleId: string; skillId: string | null }[] = [],
) {
  const team = { members, assessments };
  return skillShortfalls(hiringDelta(team, PLATFORM_GROWTH, PLATFORM_GROWTH, shippedPlaybook), team, pipeline);
}

/** An operations manager who meets everything but what a test leaves out. */
const opsLevels = (id: string, except: Partial<Record<string, SkillLevel>> = {}) =>
  Object.entries({ platform_rules: 3, ad_buying: 3, multi_language_culture: 2, erp_crm_tools: 2, ...except }).map(
    ([skill, level]) => assessed(id, skill, level as SkillLevel),
  );

describe("skillShortfalls", () => {
  it("proposes a skill nobody holding the role reaches, with the member closest to it", () => {
    const found = shortfallsOf(
      [member("ana", [["operations_manager", 1]]), member("chen", [["supply_chain", 1]])],
      [...opsLevels("ana", { platform_rules: 2 }), assessed("chen", "platform_rules", 1)],
    ).filter((s) => s.roleId === "operations_manager");
    expect(found).toEqual([
      {
        roleId: "operations_manager",
        skillId: "platform_rules",
        required: 3,
        bestInRole: 2,
        nobodyIn: "team",
        closest: { memberId: "ana", name: "ana", level: 2, holdsRole: true },
        levelsToGo: 1,
      },
    ]);
  });

  it("says when someone in another role reaches the level already: they are the closest, with nothing to learn", () => {
    const found = shortfallsOf(
      [member("ana", [["operations_manager", 1]]), member("bo", [["marketing", 1]])],
      [...opsLevels("ana", { ad_buying: 1 }), assessed("bo", "ad_buying", 4)],
    ).find((s) => s.roleId === "operations_manager" && s.skillId === "ad_buying");
    expect(found).toMatchObject({
      nobodyIn: "role",
      bestInRole: 1,
      closest: { memberId: "bo", level: 4, holdsRole: false },
      levelsToGo: 0,
    });
  });

  it("breaks ties for the closest: a holder of the role first, then the larger share, then the name", () => {
    const skill = (members: TeamMember[], assessments: SkillAssessmentRecord[]) =>
      shortfallsOf(members, assessments).find(
        (s) => s.roleId === "operations_manager" && s.skillId === "platform_rules",
      )!.closest!.memberId;
    // same level 2: the outsider "aa" comes first by name, but the holder wins
    expect(
      skill(
        [member("zed", [["operations_manager", 1]]), member("aa", [["marketing", 1]])],
        [...opsLevels("zed", { platform_rules: 2 }), assessed("aa", "platform_rules", 2)],
      ),
    ).toBe("zed");
    // two holders at level 2: the larger share of the role wins
    expect(
      skill(
        [
          member("amy", [
            ["operations_manager", 0.3],
            ["marketing", 0.7],
          ]),
          member("zoe", [["operations_manager", 1]]),
        ],
        [...opsLevels("amy", { platform_rules: 2 }), ...opsLevels("zoe", { platform_rules: 2 })],
      ),
    ).toBe("zoe");
    // equal in all else: by name
    expect(
      skill(
        [member("mo", [["operations_manager", 1]]), member("li", [["operations_manager", 1]])],
        [...opsLevels("mo", { platform_rules: 2 }), ...opsLevels("li", { platform_rules: 2 })],
      ),
    ).toBe("li");
    // a higher level beats holding the role
    expect(
      skill(
        [member("ana", [["operations_manager", 1]]), member("bo", [["marketing", 1]])],
        [...opsLevels("ana", { platform_rules: 1 }), assessed("bo", "platform_rules", 2)],
      ),
    ).toBe("bo");
  });

  it("counts a holder who was never assessed as a candidate, below anyone assessed, and nobody else", () => {
    const unassessed = shortfallsOf(
      [member("ana", [["operations_manager", 1]]), member("bo", [["marketing", 1]])],
      [],
    ).find((s) => s.roleId === "operations_manager" && s.skillId === "platform_rules");
    // not assessed is not level 0 (decision 0014): the role has no best level yet
    expect(unassessed).toMatchObject({
      bestInRole: null,
      nobodyIn: "team",
      closest: { memberId: "ana", level: null, holdsRole: true },
      levelsToGo: 3,
    });
    const assessedZero = shortfallsOf(
      [member("ana", [["operations_manager", 1]]), member("bo", [["marketing", 1]])],
      [assessed("bo", "platform_rules", 0)],
    ).find((s) => s.roleId === "operations_manager" && s.skillId === "platform_rules");
    expect(assessedZero!.closest).toMatchObject({ memberId: "bo", level: 0 });
  });

  it("leaves out a role nobody holds while seats are proposed for it, but not an optional role nobody covers", () => {
    const found = shortfallsOf(
      [member("ana", [["operations_manager", 1]])],
      [...opsLevels("ana"), assessed("ana", "frontend_dev", 1)],
    );
    // product_manager, supply_chain, marketing, data_analysis: core with a minimum of 1, nobody holds them → the headcount hire
    expect(
      found.filter((s) => ["product_manager", "supply_chain", "marketing", "data_analysis"].includes(s.roleId)),
    ).toEqual([]);
    // tech_dev: optional (0–1), nobody holds it, so nobody reaches its levels; ana has a little frontend
    expect(
      found
        .filter((s) => s.roleId === "tech_dev")
        .map((s) => [s.skillId, s.required, s.bestInRole, s.closest?.memberId ?? null]),
    ).toEqual([
      ["frontend_dev", 2, null, "ana"],
      ["backend_dev", 2, null, null],
      ["erp_crm_tools", 2, null, "ana"],
    ]);
    // a "later" role requires level 0: never short
    expect(found.some((s) => s.roleId === "compliance_risk")).toBe(false);
  });

  it("leaves out a role and skill a position in the pipeline hires for; a position for the role alone does not count", () => {
    const team: [TeamMember[], SkillAssessmentRecord[]] = [
      [member("ana", [["operations_manager", 1]])],
      opsLevels("ana", { platform_rules: 2, ad_buying: 2 }),
    ];
    const ops = (pipeline: { roleId: string; skillId: string | null }[]) =>
      shortfallsOf(...team, pipeline)
        .filter((s) => s.roleId === "operations_manager")
        .map((s) => s.skillId);
    expect(ops([])).toEqual(["platform_rules", "ad_buying"]);
    expect(ops([{ roleId: "operations_manager", skillId: "ad_buying" }])).toEqual(["platform_rules"]);
    expect(
      ops([
        { roleId: "operations_manager", skillId: null },
        { roleId: "marketing", skillId: "platform_rules" },
      ]),
    ).toEqual(["platform_rules", "ad_buying"]);
  });
});
