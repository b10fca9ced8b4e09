/**
 * The home page of a large organisation (issue 16's bench at 5,000 members):
 * more members with a gap and no plan, and more re-assessments waiting, than
 * SQLite binds in one statement (999). HR's home page answered 500 there when
 * it looked the members up by a list of their ids.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/home";
import { db } from "../../app/utils/db.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Home = Awaited<ReturnType<typeof loader>>;
/** Members in each of two departments: half with a completed item waiting for its re-assessment, half with no plan. */
const PER_DEPARTMENT = 1100;
const cookie: Record<string, string> = {};

const visit = async (who: string) =>
  callRoute<Home>(loader, get("/home", { Cookie: cookie[who], "Accept-Language": "en" }));
const section = (home: Home, kind: string) => home.sections.find((entry) => entry.kind === kind);

beforeAll(async () => {
  const organisation = await createOrganisation({ operatingModel: "platform", stage: "growth" });
  const organisationId = organisation.id;
  const [hr, lead] = await Promise.all([
    createUser({ organisationId, kind: "hr" }),
    createUser({ organisationId, kind: "lead", departments: ["supply_chain"] }),
  ]);
  cookie.hr = await cookieFor(hr.id);
  cookie.lead = await cookieFor(lead.id);
  const departments = [
    { roleId: "supply_chain", skillId: "supply_chain_management" },
    { roleId: "operations_manager", skillId: "ad_buying" },
  ] as const;
  const members = departments.flatMap(({ roleId, skillId }) =>
    Array.from({ length: PER_DEPARTMENT }, (_, i) => ({
      id: `large-${roleId}-${i}`,
      name: `${roleId} ${String(i).padStart(4, "0")}`,
      roleId,
      skillId,
      waiting: i % 2 === 0,
    })),
  );
  await db.member.createMany({
    data: members.map(({ id, name, roleId }) => ({ id, organisationId, name, department: roleId })),
  });
  await db.memberRole.createMany({
    data: members.map(({ id, roleId }) => ({ memberId: id, roleId, sharePercent: 100 })),
  });
  const assessedOn = new Date("2026-01-10");
  await db.skillAssessment.createMany({
    data: members.map(({ id, skillId }) => ({
      organisationId,
      memberId: id,
      skillId,
      level: 0,
      assessedOn,
      createdAt: assessedOn,
      assessorName: "Seed",
    })),
  });
  const requested = new Date(Date.now() - 86_400_000);
  await db.trainingItem.createMany({
    data: members
      .filter((member) => member.waiting)
      .map(({ id, skillId }) => ({
        organisationId,
        memberId: id,
        skillId,
        fromLevel: 0,
        targetLevel: 3,
        kind: "course",
        status: "completed",
        completedAt: requested,
        levelBefore: 0,
        reassessmentRequestedAt: requested,
      })),
  });
}, 60_000);

describe("GET /home in an organisation of 2,200 members", () => {
  it("lists for HR all 1,100 re-assessments waiting and all 1,100 members with a gap and no plan", async () => {
    const { status, data } = await visit("hr");
    expect(status).toBe(200);
    expect(section(data, "reassessment_to_do")?.total).toBe(PER_DEPARTMENT);
    expect(section(data, "member_without_plan")?.total).toBe(PER_DEPARTMENT);
  });

  it("gives the lead of supply chain only the members of their department", async () => {
    const { status, data } = await visit("lead");
    expect(status).toBe(200);
    expect(section(data, "reassessment_to_do")?.total).toBe(PER_DEPARTMENT / 2);
    expect(section(data, "member_without_plan")?.total).toBe(PER_DEPARTMENT / 2);
    const names = data.sections.flatMap((entry) => entry.steps.map((step) => step.memberName));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name?.startsWith("supply_chain "))).toBe(true);
  });
});
