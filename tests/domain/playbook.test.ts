import { describe, it, expect } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { validatePlaybook } from "../../app/domain/playbook-validation";
import { MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import type { Localized, ModelId, ModelRatings, Playbook, RoleId, CoreRoleId } from "../../app/domain/types";

const model = (p: Playbook, id: ModelId) => {
  const m = p.models.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};
const role = (p: Playbook, id: RoleId) => {
  const r = p.roles.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

/** Every Localized anywhere in a value. */
function collectTexts(value: unknown, path: string, out: { path: string; text: Localized }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectTexts(v, `${path}[${i}]`, out));
  } else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 2 && typeof obj.zh === "string" && typeof obj.en === "string") {
      out.push({ path, text: { zh: obj.zh, en: obj.en } });
      return;
    }
    for (const k of keys) collectTexts(obj[k], `${path}.${k}`, out);
  }
}

describe("shipped playbook: facts from the source", () => {
  it("has the five models, three stages and seven roles in id order", () => {
    expect(shippedPlaybook.models.map((m) => m.id)).toEqual([...MODEL_IDS]);
    expect(shippedPlaybook.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(shippedPlaybook.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
  });

  it("has the source's section 二 ratings", () => {
    const expected: Record<ModelId, ModelRatings> = {
      platform: {
        startupCost: 1,
        returnRate: 2,
        managementDifficulty: 2,
        customerRetention: 1,
        riskLevel: 2,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "medium",
        dependency: "high",
      },
      independent_site: {
        startupCost: 3,
        returnRate: 3,
        managementDifficulty: 3,
        customerRetention: 3,
        riskLevel: 3,
        launchSpeed: "slow",
        trafficAcquisition: "hard",
        brandBuilding: "easy",
        profitRoom: "high",
        dependency: "low",
      },
      distribution: {
        startupCost: 1,
        returnRate: 1,
        managementDifficulty: 2,
        customerRetention: 1,
        riskLevel: 1,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "low",
        dependency: "high",
      },
      b2b: {
        startupCost: 2,
        returnRate: 2,
        managementDifficulty: 2,
        customerRetention: 2,
        riskLevel: 2,
        launchSpeed: "medium",
        trafficAcquisition: "hard",
        brandBuilding: "easy",
        profitRoom: "high",
        dependency: "low",
      },
      managed_service: {
        startupCost: 1,
        returnRate: 1,
        managementDifficulty: 1,
        customerRetention: 1,
        riskLevel: 2,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "low",
        dependency: "high",
      },
    };
    for (const id of MODEL_IDS) expect(model(shippedPlaybook, id).ratings, id).toEqual(expected[id]);
  });

  it("has the source's core flows", () => {
    const flows: Record<ModelId, string[]> = {
      platform: ["product_selection", "listing", "operations", "shipping", "after_sales"],
      independent_site: ["site_building", "traffic_acquisition", "conversion", "shipping", "repurchase"],
      distribution: ["sourcing", "distribution_promotion", "customer_management", "settlement"],
      b2b: ["negotiation", "contract", "shipping", "payment_collection", "customer_maintenance"],
      managed_service: ["signing", "managed_operations", "data_feedback", "optimisation"],
    };
    const zh: Record<ModelId, string> = {
      platform: "选品→上架→运营→发货→售后",
      independent_site: "建站→引流→转化→发货→复购",
      distribution: "对接货源→分销推广→客户管理→结算",
      b2b: "谈判→合同→发货→回款→客户维护",
      managed_service: "签约→托管运营→数据反馈→优化",
    };
    for (const id of MODEL_IDS) {
      const m = model(shippedPlaybook, id);
      expect(
        m.coreFlow.map((s) => s.id),
        id,
      ).toEqual(flows[id]);
      expect(m.coreFlow.map((s) => s.label.zh).join("→"), id).toBe(zh[id]);
    }
  });

  it("has the source's section 一 labels and risks", () => {
    expect(model(shippedPlaybook, "platform").label.zh).toBe("平台型自营");
    expect(model(shippedPlaybook, "independent_site").mainRisk.zh).toContain("流量获取");
    expect(model(shippedPlaybook, "distribution").profitModel.zh).toContain("分润");
    expect(model(shippedPlaybook, "b2b").mainRisk.zh).toContain("回款");
    expect(model(shippedPlaybook, "managed_service").mainRisk.zh).toContain("依赖");
  });

  it("quotes the source's stage guidance", () => {
    const g = Object.fromEntries(shippedPlaybook.stages.map((s) => [s.id, s.guidance.zh]));
    expect(g.startup).toContain("精简团队");
    expect(g.growth).toContain("补充技术、市场、数据分析岗位");
    expect(g.mature).toContain("完善合规、风控、全球化能力");
  });

  it("has the source's org challenges", () => {
    const expected: Record<CoreRoleId, string> = {
      product_manager: "需求对齐",
      operations_manager: "流程优化",
      tech_dev: "技术升级",
      supply_chain: "成本控制",
      marketing: "流量转化",
      data_analysis: "精准决策",
      compliance_risk: "风险防控",
    };
    for (const id of CORE_ROLE_IDS) expect(role(shippedPlaybook, id).orgChallenge.zh).toBe(expected[id]);
  });

  it("gives every role 2–4 skills and per-model responsibilities for every model", () => {
    for (const r of shippedPlaybook.roles) {
      expect(r.skills.length, r.id).toBeGreaterThanOrEqual(2);
      expect(r.skills.length, r.id).toBeLessThanOrEqual(4);
      for (const m of MODEL_IDS) expect(r.responsibilitiesByModel[m]?.length, `${r.id} ${m}`).toBeGreaterThan(0);
      expect(r.reportsTo).toBe("general_manager");
    }
  });

  it("covers the source's required capabilities and the cross-cutting ones", () => {
    const ids = new Set(shippedPlaybook.skills.map((s) => s.id));
    for (const id of [
      "market_insight",
      "data_analytics",
      "platform_rules",
      "ad_buying",
      "frontend_dev",
      "backend_dev",
      "supply_chain_management",
      "digital_marketing",
      "content_creation",
      "bi_tools",
      "data_modelling",
      "international_regulation",
      "risk_control",
      "multi_language_culture",
      "customs_logistics",
      "erp_crm_tools",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const used = new Set(shippedPlaybook.roles.flatMap((r) => r.skills.map((s) => s.skillId)));
    for (const id of ids) expect(used.has(id), `${id} is used by a role`).toBe(true);
  });

  it("has the collaboration links the source's org problems call for", () => {
    const pairs = shippedPlaybook.collaborationLinks.map((l) => [l.from, l.to].sort().join("|"));
    const want = [
      ["product_manager", "operations_manager"],
      ["tech_dev", "operations_manager"],
      ["tech_dev", "product_manager"],
      ["supply_chain", "marketing"],
      ...CORE_ROLE_IDS.filter((r) => r !== "data_analysis").map((r) => ["data_analysis", r]),
    ].map((p) => [...p].sort().join("|"));
    expect([...pairs].sort()).toEqual([...want].sort());
  });

  it("has non-empty zh and en for every text, and Chinese in the zh text", () => {
    const texts: { path: string; text: Localized }[] = [];
    collectTexts(shippedPlaybook, "playbook", texts);
    expect(texts.length).toBeGreaterThan(200);
    for (const { path, text } of texts) {
      expect(text.zh.trim(), path).not.toBe("");
      expect(text.en.trim(), path).not.toBe("");
      expect(text.zh, path).toMatch(/[\u4e00-\u9fff]|^[A-Za-z0-9 ,、.()]+$/);
      // the only Chinese allowed in English text is the section reference "§四"
      expect(text.en.replace(/§[一二三四五]/g, ""), path).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("validatePlaybook", () => {
  it("finds no problems in the shipped playbook", () => {
    expect(validatePlaybook(shippedPlaybook)).toEqual([]);
  });

  const broken = (edit: (p: Playbook) => void): string[] => {
    const p: Playbook = structuredClone(shippedPlaybook);
    edit(p);
    return validatePlaybook(p);
  };

  it("catches a headcount that shrinks from growth to mature", () => {
    const problems = broken((p) => {
      role(p, "supply_chain").headcount.mature = { min: 1, max: 1 };
    });
    expect(problems.some((x) => x.includes("supply_chain") && x.includes("shrinks"))).toBe(true);
  });

  it("catches a shrinking per-model headcount override", () => {
    const problems = broken((p) => {
      const r = role(p, "tech_dev");
      const o = r.headcountByModel.independent_site;
      if (!o) throw new Error("override");
      o.mature = { min: 1, max: 2 };
    });
    expect(problems.some((x) => x.includes("headcountByModel.independent_site") && x.includes("shrinks"))).toBe(true);
  });

  it("catches min > max and negative or fractional headcounts", () => {
    expect(
      broken((p) => {
        role(p, "marketing").headcount.growth = { min: 3, max: 2 };
      }).some((x) => x.includes("min 3 > max 2")),
    ).toBe(true);
    expect(
      broken((p) => {
        role(p, "marketing").headcount.startup = { min: -1, max: 1 };
      }).length,
    ).toBeGreaterThan(0);
    expect(
      broken((p) => {
        role(p, "marketing").headcount.startup = { min: 0.5, max: 1 };
      }).length,
    ).toBeGreaterThan(0);
  });

  it("catches an unknown skill id", () => {
    const problems = broken((p) => {
      role(p, "marketing").skills.push({ skillId: "juggling", levels: { startup: 1, growth: 1, mature: 1 } });
    });
    expect(problems.some((x) => x.includes("juggling"))).toBe(true);
  });

  it("catches levels outside 0–4 and levels that shrink", () => {
    expect(
      broken((p) => {
        (role(p, "data_analysis").skills[0].levels as Record<string, number>).mature = 5;
      }).some((x) => x.includes("0 to 4")),
    ).toBe(true);
    expect(
      broken((p) => {
        role(p, "data_analysis").skills[0].levels.mature = 1;
      }).some((x) => x.includes("level shrinks")),
    ).toBe(true);
  });

  it("catches missing translations", () => {
    const problems = broken((p) => {
      role(p, "tech_dev").label.en = "";
      model(p, "b2b").mainRisk.zh = "  ";
    });
    expect(problems.some((x) => x.includes("roles.tech_dev.label") && x.includes("en"))).toBe(true);
    expect(problems.some((x) => x.includes("models.b2b.mainRisk") && x.includes("zh"))).toBe(true);
  });

  it("catches duplicate and missing ids", () => {
    expect(
      broken((p) => {
        p.skills.push(structuredClone(p.skills[0]));
      }).some((x) => x.includes("duplicate")),
    ).toBe(true);
    expect(
      broken((p) => {
        p.roles = p.roles.filter((r) => r.id !== "marketing");
      }).some((x) => x.includes('missing role "marketing"')),
    ).toBe(true);
    expect(
      broken((p) => {
        p.models.pop();
      }).some((x) => x.includes("missing model")),
    ).toBe(true);
    expect(
      broken((p) => {
        p.collaborationLinks.push({
          ...p.collaborationLinks[0],
          from: p.collaborationLinks[0].to,
          to: p.collaborationLinks[0].from,
        });
      }).some((x) => x.includes("duplicate link")),
    ).toBe(true);
  });

  it("catches unknown models, tiers and reporting problems", () => {
    expect(
      broken((p) => {
        (role(p, "tech_dev").appliesTo as string[]).push("retail");
      }).some((x) => x.includes("retail")),
    ).toBe(true);
    expect(
      broken((p) => {
        (role(p, "tech_dev") as { tier: string }).tier = "scaleup";
      }).some((x) => x.includes("scaleup")),
    ).toBe(true);
    expect(
      broken((p) => {
        role(p, "tech_dev").reportsTo = "tech_dev";
      }).some((x) => x.includes("itself")),
    ).toBe(true);
    expect(
      broken((p) => {
        role(p, "tech_dev").reportsTo = "marketing";
        role(p, "marketing").reportsTo = "tech_dev";
      }).some((x) => x.includes("cycle")),
    ).toBe(true);
  });

  it("catches ratings outside the source's scales", () => {
    const problems = broken((p) => {
      (model(p, "platform").ratings as unknown as Record<string, unknown>).startupCost = 4;
      (model(p, "platform").ratings as unknown as Record<string, unknown>).launchSpeed = "instant";
    });
    expect(problems.some((x) => x.includes("startupCost"))).toBe(true);
    expect(problems.some((x) => x.includes("launchSpeed"))).toBe(true);
  });
});
