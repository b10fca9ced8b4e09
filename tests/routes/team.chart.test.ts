import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/team.chart";
import { MEMBER_NODES_PER_DEPARTMENT } from "../../app/domain/team-graph";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import type { RoleId } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type ChartData = Awaited<ReturnType<typeof loader>>["data"];
type Cast = Awaited<ReturnType<typeof createCast>>;

async function addMember(
  organisationId: string,
  name: string,
  roles: [RoleId, number][],
  levels: Record<string, number> = {},
  department: RoleId | null = roles[0]?.[0] ?? null,
) {
  const member = await db.member.create({
    data: {
      organisationId,
      name,
      email: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@team.example`,
      department,
      roles: { create: roles.map(([roleId, sharePercent]) => ({ roleId, sharePercent })) },
    },
  });
  for (const [skillId, level] of Object.entries(levels)) {
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId,
        level,
        assessedOn: new Date("2026-01-15"),
        assessorName: "Test",
      },
    });
  }
  return member;
}

/** Many members of one role, written in two statements. */
async function addMany(organisationId: string, count: number, roleId: RoleId, prefix: string) {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.member.createMany({
    data: ids.map((id, i) => ({
      id,
      organisationId,
      name: `${prefix} ${String(i).padStart(4, "0")}`,
      department: roleId,
    })),
  });
  await db.memberRole.createMany({ data: ids.map((memberId) => ({ memberId, roleId, sharePercent: 100 })) });
  return ids;
}

const nodesOf = (data: ChartData, type: string) => data.nodes.filter((n) => n.type === type);

describe("/team/chart", () => {
  let cast: Cast;
  let cookie: string;
  let ann: { id: string };
  let bo: { id: string };
  const chart = async (query = "") =>
    callRoute<ChartData>(loader, get(`/team/chart?lang=en${query}`, { Cookie: cookie }));

  beforeAll(async () => {
    cast = await createCast(); // platform · growth
    cookie = await cookieFor(cast.hr.id); // HR reads everyone's gaps (issue 14)
    const org = cast.organisation.id;
    ann = await addMember(org, "Ann", [["product_manager", 100]], {
      market_insight: 3,
      data_analytics: 2,
      multi_language_culture: 2,
    });
    bo = await addMember(org, "Bo", [
      ["operations_manager", 60],
      ["marketing", 40],
    ]);
    await addMember(org, "Cy", [["operations_manager", 100]], {
      platform_rules: 4,
      ad_buying: 3,
      multi_language_culture: 2,
      erp_crm_tools: 2,
    });
  });

  it("sends anonymous visitors to sign in", async () => {
    const result = await callRoute(loader, get("/team/chart?expanded=marketing"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("draws a small team fully: GM, seven roles, members under their role, open seats, links", async () => {
    const { status, data } = await chart();
    expect(status).toBe(200);
    expect(nodesOf(data, "teamGm")).toHaveLength(1);
    expect(nodesOf(data, "teamRole")).toHaveLength(7);
    expect(data.expanded).toEqual([...CORE_ROLE_IDS]);
    const members = data.nodes.flatMap((n) => (n.type === "teamMember" ? [n.data] : []));
    expect(members.map((m) => [m.name, m.homeRoleId, m.bucket])).toEqual([
      ["Ann", "product_manager", "small"],
      ["Bo", "operations_manager", "unassessed"],
      ["Cy", "operations_manager", "none"],
    ]);
    // supply chain, marketing (0.4 FTE) and data analysis each miss one seat
    const seats = data.nodes.flatMap((n) => (n.type === "openSeat" ? [n.data.roleId] : []));
    expect(seats.sort()).toEqual(["data_analysis", "marketing", "supply_chain"]);
    expect(data.edges.filter((e) => e.type === "alsoHolds")).toEqual([
      expect.objectContaining({ source: `member:${bo.id}`, target: "marketing" }),
    ]);
    expect(data.edges.some((e) => e.type === "collaboration")).toBe(true);
    // the role nodes carry recommended vs actual
    const ops = data.nodes.find((n) => n.id === "operations_manager");
    expect(ops?.type === "teamRole" && ops.data).toMatchObject({
      fte: 1.6,
      headcount: { min: 1, max: 3 },
      memberCount: 2,
      expanded: true,
    });
    // the no-JS table and the totals
    expect(data.totals).toMatchObject({ members: 3, unfilledSeats: 3 });
    expect(data.staffing.find((r) => r.roleId === "marketing")).toMatchObject({ unfilledSeats: 1, fte: 0.4 });
  });

  it("sends the browser only what the diagram needs: no e-mail addresses, no assessments", async () => {
    const { data } = await chart();
    const json = JSON.stringify(data);
    expect(json).not.toContain("@team.example");
    expect(json).not.toContain("assessedOn");
  });

  it("collapses and expands departments through the address", async () => {
    const collapsed = await chart("&expanded=");
    expect(collapsed.data.expanded).toEqual([]);
    expect(nodesOf(collapsed.data, "teamMember")).toHaveLength(0);
    expect(collapsed.data.state.expanded).toBe("");
    const one = await chart("&expanded=operations_manager,nonsense");
    expect(one.data.expanded).toEqual(["operations_manager"]);
    expect(one.data.nodes.flatMap((n) => (n.type === "teamMember" ? [n.data.name] : []))).toEqual(["Bo", "Cy"]);
  });

  it("opens the member panel with their skills and gaps", async () => {
    const { status, data } = await chart(`&member=${ann.id}`);
    expect(status).toBe(200);
    expect(data.memberPanel).toMatchObject({
      id: ann.id,
      name: "Ann",
      bucket: "small",
      maxGap: 1,
      totalGap: 1,
      departmentLabel: "Product manager",
    });
    expect(data.memberPanel?.skills.find((s) => s.id === "data_analytics")).toEqual({
      id: "data_analytics",
      label: "Data analysis",
      required: 3,
      assessed: 2,
      gap: 1,
      notAssessed: false,
    });
    expect(data.rolePanel).toBeNull();
    const selected = data.nodes.find((n) => n.id === `member:${ann.id}`);
    expect(selected).toBeDefined();
  });

  it("opens the role panel with responsibilities and coverage", async () => {
    const { data } = await chart("&role=marketing");
    expect(data.rolePanel).toMatchObject({
      roleId: "marketing",
      fte: 0.4,
      unfilledSeats: 1,
      holderCount: 1,
      memberCount: 0,
    });
    expect(data.rolePanel?.responsibilities.length).toBeGreaterThan(0);
    // Bo, its one holder, is not assessed: neither met nor below
    expect(data.rolePanel?.skills.map((s) => s.status)).toEqual(["not_assessed", "not_assessed", "not_assessed"]);
  });

  it("answers 404 for a member of another organisation or none, and 400 for a role that does not exist", async () => {
    const stranger = await addMember(cast.other.id, "Stranger", [["marketing", 100]]);
    expect((await chart(`&member=${stranger.id}`)).status).toBe(404);
    expect((await chart("&member=nobody")).status).toBe(404);
    const badRole = await chart("&role=ceo");
    expect(badRole.status).toBe(400);
    expect(badRole.data.rolePanel).toBeNull();
    // another organisation's admin sees their own team, not this one
    const other = await callRoute<ChartData>(
      loader,
      get("/team/chart", { Cookie: await cookieFor(cast.otherAdmin.id) }),
    );
    expect(other.status).toBe(200);
    expect(other.data.nodes.flatMap((n) => (n.type === "teamMember" ? [n.data.name] : []))).toEqual(["Stranger"]);
  });

  it("draws the nodes of people whose gaps the reader may not see without them, in the data too (issue 14)", async () => {
    const asMember = await callRoute<ChartData>(
      loader,
      get(`/team/chart?lang=en&member=${ann.id}`, { Cookie: await cookieFor(cast.member.id) }),
    );
    const members = asMember.data.nodes.flatMap((n) => (n.type === "teamMember" ? [n.data] : []));
    expect(members.map((m) => [m.name, m.bucket, m.maxGap, m.totalGap])).toEqual([
      ["Ann", "hidden", 0, 0],
      ["Bo", "hidden", 0, 0],
      ["Cy", "hidden", 0, 0],
    ]);
    expect(asMember.data.memberPanel).toMatchObject({ name: "Ann", bucket: "hidden", skills: [] });
    // a role of one holder: its skills below would be that person's gaps
    const marketing = asMember.data.staffing.find((r) => r.roleId === "marketing");
    expect(marketing).toMatchObject({ withheld: true, skillsBelow: [], skillsNotAssessed: [] });
    const role = asMember.data.nodes.find((n) => n.id === "marketing");
    expect(role?.type === "teamRole" && role.data.skillsBelow).toBeNull();
    expect(role?.type === "teamRole" && role.data.skillsNotAssessed).toBeNull();
  });

  it("answers every kind of person of the organisation", async () => {
    for (const user of [cast.admin, cast.manager, cast.hr, cast.leadOps, cast.member]) {
      const result = await callRoute<ChartData>(loader, get("/team/chart", { Cookie: await cookieFor(user.id) }));
      expect(result.status, user.kind).toBe(200);
    }
  });

  describe("a large team", () => {
    let hrCookie: string;
    let last: string;
    beforeAll(async () => {
      const org = await createOrganisation();
      const hr = await createUser({ organisationId: org.id, kind: "hr" });
      hrCookie = await cookieFor(hr.id);
      const ids = await addMany(org.id, 260, "supply_chain", "Supply");
      await addMany(org.id, 40, "marketing", "Market");
      last = ids[259];
    });
    const big = async (query = "") => callRoute<ChartData>(loader, get(`/team/chart${query}`, { Cookie: hrCookie }));

    it("opens collapsed, with member counts on the role nodes", async () => {
      const { data } = await big();
      expect(data.large).toBe(true);
      expect(data.expanded).toEqual([]);
      expect(data.nodes).toHaveLength(8);
      const supply = data.nodes.find((n) => n.id === "supply_chain");
      expect(supply?.type === "teamRole" && supply.data).toMatchObject({ memberCount: 260, expanded: false });
    });

    it("shows the first members of a big department and one node for the rest", async () => {
      const { data } = await big("?expanded=supply_chain");
      expect(nodesOf(data, "teamMember")).toHaveLength(MEMBER_NODES_PER_DEPARTMENT);
      const more = data.nodes.find((n) => n.type === "moreMembers");
      expect(more?.type === "moreMembers" && more.data).toMatchObject({
        roleId: "supply_chain",
        hidden: 260 - MEMBER_NODES_PER_DEPARTMENT,
      });
      expect(data.nodes.length).toBeLessThan(1000);
    });

    it("keeps a selected member visible beyond the cap", async () => {
      const { data } = await big(`?expanded=supply_chain&member=${last}`);
      expect(data.nodes.some((n) => n.id === `member:${last}`)).toBe(true);
      expect(data.memberPanel?.id).toBe(last);
    });
  });
});
