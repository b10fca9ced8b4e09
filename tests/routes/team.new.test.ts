import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/team.new";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LoaderData = { roles: { id: string }[]; managers: { id: string; name: string }[]; users: { id: string }[] };
type Reply = {
  lastResult: { status: string; initialValue: Record<string, unknown> | null; error: Record<string, string[]> | null };
  cycle: string[] | null;
};

let cast: Cast;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
});

const as = (who: string) => ({ Cookie: cookie[who] });

function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Lin Wei",
    "roles[0].roleId": "product_manager",
    "roles[0].share": "50",
    "roles[1].roleId": "operations_manager",
    "roles[1].share": "50",
    ...overrides,
  };
}

async function membersOf(organisationId: string) {
  return db.member.count({ where: { organisationId } });
}

describe("GET /team/new", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await callRoute(loader, get("/team/new"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fteam%2Fnew/);
  });

  it("refuses members and leads with 403", async () => {
    for (const who of ["member", "leadOps", "leadSupply"]) {
      expect((await callRoute(loader, get("/team/new", as(who)))).status).toBe(403);
    }
  });

  it("offers HR, managers and admins the seven roles, the possible managers and the unlinked accounts", async () => {
    const boss = await db.member.create({
      data: { organisationId: cast.organisation.id, name: "Boss", userId: cast.manager.id },
    });
    for (const who of ["hr", "manager", "admin"]) {
      const result = await callRoute<LoaderData>(loader, get("/team/new", as(who)));
      expect(result.status).toBe(200);
      expect(result.data.roles).toHaveLength(7);
      expect(result.data.managers.map((m) => m.id)).toContain(boss.id);
      // the manager's account is linked already; the others are not
      expect(result.data.users.map((u) => u.id)).not.toContain(cast.manager.id);
      expect(result.data.users.map((u) => u.id)).toContain(cast.hr.id);
      expect(result.data.users.map((u) => u.id)).not.toContain(cast.otherAdmin.id);
    }
    const other = await callRoute<LoaderData>(loader, get("/team/new", as("otherAdmin")));
    expect(other.data.managers.map((m) => m.id)).not.toContain(boss.id);
  });
});

describe("POST /team/new", () => {
  it("adds a member holding two roles at 50 % each, with markets, languages, manager and account", async () => {
    const boss = await db.member.create({ data: { organisationId: cast.organisation.id, name: "Boss 2" } });
    const user = await createUser({ organisationId: cast.organisation.id, kind: "member" });
    const result = await callRoute(
      action,
      post(
        "/team/new",
        form({
          email: " Lin.Wei@Example.com ",
          title: "Amazon lead",
          department: "operations_manager",
          managerId: boss.id,
          markets: "US, DE，JP、us",
          languages: "English; 中文",
          startDate: "2024-03-01",
          userId: user.id,
        }),
        as("hr"),
      ),
    );
    expect(result.status).toBe(302);
    const location = result.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/team\/[^/?]+\?done=created$/);
    const id = decodeURIComponent(location.split("/")[2].split("?")[0]);
    const member = await db.member.findUniqueOrThrow({
      where: { id },
      include: { roles: { orderBy: { roleId: "asc" } } },
    });
    expect(member).toMatchObject({
      organisationId: cast.organisation.id,
      name: "Lin Wei",
      email: "lin.wei@example.com",
      title: "Amazon lead",
      department: "operations_manager",
      managerId: boss.id,
      userId: user.id,
      markets: JSON.stringify(["US", "DE", "JP"]),
      languages: JSON.stringify(["English", "中文"]),
    });
    expect(member.startDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(member.roles.map((r) => [r.roleId, r.sharePercent])).toEqual([
      ["operations_manager", 50],
      ["product_manager", 50],
    ]);
  });

  it("ignores empty role rows and accepts a share written as 60 %", async () => {
    const result = await callRoute(
      action,
      post(
        "/team/new",
        {
          name: "Solo",
          "roles[0].roleId": "",
          "roles[0].share": "",
          "roles[1].roleId": "supply_chain",
          "roles[1].share": "60 %",
          "roles[2].roleId": "",
          "roles[2].share": "",
        },
        as("manager"),
      ),
    );
    expect(result.status).toBe(302);
    const member = await db.member.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, name: "Solo" },
      include: { roles: true },
    });
    expect(member.roles.map((r) => [r.roleId, r.sharePercent])).toEqual([["supply_chain", 60]]);
  });

  it("answers 400 with a message per field and keeps what was typed", async () => {
    const before = await membersOf(cast.organisation.id);
    const result = await callRoute<Reply>(
      action,
      post(
        "/team/new",
        {
          name: "   ",
          email: "not-an-email",
          "roles[0].roleId": "product_manager",
          "roles[0].share": "abc",
          "roles[1].roleId": "",
          "roles[1].share": "30",
          "roles[2].roleId": "ceo",
          "roles[2].share": "20",
          startDate: "2024-02-30",
          markets: "x".repeat(41),
        },
        as("hr"),
      ),
    );
    expect(result.status).toBe(400);
    const { error, initialValue } = result.data.lastResult;
    expect(error).toMatchObject({
      name: ["members.errors.name.required"],
      email: ["members.errors.email.invalid"],
      "roles[0].share": ["members.errors.share.invalid"],
      "roles[1].roleId": ["members.errors.role.required"],
      "roles[2].roleId": ["members.errors.role.unknown"],
      startDate: ["members.errors.startDate.invalid"],
      markets: ["members.errors.list.itemTooLong"],
    });
    expect(initialValue).toMatchObject({
      email: "not-an-email",
      roles: [{ roleId: "product_manager", share: "abc" }, { share: "30" }, { roleId: "ceo", share: "20" }],
    });
    expect(await membersOf(cast.organisation.id)).toBe(before);
  });

  it("refuses shares over 100 % together, a role held twice, a share out of range and no role at all", async () => {
    const over = await callRoute<Reply>(action, post("/team/new", form({ "roles[1].share": "60" }), as("hr")));
    expect(over.status).toBe(400);
    expect(over.data.lastResult.error).toEqual({ roles: ["members.errors.roles.totalOver"] });

    const twice = await callRoute<Reply>(
      action,
      post("/team/new", form({ "roles[1].roleId": "product_manager", "roles[1].share": "10" }), as("hr")),
    );
    expect(twice.data.lastResult.error).toEqual({ "roles[1].roleId": ["members.errors.role.duplicate"] });

    for (const share of ["0", "-5", "101", "1e309", "12.5"]) {
      const bad = await callRoute<Reply>(action, post("/team/new", form({ "roles[0].share": share }), as("hr")));
      expect(bad.data.lastResult.error, share).toEqual({ "roles[0].share": ["members.errors.share.invalid"] });
    }

    const none = await callRoute<Reply>(action, post("/team/new", { name: "Nobody" }, as("hr")));
    expect(none.data.lastResult.error).toEqual({ roles: ["members.errors.roles.required"] });
  });

  it("keeps an email unique in the organisation, but not across organisations", async () => {
    await db.member.create({
      data: { organisationId: cast.organisation.id, name: "Taken", email: "taken@example.com" },
    });
    const clash = await callRoute<Reply>(action, post("/team/new", form({ email: "TAKEN@example.com" }), as("hr")));
    expect(clash.status).toBe(400);
    expect(clash.data.lastResult.error).toEqual({ email: ["members.errors.email.taken"] });
    const elsewhere = await callRoute(
      action,
      post("/team/new", form({ email: "taken@example.com" }), as("otherAdmin")),
    );
    expect(elsewhere.status).toBe(302);
  });

  it("refuses a manager or an account of another organisation, and an account linked already", async () => {
    const foreign = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign boss" } });
    const foreignManager = await callRoute<Reply>(action, post("/team/new", form({ managerId: foreign.id }), as("hr")));
    expect(foreignManager.data.lastResult.error).toEqual({ managerId: ["members.errors.managerId.unknown"] });

    const foreignUser = await callRoute<Reply>(
      action,
      post("/team/new", form({ userId: cast.otherAdmin.id }), as("hr")),
    );
    expect(foreignUser.data.lastResult.error).toEqual({ userId: ["members.errors.userId.unknown"] });

    const linked = await createUser({ organisationId: cast.organisation.id, kind: "member" });
    await db.member.create({ data: { organisationId: cast.organisation.id, name: "Linked", userId: linked.id } });
    const taken = await callRoute<Reply>(action, post("/team/new", form({ userId: linked.id }), as("hr")));
    expect(taken.data.lastResult.error).toEqual({ userId: ["members.errors.userId.taken"] });
  });

  it("refuses members, leads and anonymous visitors without writing", async () => {
    const before = await membersOf(cast.organisation.id);
    for (const who of ["member", "leadOps"]) {
      expect((await callRoute(action, post("/team/new", form(), as(who)))).status).toBe(403);
    }
    const anonymous = await callRoute(action, post("/team/new", form()));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(await membersOf(cast.organisation.id)).toBe(before);
  });

  it("answers 400, not 500, to a body it cannot read", async () => {
    const request = new Request("http://localhost/team/new", {
      method: "POST",
      body: "--x\r\nbroken",
      headers: { "Content-Type": "multipart/form-data; boundary=y", ...as("hr") },
    });
    const result = await callRoute<Reply>(action, request);
    expect(result.status).toBe(400);
  });
});
