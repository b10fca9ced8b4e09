import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE, loader } from "../../app/routes/team.heatmap";
import { decodeHeatmapCell } from "../../app/domain/gaps";
import type { RoleId } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type HeatmapData = Awaited<ReturnType<typeof loader>>["data"];
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

describe("/team/heatmap", () => {
  let cast: Cast;
  let cookie: string;
  const heatmap = async (query = "") =>
    callRoute<HeatmapData>(loader, get(`/team/heatmap?lang=en${query}`, { Cookie: cookie }));

  beforeAll(async () => {
    cast = await createCast(); // platform · growth
    cookie = await cookieFor(cast.hr.id); // HR reads everyone's levels (issue 14: a member sees their own row only)
    const org = cast.organisation.id;
    await addMember(org, "Ann", [["product_manager", 100]], {
      market_insight: 3,
      data_analytics: 2,
      multi_language_culture: 2,
    });
    await addMember(org, "Bo", [
      ["operations_manager", 60],
      ["marketing", 40],
    ]);
    await addMember(org, "Cy", [["operations_manager", 100]], {
      platform_rules: 4,
      ad_buying: 3,
      multi_language_culture: 2,
      erp_crm_tools: 2,
    });
    await addMember(org, "Di", [["supply_chain", 100]], {
      supply_chain_management: 1,
      customs_logistics: 3,
      erp_crm_tools: 2,
    });
    await addMember(org, "Eve", [["data_analysis", 100]], { bi_tools: 3, data_modelling: 2, erp_crm_tools: 2 }, null);
    await addMember(cast.other.id, "Stranger", [["data_analysis", 100]]);
  });

  it("sends anonymous visitors to sign in", async () => {
    const result = await callRoute(loader, get("/team/heatmap?role=marketing"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toContain("/login?redirectTo=%2Fteam%2Fheatmap%3Frole%3Dmarketing");
  });

  it("has a row per member, a column per skill required now, grouped by role with shared skills last", async () => {
    const { status, data } = await heatmap();
    expect(status).toBe(200);
    expect(data.total).toBe(5);
    expect(data.rows.map((r) => r.name)).not.toContain("Stranger");
    expect(data.groups.map((g) => g.key)).toEqual([
      "product_manager",
      "operations_manager",
      "tech_dev",
      "supply_chain",
      "marketing",
      "data_analysis",
      "shared",
    ]);
    // multi_language_culture and erp_crm_tools are required by several roles
    const shared = data.columns.filter((c) => data.groups[c.group].key === "shared").map((c) => c.skillId);
    expect(shared).toEqual(["multi_language_culture", "erp_crm_tools"]);
    // compliance (later) requires nothing now: no column
    expect(data.columns.map((c) => c.skillId)).not.toContain("international_regulation");
    expect(data.groups.reduce((sum, g) => sum + g.span, 0)).toBe(data.columns.length);
  });

  it("fills the cells: assessed over required, the gap, not assessed flagged, blank where not required", async () => {
    const { data } = await heatmap("&sort=name");
    const cell = (name: string, skillId: string) => {
      const row = data.rows.find((r) => r.name === name)!;
      return decodeHeatmapCell(row.cells[data.columns.findIndex((c) => c.skillId === skillId)]);
    };
    expect(cell("Ann", "data_analytics")).toEqual({ required: 3, assessed: 2, gap: 1, notAssessed: false });
    expect(cell("Ann", "market_insight")).toMatchObject({ gap: 0 });
    // not assessed: shown apart, never a gap
    expect(cell("Bo", "digital_marketing")).toEqual({ required: 3, assessed: 0, gap: 0, notAssessed: true });
    // Bo's marketing share raises the shared skill to marketing's level
    expect(cell("Bo", "multi_language_culture")).toMatchObject({ required: 3 });
    expect(cell("Ann", "platform_rules")).toBeNull();
    expect(data.rows.find((r) => r.name === "Di")).toMatchObject({
      totalGap: 2,
      maxGap: 2,
      bucket: "large",
      departmentLabel: "Supply chain & logistics",
    });
  });

  it("sorts by name, total gap, largest gap or one skill, either way", async () => {
    expect((await heatmap("&sort=name")).data.rows.map((r) => r.name)).toEqual(["Ann", "Bo", "Cy", "Di", "Eve"]);
    expect((await heatmap("&sort=name&dir=desc")).data.rows.map((r) => r.name)).toEqual([
      "Eve",
      "Di",
      "Cy",
      "Bo",
      "Ann",
    ]);
    // default: total gap, largest first; ties by name
    const byTotal = (await heatmap()).data;
    expect(byTotal.query).toMatchObject({ sort: "totalGap", direction: "desc" });
    // Bo is not assessed at all: no gap known, so no total (shown apart as "not assessed")
    expect(byTotal.rows.map((r) => [r.name, r.totalGap])).toEqual([
      ["Di", 2],
      ["Ann", 1],
      ["Eve", 1],
      ["Bo", 0],
      ["Cy", 0],
    ]);
    expect(byTotal.rows.find((r) => r.name === "Bo")?.bucket).toBe("unassessed");
    expect((await heatmap("&sort=maxGap&dir=asc")).data.rows.map((r) => r.name)).toEqual([
      "Bo",
      "Cy",
      "Ann",
      "Eve",
      "Di",
    ]);
    // by a skill: members without that requirement come last either way
    const bySkill = (await heatmap("&sort=skill:erp_crm_tools&dir=desc")).data.rows.map((r) => r.name);
    expect(bySkill).toEqual(["Bo", "Cy", "Di", "Eve", "Ann"]);
  });

  it("filters by role held, department and minimum gap", async () => {
    expect((await heatmap("&role=marketing")).data.rows.map((r) => r.name)).toEqual(["Bo"]);
    // with a role filter the columns are that role's skills
    expect((await heatmap("&role=marketing")).data.columns.map((c) => c.skillId)).toEqual([
      "digital_marketing",
      "content_creation",
      "multi_language_culture",
    ]);
    expect((await heatmap("&department=operations_manager&sort=name")).data.rows.map((r) => r.name)).toEqual([
      "Bo",
      "Cy",
    ]);
    expect((await heatmap("&department=none")).data.rows.map((r) => r.name)).toEqual(["Eve"]);
    expect((await heatmap("&minGap=2&sort=name")).data.rows.map((r) => r.name)).toEqual(["Di"]);
    const none = await heatmap("&role=compliance_risk");
    expect(none.status).toBe(200);
    expect(none.data.total).toBe(0);
    // the form's "any" sends empty values: not errors
    expect((await heatmap("&role=&department=&minGap=&sort=name")).status).toBe(200);
  });

  it("answers 400 and ignores values that are not valid", async () => {
    const result = await heatmap("&role=ceo&minGap=9&page=abc&dir=sideways&sort=skill:nonsense");
    expect(result.status).toBe(400);
    expect([...result.data.invalid].sort()).toEqual(["dir", "minGap", "page", "role", "sort"]);
    expect(result.data.total).toBe(5);
    expect(result.data.query).toMatchObject({ role: null, minGap: null, sort: "totalGap", page: 1 });
  });

  it("pages a big team by PAGE_SIZE rows, and keeps a page past the end on the last page", async () => {
    expect(PAGE_SIZE).toBe(50);
    const org = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr" });
    const ids = Array.from({ length: 230 }, () => randomUUID());
    await db.member.createMany({
      data: ids.map((id, i) => ({
        id,
        organisationId: org.id,
        name: `Member ${String(i).padStart(3, "0")}`,
        department: "supply_chain",
      })),
    });
    await db.memberRole.createMany({
      data: ids.map((memberId) => ({ memberId, roleId: "supply_chain", sharePercent: 100 })),
    });
    const page = async (query: string) =>
      callRoute<HeatmapData>(loader, get(`/team/heatmap?sort=name${query}`, { Cookie: await cookieFor(hr.id) }));

    const first = await page("");
    expect(first.data).toMatchObject({ total: 230, pages: 5, pageSize: PAGE_SIZE });
    expect(first.data.rows).toHaveLength(50);
    expect(first.data.rows[0].name).toBe("Member 000");
    const last = await page("&page=5");
    expect(last.data.rows.map((r) => r.name)).toEqual(Array.from({ length: 30 }, (_, i) => `Member ${200 + i}`));
    const beyond = await page("&page=40");
    expect(beyond.status).toBe(200);
    expect(beyond.data.query.page).toBe(5);
    // cells are one number each (decodeHeatmapCell), not an object per cell
    expect(first.data.rows[0].cells.every((code) => code === null || typeof code === "number")).toBe(true);
    // each row carries only its cells and a few fields, not the member record
    expect(Object.keys(first.data.rows[0]).sort()).toEqual([
      "bucket",
      "cells",
      "departmentLabel",
      "maxGap",
      "memberId",
      "name",
      "totalGap",
    ]);
  });
});
