import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/team.$memberId.edit";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LoaderData = {
  member: { id: string; name: string };
  defaults: {
    name: string;
    roles: { roleId?: string; share?: string }[];
    markets: string;
    managerId: string;
    startDate: string;
  };
  managers: { id: string }[];
};
type Reply = {
  lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null };
  cycle: string[] | null;
  conflict: { field: string; theirs: string; yours: string }[] | null;
  version: number | null;
};

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
      roles: {
        create: [
          { roleId: "operations_manager", sharePercent: 70 },
          { roleId: "data_analysis", sharePercent: 30 },
        ],
      },
    },
  });
}

function form(name: string, overrides: Record<string, string> = {}) {
  return { name, "roles[0].roleId": "operations_manager", "roles[0].share": "100", version: "1", ...overrides };
}

describe("GET /team/:memberId/edit", () => {
  it("fills the form with the member as stored, with an empty role row to add one", async () => {
    const member = await memberIn(cast.organisation.id, "Editable");
    const result = await callRoute<LoaderData>(loader, get(`/team/${member.id}/edit`, as("hr")), {
      memberId: member.id,
    });
    expect(result.status).toBe(200);
    expect(result.data.defaults).toMatchObject({
      name: "Editable",
      markets: "US, DE",
      startDate: "2023-05-02",
      managerId: "",
    });
    expect(result.data.defaults.roles).toEqual([
      { roleId: "operations_manager", share: "70" },
      { roleId: "data_analysis", share: "30" },
      {},
    ]);
    // nobody can be their own manager
    expect(result.data.managers.map((m) => m.id)).not.toContain(member.id);
  });

  it("answers 403 to members and leads, 404 to another organisation and to unknown ids", async () => {
    const member = await memberIn(cast.organisation.id, "Guarded");
    for (const who of ["member", "leadOps", "leadSupply"]) {
      expect((await callRoute(loader, get(`/team/${member.id}/edit`, as(who)), { memberId: member.id })).status).toBe(
        403,
      );
    }
    expect(
      (await callRoute(loader, get(`/team/${member.id}/edit`, as("otherAdmin")), { memberId: member.id })).status,
    ).toBe(404);
    expect((await callRoute(loader, get("/team/nope/edit", as("admin")), { memberId: "nope" })).status).toBe(404);
    const anonymous = await callRoute(loader, get(`/team/${member.id}/edit`), { memberId: member.id });
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("POST /team/:memberId/edit", () => {
  it("replaces the roles and the details, and keeps the assessments", async () => {
    const member = await memberIn(cast.organisation.id, "Changing");
    await db.skillAssessment.create({
      data: {
        organisationId: cast.organisation.id,
        memberId: member.id,
        skillId: "platform_rules",
        level: 2,
        assessedOn: new Date("2025-01-01"),
        assessorName: "X",
      },
    });
    const result = await callRoute(
      action,
      post(
        `/team/${member.id}/edit`,
        {
          name: "Changed",
          title: "Ops",
          "roles[0].roleId": "product_manager",
          "roles[0].share": "50",
          "roles[1].roleId": "operations_manager",
          "roles[1].share": "50",
          markets: "",
          version: "1",
        },
        as("manager"),
      ),
      { memberId: member.id },
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/team/${member.id}?done=updated`);
    const stored = await db.member.findUniqueOrThrow({
      where: { id: member.id },
      include: { roles: { orderBy: { roleId: "asc" } }, assessments: true },
    });
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
    const result = await callRoute<Reply>(
      action,
      post(`/team/${a.id}/edit`, form("Ana", { managerId: c.id }), as("hr")),
      { memberId: a.id },
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ managerId: ["members.errors.managerId.cycle"] });
    expect(result.data.cycle).toEqual(["Ana", "Cy", "Bo", "Ana"]);
    expect((await db.member.findUniqueOrThrow({ where: { id: a.id } })).managerId).toBeNull();

    const self = await callRoute<Reply>(
      action,
      post(`/team/${a.id}/edit`, form("Ana", { managerId: a.id }), as("hr")),
      { memberId: a.id },
    );
    expect(self.data.cycle).toEqual(["Ana", "Ana"]);

    // moving the bottom of the chain under someone else is fine
    const ok = await callRoute(action, post(`/team/${c.id}/edit`, form("Cy", { managerId: a.id }), as("hr")), {
      memberId: c.id,
    });
    expect(ok.status).toBe(302);
  });

  it("lets a member keep their own email, but not take another member's", async () => {
    const a = await memberIn(cast.organisation.id, "Mail A", { email: "a@example.com" });
    await memberIn(cast.organisation.id, "Mail B", { email: "b@example.com" });
    const same = await callRoute(
      action,
      post(`/team/${a.id}/edit`, form("Mail A", { email: "a@example.com" }), as("hr")),
      { memberId: a.id },
    );
    expect(same.status).toBe(302);
    const clash = await callRoute<Reply>(
      action,
      post(`/team/${a.id}/edit`, form("Mail A", { email: "b@example.com", version: "2" }), as("hr")),
      { memberId: a.id },
    );
    expect(clash.status).toBe(400);
    expect(clash.data.lastResult.error).toEqual({ email: ["members.errors.email.taken"] });
  });

  it("changes nothing for another organisation, members, leads or invalid forms", async () => {
    const member = await memberIn(cast.organisation.id, "Untouched");
    const before = await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { roles: true } });
    expect(
      (
        await callRoute(action, post(`/team/${member.id}/edit`, form("Hacked"), as("otherAdmin")), {
          memberId: member.id,
        })
      ).status,
    ).toBe(404);
    for (const who of ["member", "leadOps"]) {
      expect(
        (await callRoute(action, post(`/team/${member.id}/edit`, form("Hacked"), as(who)), { memberId: member.id }))
          .status,
      ).toBe(403);
    }
    const invalid = await callRoute<Reply>(
      action,
      post(`/team/${member.id}/edit`, form("", { "roles[0].share": "150" }), as("hr")),
      { memberId: member.id },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data.lastResult.initialValue).toMatchObject({
      roles: [{ roleId: "operations_manager", share: "150" }],
    });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { roles: true } })).toEqual(before);
  });
});

describe("POST /team/:memberId/edit: no silent lost update", () => {
  /** The form as the loader filled it, sent back with one change. */
  async function loadedForm(memberId: string, who: string) {
    const page = await callRoute<LoaderData & { member: { version: number } }>(
      loader,
      get(`/team/${memberId}/edit`, as(who)),
      { memberId },
    );
    const d = page.data.defaults as unknown as Record<string, unknown>;
    const body: Record<string, string> = { version: String(page.data.member.version) };
    for (const [key, value] of Object.entries(d)) if (typeof value === "string") body[key] = value;
    (d.roles as { roleId?: string; share?: string }[]).forEach((row, i) => {
      if (row.roleId) body[`roles[${i}].roleId`] = row.roleId;
      if (row.share) body[`roles[${i}].share`] = row.share;
    });
    return body;
  }

  it("keeps A's title when B saves markets from the same loaded form: B gets 409 with what changed, and their typing back", async () => {
    const member = await memberIn(cast.organisation.id, "Two editors");
    const formA = await loadedForm(member.id, "hr");
    const formB = await loadedForm(member.id, "manager");
    const a = await callRoute(
      action,
      post(`/team/${member.id}/edit`, { ...formA, title: "Head of operations" }, as("hr")),
      { memberId: member.id },
    );
    expect(a.status).toBe(302);
    const b = await callRoute<Reply>(
      action,
      post(`/team/${member.id}/edit`, { ...formB, markets: "US, DE, JP" }, as("manager")),
      { memberId: member.id },
    );
    expect(b.status).toBe(409);
    expect(b.data.conflict).toEqual([
      { field: "title", theirs: "Head of operations", yours: "" },
      { field: "markets", theirs: "US, DE", yours: "US, DE, JP" },
    ]);
    expect(b.data.version).toBe(2);
    expect(b.data.lastResult.initialValue).toMatchObject({ markets: "US, DE, JP" });
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({ title: "Head of operations", markets: JSON.stringify(["US", "DE"]), version: 2 });

    // saving again with the version the refusal carried is B's deliberate choice
    const again = await callRoute(
      action,
      post(
        `/team/${member.id}/edit`,
        { ...formB, markets: "US, DE, JP", version: String(b.data.version) },
        as("manager"),
      ),
      { memberId: member.id },
    );
    expect(again.status).toBe(302);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      markets: JSON.stringify(["US", "DE", "JP"]),
      version: 3,
    });
  });

  it("lets only one of two simultaneous saves of one version land", async () => {
    const member = await memberIn(cast.organisation.id, "Race");
    const loaded = await loadedForm(member.id, "hr");
    const [first, second] = await Promise.all([
      callRoute(action, post(`/team/${member.id}/edit`, { ...loaded, title: "First" }, as("hr")), {
        memberId: member.id,
      }),
      callRoute(action, post(`/team/${member.id}/edit`, { ...loaded, title: "Second" }, as("manager")), {
        memberId: member.id,
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.version).toBe(2);
    expect(stored.title).toBe(first.status === 302 ? "First" : "Second");
  });

  it("refuses a form without the version it was loaded from, writing nothing", async () => {
    const member = await memberIn(cast.organisation.id, "No version");
    const { version: _version, ...body } = form("Changed");
    const result = await callRoute<Reply>(action, post(`/team/${member.id}/edit`, body, as("hr")), {
      memberId: member.id,
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ version: ["forms.version"] });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).name).toBe("No version");
  });

  it("answers conform's validation request with the validation result and writes nothing", async () => {
    const member = await memberIn(cast.organisation.id, "Blurred");
    const body = {
      ...form("Blurred again", { title: "Typed" }),
      __intent__: JSON.stringify({ type: "validate", payload: { name: "title" } }),
    };
    const result = await callRoute<Reply & { lastResult: { status?: string; intent?: unknown } }>(
      action,
      post(`/team/${member.id}/edit`, body, as("hr")),
      { memberId: member.id },
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.status).toBeUndefined();
    expect(result.data.lastResult.intent).toEqual({ type: "validate", payload: { name: "title" } });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      name: "Blurred",
      title: "",
      version: 1,
    });
  });
});
