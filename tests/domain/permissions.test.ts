import { describe, expect, it } from "vitest";
import {
  can,
  canSeeFigureOver,
  FIELD_GROUPS,
  leadsAnyOf,
  MIN_GROUP_SIZE,
  PERMISSIONS,
  visibleFieldsFor,
  permissionsOf,
  USER_KINDS,
  type Actor,
  type Permission,
  type UserKind,
} from "../../app/domain/permissions";

const actor = (kind: UserKind, departments: Actor["departments"] = []): Actor => ({
  userId: `u-${kind}`,
  organisationId: "org-a",
  kind,
  departments,
});

// Written out by hand: who may do what in their own organisation.
const EXPECTED: Record<Permission, UserKind[]> = {
  "organisation.read": ["admin", "manager", "hr", "lead", "member"],
  "organisation.update": ["admin", "manager"],
  "users.read": ["admin"],
  "users.manage": ["admin"],
  "tokens.manage": ["admin"],
  "securityLog.read": ["admin"],
  "members.read": ["admin", "manager", "hr", "lead", "member"],
  "members.write": ["admin", "manager", "hr"],
  "assessments.write": ["admin", "manager", "hr"],
  // hiring by stage: managers and admins plan, HR moves statuses, everyone reads
  "hiring.read": ["admin", "manager", "hr", "lead", "member"],
  "hiring.plan": ["admin", "manager"],
  "hiring.status": ["admin", "manager", "hr"],
  "ownership.read": ["admin", "manager", "hr", "lead", "member"],
  "ownership.steps.manage": ["admin"],
  "ownership.raci.write": ["admin", "manager"],
  "ownership.propose": ["admin", "manager", "lead"],
  "ownership.decide": ["admin", "manager"],
  "training.overview": ["admin", "manager", "hr", "lead", "member"],
  "training.read": ["admin", "manager", "hr"],
  "training.plan": ["admin", "manager", "hr"],
  "training.progress": ["admin", "manager", "hr"],
  // unscoped: whether the progress page offers planning and re-assessment at all (a lead, for their departments)
  "training.planSome": ["admin", "manager", "hr", "lead"],
  "assessments.writeSome": ["admin", "manager", "hr", "lead"],
  // reads per field group, about a person of no department without an account (nobody's "own")
  "person.profile": ["admin", "manager", "hr", "lead", "member"],
  "person.levels": ["admin", "manager", "hr"],
  "person.gaps": ["admin", "manager", "hr"],
  "person.history": ["admin", "manager", "hr"],
  "person.notes": ["admin", "manager", "hr"],
  "person.training": ["admin", "manager", "hr"],
  "team.figures": ["admin", "manager", "hr", "lead", "member"],
  "hiring.positions": ["admin", "manager", "hr"],
  // PRODUCT.md "Privacy": members see the positions marked public
  "hiring.publicPositions": ["admin", "manager", "hr", "lead", "member"],
  // the playbook: everyone reads; admins edit (managers only when the organisation allows it, below)
  "playbook.read": ["admin", "manager", "hr", "lead", "member"],
  "playbook.edit": ["admin"],
  "playbook.settings": ["admin"],
};

describe("can", () => {
  it("grants exactly the listed kinds each permission in their own organisation", () => {
    for (const permission of PERMISSIONS) {
      for (const kind of USER_KINDS) {
        expect(can(actor(kind), permission, { organisationId: "org-a" }), `${kind} ${permission}`).toBe(
          EXPECTED[permission].includes(kind),
        );
      }
    }
  });

  it("lets managers edit the playbook only when the organisation allows it; never HR, leads or members", () => {
    const allowed = { organisationId: "org-a", managersEditPlaybook: true };
    expect(USER_KINDS.filter((kind) => can(actor(kind), "playbook.edit", allowed))).toEqual(["admin", "manager"]);
    expect(can(actor("manager"), "playbook.settings", allowed)).toBe(false);
    expect(can(actor("manager"), "playbook.edit", { organisationId: "org-b", managersEditPlaybook: true })).toBe(false);
  });

  it("never grants anything across organisations, not even to an admin", () => {
    for (const permission of PERMISSIONS) {
      expect(can(actor("admin"), permission, { organisationId: "org-b" })).toBe(false);
    }
  });

  it("denies nobody-signed-in and unknown permissions", () => {
    expect(can(null, "organisation.read", { organisationId: "org-a" })).toBe(false);
    expect(can(actor("admin"), "playbook.delete_everything" as Permission, { organisationId: "org-a" })).toBe(false);
  });

  it("lists an actor's permissions for the UI", () => {
    expect(permissionsOf(actor("member"))).toEqual([
      "organisation.read",
      "members.read",
      "hiring.read",
      "ownership.read",
      "training.overview",
      "playbook.read",
      "person.profile",
      "team.figures",
      "hiring.publicPositions",
    ]);
    expect(permissionsOf(actor("admin"))).toEqual([...PERMISSIONS]);
  });
});

describe("assessments.write", () => {
  const record = { organisationId: "org-a", departments: ["operations_manager"] as const, userId: "someone-else" };
  it("lets a lead assess people of their departments only", () => {
    expect(can(actor("lead", ["operations_manager"]), "assessments.write", record)).toBe(true);
    expect(can(actor("lead", ["supply_chain"]), "assessments.write", record)).toBe(false);
  });
  it("never lets anyone assess themselves", () => {
    for (const kind of USER_KINDS) {
      const self = actor(kind, ["operations_manager"]);
      expect(can(self, "assessments.write", { ...record, userId: self.userId })).toBe(false);
    }
  });
  it("refuses members", () => {
    expect(can(actor("member"), "assessments.write", record)).toBe(false);
  });
});

describe("ownership rows and decisions", () => {
  // the row of a step where supply chain is accountable and compliance responsible
  const row = { organisationId: "org-a", departments: ["supply_chain", "compliance_risk"] as const };
  it("lets a lead edit the rows their department is R or A for, and no other", () => {
    expect(can(actor("lead", ["supply_chain"]), "ownership.raci.write", row)).toBe(true);
    expect(can(actor("lead", ["marketing"]), "ownership.raci.write", row)).toBe(false);
    expect(can(actor("hr"), "ownership.raci.write", row)).toBe(false);
    expect(can(actor("member"), "ownership.raci.write", row)).toBe(false);
  });
  it("lets another involved role's lead or a manager decide, never the proposer", () => {
    const proposal = { ...row, userId: "u-lead" };
    expect(can({ ...actor("lead", ["compliance_risk"]), userId: "u-other-lead" }, "ownership.decide", proposal)).toBe(
      true,
    );
    expect(can(actor("lead", ["supply_chain"]), "ownership.decide", proposal)).toBe(false);
    expect(can({ ...actor("lead", ["marketing"]), userId: "u-other-lead" }, "ownership.decide", proposal)).toBe(false);
    expect(can(actor("manager"), "ownership.decide", proposal)).toBe(true);
    expect(can(actor("manager"), "ownership.decide", { ...proposal, userId: "u-manager" })).toBe(false);
    expect(can(actor("hr"), "ownership.decide", proposal)).toBe(false);
  });
});

describe("leadsAnyOf", () => {
  it("is true only for a lead of one of the record's departments", () => {
    const lead = actor("lead", ["operations_manager"]);
    expect(leadsAnyOf(lead, { organisationId: "org-a", department: "operations_manager" })).toBe(true);
    expect(leadsAnyOf(lead, { organisationId: "org-a", departments: ["marketing", "operations_manager"] })).toBe(true);
    expect(leadsAnyOf(lead, { organisationId: "org-a", department: "supply_chain" })).toBe(false);
    expect(leadsAnyOf(actor("hr"), { organisationId: "org-a", department: "operations_manager" })).toBe(false);
  });
});

describe("visibleFieldsFor: who reads what about a person (PRODUCT.md, Privacy)", () => {
  // a person of operations with an account; written out by hand per reader
  const person = { organisationId: "org-a", departments: ["operations_manager"] as const, userId: "u-person" };
  const personal = [
    "person.profile",
    "person.levels",
    "person.gaps",
    "person.history",
    "person.notes",
    "person.training",
    "team.figures",
    "hiring.publicPositions",
  ];
  const orgChart = ["person.profile", "team.figures", "hiring.publicPositions"];
  const cases: [string, Actor, string[]][] = [
    ["the person themselves (a member)", { ...actor("member"), userId: "u-person" }, personal],
    ["a colleague (a member of the same department)", actor("member", ["operations_manager"]), orgChart],
    ["the lead of the person's department", actor("lead", ["operations_manager"]), personal],
    ["the lead of another department", actor("lead", ["supply_chain"]), orgChart],
    ["HR", actor("hr"), [...personal, "hiring.positions"]],
    ["a manager", actor("manager"), [...personal, "hiring.positions"]],
    ["an admin", actor("admin"), [...personal, "hiring.positions"]],
  ];
  for (const [name, reader, expected] of cases) {
    it(`${name} reads ${expected.length} groups`, () => {
      expect([...visibleFieldsFor(reader, person)].sort()).toEqual([...expected].sort());
    });
  }

  it("reads nothing across organisations, nor for nobody", () => {
    expect([...visibleFieldsFor(actor("admin"), { ...person, organisationId: "org-b" })]).toEqual([]);
    expect([...visibleFieldsFor(null, person)]).toEqual([]);
  });

  it("lets an assessor read the notes they wrote, and only those", () => {
    const formerLead = { ...actor("lead", ["marketing"]), userId: "u-assessor" };
    expect(visibleFieldsFor(formerLead, { ...person, authorUserId: "u-assessor" }).has("person.notes")).toBe(true);
    expect(visibleFieldsFor(formerLead, { ...person, authorUserId: "u-someone" }).has("person.notes")).toBe(false);
    expect(visibleFieldsFor(formerLead, { ...person, authorUserId: "u-assessor" }).has("person.levels")).toBe(false);
  });

  it("lists every field group as a permission of the rules table", () => {
    for (const group of FIELD_GROUPS) expect(PERMISSIONS).toContain(group);
  });
});

describe("canSeeFigureOver: figures over a group", () => {
  const people = (n: number, department: "operations_manager" | "supply_chain" = "supply_chain") =>
    Array.from({ length: n }, (_, i) => ({ organisationId: "org-a", departments: [department], userId: `u-${i}` }));
  it(`shows a member a figure over ${MIN_GROUP_SIZE} people, not over ${MIN_GROUP_SIZE - 1}`, () => {
    expect(canSeeFigureOver(actor("member"), people(MIN_GROUP_SIZE))).toBe(true);
    expect(canSeeFigureOver(actor("member"), people(MIN_GROUP_SIZE - 1))).toBe(false);
  });
  it("shows a small group's figure to whoever reads each of its people", () => {
    expect(canSeeFigureOver(actor("hr"), people(2))).toBe(true);
    expect(canSeeFigureOver(actor("lead", ["supply_chain"]), people(2))).toBe(true);
    expect(canSeeFigureOver(actor("lead", ["operations_manager"]), people(2))).toBe(false);
    expect(canSeeFigureOver({ ...actor("member"), userId: "u-0" }, people(1))).toBe(true);
  });
  it("shows nothing over another organisation's people", () => {
    expect(
      canSeeFigureOver(
        actor("admin"),
        people(MIN_GROUP_SIZE).map((p) => ({ ...p, organisationId: "org-b" })),
      ),
    ).toBe(false);
  });
});
