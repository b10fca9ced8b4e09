import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isModelId, isStageId, localize, recommendOrgChart, stageIndex } from "../../app/domain/recommendation";
import { toRecommendationJson } from "../../app/domain/recommendation-json";
import { shippedPlaybook } from "../../app/domain/playbook";
import { validatePlaybook } from "../../app/domain/playbook-validation";
import { GENERAL_MANAGER, MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import type {
  Localized,
  ModelId,
  OrgChartRecommendation,
  Playbook,
  Priority,
  RoleId,
  CoreRoleId,
  StageId,
} from "../../app/domain/types";

/* ------------------------------------------------------------------ */
/* The expected table, worked out by hand from PRODUCT.md:             */
/*   applies to: PM all; OPS platform, independent_site;               */
/*   TECH independent_site, b2b; SC all; MKT independent_site,         */
/*   platform; DATA all; COMP b2b, platform.                           */
/*   tiers: PM, OPS, SC startup; TECH, MKT, DATA growth; COMP mature.  */
/* Columns in CORE_ROLE_IDS order:                                          */
/*   product_manager, operations_manager, tech_dev, supply_chain,      */
/*   marketing, data_analysis, compliance_risk                         */
/* ------------------------------------------------------------------ */

const C = "core" as const;
const L = "later" as const;
const O = "optional" as const;
const N = "not_needed" as const;

const EXPECTED: Record<ModelId, Record<StageId, Priority[]>> = {
  platform: {
    startup: [C, C, N, C, L, L, L],
    growth: [C, C, O, C, C, C, L],
    mature: [C, C, O, C, C, C, C],
  },
  independent_site: {
    startup: [C, C, L, C, L, L, N],
    growth: [C, C, C, C, C, C, N],
    mature: [C, C, C, C, C, C, O],
  },
  distribution: {
    startup: [C, O, N, C, N, L, N],
    growth: [C, O, O, C, O, C, N],
    mature: [C, O, O, C, O, C, O],
  },
  b2b: {
    startup: [C, O, L, C, N, L, L],
    growth: [C, O, C, C, O, C, L],
    mature: [C, O, C, C, O, C, C],
  },
  managed_service: {
    startup: [C, O, N, C, N, L, N],
    growth: [C, O, O, C, O, C, N],
    mature: [C, O, O, C, O, C, O],
  },
};

/** Applicability as PRODUCT.md's table states it, written out independently of the playbook. */
const APPLIES: Record<CoreRoleId, ModelId[]> = {
  product_manager: ["platform", "independent_site", "distribution", "b2b", "managed_service"],
  operations_manager: ["platform", "independent_site"],
  tech_dev: ["independent_site", "b2b"],
  supply_chain: ["platform", "independent_site", "distribution", "b2b", "managed_service"],
  marketing: ["independent_site", "platform"],
  data_analysis: ["platform", "independent_site", "distribution", "b2b", "managed_service"],
  compliance_risk: ["b2b", "platform"],
};
const TIER: Record<CoreRoleId, StageId> = {
  product_manager: "startup",
  operations_manager: "startup",
  supply_chain: "startup",
  tech_dev: "growth",
  marketing: "growth",
  data_analysis: "growth",
  compliance_risk: "mature",
};

const PAIRS: [ModelId, StageId][] = MODEL_IDS.flatMap((m) => STAGE_IDS.map((s): [ModelId, StageId] => [m, s]));
const RANK: Record<Priority, number> = { not_needed: 0, later: 1, optional: 1, core: 2 };

function allTexts(rec: OrgChartRecommendation): Localized[] {
  const out: Localized[] = [];
  for (const r of rec.roles) {
    out.push(
      r.label,
      r.orgChallenge,
      ...r.responsibilities,
      ...r.skills.map((s) => s.label),
      ...r.rationale.map((x) => x.text),
    );
    if (r.coveredBy) out.push(r.coveredBy);
  }
  for (const l of rec.links) out.push(l.reason);
  return out;
}

describe("recommendOrgChart: the fifteen model × stage pairs", () => {
  it.each(PAIRS)("%s at %s gives the hand-computed priorities", (model, stage) => {
    const rec = recommendOrgChart(model, stage, shippedPlaybook);
    expect(rec.model).toBe(model);
    expect(rec.stage).toBe(stage);
    expect(rec.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
    expect(rec.roles.map((r) => r.priority)).toEqual(EXPECTED[model][stage]);
  });

  it("the shipped playbook states PRODUCT.md's applicability and tiers", () => {
    for (const id of CORE_ROLE_IDS) {
      const def = shippedPlaybook.roles.find((r) => r.id === id);
      expect(def, id).toBeDefined();
      expect([...(def?.appliesTo ?? [])].sort(), id).toEqual([...APPLIES[id]].sort());
      expect(def?.tier, id).toBe(TIER[id]);
    }
  });
});

describe("recommendOrgChart: per-role outputs", () => {
  it.each(PAIRS)("%s at %s: coreFrom, coveredBy, headcount and levels follow the priority", (model, stage) => {
    const rec = recommendOrgChart(model, stage, shippedPlaybook);
    for (const role of rec.roles) {
      const def = shippedPlaybook.roles.find((r) => r.id === role.id);
      if (!def) throw new Error(role.id);
      expect(role.tier).toBe(def.tier);
      expect(role.reportsTo).toBe(def.reportsTo);
      expect(role.skills.map((s) => s.id)).toEqual(def.skills.map((s) => s.skillId));
      expect(role.responsibilities).toEqual(def.responsibilitiesByModel[model] ?? def.coreResponsibilities);
      switch (role.priority) {
        case "core": {
          expect(role.coreFrom).toBeNull();
          expect(role.coveredBy).toBeNull();
          expect(role.headcount).toEqual((def.headcountByModel[model] ?? def.headcount)[stage]);
          expect(role.headcount.max).toBeGreaterThanOrEqual(1);
          role.skills.forEach((s, i) => expect(s.requiredLevel).toBe(def.skills[i].levels[stage]));
          break;
        }
        case "optional": {
          expect(role.coreFrom).toBeNull();
          expect(role.coveredBy).toEqual(def.optionalCoverByModel[model] ?? def.optionalCover);
          expect(role.headcount).toEqual({ min: 0, max: 1 });
          role.skills.forEach((s, i) => expect(s.requiredLevel).toBe(Math.min(def.skills[i].levels[stage], 2)));
          break;
        }
        case "later": {
          expect(role.coreFrom).toBe(def.tier);
          expect(stageIndex(def.tier)).toBeGreaterThan(stageIndex(stage));
          expect(role.coveredBy).toBeNull();
          expect(role.headcount).toEqual({ min: 0, max: 0 });
          role.skills.forEach((s) => expect(s.requiredLevel).toBe(0));
          break;
        }
        case "not_needed": {
          expect(role.coreFrom).toBeNull();
          expect(role.coveredBy).toBeNull();
          expect(role.headcount).toEqual({ min: 0, max: 0 });
          role.skills.forEach((s) => expect(s.requiredLevel).toBe(0));
          break;
        }
      }
    }
  });

  it("uses the per-model wording: marketplace operations watch platform rules; managed service supervises the provider", () => {
    const platform = recommendOrgChart("platform", "startup", shippedPlaybook).roles[1];
    expect(platform.id).toBe("operations_manager");
    expect(platform.responsibilities.map((r) => r.zh).join()).toContain("平台规则");
    const dtc = recommendOrgChart("independent_site", "startup", shippedPlaybook).roles[1];
    expect(dtc.responsibilities.map((r) => r.en).join()).toMatch(/conversion/i);
    const managed = recommendOrgChart("managed_service", "startup", shippedPlaybook).roles[1];
    expect(managed.priority).toBe("optional");
    expect(managed.responsibilities.map((r) => r.en).join()).toMatch(/provider/i);
    expect(managed.coveredBy?.en).toMatch(/service provider/i);
  });

  it("uses per-model headcount overrides (tech heavier on a DTC site than in B2B)", () => {
    const dtc = recommendOrgChart("independent_site", "mature", shippedPlaybook).roles[2];
    const b2b = recommendOrgChart("b2b", "mature", shippedPlaybook).roles[2];
    expect(dtc.id).toBe("tech_dev");
    expect(dtc.headcount.max).toBeGreaterThan(b2b.headcount.max);
  });
});

describe("recommendOrgChart: rationale", () => {
  it.each(PAIRS)("%s at %s: every role explains every topic, and collaboration where it has links", (model, stage) => {
    const rec = recommendOrgChart(model, stage, shippedPlaybook);
    for (const role of rec.roles) {
      const topics = new Set(role.rationale.map((r) => r.topic));
      for (const t of ["priority", "headcount", "responsibilities", "skills", "reporting"] as const) {
        expect(topics.has(t), `${role.id} ${t}`).toBe(true);
      }
      const hasLinks = shippedPlaybook.collaborationLinks.some((l) => l.from === role.id || l.to === role.id);
      expect(topics.has("collaboration"), role.id).toBe(hasLinks);
    }
  });

  it("cites the rule and the source, with the model, stage and tier by name", () => {
    const rec = recommendOrgChart("independent_site", "growth", shippedPlaybook);
    const tech = rec.roles.find((r) => r.id === "tech_dev");
    const first = tech?.rationale.find((r) => r.topic === "priority");
    expect(first?.text.en).toContain("Independent DTC site");
    expect(first?.text.en).toContain("core");
    expect(first?.text.en).toContain("Growth");
    expect(first?.text.zh).toContain("独立站");
    expect(first?.text.zh).toContain("补充技术、市场、数据分析岗位");
  });

  it("quotes the chosen stage's guidance in Chinese", () => {
    const rec = recommendOrgChart("platform", "mature", shippedPlaybook);
    const pm = rec.roles[0];
    expect(pm.rationale.some((r) => r.text.zh.includes("完善合规、风控、全球化能力"))).toBe(true);
  });

  it("follows an edited playbook (rationale is generated from the data)", () => {
    const edited: Playbook = structuredClone(shippedPlaybook);
    const tech = edited.roles.find((r) => r.id === "tech_dev");
    if (!tech) throw new Error("tech_dev");
    tech.headcount.growth = { min: 4, max: 7 };
    tech.headcount.mature = { min: 5, max: 9 };
    const rec = recommendOrgChart("b2b", "growth", edited);
    const role = rec.roles[2];
    expect(role.headcount).toEqual({ min: 4, max: 7 });
    expect(role.rationale.find((r) => r.topic === "headcount")?.text.en).toContain("4–7");
  });

  it("falls back to the general manager when a role's manager is not needed", () => {
    const edited: Playbook = structuredClone(shippedPlaybook);
    const mkt = edited.roles.find((r) => r.id === "marketing");
    if (!mkt) throw new Error("marketing");
    mkt.reportsTo = "operations_manager";
    const onPlatform = recommendOrgChart("platform", "growth", edited);
    expect(onPlatform.roles[4].reportsTo).toBe("operations_manager");
    expect(onPlatform.links).toContainEqual(
      expect.objectContaining({ from: "operations_manager", to: "marketing", kind: "reporting" }),
    );
    // compliance reporting to tech_dev, which is not needed for platform at startup
    const comp = edited.roles.find((r) => r.id === "compliance_risk");
    if (!comp) throw new Error("compliance_risk");
    comp.reportsTo = "tech_dev";
    const rec = recommendOrgChart("platform", "startup", edited);
    expect(rec.roles[2].priority).toBe("not_needed");
    expect(rec.roles[6].reportsTo).toBe(GENERAL_MANAGER);
  });
});

describe("recommendOrgChart: invariants", () => {
  it.each(MODEL_IDS)("%s: a later stage never drops a role nor lowers a headcount or a level", (model) => {
    const recs = STAGE_IDS.map((s) => recommendOrgChart(model, s, shippedPlaybook));
    for (let i = 1; i < recs.length; i++) {
      const before = recs[i - 1];
      const after = recs[i];
      after.roles.forEach((role, j) => {
        const prev = before.roles[j];
        expect(role.id).toBe(prev.id);
        if (prev.priority === "core" || prev.priority === "optional") {
          expect(["core", "optional"]).toContain(role.priority);
        }
        expect(RANK[role.priority]).toBeGreaterThanOrEqual(RANK[prev.priority]);
        expect(role.headcount.min, `${model} ${role.id} min`).toBeGreaterThanOrEqual(prev.headcount.min);
        expect(role.headcount.max, `${model} ${role.id} max`).toBeGreaterThanOrEqual(prev.headcount.max);
        role.skills.forEach((s, k) => {
          expect(s.requiredLevel, `${model} ${role.id} ${s.id}`).toBeGreaterThanOrEqual(prev.skills[k].requiredLevel);
        });
      });
    }
  });

  it.each(PAIRS)("%s at %s: priority is applicability × tier", (model, stage) => {
    const rec = recommendOrgChart(model, stage, shippedPlaybook);
    expect(rec.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
    for (const role of rec.roles) {
      const id = role.id as CoreRoleId;
      const applies = APPLIES[id].includes(model);
      const reached = STAGE_IDS.indexOf(TIER[id]) <= STAGE_IDS.indexOf(stage);
      const expected: Priority = applies ? (reached ? "core" : "later") : reached ? "optional" : "not_needed";
      expect(role.priority, role.id).toBe(expected);
    }
  });

  it.each(PAIRS)("%s at %s: links", (model, stage) => {
    const rec = recommendOrgChart(model, stage, shippedPlaybook);
    const priority = new Map(rec.roles.map((r) => [r.id, r.priority]));
    for (const link of rec.links) {
      expect(priority.get(link.to)).not.toBe("not_needed");
      if (link.from !== GENERAL_MANAGER) expect(priority.get(link.from)).not.toBe("not_needed");
      expect(link.reason.zh.trim()).not.toBe("");
      expect(link.reason.en.trim()).not.toBe("");
    }
    // one reporting link per role that is not `not_needed`
    const reporting = rec.links.filter((l) => l.kind === "reporting").map((l) => l.to);
    expect(reporting).toEqual(rec.roles.filter((r) => r.priority !== "not_needed").map((r) => r.id));
    // one collaboration link per playbook link whose ends are both needed
    const expectedCollab = shippedPlaybook.collaborationLinks.filter(
      (l) => priority.get(l.from) !== "not_needed" && priority.get(l.to) !== "not_needed",
    );
    const collab = rec.links.filter((l) => l.kind === "collaboration");
    expect(collab.map((l) => [l.from, l.to])).toEqual(expectedCollab.map((l) => [l.from, l.to]));
  });

  it("draws the collaboration links the source's org problems call for (platform, mature: all ten)", () => {
    const rec = recommendOrgChart("platform", "mature", shippedPlaybook);
    const collab = rec.links.filter((l) => l.kind === "collaboration");
    // tech_dev is optional on a marketplace, so its links stay; nothing is not_needed here
    expect(collab).toHaveLength(10);
    expect(collab).toContainEqual(expect.objectContaining({ from: "product_manager", to: "operations_manager" }));
    expect(collab).toContainEqual(expect.objectContaining({ from: "supply_chain", to: "marketing" }));
  });

  it("drops links to roles that are not needed (distribution, startup)", () => {
    const rec = recommendOrgChart("distribution", "startup", shippedPlaybook);
    const touches = (id: RoleId) => rec.links.some((l) => l.from === id || l.to === id);
    expect(touches("tech_dev")).toBe(false);
    expect(touches("marketing")).toBe(false);
    expect(touches("compliance_risk")).toBe(false);
    expect(touches("operations_manager")).toBe(true);
  });

  it.each(PAIRS)("%s at %s: every text has non-empty zh and en", (model, stage) => {
    for (const text of allTexts(recommendOrgChart(model, stage, shippedPlaybook))) {
      expect(text.zh.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("is pure: the same input gives the same output and the playbook is not mutated", () => {
    const copy = structuredClone(shippedPlaybook);
    const a = recommendOrgChart("b2b", "growth", shippedPlaybook);
    const b = recommendOrgChart("b2b", "growth", shippedPlaybook);
    expect(a).toEqual(b);
    a.roles[0].headcount.min = 99;
    expect(recommendOrgChart("b2b", "growth", shippedPlaybook).roles[0].headcount.min).not.toBe(99);
    expect(shippedPlaybook).toEqual(copy);
  });

  it("throws when the playbook lacks one of the seven roles", () => {
    const broken: Playbook = structuredClone(shippedPlaybook);
    broken.roles = broken.roles.filter((r) => r.id !== "marketing");
    expect(() => recommendOrgChart("platform", "growth", broken)).toThrow(/marketing/);
  });

  it("holds the stage invariants for any valid playbook (random applicability, tiers and numbers)", () => {
    const stageArb = fc.constantFrom<StageId>(...STAGE_IDS);
    const modelsArb = fc.subarray([...MODEL_IDS]);
    const rangeArb = fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
      )
      .map(([min, span, dMin, dMax]) => {
        const s = { min, max: min + span };
        const g = { min: s.min + dMin, max: s.max + dMin + dMax };
        const m = { min: g.min + dMin, max: g.max + dMin + dMax };
        return { startup: s, growth: g, mature: m };
      });
    const roleArb = fc.record({ tier: stageArb, appliesTo: modelsArb, headcount: rangeArb });
    fc.assert(
      fc.property(
        fc.array(roleArb, { minLength: 7, maxLength: 7 }),
        fc.constantFrom<ModelId>(...MODEL_IDS),
        (changes, model) => {
          const p: Playbook = structuredClone(shippedPlaybook);
          p.roles.forEach((r, i) => {
            r.tier = changes[i].tier;
            r.appliesTo = changes[i].appliesTo;
            r.headcount = changes[i].headcount;
            r.headcountByModel = {};
          });
          expect(validatePlaybook(p)).toEqual([]);
          const recs = STAGE_IDS.map((s) => recommendOrgChart(model, s, p));
          for (let i = 1; i < recs.length; i++) {
            recs[i].roles.forEach((role, j) => {
              const prev = recs[i - 1].roles[j];
              expect(RANK[role.priority]).toBeGreaterThanOrEqual(RANK[prev.priority]);
              expect(role.headcount.min).toBeGreaterThanOrEqual(prev.headcount.min);
              expect(role.headcount.max).toBeGreaterThanOrEqual(prev.headcount.max);
              role.skills.forEach((s, k) =>
                expect(s.requiredLevel).toBeGreaterThanOrEqual(prev.skills[k].requiredLevel),
              );
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("helpers", () => {
  it("guards ids", () => {
    expect(isModelId("b2b")).toBe(true);
    expect(isModelId("B2B")).toBe(false);
    expect(isModelId(undefined)).toBe(false);
    expect(isStageId("mature")).toBe(true);
    expect(isStageId("scaleup")).toBe(false);
    expect(isStageId(3)).toBe(false);
  });

  it("orders stages", () => {
    expect(STAGE_IDS.map(stageIndex)).toEqual([0, 1, 2]);
  });

  it("localizes, falling back to the other language when one is empty", () => {
    expect(localize({ zh: "运营", en: "Operations" }, "zh")).toBe("运营");
    expect(localize({ zh: "运营", en: "Operations" }, "en")).toBe("Operations");
    expect(localize({ zh: "", en: "Operations" }, "zh")).toBe("Operations");
  });
});

describe("toRecommendationJson", () => {
  it.each(["zh", "en"] as const)("resolves every text to %s and keeps all seven roles", (lang) => {
    const rec = recommendOrgChart("b2b", "growth", shippedPlaybook);
    const json = toRecommendationJson(rec, lang);
    expect(json.model).toBe("b2b");
    expect(json.stage).toBe("growth");
    expect(json.lang).toBe(lang);
    expect(json.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
    const tech = json.roles.find((r) => r.id === "tech_dev");
    expect(tech).toMatchObject({
      priority: "core",
      tier: "growth",
      coreFrom: null,
      coveredBy: null,
      headcount: { min: 1, max: 2 },
    });
    const ops = json.roles.find((r) => r.id === "operations_manager");
    expect(ops?.priority).toBe("optional");
    expect(typeof ops?.coveredBy).toBe("string");
    const comp = json.roles.find((r) => r.id === "compliance_risk");
    expect(comp).toMatchObject({ priority: "later", coreFrom: "mature" });
    const cjk = /[\u4e00-\u9fff]/;
    for (const r of json.roles) {
      expect(r.label).toBe(
        lang === "zh" ? rec.roles.find((x) => x.id === r.id)?.label.zh : rec.roles.find((x) => x.id === r.id)?.label.en,
      );
      expect(r.rationale.length).toBeGreaterThan(0);
      for (const s of [r.label, ...r.responsibilities, ...r.rationale, ...r.skills.map((k) => k.label)]) {
        expect(typeof s).toBe("string");
        if (lang === "zh") expect(s).toMatch(cjk);
      }
      if (lang === "en")
        for (const s of [...r.responsibilities, ...r.skills.map((k) => k.label)]) expect(s).not.toMatch(cjk);
    }
    for (const l of json.links) expect(typeof l.reason).toBe("string");
    expect(json.links).toContainEqual(
      expect.objectContaining({ from: "product_manager", to: "operations_manager", kind: "collaboration" }),
    );
  });

  it("is plain JSON (round-trips through JSON.stringify)", () => {
    const json = toRecommendationJson(recommendOrgChart("independent_site", "mature", shippedPlaybook), "en");
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
