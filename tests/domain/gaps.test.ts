import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { decodeHeatmapCell, encodeHeatmapCell } from "../../app/domain/gaps";
import {
  computeTeamGaps,
  filterHeatmapRows,
  gapBucket,
  roleCoverage,
  skillCoverageStatus,
  skillGapsForMember,
  sortHeatmapRows,
  teamHeatmap,
  unfilledSeats,
} from "../../app/domain/gaps";
import type { HeatmapCell, HeatmapRow, MemberSkillGap } from "../../app/domain/gaps";
import { latestLevels } from "../../app/domain/team";
import type { SkillAssessmentRecord, TeamMember } from "../../app/domain/team";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { shippedPlaybook } from "../../app/domain/playbook";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import type { OrgChartRecommendation, Priority, RecommendedRole, RoleId, SkillLevel } from "../../app/domain/types";

/* ------------------------------------------------------------------ */
/* Fixtures                                                             */
/* ------------------------------------------------------------------ */

interface RoleSpec {
  priority: Priority;
  min: number;
  max: number;
  skills: [string, SkillLevel][];
}

/** A recommendation written by hand: the listed roles as given, the others not_needed with no skills. */
function hand(roles: Partial<Record<RoleId, RoleSpec>>): OrgChartRecommendation {
  const txt = { zh: "", en: "" };
  return {
    model: "platform",
    stage: "startup",
    links: [],
    roles: CORE_ROLE_IDS.map((id): RecommendedRole => {
      const spec = roles[id] ?? { priority: "not_needed", min: 0, max: 0, skills: [] };
      return {
        id,
        label: { zh: id, en: id },
        priority: spec.priority,
        tier: "startup",
        coreFrom: null,
        coveredBy: null,
        headcount: { min: spec.min, max: spec.max },
        responsibilities: [],
        skills: spec.skills.map(([skillId, level]) => ({ id: skillId, label: txt, requiredLevel: level })),
        reportsTo: "general_manager",
        orgChallenge: txt,
        rationale: [],
      };
    }),
  };
}

function member(
  id: string,
  roles: [RoleId, number][],
  extra: Partial<Pick<TeamMember, "department" | "managerId" | "name">> = {},
): TeamMember {
  return {
    id,
    name: extra.name ?? id,
    department: extra.department ?? null,
    managerId: extra.managerId ?? null,
    roles: roles.map(([roleId, share]) => ({ roleId, share })),
  };
}

const day = (n: number) => new Date(Date.UTC(2024, 0, n));

function assessed(memberId: string, skillId: string, level: SkillLevel, onDay = 1): SkillAssessmentRecord {
  return { memberId, skillId, level, assessedAt: day(onDay), recordedAt: day(onDay) };
}

function skill(gaps: { skills: MemberSkillGap[] }, skillId: string): MemberSkillGap | undefined {
  return gaps.skills.find((s) => s.skillId === skillId);
}

/*
 * The shipped playbook at platform / startup, read by hand from playbook.ts:
 *   product_manager     core 1–1: market_insight 3, data_analytics 2, multi_language_culture 1
 *   operations_manager  core 1–1: platform_rules 3, ad_buying 2, multi_language_culture 1, erp_crm_tools 1
 *   supply_chain        core 1–1: supply_chain_management 2, customs_logistics 2, erp_crm_tools 1
 *   tech_dev            not_needed (applies to independent_site and b2b; tier growth)
 *   marketing, data_analysis, compliance_risk: later
 */
const platformStartup = recommendOrgChart("platform", "startup", shippedPlaybook);

/* ------------------------------------------------------------------ */
/* Per member                                                           */
/* ------------------------------------------------------------------ */

describe("skillGapsForMember", () => {
  it("a founder at 50 % product and 50 % operations on a marketplace startup", () => {
    const ann = member("ann", [
      ["product_manager", 0.5],
      ["operations_manager", 0.5],
    ]);
    const levels = latestLevels([
      assessed("ann", "market_insight", 2),
      assessed("ann", "data_analytics", 2),
      assessed("ann", "multi_language_culture", 3),
      assessed("ann", "platform_rules", 1),
    ]);
    const gaps = skillGapsForMember(ann, platformStartup, levels);

    // her part-time roles still need the full levels
    expect(gaps.skills.map((s) => [s.skillId, s.required, s.assessed, s.gap, s.notAssessed])).toEqual([
      ["market_insight", 3, 2, 1, false],
      ["data_analytics", 2, 2, 0, false],
      ["multi_language_culture", 1, 3, 0, false],
      ["platform_rules", 3, 1, 2, false],
      // not assessed: unknown, shown apart, never a gap
      ["ad_buying", 2, 0, 0, true],
      ["erp_crm_tools", 1, 0, 0, true],
    ]);
    expect(gaps.totalGap).toBe(3);
    expect(gaps.maxGap).toBe(2);
    expect(gaps.bucket).toBe("large");
    expect(gaps.notAssessedCount).toBe(2);
    // the language skill both roles list appears once, with both requirements
    expect(skill(gaps, "multi_language_culture")?.requiredBy).toEqual([
      { roleId: "product_manager", required: 1 },
      { roleId: "operations_manager", required: 1 },
    ]);
  });

  it("a member with no assessments has no gap: every required skill is flagged not assessed", () => {
    const rec = hand({
      supply_chain: {
        priority: "core",
        min: 1,
        max: 1,
        skills: [
          ["scm", 2],
          ["customs", 3],
        ],
      },
    });
    const gaps = skillGapsForMember(member("new", [["supply_chain", 1]]), rec, new Map());
    expect(gaps.skills).toEqual([
      {
        skillId: "scm",
        required: 2,
        assessed: 0,
        notAssessed: true,
        gap: 0,
        requiredBy: [{ roleId: "supply_chain", required: 2 }],
      },
      {
        skillId: "customs",
        required: 3,
        assessed: 0,
        notAssessed: true,
        gap: 0,
        requiredBy: [{ roleId: "supply_chain", required: 3 }],
      },
    ]);
    expect(gaps.totalGap).toBe(0);
    expect(gaps.maxGap).toBe(0);
    expect(gaps.notAssessedCount).toBe(2);
    expect(gaps.bucket).toBe("unassessed");
  });

  it("an assessed level of 0 is a real gap, unlike no assessment", () => {
    const rec = hand({ supply_chain: { priority: "core", min: 1, max: 1, skills: [["scm", 2]] } });
    const gaps = skillGapsForMember(member("z", [["supply_chain", 1]]), rec, latestLevels([assessed("z", "scm", 0)]));
    expect(skill(gaps, "scm")).toMatchObject({ assessed: 0, notAssessed: false, gap: 2 });
    expect(gaps).toMatchObject({ totalGap: 2, bucket: "large", notAssessedCount: 0 });
  });

  it("the latest assessment counts, even when an older one was higher", () => {
    const rec = hand({ marketing: { priority: "core", min: 1, max: 2, skills: [["content", 3]] } });
    const levels = latestLevels([assessed("mo", "content", 4, 1), assessed("mo", "content", 1, 20)]);
    const gaps = skillGapsForMember(member("mo", [["marketing", 1]]), rec, levels);
    expect(skill(gaps, "content")).toMatchObject({ required: 3, assessed: 1, gap: 2 });
  });

  it("a skill two roles need counts once, at the higher requirement", () => {
    const rec = hand({
      product_manager: {
        priority: "core",
        min: 1,
        max: 1,
        skills: [
          ["language", 2],
          ["insight", 3],
        ],
      },
      marketing: { priority: "core", min: 1, max: 2, skills: [["language", 3]] },
    });
    const levels = latestLevels([assessed("li", "language", 1), assessed("li", "insight", 3)]);
    const gaps = skillGapsForMember(
      member("li", [
        ["product_manager", 0.5],
        ["marketing", 0.5],
      ]),
      rec,
      levels,
    );
    expect(gaps.skills.map((s) => s.skillId)).toEqual(["language", "insight"]);
    expect(skill(gaps, "language")).toMatchObject({ required: 3, assessed: 1, gap: 2 });
    expect(gaps.totalGap).toBe(2); // not 1 + 2
  });

  it("a later role (required 0) does not raise a core role's requirement", () => {
    // shipped playbook, platform / startup: marketing is later; product needs languages at 1
    const levels = latestLevels([assessed("li", "multi_language_culture", 1)]);
    const gaps = skillGapsForMember(
      member("li", [
        ["product_manager", 0.5],
        ["marketing", 0.5],
      ]),
      platformStartup,
      levels,
    );
    expect(skill(gaps, "multi_language_culture")).toMatchObject({ required: 1, gap: 0 });
    expect(skill(gaps, "digital_marketing")).toMatchObject({ required: 0, gap: 0, notAssessed: true });
    expect(gaps.notAssessedCount).toBe(2); // market_insight and data_analytics; marketing's skills are not required yet
  });

  it("an optional role uses the recommendation's capped levels", () => {
    // shipped playbook, b2b / startup: operations is optional, platform_rules 3 capped to 2
    const b2bStartup = recommendOrgChart("b2b", "startup", shippedPlaybook);
    expect(b2bStartup.roles.find((r) => r.id === "operations_manager")?.priority).toBe("optional");
    const levels = latestLevels([assessed("op", "platform_rules", 2)]);
    const gaps = skillGapsForMember(member("op", [["operations_manager", 0.3]]), b2bStartup, levels);
    expect(skill(gaps, "platform_rules")).toMatchObject({ required: 2, assessed: 2, gap: 0 });
  });

  it("a not_needed role gives no gaps", () => {
    expect(platformStartup.roles.find((r) => r.id === "tech_dev")?.priority).toBe("not_needed");
    const gaps = skillGapsForMember(member("dev", [["tech_dev", 1]]), platformStartup, new Map());
    expect(gaps.skills.length).toBeGreaterThan(0);
    expect(gaps.skills.every((s) => s.required === 0 && s.gap === 0)).toBe(true);
    expect(gaps).toMatchObject({ totalGap: 0, maxGap: 0, bucket: "none", notAssessedCount: 0 });
  });

  it("a member holding none of the seven roles has no skills to meet", () => {
    const gaps = skillGapsForMember(member("gm", []), platformStartup, new Map());
    expect(gaps).toEqual({ memberId: "gm", skills: [], totalGap: 0, maxGap: 0, bucket: "none", notAssessedCount: 0 });
  });
});

describe("gapBucket", () => {
  it("none at 0, small at 1, large from 2", () => {
    expect([0, 1, 2, 3, 4].map((max) => gapBucket(max))).toEqual(["none", "small", "large", "large", "large"]);
  });

  it("unassessed when nothing assessed is short but some required skill is not assessed", () => {
    expect([0, 1, 2].map((max) => gapBucket(max, 2))).toEqual(["unassessed", "small", "large"]);
  });
});

describe("skillCoverageStatus", () => {
  // required, holders, below, not assessed → status: a table written by hand
  const table: [number, number, number, number, string][] = [
    [0, 3, 0, 0, "not_required"],
    [2, 0, 0, 0, "no_holders"],
    [2, 5, 1, 0, "below"],
    [2, 5, 1, 3, "below"],
    [2, 5, 0, 1, "not_assessed"],
    [2, 5, 0, 0, "met"],
  ];
  it.each(table)(
    "required %i, %i holders, %i below, %i not assessed → %s",
    (required, holders, below, notAssessed, status) => {
      expect(skillCoverageStatus(required, { holders, below, notAssessed })).toBe(status);
    },
  );
});

/* ------------------------------------------------------------------ */
/* Per role                                                             */
/* ------------------------------------------------------------------ */

describe("unfilledSeats", () => {
  it("counts whole seats missing to the recommended minimum", () => {
    expect(unfilledSeats(1, 0)).toBe(1);
    expect(unfilledSeats(1, 0.5)).toBe(1);
    expect(unfilledSeats(2, 0.5)).toBe(2);
    expect(unfilledSeats(3, 1.5)).toBe(2);
    expect(unfilledSeats(1, 1)).toBe(0);
    expect(unfilledSeats(1, 2)).toBe(0);
    expect(unfilledSeats(0, 0)).toBe(0);
  });

  it("counts 0.999999 as a full seat, but 0.99 as one missing", () => {
    expect(unfilledSeats(1, 0.999999)).toBe(0);
    expect(unfilledSeats(2, 1.999999)).toBe(0);
    expect(unfilledSeats(1, 0.99)).toBe(1);
    expect(unfilledSeats(2, 0.9999999)).toBe(1);
  });
});

describe("roleCoverage", () => {
  const rec = hand({
    product_manager: {
      priority: "core",
      min: 1,
      max: 1,
      skills: [
        ["insight", 3],
        ["analytics", 2],
      ],
    },
    operations_manager: { priority: "core", min: 1, max: 1, skills: [["rules", 3]] },
    supply_chain: {
      priority: "core",
      min: 2,
      max: 3,
      skills: [
        ["scm", 2],
        ["customs", 2],
      ],
    },
    marketing: { priority: "later", min: 0, max: 0, skills: [["content", 0]] },
  });

  it("two half-time product people fill one seat", () => {
    const team = [
      member("ann", [
        ["product_manager", 0.5],
        ["operations_manager", 0.5],
      ]),
      member("bob", [
        ["product_manager", 0.5],
        ["supply_chain", 0.5],
      ]),
    ];
    const roles = roleCoverage(rec, team, new Map());
    const pm = roles.find((r) => r.roleId === "product_manager");
    expect(pm).toMatchObject({ fte: 1, unfilledSeats: 0, overStaffedBy: 0 });
    expect(pm?.holders).toEqual([
      { memberId: "ann", name: "ann", share: 0.5 },
      { memberId: "bob", name: "bob", share: 0.5 },
    ]);
    expect(roles.find((r) => r.roleId === "operations_manager")).toMatchObject({ fte: 0.5, unfilledSeats: 1 });
    // min 2, fte 0.5: two whole seats are still missing
    expect(roles.find((r) => r.roleId === "supply_chain")).toMatchObject({ fte: 0.5, unfilledSeats: 2 });
    expect(roles.map((r) => r.roleId)).toEqual([...CORE_ROLE_IDS]);
  });

  it("three people at a third fill one seat; staffing beyond max is reported", () => {
    const team = [
      member("a", [["product_manager", 0.3333]]),
      member("b", [["product_manager", 0.3333]]),
      member("c", [["product_manager", 0.3333]]),
      member("d", [["operations_manager", 1]]),
      member("e", [["operations_manager", 0.75]]),
    ];
    const roles = roleCoverage(rec, team, new Map());
    expect(roles.find((r) => r.roleId === "product_manager")).toMatchObject({ fte: 0.9999, unfilledSeats: 0 });
    expect(roles.find((r) => r.roleId === "operations_manager")).toMatchObject({
      fte: 1.75,
      unfilledSeats: 0,
      overStaffedBy: 0.75,
    });
  });

  it("counts the holders meeting each skill, and flags a skill while any holder is below", () => {
    const team = [
      member("s1", [["supply_chain", 1]]),
      member("s2", [["supply_chain", 1]]),
      member("s3", [["supply_chain", 0.5]]),
    ];
    const levels = latestLevels([
      assessed("s1", "scm", 2),
      assessed("s2", "scm", 3),
      assessed("s1", "customs", 1),
      // s3 never assessed on scm; s2 and s3 never assessed on customs
    ]);
    const sc = roleCoverage(rec, team, levels).find((r) => r.roleId === "supply_chain");
    expect(sc?.skills).toEqual([
      {
        skillId: "scm",
        required: 2,
        bestLevel: 3,
        holders: 3,
        holdersMeeting: 2,
        holdersBelow: 0,
        holdersNotAssessed: 1,
        status: "not_assessed",
        met: false,
      },
      {
        skillId: "customs",
        required: 2,
        bestLevel: 1,
        holders: 3,
        holdersMeeting: 0,
        holdersBelow: 1,
        holdersNotAssessed: 2,
        status: "below",
        met: false,
      },
    ]);
    expect(sc?.skillsBelow).toEqual(["customs"]);
    expect(sc?.skillsNotAssessed).toEqual(["scm"]);
    expect(sc).toMatchObject({ fte: 2.5, unfilledSeats: 0, overStaffedBy: 0 });
  });

  it("one holder meeting a skill does not hide another holder's gap", () => {
    const team = [member("meets", [["supply_chain", 1]]), member("short", [["supply_chain", 1]])];
    const levels = latestLevels([
      assessed("meets", "scm", 4),
      assessed("meets", "customs", 2),
      assessed("short", "scm", 1),
      assessed("short", "customs", 2),
    ]);
    const sc = roleCoverage(rec, team, levels).find((r) => r.roleId === "supply_chain");
    expect(sc?.skills.map((s) => [s.skillId, s.holdersMeeting, s.holders, s.status])).toEqual([
      ["scm", 1, 2, "below"],
      ["customs", 2, 2, "met"],
    ]);
    expect(sc?.skillsBelow).toEqual(["scm"]);
  });

  it("a role nobody holds: every required skill has no holders, best level null", () => {
    const pm = roleCoverage(rec, [], new Map()).find((r) => r.roleId === "product_manager");
    expect(pm).toMatchObject({ fte: 0, unfilledSeats: 1, holders: [], skillsBelow: [], skillsNotAssessed: [] });
    expect(pm?.skills[0]).toEqual({
      skillId: "insight",
      required: 3,
      bestLevel: null,
      holders: 0,
      holdersMeeting: 0,
      holdersBelow: 0,
      holdersNotAssessed: 0,
      status: "no_holders",
      met: false,
    });
  });

  it("a later role held by someone shows the holder and no requirement", () => {
    const mkt = roleCoverage(rec, [member("m", [["marketing", 1]])], new Map()).find((r) => r.roleId === "marketing");
    expect(mkt).toMatchObject({
      priority: "later",
      fte: 1,
      unfilledSeats: 0,
      overStaffedBy: 1,
      skillsBelow: [],
      skillsNotAssessed: [],
    });
    expect(mkt?.holders.map((h) => h.memberId)).toEqual(["m"]);
  });

  it("a not_needed role held by someone (shipped playbook, tech_dev on a marketplace startup)", () => {
    const team = [member("dev", [["tech_dev", 1]])];
    const tech = roleCoverage(platformStartup, team, new Map()).find((r) => r.roleId === "tech_dev");
    expect(tech).toMatchObject({
      priority: "not_needed",
      headcount: { min: 0, max: 0 },
      fte: 1,
      unfilledSeats: 0,
      skillsBelow: [],
    });
    expect(tech?.holders).toEqual([{ memberId: "dev", name: "dev", share: 1 }]);
    expect(tech?.skills.every((s) => s.required === 0 && s.met)).toBe(true);
  });
});

/* ------------------------------------------------------------------ */
/* Heat map                                                             */
/* ------------------------------------------------------------------ */

describe("teamHeatmap", () => {
  const rec = hand({
    product_manager: {
      priority: "core",
      min: 1,
      max: 1,
      skills: [
        ["insight", 3],
        ["language", 1],
      ],
    },
    marketing: {
      priority: "core",
      min: 1,
      max: 2,
      skills: [
        ["language", 3],
        ["content", 2],
      ],
    },
    tech_dev: { priority: "not_needed", min: 0, max: 0, skills: [["code", 0]] },
  });

  it("has a cell for each skill the member's roles require now, null elsewhere", () => {
    const team = [member("pm", [["product_manager", 1]]), member("dev", [["tech_dev", 1]])];
    const levels = latestLevels([assessed("pm", "insight", 1)]);
    const map = teamHeatmap(rec, team, levels, ["content", "insight", "language", "code"]);
    expect(map.skillIds).toEqual(["content", "insight", "language", "code"]);
    expect(map.rows[0].cells).toEqual({
      content: null,
      insight: { required: 3, assessed: 1, gap: 2, notAssessed: false },
      language: { required: 1, assessed: 0, gap: 0, notAssessed: true },
      code: null,
    });
    expect(map.rows[0]).toMatchObject({ totalGap: 2, maxGap: 2, bucket: "large", roleIds: ["product_manager"] });
    expect(Object.values(map.rows[1].cells).every((c) => c === null)).toBe(true);
  });

  it("adds a column for a required skill the given list lacks", () => {
    const map = teamHeatmap(rec, [], new Map(), [{ id: "insight" }]);
    expect(map.skillIds).toEqual(["insight", "language", "content"]);
  });
});

function row(
  memberId: string,
  name: string,
  roleIds: RoleId[],
  department: RoleId | null,
  gaps: Record<string, number | null>,
): HeatmapRow {
  const cells: Record<string, HeatmapCell | null> = {};
  let totalGap = 0;
  let maxGap = 0;
  for (const [id, gap] of Object.entries(gaps)) {
    cells[id] = gap === null ? null : { required: 4, assessed: (4 - gap) as SkillLevel, gap, notAssessed: false };
    totalGap += gap ?? 0;
    maxGap = Math.max(maxGap, gap ?? 0);
  }
  return { memberId, name, department, roleIds, cells, totalGap, maxGap, bucket: gapBucket(maxGap) };
}

describe("filterHeatmapRows and sortHeatmapRows", () => {
  // gaps:          insight  content   total  max
  // ann (pm)          1       null       1     1
  // bob (mkt)        null      3         3     3
  // cy  (pm+mkt)      2        0         2     2
  // dee (mkt)        null      0         0     0
  const rows = [
    row("1", "Ann", ["product_manager"], "product_manager", { insight: 1, content: null }),
    row("2", "Bob", ["marketing"], "marketing", { insight: null, content: 3 }),
    row("3", "Cy", ["product_manager", "marketing"], "product_manager", { insight: 2, content: 0 }),
    row("4", "Dee", ["marketing"], null, { insight: null, content: 0 }),
  ];
  const names = (rs: HeatmapRow[]) => rs.map((r) => r.name);

  it("filters by role held, by department (null = none), and by the largest gap", () => {
    expect(names(filterHeatmapRows(rows, { roleId: "marketing" }))).toEqual(["Bob", "Cy", "Dee"]);
    expect(names(filterHeatmapRows(rows, { department: "product_manager" }))).toEqual(["Ann", "Cy"]);
    expect(names(filterHeatmapRows(rows, { department: null }))).toEqual(["Dee"]);
    expect(names(filterHeatmapRows(rows, { minGap: 2 }))).toEqual(["Bob", "Cy"]);
    expect(names(filterHeatmapRows(rows, { roleId: "marketing", department: "product_manager", minGap: 1 }))).toEqual([
      "Cy",
    ]);
    expect(names(filterHeatmapRows(rows, {}))).toEqual(["Ann", "Bob", "Cy", "Dee"]);
  });

  it("sorts by name and by total or largest gap, both directions, without touching the input", () => {
    const shuffled = [rows[2], rows[0], rows[3], rows[1]];
    expect(names(sortHeatmapRows(shuffled, "name", "asc"))).toEqual(["Ann", "Bob", "Cy", "Dee"]);
    expect(names(sortHeatmapRows(shuffled, "name", "desc"))).toEqual(["Dee", "Cy", "Bob", "Ann"]);
    expect(names(sortHeatmapRows(shuffled, "totalGap", "desc"))).toEqual(["Bob", "Cy", "Ann", "Dee"]);
    expect(names(sortHeatmapRows(shuffled, "maxGap", "asc"))).toEqual(["Dee", "Ann", "Cy", "Bob"]);
    expect(names(shuffled)).toEqual(["Cy", "Ann", "Dee", "Bob"]);
  });

  it("sorts by one skill's gap, rows that do not need the skill last either way, ties by name", () => {
    expect(names(sortHeatmapRows(rows, { skillId: "content" }, "desc"))).toEqual(["Bob", "Cy", "Dee", "Ann"]);
    expect(names(sortHeatmapRows(rows, { skillId: "content" }, "asc"))).toEqual(["Cy", "Dee", "Bob", "Ann"]);
    expect(names(sortHeatmapRows(rows, { skillId: "insight" }, "asc"))).toEqual(["Ann", "Cy", "Bob", "Dee"]);
  });

  it("breaks equal gaps by name then id", () => {
    const twins = [row("b", "Same", [], null, { x: 1 }), row("a", "Same", [], null, { x: 1 })];
    expect(sortHeatmapRows(twins, "maxGap", "desc").map((r) => r.memberId)).toEqual(["a", "b"]);
  });
});

/* ------------------------------------------------------------------ */
/* The whole team                                                       */
/* ------------------------------------------------------------------ */

describe("computeTeamGaps", () => {
  it("puts members, roles, heat map and totals together for a marketplace startup", () => {
    const team = [
      member("ann", [
        ["product_manager", 0.5],
        ["operations_manager", 0.5],
      ]),
      member("sam", [["supply_chain", 1]], { managerId: "ann", department: "supply_chain" }),
      member("dev", [["tech_dev", 1]]),
    ];
    const assessments = [
      assessed("ann", "market_insight", 3),
      assessed("ann", "data_analytics", 2),
      assessed("ann", "multi_language_culture", 1),
      assessed("ann", "platform_rules", 3),
      assessed("ann", "ad_buying", 1),
      assessed("ann", "erp_crm_tools", 1),
      assessed("sam", "supply_chain_management", 2),
      assessed("sam", "customs_logistics", 4, 1),
      assessed("sam", "customs_logistics", 2, 5),
      assessed("sam", "erp_crm_tools", 1),
    ];
    const result = computeTeamGaps(platformStartup, team, assessments, shippedPlaybook.skills);

    expect(result.model).toBe("platform");
    expect(result.stage).toBe("startup");
    expect(result.members.map((m) => [m.memberId, m.totalGap, m.maxGap, m.bucket])).toEqual([
      ["ann", 1, 1, "small"], // ad_buying 2 vs 1
      ["sam", 0, 0, "none"],
      ["dev", 0, 0, "none"], // tech_dev not needed
    ]);
    const seats = Object.fromEntries(result.roles.map((r) => [r.roleId, [r.fte, r.unfilledSeats]]));
    expect(seats).toEqual({
      product_manager: [0.5, 1],
      operations_manager: [0.5, 1],
      tech_dev: [1, 0],
      supply_chain: [1, 0],
      marketing: [0, 0],
      data_analysis: [0, 0],
      compliance_risk: [0, 0],
    });
    expect(result.roles.find((r) => r.roleId === "operations_manager")?.skillsBelow).toEqual(["ad_buying"]);
    expect(result.heatmap.skillIds).toEqual(shippedPlaybook.skills.map((s) => s.id));
    expect(result.heatmap.rows.map((r) => r.memberId)).toEqual(["ann", "sam", "dev"]);
    expect(result.heatmap.rows[0].cells.ad_buying).toEqual({ required: 2, assessed: 1, gap: 1, notAssessed: false });
    expect(result.heatmap.rows[0].cells.digital_marketing).toBeNull();
    expect(result.totals).toEqual({
      members: 3,
      membersWithGaps: 1,
      totalGap: 1,
      buckets: { none: 2, small: 1, large: 0, unassessed: 0 },
      notAssessed: 0,
      unfilledSeats: 2,
    });
  });

  it("agrees with the separate functions", () => {
    const team = [
      member("a", [["product_manager", 1]]),
      member("b", [
        ["supply_chain", 0.5],
        ["operations_manager", 0.5],
      ]),
    ];
    const assessments = [assessed("a", "market_insight", 2), assessed("b", "platform_rules", 4)];
    const levels = latestLevels(assessments);
    const all = computeTeamGaps(platformStartup, team, assessments);
    expect(all.members).toEqual(team.map((m) => skillGapsForMember(m, platformStartup, levels)));
    expect(all.roles).toEqual(roleCoverage(platformStartup, team, levels));
    expect(all.heatmap).toEqual(teamHeatmap(platformStartup, team, levels));
  });
});

/* ------------------------------------------------------------------ */
/* Properties                                                           */
/* ------------------------------------------------------------------ */

const SKILLS = ["s1", "s2", "s3", "s4", "s5"] as const;
const arbLevel = fc.constantFrom<SkillLevel>(0, 1, 2, 3, 4);
const arbRec = fc
  .array(
    fc.record({
      priority: fc.constantFrom<Priority>("core", "later", "optional", "not_needed"),
      skills: fc.uniqueArray(fc.tuple(fc.constantFrom(...SKILLS), arbLevel), { selector: (t) => t[0], maxLength: 4 }),
    }),
    { minLength: CORE_ROLE_IDS.length, maxLength: CORE_ROLE_IDS.length },
  )
  .map((specs) =>
    hand(
      Object.fromEntries(
        CORE_ROLE_IDS.map((id, i) => [id, { priority: specs[i].priority, min: 1, max: 2, skills: specs[i].skills }]),
      ),
    ),
  );
const arbTeam = fc.array(
  fc.uniqueArray(fc.tuple(fc.constantFrom(...CORE_ROLE_IDS), fc.double({ min: 0.05, max: 1, noNaN: true })), {
    selector: (t) => t[0],
    minLength: 1,
    maxLength: 3,
  }),
  { minLength: 1, maxLength: 6 },
);
const arbAssessments = fc.array(
  fc.record({ m: fc.nat(5), s: fc.constantFrom(...SKILLS), level: arbLevel, d: fc.integer({ min: 1, max: 30 }) }),
  { maxLength: 30 },
);

function build(roleLists: [RoleId, number][][], raw: { m: number; s: string; level: SkillLevel; d: number }[]) {
  const team = roleLists.map((roles, i) => member(`m${i}`, roles));
  const assessments = raw.filter((a) => a.m < team.length).map((a) => assessed(`m${a.m}`, a.s, a.level, a.d));
  return { team, assessments };
}

describe("properties", () => {
  it("gaps are never negative and never above 4; totals and max agree with the skills", () => {
    fc.assert(
      fc.property(arbRec, arbTeam, arbAssessments, (rec, roleLists, raw) => {
        const { team, assessments } = build(roleLists, raw);
        const result = computeTeamGaps(rec, team, assessments);
        for (const m of result.members) {
          for (const s of m.skills) {
            expect(s.gap).toBeGreaterThanOrEqual(0);
            expect(s.gap).toBeLessThanOrEqual(4);
            expect(s.gap).toBe(s.notAssessed ? 0 : Math.max(0, s.required - s.assessed));
          }
          expect(m.maxGap).toBe(Math.max(0, ...m.skills.map((s) => s.gap)));
        }
        for (const r of result.roles) expect(r.unfilledSeats).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("raising an assessment never increases any gap; a first assessment only turns 'not assessed' into a known gap", () => {
    fc.assert(
      fc.property(
        arbRec,
        arbTeam,
        arbAssessments,
        fc.nat(5),
        fc.constantFrom(...SKILLS),
        fc.nat(4),
        (rec, roleLists, raw, who, skillId, raise) => {
          const { team, assessments } = build(roleLists, raw);
          const memberId = team[who % team.length].id;
          const before = computeTeamGaps(rec, team, assessments);
          const current = latestLevels(assessments).get(memberId)?.get(skillId);
          const higher = Math.min(4, (current ?? 0) + raise) as SkillLevel;
          const after = computeTeamGaps(rec, team, [...assessments, assessed(memberId, skillId, higher, 31)]);
          before.members.forEach((m, i) => {
            const next = after.members[i];
            m.skills.forEach((s, j) => {
              if (s.notAssessed && m.memberId === memberId && s.skillId === skillId) {
                expect(next.skills[j]).toMatchObject({ notAssessed: false, gap: Math.max(0, s.required - higher) });
              } else {
                expect(next.skills[j].gap).toBeLessThanOrEqual(s.gap);
              }
            });
            if (current !== undefined || m.memberId !== memberId) expect(next.totalGap).toBeLessThanOrEqual(m.totalGap);
          });
          before.roles.forEach((r, i) =>
            r.skills.forEach((s, j) =>
              expect(after.roles[i].skills[j].holdersMeeting).toBeGreaterThanOrEqual(s.holdersMeeting),
            ),
          );
        },
      ),
    );
  });
});

/* ------------------------------------------------------------------ */
/* Size                                                                 */
/* ------------------------------------------------------------------ */

describe("a large team", () => {
  it("5,000 members with 4 skills × 10 assessments each: every member and heat-map row is computed", () => {
    const rec = recommendOrgChart("platform", "mature", shippedPlaybook);
    const team: TeamMember[] = [];
    const assessments: SkillAssessmentRecord[] = [];
    for (let i = 0; i < 5000; i++) {
      const a = CORE_ROLE_IDS[i % CORE_ROLE_IDS.length];
      const b = CORE_ROLE_IDS[(i * 3 + 1) % CORE_ROLE_IDS.length];
      team.push(
        member(
          `m${i}`,
          a === b
            ? [[a, 1]]
            : [
                [a, 0.5],
                [b, 0.5],
              ],
          { managerId: i === 0 ? null : `m${Math.floor(i / 8)}` },
        ),
      );
      const skills = rec.roles.find((r) => r.id === a)?.skills.slice(0, 4) ?? [];
      for (const s of skills) {
        for (let k = 0; k < 10; k++)
          assessments.push(assessed(`m${i}`, s.id, ((i + k) % 5) as SkillLevel, 1 + ((k * 7) % 10)));
      }
    }
    expect(assessments.length).toBeGreaterThanOrEqual(5000 * 3 * 10);

    // its speed is measured by `npm run bench:team`, not here
    const result = computeTeamGaps(rec, team, assessments, shippedPlaybook.skills);

    expect(result.members).toHaveLength(5000);
    expect(result.heatmap.rows).toHaveLength(5000);
    expect(result.totals.notAssessed).toBeGreaterThan(0); // the second role's skills were never assessed
  });
});

describe("heat-map cells as the page sends them (decision 0017)", () => {
  it("one number per cell gives back every cell the kept grid holds, blanks included", () => {
    fc.assert(
      fc.property(arbRec, arbTeam, arbAssessments, (rec, roleLists, raw) => {
        const { team, assessments } = build(roleLists, raw);
        const { heatmap } = computeTeamGaps(rec, team, assessments);
        for (const row of heatmap.rows)
          for (const skillId of heatmap.skillIds) {
            const cell = row.cells[skillId] ?? null;
            const code = encodeHeatmapCell(cell);
            expect(code === null || Number.isInteger(code)).toBe(true);
            expect(decodeHeatmapCell(code)).toEqual(cell);
          }
      }),
    );
  });
});
