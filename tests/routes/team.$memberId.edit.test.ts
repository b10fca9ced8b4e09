import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/team.$memberId.edit";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LoaderData = {
  member: { id: string; name: string };
  defaults: { name: string; roles: { roleId?: string; share?: string }[]; markets: string; managerId: string; startDate: string };
  managers: { id: string }[];
};
type Reply = { lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null }; cycle: string[] | null };

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
});

async function memberIn(organisationId: string, name: string, extra: { managerId?: string; email?: string } = {}) {
  return db.member.create({
    data: {
      organisationId,
      name,
      department: "operations_manager",
      markets: JSON.stringify(["US", "DE"]),
      startDate: new Date("2023-05-02T00:00:00Z"),
      ...extra,
      roles: { create: [{ roleId: "operations_manager", sharePercent: 70 }, { roleId: "data_analysis", sharePercent: 30 }] },
    },
  });
}

function form(name: string, overrides: Record<string, string> = {}) {
  return { name, "roles[0].roleId": "operations_manager", "roles[0].share": "100", ...overrides };
}

describe("GET /team/:memberId/edit", () => {
  it("fills the form with the member as stored, with an empty role row to add one", async () => {
    const member = await memberIn(cast.organisation.id, "Editable");
    const result = await callRoute<LoaderData>(loader, get(`/team/${member.id}/edit`, as("hr")), { memberId: member.id });
    expect(result.status).toBe(200);
    expect(result.data.defaults).toMatchObject({ name: "Editable", markets: "US, DE", startDate: "2023-05-02", managerId: "" });
    expect(result.data.defaults.roles).toEqual([{ roleId: "operations_manager", share: "70" }, { roleId: "data_analysis", share: "30" }, {}]);
    // nobody can be their own manager
    expect(result.data.managers.map((m) => m.id)).not.toContain(member.id);
  });

  it("answers 403 to members and leads, 404 to another organisation and to unknown ids", async () => {
    const member = await memberIn(cast.organisation.id, "Guarded");
    for (const who of ["member", "leadOps", "leadSupply"]) {
      expect((await callRoute(loader, get(`/team/${member.id}/edit`, as(who)), { memberId: member.id })).status).toBe(403);
    }
    expect((await callRoute(loader, get(`/team/${member.id}/edit`, as("otherAdmin")), { memberId: member.id })).status).toBe(404);
    expect((await callRoute(loader, get("/team/nope/edit", as("admin")), { memberId: "nope" })).status).toBe(404);
    const anonymous = await callRoute(loader, get(`/team/${member.id}/edit`), { memberId: member.id });
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("POST /team/:memberId/edit", () => {
  it("replaces the roles and the details, and keeps the assessments", async () => {
    const member = await memberIn(cast.organisation.id, "Changing");
    await db.skillAssessment.create({
      data: { organisationId: cast.organisation.id, memberId: member.id, skillId: "platform_rules", level: 2, assessedOn: new Date("2025-01-01"), assessorName: "X" },
    });
    const result = await callRoute(
      action,
      post(
        `/team/${member.id}/edit`,
        { name: "Changed", title: "Ops", "roles[0].roleId": "product_manager", "roles[0].share": "50", "roles[1].roleId": "operations_manager", "roles[1].share": "50", markets: "" },
        as("manager"),
      ),
      { memberId: member.id },
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/team/${member.id}?done=updated`);
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { roles: { orderBy: { roleId: "asc" } }, assessments: true } });
    expect(stored).toMatchObject({ name: "Changed", title: "Ops", markets: "[]", department: null, startDate: null });
    expect(stored.roles.map((r) => [r.roleId, r.sharePercent])).toEqual([
      ["operations_manager", 50],
      ["product_manager", 50],
    ]);
    expect(stored.assessments).toHaveLength(1);
  });

  it("refuses a manager that would make a reporting loop, naming the chain", async () => {
    const a = await memberIn(cast.organisation.id, "Ana");
    const b = await memberIn(cast.organisation.id, "Bo", { managerId: a.id });
    const c = await memberIn(cast.organisation.id, "Cy", { managerId: b.id });
    const result = await callRoute<Reply>(action, post(`/team/${a.id}/edit`, form("Ana", { managerId: c.id }), as("hr")), { memberId: a.id });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ managerId: ["members.errors.managerId.cycle"] });
    expect(result.data.cycle).toEqual(["Ana", "Cy", "Bo", "Ana"]);
    expect((await db.member.findUniqueOrThrow({ where: { id: a.id } })).managerId).toBeNull();

    const self = await callRoute<Reply>(action, post(`/team/${a.id}/edit`, form("Ana", { managerId: a.id }), as("hr")), { memberId: a.id });
    expect(self.data.cycle).toEqual(["Ana", "Ana"]);

    // moving the bottom of the chain under someone else is fine
    const ok = await callRoute(action, post(`/team/${c.id}/edit`, form("Cy", { managerId: a.id }), as("hr")), { memberId: c.id });
    expect(ok.status).toBe(302);
  });

  it("lets a member keep their own email, but not take another member's", async () => {
    const a = await memberIn(cast.organisation.id, "Mail A", { email: "a@example.com" });
    await memberIn(cast.organisation.id, "Mail B", { email: "b@example.com" });
    const same = await callRoute(action, post(`/team/${a.id}/edit`, form("Mail A", { email: "a@example.com" }), as("hr")), { memberId: a.id });
    expect(same.status).toBe(302);
    const clash = await callRoute<Reply>(action, post(`/team/${a.id}/edit`, form("Mail A", { email: "b@example.com" }), as("hr")), { memberId: a.id });
    expect(clash.status).toBe(400);
    expect(clash.data.lastResult.error).toEqual({ email: ["members.errors.email.taken"] });
  });

  it("changes nothing for another organisation, members, leads or invalid forms", async () => {
    const member = await memberIn(cast.organisation.id, "Untouched");
    const before = await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { roles: true } });
    expect((await callRoute(action, post(`/team/${member.id}/edit`, form("Hacked"), as("otherAdmin")), { memberId: member.id })).status).toBe(404);
    for (const who of ["member", "leadOps"]) {
      expect((await callRoute(action, post(`/team/${member.id}/edit`, form("Hacked"), as(who)), { memberId: member.id })).status).toBe(403);
    }
    const invalid = await callRoute<Reply>(action, post(`/team/${member.id}/edit`, form("", { "roles[0].share": "150" }), as("hr")), { memberId: member.id });
    expect(invalid.status).toBe(400);
    expect(invalid.data.lastResult.initialValue).toMatchObject({ roles: [{ roleId: "operations_manager", share: "150" }] });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { roles: true } })).toEqual(before);
  });
});
