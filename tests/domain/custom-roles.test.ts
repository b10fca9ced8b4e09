import { describe, expect, it } from "vitest";
import {
  newCustomRoleId,
  roleSlug,
  rolesAddedAndRemoved,
  withCustomRoleAdded,
  withCustomRoleRemoved,
  type NewCustomRole,
} from "../../app/domain/custom-roles";
import { playbookRoleIds, withExtensionRoleEnabled } from "../../app/domain/extension-roles";
import { shippedPlaybook } from "../../app/domain/playbook";
import { validatePlaybook, validatePlaybookChange } from "../../app/domain/playbook-validation";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { fteByRole, validateShares } from "../../app/domain/team";
import { CORE_ROLE_IDS, type Playbook, type RoleDefinition } from "../../app/domain/types";
import { isRoleId, playbookHoldsRole } from "../../app/domain/vocabulary";

const officer: NewCustomRole = {
  label: { zh: "跨境合规专员", en: "Cross-border compliance officer" },
  tier: "growth",
  appliesTo: ["platform", "b2b"],
  reportsTo: "compliance_risk",
  headcount: { startup: { min: 1, max: 1 }, growth: { min: 1, max: 2 }, mature: { min: 1, max: 3 } },
  responsibility: { zh: "跟踪目标市场的产品合规要求", en: "Track product compliance rules of the target markets" },
  skill: { skillId: "international_regulation", levels: { startup: 1, growth: 2, mature: 3 } },
};

const added = withCustomRoleAdded(shippedPlaybook, officer);

describe("an organisation's own role", () => {
  it("gets an id from its English name, custom_ first", () => {
    expect(added.roleId).toBe("custom_cross_border_compliance_officer");
    expect(roleSlug("  Über-Manager (EU) ")).toBe("uber_manager_eu");
    expect(roleSlug("合规专员")).toBe("role");
    expect(roleSlug("a".repeat(60)).length).toBe(40);
  });

  it("never takes an id the playbook holds, and never a library id", () => {
    expect(newCustomRoleId(added.playbook, "Cross-border compliance officer")).toBe(
      "custom_cross_border_compliance_officer_2",
    );
    expect(newCustomRoleId(shippedPlaybook, "Customer service")).toBe("custom_customer_service");
  });

  it("makes a valid playbook, listed after the seven and the extension roles", () => {
    expect(validatePlaybook(added.playbook)).toEqual([]);
    const withCs = withExtensionRoleEnabled(added.playbook, "customer_service");
    expect(playbookRoleIds(withCs)).toEqual([...CORE_ROLE_IDS, "customer_service", added.roleId]);
    const rec = recommendOrgChart("platform", "growth", added.playbook);
    const role = rec.roles.find((r) => r.id === added.roleId);
    expect(role?.priority).toBe("core");
    expect(role?.headcount).toEqual({ min: 1, max: 2 });
  });

  it("is accepted by the id checks by its shape, and held only by the playbook that has it", () => {
    expect(isRoleId(added.roleId)).toBe(true);
    expect(isRoleId("custom_")).toBe(false);
    expect(isRoleId("custom_Bad")).toBe(false);
    expect(isRoleId("compliance_officer")).toBe(false);
    expect(playbookHoldsRole(added.playbook, added.roleId)).toBe(true);
    expect(playbookHoldsRole(shippedPlaybook, added.roleId)).toBe(false);
    expect(validateShares([{ roleId: added.roleId, share: 1 }])).toEqual([]);
    expect(
      fteByRole([{ id: "m", name: "M", roles: [{ roleId: added.roleId, share: 0.5 }] } as never])[added.roleId],
    ).toBe(0.5);
  });

  it("is removed with its links and sizing rows, and may disappear between versions (the seven may not)", () => {
    const linked: Playbook = {
      ...added.playbook,
      collaborationLinks: [
        ...added.playbook.collaborationLinks,
        { from: added.roleId, to: "compliance_risk", reason: { zh: "协作", en: "Work together" } },
      ],
    };
    expect(validatePlaybook(linked)).toEqual([]);
    const removed = withCustomRoleRemoved(linked, added.roleId);
    expect(validatePlaybook(removed)).toEqual([]);
    expect(validatePlaybookChange(linked, removed)).toEqual([]);
    expect(rolesAddedAndRemoved(linked, removed).removed.map((r) => r.id)).toEqual([added.roleId]);
    expect(rolesAddedAndRemoved(shippedPlaybook, added.playbook).added.map((r) => r.id)).toEqual([added.roleId]);
    const withoutCore = { ...shippedPlaybook, roles: shippedPlaybook.roles.filter((r) => r.id !== "marketing") };
    expect(validatePlaybookChange(shippedPlaybook, withoutCore)).toContain("roles.marketing: a role cannot be removed");
  });
});

describe("validation of own roles", () => {
  const withRole = (role: Partial<RoleDefinition>): Playbook => ({
    ...added.playbook,
    roles: added.playbook.roles.map((r) => (r.id === added.roleId ? ({ ...r, ...role } as RoleDefinition) : r)),
  });

  it("refuses an id of the wrong shape with the rule", () => {
    const problems = validatePlaybook(withRole({ id: "compliance_officer" as never }));
    expect(
      problems.some((p) => p.startsWith('roles: unknown id "compliance_officer"; an own role\'s id is "custom_"')),
    ).toBe(true);
  });

  it("refuses the same id twice", () => {
    const twice = { ...added.playbook, roles: [...added.playbook.roles, added.playbook.roles.at(-1)!] };
    expect(validatePlaybook(twice)).toContain(`roles: duplicate id "${added.roleId}"`);
  });

  it("refuses a second definition of a library id under an own role's entry", () => {
    const cs = withExtensionRoleEnabled(shippedPlaybook, "customer_service");
    const clash = { ...cs, roles: [...cs.roles, { ...added.playbook.roles.at(-1)!, id: "customer_service" as const }] };
    expect(validatePlaybook(clash)).toContain('roles: duplicate id "customer_service"');
  });

  it("refuses a link or a reporting line to an own role the playbook does not hold", () => {
    const link = {
      ...shippedPlaybook,
      collaborationLinks: [
        ...shippedPlaybook.collaborationLinks,
        { from: "custom_ghost" as const, to: "marketing" as const, reason: { zh: "协作", en: "Work together" } },
      ],
    };
    expect(validatePlaybook(link).some((p) => p.includes('"custom_ghost" is not in this playbook'))).toBe(true);
    expect(validatePlaybook(withRole({ reportsTo: "custom_ghost" }))).toContain(
      `roles.${added.roleId}.reportsTo: "custom_ghost" is not defined in this playbook`,
    );
  });
});
