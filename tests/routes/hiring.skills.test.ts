import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/hiring._index";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

/*
 * Skill-driven proposals and the plan's budget on /hiring. A marketplace
 * seller at growth, target the same: its operations manager (platform_rules 3,
 * ad_buying 3, multi_language_culture 2, erp_crm_tools 2 in the shipped
 * playbook) is Ana, with platform_rules 2 and ad_buying 1; Bo, in marketing
 * and the manager's own member record, has ad_buying 2.
 */

type Cast = Awaited<ReturnType<typeof createCast>>;
type Shortfall = {
  roleId: string;
  skillId: string;
  required: number;
  closest: { memberId: string; level: number | null } | null;
  trainHref: string | null;
};
type Page = {
  shortfalls: Shortfall[];
  budget: {
    quarters: {
      quarter: string;
      positions: number;
      withoutBudget: number;
      totals: { currency: string; amount: number }[];
    }[];
  };
};
type Reply = {
  intent: string | null;
  lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } | null;
};

let cast: Cast;
let ana: string;
let bo: string;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  const organisationId = cast.organisation.id;
  await db.organisation.update({
    where: { id: organisationId },
    data: { operatingModel: "platform", stage: "growth", targetOperatingModel: "platform", targetStage: "growth" },
  });
  const member = (name: string, roleId: string, userId: string | null = null) =>
    db.member.create({
      data: { organisationId, name, userId, department: roleId, roles: { create: [{ roleId, sharePercent: 100 }] } },
    });
  ana = (await member("Ana", "operations_manager")).id;
  bo = (await member("Bo", "marketing", cast.manager.id)).id;
  const levels: [string, string, number][] = [
    [ana, "platform_rules", 2],
    [ana, "ad_buying", 1],
    [ana, "multi_language_culture", 2],
    [ana, "erp_crm_tools", 2],
    [bo, "ad_buying", 2],
  ];
  await db.skillAssessment.createMany({
    data: levels.map(([memberId, skillId, level]) => ({
      organisationId,
      memberId,
      skillId,
      level,
      assessedOn: new Date("2026-06-01"),
      assessorName: "Test",
    })),
  });
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

const page = async (who: string) => (await callRoute<Page>(loader, get("/hiring", as(who)))).data;
const ops = (p: Page) => p.shortfalls.filter((s) => s.roleId === "operations_manager");
const positions = () =>
  db.hiringPosition.findMany({ where: { organisationId: cast.organisation.id }, orderBy: { sortOrder: "asc" } });
const hire = (who: string, form: Record<string, string>) =>
  callRoute<Reply>(action, post("/hiring", { intent: "hire_for_skill", ...form }, as(who)));

describe("skills nobody has at the level, on /hiring", () => {
  it("lists them for managers with the member closest to the level and a link to plan their training", async () => {
    const shortfalls = ops(await page("admin"));
    expect(shortfalls.map((s) => [s.skillId, s.required, s.closest?.memberId, s.closest?.level])).toEqual([
      ["platform_rules", 3, ana, 2],
      ["ad_buying", 3, bo, 2],
    ]);
    expect(shortfalls[0].trainHref).toBe(`/training/plan/${ana}?skill=platform_rules&level=3`);
    expect(shortfalls[1].trainHref).toBe(`/training/plan/${bo}?skill=ad_buying&level=3`);
  });

  it("offers no training link for oneself: Bo is the manager's own record", async () => {
    const adBuying = ops(await page("manager")).find((s) => s.skillId === "ad_buying")!;
    expect(adBuying.closest?.memberId).toBe(bo);
    expect(adBuying.trainHref).toBeNull();
  });

  it("shows them to nobody who does not plan: HR, leads and members get none", async () => {
    for (const who of ["hr", "leadOps", "member"]) expect((await page(who)).shortfalls).toEqual([]);
  });
});

describe("POST /hiring: hire for a skill", () => {
  it("refuses HR, leads and members with 403 and writes nothing", async () => {
    for (const who of ["hr", "leadOps", "member"]) {
      expect(
        (await hire(who, { roleId: "operations_manager", skillId: "platform_rules", targetQuarter: "2027-Q1" })).status,
      ).toBe(403);
    }
    expect(await positions()).toHaveLength(0);
  });

  it("answers 400 per field: an unknown role, a bad quarter", async () => {
    const result = await hire("manager", { roleId: "ceo", skillId: "platform_rules", targetQuarter: "soon" });
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error).toEqual({
      roleId: ["hiring.errors.role"],
      targetQuarter: ["hiring.errors.quarter"],
    });
    expect(result.data.lastResult!.initialValue).toMatchObject({ targetQuarter: "soon" });
    expect(await positions()).toHaveLength(0);
  });

  it("refuses a skill the role is not short of", async () => {
    const result = await hire("manager", {
      roleId: "operations_manager",
      skillId: "multi_language_culture",
      targetQuarter: "2027-Q1",
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error![""]).toEqual(["hiring.errors.skillNotShort"]);
    expect(await positions()).toHaveLength(0);
  });

  it("adds a position for one person at the target's level; the proposal goes, and pressing again adds nothing", async () => {
    const result = await hire("manager", {
      roleId: "operations_manager",
      skillId: "platform_rules",
      targetQuarter: "2027-q3",
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/hiring?done=skill#plan");
    const [position] = await positions();
    expect(position).toMatchObject({
      roleId: "operations_manager",
      headcount: 1,
      targetQuarter: "2027-Q3",
      origin: "skill",
      skillId: "platform_rules",
      skillLevel: 3,
      status: "planned",
      ownerUserId: cast.manager.id,
    });
    expect(ops(await page("manager")).map((s) => s.skillId)).toEqual(["ad_buying"]);
    const again = await hire("manager", {
      roleId: "operations_manager",
      skillId: "platform_rules",
      targetQuarter: "2027-Q3",
    });
    expect(again.status).toBe(400);
    expect(await positions()).toHaveLength(1);
  });

  it("proposes the skill again once that position is cancelled", async () => {
    const [position] = await positions();
    await db.hiringPosition.update({ where: { id: position.id }, data: { status: "cancelled" } });
    expect(ops(await page("manager")).map((s) => s.skillId)).toEqual(["platform_rules", "ad_buying"]);
  });
});

describe("the plan's budget per quarter, on /hiring", () => {
  it("adds per person × people per quarter and counts positions without a budget apart", async () => {
    const organisationId = cast.organisation.id;
    const base = { organisationId, roleId: "marketing", sortOrder: 10 };
    await db.hiringPosition.createMany({
      data: [
        { ...base, targetQuarter: "2027-Q1", headcount: 2, budgetAmount: 250_000, budgetCurrency: "CNY" },
        { ...base, targetQuarter: "2027-Q1", headcount: 1, budgetAmount: 80_000, budgetCurrency: "USD" },
        { ...base, targetQuarter: "2027-Q1", headcount: 1 },
        {
          ...base,
          targetQuarter: "2027-Q2",
          headcount: 1,
          budgetAmount: 100_000,
          budgetCurrency: "CNY",
          status: "filled",
        },
      ],
    });
    // the cancelled skill position of 2027-Q3 counts for nothing
    expect((await page("manager")).budget.quarters).toEqual([
      {
        quarter: "2027-Q1",
        positions: 3,
        withoutBudget: 1,
        totals: [
          { currency: "CNY", amount: 500_000 },
          { currency: "USD", amount: 80_000 },
        ],
      },
      { quarter: "2027-Q2", positions: 1, withoutBudget: 0, totals: [{ currency: "CNY", amount: 100_000 }] },
    ]);
  });
});

describe("the delta's headcount comes from the business profile", () => {
  type Delta = {
    sized: boolean;
    delta: { roles: { roleId: string; targetHeadcount: { min: number; max: number }; gap: number }[] };
    recommendation: { roles: { id: string; headcount: { min: number } }[] };
  };
  const opsOf = (page: Delta) => page.delta.roles.find((r) => r.roleId === "operations_manager")!;

  it("uses the stage's range without a profile, and the sized headcount once the profile has drivers: chart and delta agree", async () => {
    const before = (await callRoute<Delta>(loader, get("/hiring", as("member")))).data;
    expect(before.sized).toBe(false);
    expect(opsOf(before)).toMatchObject({ targetHeadcount: { min: 1, max: 3 }, gap: 0 });
    // twelve stores: one operations manager per 2–3 stores (the playbook's sizing table)
    await db.businessProfile.create({ data: { organisationId: cast.organisation.id, stores: 12 } });
    const after = (await callRoute<Delta>(loader, get("/hiring", as("member")))).data;
    expect(after.sized).toBe(true);
    expect(opsOf(after)).toMatchObject({ targetHeadcount: { min: 4, max: 6 }, gap: 3 });
    expect(after.recommendation.roles.find((r) => r.id === "operations_manager")!.headcount.min).toBe(4);
  });
});
