/**
 * Plans and items through their routes: plan from gaps, two people editing
 * one item (the version check), the member progressing their own item,
 * completing it, the lead re-assessing, and the gap closing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as planAction, loader as planLoader } from "../../app/routes/training.plan.$memberId";
import { action as itemAction, loader as itemLoader } from "../../app/routes/training.items.$itemId";
import { action as assessAction } from "../../app/routes/team.$memberId.assessments";
import { loader as memberPage } from "../../app/routes/team.$memberId";
import { loader as progressPage } from "../../app/routes/training._index";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Reply = { lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } };
let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
/** Liu: an operations member with the member account; ops role at growth needs platform_rules 3, ad_buying 3, … */
let liuId: string;
let supplyId: string;

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  liuId = (
    await db.member.create({
      data: {
        organisationId,
        name: "Liu Ops",
        department: "operations_manager",
        userId: cast.member.id,
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    })
  ).id;
  supplyId = (
    await db.member.create({
      data: {
        organisationId,
        name: "Supply",
        department: "supply_chain",
        roles: { create: [{ roleId: "supply_chain", sharePercent: 100 }] },
      },
    })
  ).id;
  await db.skillAssessment.createMany({
    data: [
      {
        organisationId,
        memberId: liuId,
        skillId: "platform_rules",
        level: 3,
        assessedOn: new Date("2026-01-10"),
        assessorName: "Seed",
      },
      {
        organisationId,
        memberId: liuId,
        skillId: "ad_buying",
        level: 1,
        assessedOn: new Date("2026-01-10"),
        assessorName: "Seed",
      },
    ],
  });
});

const itemCount = (memberId: string) => db.trainingItem.count({ where: { memberId } });
const planRow = (i: number, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [`items[${i}].${key}`, value]));

describe("plan from gaps", () => {
  it("proposes an item per open gap with the playbook's kind, and creates the ticked ones from the server's levels", async () => {
    const page = await callRoute<{
      proposals: { skillId: string; fromLevel: number; targetLevel: number; kind: string }[];
    }>(planLoader, get(`/training/plan/${liuId}`, as("leadOps")), { memberId: liuId });
    expect(page.status).toBe(200);
    const adBuying = page.data.proposals.find((proposal) => proposal.skillId === "ad_buying");
    expect(adBuying).toMatchObject({ fromLevel: 1, targetLevel: 3, kind: "certification" });
    expect(page.data.proposals.map((proposal) => proposal.skillId)).not.toContain("platform_rules"); // met: no gap

    const form = {
      ...planRow(0, {
        include: "on",
        skillId: "ad_buying",
        fromLevel: "4",
        targetLevel: "3",
        kind: "certification",
        provider: "Amazon Ads",
        startDate: "2026-01-01",
        dueDate: "2026-03-01",
        hours: "24",
      }),
      ...planRow(1, { skillId: "erp_crm_tools", targetLevel: "2", kind: "on_the_job", hours: "10" }), // not ticked: skipped
      ...planRow(2, { include: "if_skill", skillId: "", targetLevel: "3", kind: "course", hours: "8" }), // by hand, no skill: skipped
    };
    const created = await callRoute(planAction, post(`/training/plan/${liuId}`, form, as("leadOps")), {
      memberId: liuId,
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe(`/team/${liuId}?training=planned&count=1#training`);
    const items = await db.trainingItem.findMany({ where: { memberId: liuId } });
    expect(
      items.map((item) => [
        item.skillId,
        item.fromLevel,
        item.targetLevel,
        item.kind,
        item.provider,
        item.hours,
        item.status,
        item.version,
      ]),
    ).toEqual([["ad_buying", 1, 3, "certification", "Amazon Ads", 24, "planned", 1]]);
  });

  it("refuses a bad plan with a message per field, keeps what was typed and writes nothing", async () => {
    const before = await itemCount(liuId);
    const form = {
      ...planRow(0, {
        include: "on",
        skillId: "astrology",
        targetLevel: "9",
        kind: "yoga",
        startDate: "2026-05-01",
        dueDate: "2026-04-01",
        hours: "-3",
        provider: "ok",
      }),
      ...planRow(1, {
        include: "on",
        skillId: "ad_buying",
        targetLevel: "3",
        kind: "course",
        startDate: "2026-05-01",
        dueDate: "2026-04-01",
      }),
    };
    const result = await callRoute<Reply>(planAction, post(`/training/plan/${liuId}`, form, as("hr")), {
      memberId: liuId,
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      "items[0].skillId": ["training.errors.skillId.unknown"],
      "items[0].targetLevel": ["training.errors.targetLevel.invalid"],
      "items[0].kind": ["training.errors.kind.invalid"],
      "items[0].hours": ["training.errors.hours.invalid"],
      "items[0].dueDate": ["training.errors.dueDate.beforeStart"],
      "items[1].dueDate": ["training.errors.dueDate.beforeStart"],
    });
    expect(result.data.lastResult.initialValue).toMatchObject({
      items: [{ provider: "ok", kind: "yoga" }, { skillId: "ad_buying" }],
    });
    expect(await itemCount(liuId)).toBe(before);
  });

  it("lets only HR, managers, admins and the member's lead plan, never for oneself", async () => {
    for (const who of ["leadSupply", "member"]) {
      expect(
        (await callRoute(planLoader, get(`/training/plan/${liuId}`, as(who)), { memberId: liuId })).status,
        who,
      ).toBe(403);
    }
    expect(
      (await callRoute(planLoader, get(`/training/plan/${liuId}`, as("otherAdmin")), { memberId: liuId })).status,
    ).toBe(404);
    expect(
      (await callRoute(planLoader, get(`/training/plan/${supplyId}`, as("leadOps")), { memberId: supplyId })).status,
    ).toBe(403);
    const own = await db.member.create({
      data: { organisationId: cast.organisation.id, name: "HR self", userId: cast.hr.id },
    });
    expect((await callRoute(planLoader, get(`/training/plan/${own.id}`, as("hr")), { memberId: own.id })).status).toBe(
      403,
    );
  });
});

describe("two people editing one item", () => {
  it("refuses the second save of the same version with what changed, keeps what was typed, and overwrites nothing", async () => {
    const item = await db.trainingItem.create({
      data: {
        organisationId: cast.organisation.id,
        memberId: liuId,
        skillId: "multi_language_culture",
        fromLevel: 0,
        targetLevel: 2,
        kind: "mentoring",
        hours: 10,
      },
    });
    const full = (overrides: Record<string, string>) => ({
      version: "1",
      targetLevel: "2",
      kind: "mentoring",
      provider: "",
      startDate: "",
      dueDate: "2026-12-01",
      hours: "10",
      status: "planned",
      progressPercent: "0",
      evidence: "",
      ...overrides,
    });
    // HR and the lead both opened version 1; HR saves first
    const first = await callRoute(
      itemAction,
      post(`/training/items/${item.id}`, full({ provider: "Berlitz", hours: "20" }), as("hr")),
      { itemId: item.id },
    );
    expect(first.status).toBe(302);
    const second = await callRoute<
      Reply & { conflict: { field: string; theirs: string; yours: string }[]; version: number }
    >(
      itemAction,
      post(
        `/training/items/${item.id}`,
        full({ provider: "Goethe-Institut", hours: "20", evidence: "typed by the lead" }),
        as("leadOps"),
      ),
      { itemId: item.id },
    );
    expect(second.status).toBe(409);
    expect(second.data.conflict).toEqual([
      { field: "provider", theirs: "Berlitz", yours: "Goethe-Institut" },
      { field: "evidence", theirs: "", yours: "typed by the lead" },
    ]);
    expect(second.data.lastResult.initialValue).toMatchObject({
      provider: "Goethe-Institut",
      evidence: "typed by the lead",
      hours: "20",
    });
    expect(second.data.version).toBe(2);
    const saved = await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect([saved.provider, saved.hours, saved.evidence, saved.version]).toEqual(["Berlitz", 20, "", 2]);

    // saving again with their version is a choice, and lands
    const third = await callRoute(
      itemAction,
      post(
        `/training/items/${item.id}`,
        full({ version: "2", provider: "Goethe-Institut", hours: "20" }),
        as("leadOps"),
      ),
      { itemId: item.id },
    );
    expect(third.status).toBe(302);
    expect((await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } })).provider).toBe("Goethe-Institut");
  });

  it("lets exactly one of two simultaneous saves of one version land", async () => {
    const item = await db.trainingItem.create({
      data: {
        organisationId: cast.organisation.id,
        memberId: liuId,
        skillId: "erp_crm_tools",
        fromLevel: 1,
        targetLevel: 2,
        kind: "on_the_job",
        hours: 10,
      },
    });
    const form = (progress: string) => ({
      version: "1",
      status: "in_progress",
      progressPercent: progress,
      evidence: "",
    });
    const results = await Promise.all([
      callRoute(itemAction, post(`/training/items/${item.id}`, form("30"), as("member")), { itemId: item.id }),
      callRoute(itemAction, post(`/training/items/${item.id}`, form("70"), as("member")), { itemId: item.id }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([302, 409]);
    const saved = await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved.version).toBe(2);
    const landed = results.findIndex((result) => result.status === 302);
    expect(saved.progressPercent).toBe(landed === 0 ? 30 : 70);
  });
});

describe("the member progresses, completes, the lead re-assesses, the gap closes", () => {
  it("walks the whole way", async () => {
    const item = await db.trainingItem.findFirstOrThrow({ where: { memberId: liuId, skillId: "ad_buying" } });
    // the member may change progress and status only: a target in the form is ignored
    const progressed = await callRoute(
      itemAction,
      post(
        `/training/items/${item.id}`,
        {
          version: String(item.version),
          status: "in_progress",
          progressPercent: "60",
          evidence: "module 3 done",
          targetLevel: "1",
        },
        as("member"),
      ),
      { itemId: item.id },
    );
    expect(progressed.status).toBe(302);
    let saved = await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect([saved.status, saved.progressPercent, saved.evidence, saved.targetLevel]).toEqual([
      "in_progress",
      60,
      "module 3 done",
      3,
    ]);

    const completed = await callRoute(
      itemAction,
      post(
        `/training/items/${item.id}`,
        { version: String(saved.version), status: "completed", progressPercent: "90", evidence: "certificate" },
        as("member"),
      ),
      {
        itemId: item.id,
      },
    );
    expect(completed.headers.get("Location")).toBe(`/training/items/${item.id}?saved=reassess`);
    saved = await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect([saved.status, saved.progressPercent, saved.levelBefore]).toEqual(["completed", 100, 1]);
    expect(saved.reassessmentRequestedAt).toBeInstanceOf(Date);

    // HR's page lists it as awaiting a re-assessment
    const before = await callRoute<{
      figures: { gapsClosed: number; awaitingReassessment: number };
      reassessments: { id: string }[];
    }>(progressPage, get("/training", as("hr")));
    expect(before.data.reassessments.map((row) => row.id)).toContain(item.id);
    // the member cannot assess themselves
    const self = await callRoute(
      assessAction,
      post(
        `/team/${liuId}/assessments`,
        { skillId: "ad_buying", level: "3", assessedOn: new Date().toISOString().slice(0, 10) },
        as("member"),
      ),
      { memberId: liuId },
    );
    expect(self.status).toBe(403);

    // the lead re-assesses
    const assessed = await callRoute(
      assessAction,
      post(
        `/team/${liuId}/assessments`,
        { skillId: "ad_buying", level: "3", assessedOn: new Date().toISOString().slice(0, 10) },
        as("leadOps"),
      ),
      {
        memberId: liuId,
      },
    );
    expect(assessed.status).toBe(302);

    const itemPage = await callRoute<{
      item: { levelBefore: number };
      outcome: { levelAfter: number; gapClosed: boolean; awaiting: boolean };
    }>(itemLoader, get(`/training/items/${item.id}`, as("member")), { itemId: item.id });
    expect(itemPage.data.item.levelBefore).toBe(1);
    expect(itemPage.data.outcome).toEqual({ levelAfter: 3, gapClosed: true, awaiting: false });

    const member = await callRoute<{
      gaps: { skills: { skillId: string; gap: number }[] };
      training: { items: { id: string; levelBefore: number; levelAfter: number; gapClosed: boolean }[] };
    }>(memberPage, get(`/team/${liuId}`, as("member")), { memberId: liuId });
    expect(member.data.gaps.skills.find((skill) => skill.skillId === "ad_buying")?.gap).toBe(0);
    expect(member.data.training.items.find((row) => row.id === item.id)).toMatchObject({
      levelBefore: 1,
      levelAfter: 3,
      gapClosed: true,
    });

    const after = await callRoute<{
      figures: { gapsClosed: number; awaitingReassessment: number };
      reassessments: { id: string }[];
    }>(progressPage, get("/training", as("hr")));
    expect(after.data.figures.gapsClosed).toBe(before.data.figures.gapsClosed + 1);
    expect(after.data.figures.awaitingReassessment).toBe(before.data.figures.awaitingReassessment - 1);
    expect(after.data.reassessments.map((row) => row.id)).not.toContain(item.id);
  });

  it("refuses a bad item save with messages, keeping what was typed, and lets nobody else progress an item", async () => {
    const item = await db.trainingItem.findFirstOrThrow({ where: { memberId: liuId, skillId: "erp_crm_tools" } });
    const bad = await callRoute<Reply>(
      itemAction,
      post(
        `/training/items/${item.id}`,
        { version: String(item.version), status: "done", progressPercent: "150", evidence: "kept" },
        as("member"),
      ),
      { itemId: item.id },
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult.error).toEqual({
      status: ["training.errors.status.invalid"],
      progressPercent: ["training.errors.progress.invalid"],
    });
    expect(bad.data.lastResult.initialValue).toMatchObject({ evidence: "kept" });
    for (const who of ["leadSupply"]) {
      expect(
        (
          await callRoute(
            itemAction,
            post(`/training/items/${item.id}`, { version: String(item.version), status: "planned" }, as(who)),
            { itemId: item.id },
          )
        ).status,
      ).toBe(403);
    }
    expect(
      (
        await callRoute(itemAction, post(`/training/items/${item.id}`, { version: "1" }, as("otherAdmin")), {
          itemId: item.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(itemLoader, get(`/training/items/${item.id}`, as("leadSupply")), { itemId: item.id })).status,
    ).toBe(403);
    // the plan on a member page: shown to the member and their lead, not to another member or another department's lead
    const planOn = async (memberId: string, who: string) =>
      (
        await callRoute<{ training: { items: unknown[] } | null }>(memberPage, get(`/team/${memberId}`, as(who)), {
          memberId,
        })
      ).data.training;
    expect(await planOn(liuId, "member")).not.toBeNull();
    expect(await planOn(liuId, "leadOps")).not.toBeNull();
    expect(await planOn(liuId, "leadSupply")).toBeNull();
    await db.trainingItem.create({
      data: {
        organisationId: cast.organisation.id,
        memberId: supplyId,
        skillId: "customs_logistics",
        fromLevel: 0,
        targetLevel: 2,
        kind: "course",
      },
    });
    expect(await planOn(supplyId, "member")).toBeNull();
    expect((await planOn(supplyId, "hr"))?.items).toHaveLength(1);
    const unchanged = await db.trainingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(unchanged.version).toBe(item.version);
  });
});

describe("plan training for a skill named in the address (from /hiring's skills nobody has at the level)", () => {
  type PlanPage = { proposals: { skillId: string }[]; byHand: { skillId: string; targetLevel: number } | null };
  const open = async (query: string) =>
    (
      await callRoute<PlanPage>(planLoader, get(`/training/plan/${supplyId}?${query}`, as("manager")), {
        memberId: supplyId,
      })
    ).data;

  it("starts the by-hand row on that skill and level", async () => {
    expect((await open("skill=platform_rules&level=3")).byHand).toEqual({ skillId: "platform_rules", targetLevel: 3 });
  });

  it("ignores an unknown skill, a level out of range, and a skill already proposed from the member's gaps", async () => {
    expect((await open("skill=juggling&level=3")).byHand).toBeNull();
    expect((await open("skill=platform_rules&level=0")).byHand).toBeNull();
    expect((await open("skill=platform_rules&level=9")).byHand).toBeNull();
    // an assessed gap (an unassessed skill is not a gap, decision 0014): proposed from the gaps, so not by hand too
    await db.skillAssessment.create({
      data: {
        organisationId: cast.organisation.id,
        memberId: supplyId,
        skillId: "supply_chain_management",
        level: 1,
        assessedOn: new Date("2026-11-01"),
        assessorName: "HR",
      },
    });
    const page = await open("skill=supply_chain_management&level=3");
    expect(page.proposals.map((p) => p.skillId)).toContain("supply_chain_management");
    expect(page.byHand).toBeNull();
  });
});
