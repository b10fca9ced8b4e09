/**
 * The home page through its loader: what needs each kind of user now, and
 * only what they may see (issue 16; the read rules of issue 14).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/home";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Home = Awaited<ReturnType<typeof loader>>;
type Cast = Awaited<ReturnType<typeof createCast>>;
let cast: Cast;
const cookie: Record<string, string> = {};
const DAY = 86_400_000;
const dayFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY);
let liuId: string;
let supplyId: string;
const itemIds: Record<string, string> = {};

const visit = async (who: string) =>
  callRoute<Home>(loader, get("/home", { Cookie: cookie[who], "Accept-Language": "en" }));
const keys = (home: Home) => home.sections.flatMap((section) => section.steps.map((step) => step.key));

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
        name: "Sun Supply",
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
        skillId: "ad_buying",
        level: 1,
        assessedOn: new Date("2026-01-10"),
        assessorName: "Seed",
        note: "Liu needs help with bids",
      },
      {
        organisationId,
        memberId: supplyId,
        skillId: "supply_chain_management",
        level: 1,
        assessedOn: new Date("2026-01-10"),
        assessorName: "Seed",
      },
    ],
  });
  const item = (skillId: string, fields: Record<string, unknown>) =>
    db.trainingItem.create({
      data: { organisationId, memberId: liuId, skillId, fromLevel: 1, targetLevel: 3, kind: "course", ...fields },
    });
  itemIds.late = (await item("ad_buying", { dueDate: dayFromToday(-3), status: "in_progress" })).id;
  itemIds.soon = (await item("platform_rules", { dueDate: dayFromToday(5) })).id;
  itemIds.later = (await item("data_analysis", { dueDate: dayFromToday(40) })).id;
  itemIds.done = (
    await item("erp_crm_tools", {
      status: "completed",
      completedAt: dayFromToday(-1),
      reassessmentRequestedAt: new Date(Date.now() - 1000),
      levelBefore: 1,
    })
  ).id;
});

describe("GET /home", () => {
  it("sends an anonymous visitor to sign in, and back here afterwards", async () => {
    const result = await callRoute(loader, get("/home"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fhome");
  });

  it("shows a member their own overdue, due-soon and waiting items, most urgent first, each with its link", async () => {
    const home = (await visit("member")).data;
    expect(home.sections.map((section) => section.kind)).toEqual([
      "training_overdue",
      "training_due_soon",
      "training_awaiting_reassessment",
    ]);
    expect(keys(home)).toEqual([`overdue:${itemIds.late}`, `due:${itemIds.soon}`, `awaiting:${itemIds.done}`]);
    expect(home.sections[0].steps[0]).toMatchObject({
      href: `/training/items/${itemIds.late}`,
      days: -3,
      skill: expect.any(String),
    });
    expect(home.setup).toBeNull();
  });

  it("never sends a member a colleague's name, levels or notes", async () => {
    const text = JSON.stringify((await visit("member")).data);
    expect(text).not.toContain("Sun Supply");
    expect(text).not.toContain("Liu needs help");
    expect(text).not.toMatch(/"level/i);
  });

  it("asks the lead of the member's department, and not another lead, for the re-assessment", async () => {
    const ops = (await visit("leadOps")).data;
    expect(keys(ops)).toContain(`reassess:${itemIds.done}`);
    const step = ops.sections.find((section) => section.kind === "reassessment_to_do")!.steps[0];
    expect(step).toMatchObject({ memberName: "Liu Ops", href: `/team/${liuId}/assessments?skill=erp_crm_tools` });
    const supply = (await visit("leadSupply")).data;
    expect(keys(supply)).not.toContain(`reassess:${itemIds.done}`);
    expect(JSON.stringify(supply)).not.toContain("Liu Ops");
    expect(keys(supply)).toContain(`uncovered:${supplyId}`);
  });

  it("lists for HR the members with a gap and no plan, and nothing of its own to do", async () => {
    const home = (await visit("hr")).data;
    expect(keys(home)).toContain(`uncovered:${supplyId}`);
    const step = home.sections
      .find((section) => section.kind === "member_without_plan")!
      .steps.find((entry) => entry.key === `uncovered:${supplyId}`);
    expect(step).toMatchObject({ href: `/training/plan/${supplyId}`, memberName: "Sun Supply" });
    expect(keys(home).some((key) => key.startsWith("overdue:"))).toBe(false);
  });

  it("shows a manager an ownership proposal to decide and the positions they own", async () => {
    const organisationId = cast.organisation.id;
    const step = await db.processStep.create({
      data: { organisationId, key: "listing", section: "core", nameZh: "上架", nameEn: "Listing", position: 1 },
    });
    const proposal = await db.ownershipProposal.create({
      data: {
        organisationId,
        stepId: step.id,
        ownerRoleId: "operations_manager",
        reason: "ops lists",
        proposerUserId: cast.leadOps.id,
        proposerName: "Lead",
      },
    });
    const position = await db.hiringPosition.create({
      data: {
        organisationId,
        roleId: "marketing",
        targetQuarter: "2027-Q1",
        sortOrder: 1,
        status: "open",
        ownerUserId: cast.manager.id,
      },
    });
    await db.hiringPosition.create({
      data: {
        organisationId,
        roleId: "marketing",
        targetQuarter: "2027-Q1",
        sortOrder: 2,
        status: "filled",
        ownerUserId: cast.manager.id,
      },
    });
    const home = (await visit("manager")).data;
    expect(keys(home)).toEqual(expect.arrayContaining([`proposal:${proposal.id}`, `position:${position.id}`]));
    expect(keys(home).filter((key) => key.startsWith("position:"))).toEqual([`position:${position.id}`]);
    // the proposer does not decide their own proposal
    expect(keys((await visit("leadOps")).data)).not.toContain(`proposal:${proposal.id}`);
    expect(keys((await visit("member")).data)).not.toContain(`proposal:${proposal.id}`);
  });

  it("gives a new organisation's admin a setup checklist that disappears when done", async () => {
    const organisation = await createOrganisation();
    const admin = await createUser({ organisationId: organisation.id, kind: "admin" });
    const adminCookie = await cookieFor(admin.id);
    const first = (await callRoute<Home>(loader, get("/home", { Cookie: adminCookie }))).data;
    expect(first.setup?.tasks.map((task) => task.done)).toEqual([false, false, false, false]);
    const organisationId = organisation.id;
    await db.businessProfile.create({ data: { organisationId, stores: 1 } });
    const [, b] = await Promise.all([
      db.member.create({ data: { organisationId, name: "A", userId: admin.id } }),
      db.member.create({ data: { organisationId, name: "B" } }),
    ]);
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: b.id,
        skillId: "ad_buying",
        level: 1,
        assessedOn: new Date(),
        assessorName: "A",
      },
    });
    expect((await callRoute<Home>(loader, get("/home", { Cookie: adminCookie }))).data.setup?.done).toBe(3);
    await db.trainingItem.create({
      data: { organisationId, memberId: b.id, skillId: "ad_buying", fromLevel: 1, targetLevel: 2, kind: "course" },
    });
    expect((await callRoute<Home>(loader, get("/home", { Cookie: adminCookie }))).data.setup).toBeNull();
  });

  it("shows another organisation's admin nothing of this one", async () => {
    const text = JSON.stringify((await visit("otherAdmin")).data);
    expect(text).not.toContain("Liu Ops");
    expect(text).not.toContain("Sun Supply");
  });
});
