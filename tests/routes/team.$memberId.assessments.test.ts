import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/team.$memberId.assessments";
import { loader as memberPage } from "../../app/routes/team.$memberId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Reply = { lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } };

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
let opsId: string;
let supplyId: string;

const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
  const organisationId = cast.organisation.id;
  // sits in product but holds an operations role: the operations lead may assess them
  opsId = (
    await db.member.create({
      data: {
        organisationId,
        name: "Parttime Ops",
        department: "product_manager",
        roles: { create: [{ roleId: "operations_manager", sharePercent: 50 }] },
      },
    })
  ).id;
  supplyId = (await db.member.create({ data: { organisationId, name: "Supply", department: "supply_chain" } })).id;
});

const assessment = (overrides: Record<string, string> = {}) => ({
  skillId: "platform_rules",
  level: "2",
  assessedOn: "2025-04-01",
  note: "Runs the account well",
  ...overrides,
});
const count = (memberId: string) => db.skillAssessment.count({ where: { memberId } });

describe("POST /team/:memberId/assessments", () => {
  it("records the assessment with the signed-in assessor and keeps every earlier one", async () => {
    const first = await callRoute(action, post(`/team/${opsId}/assessments`, assessment(), as("leadOps")), {
      memberId: opsId,
    });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/team/${opsId}?done=assessed#skill-platform_rules`);
    const second = await callRoute(
      action,
      post(`/team/${opsId}/assessments`, assessment({ level: "3", assessedOn: today, note: "" }), as("hr")),
      { memberId: opsId },
    );
    expect(second.status).toBe(302);

    const rows = await db.skillAssessment.findMany({ where: { memberId: opsId }, orderBy: { assessedOn: "asc" } });
    expect(rows.map((row) => [row.level, row.assessorUserId, row.assessorName, row.note])).toEqual([
      [2, cast.leadOps.id, cast.leadOps.name, "Runs the account well"],
      [3, cast.hr.id, cast.hr.name, ""],
    ]);
    const page = await callRoute<{
      gaps: { skills: { skillId: string; assessed: number | null; history: unknown[] }[] };
    }>(memberPage, get(`/team/${opsId}`, as("hr")), { memberId: opsId });
    expect(page.data.gaps.skills.find((skill) => skill.skillId === "platform_rules")).toMatchObject({
      assessed: 3,
      history: [{}, {}],
    });
  });

  it("lets HR, managers, admins and the lead of the member's departments assess; nobody else", async () => {
    for (const who of ["admin", "manager", "hr", "leadOps"]) {
      expect(
        (await callRoute(action, post(`/team/${opsId}/assessments`, assessment(), as(who)), { memberId: opsId }))
          .status,
        who,
      ).toBe(302);
    }
    const before = await count(opsId);
    for (const who of ["leadSupply", "member"]) {
      expect(
        (await callRoute(action, post(`/team/${opsId}/assessments`, assessment(), as(who)), { memberId: opsId }))
          .status,
        who,
      ).toBe(403);
    }
    expect(
      (
        await callRoute(action, post(`/team/${supplyId}/assessments`, assessment(), as("leadOps")), {
          memberId: supplyId,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(action, post(`/team/${supplyId}/assessments`, assessment(), as("leadSupply")), {
          memberId: supplyId,
        })
      ).status,
    ).toBe(302);
    expect(
      (await callRoute(action, post(`/team/${opsId}/assessments`, assessment(), as("otherAdmin")), { memberId: opsId }))
        .status,
    ).toBe(404);
    const anonymous = await callRoute(action, post(`/team/${opsId}/assessments`, assessment()), { memberId: opsId });
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(await count(opsId)).toBe(before);
  });

  it("does not let anyone assess themselves", async () => {
    const own = await db.member.create({
      data: { organisationId: cast.organisation.id, name: "HR person", userId: cast.hr.id },
    });
    const result = await callRoute(action, post(`/team/${own.id}/assessments`, assessment(), as("hr")), {
      memberId: own.id,
    });
    expect(result.status).toBe(403);
    expect(await count(own.id)).toBe(0);
  });

  it("answers 400 per field for an unknown skill, a level outside 0–4, a future date and a long note", async () => {
    const before = await count(opsId);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ skillId: "juggling" }, { skillId: ["members.errors.skillId.unknown"] }],
      [{ level: "5" }, { level: ["members.errors.level.invalid"] }],
      [{ level: "" }, { level: ["members.errors.level.required"] }],
      [{ level: "2.0" }, { level: ["members.errors.level.invalid"] }],
      [{ assessedOn: inAWeek }, { assessedOn: ["members.errors.assessedOn.future"] }],
      [{ assessedOn: "2025-13-01" }, { assessedOn: ["members.errors.assessedOn.invalid"] }],
      [{ note: "x".repeat(2001) }, { note: ["members.errors.note.tooLong"] }],
      [{ note: "nul\u0000" }, { note: ["members.errors.note.invalid"] }],
    ];
    for (const [overrides, errors] of cases) {
      const result = await callRoute<Reply>(
        action,
        post(`/team/${opsId}/assessments`, assessment(overrides), as("hr")),
        { memberId: opsId },
      );
      expect(result.status, JSON.stringify(overrides).slice(0, 60)).toBe(400);
      expect(result.data.lastResult.error).toEqual(errors);
    }
    expect(await count(opsId)).toBe(before);
  });

  it("accepts a note of exactly 2,000 characters, with line breaks", async () => {
    const note = `${"a".repeat(1000)}\n${"b".repeat(999)}`;
    const result = await callRoute(action, post(`/team/${opsId}/assessments`, assessment({ note }), as("hr")), {
      memberId: opsId,
    });
    expect(result.status).toBe(302);
  });
});

describe("GET /team/:memberId/assessments", () => {
  it("is the member page (whose loader checks and loads), so a refused assessment can be shown in place", async () => {
    const result = await callRoute(loader, get(`/team/${opsId}/assessments`, as("hr")), { memberId: opsId });
    expect(result.status).toBe(200);
    const anonymous = await callRoute(loader, get(`/team/${opsId}/assessments`), { memberId: opsId });
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(
      (await callRoute(loader, get(`/team/${opsId}/assessments`, as("otherAdmin")), { memberId: opsId })).status,
    ).toBe(404);
    expect((await callRoute(loader, get("/team/nobody/assessments", as("hr")), { memberId: "nobody" })).status).toBe(
      404,
    );
  });
});
