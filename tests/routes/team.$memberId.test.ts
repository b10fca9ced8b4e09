import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { loader } from "../../app/routes/team.$memberId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type SkillRow = {
  skillId: string;
  required: number;
  requiredBy: string[];
  assessed: number | null;
  gap: number;
  history: { level: number; assessorName: string; note: string }[];
};
type PageData = {
  member: {
    name: string;
    roles: { roleId: string; percent: number }[];
    manager: { name: string } | null;
    reports: { name: string }[];
    markets: string[];
  };
  gaps: { totalGap: number; maxGap: number; bucket: string; notAssessed: number; skills: SkillRow[] } | null;
  otherAssessed: { skillId: string; assessed: number }[];
  assessSkills: { roleSkills: { id: string }[]; otherSkills: { id: string }[]; chosen: string | null };
  viewer: { isSelf: boolean; canAssess: boolean; canWrite: boolean };
  training: unknown;
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
let opsId: string;

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
  const organisationId = cast.organisation.id;
  const boss = await db.member.create({ data: { organisationId, name: "Boss" } });
  const ops = await db.member.create({
    data: {
      organisationId,
      name: "Olga",
      department: "operations_manager",
      managerId: boss.id,
      markets: JSON.stringify(["US", "JP"]),
      roles: {
        create: [
          { roleId: "operations_manager", sharePercent: 60 },
          { roleId: "product_manager", sharePercent: 40 },
        ],
      },
    },
  });
  opsId = ops.id;
  await db.member.create({ data: { organisationId, name: "Report", managerId: ops.id } });
  const assess = (skillId: string, level: number, assessedOn: string, note = "") =>
    db.skillAssessment.create({
      data: {
        organisationId,
        memberId: ops.id,
        skillId,
        level,
        assessedOn: new Date(assessedOn),
        assessorName: `Assessor ${level}`,
        note,
      },
    });
  await assess("platform_rules", 4, "2025-01-10", "old");
  await assess("platform_rules", 1, "2025-03-01", "newer and lower: it counts");
  await assess("ad_buying", 0, "2025-02-01");
  await assess("backend_dev", 2, "2025-02-01");
});

describe("GET /team/:memberId", () => {
  it("shows everyone of the organisation the member's roles, reporting line and skills", async () => {
    for (const who of ["member", "leadSupply", "leadOps", "hr", "manager", "admin"]) {
      const result = await callRoute<PageData>(loader, get(`/team/${opsId}`, as(who)), { memberId: opsId });
      expect(result.status, who).toBe(200);
      expect(result.data.member.name).toBe("Olga");
      expect(result.data.member.roles).toEqual([
        { roleId: "operations_manager", percent: 60 },
        { roleId: "product_manager", percent: 40 },
      ]);
      expect(result.data.member.manager?.name).toBe("Boss");
      expect(result.data.member.reports.map((r) => r.name)).toEqual(["Report"]);
    }
  });

  it("shows a colleague and the lead of another department no levels, gaps, history or notes (issue 14)", async () => {
    for (const who of ["member", "leadSupply"]) {
      const result = await callRoute<PageData>(loader, get(`/team/${opsId}`, as(who)), { memberId: opsId });
      expect(result.data.gaps, who).toBeNull();
      expect(result.data.otherAssessed, who).toEqual([]);
      const json = JSON.stringify(result.data);
      expect(json, who).not.toContain("newer and lower");
      expect(json, who).not.toContain("Assessor ");
      expect(result.data.training, who).toBeNull();
    }
    for (const who of ["leadOps", "hr", "manager", "admin"]) {
      const result = await callRoute<PageData>(loader, get(`/team/${opsId}`, as(who)), { memberId: opsId });
      expect(JSON.stringify(result.data), who).toContain("newer and lower: it counts");
    }
  });

  it("measures the skills of the member's roles against the organisation's current model and stage", async () => {
    // the lead of operations reads Olga's levels (issue 14)
    const result = await callRoute<PageData>(loader, get(`/team/${opsId}`, as("leadOps")), { memberId: opsId });
    const recommendation = recommendOrgChart(
      cast.organisation.operatingModel as "platform",
      cast.organisation.stage as "growth",
      shippedPlaybook,
    );
    const required = (roleId: string, skillId: string) =>
      recommendation.roles.find((role) => role.id === roleId)?.skills.find((skill) => skill.id === skillId)
        ?.requiredLevel;
    const bySkill = new Map(result.data.gaps!.skills.map((skill) => [skill.skillId, skill]));

    const platformRules = bySkill.get("platform_rules")!;
    expect(platformRules.required).toBe(required("operations_manager", "platform_rules"));
    expect(platformRules.assessed).toBe(1); // the latest assessment counts, though lower
    expect(platformRules.gap).toBe(platformRules.required - 1);
    expect(platformRules.history.map((h) => h.level)).toEqual([1, 4]);

    // assessed at 0 and not assessed are told apart
    expect(bySkill.get("ad_buying")).toMatchObject({ assessed: 0 });
    expect(bySkill.get("market_insight")).toMatchObject({ assessed: null, history: [] });
    // not assessed is not a gap; assessed at 0 is
    expect(bySkill.get("market_insight")!.gap).toBe(0);
    expect(bySkill.get("ad_buying")!.gap).toBe(required("operations_manager", "ad_buying"));

    // a skill both roles need is listed once, for both
    expect(bySkill.get("multi_language_culture")!.requiredBy.sort()).toEqual(["operations_manager", "product_manager"]);

    // a skill outside the member's roles keeps its history
    expect(result.data.otherAssessed).toEqual([expect.objectContaining({ skillId: "backend_dev", assessed: 2 })]);
    expect(result.data.gaps!.totalGap).toBe(result.data.gaps!.skills.reduce((sum, skill) => sum + skill.gap, 0));

    // the assess form offers the role skills first, then every other skill of the playbook
    const offered = [...result.data.assessSkills.roleSkills, ...result.data.assessSkills.otherSkills].map(
      (skill) => skill.id,
    );
    expect(offered.sort()).toEqual(shippedPlaybook.skills.map((skill) => skill.id).sort());
    expect(result.data.assessSkills.roleSkills.map((skill) => skill.id).sort()).toEqual([...bySkill.keys()].sort());
  });

  it("follows a change of the organisation's stage", async () => {
    const organisation = await db.organisation.create({
      data: { name: "Staged", slug: `staged-${Date.now()}`, operatingModel: "platform", stage: "startup" },
    });
    const hr = await db.user.create({
      data: {
        organisationId: organisation.id,
        kind: "hr",
        name: "HR",
        email: `hr-${Date.now()}@staged.example`,
        passwordHash: "x",
      },
    });
    const member = await db.member.create({
      data: {
        organisationId: organisation.id,
        name: "Grower",
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    });
    const headers = { Cookie: await cookieFor(hr.id) };
    const level = async () => {
      const result = await callRoute<PageData>(loader, get(`/team/${member.id}`, headers), { memberId: member.id });
      return result.data.gaps!.skills.find((skill) => skill.skillId === "ad_buying")!.required;
    };
    const atStartup = await level();
    await db.organisation.update({ where: { id: organisation.id }, data: { stage: "mature" } });
    expect(await level()).toBeGreaterThan(atStartup);
  });

  it("offers the assess form to those who may assess, never to the member themselves", async () => {
    const can = async (who: string) =>
      (await callRoute<PageData>(loader, get(`/team/${opsId}`, as(who)), { memberId: opsId })).data.viewer;
    expect(await can("leadOps")).toMatchObject({ canAssess: true, canWrite: false });
    expect(await can("leadSupply")).toMatchObject({ canAssess: false, canWrite: false });
    expect(await can("member")).toMatchObject({ canAssess: false, canWrite: false });
    for (const who of ["hr", "manager", "admin"])
      expect(await can(who)).toMatchObject({ canAssess: true, canWrite: true });

    const own = await db.member.create({
      data: {
        organisationId: cast.organisation.id,
        name: "Lead themselves",
        userId: cast.leadOps.id,
        department: "operations_manager",
      },
    });
    const self = await callRoute<PageData>(loader, get(`/team/${own.id}`, as("leadOps")), { memberId: own.id });
    expect(self.data.viewer).toMatchObject({ isSelf: true, canAssess: false });
  });

  it("opens the assess form on the skill a re-assessment request names, and on none for an unknown one", async () => {
    const chosen = async (query: string) =>
      (await callRoute<PageData>(loader, get(`/team/${opsId}${query}`, as("leadOps")), { memberId: opsId })).data
        .assessSkills.chosen;
    expect(await chosen("?assess=ad_buying")).toBe("ad_buying");
    expect(await chosen("?assess=backend_dev")).toBe("backend_dev");
    expect(await chosen("?assess=not_a_skill")).toBeNull();
    expect(await chosen("")).toBeNull();
  });

  it("answers 404 to another organisation and to unknown ids, and sends anonymous visitors to sign in", async () => {
    expect((await callRoute(loader, get(`/team/${opsId}`, as("otherAdmin")), { memberId: opsId })).status).toBe(404);
    expect((await callRoute(loader, get("/team/unknown", as("admin")), { memberId: "unknown" })).status).toBe(404);
    const anonymous = await callRoute(loader, get(`/team/${opsId}`), { memberId: opsId });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});
