import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { latestAssessments, listMembers } from "../../app/models/member.server";
import { deleteMember, recordAssessment, updateMember } from "../../app/models/member-write.server";
import { importAssessments } from "../../app/models/team-import.server";
import {
  forgetKeptTeams,
  keptTeam,
  keptTeamGaps,
  latestLevelRows,
  readMembers,
  revisionsOf,
  teamStateCounters,
} from "../../app/models/team-state.server";
import { db } from "../../app/utils/db.server";
import { createOrganisation } from "../utils/actors";

async function memberIn(organisationId: string, name: string, email?: string) {
  return db.member.create({
    data: {
      organisationId,
      name,
      email,
      department: "marketing",
      roles: { create: [{ roleId: "marketing", sharePercent: 100 }] },
    },
  });
}

const recommendation = recommendOrgChart("independent_site", "growth", shippedPlaybook);
const assessor = { userId: "someone-else", name: "Assessor" };
const counts = () => ({ loads: teamStateCounters.loads, gapComputations: teamStateCounters.gapComputations });

/** The latest level per member and skill as a window over the whole history computes it: the reference. */
async function byWindow(organisationId: string) {
  const rows = await latestAssessments({ organisationId });
  return rows.map((row) => `${row.memberId}/${row.skillId}=${row.level}`).sort();
}
async function byKeptTable(organisationId: string) {
  const rows = await latestLevelRows(organisationId);
  return rows.map((row) => `${row.memberId}/${row.skillId}=${row.level}`).sort();
}

describe("the kept team (decision 0017)", () => {
  beforeEach(() => forgetKeptTeams());

  it("reads the team and computes its gaps once while nothing changes", async () => {
    const org = await createOrganisation();
    const member = await memberIn(org.id, "Ann");
    await recordAssessment({
      organisationId: org.id,
      memberId: member.id,
      input: { skillId: "ad_buying", level: 2, assessedOn: new Date("2026-03-01"), note: "", assessor },
    });
    const before = counts();
    const first = await keptTeamGaps(org.id, recommendation);
    const second = await keptTeamGaps(org.id, recommendation);
    await keptTeam(org.id);
    expect(counts()).toEqual({ loads: before.loads + 1, gapComputations: before.gapComputations + 1 });
    expect(second.gaps).toBe(first.gaps);
    expect(first.team.assessments.map((a) => [a.skillId, a.level])).toEqual([["ad_buying", 2]]);
  });

  it("computes the gaps again for another recommendation, not the team", async () => {
    const org = await createOrganisation();
    await memberIn(org.id, "Ann");
    await keptTeamGaps(org.id, recommendation);
    const before = counts();
    await keptTeamGaps(org.id, recommendOrgChart("b2b", "startup", shippedPlaybook));
    expect(counts()).toEqual({ loads: before.loads, gapComputations: before.gapComputations + 1 });
  });

  it("reads the team again after an assessment, a member save, a deletion, an import and a direct batch write", async () => {
    const org = await createOrganisation();
    const ann = await memberIn(org.id, "Ann", "ann@example.com");
    const bob = await memberIn(org.id, "Bob", "bob@example.com");
    const writes: [string, () => Promise<unknown>, (team: Awaited<ReturnType<typeof keptTeam>>) => void][] = [
      [
        "an assessment",
        () =>
          recordAssessment({
            organisationId: org.id,
            memberId: ann.id,
            input: { skillId: "ad_buying", level: 3, assessedOn: new Date("2026-03-01"), note: "", assessor },
          }),
        (team) => expect(team.assessments.find((a) => a.memberId === ann.id)?.level).toBe(3),
      ],
      [
        "a member save",
        () =>
          updateMember({
            organisationId: org.id,
            memberId: bob.id,
            version: 1,
            input: {
              name: "Bob Renamed",
              email: "bob@example.com",
              title: "",
              department: "marketing",
              managerId: null,
              roles: [{ roleId: "marketing", sharePercent: 100 }],
              markets: [],
              languages: [],
              startDate: null,
              userId: null,
            },
          }),
        (team) => expect(team.members.map((m) => m.name)).toContain("Bob Renamed"),
      ],
      [
        "an import",
        () =>
          importAssessments({
            organisationId: org.id,
            records: [
              ["member_email", "skill", "level", "assessed_on", "assessor", "note"],
              ["ann@example.com", "ad_buying", "4", "2026-04-01", "", ""],
            ],
            skillIds: shippedPlaybook.skills.map((s) => s.id),
            today: "2026-12-01",
            importer: assessor,
          }),
        (team) =>
          expect(team.assessments.find((a) => a.memberId === ann.id && a.skillId === "ad_buying")?.level).toBe(4),
      ],
      [
        "a batch write that calls nothing",
        () =>
          db.skillAssessment.createMany({
            data: [
              {
                organisationId: org.id,
                memberId: ann.id,
                skillId: "ad_buying",
                level: 1,
                assessedOn: new Date("2026-05-01"),
                assessorName: "Grid",
              },
            ],
          }),
        (team) =>
          expect(team.assessments.find((a) => a.memberId === ann.id && a.skillId === "ad_buying")?.level).toBe(1),
      ],
      [
        "a deletion",
        () => deleteMember({ organisationId: org.id, memberId: bob.id }),
        (team) => expect(team.members.map((m) => m.id)).toEqual([ann.id]),
      ],
    ];
    await keptTeamGaps(org.id, recommendation);
    for (const [label, write, check] of writes) {
      const before = counts();
      const result = await write();
      if (typeof result === "object" && result !== null && "ok" in result) expect(result.ok, label).toBe(true);
      const { team } = await keptTeamGaps(org.id, recommendation);
      await keptTeamGaps(org.id, recommendation);
      expect(counts(), label).toEqual({ loads: before.loads + 1, gapComputations: before.gapComputations + 1 });
      check(team);
    }
  });

  it("reads the members exactly as listMembers does", async () => {
    const org = await createOrganisation();
    const boss = await db.member.create({
      data: {
        organisationId: org.id,
        name: "Zoe",
        email: "zoe@example.com",
        title: "CEO",
        roles: {
          create: [
            { roleId: "product_manager", sharePercent: 50 },
            { roleId: "operations_manager", sharePercent: 50 },
          ],
        },
      },
    });
    await db.member.create({
      data: {
        organisationId: org.id,
        name: "Adam",
        department: "supply_chain",
        managerId: boss.id,
        roles: { create: [{ roleId: "supply_chain", sharePercent: 100 }] },
      },
    });
    await db.member.create({ data: { organisationId: org.id, name: "Mia", department: "not_a_role" } });
    await memberIn((await createOrganisation()).id, "Elsewhere");
    expect(await readMembers(org.id)).toEqual(await listMembers({ organisationId: org.id }));
  });

  it("does not read the team again after another organisation's write", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    await memberIn(org.id, "Ann");
    await keptTeam(org.id);
    const before = counts();
    await memberIn(other.id, "Elsewhere");
    await keptTeam(org.id);
    expect(counts().loads).toBe(before.loads);
  });

  it("raises the training revision on item writes only, the team revision on team writes only", async () => {
    const org = await createOrganisation();
    const start = await revisionsOf(org.id);
    const member = await memberIn(org.id, "Ann");
    const afterMember = await revisionsOf(org.id);
    expect(afterMember.team).toBeGreaterThan(start.team);
    expect(afterMember.training).toBe(start.training);
    await db.trainingItem.create({
      data: {
        organisationId: org.id,
        memberId: member.id,
        skillId: "ad_buying",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        startDate: new Date(),
        dueDate: new Date(),
        hours: 4,
      },
    });
    const afterItem = await revisionsOf(org.id);
    expect(afterItem.training).toBe(afterMember.training + 1);
    expect(afterItem.team).toBe(afterMember.team);
  });

  it("keeps the latest level per member and skill equal to the window over the history, through inserts and deletions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            member: fc.integer({ min: 0, max: 2 }),
            skill: fc.constantFrom("ad_buying", "platform_rules"),
            level: fc.integer({ min: 0, max: 4 }),
            day: fc.integer({ min: 1, max: 4 }),
            second: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 12 },
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (rows, deletions) => {
          const org = await createOrganisation();
          const members = [await memberIn(org.id, "A"), await memberIn(org.id, "B"), await memberIn(org.id, "C")];
          const ids: string[] = [];
          for (const row of rows) {
            const created = await db.skillAssessment.create({
              data: {
                organisationId: org.id,
                memberId: members[row.member].id,
                skillId: row.skill,
                level: row.level,
                assessedOn: new Date(`2026-01-0${row.day}T00:00:00Z`),
                createdAt: new Date(`2026-02-01T00:00:0${row.second}Z`),
                assessorName: "T",
              },
            });
            ids.push(created.id);
          }
          expect(await byKeptTable(org.id)).toEqual(await byWindow(org.id));
          for (const pick of deletions) {
            if (ids.length === 0) break;
            const [id] = ids.splice(pick % ids.length, 1);
            await db.skillAssessment.delete({ where: { id } });
            expect(await byKeptTable(org.id)).toEqual(await byWindow(org.id));
          }
          await db.member.delete({ where: { id: members[0].id } });
          expect(await byKeptTable(org.id)).toEqual(await byWindow(org.id));
        },
      ),
      { numRuns: 25 },
    );
  });
});
