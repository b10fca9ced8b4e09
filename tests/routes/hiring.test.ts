import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/hiring._index";
import { action as positionAction, loader as positionLoader } from "../../app/routes/hiring.positions.$positionId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Loader = {
  target: { model: string; stage: string } | null;
  delta: { roles: { roleId: string; gap: number; fte: number }[]; totals: { gap: number } } | null;
  proposal: { roleId: string; headcount: number; targetQuarter: string }[];
  positions: { id: string; roleId: string; status: string; sortOrder: number }[];
  figures: { seats: number; inPipeline: number; filled: number };
  canPlan: boolean;
  canStatus: boolean;
};
type Reply = {
  intent: string | null;
  lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } | null;
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  // a B2B startup with nobody on the team yet
  cast = await createCast();
  await db.organisation.update({
    where: { id: cast.organisation.id },
    data: { operatingModel: "platform", stage: "startup" },
  });
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

const positionsOf = (organisationId: string) =>
  db.hiringPosition.findMany({ where: { organisationId }, orderBy: { sortOrder: "asc" } });

describe("GET /hiring", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await callRoute(loader, get("/hiring"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows members an empty page without a target, and says what they may do", async () => {
    const result = await callRoute<Loader>(loader, get("/hiring", as("member")));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      target: null,
      delta: null,
      proposal: [],
      positions: [],
      canPlan: false,
      canStatus: false,
    });
    const hr = await callRoute<Loader>(loader, get("/hiring", as("hr")));
    expect(hr.data).toMatchObject({ canPlan: false, canStatus: true });
  });
});

describe("POST /hiring: the target, the plan, the order, the status", () => {
  it("refuses HR and members the target with 403 and writes nothing", async () => {
    for (const who of ["hr", "member", "leadOps"]) {
      const result = await callRoute(
        action,
        post("/hiring", { intent: "set_target", model: "independent_site", stage: "growth" }, as(who)),
      );
      expect(result.status).toBe(403);
    }
    expect(
      (await db.organisation.findUnique({ where: { id: cast.organisation.id } }))!.targetOperatingModel,
    ).toBeNull();
  });

  it("answers an unknown model with 400 on that field, keeping what was typed", async () => {
    const result = await callRoute<Reply>(
      action,
      post("/hiring", { intent: "set_target", model: "shopify", stage: "growth" }, as("manager")),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error!.model).toEqual(["hiring.errors.model"]);
    expect(result.data.lastResult!.initialValue).toMatchObject({ model: "shopify", stage: "growth" });
  });

  it("a manager sets the target and sees the delta and the proposal in the playbook's order", async () => {
    const result = await callRoute(
      action,
      post("/hiring", { intent: "set_target", model: "independent_site", stage: "growth" }, as("manager")),
    );
    expect(result.status).toBe(302);
    const page = await callRoute<Loader>(loader, get("/hiring", as("manager")));
    expect(page.data.target).toEqual({ model: "independent_site", stage: "growth" });
    expect(page.data.delta!.roles.find((r) => r.roleId === "tech_dev")).toMatchObject({ fte: 0, gap: 2 });
    expect(page.data.proposal.map((p) => p.roleId)).toEqual([
      "product_manager",
      "operations_manager",
      "supply_chain",
      "tech_dev",
      "marketing",
      "data_analysis",
    ]);
    // members read the same delta, without a proposal
    const reader = await callRoute<Loader>(loader, get("/hiring", as("member")));
    expect(reader.data.delta!.totals.gap).toBe(page.data.delta!.totals.gap);
    expect(reader.data.proposal).toEqual([]);
  });

  it("refuses a plan with a bad row as a whole: 400 per field, nothing written", async () => {
    const result = await callRoute<Reply>(
      action,
      post(
        "/hiring",
        {
          intent: "create_plan",
          "rows[0].roleId": "tech_dev",
          "rows[0].include": "on",
          "rows[0].headcount": "2",
          "rows[0].targetQuarter": "2027-Q1",
          "rows[1].roleId": "marketing",
          "rows[1].include": "on",
          "rows[1].headcount": "0",
          "rows[1].targetQuarter": "next spring",
        },
        as("manager"),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error).toMatchObject({
      "rows[1].headcount": ["hiring.errors.headcount"],
      "rows[1].targetQuarter": ["hiring.errors.quarter"],
    });
    expect(await positionsOf(cast.organisation.id)).toHaveLength(0);
  });

  it("refuses a plan with no row included", async () => {
    const result = await callRoute<Reply>(
      action,
      post(
        "/hiring",
        {
          intent: "create_plan",
          "rows[0].roleId": "tech_dev",
          "rows[0].headcount": "2",
          "rows[0].targetQuarter": "2027-Q1",
        },
        as("manager"),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error![""]).toEqual(["hiring.errors.noRows"]);
  });

  it("creates the plan from the adjusted proposal in one step, skipping rows left out", async () => {
    const result = await callRoute(
      action,
      post(
        "/hiring",
        {
          intent: "create_plan",
          "rows[0].roleId": "tech_dev",
          "rows[0].include": "on",
          "rows[0].headcount": "2",
          "rows[0].targetQuarter": "2027-q1",
          "rows[1].roleId": "marketing",
          "rows[1].headcount": "2",
          "rows[1].targetQuarter": "2027-Q1",
          "rows[2].roleId": "data_analysis",
          "rows[2].include": "on",
          "rows[2].headcount": "1",
          "rows[2].targetQuarter": "2027-Q2",
        },
        as("manager"),
      ),
    );
    expect(result.status).toBe(302);
    const positions = await positionsOf(cast.organisation.id);
    expect(
      positions.map((p) => [p.roleId, p.headcount, p.targetQuarter, p.status, p.sortOrder, p.ownerUserId]),
    ).toEqual([
      ["tech_dev", 2, "2027-Q1", "planned", 0, cast.manager.id],
      ["data_analysis", 1, "2027-Q2", "planned", 1, cast.manager.id],
    ]);
    const page = await callRoute<Loader>(loader, get("/hiring", as("manager")));
    expect(page.data.figures).toMatchObject({ seats: 3, inPipeline: 3, filled: 0 });
    // seats in the plan are not proposed again
    expect(page.data.proposal.find((p) => p.roleId === "tech_dev")).toBeUndefined();
    expect(page.data.proposal.find((p) => p.roleId === "marketing")!.headcount).toBe(2);
  });

  it("a manager reorders; HR may not", async () => {
    const [first, second] = await positionsOf(cast.organisation.id);
    expect(
      (await callRoute(action, post("/hiring", { intent: "move", positionId: second.id, direction: "up" }, as("hr"))))
        .status,
    ).toBe(403);
    expect(
      (
        await callRoute(
          action,
          post("/hiring", { intent: "move", positionId: second.id, direction: "up" }, as("manager")),
        )
      ).status,
    ).toBe(302);
    expect((await positionsOf(cast.organisation.id)).map((p) => p.id)).toEqual([second.id, first.id]);
    // the top one cannot move further up
    await callRoute(action, post("/hiring", { intent: "move", positionId: second.id, direction: "up" }, as("manager")));
    expect((await positionsOf(cast.organisation.id)).map((p) => p.id)).toEqual([second.id, first.id]);
  });

  it("HR moves a position's status; 'filled' needs the fill form", async () => {
    const [position] = await positionsOf(cast.organisation.id);
    expect(
      (
        await callRoute(
          action,
          post("/hiring", { intent: "status", positionId: position.id, status: "open" }, as("hr")),
        )
      ).status,
    ).toBe(302);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
    const filled = await callRoute<Reply>(
      action,
      post("/hiring", { intent: "status", positionId: position.id, status: "filled" }, as("hr")),
    );
    expect(filled.status).toBe(400);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
    expect(
      (
        await callRoute(
          action,
          post("/hiring", { intent: "status", positionId: position.id, status: "offer" }, as("member")),
        )
      ).status,
    ).toBe(403);
  });

  it("'Cancelled' from the plan writes nothing and asks on the position's page; only the confirmation cancels", async () => {
    const [position] = await positionsOf(cast.organisation.id);
    const before = (await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status;
    const ask = await callRoute(
      action,
      post("/hiring", { intent: "status", positionId: position.id, status: "cancelled" }, as("hr")),
    );
    expect(ask.status).toBe(302);
    expect(ask.headers.get("Location")).toBe(`/hiring/positions/${position.id}?confirm=cancel#confirm-cancel-title`);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe(before);

    const page = await callRoute<{ confirmCancel: boolean }>(
      positionLoader,
      get(`/hiring/positions/${position.id}?confirm=cancel`, as("hr")),
      {
        positionId: position.id,
      },
    );
    expect(page.data.confirmCancel).toBe(true);

    const confirmed = await callRoute(
      positionAction,
      post(`/hiring/positions/${position.id}`, { intent: "status", status: "cancelled", confirm: "cancel" }, as("hr")),
      { positionId: position.id },
    );
    expect(confirmed.status).toBe(302);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("cancelled");
    // put it back for the tests below
    await callRoute(action, post("/hiring", { intent: "status", positionId: position.id, status: before }, as("hr")));
  });

  it("another organisation's position is 404", async () => {
    const [position] = await positionsOf(cast.organisation.id);
    const result = await callRoute(
      action,
      post("/hiring", { intent: "status", positionId: position.id, status: "cancelled" }, as("otherAdmin")),
    );
    expect(result.status).toBe(404);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
  });

  it("an unknown intent is 400", async () => {
    expect((await callRoute(action, post("/hiring", { intent: "nope" }, as("manager")))).status).toBe(400);
  });
});
