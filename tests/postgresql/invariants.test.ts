import { describe, expect, it } from "vitest";
import { updateMember, type MemberInput } from "../../app/models/member-write.server";
import { changeKind, disableUser } from "../../app/models/user-admin.server";
import { db } from "../../app/utils/db.server";
import { createOrganisation, createUser } from "../utils/actors";

// Decision 0024: on PostgreSQL two transactions run at once, so the checks that SQLite's single writer
// protected take the organisation's lock (app/models/locks.server.ts). Each round starts two writes at
// the same moment on two connections of the pool, as two app servers would.
const ROUNDS = 8;

async function twoAdmins() {
  const organisation = await createOrganisation();
  const [a, b] = await Promise.all([
    createUser({ organisationId: organisation.id, kind: "admin" }),
    createUser({ organisationId: organisation.id, kind: "admin" }),
  ]);
  return { organisationId: organisation.id, a, b };
}

const activeAdmins = (organisationId: string) =>
  db.user.count({ where: { organisationId, kind: "admin", disabledAt: null } });

describe("the last admin, with concurrent writers on PostgreSQL", () => {
  it("two admins demoting each other at once: one lands, the other is refused, one admin remains", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { organisationId, a, b } = await twoAdmins();
      const demote = (actor: typeof a, subject: typeof a) =>
        changeKind({
          organisationId,
          actorUserId: actor.id,
          userId: subject.id,
          ipAddress: null,
          kind: "member",
          departments: [],
          version: subject.version,
        });
      const results = await Promise.all([demote(a, b), demote(b, a)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "last_admin")).toHaveLength(1);
      expect(await activeAdmins(organisationId)).toBe(1);
    }
  });

  it("two admins disabling each other at once: one lands, the other is refused, one admin remains", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { organisationId, a, b } = await twoAdmins();
      const disable = (actor: typeof a, subject: typeof a) =>
        disableUser({ organisationId, actorUserId: actor.id, userId: subject.id, ipAddress: null });
      const results = await Promise.all([disable(a, b), disable(b, a)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "last_admin")).toHaveLength(1);
      expect(await activeAdmins(organisationId)).toBe(1);
    }
  });
});

function inputFor(member: { name: string; title: string }, managerId: string | null): MemberInput {
  return {
    name: member.name,
    email: null,
    title: member.title,
    roles: [{ roleId: "supply_chain", sharePercent: 100 }],
    department: null,
    managerId,
    markets: [],
    languages: [],
    startDate: null,
    userId: null,
  };
}

async function twoMembers() {
  const organisation = await createOrganisation();
  const make = (name: string) =>
    db.member.create({
      data: {
        organisationId: organisation.id,
        name,
        title: "Ops",
        roles: { create: [{ roleId: "supply_chain", sharePercent: 100 }] },
      },
    });
  const [x, y] = await Promise.all([make("Xia"), make("Yan")]);
  return { organisationId: organisation.id, x, y };
}

describe("reporting lines, with concurrent writers on PostgreSQL", () => {
  it("two edits that together would close a loop: one lands, the other is refused as a cycle", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { organisationId, x, y } = await twoMembers();
      const report = (member: typeof x, manager: typeof x) =>
        updateMember({
          organisationId,
          memberId: member.id,
          version: member.version,
          input: inputFor(member, manager.id),
        });
      const results = await Promise.all([report(x, y), report(y, x)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      const refused = results.find((result) => !result.ok);
      expect(refused).toMatchObject({
        ok: false,
        reason: "refused",
        refusals: [{ field: "managerId", code: "manager_cycle" }],
      });
      const managers = await db.member.findMany({ where: { organisationId }, select: { id: true, managerId: true } });
      expect(managers.filter((member) => member.managerId !== null)).toHaveLength(1);
    }
  });

  it("two saves of one version at once: the second is refused with the first one's result", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { organisationId, x } = await twoMembers();
      const save = (title: string) =>
        updateMember({ organisationId, memberId: x.id, version: x.version, input: { ...inputFor(x, null), title } });
      const results = await Promise.all([save("Lead"), save("Analyst")]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "conflict")).toHaveLength(1);
      const saved = await db.member.findUniqueOrThrow({ where: { id: x.id }, select: { version: true } });
      expect(saved.version).toBe(x.version + 1);
    }
  });
});
