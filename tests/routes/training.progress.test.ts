/**
 * HR's progress page, its CSV export and GET /api/v1/training-progress: the
 * same figures from the same domain function, each reader's scope, filters
 * in the address, and the API's token rules.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../app/utils/csv";
import { createApiToken, revokeApiToken } from "../../app/models/api-token.server";
import { loader as apiLoader } from "../../app/routes/api.v1.training-progress";
import { loader as exportLoader } from "../../app/routes/training.export";
import { loader as pageLoader } from "../../app/routes/training._index";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Page = {
  figures: Record<string, number | null>;
  total: number;
  rows: { id: string; memberName: string; display: string }[];
  byDepartment: { key: string; items: number }[];
  series: { month: string; completed: number; gapsClosed: number }[];
};
let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
let token: string;
let narrowToken: string;
let revokedToken: string;

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysFromToday = (days: number) => new Date(today + days * DAY);

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  const member = (name: string, roleId: "operations_manager" | "supply_chain", userId?: string) =>
    db.member.create({
      data: { organisationId, name, department: roleId, userId, roles: { create: [{ roleId, sharePercent: 100 }] } },
    });
  const ops = await member("Olga Ops", "operations_manager", cast.member.id);
  const ops2 = await member("Oscar Ops", "operations_manager");
  const supply = await member("Sam Supply", "supply_chain");
  const nina = await member("Nina Noplan", "supply_chain"); // a gap, no plan
  const item = (memberId: string, skillId: string, data: Record<string, unknown>) =>
    db.trainingItem.create({
      data: { organisationId, memberId, skillId, fromLevel: 0, targetLevel: 3, kind: "course", hours: 8, ...data },
    });
  const requested = daysFromToday(-20);
  await item(ops.id, "platform_rules", { status: "in_progress", dueDate: daysFromToday(-5), progressPercent: 40 }); // overdue
  await item(ops.id, "ad_buying", { status: "planned", dueDate: daysFromToday(10) }); // due soon
  await item(ops2.id, "ad_buying", {
    status: "completed",
    completedAt: requested,
    reassessmentRequestedAt: requested,
    levelBefore: 1,
  }); // re-assessed below
  await item(supply.id, "customs_logistics", { status: "in_progress", dueDate: daysFromToday(-1) }); // overdue
  await item(supply.id, "supply_chain_management", {
    status: "completed",
    completedAt: requested,
    reassessmentRequestedAt: requested,
    levelBefore: 1,
  }); // awaiting
  await item(supply.id, "erp_crm_tools", { status: "cancelled", dueDate: daysFromToday(-30) });
  await db.skillAssessment.create({
    data: {
      organisationId,
      memberId: ops2.id,
      skillId: "ad_buying",
      level: 3,
      assessedOn: daysFromToday(-10),
      assessorName: "Lead",
    },
  });
  // assessed below the requirement (not assessed would not be a gap)
  await db.skillAssessment.create({
    data: {
      organisationId,
      memberId: nina.id,
      skillId: "customs_logistics",
      level: 0,
      assessedOn: daysFromToday(-10),
      assessorName: "Lead",
    },
  });
  token = (
    await createApiToken({ organisationId, createdById: cast.admin.id, name: "BI", scope: "training", ipAddress: null })
  ).token;
  narrowToken = (
    await createApiToken({ organisationId, createdById: cast.admin.id, name: "Planner feed", ipAddress: null })
  ).token;
  const revoked = await createApiToken({ organisationId, createdById: cast.admin.id, name: "Old", ipAddress: null });
  await revokeApiToken({ organisationId, tokenId: revoked.id, actorUserId: cast.admin.id, ipAddress: null });
  revokedToken = revoked.token;
});

async function csvOf(path: string, who: string) {
  const response = await callRoute<string>(exportLoader, get(path, as(who)));
  expect(response.status).toBe(200);
  const parsed = parseCsv(response.data.replace(/^\uFEFF/, ""));
  const [header, ...rows] = parsed.records;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe("HR's progress page", () => {
  it("shows the figures of every plan to HR", async () => {
    const page = await callRoute<Page>(pageLoader, get("/training", as("hr")));
    expect(page.status).toBe(200);
    expect(page.data.figures).toMatchObject({
      items: 6,
      overdue: 2,
      dueSoon: 1,
      completed: 2,
      cancelled: 1,
      completionRate: 2 / 5,
      gapsClosed: 1,
      awaitingReassessment: 1,
    });
    // Nina has gaps and no plan; so do the others for the skills no item covers
    expect(page.data.figures.membersWithUncoveredGap).toBeGreaterThanOrEqual(1);
    expect(page.data.byDepartment.map((row) => [row.key, row.items])).toEqual([
      ["operations_manager", 3],
      ["supply_chain", 3],
    ]);
    const month = new Date(today).toISOString().slice(0, 7);
    const total = page.data.series.reduce((sum, point) => sum + point.completed, 0);
    expect(total).toBe(2);
    expect(page.data.series.at(-1)?.month).toBe(month);
  });

  it("agrees with its CSV export and with the API, figure for figure", async () => {
    const page = await callRoute<Page>(pageLoader, get("/training", as("hr")));
    const csv = await csvOf("/training/export", "hr");
    const api = await callRoute<{
      figures: Record<string, unknown>;
      items: { overdue: boolean; gapClosed: boolean; dueSoon: boolean }[];
    }>(apiLoader, get("/api/v1/training-progress", { Authorization: `Bearer ${token}` }));
    expect(api.status).toBe(200);
    expect(api.data.figures).toEqual(page.data.figures);
    expect(csv).toHaveLength(page.data.figures.items as number);
    expect(api.data.items).toHaveLength(page.data.figures.items as number);
    for (const [flag, column, figure] of [
      ["overdue", "overdue", "overdue"],
      ["dueSoon", "due_soon", "dueSoon"],
      ["gapClosed", "gap_closed", "gapsClosed"],
    ] as const) {
      expect(
        csv.filter((row) => row[column] === "yes"),
        column,
      ).toHaveLength(page.data.figures[figure] as number);
      expect(
        api.data.items.filter((row) => row[flag]),
        flag,
      ).toHaveLength(page.data.figures[figure] as number);
    }
    expect(csv.filter((row) => row.status === "completed")).toHaveLength(page.data.figures.completed as number);
  });

  it("writes labels in the reader's language beside the ids", async () => {
    const en = await csvOf("/training/export?lang=en&sort=member", "hr");
    const row = en.find((r) => r.skill === "erp_crm_tools")!;
    expect(row).toMatchObject({
      skill: "erp_crm_tools",
      department: "supply_chain",
      department_label: "Supply chain & logistics",
      status: "cancelled",
    });
    expect(row.skill_label).not.toBe("erp_crm_tools");
    const zh = await csvOf("/training/export?lang=zh&sort=member", "hr");
    expect(zh.find((r) => r.skill === "erp_crm_tools")).toMatchObject({
      department_label: "供应链/物流",
      status_label: "已取消",
    });
  });

  it("filters and sorts by the address, and the CSV takes the same query", async () => {
    const page = await callRoute<Page>(pageLoader, get("/training?status=overdue&sort=member", as("hr")));
    expect(page.data.rows.map((row) => [row.memberName, row.display])).toEqual([
      ["Olga Ops", "overdue"],
      ["Sam Supply", "overdue"],
    ]);
    const csv = await csvOf("/training/export?status=overdue&sort=member", "hr");
    expect(csv.map((row) => row.member)).toEqual(["Olga Ops", "Sam Supply"]);
    const desc = await callRoute<Page>(pageLoader, get("/training?status=overdue&sort=member&dir=desc", as("hr")));
    expect(desc.data.rows.map((row) => row.memberName)).toEqual(["Sam Supply", "Olga Ops"]);
    // an unknown value is ignored, not an error
    expect((await callRoute<Page>(pageLoader, get("/training?status=<b>&sort=%00", as("hr")))).data.total).toBe(6);
  });

  it("shows a lead their departments' plans and a member their own, in the page and the CSV", async () => {
    const lead = await callRoute<Page>(pageLoader, get("/training", as("leadSupply")));
    expect(lead.data.figures.items).toBe(3);
    expect(new Set(lead.data.rows.map((row) => row.memberName))).toEqual(new Set(["Sam Supply"]));
    const member = await callRoute<Page>(pageLoader, get("/training", as("member")));
    expect(member.data.figures.items).toBe(2);
    expect(new Set(member.data.rows.map((row) => row.memberName))).toEqual(new Set(["Olga Ops"]));
    expect((await csvOf("/training/export", "member")).map((row) => row.member)).toEqual(["Olga Ops", "Olga Ops"]);
    expect((await callRoute(pageLoader, get("/training"))).headers.get("Location")).toMatch(/^\/login/);
    const other = await callRoute<Page>(pageLoader, get("/training", as("otherAdmin")));
    expect(other.data.figures.items).toBe(0);
  });
});

describe("the page's inputs, kept between requests", () => {
  it("are read again after any write to the items, assessments, members or roles", async () => {
    const organisationId = cast.organisation.id;
    const figures = async () => (await callRoute<Page>(pageLoader, get("/training", as("admin")))).data;
    const before = await figures();
    const extra = await db.member.create({
      data: {
        organisationId,
        name: "Late Joiner",
        department: "supply_chain",
        roles: { create: [{ roleId: "supply_chain", sharePercent: 100 }] },
      },
    });
    const item = await db.trainingItem.create({
      data: {
        organisationId,
        memberId: extra.id,
        skillId: "customs_logistics",
        fromLevel: 0,
        targetLevel: 3,
        kind: "course",
        status: "in_progress",
        dueDate: daysFromToday(-3),
      },
    });
    const added = await figures();
    expect(added.figures.items).toBe((before.figures.items as number) + 1);
    expect(added.figures.overdue).toBe((before.figures.overdue as number) + 1);
    await db.trainingItem.update({
      where: { id: item.id },
      data: {
        status: "completed",
        version: { increment: 1 },
        completedAt: new Date(),
        reassessmentRequestedAt: new Date(),
        levelBefore: 0,
      },
    });
    const completed = await figures();
    expect(completed.figures.overdue).toBe(before.figures.overdue);
    expect(completed.figures.awaitingReassessment).toBe((before.figures.awaitingReassessment as number) + 1);
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: extra.id,
        skillId: "customs_logistics",
        level: 3,
        assessedOn: new Date(today),
        assessorName: "Lead",
      },
    });
    expect((await figures()).figures.gapsClosed).toBe((before.figures.gapsClosed as number) + 1);
    // a change of roles alone (no write to the member row) moves the breakdown by role
    await db.memberRole.deleteMany({ where: { memberId: extra.id } });
    await db.memberRole.create({ data: { memberId: extra.id, roleId: "marketing", sharePercent: 100 } });
    const moved = await callRoute<Page & { byRole: { key: string; items: number }[] }>(
      pageLoader,
      get("/training", as("admin")),
    );
    expect(moved.data.byRole.find((row) => row.key === "marketing")?.items).toBe(1);
    await db.member.delete({ where: { id: extra.id } });
    expect((await figures()).figures.items).toBe(before.figures.items);
  });
});

describe("GET /api/v1/training-progress", () => {
  it("needs an organisation API token", async () => {
    const none = await callRoute<{ error: string }>(apiLoader, get("/api/v1/training-progress"));
    expect([none.status, none.data.error]).toEqual([401, "token_required"]);
    const session = await callRoute<{ error: string }>(apiLoader, get("/api/v1/training-progress", as("hr")));
    expect(session.status).toBe(401);
    for (const bad of ["ctp_nope", revokedToken, "x".repeat(500)]) {
      const answer = await callRoute<{ error: string }>(
        apiLoader,
        get("/api/v1/training-progress", { Authorization: `Bearer ${bad}` }),
      );
      expect([answer.status, answer.data.error], bad.slice(0, 10)).toEqual([401, "invalid_token"]);
    }
  });

  it("refuses a token of the narrowest scope (recommendation only, the default) with 403 insufficient_scope", async () => {
    const answer = await callRoute<Record<string, unknown>>(
      apiLoader,
      get("/api/v1/training-progress", { Authorization: `Bearer ${narrowToken}` }),
    );
    expect(answer.status).toBe(403);
    expect(answer.data).toMatchObject({ error: "insufficient_scope", scope: "training" });
    expect(answer.headers.get("WWW-Authenticate")).toBe('Bearer error="insufficient_scope", scope="training"');
    expect(Object.keys(answer.data).sort()).toEqual(["error", "message", "scope"]);
  });

  it("answers the documented fields", async () => {
    const answer = await callRoute<Record<string, unknown> & { items: Record<string, unknown>[] }>(
      apiLoader,
      get("/api/v1/training-progress", { Authorization: `Bearer ${token}` }),
    );
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(Object.keys(answer.data).sort()).toEqual([
      "byDepartment",
      "byRole",
      "bySkill",
      "figures",
      "generatedAt",
      "items",
      "membersWithUncoveredGap",
      "page",
      "series",
      "today",
    ]);
    expect(Object.keys(answer.data.items[0]).sort()).toEqual(
      [
        "id",
        "memberId",
        "member",
        "department",
        "roles",
        "skill",
        "fromLevel",
        "targetLevel",
        "kind",
        "provider",
        "startDate",
        "dueDate",
        "hours",
        "status",
        "overdue",
        "dueSoon",
        "progressPercent",
        "completedAt",
        "levelBefore",
        "levelAfter",
        "awaitingReassessment",
        "gapClosed",
      ].sort(),
    );
    const closed = answer.data.items.find((item) => item.gapClosed === true);
    expect(closed).toMatchObject({
      member: "Oscar Ops",
      skill: "ad_buying",
      levelBefore: 1,
      levelAfter: 3,
      status: "completed",
    });
  });

  it("pages the items with limit and offset; the figures always cover every item", async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const all = await callRoute<{ items: { id: string }[]; page: unknown }>(
      apiLoader,
      get("/api/v1/training-progress", auth),
    );
    expect(all.data.page).toEqual({ offset: 0, limit: 1000, total: 6 });
    const second = await callRoute<{ items: { id: string }[]; page: unknown; figures: { items: number } }>(
      apiLoader,
      get("/api/v1/training-progress?limit=2&offset=2", auth),
    );
    expect(second.data.page).toEqual({ offset: 2, limit: 2, total: 6 });
    expect(second.data.items.map((item) => item.id)).toEqual(all.data.items.slice(2, 4).map((item) => item.id));
    expect(second.data.figures.items).toBe(6);
    for (const query of ["limit=0", "limit=5001", "limit=abc", "offset=-1", "limit=1e3", "offset=1.5"]) {
      const bad = await callRoute<{ error: string }>(apiLoader, get(`/api/v1/training-progress?${query}`, auth));
      expect([bad.status, bad.data.error], query).toEqual([400, "invalid_query"]);
    }
  });
});
