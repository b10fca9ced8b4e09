import { describe, expect, it } from "vitest";
import { computeTeamGaps } from "../../app/domain/gaps";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import {
  COLLAPSE_THRESHOLD,
  MEMBER_NODES_PER_DEPARTMENT,
  MEMBER_NODES_TOTAL,
  TEAM_ROLE_NODE_SIZE,
  expandedFromQuery,
  expandedQueryValue,
  homeRoleOf,
  memberNodeQuotas,
  otherRolesOf,
  teamGraph,
  toggleExpanded,
} from "../../app/domain/team-graph";
import type { TeamDiagramNode, TeamGraph } from "../../app/domain/team-graph";
import type { SkillAssessmentRecord, TeamMember } from "../../app/domain/team";
import { ALL_ROLE_IDS, GENERAL_MANAGER, CORE_ROLE_IDS } from "../../app/domain/types";
import type { OrgChartRecommendation, RoleId } from "../../app/domain/types";

/* ------------------------------------------------------------------ */
/* Fixtures                                                             */
/* ------------------------------------------------------------------ */

// platform · growth: five core roles (min 1 each), tech_dev optional, compliance_risk later.
const rec: OrgChartRecommendation = recommendOrgChart("platform", "growth", shippedPlaybook);

function member(id: string, roles: [RoleId, number][], department: RoleId | null = roles[0]?.[0] ?? null): TeamMember {
  return { id, name: id, department, managerId: null, roles: roles.map(([roleId, share]) => ({ roleId, share })) };
}

function graphOf(
  members: TeamMember[],
  expanded: RoleId[] | null = null,
  assessments: SkillAssessmentRecord[] = [],
  selectedMemberId: string | null = null,
): TeamGraph {
  const gaps = computeTeamGaps(rec, members, assessments);
  return teamGraph({
    recommendation: rec,
    members,
    gaps,
    expanded: expanded ?? expandedFromQuery(null, members.length),
    lang: "en",
    selectedMemberId,
  });
}

function ofType<T extends TeamDiagramNode["type"]>(g: TeamGraph, type: T): Extract<TeamDiagramNode, { type: T }>[] {
  return g.nodes.filter((n): n is Extract<TeamDiagramNode, { type: T }> => n.type === type);
}

/** Pairs of boxes whose interiors intersect. */
function overlaps(boxes: TeamDiagramNode[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.position.x - b.position.x);
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.position.x >= a.position.x + a.width - 1e-6) break;
      if (a.position.y < b.position.y + b.height - 1e-6 && b.position.y < a.position.y + a.height - 1e-6)
        found.push([a.id, b.id]);
    }
  }
  return found;
}

function inside(inner: TeamDiagramNode, outer: TeamDiagramNode): boolean {
  return (
    inner.position.x >= outer.position.x &&
    inner.position.y >= outer.position.y &&
    inner.position.x + inner.width <= outer.position.x + outer.width &&
    inner.position.y + inner.height <= outer.position.y + outer.height
  );
}

function many(n: number, roleId: RoleId, prefix = roleId): TeamMember[] {
  return Array.from({ length: n }, (_, i) => member(`${prefix}-${String(i).padStart(5, "0")}`, [[roleId, 1]]));
}

/* ------------------------------------------------------------------ */

describe("where a member sits", () => {
  it("sits in their department when they hold it, else under the role with the largest share", () => {
    expect(
      homeRoleOf(
        member(
          "a",
          [
            ["marketing", 0.3],
            ["product_manager", 0.7],
          ],
          "marketing",
        ),
      ),
    ).toBe("marketing");
    expect(
      homeRoleOf(
        member(
          "b",
          [
            ["marketing", 0.3],
            ["product_manager", 0.7],
          ],
          "supply_chain",
        ),
      ),
    ).toBe("product_manager");
    expect(
      homeRoleOf(
        member(
          "c",
          [
            ["marketing", 0.5],
            ["product_manager", 0.5],
          ],
          null,
        ),
      ),
    ).toBe("marketing");
    expect(homeRoleOf(member("d", [], "tech_dev"))).toBe("tech_dev");
    expect(homeRoleOf(member("e", [], null))).toBeNull();
    expect(
      otherRolesOf(
        member(
          "a",
          [
            ["marketing", 0.3],
            ["product_manager", 0.7],
          ],
          "marketing",
        ),
      ),
    ).toEqual(["product_manager"]);
  });
});

describe("expanded departments from the address", () => {
  it("opens everything for a small team and nothing for a large one, unless the address says", () => {
    // every known department, the extension roles' too (the graph draws only those the playbook holds)
    expect(expandedFromQuery(null, COLLAPSE_THRESHOLD)).toEqual([...ALL_ROLE_IDS]);
    expect(expandedFromQuery("customer_service,marketing", 5000)).toEqual(["marketing", "customer_service"]);
    expect(expandedFromQuery(null, COLLAPSE_THRESHOLD + 1)).toEqual([]);
    expect(expandedFromQuery("", 3)).toEqual([]);
    expect(expandedFromQuery("marketing,nonsense,product_manager", 5000)).toEqual(["product_manager", "marketing"]);
    expect(toggleExpanded(["marketing"], "product_manager")).toEqual(["product_manager", "marketing"]);
    expect(toggleExpanded(["marketing", "product_manager"], "marketing")).toEqual(["product_manager"]);
    expect(expandedQueryValue(["marketing", "product_manager"])).toBe("product_manager,marketing");
  });

  it("shares the member-node budget fairly between expanded departments", () => {
    const quotas = memberNodeQuotas(
      new Map<RoleId, number>([
        ["marketing", 10],
        ["product_manager", 2000],
        ["supply_chain", 2000],
      ]),
      200,
      300,
    );
    expect(quotas.get("marketing")).toBe(10);
    expect(quotas.get("product_manager")! + quotas.get("supply_chain")!).toBe(290);
    expect(quotas.get("product_manager")).toBeLessThanOrEqual(200);
  });
});

describe("the team diagram", () => {
  const team = [
    member("Ann", [["product_manager", 1]]),
    member(
      "Bo",
      [
        ["operations_manager", 0.6],
        ["marketing", 0.4],
      ],
      "operations_manager",
    ),
    member("Cy", [["operations_manager", 1]]),
    member("Di", [["data_analysis", 1]]),
    member("Ed", [], null),
  ];

  it("draws the GM, the seven roles and every member of a small team under their home role", () => {
    const g = graphOf(team);
    expect(ofType(g, "teamGm")).toHaveLength(1);
    expect(ofType(g, "teamRole").map((n) => n.data.roleId)).toEqual([...CORE_ROLE_IDS]);
    const members = ofType(g, "teamMember");
    expect(members.map((n) => n.data.name).sort()).toEqual(["Ann", "Bo", "Cy", "Di"]);
    expect(members.find((n) => n.data.name === "Bo")?.data.homeRoleId).toBe("operations_manager");
    expect(ofType(g, "teamGm")[0].data).toMatchObject({ memberCount: 5, withoutRole: 1 });
    // every member node sits inside the box of its department, below its role
    for (const m of members) {
      const box = g.nodes.find((n) => n.id === `department:${m.data.homeRoleId}`)!;
      const role = g.nodes.find((n) => n.id === m.data.homeRoleId)!;
      expect(inside(m, box)).toBe(true);
      expect(m.position.y).toBeGreaterThan(role.position.y + TEAM_ROLE_NODE_SIZE.height);
    }
  });

  it("links a member with two roles to the other role with a dashed 'also holds' edge", () => {
    const g = graphOf(team);
    const also = g.edges.filter((e) => e.type === "alsoHolds");
    expect(also).toEqual([expect.objectContaining({ source: "member:Bo", target: "marketing" })]);
    expect(ofType(g, "teamMember").find((n) => n.data.name === "Bo")?.data.alsoHolds).toEqual(["Marketing"]);
  });

  it("draws one open-seat node per unfilled seat, and the recommendation's collaboration links", () => {
    const g = graphOf(team);
    const gaps = computeTeamGaps(rec, team, []);
    for (const c of gaps.roles) {
      const seats = ofType(g, "openSeat").filter((n) => n.data.roleId === c.roleId);
      expect(seats, c.roleId).toHaveLength(c.unfilledSeats);
    }
    // supply chain and marketing have nobody: one open seat each (platform · growth, min 1)
    expect(
      ofType(g, "openSeat")
        .map((n) => n.data.roleId)
        .sort(),
    ).toEqual(["marketing", "supply_chain"]);
    const collaboration = g.edges.filter((e) => e.type === "collaboration").map((e) => e.id);
    expect(collaboration).toContain("collaboration:product_manager--operations_manager");
    expect(collaboration).toContain("collaboration:supply_chain--marketing");
    expect(g.edges.filter((e) => e.type === "reporting" && e.source === GENERAL_MANAGER)).toHaveLength(7);
  });

  it("colours members by their gap bucket", () => {
    const at = new Date("2026-01-01");
    const assessments: SkillAssessmentRecord[] = [
      // Ann (product manager, growth: market_insight 3, data_analytics 3, multi_language_culture 2)
      { memberId: "Ann", skillId: "market_insight", level: 3, assessedAt: at, recordedAt: at },
      { memberId: "Ann", skillId: "data_analytics", level: 3, assessedAt: at, recordedAt: at },
      { memberId: "Ann", skillId: "multi_language_culture", level: 1, assessedAt: at, recordedAt: at },
    ];
    const g = graphOf(team, null, assessments);
    const byName = new Map(ofType(g, "teamMember").map((n) => [n.data.name, n.data]));
    expect(byName.get("Ann")).toMatchObject({ bucket: "small", maxGap: 1 });
    // Cy has no assessment: not assessed, not a gap
    expect(byName.get("Cy")).toMatchObject({ bucket: "unassessed", maxGap: 0 });
  });

  it("leaves the members of a collapsed department out, and says how many there are", () => {
    const g = graphOf(team, ["product_manager"]);
    expect(ofType(g, "teamMember").map((n) => n.data.name)).toEqual(["Ann"]);
    expect(ofType(g, "department").map((n) => n.data.roleId)).toEqual(["product_manager"]);
    const ops = ofType(g, "teamRole").find((n) => n.data.roleId === "operations_manager")!;
    expect(ops.data).toMatchObject({ expanded: false, memberCount: 2, holderCount: 2 });
    // a hidden member has no "also holds" edge either
    expect(g.edges.some((e) => e.type === "alsoHolds")).toBe(false);
    expect(ofType(g, "openSeat")).toHaveLength(0);
  });

  it("shows the first members of a huge department and one 'more' node for the rest", () => {
    const big = many(2000, "supply_chain");
    const g = graphOf(big, ["supply_chain"]);
    expect(ofType(g, "teamMember")).toHaveLength(MEMBER_NODES_PER_DEPARTMENT);
    const more = ofType(g, "moreMembers");
    expect(more).toHaveLength(1);
    expect(more[0].data).toMatchObject({ roleId: "supply_chain", hidden: 2000 - MEMBER_NODES_PER_DEPARTMENT });
    expect(g.departments.find((d) => d.roleId === "supply_chain")).toEqual({
      roleId: "supply_chain",
      memberCount: 2000,
      shown: MEMBER_NODES_PER_DEPARTMENT,
    });
  });

  it("keeps the selected member visible even beyond the cap", () => {
    const big = many(500, "supply_chain");
    const g = graphOf(big, ["supply_chain"], [], "supply_chain-00450");
    expect(ofType(g, "teamMember").some((n) => n.data.memberId === "supply_chain-00450")).toBe(true);
    expect(ofType(g, "teamMember")).toHaveLength(MEMBER_NODES_PER_DEPARTMENT);
  });

  it("keeps the whole diagram under the node budget with every department of a huge team expanded", () => {
    const huge = CORE_ROLE_IDS.flatMap((id) => many(800, id));
    const g = graphOf(huge, [...CORE_ROLE_IDS]);
    expect(ofType(g, "teamMember").length).toBeLessThanOrEqual(MEMBER_NODES_TOTAL);
    expect(g.nodes.length).toBeLessThan(700);
    expect(ofType(g, "moreMembers")).toHaveLength(7);
  });

  it("never overlaps two nodes (departments contain their members)", () => {
    const mixed = [
      ...many(3, "product_manager"),
      ...many(40, "operations_manager"),
      ...many(250, "supply_chain"),
      ...many(1, "marketing"),
      ...many(17, "data_analysis"),
    ];
    for (const expanded of [[...CORE_ROLE_IDS], ["operations_manager", "supply_chain"] as RoleId[], []]) {
      const g = graphOf(mixed, expanded);
      const boxes = g.nodes.filter((n) => n.type !== "department");
      expect(overlaps(boxes), expanded.join(",")).toEqual([]);
      expect(overlaps(ofType(g, "department"))).toEqual([]);
      for (const n of g.nodes) {
        const roleId =
          n.type === "teamMember"
            ? n.data.homeRoleId
            : n.type === "openSeat" || n.type === "moreMembers"
              ? n.data.roleId
              : null;
        if (roleId)
          expect(
            inside(
              n,
              g.nodes.find((d) => d.id === `department:${roleId}`)!,
            ),
            n.id,
          ).toBe(true);
        expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y) && n.width > 0 && n.height > 0).toBe(
          true,
        );
      }
    }
  });

  it("draws 5,000 members collapsed: one node per role, every member counted", () => {
    const huge = Array.from({ length: 5000 }, (_, i) =>
      member(`m${i}`, [
        [CORE_ROLE_IDS[i % 7], 0.5],
        [CORE_ROLE_IDS[(i + 3) % 7], 0.5],
      ]),
    );
    const gaps = computeTeamGaps(rec, huge, []);
    const expanded = expandedFromQuery(null, huge.length);
    // its speed is measured by `npm run bench:team` (the org chart page at 5,000 members), not here
    const g = teamGraph({ recommendation: rec, members: huge, gaps, expanded, lang: "zh" });
    expect(expanded).toEqual([]);
    expect(g.nodes).toHaveLength(8);
    expect(ofType(g, "teamRole").reduce((sum, n) => sum + n.data.memberCount, 0)).toBe(5000);
  });
});
