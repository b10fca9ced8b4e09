import { describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { compareScenarios, SCENARIO_EXAMPLES } from "../../app/domain/scenarios";

const rec = (model: Parameters<typeof recommendOrgChart>[0], stage: Parameters<typeof recommendOrgChart>[1]) =>
  recommendOrgChart(model, stage, shippedPlaybook);

describe("compareScenarios", () => {
  it("marketplace seller → DTC site at growth: tech becomes core, compliance drops out, marketing grows", () => {
    const c = compareScenarios(rec("platform", "growth"), rec("independent_site", "growth"));
    const kind = Object.fromEntries(c.roles.map((r) => [r.roleId, r.kind]));
    expect(kind.tech_dev).toBe("added");
    expect(kind.compliance_risk).toBe("changed"); // later → not needed: it was not core in either
    const marketing = c.roles.find((r) => r.roleId === "marketing")!;
    expect(marketing.headcountA).toEqual({ min: 1, max: 2 });
    expect(marketing.headcountB).toEqual({ min: 2, max: 4 });
    const tech = c.roles.find((r) => r.roleId === "tech_dev")!;
    expect(tech.skills.find((s) => s.skillId === "backend_dev")).toMatchObject({ levelA: 2, levelB: 3 });
    expect(c.counts.added).toBe(1);
    expect(c.counts.added + c.counts.dropped + c.counts.changed + c.counts.same).toBe(7);
  });

  it("the operations manager's responsibilities read differently on a marketplace and on a DTC site", () => {
    const c = compareScenarios(rec("platform", "growth"), rec("independent_site", "growth"));
    const ops = c.roles.find((r) => r.roleId === "operations_manager")!;
    expect(ops.responsibilitiesOnlyA.length + ops.responsibilitiesOnlyB.length).toBeGreaterThan(0);
  });

  it("a B2B factory reaching maturity adds compliance and risk control", () => {
    const c = compareScenarios(rec("b2b", "growth"), rec("b2b", "mature"));
    const compliance = c.roles.find((r) => r.roleId === "compliance_risk")!;
    expect(compliance).toMatchObject({ kind: "added", priorityA: "later", priorityB: "core" });
    expect(compliance.skills.find((s) => s.skillId === "risk_control")).toMatchObject({ levelA: 0, levelB: 4 });
  });

  it("drops a role that is core only in the first scenario", () => {
    const c = compareScenarios(rec("independent_site", "growth"), rec("distribution", "growth"));
    expect(c.roles.find((r) => r.roleId === "tech_dev")!.kind).toBe("dropped");
    expect(c.counts.dropped).toBeGreaterThan(0);
  });

  it("the same scenario twice differs nowhere", () => {
    const c = compareScenarios(rec("b2b", "growth"), rec("b2b", "growth"));
    expect(c.counts).toEqual({ added: 0, dropped: 0, changed: 0, same: 7 });
    expect(
      c.roles.every(
        (r) => r.skills.length === 0 && r.responsibilitiesOnlyA.length === 0 && r.responsibilitiesOnlyB.length === 0,
      ),
    ).toBe(true);
    expect(c.headcountA).toEqual(c.headcountB);
  });

  it("ships the source's three cases, each comparing two different choices", () => {
    expect(SCENARIO_EXAMPLES.map((e) => e.id)).toEqual([
      "marketplace_to_dtc",
      "b2b_risk_control",
      "distributor_to_marketplace",
    ]);
    for (const e of SCENARIO_EXAMPLES) {
      expect(e.a).not.toEqual(e.b);
      const c = compareScenarios(rec(e.a.model, e.a.stage), rec(e.b.model, e.b.stage));
      expect(c.counts.same, e.id).toBeLessThan(7);
    }
  });
});
