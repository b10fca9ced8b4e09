/**
 * Each reader's view of the kept team (decision 0017's addendum): the same as
 * filtering per request, computed once per reader and team revision; a page
 * request with nothing written recomputes nothing and compiles no query plan.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import type { Actor } from "../../app/domain/permissions";
import type { RoleId } from "../../app/domain/types";
import { visibleTeamGaps } from "../../app/domain/visibility";
import { recordAssessment } from "../../app/models/member-write.server";
import {
  forgetKeptTeams,
  keptDerived,
  keptTeamGaps,
  keptTeamView,
  teamStateCounters,
} from "../../app/models/team-state.server";
import { loader as heatmapLoader } from "../../app/routes/team.heatmap";
import { db, queryPlanStats } from "../../app/utils/db.server";
import { parseDepartments } from "../../app/utils/auth.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
const recommendation = recommendOrgChart("platform", "growth", shippedPlaybook);
const assessor = { userId: "someone-else", name: "Assessor" };

const actorOf = (user: { id: string; organisationId: string; kind: string; departments: string }): Actor => ({
  userId: user.id,
  organisationId: user.organisationId,
  kind: user.kind as Actor["kind"],
  departments: parseDepartments(user.departments),
});

describe("a reader's view of the kept team", () => {
  let cast: Cast;
  let firstMemberId: string;
  beforeAll(async () => {
    cast = await createCast();
    const departments: RoleId[] = ["operations_manager", "supply_chain", "marketing", "tech_dev"];
    for (let i = 0; i < 12; i++) {
      const department = departments[i % departments.length];
      const member = await db.member.create({
        data: {
          organisationId: cast.organisation.id,
          name: `Person ${i}`,
          department,
          // the member user is one of them: their own row is theirs to read
          userId: i === 5 ? cast.member.id : null,
          roles: { create: [{ roleId: department, sharePercent: 100 }] },
        },
      });
      firstMemberId ??= member.id;
      if (i % 3 !== 0)
        await recordAssessment({
          organisationId: cast.organisation.id,
          memberId: member.id,
          input: {
            skillId: "platform_rules",
            level: (i % 5) as 0 | 1 | 2 | 3 | 4,
            assessedOn: new Date("2026-03-01"),
            note: "",
            assessor,
          },
        });
    }
  });
  beforeEach(() => forgetKeptTeams());

  it("equals the per-request filter for every kind of reader, and is filtered once per reader", async () => {
    const org = cast.organisation.id;
    const { team, gaps } = await keptTeamGaps(org, recommendation);
    for (const user of [cast.admin, cast.manager, cast.hr, cast.leadOps, cast.leadSupply, cast.member]) {
      const actor = actorOf(user);
      const before = teamStateCounters.viewComputations;
      const first = await keptTeamView(actor, org, recommendation);
      expect(first.visible, user.kind).toEqual(visibleTeamGaps(actor, org, team.members, gaps));
      const second = await keptTeamView(actor, org, recommendation);
      expect(second.visible).toBe(first.visible);
      expect(teamStateCounters.viewComputations - before).toBe(1);
    }
    // the lead of operations and the member see fewer rows than HR: the views are not shared between readers
    const hr = await keptTeamView(actorOf(cast.hr), org, recommendation);
    const lead = await keptTeamView(actorOf(cast.leadOps), org, recommendation);
    const member = await keptTeamView(actorOf(cast.member), org, recommendation);
    expect(hr.visible.heatmap.rows).toHaveLength(12);
    expect(lead.visible.heatmap.rows.length).toBeLessThan(12);
    expect(member.visible.heatmap.rows.map((row) => row.name)).toEqual(["Person 5"]);
  });

  it("keeps a derived result per view and key, and forgets it with the view after a write", async () => {
    const org = cast.organisation.id;
    const actor = actorOf(cast.hr);
    const { visible } = await keptTeamView(actor, org, recommendation);
    let computed = 0;
    const names = () => keptDerived(visible, "names", () => (computed++, visible.heatmap.rows.map((r) => r.name)));
    expect(names()).toBe(names());
    expect(computed).toBe(1);
    await recordAssessment({
      organisationId: org,
      memberId: firstMemberId,
      input: { skillId: "platform_rules", level: 4, assessedOn: new Date("2026-04-01"), note: "", assessor },
    });
    const after = await keptTeamView(actor, org, recommendation);
    expect(after.visible).not.toBe(visible);
    keptDerived(after.visible, "names", () => (computed++, after.visible.heatmap.rows.map((r) => r.name)));
    expect(computed).toBe(2);
  });

  it("a second heat-map request with nothing written reads, computes and compiles nothing again", async () => {
    const cookie = await cookieFor(cast.hr.id);
    const request = () => callRoute(heatmapLoader, get("/team/heatmap?lang=en&sort=name", { Cookie: cookie }));
    const snapshot = () => ({ ...teamStateCounters, plansCompiled: queryPlanStats.compiled });
    expect((await request()).status).toBe(200);
    const before = snapshot();
    const keptPlans = queryPlanStats.kept;
    expect((await request()).status).toBe(200);
    expect(snapshot()).toEqual(before);
    // the queries it did make (the session, the revision, the playbook, the profile) took their kept plans
    expect(queryPlanStats.kept).toBeGreaterThan(keptPlans);

    // a write: the team is read again and the view and its rows computed once more
    await recordAssessment({
      organisationId: cast.organisation.id,
      memberId: firstMemberId,
      input: { skillId: "platform_rules", level: 1, assessedOn: new Date("2026-05-01"), note: "", assessor },
    });
    expect((await request()).status).toBe(200);
    const after = snapshot();
    expect(after.loads - before.loads).toBe(1);
    expect(after.viewComputations - before.viewComputations).toBe(1);
    expect(after.derivedComputations - before.derivedComputations).toBe(1);
  });
});
