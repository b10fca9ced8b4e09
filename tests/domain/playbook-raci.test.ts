import { describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { withExtensionRoleDisabled, withExtensionRoleEnabled } from "../../app/domain/extension-roles";
import {
  checkDefaultRaci,
  defaultRowFlags,
  defaultRowsNaming,
  withDefaultRaciCompleted,
  withDefaultRaciEdited,
} from "../../app/domain/playbook-raci";
import { validatePlaybook } from "../../app/domain/playbook-validation";
import { CORE_FLOWS, defaultStepsFor, missingDefaultSteps, SHARED_STEPS } from "../../app/domain/process-steps";
import type { Playbook } from "../../app/domain/types";

const problemsOf = (p: Playbook) => {
  const problems: string[] = [];
  checkDefaultRaci(problems, p);
  return problems;
};

describe("the playbook's default RACI", () => {
  it("ships the rows of the process steps, and they follow the ownership rule", () => {
    expect(shippedPlaybook.defaultRaci.byModel.b2b.negotiation).toEqual(CORE_FLOWS.b2b[0].raci);
    expect(Object.keys(shippedPlaybook.defaultRaci.shared)).toEqual(SHARED_STEPS.map((s) => s.key));
    expect(problemsOf(shippedPlaybook)).toEqual([]);
  });

  it("applies the ownership rule to each row: one accountable, at least one responsible", () => {
    expect(defaultRowFlags({ marketing: "A", tech_dev: "R" })).toEqual([]);
    expect(defaultRowFlags({ marketing: "A", tech_dev: "A" }).map((f) => f.code)).toEqual([
      "several_accountable",
      "no_responsible",
    ]);
    expect(defaultRowFlags({ marketing: "C" }).map((f) => f.code)).toEqual(["no_accountable", "no_responsible"]);
  });

  it("names each broken row, unknown step, unknown role and bad letter by its path", () => {
    const p = structuredClone(shippedPlaybook) as Playbook;
    p.defaultRaci.byModel.platform.listing = { product_manager: "A", operations_manager: "A" };
    delete p.defaultRaci.shared.system_bi;
    (p.defaultRaci.shared as Record<string, unknown>).made_up = { marketing: "AR" };
    (p.defaultRaci.byModel.b2b.contract as Record<string, unknown>).sales_rep = "R";
    (p.defaultRaci.byModel.b2b.shipping as Record<string, unknown>).supply_chain = "X";
    expect(validatePlaybook(p)).toEqual(
      expect.arrayContaining([
        "defaultRaci.byModel.platform.listing: needs exactly one accountable role (A or A/R), has product_manager, operations_manager",
        "defaultRaci.byModel.platform.listing: needs a responsible role (R or A/R)",
        "defaultRaci.shared.system_bi: missing row",
        "defaultRaci.shared.made_up: unknown step",
        "defaultRaci.byModel.b2b.contract.sales_rep: unknown role",
        "defaultRaci.byModel.b2b.shipping.supply_chain: must be R, A, AR, C or I (got X)",
      ]),
    );
  });

  it("refuses a letter for a role the playbook does not hold", () => {
    const p = structuredClone(shippedPlaybook) as Playbook;
    p.roles = p.roles.filter((r) => r.id !== "marketing");
    expect(problemsOf(p)).toContain(
      'defaultRaci.shared.social_media_kols.marketing: "marketing" is not in this playbook',
    );
  });

  it("replaces one model's core rows and the shared rows, leaving the other models", () => {
    const next = withDefaultRaciEdited(shippedPlaybook, "platform", {
      listing: { compliance_risk: "C", operations_manager: "AR" },
      system_erp: { tech_dev: "AR" },
    });
    expect(next.defaultRaci.byModel.platform.listing).toEqual({ operations_manager: "AR", compliance_risk: "C" });
    expect(Object.keys(next.defaultRaci.byModel.platform.listing)).toEqual(["operations_manager", "compliance_risk"]);
    expect(next.defaultRaci.byModel.platform.shipping).toEqual(shippedPlaybook.defaultRaci.byModel.platform.shipping);
    expect(next.defaultRaci.shared.system_erp).toEqual({ tech_dev: "AR" });
    expect(next.defaultRaci.byModel.b2b).toBe(shippedPlaybook.defaultRaci.byModel.b2b);
    expect(shippedPlaybook.defaultRaci.byModel.platform.listing).toEqual(CORE_FLOWS.platform[1].raci);
  });

  it("gives the steps a team starts from the playbook's rows", () => {
    const next = withDefaultRaciEdited(shippedPlaybook, "platform", { system_erp: { tech_dev: "AR" } });
    expect(defaultStepsFor("platform", next.defaultRaci).find((s) => s.key === "system_erp")?.raci).toEqual({
      tech_dev: "AR",
    });
    expect(missingDefaultSteps("platform", ["listing"], next.defaultRaci).map((s) => s.key)).not.toContain("listing");
    expect(defaultStepsFor("platform").find((s) => s.key === "system_erp")?.raci).toEqual(SHARED_STEPS[10].raci);
  });

  it("completes a document that predates the default RACI with the shipped rows, and leaves others alone", () => {
    const { defaultRaci: _dropped, ...older } = shippedPlaybook;
    expect(withDefaultRaciCompleted(older as Playbook).defaultRaci).toEqual(shippedPlaybook.defaultRaci);
    expect(withDefaultRaciCompleted(shippedPlaybook)).toBe(shippedPlaybook);
    expect(withDefaultRaciCompleted(null)).toBeNull();
  });
});

describe("the default RACI and an extension role", () => {
  const withCs = withExtensionRoleEnabled(shippedPlaybook, "customer_service");

  it("accepts a row that gives an enabled extension role a letter, in the playbook's order", () => {
    const edited = withDefaultRaciEdited(withCs, "platform", {
      after_sales: { customer_service: "AR", operations_manager: "C" },
    });
    expect(Object.entries(edited.defaultRaci.byModel.platform.after_sales)).toEqual([
      ["operations_manager", "C"],
      ["customer_service", "AR"],
    ]);
    expect(problemsOf(edited)).toEqual([]);
    expect(defaultRowsNaming(edited.defaultRaci, "customer_service")).toEqual([
      { stepKey: "after_sales", model: "platform" },
    ]);
    expect(defaultRowsNaming(shippedPlaybook.defaultRaci, "customer_service")).toEqual([]);
  });

  it("names the row of a role the playbook does not hold (turned off) by its path, and the work it leaves undone", () => {
    const edited = withDefaultRaciEdited(withCs, "platform", {
      after_sales: { customer_service: "R", operations_manager: "A" },
    });
    const off = withExtensionRoleDisabled(edited, "customer_service");
    expect(problemsOf(off)).toEqual([
      'defaultRaci.byModel.platform.after_sales.customer_service: "customer_service" is not in this playbook',
      // without its cell the row has nobody doing the work: why turning off is refused rather than dropping cells
      "defaultRaci.byModel.platform.after_sales: needs a responsible role (R or A/R)",
    ]);
  });
});
