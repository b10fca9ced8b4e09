import { describe, expect, it } from "vitest";
import { computeTeamGaps } from "../../app/domain/gaps";
import type { Actor, UserKind } from "../../app/domain/permissions";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import type { RoleId } from "../../app/domain/types";
import { visibleHistory, visibleTeamGaps, type Person } from "../../app/domain/visibility";

const actor = (kind: UserKind, departments: RoleId[] = [], userId = `u-${kind}`): Actor => ({
  userId,
  organisationId: "org",
  kind,
  departments,
});

// five people in operations (one of them the member "u-liu"), one in supply chain
const people: (Person & { name: string; managerId: null; roles: { roleId: RoleId; share: number }[] })[] = [
  ...["liu", "a", "b", "c", "d"].map((key) => ({
    id: `m-${key}`,
    name: key,
    department: "operations_manager" as RoleId,
    managerId: null,
    roles: [{ roleId: "operations_manager" as RoleId, share: 1 }],
    userId: key === "liu" ? "u-liu" : null,
  })),
  {
    id: "m-yang",
    name: "yang",
    department: "supply_chain",
    managerId: null,
    roles: [{ roleId: "supply_chain", share: 1 }],
    userId: null,
  },
];
const gaps = computeTeamGaps(recommendOrgChart("platform", "growth", shippedPlaybook), people, []);

describe("visibleTeamGaps", () => {
  it("keeps a member's own row and gaps, and nobody else's", () => {
    const seen = visibleTeamGaps(actor("member", [], "u-liu"), "org", people, gaps);
    expect(seen.heatmap.rows.map((row) => row.memberId)).toEqual(["m-liu"]);
    expect(seen.members.map((member) => member.memberId)).toEqual(["m-liu"]);
  });

  it("keeps a lead's department, and everyone for HR", () => {
    const lead = visibleTeamGaps(actor("lead", ["supply_chain"]), "org", people, gaps);
    expect(lead.heatmap.rows.map((row) => row.memberId)).toEqual(["m-yang"]);
    expect(visibleTeamGaps(actor("hr"), "org", people, gaps).heatmap.rows).toHaveLength(6);
  });

  it("withholds a role's figures over fewer than five holders from those who may not read them all", () => {
    const seen = visibleTeamGaps(actor("member", [], "u-liu"), "org", people, gaps);
    const role = (id: RoleId) => seen.roles.find((coverage) => coverage.roleId === id)!;
    expect(role("operations_manager").withheld).toBe(false);
    expect(role("supply_chain")).toMatchObject({ withheld: true, skillsBelow: [], skillsNotAssessed: [] });
    expect(
      role("supply_chain").skills.every(
        (skill) => skill.bestLevel === null && skill.holdersMeeting === 0 && skill.holdersBelow === 0,
      ),
    ).toBe(true);
    // the org chart stays
    expect(role("supply_chain").holders.map((holder) => holder.name)).toEqual(["yang"]);
    // six people: the team's totals may be shown
    expect(seen.totals.withheld).toBe(false);
    expect(
      visibleTeamGaps(actor("lead", ["supply_chain"]), "org", people, gaps).roles.find(
        (c) => c.roleId === "supply_chain",
      )!.withheld,
    ).toBe(false);
  });

  it("withholds the totals of a team of fewer than five from a member", () => {
    const small = people.slice(0, 3);
    const seen = visibleTeamGaps(
      actor("member", [], "u-liu"),
      "org",
      small,
      computeTeamGaps(recommendOrgChart("platform", "growth", shippedPlaybook), small, []),
    );
    expect(seen.totals).toMatchObject({ withheld: true, totalGap: 0, membersWithGaps: 0, members: 3 });
  });
});

describe("visibleHistory", () => {
  const subject = { organisationId: "org", departments: ["operations_manager" as RoleId], userId: "u-liu" };
  const entries = [
    { id: "1", assessorUserId: "u-old-lead", note: "by the former lead" },
    { id: "2", assessorUserId: "u-hr", note: "by HR" },
  ];
  it("shows the whole history and notes to its readers", () => {
    expect(visibleHistory(actor("lead", ["operations_manager"]), subject, entries).map((entry) => entry.note)).toEqual([
      "by the former lead",
      "by HR",
    ]);
    expect(visibleHistory(actor("member", [], "u-liu"), subject, entries)).toHaveLength(2);
  });
  it("shows others only what they wrote themselves", () => {
    expect(visibleHistory(actor("lead", ["marketing"], "u-old-lead"), subject, entries)).toEqual([
      { id: "1", assessorUserId: "u-old-lead", note: "by the former lead" },
    ]);
    expect(visibleHistory(actor("member", [], "u-colleague"), subject, entries)).toEqual([]);
  });
});
