import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  GENERAL_MANAGER_NODE_SIZE,
  ROLE_NODE_MAX_RESPONSIBILITIES,
  ROLE_NODE_MAX_SKILLS,
  ROLE_NODE_SIZE,
  layoutTree,
  orgChartGraph,
} from "../../app/domain/layout";
import type { PositionedNode, TreeInput } from "../../app/domain/layout";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { GENERAL_MANAGER, LANGUAGES, MODEL_IDS, PRIORITIES, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import type {
  Localized,
  OrgChartRecommendation,
  Priority,
  RecommendedLink,
  RecommendedRole,
  RoleId,
} from "../../app/domain/types";

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

interface Box {
  id: string;
  position: { x: number; y: number };
  width: number;
  height: number;
}

/** Pairs of boxes whose interiors intersect (sweep over x, so 2,000 nodes stay cheap). */
function overlappingPairs(boxes: Box[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.position.x - b.position.x);
  const found: [string, string][] = [];
  const eps = 1e-6;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.position.x >= a.position.x + a.width - eps) break;
      const yOverlap = a.position.y < b.position.y + b.height - eps && b.position.y < a.position.y + a.height - eps;
      if (yOverlap) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** Deterministic PRNG (mulberry32), so a failing random tree can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random tree of n nodes: each new node hangs under a random earlier one. */
function randomTree(n: number, seed: number, width: () => number, height: () => number): TreeInput<number> {
  const random = rng(seed);
  const nodes: TreeInput<number>[] = [];
  for (let i = 0; i < n; i++) {
    const node: TreeInput<number> = { id: `n${i}`, width: width(), height: height(), data: i, children: [] };
    if (i > 0) nodes[Math.floor(random() * i)].children?.push(node);
    nodes.push(node);
  }
  return nodes[0];
}

function childrenBelowParents<T>(laid: PositionedNode<T>[]): string[] {
  const byId = new Map(laid.map((n) => [n.id, n]));
  const wrong: string[] = [];
  for (const n of laid) {
    if (!n.parentId) continue;
    const p = byId.get(n.parentId);
    if (!p || n.position.y < p.position.y + p.height) wrong.push(n.id);
  }
  return wrong;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

function fixtureRole(id: RoleId, priority: Priority): RecommendedRole {
  return {
    id,
    label: L(`Role ${id}`, `岗位 ${id}`),
    priority,
    tier: "startup",
    coreFrom: priority === "later" ? "growth" : null,
    coveredBy: priority === "optional" ? L("a generalist", "通才") : null,
    headcount: priority === "core" ? { min: 1, max: 2 } : { min: 0, max: 1 },
    responsibilities: [
      L("first duty", "职责一"),
      L("second duty", "职责二"),
      L("third", "职责三"),
      L("fourth", "职责四"),
    ],
    skills: [1, 2, 3, 4, 5].map((i) => ({
      id: `skill_${i}`,
      label: L(`Skill ${i}`, `能力 ${i}`),
      requiredLevel: (i % 5) as 0 | 1 | 2 | 3 | 4,
    })),
    reportsTo: GENERAL_MANAGER,
    orgChallenge: L("challenge", "挑战"),
    rationale: [],
  };
}

/** A recommendation with the given priorities; reporting links for every needed role, as the rule does. */
function fixtureRecommendation(
  priorities: Priority[],
  collaborations: [RoleId, RoleId][] = [],
): OrgChartRecommendation {
  const roles = CORE_ROLE_IDS.map((id, i) => fixtureRole(id, priorities[i] ?? "core"));
  const links: RecommendedLink[] = roles
    .filter((r) => r.priority !== "not_needed")
    .map((r) => ({ from: GENERAL_MANAGER, to: r.id, kind: "reporting", reason: L("reports", "汇报") }));
  for (const [from, to] of collaborations) {
    links.push({ from, to, kind: "collaboration", reason: L(`${from} with ${to}`, `${from} 与 ${to}`) });
  }
  return { model: "platform", stage: "startup", roles, links };
}

const roleId = fc.constantFrom(...CORE_ROLE_IDS);
const arbitraryRecommendation = fc
  .record({
    priorities: fc.array(fc.constantFrom(...PRIORITIES), { minLength: 7, maxLength: 7 }),
    collaborations: fc.array(fc.tuple(roleId, roleId), { maxLength: 20 }),
  })
  .map(({ priorities, collaborations }) => fixtureRecommendation(priorities, collaborations));

const pairKey = (a: string, b: string) => [a, b].sort().join("|");

/* ------------------------------------------------------------------ */
/* layoutTree                                                          */
/* ------------------------------------------------------------------ */

describe("layoutTree", () => {
  it("centres the root on x = 0 and gives every node its size", () => {
    const laid = layoutTree(
      randomTree(
        300,
        1,
        () => 120,
        () => 40,
      ),
    );
    const root = laid.find((n) => n.id === "n0");
    expect(root?.position.x).toBeDefined();
    expect((root?.position.x ?? NaN) + (root?.width ?? 0) / 2).toBeCloseTo(0, 6);
    expect(root?.position.y).toBe(0);
    expect(laid).toHaveLength(300);
    for (const n of laid) {
      expect(n.width).toBe(120);
      expect(n.height).toBe(40);
      expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y)).toBe(true);
    }
  });

  it("places children below their parents, and nothing overlaps, in a random 2,000-node tree", () => {
    const laid = layoutTree(
      randomTree(
        2000,
        42,
        () => 160,
        () => 60,
      ),
    );
    expect(laid).toHaveLength(2000);
    expect(childrenBelowParents(laid)).toEqual([]);
    expect(overlappingPairs(laid)).toEqual([]);
  });

  it("keeps nodes of different widths and heights apart", () => {
    const random = rng(7);
    const laid = layoutTree(
      randomTree(
        2000,
        99,
        () => 40 + Math.floor(random() * 260),
        () => 20 + Math.floor(random() * 120),
      ),
    );
    expect(childrenBelowParents(laid)).toEqual([]);
    expect(overlappingPairs(laid)).toEqual([]);
  });

  it("keeps the requested gap between siblings", () => {
    const root: TreeInput<null> = {
      id: "root",
      width: 100,
      height: 50,
      data: null,
      children: ["a", "b", "c"].map((id) => ({ id, width: 100, height: 50, data: null })),
    };
    const laid = layoutTree(root, { siblingGap: 30, levelGap: 40 });
    const [a, b, c] = ["a", "b", "c"].map((id) => laid.find((n) => n.id === id));
    expect((b?.position.x ?? 0) - ((a?.position.x ?? 0) + 100)).toBeCloseTo(30, 6);
    expect((c?.position.x ?? 0) - ((b?.position.x ?? 0) + 100)).toBeCloseTo(30, 6);
    expect(b?.position.y).toBe(90);
    // the middle child sits right under the root
    expect((b?.position.x ?? NaN) + 50).toBeCloseTo(0, 6);
  });

  it("packs many leaves into a grid when asked, without overlaps", () => {
    const root: TreeInput<null> = {
      id: "gm",
      width: 200,
      height: 60,
      data: null,
      children: Array.from({ length: 7 }, (_, r) => ({
        id: `role${r}`,
        width: 200,
        height: 80,
        data: null,
        children: Array.from({ length: r * 15 }, (_, m) => ({ id: `m${r}-${m}`, width: 150, height: 40, data: null })),
      })),
    };
    const laid = layoutTree(root, { maxLeafColumns: 4 });
    expect(laid).toHaveLength(1 + 7 + 15 * 21);
    expect(childrenBelowParents(laid)).toEqual([]);
    expect(overlappingPairs(laid)).toEqual([]);
    const members = laid.filter((n) => n.parentId === "role6");
    const columns = new Set(members.map((n) => n.position.x));
    expect(columns.size).toBeLessThanOrEqual(4);
    expect(new Set(members.map((n) => n.position.y)).size).toBe(Math.ceil(90 / 4));
  });

  it("lays out 5,000 leaves with none overlapping", () => {
    const root: TreeInput<null> = {
      id: "gm",
      width: 220,
      height: 60,
      data: null,
      children: CORE_ROLE_IDS.map((id, r) => ({
        id,
        width: 220,
        height: 240,
        data: null,
        children: Array.from({ length: r === 0 ? 5000 - 6 * 700 : 700 }, (_, m) => ({
          id: `${id}-${m}`,
          width: 180,
          height: 48,
          data: null,
        })),
      })),
    };
    const laid = layoutTree(root);
    expect(laid).toHaveLength(1 + 7 + 5000);
    expect(overlappingPairs(laid)).toEqual([]);
  });
});

/* ------------------------------------------------------------------ */
/* orgChartGraph                                                       */
/* ------------------------------------------------------------------ */

describe("orgChartGraph", () => {
  it("draws the seven roles in one row under a centred general manager, without overlaps", () => {
    const { nodes } = orgChartGraph(
      fixtureRecommendation(["core", "core", "later", "core", "later", "optional", "not_needed"]),
      "en",
    );
    const gm = nodes.find((n) => n.type === "generalManager");
    const roles = nodes.filter((n) => n.type === "role");
    expect(gm?.id).toBe(GENERAL_MANAGER);
    expect((gm?.position.x ?? NaN) + GENERAL_MANAGER_NODE_SIZE.width / 2).toBeCloseTo(0, 6);
    expect(roles.map((n) => n.id)).toEqual([...CORE_ROLE_IDS]);
    for (const r of roles) {
      expect(r.position.y).toBeGreaterThanOrEqual(GENERAL_MANAGER_NODE_SIZE.height);
      expect(r.position.y).toBe(roles[0].position.y);
    }
    // left to right in CORE_ROLE_IDS order, so charts for different stages line up
    const xs = roles.map((r) => r.position.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(overlappingPairs(nodes)).toEqual([]);
    for (const n of nodes) {
      const size = n.type === "role" ? ROLE_NODE_SIZE : GENERAL_MANAGER_NODE_SIZE;
      expect(n.width).toBe(size.width);
      expect(n.height).toBe(size.height);
      // every node declares its handles, so edges can be drawn on the server
      expect(n.handles.length).toBeGreaterThan(0);
    }
  });

  it("yields one general manager and seven role nodes for any recommendation", () => {
    fc.assert(
      fc.property(arbitraryRecommendation, fc.constantFrom(...LANGUAGES), (rec, lang) => {
        const { nodes } = orgChartGraph(rec, lang);
        expect(nodes.filter((n) => n.type === "generalManager")).toHaveLength(1);
        expect(
          nodes
            .filter((n) => n.type === "role")
            .map((n) => n.id)
            .sort(),
        ).toEqual([...CORE_ROLE_IDS].sort());
        expect(overlappingPairs(nodes)).toEqual([]);
      }),
    );
  });

  it("draws a reporting line only where the recommendation has one: not to roles that are not needed", () => {
    fc.assert(
      fc.property(arbitraryRecommendation, (rec) => {
        const { edges } = orgChartGraph(rec, "en");
        const reporting = edges.filter((e) => e.type === "reporting");
        const expected = rec.links.filter((l) => l.kind === "reporting").map((l) => `${l.from}->${l.to}`);
        expect(reporting.map((e) => `${e.source}->${e.target}`).sort()).toEqual(expected.sort());
        const notNeeded = new Set(rec.roles.filter((r) => r.priority === "not_needed").map((r) => r.id));
        for (const e of reporting) {
          expect(e.source).toBe(GENERAL_MANAGER);
          expect(notNeeded.has(e.target as RoleId)).toBe(false);
          expect(e.data.kind).toBe("reporting");
        }
      }),
    );
  });

  it("draws each collaboration once, whichever way and however often it is listed", () => {
    const rec = fixtureRecommendation(
      ["core", "core", "core", "core", "core", "core", "core"],
      [
        ["product_manager", "operations_manager"],
        ["operations_manager", "product_manager"],
        ["product_manager", "operations_manager"],
        ["data_analysis", "marketing"],
        ["marketing", "data_analysis"],
        ["tech_dev", "tech_dev"],
      ],
    );
    const collaboration = orgChartGraph(rec, "en").edges.filter((e) => e.type === "collaboration");
    expect(collaboration.map((e) => pairKey(e.source, e.target)).sort()).toEqual(
      [pairKey("product_manager", "operations_manager"), pairKey("data_analysis", "marketing")].sort(),
    );
    const pm = collaboration.find((e) => e.source === "product_manager");
    // both listed reasons survive the merge
    expect(pm?.data.reason).toContain("product_manager with operations_manager");
    expect(pm?.data.reason).toContain("operations_manager with product_manager");

    fc.assert(
      fc.property(arbitraryRecommendation, (r) => {
        const keys = orgChartGraph(r, "zh")
          .edges.filter((e) => e.type === "collaboration")
          .map((e) => pairKey(e.source, e.target));
        expect(new Set(keys).size).toBe(keys.length);
        const listed = new Set(
          r.links.filter((l) => l.kind === "collaboration" && l.from !== l.to).map((l) => pairKey(l.from, l.to)),
        );
        expect(new Set(keys)).toEqual(listed);
      }),
    );
  });

  it("localizes what the nodes show into the chosen language", () => {
    const rec = fixtureRecommendation(["core", "later", "optional", "not_needed", "core", "core", "core"]);
    const zh = orgChartGraph(rec, "zh").nodes;
    const en = orgChartGraph(rec, "en").nodes;
    const zhOps = zh.find((n) => n.id === "operations_manager");
    const enOps = en.find((n) => n.id === "operations_manager");
    expect(zh.find((n) => n.id === GENERAL_MANAGER)?.data.label).toBe("总经理");
    expect(en.find((n) => n.id === GENERAL_MANAGER)?.data.label).toBe("General manager");
    if (zhOps?.type !== "role" || enOps?.type !== "role") throw new Error("role node missing");
    expect(zhOps.data.label).toBe("岗位 operations_manager");
    expect(enOps.data.label).toBe("Role operations_manager");
    expect(zhOps.data.responsibilities).toEqual(["职责一", "职责二", "职责三"]);
    expect(zhOps.data.skills[0]).toEqual({ id: "skill_1", label: "能力 1", level: 1 });
    const zhTech = zh.find((n) => n.id === "tech_dev");
    if (zhTech?.type !== "role") throw new Error("role node missing");
    expect(zhTech.data.coveredBy).toBe("通才");
    expect(orgChartGraph(rec, "zh").edges[0]?.data.reason).toBe("汇报");
  });

  it("shows the first responsibilities and skills and counts the rest", () => {
    const { nodes } = orgChartGraph(
      fixtureRecommendation(["core", "core", "core", "core", "core", "core", "core"]),
      "en",
    );
    const node = nodes.find((n) => n.id === "product_manager");
    if (node?.type !== "role") throw new Error("role node missing");
    expect(node.data.responsibilities).toHaveLength(ROLE_NODE_MAX_RESPONSIBILITIES);
    expect(node.data.moreResponsibilities).toBe(4 - ROLE_NODE_MAX_RESPONSIBILITIES);
    expect(node.data.skills).toHaveLength(ROLE_NODE_MAX_SKILLS);
    expect(node.data.moreSkills).toBe(5 - ROLE_NODE_MAX_SKILLS);
    expect(node.data.priority).toBe("core");
    expect(node.data.headcount).toEqual({ min: 1, max: 2 });
  });

  it("still places every role when a reporting line points at a cycle", () => {
    const rec = fixtureRecommendation(["core", "core", "core", "core", "core", "core", "core"]);
    rec.roles[0] = { ...rec.roles[0], reportsTo: "operations_manager" };
    rec.roles[1] = { ...rec.roles[1], reportsTo: "product_manager" };
    const { nodes } = orgChartGraph(rec, "en");
    expect(nodes).toHaveLength(8);
    expect(overlappingPairs(nodes)).toEqual([]);
  });

  it("draws the shipped playbook's recommendation for every model and stage", () => {
    for (const model of MODEL_IDS) {
      for (const stage of STAGE_IDS) {
        const rec = recommendOrgChart(model, stage, shippedPlaybook);
        const { nodes, edges } = orgChartGraph(rec, "zh");
        expect(nodes).toHaveLength(8);
        expect(overlappingPairs(nodes)).toEqual([]);
        const ids = new Set(nodes.map((n) => n.id));
        for (const e of edges) {
          expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        }
        const needed = rec.roles.filter((r) => r.priority !== "not_needed").map((r) => r.id);
        expect(
          edges
            .filter((e) => e.type === "reporting")
            .map((e) => e.target)
            .sort(),
        ).toEqual([...needed].sort());
      }
    }
  });
});
