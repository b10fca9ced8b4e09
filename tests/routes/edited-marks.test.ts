/**
 * "Edited" marks through the loaders (issue 13): once an admin's version
 * raises a required level and a headcount, the gaps page and the signed-in
 * planner mark exactly those numbers, name the version, and send no mark for
 * anything else; the anonymous planner and another organisation send none.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import type { Playbook } from "../../app/domain/types";
import { savePlaybook } from "../../app/models/playbook.server";
import { loader as plannerLoader } from "../../app/routes/planner";
import { loader as gapsLoader } from "../../app/routes/team.gaps";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
let cast: Cast;
const cookie: Record<string, string> = {};

type GapsData = {
  playbookVersion: number;
  roles: {
    roleId: string;
    headcountEdited: boolean;
    skills: { id: string; requiredEdited: boolean }[];
  }[];
};
type PlannerData = {
  edited: { version: number; roles: Record<string, { headcount: boolean; levels: string[] }> } | null;
};

const gaps = (who: string) => callRoute<GapsData>(gapsLoader, get("/team/gaps?lang=en", { Cookie: cookie[who] }));
const planner = (who: string | null) =>
  callRoute<PlannerData>(
    plannerLoader,
    get("/planner?model=platform&stage=growth&lang=en", who ? { Cookie: cookie[who] } : {}),
  );

/** operations manager: ad buying one level up at growth and mature, one more person at growth and mature (platform) */
function editedPlaybook(): Playbook {
  const p = structuredClone(shippedPlaybook);
  const ops = p.roles.find((r) => r.id === "operations_manager")!;
  const adBuying = ops.skills.find((s) => s.skillId === "ad_buying")!;
  adBuying.levels.growth = 4;
  adBuying.levels.mature = 4;
  const table = ops.headcountByModel.platform ?? ops.headcount;
  table.growth = { min: table.growth.min, max: table.growth.max + 1 };
  table.mature = { min: table.mature.min, max: Math.max(table.mature.max, table.growth.max) + 1 };
  return p;
}

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "member", "otherAdmin"] as const) cookie[name] = await cookieFor(cast[name].id);
  await db.member.create({
    data: {
      organisationId: cast.organisation.id,
      name: "Olu Ops",
      department: "operations_manager",
      roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
    },
  });
});

describe("edited marks on the gaps page and the planner", () => {
  it("marks nothing while the organisation uses the shipped playbook", async () => {
    const page = await gaps("admin");
    expect(page.data.playbookVersion).toBe(0);
    expect(page.data.roles.some((r) => r.headcountEdited || r.skills.some((s) => s.requiredEdited))).toBe(false);
    expect((await planner("member")).data.edited).toBeNull();
  });

  it("marks the edited headcount and required level, naming the version, and nothing else", async () => {
    const saved = await savePlaybook({
      organisationId: cast.organisation.id,
      version: 0,
      next: editedPlaybook(),
      summary: "Ads at 4, one more operator",
      author: { userId: cast.admin.id, name: "Admin" },
    });
    expect(saved).toEqual({ ok: true, version: 1 });

    const page = await gaps("member");
    expect(page.status).toBe(200);
    expect(page.data.playbookVersion).toBe(1);
    const marked = page.data.roles.filter((r) => r.headcountEdited).map((r) => r.roleId);
    expect(marked).toEqual(["operations_manager"]);
    const levels = page.data.roles.flatMap((r) =>
      r.skills.filter((s) => s.requiredEdited).map((s) => `${r.roleId}.${s.id}`),
    );
    expect(levels).toEqual(["operations_manager.ad_buying"]);

    const plan = await planner("member");
    expect(plan.data.edited).toEqual({
      version: 1,
      roles: { operations_manager: { headcount: true, levels: ["ad_buying"] } },
    });
    // at startup the page reads numbers the version did not change: no mark
    const startup = await callRoute<PlannerData>(
      plannerLoader,
      get("/planner?model=platform&stage=startup&lang=en", { Cookie: cookie.member }),
    );
    expect(startup.data.edited).toEqual({ version: 1, roles: {} });
  });

  it("sends no marks to an anonymous visitor or another organisation", async () => {
    expect((await planner(null)).data.edited).toBeNull();
    expect((await planner("otherAdmin")).data.edited).toBeNull();
  });
});
