import { describe, expect, it } from "vitest";
import {
  checkOwnership,
  flagsForRow,
  handOffsAround,
  sortSteps,
  staffedRoles,
  type OwnershipStep,
  type RaciCell,
} from "../../app/domain/ownership-checks";
import type { RaciRow } from "../../app/domain/process-steps";
import type { TeamMember } from "../../app/domain/team";
import { CORE_ROLE_IDS, type RoleId } from "../../app/domain/types";

const step = (key: string, overrides: Partial<OwnershipStep> = {}): OwnershipStep => ({
  key,
  section: "logistics",
  position: 0,
  resolved: false,
  retired: false,
  ...overrides,
});

const cellsOf = (stepKey: string, row: RaciRow): RaciCell[] =>
  Object.entries(row).map(([roleId, letter]) => ({ stepKey, roleId: roleId as RoleId, letter: letter! }));

const member = (id: string, roles: [RoleId, number][]): TeamMember => ({
  id,
  name: id,
  department: null,
  managerId: null,
  roles: roles.map(([roleId, share]) => ({ roleId, share })),
});

/** A team that holds every one of the seven roles. */
const fullTeam = { members: CORE_ROLE_IDS.map((roleId, index) => member(`m${index}`, [[roleId, 1]])) };

describe("checkOwnership", () => {
  it("passes a step with one accountable and one responsible role, both staffed", () => {
    const report = checkOwnership(
      [step("customs_documents")],
      cellsOf("customs_documents", { supply_chain: "A", compliance_risk: "R" }),
      fullTeam,
    );
    expect(report).toEqual({
      flagged: [],
      flaggedSteps: 0,
      problems: 0,
      byCode: { no_accountable: 0, several_accountable: 0, no_responsible: 0, unstaffed_owner: 0 },
    });
  });

  it("counts A/R as both accountable and responsible", () => {
    expect(checkOwnership([step("s")], cellsOf("s", { supply_chain: "AR" }), fullTeam).problems).toBe(0);
  });

  it("flags a step with no accountable role", () => {
    const report = checkOwnership(
      [step("s")],
      cellsOf("s", { marketing: "R", operations_manager: "R", supply_chain: "C" }),
      fullTeam,
    );
    expect(report.flagged).toEqual([{ stepKey: "s", flags: [{ code: "no_accountable" }] }]);
  });

  it("flags two or more accountable roles and names them in role order", () => {
    const report = checkOwnership(
      [step("s")],
      cellsOf("s", { supply_chain: "AR", operations_manager: "A", compliance_risk: "C" }),
      fullTeam,
    );
    expect(report.flagged).toEqual([
      { stepKey: "s", flags: [{ code: "several_accountable", roles: ["operations_manager", "supply_chain"] }] },
    ]);
  });

  it("flags a step with no responsible role (consulted and informed do not count)", () => {
    const report = checkOwnership(
      [step("s")],
      cellsOf("s", { compliance_risk: "A", supply_chain: "C", data_analysis: "I" }),
      fullTeam,
    );
    expect(report.flagged[0].flags).toEqual([{ code: "no_responsible" }]);
  });

  it("flags an empty row with both no accountable and no responsible", () => {
    const report = checkOwnership([step("s")], [], fullTeam);
    expect(report.flagged[0].flags.map((flag) => flag.code)).toEqual(["no_accountable", "no_responsible"]);
    expect(report.problems).toBe(2);
    expect(report.flaggedSteps).toBe(1);
  });

  it("flags owners (R or A) that no member holds, but not consulted or informed roles", () => {
    const team = { members: [member("a", [["supply_chain", 1]])] };
    const report = checkOwnership(
      [step("s")],
      cellsOf("s", { supply_chain: "A", compliance_risk: "R", marketing: "C", tech_dev: "I" }),
      team,
    );
    expect(report.flagged[0].flags).toEqual([{ code: "unstaffed_owner", roles: ["compliance_risk"] }]);
  });

  it("counts a role held for part of someone's time as staffed, and an empty team as staffing nothing", () => {
    expect(
      [
        ...staffedRoles([
          member("a", [
            ["product_manager", 0.5],
            ["compliance_risk", 0.2],
          ]),
        ]),
      ].sort(),
    ).toEqual(["compliance_risk", "product_manager"]);
    const report = checkOwnership([step("s")], cellsOf("s", { supply_chain: "AR" }), { members: [] });
    expect(report.flagged[0].flags).toEqual([{ code: "unstaffed_owner", roles: ["supply_chain"] }]);
  });

  it("ignores retired and resolved steps", () => {
    const steps = [step("retired", { retired: true }), step("resolved", { resolved: true }), step("open")];
    const report = checkOwnership(steps, [], fullTeam);
    expect(report.flagged.map((check) => check.stepKey)).toEqual(["open"]);
  });

  it("lists flagged steps in matrix order with counts per flag", () => {
    const steps = [
      step("b", { section: "systems", position: 0 }),
      step("a", { section: "core", position: 5 }),
      step("c", { section: "core", position: 1 }),
    ];
    const cells = [
      ...cellsOf("a", { product_manager: "A" }),
      ...cellsOf("b", { tech_dev: "A", data_analysis: "A" }),
      ...cellsOf("c", { product_manager: "R" }),
    ];
    const report = checkOwnership(steps, cells, fullTeam);
    expect(report.flagged.map((check) => check.stepKey)).toEqual(["c", "a", "b"]);
    expect(report.byCode).toEqual({ no_accountable: 1, several_accountable: 1, no_responsible: 2, unstaffed_owner: 0 });
    expect(report.problems).toBe(4);
  });

  it("is a function of its inputs: the same call twice gives the same answer and changes nothing", () => {
    const steps = [step("s")];
    const cells = cellsOf("s", { supply_chain: "A", compliance_risk: "A" });
    const copy = JSON.stringify({ steps, cells });
    expect(checkOwnership(steps, cells, fullTeam)).toEqual(checkOwnership(steps, cells, fullTeam));
    expect(JSON.stringify({ steps, cells })).toBe(copy);
  });
});

describe("flagsForRow", () => {
  it("reports every problem of a row at once", () => {
    expect(flagsForRow({ tech_dev: "A", data_analysis: "A" }, new Set<RoleId>())).toEqual([
      { code: "several_accountable", roles: ["tech_dev", "data_analysis"] },
      { code: "no_responsible" },
      { code: "unstaffed_owner", roles: ["tech_dev", "data_analysis"] },
    ]);
  });
});

describe("sortSteps", () => {
  it("orders by section, then position", () => {
    const sorted = sortSteps([
      step("x", { section: "systems", position: 0 }),
      step("y", { section: "core", position: 2 }),
      step("z", { section: "core", position: 1 }),
    ]);
    expect(sorted.map((s) => s.key)).toEqual(["z", "y", "x"]);
  });
});

describe("handOffsAround", () => {
  const steps = [
    step("duties", { position: 0 }),
    step("agent", { position: 1 }),
    step("gone", { position: 2, retired: true }),
    step("release", { position: 3 }),
    step("erp", { section: "systems", position: 4 }),
  ];
  const cells = [
    ...cellsOf("duties", { compliance_risk: "A", supply_chain: "R" }),
    ...cellsOf("agent", { supply_chain: "A", operations_manager: "R" }),
    ...cellsOf("gone", { marketing: "AR" }),
    ...cellsOf("release", { compliance_risk: "AR", supply_chain: "C" }),
    ...cellsOf("erp", { tech_dev: "R", supply_chain: "A" }),
  ];

  it("runs from the roles doing the step before to those doing this one, and on to the next, skipping retired steps", () => {
    expect(handOffsAround(steps, cells, "agent")).toEqual([
      { fromStep: "duties", toStep: "agent", from: "supply_chain", to: "operations_manager" },
      { fromStep: "agent", toStep: "release", from: "operations_manager", to: "compliance_risk" },
    ]);
  });

  it("uses the accountable roles of a step nobody is responsible for, and drops a role handing to itself", () => {
    const own = [...cellsOf("a", { supply_chain: "A" }), ...cellsOf("b", { supply_chain: "R", marketing: "R" })];
    expect(handOffsAround([step("a", { position: 0 }), step("b", { position: 1 })], own, "a")).toEqual([
      { fromStep: "a", toStep: "b", from: "supply_chain", to: "marketing" },
    ]);
  });

  it("has none for systems, retired or unknown steps, nor at the ends of an empty flow", () => {
    expect(handOffsAround(steps, cells, "erp")).toEqual([]);
    expect(handOffsAround(steps, cells, "gone")).toEqual([]);
    expect(handOffsAround(steps, cells, "nope")).toEqual([]);
    expect(handOffsAround([step("only")], cellsOf("only", { tech_dev: "AR" }), "only")).toEqual([]);
  });
});

describe("a role beyond the seven (an extension role the playbook holds)", () => {
  it("counts in the rule of one accountable role, as responsible, and as an unstaffed owner", () => {
    // customer service and operations both accountable: flagged, in the roles' order
    expect(flagsForRow({ operations_manager: "A", customer_service: "AR" }, staffedRoles(fullTeam.members))).toEqual([
      { code: "several_accountable", roles: ["operations_manager", "customer_service"] },
      { code: "unstaffed_owner", roles: ["customer_service"] },
    ]);
    // customer service alone does the work: a responsible role, staffed once a member holds it
    const team = [...fullTeam.members, member("agent", [["customer_service", 1]])];
    expect(staffedRoles(team).has("customer_service")).toBe(true);
    expect(flagsForRow({ operations_manager: "A", customer_service: "R" }, staffedRoles(team))).toEqual([]);
    expect(flagsForRow({ operations_manager: "A", customer_service: "C" }, staffedRoles(team))).toEqual([
      { code: "no_responsible" },
    ]);
  });

  it("hands work to and from it around a step", () => {
    const steps = [step("a", { position: 0 }), step("b", { position: 1 })];
    const cells = [
      ...cellsOf("a", { supply_chain: "AR" }),
      ...cellsOf("b", { operations_manager: "A", customer_service: "R" }),
    ];
    expect(handOffsAround(steps, cells, "b")).toEqual([
      { fromStep: "a", toStep: "b", from: "supply_chain", to: "customer_service" },
    ]);
  });
});
