import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/hiring.positions.new";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Reply = { lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } };

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

const positions = () =>
  db.hiringPosition.findMany({ where: { organisationId: cast.organisation.id }, orderBy: { sortOrder: "asc" } });
const valid = {
  intent: "add_position",
  roleId: "marketing",
  title: "German-speaking marketer",
  headcount: "2",
  targetQuarter: "2027-Q2",
  reason: "Opening the German market",
  budgetAmount: "300,000",
  budgetCurrency: "CNY",
};

describe("GET /hiring/positions/new", () => {
  it("opens the form for managers and admins only", async () => {
    for (const who of ["manager", "admin"]) {
      const result = await callRoute<{ roles: { id: string }[]; nextQuarter: string }>(
        loader,
        get("/hiring/positions/new", as(who)),
      );
      expect(result.status).toBe(200);
      expect(result.data.roles).toHaveLength(7);
      expect(result.data.nextQuarter).toMatch(/^20\d{2}-Q[1-4]$/);
    }
    for (const who of ["hr", "leadOps", "member"])
      expect((await callRoute(loader, get("/hiring/positions/new", as(who)))).status).toBe(403);
    expect((await callRoute(loader, get("/hiring/positions/new"))).status).toBe(302);
  });
});

describe("POST /hiring/positions/new", () => {
  it("refuses HR, leads and members with 403 and writes nothing", async () => {
    for (const who of ["hr", "leadOps", "member"])
      expect((await callRoute(action, post("/hiring/positions/new", valid, as(who)))).status).toBe(403);
    expect(await positions()).toHaveLength(0);
  });

  it("answers 400 with a message per field, keeps what was typed, and writes nothing", async () => {
    const result = await callRoute<Reply>(
      action,
      post(
        "/hiring/positions/new",
        {
          intent: "add_position",
          roleId: "ceo",
          title: "   ",
          headcount: "0",
          targetQuarter: "next spring",
          reason: "",
          budgetAmount: "12.5",
          budgetCurrency: "CNY",
        },
        as("manager"),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      roleId: ["hiring.errors.role"],
      title: ["hiring.errors.title"],
      headcount: ["hiring.errors.headcount"],
      targetQuarter: ["hiring.errors.quarter"],
      reason: ["hiring.errors.reason"],
      budgetAmount: ["hiring.errors.budgetAmount"],
    });
    expect(result.data.lastResult.initialValue).toMatchObject({
      roleId: "ceo",
      targetQuarter: "next spring",
      budgetAmount: "12.5",
    });
    expect(await positions()).toHaveLength(0);
  });

  it("refuses a budget out of range, an unknown currency, and an amount without a currency", async () => {
    const errorsFor = async (budget: Record<string, string>) => {
      const { budgetAmount: _a, budgetCurrency: _c, ...rest } = valid;
      const result = await callRoute<Reply>(action, post("/hiring/positions/new", { ...rest, ...budget }, as("admin")));
      expect(result.status).toBe(400);
      return result.data.lastResult.error;
    };
    expect(await errorsFor({ budgetAmount: "0", budgetCurrency: "CNY" })).toEqual({
      budgetAmount: ["hiring.errors.budgetAmount"],
    });
    expect(await errorsFor({ budgetAmount: "1,000,000,001", budgetCurrency: "CNY" })).toEqual({
      budgetAmount: ["hiring.errors.budgetAmount"],
    });
    expect(await errorsFor({ budgetAmount: "-5", budgetCurrency: "CNY" })).toEqual({
      budgetAmount: ["hiring.errors.budgetAmount"],
    });
    expect(await errorsFor({ budgetAmount: "5000", budgetCurrency: "BTC" })).toEqual({
      budgetCurrency: ["hiring.errors.currency"],
    });
    expect(await errorsFor({ budgetAmount: "5000" })).toEqual({ budgetCurrency: ["hiring.errors.currency"] });
    expect(await positions()).toHaveLength(0);
  });

  it("a manager adds a position with a budget: at the end of the plan, planned, owned by them", async () => {
    await db.hiringPosition.create({
      data: { organisationId: cast.organisation.id, roleId: "tech_dev", targetQuarter: "2027-Q1", sortOrder: 0 },
    });
    const result = await callRoute(action, post("/hiring/positions/new", valid, as("manager")));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/hiring?done=added#plan");
    const [, added] = await positions();
    expect(added).toMatchObject({
      roleId: "marketing",
      title: "German-speaking marketer",
      headcount: 2,
      targetQuarter: "2027-Q2",
      reason: "Opening the German market",
      origin: "manual",
      status: "planned",
      sortOrder: 1,
      ownerUserId: cast.manager.id,
      budgetAmount: 300_000,
      budgetCurrency: "CNY",
      skillId: null,
    });
  });

  it("an empty amount is no budget, whatever the currency", async () => {
    const result = await callRoute(
      action,
      post(
        "/hiring/positions/new",
        { ...valid, title: "No budget yet", budgetAmount: "", budgetCurrency: "USD" },
        as("admin"),
      ),
    );
    expect(result.status).toBe(302);
    const added = (await positions()).find((p) => p.title === "No budget yet")!;
    expect([added.budgetAmount, added.budgetCurrency]).toEqual([null, null]);
  });

  it("writes into the signed-in user's organisation only", async () => {
    const before = await db.hiringPosition.count({ where: { organisationId: cast.other.id } });
    expect(
      (await callRoute(action, post("/hiring/positions/new", { ...valid, title: "Theirs" }, as("otherAdmin")))).status,
    ).toBe(302);
    expect(await db.hiringPosition.count({ where: { organisationId: cast.other.id } })).toBe(before + 1);
    expect((await positions()).some((p) => p.title === "Theirs")).toBe(false);
  });
});
