import { describe, expect, it } from "vitest";
import { seedDemoTeam } from "../../prisma/seed-team";
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
    const rows = await db.skillAssessment.findMany({ where: { organisationId: organisation.id }, select: { memberId: true, skillId: true, assessedOn: true } });
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
});
