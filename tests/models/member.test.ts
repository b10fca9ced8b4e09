import { describe, expect, it } from "vitest";
import { getMember, latestAssessments, listMembers } from "../../app/models/member.server";
import { db } from "../../app/utils/db.server";
import { createOrganisation } from "../utils/actors";

async function memberIn(organisationId: string, name: string) {
  return db.member.create({
    data: {
      organisationId,
      name,
      department: "operations_manager",
      roles: {
        create: [
          { roleId: "operations_manager", sharePercent: 50 },
          { roleId: "product_manager", sharePercent: 50 },
        ],
      },
    },
  });
}

function assess(
  organisationId: string,
  memberId: string,
  skillId: string,
  level: number,
  assessedOn: string,
  createdAt?: string,
) {
  return db.skillAssessment.create({
    data: {
      organisationId,
      memberId,
      skillId,
      level,
      assessedOn: new Date(assessedOn),
      assessorName: "Tester",
      ...(createdAt ? { createdAt: new Date(createdAt) } : {}),
    },
  });
}

describe("member data access", () => {
  it("lists members with their roles as shares of time, scoped by organisation", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    await memberIn(a.id, "Founder");
    await memberIn(b.id, "Someone else");
    const members = await listMembers({ organisationId: a.id });
    expect(members.map((member) => member.name)).toEqual(["Founder"]);
    expect(members[0].roles).toEqual([
      { roleId: "operations_manager", share: 0.5 },
      { roleId: "product_manager", share: 0.5 },
    ]);
  });

  it("keeps every assessment but reads only the latest per skill", async () => {
    const org = await createOrganisation();
    const member = await memberIn(org.id, "Assessed");
    await assess(org.id, member.id, "platform_rules", 3, "2026-01-10");
    await assess(org.id, member.id, "platform_rules", 1, "2026-03-01"); // later, lower: it counts
    await assess(org.id, member.id, "ad_buying", 2, "2026-02-01", "2026-02-01T10:00:00Z");
    await assess(org.id, member.id, "ad_buying", 4, "2026-02-01", "2026-02-01T12:00:00Z"); // same day, entered later
    const latest = await latestAssessments({ organisationId: org.id });
    const bySkill = Object.fromEntries(latest.map((record) => [record.skillId, record.level]));
    expect(bySkill).toEqual({ platform_rules: 1, ad_buying: 4 });
    const detail = await getMember({ organisationId: org.id, memberId: member.id });
    expect(detail?.assessments).toHaveLength(4);
  });

  it("does not find another organisation's member", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    const member = await memberIn(a.id, "Private");
    expect(await getMember({ organisationId: b.id, memberId: member.id })).toBeNull();
  });
});
