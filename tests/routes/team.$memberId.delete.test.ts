import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/team.$memberId.delete";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LoaderData = {
  member: { name: string; linked: boolean };
  assessments: number;
  reports: { id: string; name: string }[];
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
});

/** A manager with two reports and two assessments. */
async function smallTeam(name: string) {
  const organisationId = cast.organisation.id;
  const boss = await db.member.create({
    data: { organisationId, name, roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] } },
  });
  const reports = await Promise.all(
    ["Report 1", "Report 2"].map((reportName) =>
      db.member.create({ data: { organisationId, name: `${name} ${reportName}`, managerId: boss.id } }),
    ),
  );
  for (const level of [1, 3]) {
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: boss.id,
        skillId: "platform_rules",
        level,
        assessedOn: new Date("2025-02-01"),
        assessorName: "HR",
      },
    });
  }
  return { boss, reports };
}

describe("GET /team/:memberId/delete", () => {
  it("says what goes: the assessments, and who loses their manager", async () => {
    const { boss, reports } = await smallTeam("Leaving");
    const result = await callRoute<LoaderData>(loader, get(`/team/${boss.id}/delete`, as("hr")), { memberId: boss.id });
    expect(result.status).toBe(200);
    expect(result.data.assessments).toBe(2);
    expect(result.data.reports.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    expect(result.data.member).toEqual({ id: boss.id, name: "Leaving", linked: false });
  });

  it("answers 403 to members and leads, 404 to another organisation", async () => {
    const { boss } = await smallTeam("Guarded");
    for (const who of ["member", "leadOps"]) {
      expect((await callRoute(loader, get(`/team/${boss.id}/delete`, as(who)), { memberId: boss.id })).status).toBe(
        403,
      );
    }
    expect(
      (await callRoute(loader, get(`/team/${boss.id}/delete`, as("otherAdmin")), { memberId: boss.id })).status,
    ).toBe(404);
  });
});

describe("POST /team/:memberId/delete", () => {
  it("removes the member with roles and assessments; the reports stay, without a manager", async () => {
    const { boss, reports } = await smallTeam("Gone");
    const result = await callRoute(action, post(`/team/${boss.id}/delete`, { confirm: "yes" }, as("admin")), {
      memberId: boss.id,
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/team?done=removed");
    expect(await db.member.findUnique({ where: { id: boss.id } })).toBeNull();
    expect(await db.memberRole.count({ where: { memberId: boss.id } })).toBe(0);
    expect(await db.skillAssessment.count({ where: { memberId: boss.id } })).toBe(0);
    const left = await db.member.findMany({ where: { id: { in: reports.map((r) => r.id) } } });
    expect(left.map((r) => r.managerId)).toEqual([null, null]);
  });

  it("removes nothing without the confirmation, for another organisation, or for members and leads", async () => {
    const { boss } = await smallTeam("Staying");
    const unconfirmed = await callRoute(action, post(`/team/${boss.id}/delete`, {}, as("hr")), { memberId: boss.id });
    expect(unconfirmed.status).toBe(400);
    expect(
      (
        await callRoute(action, post(`/team/${boss.id}/delete`, { confirm: "yes" }, as("otherAdmin")), {
          memberId: boss.id,
        })
      ).status,
    ).toBe(404);
    for (const who of ["member", "leadOps"]) {
      expect(
        (await callRoute(action, post(`/team/${boss.id}/delete`, { confirm: "yes" }, as(who)), { memberId: boss.id }))
          .status,
      ).toBe(403);
    }
    expect(await db.member.findUnique({ where: { id: boss.id } })).not.toBeNull();
    expect(await db.skillAssessment.count({ where: { memberId: boss.id } })).toBe(2);
  });
});
