import { describe, it, expect } from "vitest";
import { findReportingCycle, fteByRole, latestLevels, validateShares } from "../../app/domain/team";
import type { SkillAssessmentRecord, TeamMember } from "../../app/domain/team";
import type { SkillLevel } from "../../app/domain/types";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const at = (d: string, t: string) => new Date(`${d}T${t}Z`);

function assessment(
  memberId: string,
  skillId: string,
  level: SkillLevel,
  assessedAt: Date,
  recordedAt: Date = assessedAt,
): SkillAssessmentRecord {
  return { memberId, skillId, level, assessedAt, recordedAt };
}

function member(id: string, managerId: string | null = null, roles: TeamMember["roles"] = []): TeamMember {
  return { id, name: id, department: null, managerId, roles };
}

describe("latestLevels", () => {
  it("keeps the latest assessment, even when an older one was higher", () => {
    const levels = latestLevels([
      assessment("ann", "market_insight", 3, day("2024-01-10")),
      assessment("ann", "market_insight", 1, day("2024-06-01")),
    ]);
    expect(levels.get("ann")?.get("market_insight")).toBe(1);
  });

  it("judges by assessment date, not by the order records arrive", () => {
    const levels = latestLevels([
      assessment("ann", "market_insight", 2, day("2024-06-01")),
      assessment("ann", "market_insight", 4, day("2024-01-10")),
    ]);
    expect(levels.get("ann")?.get("market_insight")).toBe(2);
  });

  it("breaks a tie on assessment date by the time the record was entered", () => {
    const levels = latestLevels([
      assessment("ann", "ad_buying", 3, day("2024-03-01"), at("2024-03-01", "17:00:00")),
      assessment("ann", "ad_buying", 1, day("2024-03-01"), at("2024-03-01", "09:00:00")),
    ]);
    expect(levels.get("ann")?.get("ad_buying")).toBe(3);
  });

  it("on a full tie, the record given last (creation order) wins", () => {
    const levels = latestLevels([
      assessment("ann", "ad_buying", 1, day("2024-03-01")),
      assessment("ann", "ad_buying", 2, day("2024-03-01")),
    ]);
    expect(levels.get("ann")?.get("ad_buying")).toBe(2);
  });

  it("keeps members and skills apart, and has no entry for what was never assessed", () => {
    const levels = latestLevels([
      assessment("ann", "ad_buying", 1, day("2024-03-01")),
      assessment("bob", "ad_buying", 4, day("2024-03-02")),
      assessment("ann", "platform_rules", 3, day("2024-03-03")),
    ]);
    expect(levels.get("ann")?.get("ad_buying")).toBe(1);
    expect(levels.get("ann")?.get("platform_rules")).toBe(3);
    expect(levels.get("bob")?.get("ad_buying")).toBe(4);
    expect(levels.get("bob")?.has("platform_rules")).toBe(false);
    expect(levels.has("cy")).toBe(false);
  });

  it("treats an invalid date as older than any valid one", () => {
    const levels = latestLevels([
      assessment("ann", "ad_buying", 2, day("2020-01-01")),
      assessment("ann", "ad_buying", 4, new Date("not a date")),
    ]);
    expect(levels.get("ann")?.get("ad_buying")).toBe(2);
  });
});

describe("validateShares", () => {
  it("accepts a founder at 50 % product and 50 % operations", () => {
    expect(
      validateShares([
        { roleId: "product_manager", share: 0.5 },
        { roleId: "operations_manager", share: 0.5 },
      ]),
    ).toEqual([]);
  });

  it("accepts one full-time role and an empty list", () => {
    expect(validateShares([{ roleId: "supply_chain", share: 1 }])).toEqual([]);
    expect(validateShares([])).toEqual([]);
  });

  it("accepts shares that add up to one within rounding (3 × 0.3333, 0.5 + 0.5000001)", () => {
    expect(
      validateShares([
        { roleId: "product_manager", share: 0.3333 },
        { roleId: "operations_manager", share: 0.3333 },
        { roleId: "supply_chain", share: 0.3333 },
      ]),
    ).toEqual([]);
    expect(
      validateShares([
        { roleId: "product_manager", share: 0.5 },
        { roleId: "operations_manager", share: 0.5000001 },
      ]),
    ).toEqual([]);
  });

  it("refuses a share of 0 and a negative share", () => {
    expect(validateShares([{ roleId: "marketing", share: 0 }])).toEqual([
      { code: "share_out_of_range", index: 0, roleId: "marketing", share: 0 },
    ]);
    expect(validateShares([{ roleId: "marketing", share: -0.5 }])).toEqual([
      { code: "share_out_of_range", index: 0, roleId: "marketing", share: -0.5 },
    ]);
  });

  it("refuses a single share above 1 and infinity", () => {
    expect(validateShares([{ roleId: "marketing", share: 1.5 }])).toEqual([
      { code: "share_out_of_range", index: 0, roleId: "marketing", share: 1.5 },
    ]);
    expect(validateShares([{ roleId: "marketing", share: Number.POSITIVE_INFINITY }])[0]?.code).toBe(
      "share_out_of_range",
    );
  });

  it("refuses NaN", () => {
    expect(validateShares([{ roleId: "marketing", share: Number.NaN }])).toEqual([
      { code: "share_not_a_number", index: 0, roleId: "marketing" },
    ]);
  });

  it("refuses shares that add up to more than one full-time equivalent", () => {
    expect(
      validateShares([
        { roleId: "product_manager", share: 0.6 },
        { roleId: "operations_manager", share: 0.5 },
      ]),
    ).toEqual([{ code: "total_over_one", total: 1.1 }]);
    expect(
      validateShares([
        { roleId: "product_manager", share: 0.5 },
        { roleId: "operations_manager", share: 0.502 },
      ]),
    ).toEqual([{ code: "total_over_one", total: 1.002 }]);
  });

  it("refuses a role held twice and an unknown role", () => {
    expect(
      validateShares([
        { roleId: "marketing", share: 0.3 },
        { roleId: "ceo", share: 0.2 },
        { roleId: "marketing", share: 0.2 },
      ]),
    ).toEqual([
      { code: "unknown_role", index: 1, roleId: "ceo" },
      { code: "duplicate_role", index: 2, roleId: "marketing" },
    ]);
  });
});

describe("fteByRole", () => {
  it("adds shares: two founders at 0.5 make one product manager", () => {
    const fte = fteByRole([
      member("ann", null, [
        { roleId: "product_manager", share: 0.5 },
        { roleId: "operations_manager", share: 0.5 },
      ]),
      member("bob", null, [
        { roleId: "product_manager", share: 0.5 },
        { roleId: "supply_chain", share: 0.5 },
      ]),
    ]);
    expect(fte).toEqual({
      product_manager: 1,
      operations_manager: 0.5,
      tech_dev: 0,
      supply_chain: 0.5,
      marketing: 0,
      data_analysis: 0,
      compliance_risk: 0,
      // the extension roles (issue 13): every role id has an entry, 0 when nobody holds it
      customer_service: 0,
      finance_tax: 0,
      b2b_sales: 0,
      advertising: 0,
    });
  });

  it("rounds away float noise (0.1 + 0.2 = 0.3)", () => {
    const fte = fteByRole([
      member("a", null, [{ roleId: "marketing", share: 0.1 }]),
      member("b", null, [{ roleId: "marketing", share: 0.2 }]),
    ]);
    expect(fte.marketing).toBe(0.3);
  });

  it("does not count unusable shares", () => {
    const fte = fteByRole([
      member("a", null, [{ roleId: "marketing", share: Number.NaN }]),
      member("b", null, [{ roleId: "marketing", share: -1 }]),
      member("c", null, [{ roleId: "marketing", share: 0.25 }]),
    ]);
    expect(fte.marketing).toBe(0.25);
  });
});

describe("findReportingCycle", () => {
  // ceo ← cto ← dev1 ← intern ; ceo ← cmo
  const team = [
    member("ceo"),
    member("cto", "ceo"),
    member("dev1", "cto"),
    member("intern", "dev1"),
    member("cmo", "ceo"),
  ];

  it("refuses self-management", () => {
    expect(findReportingCycle(team, "cto", "cto")).toEqual(["cto", "cto"]);
  });

  it("finds a direct cycle: making your report your manager", () => {
    expect(findReportingCycle(team, "dev1", "intern")).toEqual(["dev1", "intern", "dev1"]);
  });

  it("finds an indirect cycle through several levels", () => {
    expect(findReportingCycle(team, "ceo", "intern")).toEqual(["ceo", "intern", "dev1", "cto", "ceo"]);
  });

  it("allows a move that creates no cycle, clearing a manager, and an unknown manager id", () => {
    expect(findReportingCycle(team, "intern", "cmo")).toBeNull();
    expect(findReportingCycle(team, "cto", "cmo")).toBeNull();
    expect(findReportingCycle(team, "dev1", null)).toBeNull();
    expect(findReportingCycle(team, "dev1", "nobody")).toBeNull();
  });

  it("works for a new member who is not in the list yet", () => {
    expect(findReportingCycle(team, "new", "intern")).toBeNull();
  });

  it("stops on an existing cycle elsewhere instead of looping", () => {
    const broken = [member("x", "y"), member("y", "x"), member("z")];
    expect(findReportingCycle(broken, "z", "x")).toBeNull();
  });
});
