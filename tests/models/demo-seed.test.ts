import { describe, expect, it } from "vitest";
import { seedDemoTeam } from "../../prisma/seed-team";
import { seedDemoProfile } from "../../prisma/seed-profile";
import { computeTeamGaps } from "../../app/domain/gaps";
import { shippedPlaybook } from "../../app/domain/playbook";
import { sizedForOrganisation } from "../../app/models/business-profile.server";
import { loadTeam } from "../../app/models/member.server";
import { db } from "../../app/utils/db.server";
import { createOrganisation } from "../utils/actors";

/**
 * The demo team is what a new user judges the product by: its skill history
 * must hold no duplicates (issue 11: a blur once recorded an assessment).
 */
describe("the demo team", () => {
  it("has no duplicate assessments: at most one per member, skill and day", async () => {
    const organisation = await createOrganisation();
    const summary = await seedDemoTeam(organisation.id, new Date("2026-12-07T08:00:00Z"));
    expect(summary?.assessments).toBeGreaterThan(50);
    const rows = await db.skillAssessment.findMany({
      where: { organisationId: organisation.id },
      select: { memberId: true, skillId: true, assessedOn: true },
    });
    expect(rows).toHaveLength(summary!.assessments);
    const keys = rows.map((row) => `${row.memberId}|${row.skillId}|${row.assessedOn.toISOString()}`);
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated).toEqual([]);
  });

  it("is seeded once: a second run over the same organisation adds nothing", async () => {
    const organisation = await createOrganisation();
    await seedDemoTeam(organisation.id);
    const count = await db.skillAssessment.count({ where: { organisationId: organisation.id } });
    expect(await seedDemoTeam(organisation.id)).toBeNull();
    expect(await db.skillAssessment.count({ where: { organisationId: organisation.id } })).toBe(count);
  });

  it("sized to its business profile, shows departments under, within and over their headcount, not over everywhere (issue 12)", async () => {
    const organisation = await createOrganisation({ operatingModel: "platform", stage: "growth" });
    await seedDemoTeam(organisation.id, new Date("2026-12-07T08:00:00Z"));
    await seedDemoProfile(organisation.id);
    const { recommendation } = await sizedForOrganisation({
      organisationId: organisation.id,
      operatingModel: "platform",
      stage: "growth",
      playbook: shippedPlaybook,
    });
    const team = await loadTeam({ organisationId: organisation.id });
    const gaps = computeTeamGaps(recommendation, team.members, team.assessments);
    const staffed = gaps.roles.filter((role) => role.fte > 0);
    const under = staffed.filter((role) => role.unfilledSeats > 0).map((role) => role.roleId);
    const over = staffed.filter((role) => role.overStaffedBy > 0).map((role) => role.roleId);
    const within = staffed
      .filter((role) => role.unfilledSeats === 0 && role.overStaffedBy === 0)
      .map((role) => role.roleId);
    // 4,500 SKUs want more product managers than the demo has; 10 stores and 3,200 orders a day fit its operations and supply chain
    expect(under).toEqual(["product_manager"]);
    expect(within).toEqual(expect.arrayContaining(["operations_manager", "supply_chain"]));
    expect(over.length).toBeGreaterThan(0);
    expect(over.length).toBeLessThan(staffed.length);
  });
});
