import { describe, expect, it } from "vitest";
import {
  addQuarters,
  hiringDelta,
  isQuarter,
  moveInOrder,
  planFigures,
  priorityChange,
  proposeHires,
  quarterOf,
  profileChoices,
} from "../../app/domain/hiring-delta";
import { shippedPlaybook } from "../../app/domain/playbook";
import type { SkillAssessmentRecord, TeamMember } from "../../app/domain/team";
import type { RoleId, SkillLevel } from "../../app/domain/types";

/*
 * Expected figures are read from the shipped playbook's tables by hand
 * (PRODUCT.md rule; docs/decisions/0002): independent_site at growth wants
 * tech_dev 2–3 and marketing 2–4, platform at growth has tech_dev optional.
 */
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
  assessedAt: new Date("2026-01-01"),
  recordedAt: new Date("2026-01-01"),
});

const PLATFORM_GROWTH = { model: "platform", stage: "growth" } as const;
const DTC_GROWTH = { model: "independent_site", stage: "growth" } as const;

describe("hiringDelta", () => {
  it("gives every role today's FTE, the target's headcount and the gap to its minimum", () => {
    const team = {
      members: [
        member("a", [
          ["tech_dev", 0.5],
          ["product_manager", 0.5],
        ]),
        member("b", [["marketing", 1]]),
      ],
      assessments: [],
    };
    const delta = hiringDelta(team, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook);
    expect(delta.roles.map((r) => r.roleId)).toEqual([
      "product_manager",
      "operations_manager",
      "tech_dev",
      "supply_chain",
      "marketing",
      "data_analysis",
      "compliance_risk",
    ]);
    const tech = delta.roles.find((r) => r.roleId === "tech_dev")!;
    expect(tech).toMatchObject({
      fte: 0.5,
      targetHeadcount: { min: 2, max: 3 },
      gap: 2,
      currentPriority: "optional",
      targetPriority: "core",
      change: "raised",
    });
    const marketing = delta.roles.find((r) => r.roleId === "marketing")!;
    expect(marketing).toMatchObject({ fte: 1, targetHeadcount: { min: 2, max: 4 }, gap: 1, change: "same" });
    const compliance = delta.roles.find((r) => r.roleId === "compliance_risk")!;
    expect(compliance).toMatchObject({
      currentPriority: "later",
      targetPriority: "not_needed",
      change: "lowered",
      gap: 0,
    });
    // product 0.5 of 1, operations 0 of 1, supply 0 of 1, data 0 of 1 → 1 each
    expect(delta.totals.gap).toBe(1 + 1 + 2 + 1 + 1 + 1);
    expect(delta.totals.fte).toBe(2);
  });

  it("a new holder of a role shrinks its gap by one", () => {
    const before = hiringDelta({ members: [], assessments: [] }, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook);
    const after = hiringDelta(
      { members: [member("new", [["tech_dev", 1]])], assessments: [] },
      PLATFORM_GROWTH,
      DTC_GROWTH,
      shippedPlaybook,
    );
    const gap = (d: typeof before) => d.roles.find((r) => r.roleId === "tech_dev")!.gap;
    expect(gap(before)).toBe(2);
    expect(gap(after)).toBe(1);
    expect(after.totals.gap).toBe(before.totals.gap - 1);
  });

  it("lists the skills the target requires that no holder meets, with the best level today", () => {
    const team = {
      members: [member("dev", [["tech_dev", 1]]), member("dev2", [["tech_dev", 1]])],
      assessments: [
        assessed("dev", "frontend_dev", 3),
        assessed("dev", "backend_dev", 1),
        assessed("dev2", "backend_dev", 2),
      ],
    };
    const delta = hiringDelta(team, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook);
    const tech = delta.roles.find((r) => r.roleId === "tech_dev")!;
    // frontend 3 needed and met by dev; backend 3 needed, best 2; ERP/CRM 2 needed, nobody assessed (unknown, not 0)
    expect(tech.missingSkills).toEqual([
      { skillId: "backend_dev", required: 3, bestLevel: 2, holders: 2, holdersNotAssessed: 0 },
      { skillId: "erp_crm_tools", required: 2, bestLevel: null, holders: 2, holdersNotAssessed: 2 },
    ]);
    // nobody holds marketing: every skill it requires is missing, with no best level
    const marketing = delta.roles.find((r) => r.roleId === "marketing")!;
    expect(marketing.missingSkills.map((s) => s.bestLevel)).toEqual([null, null, null]);
    expect(marketing.missingSkills.length).toBeGreaterThan(0);
  });

  it("uses the latest assessment, not the highest", () => {
    const team = {
      members: [member("dev", [["tech_dev", 1]])],
      assessments: [
        { ...assessed("dev", "backend_dev", 4), assessedAt: new Date("2025-01-01") },
        { ...assessed("dev", "backend_dev", 1), assessedAt: new Date("2026-06-01") },
      ],
    };
    const tech = hiringDelta(team, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook).roles.find(
      (r) => r.roleId === "tech_dev",
    )!;
    expect(tech.missingSkills.find((s) => s.skillId === "backend_dev")).toEqual({
      skillId: "backend_dev",
      required: 3,
      bestLevel: 1,
      holders: 1,
      holdersNotAssessed: 0,
    });
  });

  it("has no gap and no priority change when the target is today's choice and the team is staffed", () => {
    const members = ["product_manager", "operations_manager", "supply_chain", "marketing", "data_analysis"].map(
      (roleId, i) => member(`m${i}`, [[roleId as RoleId, 1]]),
    );
    const delta = hiringDelta({ members, assessments: [] }, PLATFORM_GROWTH, PLATFORM_GROWTH, shippedPlaybook);
    expect(delta.totals.gap).toBe(0);
    expect(delta.totals.priorityChanges).toBe(0);
  });

  it("reports over-staffing against the target's maximum", () => {
    const members = Array.from({ length: 5 }, (_, i) => member(`ops${i}`, [["operations_manager", 1]]));
    const ops = hiringDelta({ members, assessments: [] }, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook).roles.find(
      (r) => r.roleId === "operations_manager",
    )!;
    expect(ops).toMatchObject({ fte: 5, gap: 0, overBy: 3 });
  });
});

describe("proposeHires", () => {
  const empty = { members: [], assessments: [] };

  it("orders core roles by the playbook's stage tiers, then its role order, with a quarter per tier", () => {
    const delta = hiringDelta(
      empty,
      { model: "platform", stage: "startup" },
      { model: "independent_site", stage: "growth" },
      shippedPlaybook,
    );
    const hires = proposeHires(delta, shippedPlaybook, "2026-Q4");
    expect(hires.map((h) => [h.roleId, h.headcount, h.tier, h.targetQuarter])).toEqual([
      ["product_manager", 1, "startup", "2026-Q4"],
      ["operations_manager", 1, "startup", "2026-Q4"],
      ["supply_chain", 1, "startup", "2026-Q4"],
      ["tech_dev", 2, "growth", "2027-Q1"],
      ["marketing", 2, "growth", "2027-Q1"],
      ["data_analysis", 1, "growth", "2027-Q1"],
    ]);
    expect(hires.every((h) => h.priority === "core")).toBe(true);
  });

  it("puts core roles before optional ones whatever their tier", () => {
    // B2B at mature: compliance (mature tier) is core; operations and marketing are optional with a 0–1 headcount (no gap)
    const delta = hiringDelta(
      empty,
      { model: "b2b", stage: "growth" },
      { model: "b2b", stage: "mature" },
      shippedPlaybook,
    );
    const hires = proposeHires(delta, shippedPlaybook, "2027-Q1");
    expect(hires.map((h) => h.roleId)).toEqual([
      "product_manager",
      "supply_chain",
      "tech_dev",
      "data_analysis",
      "compliance_risk",
    ]);
    expect(hires.find((h) => h.roleId === "compliance_risk")!.targetQuarter).toBe("2027-Q3");
  });

  it("does not propose seats already in the pipeline", () => {
    const delta = hiringDelta(empty, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook);
    const hires = proposeHires(delta, shippedPlaybook, "2027-Q1", { tech_dev: 1, marketing: 5 });
    expect(hires.find((h) => h.roleId === "tech_dev")!.headcount).toBe(1);
    expect(hires.find((h) => h.roleId === "marketing")).toBeUndefined();
  });

  it("proposes nothing when the team already meets the target", () => {
    const members = ["product_manager", "operations_manager", "supply_chain", "marketing", "data_analysis"].map(
      (roleId, i) => member(`m${i}`, [[roleId as RoleId, 1]]),
    );
    expect(
      proposeHires(
        hiringDelta({ members, assessments: [] }, PLATFORM_GROWTH, PLATFORM_GROWTH, shippedPlaybook),
        shippedPlaybook,
        "2027-Q1",
      ),
    ).toEqual([]);
  });
});

describe("quarters", () => {
  it("reads and counts quarters across years", () => {
    expect(quarterOf(new Date("2026-11-25T12:00:00Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-Q1");
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2026-Q2", 7)).toBe("2028-Q1");
    expect(addQuarters("2027-Q1", -1)).toBe("2026-Q4");
    expect(isQuarter("2027-Q4")).toBe(true);
    for (const bad of ["2027-Q5", "2027-Q0", "27-Q1", "2027Q1", "2027-q1", "1999-Q1"])
      expect(isQuarter(bad), bad).toBe(false);
  });
});

describe("planFigures", () => {
  it("counts people per status; cancelled positions count for nothing else", () => {
    const figures = planFigures([
      { roleId: "tech_dev", headcount: 2, status: "open" },
      { roleId: "tech_dev", headcount: 1, status: "filled" },
      { roleId: "marketing", headcount: 1, status: "offer" },
      { roleId: "marketing", headcount: 3, status: "cancelled" },
      { roleId: "data_analysis", headcount: 1, status: "planned" },
    ]);
    expect(figures).toMatchObject({ positions: 5, seats: 5, filled: 1, inPipeline: 4 });
    expect(figures.byStatus).toEqual({ planned: 1, open: 2, offer: 1, filled: 1, cancelled: 3 });
    expect(figures.pipelineByRole).toEqual({ tech_dev: 2, marketing: 1, data_analysis: 1 });
  });
});

describe("moveInOrder", () => {
  it("swaps with the neighbour, and leaves the ends alone", () => {
    expect(moveInOrder(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], 5, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("priorityChange", () => {
  it("ranks core over optional over later over not needed", () => {
    expect(priorityChange("optional", "core")).toBe("raised");
    expect(priorityChange("later", "optional")).toBe("raised");
    expect(priorityChange("core", "later")).toBe("lowered");
    expect(priorityChange("not_needed", "not_needed")).toBe("same");
  });
});

describe("the delta sized to the business profile (profileChoices)", () => {
  const team = {
    members: [member("ops", [["operations_manager", 1]]), member("mk", [["marketing", 1]])],
    assessments: [],
  };
  const roleOf = (delta: ReturnType<typeof hiringDelta>, roleId: RoleId) =>
    delta.roles.find((r) => r.roleId === roleId)!;
  const sizedDelta = (
    profile: Parameters<typeof profileChoices>[0],
    current = PLATFORM_GROWTH,
    target: { model: "independent_site" | "b2b" | "platform"; stage: "growth" } = DTC_GROWTH,
  ) => {
    const choices = profileChoices(profile, current, target);
    return hiringDelta(team, choices.current, choices.target!, shippedPlaybook);
  };

  it("without channels or drivers is exactly the unsized delta", () => {
    expect(sizedDelta({ channels: [], drivers: {} })).toEqual(
      hiringDelta(team, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook),
    );
  });

  it("takes the target's headcount from the drivers: 12 stores need 4–6 operations managers (one per 2–3 stores)", () => {
    const unsized = hiringDelta(team, PLATFORM_GROWTH, DTC_GROWTH, shippedPlaybook);
    expect(roleOf(unsized, "operations_manager")).toMatchObject({ targetHeadcount: { min: 1, max: 2 }, gap: 0 });
    const sized = sizedDelta({ channels: [], drivers: { stores: 12 } });
    expect(roleOf(sized, "operations_manager")).toMatchObject({ targetHeadcount: { min: 4, max: 6 }, gap: 3 });
    expect(sized.totals.gap).toBeGreaterThan(unsized.totals.gap);
  });

  it("sizes today's chart with the profile's channels: a DTC share makes tech core today", () => {
    const delta = sizedDelta(
      {
        channels: [
          { model: "platform", share: 60 },
          { model: "independent_site", share: 40 },
        ],
        drivers: {},
      },
      PLATFORM_GROWTH,
      { model: "platform", stage: "growth" },
    );
    expect(
      roleOf(hiringDelta(team, PLATFORM_GROWTH, PLATFORM_GROWTH, shippedPlaybook), "tech_dev").currentPriority,
    ).toBe("optional");
    expect(roleOf(delta, "tech_dev")).toMatchObject({ currentPriority: "core", targetPriority: "core" });
  });

  it("keeps the other channels when the target grows a channel the company already has, not when it moves to a new model", () => {
    const profile = {
      channels: [
        { model: "platform" as const, share: 85 },
        { model: "independent_site" as const, share: 15 },
      ],
      drivers: { stores: 10 },
    };
    const grow = profileChoices(profile, PLATFORM_GROWTH, DTC_GROWTH);
    expect(grow.target?.channels).toEqual(profile.channels);
    expect(grow.target?.model).toBe("independent_site");
    const move = profileChoices(profile, PLATFORM_GROWTH, { model: "b2b", stage: "growth" });
    expect(move.target?.channels).toEqual([{ model: "b2b", share: 100 }]);
    expect(move.target?.drivers).toEqual({ stores: 10 });
  });
});
