import { beforeAll, describe, expect, it } from "vitest";
import { loader as openLoader } from "../../app/routes/hiring.open";
import { action as editAction, loader as positionLoader } from "../../app/routes/hiring.positions.$positionId";
import { action as newAction } from "../../app/routes/hiring.positions.new";
import { loader as hiringLoader } from "../../app/routes/hiring._index";
import { loader as csvLoader } from "../../app/routes/hiring.plan[.]csv";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

/**
 * Public positions (issue 14, PRODUCT.md "Privacy"): a manager marks a
 * position public; everyone in the organisation then sees its title, role,
 * quarter, headcount and status under /hiring/open, and nothing else of the
 * plan: no budget, reason, notes, owner, and no private position.
 */

type Cast = Awaited<ReturnType<typeof createCast>>;
type OpenPage = {
  positions: {
    id: string;
    roleId: string;
    roleLabel: string;
    title: string;
    headcount: number;
    targetQuarter: string;
    status: string;
  }[];
  canReadPlan: boolean;
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

let order = 0;
function position(data: { organisationId?: string; title: string; isPublic: boolean; status?: string }) {
  return db.hiringPosition.create({
    data: {
      organisationId: data.organisationId ?? cast.organisation.id,
      roleId: "marketing",
      headcount: 2,
      targetQuarter: "2027-Q2",
      sortOrder: order++,
      status: data.status ?? "open",
      title: data.title,
      isPublic: data.isPublic,
      notes: `secret notes of ${data.title}`,
      reason: `secret reason of ${data.title}`,
      budgetAmount: 480000,
      budgetCurrency: "CNY",
      ownerUserId: data.organisationId ? null : cast.manager.id,
    },
  });
}

describe("POST the position forms: the public mark", () => {
  it("a manager adds a public position by hand; without the box ticked it is private", async () => {
    const form = {
      intent: "add_position",
      roleId: "data_analysis",
      title: "BI analyst (added public)",
      headcount: "1",
      targetQuarter: "2027-Q3",
      reason: "Dashboards for every market",
    };
    expect(
      (await callRoute(newAction, post("/hiring/positions/new", { ...form, isPublic: "on" }, as("manager")))).status,
    ).toBe(302);
    expect(
      (
        await callRoute(
          newAction,
          post("/hiring/positions/new", { ...form, title: "BI analyst (added private)" }, as("manager")),
        )
      ).status,
    ).toBe(302);
    const saved = await db.hiringPosition.findMany({
      where: { organisationId: cast.organisation.id, title: { startsWith: "BI analyst (added" } },
      select: { title: true, isPublic: true },
      orderBy: { title: "asc" },
    });
    expect(saved).toEqual([
      { title: "BI analyst (added private)", isPublic: false },
      { title: "BI analyst (added public)", isPublic: true },
    ]);
  });

  it("a manager ticks and unticks the box on a position's form; a bad value is 400 on that field and writes nothing", async () => {
    const p = await position({ title: "Toggled", isPublic: false });
    const edit = (fields: Record<string, string>) =>
      callRoute(
        editAction,
        post(
          `/hiring/positions/${p.id}`,
          { intent: "update", headcount: "2", targetQuarter: "2027-Q2", title: "Toggled", ...fields },
          as("manager"),
        ),
        { positionId: p.id },
      );
    const bad = await edit({ version: "1", isPublic: "yes" });
    expect(bad.status).toBe(400);
    expect((bad.data as { lastResult: { error: Record<string, string[]> } }).lastResult.error.isPublic).toEqual([
      "hiring.errors.invalid",
    ]);
    expect((await db.hiringPosition.findUniqueOrThrow({ where: { id: p.id } })).isPublic).toBe(false);

    expect((await edit({ version: "1", isPublic: "on" })).status).toBe(302);
    expect(await db.hiringPosition.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      isPublic: true,
      version: 2,
    });
    expect((await edit({ version: "2" })).status).toBe(302);
    expect(await db.hiringPosition.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      isPublic: false,
      version: 3,
    });
  });

  it("a stale save that would change the mark is refused with 409 naming it", async () => {
    const p = await position({ title: "Raced", isPublic: false });
    const save = (version: string, fields: Record<string, string>) =>
      callRoute<{ conflict?: { field: string }[] }>(
        editAction,
        post(
          `/hiring/positions/${p.id}`,
          { intent: "update", version, headcount: "2", targetQuarter: "2027-Q2", title: "Raced", ...fields },
          as("manager"),
        ),
        { positionId: p.id },
      );
    expect((await save("1", { isPublic: "on" })).status).toBe(302);
    const stale = await save("1", { notes: "other tab" });
    expect(stale.status).toBe(409);
    expect(stale.data.conflict?.map((c) => c.field)).toContain("isPublic");
    expect((await db.hiringPosition.findUniqueOrThrow({ where: { id: p.id } })).isPublic).toBe(true);
  });
});

describe("GET /hiring/open", () => {
  it("shows every signed-in kind the public positions still to be filled, with their public fields only", async () => {
    await db.hiringPosition.deleteMany({ where: { organisationId: { in: [cast.organisation.id, cast.other.id] } } });
    const shown = await position({ title: "Amazon DE account manager", isPublic: true });
    const planned = await position({ title: "TikTok content creator", isPublic: true, status: "planned" });
    await position({ title: "Confidential head of compliance", isPublic: false });
    await position({ title: "Public but filled", isPublic: true, status: "filled" });
    await position({ title: "Public but cancelled", isPublic: true, status: "cancelled" });
    await position({ organisationId: cast.other.id, title: "Other organisation's public", isPublic: true });

    for (const who of ["member", "leadOps", "hr", "manager", "admin"]) {
      const result = await callRoute<OpenPage>(openLoader, get("/hiring/open?lang=en", as(who)));
      expect(result.status, who).toBe(200);
      expect(result.data.positions, who).toEqual([
        {
          id: shown.id,
          roleId: "marketing",
          roleLabel: "Marketing",
          title: "Amazon DE account manager",
          headcount: 2,
          targetQuarter: "2027-Q2",
          status: "open",
        },
        {
          id: planned.id,
          roleId: "marketing",
          roleLabel: "Marketing",
          title: "TikTok content creator",
          headcount: 2,
          targetQuarter: "2027-Q2",
          status: "planned",
        },
      ]);
      const text = JSON.stringify(result.data);
      for (const secret of ["secret", "480000", "CNY", cast.manager.id, "Confidential"])
        expect(text, `${who}: ${secret}`).not.toContain(secret);
    }
  });

  it("names the role in the reader's language; says so when nothing is public; sends strangers to sign in", async () => {
    const zh = await callRoute<OpenPage>(openLoader, get("/hiring/open?lang=zh", as("member")));
    expect(zh.data.positions.map((p) => p.roleLabel)).toEqual(["市场营销", "市场营销"]);
    expect(zh.data.canReadPlan).toBe(false);
    expect((await callRoute<OpenPage>(openLoader, get("/hiring/open", as("hr")))).data.canReadPlan).toBe(true);
    const other = await callRoute<OpenPage>(openLoader, get("/hiring/open", as("otherAdmin")));
    expect(other.data.positions.map((p) => p.title)).toEqual(["Other organisation's public"]);
    await db.hiringPosition.updateMany({ where: { organisationId: cast.other.id }, data: { isPublic: false } });
    expect((await callRoute<OpenPage>(openLoader, get("/hiring/open", as("otherAdmin")))).data.positions).toEqual([]);
    expect((await callRoute(openLoader, get("/hiring/open"))).status).toBe(302);
  });

  it("keeps the rest of the plan from members and leads: the hiring page, a public position's page and the CSV", async () => {
    const p = await position({ title: "Public, yet its page is the plan's", isPublic: true });
    for (const who of ["member", "leadOps"]) {
      const page = await callRoute<{ positions: unknown[] }>(hiringLoader, get("/hiring", as(who)));
      expect(page.status).toBe(200);
      expect(page.data.positions).toEqual([]);
      expect(JSON.stringify(page.data)).not.toContain("secret");
      expect(
        (await callRoute(positionLoader, get(`/hiring/positions/${p.id}`, as(who)), { positionId: p.id })).status,
      ).toBe(403);
      expect((await callRoute(csvLoader, get("/hiring/plan.csv", as(who)))).status).toBe(403);
    }
  });
});
