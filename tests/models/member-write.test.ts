import { describe, expect, it } from "vitest";
import {
  assessmentScopeFor,
  createMember,
  deleteMember,
  findMemberToAuthorise,
  isRecordId,
  memberFormOptions,
  recordAssessment,
  updateMember,
  type MemberInput,
} from "../../app/models/member-write.server";
import { db } from "../../app/utils/db.server";
import { createOrganisation, createUser } from "../utils/actors";

function input(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    name: "Member",
    email: null,
    title: "",
    roles: [{ roleId: "operations_manager", sharePercent: 100 }],
    department: null,
    managerId: null,
    markets: [],
    languages: [],
    startDate: null,
    userId: null,
    ...overrides,
  };
}

async function created(organisationId: string, overrides: Partial<MemberInput> = {}): Promise<string> {
  const result = await createMember({ organisationId, input: input(overrides) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.memberId;
}

describe("createMember", () => {
  it("stores the member with roles as whole percents and lists as JSON", async () => {
    const org = await createOrganisation();
    const id = await created(org.id, {
      roles: [
        { roleId: "product_manager", sharePercent: 50 },
        { roleId: "operations_manager", sharePercent: 50 },
      ],
      markets: ["US", "DE"],
      languages: ["en"],
    });
    const row = await db.member.findUniqueOrThrow({ where: { id }, include: { roles: true } });
    expect(row).toMatchObject({ organisationId: org.id, markets: '["US","DE"]', languages: '["en"]' });
    expect(row.roles).toHaveLength(2);
  });

  it("checks the roles again: at least one, each once, at most 100 % together", async () => {
    const org = await createOrganisation();
    for (const roles of [
      [],
      [
        { roleId: "tech_dev" as const, sharePercent: 60 },
        { roleId: "marketing" as const, sharePercent: 41 },
      ],
      [
        { roleId: "tech_dev" as const, sharePercent: 10 },
        { roleId: "tech_dev" as const, sharePercent: 10 },
      ],
      [{ roleId: "tech_dev" as const, sharePercent: 0 }],
      [{ roleId: "tech_dev" as const, sharePercent: 33.5 }],
    ]) {
      expect(await createMember({ organisationId: org.id, input: input({ roles }) })).toEqual({
        ok: false,
        reason: "refused",
        refusals: [{ field: "roles", code: "roles_invalid" }],
      });
    }
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("refuses a taken email, a manager or an account from another organisation, and a linked account", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    await created(org.id, { email: "taken@example.com" });
    const foreignManager = await created(other.id);
    const foreignUser = await createUser({ organisationId: other.id, kind: "member" });
    const linkedUser = await createUser({ organisationId: org.id, kind: "member" });
    await created(org.id, { userId: linkedUser.id });

    const result = await createMember({
      organisationId: org.id,
      input: input({ email: "taken@example.com", managerId: foreignManager, userId: foreignUser.id }),
    });
    expect(result).toEqual({
      ok: false,
      reason: "refused",
      refusals: [
        { field: "email", code: "email_taken" },
        { field: "managerId", code: "manager_unknown" },
        { field: "userId", code: "user_unknown" },
      ],
    });
    expect(await createMember({ organisationId: org.id, input: input({ userId: linkedUser.id }) })).toMatchObject({
      refusals: [{ field: "userId", code: "user_taken" }],
    });
    // the same email in another organisation is someone else
    expect((await createMember({ organisationId: other.id, input: input({ email: "taken@example.com" }) })).ok).toBe(
      true,
    );
  });
});

describe("updateMember", () => {
  it("replaces the roles in one go", async () => {
    const org = await createOrganisation();
    const id = await created(org.id);
    const result = await updateMember({
      organisationId: org.id,
      memberId: id,
      version: 1,
      input: input({ roles: [{ roleId: "data_analysis", sharePercent: 20 }] }),
    });
    expect(result).toEqual({ ok: true, memberId: id });
    const roles = await db.memberRole.findMany({ where: { memberId: id } });
    expect(roles.map((r) => [r.roleId, r.sharePercent])).toEqual([["data_analysis", 20]]);
  });

  it("refuses a reporting loop with the chain of names, and writes nothing", async () => {
    const org = await createOrganisation();
    const a = await created(org.id, { name: "A" });
    const b = await created(org.id, { name: "B", managerId: a });
    const result = await updateMember({
      organisationId: org.id,
      memberId: a,
      version: 1,
      input: input({ name: "A renamed", managerId: b }),
    });
    expect(result).toEqual({
      ok: false,
      reason: "refused",
      refusals: [{ field: "managerId", code: "manager_cycle", chain: ["A", "B", "A"] }],
    });
    expect(await db.member.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ name: "A", managerId: null });
  });

  it("does not find a member of another organisation", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const id = await created(org.id, { name: "Mine" });
    expect(
      await updateMember({ organisationId: other.id, memberId: id, version: 1, input: input({ name: "Theirs" }) }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await db.member.findUniqueOrThrow({ where: { id } })).name).toBe("Mine");
  });

  it("raises the version, and refuses a save of an older one with the member as saved, writing nothing", async () => {
    const org = await createOrganisation();
    const id = await created(org.id, { name: "Ada", title: "Buyer" });
    expect(
      await updateMember({
        organisationId: org.id,
        memberId: id,
        version: 1,
        input: input({ name: "Ada", title: "Head buyer" }),
      }),
    ).toEqual({ ok: true, memberId: id });
    expect((await db.member.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    const stale = await updateMember({
      organisationId: org.id,
      memberId: id,
      version: 1,
      input: input({ name: "Ada", title: "Buyer", markets: ["DE"] }),
    });
    expect(stale).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { title: "Head buyer", markets: [], version: 2 },
    });
    expect(await db.member.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Head buyer",
      markets: "[]",
      version: 2,
    });
  });

  it("lets only one of two simultaneous saves of one version land", async () => {
    const org = await createOrganisation();
    const id = await created(org.id, { name: "Ada" });
    const results = await Promise.all([
      updateMember({ organisationId: org.id, memberId: id, version: 1, input: input({ name: "Ada", title: "First" }) }),
      updateMember({
        organisationId: org.id,
        memberId: id,
        version: 1,
        input: input({ name: "Ada", title: "Second" }),
      }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "conflict")).toHaveLength(1);
    const saved = await db.member.findUniqueOrThrow({ where: { id } });
    expect(saved.version).toBe(2);
    const winner = results[0].ok ? "First" : "Second";
    expect(saved.title).toBe(winner);
  });
});

describe("deleteMember", () => {
  it("removes roles and assessments, unassigns the reports and says how many", async () => {
    const org = await createOrganisation();
    const boss = await created(org.id, { name: "Boss" });
    const report = await created(org.id, { managerId: boss });
    await db.skillAssessment.create({
      data: {
        organisationId: org.id,
        memberId: boss,
        skillId: "ad_buying",
        level: 2,
        assessedOn: new Date(),
        assessorName: "x",
      },
    });
    expect(await deleteMember({ organisationId: org.id, memberId: boss })).toEqual({
      ok: true,
      name: "Boss",
      assessmentsRemoved: 1,
      reportsUnassigned: 1,
    });
    expect((await db.member.findUniqueOrThrow({ where: { id: report } })).managerId).toBeNull();
    expect(await db.memberRole.count({ where: { memberId: boss } })).toBe(0);
  });

  it("does not remove another organisation's member", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const id = await created(org.id);
    expect(await deleteMember({ organisationId: other.id, memberId: id })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.member.findUnique({ where: { id } })).not.toBeNull();
  });
});

describe("recordAssessment", () => {
  const assessment = (userId: string) => ({
    skillId: "ad_buying",
    level: 3 as const,
    assessedOn: new Date("2025-05-01T00:00:00Z"),
    note: "",
    assessor: { userId, name: "Assessor" },
  });

  it("adds to the history, scoped by organisation, and refuses self-assessment", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const user = await createUser({ organisationId: org.id, kind: "hr" });
    const assessor = await createUser({ organisationId: org.id, kind: "hr" });
    const id = await created(org.id, { userId: user.id });
    expect((await recordAssessment({ organisationId: org.id, memberId: id, input: assessment(assessor.id) })).ok).toBe(
      true,
    );
    expect((await recordAssessment({ organisationId: org.id, memberId: id, input: assessment(assessor.id) })).ok).toBe(
      true,
    );
    expect(await recordAssessment({ organisationId: org.id, memberId: id, input: assessment(user.id) })).toEqual({
      ok: false,
      reason: "self_assessment",
    });
    expect(await recordAssessment({ organisationId: other.id, memberId: id, input: assessment(assessor.id) })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await recordAssessment({
        organisationId: org.id,
        memberId: id,
        input: { ...assessment(assessor.id), level: 7 as 4 },
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    const rows = await db.skillAssessment.findMany({ where: { memberId: id } });
    expect(rows.map((row) => [row.organisationId, row.assessorUserId, row.assessorName, row.level])).toEqual([
      [org.id, assessor.id, "Assessor", 3],
      [org.id, assessor.id, "Assessor", 3],
    ]);
  });
});

describe("assessmentScopeFor", () => {
  it("names the department and every role held, each once, and the member's account", () => {
    expect(
      assessmentScopeFor({
        department: "operations_manager",
        roles: [{ roleId: "operations_manager" }, { roleId: "data_analysis" }],
        userId: "u1",
      }),
    ).toEqual({ departments: ["operations_manager", "data_analysis"], userId: "u1" });
    expect(assessmentScopeFor({ department: null, roles: [], userId: null })).toEqual({
      departments: [],
      userId: null,
    });
  });
});

describe("findMemberToAuthorise", () => {
  it("names the member's organisation, departments and account for the permission check", async () => {
    const org = await createOrganisation();
    const id = await created(org.id, { department: "marketing", roles: [{ roleId: "tech_dev", sharePercent: 50 }] });
    expect(await findMemberToAuthorise({ memberId: id })).toEqual({
      id,
      organisationId: org.id,
      userId: null,
      department: "marketing",
      roles: [{ roleId: "tech_dev" }],
    });
  });

  it("finds nothing for an unknown id, or one that cannot be an id, without asking the database", async () => {
    expect(await findMemberToAuthorise({ memberId: "cnotthere000" })).toBeNull();
    for (const id of ["", "\uD800", "a/b", "x".repeat(65), "' OR 1=1 --"]) {
      expect(isRecordId(id)).toBe(false);
      expect(await findMemberToAuthorise({ memberId: id })).toBeNull();
      expect(await deleteMember({ organisationId: "any", memberId: id })).toEqual({ ok: false, reason: "not_found" });
    }
  });
});

describe("memberFormOptions", () => {
  it("offers other members as managers, and accounts not linked to anyone else", async () => {
    const org = await createOrganisation();
    const free = await createUser({ organisationId: org.id, kind: "member" });
    const mine = await createUser({ organisationId: org.id, kind: "member" });
    const theirs = await createUser({ organisationId: org.id, kind: "member" });
    const disabled = await createUser({ organisationId: org.id, kind: "member", disabled: true });
    const me = await created(org.id, { name: "Me", userId: mine.id });
    const them = await created(org.id, { name: "Them", userId: theirs.id });
    const options = await memberFormOptions({ organisationId: org.id, memberId: me });
    expect(options.managers.map((m) => m.id)).toEqual([them]);
    const userIds = options.users.map((u) => u.id);
    expect(userIds).toContain(free.id);
    expect(userIds).toContain(mine.id);
    expect(userIds).not.toContain(theirs.id);
    expect(userIds).not.toContain(disabled.id);
  });
});
