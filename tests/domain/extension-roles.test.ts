import { describe, expect, it } from "vitest";
import {
  baselineFor,
  EXTENSION_LIBRARY,
  playbookRoleIds,
  withExtensionRoleDisabled,
  withExtensionRoleEnabled,
} from "../../app/domain/extension-roles";
import { roleCoverage } from "../../app/domain/gaps";
import { hiringDelta } from "../../app/domain/hiring-delta";
import { editedPaths } from "../../app/domain/playbook-diff";
import { withSkillRetired } from "../../app/domain/playbook-edit";
import { shippedPlaybook } from "../../app/domain/playbook";
import { validatePlaybook, validatePlaybookChange, validatePlaybookEdit } from "../../app/domain/playbook-validation";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { sizedRecommendation } from "../../app/domain/sizing";
import { latestLevels, type TeamMember } from "../../app/domain/team";
import { CORE_ROLE_IDS, EXTENSION_ROLE_IDS, type Playbook } from "../../app/domain/types";

const withCs = withExtensionRoleEnabled(shippedPlaybook, "customer_service");
const withAll = EXTENSION_ROLE_IDS.reduce<Playbook>((p, id) => withExtensionRoleEnabled(p, id), shippedPlaybook);

describe("the extension library", () => {
  it("is off in the shipped playbook: the seven roles, nothing else", () => {
    expect(playbookRoleIds(shippedPlaybook)).toEqual([...CORE_ROLE_IDS]);
    expect(recommendOrgChart("platform", "growth", shippedPlaybook).roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
  });

  it.each(EXTENSION_ROLE_IDS)("%s turned on alone gives a valid playbook", (id) => {
    expect(validatePlaybook(withExtensionRoleEnabled(shippedPlaybook, id))).toEqual([]);
  });

  it("all four on at once is valid, and each role's skills are in the catalogue in both languages", () => {
    expect(validatePlaybook(withAll)).toEqual([]);
    const catalogue = new Set(withAll.skills.map((s) => s.id));
    for (const id of EXTENSION_ROLE_IDS)
      for (const req of EXTENSION_LIBRARY[id].role.skills) expect(catalogue.has(req.skillId), req.skillId).toBe(true);
  });

  it("marks every sizing row as a product default", () => {
    for (const id of EXTENSION_ROLE_IDS)
      for (const row of EXTENSION_LIBRARY[id].sizing) expect(row.productDefault, `${id} ${row.driver}`).toBe(true);
  });

  it("turning a role on twice changes nothing the second time", () => {
    expect(withExtensionRoleEnabled(withCs, "customer_service")).toBe(withCs);
  });

  it("leaves off a requirement on a skill the organisation retired, and brings back a library skill it retired", () => {
    const retired = withSkillRetired(withSkillRetired(withCs, "erp_crm_tools"), "customer_support");
    const off = withExtensionRoleDisabled(retired, "customer_service");
    const on = withExtensionRoleEnabled(off, "customer_service");
    const role = on.roles.find((r) => r.id === "customer_service")!;
    expect(role.skills.map((s) => s.skillId)).not.toContain("erp_crm_tools");
    expect(role.skills.map((s) => s.skillId)).toContain("customer_support");
    expect(on.skills.find((s) => s.id === "customer_support")?.retired).toBeUndefined();
    expect(validatePlaybookEdit(off, on)).toEqual([]);
  });

  it("a role as the library ships it reads as a default, not an edit; an edit of it is marked", () => {
    expect([...editedPaths(baselineFor(shippedPlaybook, withCs), withCs)]).toEqual([]);
    const edited: Playbook = {
      ...withCs,
      roles: withCs.roles.map((r) =>
        r.id === "customer_service" ? { ...r, headcount: { ...r.headcount, mature: { min: 3, max: 8 } } } : r,
      ),
    };
    expect([...editedPaths(baselineFor(shippedPlaybook, edited), edited)]).toEqual([
      "roles.customer_service.headcount.mature.min",
      "roles.customer_service.headcount.mature.max",
    ]);
  });
});

describe("validation with extension roles", () => {
  it("requires the seven", () => {
    const without = { ...withCs, roles: withCs.roles.filter((r) => r.id !== "marketing") };
    expect(validatePlaybook(without)).toContain('roles: missing role "marketing"');
  });

  it("refuses a link to a role the playbook does not hold", () => {
    const dangling: Playbook = {
      ...withCs,
      roles: withCs.roles.filter((r) => r.id !== "customer_service"),
      sizing: withCs.sizing.filter((r) => r.roleId !== "customer_service"),
    };
    const index = dangling.collaborationLinks.findIndex((l) => l.from === "customer_service");
    expect(index).toBeGreaterThanOrEqual(0);
    expect(validatePlaybook(dangling)).toContain(
      `collaborationLinks[${index}].from: "customer_service" is not in this playbook, so no chart needs it`,
    );
  });

  it("lets an extension role go (turned off) but never one of the seven", () => {
    const off = withExtensionRoleDisabled(withCs, "customer_service");
    expect(validatePlaybookEdit(withCs, off)).toEqual([]);
    const noMarketing = { ...withCs, roles: withCs.roles.filter((r) => r.id !== "marketing") };
    expect(validatePlaybookChange(withCs, noMarketing)).toEqual(["roles.marketing: a role cannot be removed"]);
  });

  it("refuses turning off a role another role reports to, on that reporting line", () => {
    const reporting: Playbook = {
      ...withCs,
      roles: withCs.roles.map((r) => (r.id === "supply_chain" ? { ...r, reportsTo: "customer_service" } : r)),
    };
    expect(validatePlaybook(reporting)).toEqual([]);
    expect(validatePlaybook(withExtensionRoleDisabled(reporting, "customer_service"))).toContain(
      'roles.supply_chain.reportsTo: "customer_service" is not defined in this playbook',
    );
  });
});

describe("the recommendation with an extension role on", () => {
  it("lists the seven first, then the extension roles in library order", () => {
    const rec = recommendOrgChart("platform", "growth", withAll);
    expect(rec.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS, ...EXTENSION_ROLE_IDS]);
  });

  it("applies the same rule: customer service is core for a marketplace seller at growth, later at startup, optional for B2B at growth", () => {
    const priority = (model: "platform" | "b2b", stage: "startup" | "growth") =>
      recommendOrgChart(model, stage, withCs).roles.find((r) => r.id === "customer_service")?.priority;
    expect(priority("platform", "growth")).toBe("core");
    expect(priority("platform", "startup")).toBe("later");
    expect(priority("b2b", "growth")).toBe("optional");
  });

  it("draws its reporting line and its links to roles that are needed", () => {
    const rec = recommendOrgChart("platform", "growth", withCs);
    expect(rec.links).toContainEqual(
      expect.objectContaining({ from: "operations_manager", to: "customer_service", kind: "reporting" }),
    );
    expect(rec.links).toContainEqual(
      expect.objectContaining({ from: "customer_service", to: "product_manager", kind: "collaboration" }),
    );
  });

  it("sizes it by orders per day: 1,000 orders a day asks for ceil(1000 ÷ 390) to ceil(1000 ÷ 260) agents", () => {
    const sized = sizedRecommendation({
      playbook: withCs,
      channels: [{ model: "platform", share: 100 }],
      stage: "growth",
      drivers: { ordersPerDay: 1000 },
    });
    const cs = sized.roles.find((r) => r.id === "customer_service")!;
    expect(cs.headcount.min).toBe(3);
    expect(cs.headcount.max).toBe(4);
  });

  it("its skills count in the gaps of the member who holds it", () => {
    const members: TeamMember[] = [
      {
        id: "m1",
        name: "Lina",
        department: "customer_service",
        managerId: null,
        roles: [{ roleId: "customer_service", share: 1 }],
      },
    ];
    const levels = latestLevels([
      {
        memberId: "m1",
        skillId: "customer_support",
        level: 1,
        assessedAt: new Date("2026-11-01"),
        recordedAt: new Date("2026-11-01"),
      },
    ]);
    const coverage = roleCoverage(recommendOrgChart("platform", "growth", withCs), members, levels);
    const cs = coverage.find((c) => c.roleId === "customer_service")!;
    expect(cs.fte).toBe(1);
    const support = cs.skills.find((s) => s.skillId === "customer_support")!;
    expect(support.required).toBe(3);
    expect(support.bestLevel).toBe(1);
    expect(support.holdersBelow).toBe(1);
  });

  it("the hiring delta sizes it: nobody holds it, so its seats are the gap", () => {
    const delta = hiringDelta(
      { members: [], assessments: [] },
      { model: "platform", stage: "startup" },
      { model: "platform", stage: "growth" },
      withCs,
    );
    const cs = delta.roles.find((r) => r.roleId === "customer_service")!;
    expect(cs.currentPriority).toBe("later");
    expect(cs.targetPriority).toBe("core");
    expect(cs.gap).toBe(1);
    expect(delta.roles.map((r) => r.roleId)).toEqual([...CORE_ROLE_IDS, "customer_service"]);
  });
});
