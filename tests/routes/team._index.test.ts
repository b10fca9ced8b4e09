import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/team._index";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Row = {
  id: string;
  name: string;
  roles: { roleId: string; percent: number }[];
  department: string | null;
  manager: { id: string; name: string } | null;
  /** null: the reader may not see this person's gaps */
  gaps: { totalGap: number; maxGap: number; bucket: string; notAssessed: number } | null;
};
type ListData = {
  rows: Row[];
  total: number;
  filters: { q: string; role: string | null; department: string | null };
  canWrite: boolean;
  removed: boolean;
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
  const organisationId = cast.organisation.id;
  const founder = await db.member.create({
    data: {
      organisationId,
      name: "Zhang Wei",
      title: "Founder",
      roles: {
        create: [
          { roleId: "product_manager", sharePercent: 50 },
          { roleId: "operations_manager", sharePercent: 50 },
        ],
      },
    },
  });
  const ops = await db.member.create({
    data: {
      organisationId,
      name: "Anna Ops",
      department: "operations_manager",
      managerId: founder.id,
      roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
    },
  });
  await db.member.create({
    data: {
      organisationId,
      name: "Bob Supply",
      department: "supply_chain",
      managerId: founder.id,
      roles: { create: [{ roleId: "supply_chain", sharePercent: 100 }] },
    },
  });
  // Anna meets every operations skill at expert level: no gap
  for (const skillId of ["platform_rules", "ad_buying", "multi_language_culture", "erp_crm_tools"]) {
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: ops.id,
        skillId,
        level: 4,
        assessedOn: new Date("2025-01-01"),
        assessorName: "HR",
      },
    });
  }
});

describe("GET /team", () => {
  it("lists every member by name with roles, shares, department, manager and gap", async () => {
    const result = await callRoute<ListData>(loader, get("/team", as("hr")));
    expect(result.status).toBe(200);
    expect(result.data.total).toBe(3);
    expect(result.data.rows.map((row) => row.name)).toEqual(["Anna Ops", "Bob Supply", "Zhang Wei"]);
    const [anna, bob, zhang] = result.data.rows;
    expect(zhang.roles).toEqual([
      { roleId: "operations_manager", percent: 50 },
      { roleId: "product_manager", percent: 50 },
    ]);
    expect(anna.manager?.name).toBe("Zhang Wei");
    expect(anna).toMatchObject({
      department: "operations_manager",
      gaps: { totalGap: 0, bucket: "none", notAssessed: 0 },
    });
    // nobody assessed Bob: no gap is known; every required skill is "not assessed", and says so
    expect(bob.gaps!.totalGap).toBe(0);
    expect(bob.gaps!.bucket).toBe("unassessed");
    expect(bob.gaps!.notAssessed).toBeGreaterThan(0);
  });

  it("lists everyone to everyone, with gaps only where the reader may read them (issue 14)", async () => {
    const gapsOf = async (who: string) =>
      Object.fromEntries(
        (await callRoute<ListData>(loader, get("/team", as(who)))).data.rows.map((row) => [
          row.name,
          row.gaps !== null,
        ]),
      );
    expect(await gapsOf("member")).toEqual({ "Anna Ops": false, "Bob Supply": false, "Zhang Wei": false });
    // Zhang Wei holds an operations role: the lead of operations reads him too
    expect(await gapsOf("leadOps")).toEqual({ "Anna Ops": true, "Bob Supply": false, "Zhang Wei": true });
    expect(await gapsOf("leadSupply")).toEqual({ "Anna Ops": false, "Bob Supply": true, "Zhang Wei": false });
    expect(await gapsOf("manager")).toEqual({ "Anna Ops": true, "Bob Supply": true, "Zhang Wei": true });
  });

  it("searches by name and filters by role and department from the address", async () => {
    const names = async (query: string) =>
      (await callRoute<ListData>(loader, get(`/team?${query}`, as("member")))).data.rows.map((row) => row.name);
    expect(await names("q=anna")).toEqual(["Anna Ops"]);
    expect(await names("q=%20WEI%20")).toEqual(["Zhang Wei"]);
    expect(await names("role=operations_manager")).toEqual(["Anna Ops", "Zhang Wei"]);
    expect(await names("department=supply_chain")).toEqual(["Bob Supply"]);
    expect(await names("department=none")).toEqual(["Zhang Wei"]);
    expect(await names("role=operations_manager&department=operations_manager")).toEqual(["Anna Ops"]);
    expect(await names("q=nobody")).toEqual([]);
    // an unknown filter value filters nothing
    const unknown = await callRoute<ListData>(loader, get("/team?role=ceo&department=%3Cscript%3E", as("member")));
    expect(unknown.data.filters).toEqual({ q: "", role: null, department: null });
    expect(unknown.data.rows).toHaveLength(3);
  });

  it("offers adding members only to HR, managers and admins", async () => {
    for (const who of ["hr", "manager", "admin"])
      expect((await callRoute<ListData>(loader, get("/team", as(who)))).data.canWrite, who).toBe(true);
    for (const who of ["member", "leadOps", "leadSupply"])
      expect((await callRoute<ListData>(loader, get("/team", as(who)))).data.canWrite, who).toBe(false);
  });

  it("shows another organisation only its own (empty) team, and sends anonymous visitors to sign in", async () => {
    const other = await callRoute<ListData>(loader, get("/team", as("otherAdmin")));
    expect(other.status).toBe(200);
    expect(other.data).toMatchObject({ total: 0, rows: [], canWrite: true });
    const anonymous = await callRoute(loader, get("/team?q=x"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fteam%3Fq%3Dx");
  });

  it("confirms a removal", async () => {
    expect((await callRoute<ListData>(loader, get("/team?done=removed", as("hr")))).data.removed).toBe(true);
  });
});

describe("GET /team with a large team (issue 15)", () => {
  it("answers one page of 100 rows, in name order, with the filters kept across pages", async () => {
    const big = await createCast();
    const hrCookie = await cookieFor(big.hr.id);
    const names = Array.from({ length: 250 }, (_, i) => `Person ${String(i).padStart(3, "0")}`);
    await db.member.createMany({
      data: names.map((name, i) => ({
        organisationId: big.organisation.id,
        name,
        department: i % 2 === 0 ? "marketing" : "supply_chain",
      })),
    });
    type Paged = ListData & { matching: number; page: number; pages: number };
    const first = await callRoute<Paged>(loader, get("/team", { Cookie: hrCookie }));
    expect(first.data).toMatchObject({ total: 250, matching: 250, page: 1, pages: 3 });
    expect(first.data.rows.map((row) => row.name)).toEqual(names.slice(0, 100));
    const third = await callRoute<Paged>(loader, get("/team?page=3", { Cookie: hrCookie }));
    expect(third.data.rows.map((row) => row.name)).toEqual(names.slice(200));
    // past the end: the last page; not a number: the first
    expect((await callRoute<Paged>(loader, get("/team?page=99", { Cookie: hrCookie }))).data.page).toBe(3);
    expect((await callRoute<Paged>(loader, get("/team?page=abc", { Cookie: hrCookie }))).data.page).toBe(1);
    const filtered = await callRoute<Paged>(loader, get("/team?department=marketing&page=2", { Cookie: hrCookie }));
    expect(filtered.data).toMatchObject({ matching: 125, page: 2, pages: 2 });
    expect(filtered.data.rows.map((row) => row.name)).toEqual(names.filter((_, i) => i % 2 === 0).slice(100));
  });
});
