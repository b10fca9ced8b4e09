import { describe, expect, it } from "vitest";
import { checkOwnership } from "../../app/domain/ownership-checks";
import { shippedPlaybook } from "../../app/domain/playbook";
import {
  customStepKey,
  defaultStepsFor,
  missingDefaultSteps,
  rowHolders,
  rowRoles,
  rowWithOwner,
  STEP_KEY_PATTERN,
} from "../../app/domain/process-steps";
import { MODEL_IDS, CORE_ROLE_IDS, type RoleId } from "../../app/domain/types";

// The shared steps the issue lists, written out by hand.
const SHARED = [
  "logistics_choice",
  "customs_documents",
  "duties_taxes",
  "clearance_agent",
  "inspection_release",
  "localised_site_payment",
  "social_media_kols",
  "campaign_calendar",
  "data_monitoring",
  "compliance_review",
  "system_erp",
  "system_crm",
  "system_bi",
  "system_scm",
  "system_customer_service",
];

// PRODUCT.md's core flows.
const CORE: Record<string, string[]> = {
  platform: ["选品", "上架", "运营", "发货", "售后"],
  independent_site: ["建站", "引流", "转化", "发货", "复购"],
  distribution: ["对接货源", "分销推广", "客户管理", "结算"],
  b2b: ["谈判", "合同", "发货", "回款", "客户维护"],
  managed_service: ["签约", "托管运营", "数据反馈", "优化"],
};

describe("defaultStepsFor", () => {
  for (const model of MODEL_IDS) {
    it(`${model}: the core flow in order (the playbook's ids), then the shared steps`, () => {
      const steps = defaultStepsFor(model);
      const core = steps.filter((step) => step.section === "core");
      expect(core.map((step) => step.name.zh)).toEqual(CORE[model]);
      const playbookFlow = shippedPlaybook.models.find((candidate) => candidate.id === model)!.coreFlow;
      expect(core.map((step) => step.key)).toEqual(playbookFlow.map((step) => step.id));
      expect(steps.filter((step) => step.section !== "core").map((step) => step.key)).toEqual(SHARED);
    });

    it(`${model}: stable snake_case ids, both languages, and a default RACI with no problems for a team that staffs every role`, () => {
      const steps = defaultStepsFor(model);
      expect(new Set(steps.map((step) => step.key)).size).toBe(steps.length);
      for (const step of steps) {
        expect(step.key).toMatch(STEP_KEY_PATTERN);
        expect(step.name.zh.length).toBeGreaterThan(0);
        expect(step.name.en.length).toBeGreaterThan(0);
      }
      const cells = steps.flatMap((step) =>
        Object.entries(step.raci).map(([roleId, letter]) => ({
          stepKey: step.key,
          roleId: roleId as RoleId,
          letter: letter!,
        })),
      );
      const team = {
        members: CORE_ROLE_IDS.map((roleId) => ({
          id: roleId,
          name: roleId,
          department: null,
          managerId: null,
          roles: [{ roleId, share: 1 }],
        })),
      };
      const report = checkOwnership(
        steps.map((step, position) => ({
          key: step.key,
          section: step.section,
          position,
          resolved: false,
          retired: false,
        })),
        cells,
        team,
      );
      expect(report.flagged).toEqual([]);
    });
  }
});

describe("missingDefaultSteps", () => {
  it("gives a new organisation every default step", () => {
    expect(missingDefaultSteps("platform", [])).toEqual(defaultStepsFor("platform"));
  });

  it("gives nothing once every default is stored, retired ones included", () => {
    expect(
      missingDefaultSteps(
        "platform",
        defaultStepsFor("platform").map((step) => step.key),
      ),
    ).toEqual([]);
  });

  it("after a change of model, adds the new model's core steps and keeps the old ones", () => {
    const stored = defaultStepsFor("platform").map((step) => step.key);
    const missing = missingDefaultSteps("independent_site", stored).map((step) => step.key);
    // shipping is in both flows: stored once, not added again
    expect(missing).toEqual(["site_building", "traffic_acquisition", "conversion", "repurchase"]);
  });
});

describe("rowWithOwner", () => {
  it("makes the owner the one accountable role; the others that were accountable keep the work", () => {
    expect(rowWithOwner({ supply_chain: "AR", operations_manager: "A", compliance_risk: "C" }, "supply_chain")).toEqual(
      {
        supply_chain: "AR",
        operations_manager: "R",
        compliance_risk: "C",
      },
    );
  });

  it("gives an owner that did not do the work A, and one that did A/R", () => {
    expect(rowWithOwner({ marketing: "R", operations_manager: "R" }, "marketing")).toEqual({
      marketing: "AR",
      operations_manager: "R",
    });
    expect(rowWithOwner({ marketing: "R" }, "compliance_risk")).toEqual({ marketing: "R", compliance_risk: "A" });
  });
});

describe("rowHolders and customStepKey", () => {
  it("lists the roles responsible or accountable", () => {
    expect(
      rowHolders({ supply_chain: "A", marketing: "R", tech_dev: "AR", data_analysis: "C", product_manager: "I" }),
    ).toEqual(["tech_dev", "supply_chain", "marketing"]);
  });

  it("makes keys that are valid step keys and cannot meet a default's", () => {
    const key = customStepKey("0F8E-41B2-ÄÖ");
    expect(key).toBe("custom_0f8e41b2");
    expect(key).toMatch(STEP_KEY_PATTERN);
  });
});

describe("rows naming a role beyond the seven", () => {
  it("rowHolders and rowWithOwner keep an extension role and can make it the owner", () => {
    const row = { operations_manager: "AR", customer_service: "R", product_manager: "I" } as const;
    expect(rowHolders(row)).toEqual(["operations_manager", "customer_service"]);
    expect(rowWithOwner(row, "customer_service")).toEqual({
      product_manager: "I",
      operations_manager: "R",
      customer_service: "AR",
    });
    // an owner with no letter yet becomes the accountable role
    expect(rowWithOwner({ operations_manager: "AR" }, "finance_tax")).toEqual({
      operations_manager: "R",
      finance_tax: "A",
    });
  });

  it("rowRoles lists the roles with a letter: the seven, then the library's, then others by id", () => {
    const row = { custom_zeta: "C", customer_service: "R", tech_dev: "A", custom_alpha: "I", marketing: undefined };
    expect(rowRoles(row as never)).toEqual(["tech_dev", "customer_service", "custom_alpha", "custom_zeta"]);
  });
});
