/**
 * The organisation's playbook through its routes (issue 13): an edited
 * required level flows into the member page and the heat map; versions,
 * diff and revert; who may edit; a stale save; a save that breaks the
 * playbook's rules; import and export; the read path's cache.
 */
import { decodeHeatmapCell, type HeatmapCellCode } from "../../app/domain/gaps";
import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { roleEditOf } from "../../app/domain/playbook-edit";
import type { Playbook } from "../../app/domain/types";
import {
  playbookCacheStats,
  playbookForOrganisation,
  playbookStateForOrganisation,
} from "../../app/models/playbook.server";
import { action as overviewAction, loader as overviewLoader } from "../../app/routes/playbook._index";
import { loader as exportLoader } from "../../app/routes/playbook.export";
import { action as roleAction, loader as roleLoader } from "../../app/routes/playbook.roles.$roleId";
import { action as skillsAction, loader as skillsLoader } from "../../app/routes/playbook.skills";
import { action as importAction } from "../../app/routes/playbook.transfer";
import { action as versionAction, loader as versionLoader } from "../../app/routes/playbook.versions.$number";
import { loader as heatmapLoader } from "../../app/routes/team.heatmap";
import { loader as apiLoader } from "../../app/routes/api.v1.recommendation";
import { createApiToken } from "../../app/models/api-token.server";
import { loader as memberLoader } from "../../app/routes/team.$memberId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { roleForm, postRole as postRoleAs } from "../utils/playbook-form";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
let liuId: string;

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  liuId = (
    await db.member.create({
      data: {
        organisationId,
        name: "Liu Ops",
        department: "operations_manager",
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    })
  ).id;
  await db.skillAssessment.create({
    data: {
      organisationId,
      memberId: liuId,
      skillId: "ad_buying",
      level: 1,
      assessedOn: new Date("2026-01-10"),
      assessorName: "Seed",
    },
  });
});

/** appliesTo is a repeated field: post it as such. */
const postRole = (path: string, form: Record<string, string>, appliesTo: readonly string[], who: string) =>
  postRoleAs(path, form, appliesTo, cookie[who]);
const opsApplies = shippedPlaybook.roles.find((r) => r.id === "operations_manager")!.appliesTo;
const adBuyingRow = roleEditOf(shippedPlaybook, "operations_manager")!.skills.findIndex(
  (s) => s.skillId === "ad_buying",
);
const versionCount = () => db.playbookVersion.count({ where: { organisationId: cast.organisation.id } });

type Gaps = { gaps: { skills: { skillId: string; required: number; gap: number }[] } | null };
type Heat = {
  columns: { skillId: string }[];
  rows: { name: string; cells: HeatmapCellCode[] }[];
};
async function adBuyingGap() {
  const member = await callRoute<Gaps>(memberLoader, get(`/team/${liuId}?lang=en`, as("admin")), { memberId: liuId });
  const heat = await callRoute<Heat>(heatmapLoader, get("/team/heatmap?lang=en", as("admin")));
  const column = heat.data.columns.findIndex((c) => c.skillId === "ad_buying");
  const cell = decodeHeatmapCell(heat.data.rows.find((r) => r.name === "Liu Ops")!.cells[column]);
  return { member: member.data.gaps!.skills.find((s) => s.skillId === "ad_buying")!, heat: cell! };
}

describe("the read path", () => {
  it("gives anonymous readers and organisations without edits the shipped playbook, the same object", async () => {
    expect(await playbookForOrganisation(null)).toBe(shippedPlaybook);
    expect(await playbookForOrganisation(cast.other.id)).toBe(shippedPlaybook);
  });

  it("shows everyone the playbook; only an admin may edit it until managers are allowed", async () => {
    const page = await callRoute<{ version: number; viewer: { canEdit: boolean } }>(
      overviewLoader,
      get("/playbook", as("member")),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ version: 0, viewer: { canEdit: false } });
    const form = roleForm(shippedPlaybook, "operations_manager", 0);
    for (const who of ["manager", "hr", "leadOps", "member"]) {
      expect(
        (
          await callRoute(roleAction, postRole("/playbook/roles/operations_manager", form, opsApplies, who), {
            roleId: "operations_manager",
          })
        ).status,
        who,
      ).toBe(403);
    }
    expect(await versionCount()).toBe(0);
  });
});

describe("an admin raises a required level", () => {
  it("refuses a save that breaks a rule, with the path, and writes nothing", async () => {
    const form = roleForm(shippedPlaybook, "operations_manager", 0, {
      [`skills[${adBuyingRow}].levels.growth`]: "4",
      [`skills[${adBuyingRow}].levels.mature`]: "3",
    });
    const result = await callRoute<{ problems: string[]; lastResult: { error: Record<string, string[]> } }>(
      roleAction,
      postRole("/playbook/roles/operations_manager", form, opsApplies, "admin"),
      { roleId: "operations_manager" },
    );
    expect(result.status).toBe(400);
    expect(result.data.problems).toContain(
      "roles.operations_manager.skills.ad_buying: level shrinks from growth (4) to mature (3)",
    );
    // shown on that skill's row too
    expect(result.data.lastResult.error[`skills[${adBuyingRow}].skillId`]).toEqual(["playbook.errors.invariant"]);
    expect(await versionCount()).toBe(0);
  });

  it("writes nothing on a validation request", async () => {
    const form = {
      ...roleForm(shippedPlaybook, "operations_manager", 0, { [`skills[${adBuyingRow}].levels.growth`]: "4" }),
      __intent__: JSON.stringify({ type: "validate", payload: { name: "summary" } }),
    };
    const result = await callRoute(
      roleAction,
      postRole("/playbook/roles/operations_manager", form, opsApplies, "admin"),
      { roleId: "operations_manager" },
    );
    expect(result.status).not.toBe(302);
    expect(await versionCount()).toBe(0);
  });

  it("saves a version, and the gap grows on the member page and the heat map", async () => {
    const before = await adBuyingGap();
    expect(before.member).toMatchObject({ required: 3, gap: 2 });
    expect(before.heat).toMatchObject({ required: 3, gap: 2 });

    const form = roleForm(shippedPlaybook, "operations_manager", 0, {
      [`skills[${adBuyingRow}].levels.growth`]: "4",
      summary: "Ad buying at 4 from growth",
    });
    const saved = await callRoute(
      roleAction,
      postRole("/playbook/roles/operations_manager", form, opsApplies, "admin"),
      { roleId: "operations_manager" },
    );
    expect(saved.status).toBe(302);
    expect(await versionCount()).toBe(1);

    const after = await adBuyingGap();
    expect(after.member).toMatchObject({ required: 4, gap: 3 });
    expect(after.heat).toMatchObject({ required: 4, gap: 3 });

    const page = await callRoute<{
      role: { skills: { skillId: string }[] };
      editedFields: { skills: Record<string, Record<string, boolean>> };
    }>(roleLoader, get("/playbook/roles/operations_manager", as("member")), { roleId: "operations_manager" });
    expect(page.data.editedFields.skills.ad_buying).toEqual({ startup: false, growth: true, mature: false });
  });

  it("answers the API with the edited level for a session or the organisation's token, the shipped one without", async () => {
    type Api = { roles: { id: string; skills: { id: string; requiredLevel: number }[] }[] };
    const level = (answer: Api) =>
      answer.roles.find((r) => r.id === "operations_manager")!.skills.find((s) => s.id === "ad_buying")!.requiredLevel;
    const url = "/api/v1/recommendation?model=platform&stage=growth&lang=en";
    const token = await createApiToken({
      organisationId: cast.organisation.id,
      createdById: cast.admin.id,
      name: "BI",
      ipAddress: null,
    });
    expect(level((await callRoute<Api>(apiLoader, get(url, { Authorization: `Bearer ${token.token}` }))).data)).toBe(4);
    expect(level((await callRoute<Api>(apiLoader, get(url, as("member")))).data)).toBe(4);
    expect(level((await callRoute<Api>(apiLoader, get(url))).data)).toBe(3);
    expect(level((await callRoute<Api>(apiLoader, get(url, as("otherAdmin")))).data)).toBe(3);
  });

  it("refuses a second save from the stale version with what changed, and writes nothing", async () => {
    const form = roleForm(shippedPlaybook, "operations_manager", 0, { "headcount.mature.max": "9" });
    const result = await callRoute<{ conflict: { field: string; theirs: string; yours: string }[]; version: number }>(
      roleAction,
      postRole("/playbook/roles/operations_manager", form, opsApplies, "admin"),
      { roleId: "operations_manager" },
    );
    expect(result.status).toBe(409);
    expect(result.data.version).toBe(1);
    expect(result.data.conflict).toContainEqual({
      field: "roles.operations_manager.skills.ad_buying.levels.growth",
      theirs: "4",
      yours: "3",
    });
    expect(await versionCount()).toBe(1);
  });

  it("lists the version with its diff against the previous and the shipped playbook; a revert restores the gap", async () => {
    const list = await callRoute<{ versions: { number: number; summary: string }[] }>(
      overviewLoader,
      get("/playbook", as("member")),
    );
    expect(list.data.versions).toMatchObject([{ number: 1, summary: "Ad buying at 4 from growth" }]);
    const v1 = await callRoute<{
      fromPrevious: { changes: { path: string; before: string; after: string }[] };
      fromShipped: { total: number };
    }>(versionLoader, get("/playbook/versions/1", as("member")), { number: "1" });
    expect(v1.data.fromPrevious.changes).toEqual([
      { path: "roles.operations_manager.skills.ad_buying.levels.growth", before: "3", after: "4" },
    ]);
    expect(v1.data.fromShipped.total).toBe(1);

    // revert to version 0 is not a page; restoring means saving the shipped level again, then restoring version 1 from 2
    const back = roleForm(await playbookForOrganisation(cast.organisation.id), "operations_manager", 1, {
      [`skills[${adBuyingRow}].levels.growth`]: "3",
      summary: "Back to 3",
    });
    expect(
      (
        await callRoute(roleAction, postRole("/playbook/roles/operations_manager", back, opsApplies, "admin"), {
          roleId: "operations_manager",
        })
      ).status,
    ).toBe(302);
    expect((await adBuyingGap()).member).toMatchObject({ required: 3, gap: 2 });

    expect(
      (await callRoute(versionAction, post("/playbook/versions/1", { version: "2" }, as("admin")), { number: "1" }))
        .status,
    ).toBe(400); // no confirmation
    expect(
      (
        await callRoute(versionAction, post("/playbook/versions/1", { version: "2", confirm: "yes" }, as("member")), {
          number: "1",
        })
      ).status,
    ).toBe(403);
    const reverted = await callRoute(
      versionAction,
      post("/playbook/versions/1", { version: "2", confirm: "yes" }, as("admin")),
      { number: "1" },
    );
    expect(reverted.status).toBe(302);
    expect(reverted.headers.get("Location")).toBe("/playbook/versions/3");
    expect((await adBuyingGap()).member).toMatchObject({ required: 4, gap: 3 });
    expect(
      await db.playbookVersion.findFirst({ where: { organisationId: cast.organisation.id, number: 3 } }),
    ).toMatchObject({ revertOf: 1 });
  });

  it("lets a manager edit once the admin allows it, and only then", async () => {
    expect((await callRoute(overviewAction, post("/playbook", { managersEdit: "on" }, as("manager")))).status).toBe(
      403,
    );
    expect((await callRoute(overviewAction, post("/playbook", { managersEdit: "on" }, as("admin")))).status).toBe(302);
    const current = await playbookStateForOrganisation(cast.organisation.id);
    const form = roleForm(current.playbook, "marketing", current.version, { "headcount.mature.max": "6" });
    const saved = await callRoute(
      roleAction,
      postRole(
        "/playbook/roles/marketing",
        form,
        current.playbook.roles.find((r) => r.id === "marketing")!.appliesTo,
        "manager",
      ),
      { roleId: "marketing" },
    );
    expect(saved.status).toBe(302);
    expect(
      (await callRoute(roleAction, postRole("/playbook/roles/marketing", form, [], "hr"), { roleId: "marketing" }))
        .status,
    ).toBe(403);
  });
});

describe("the skill catalogue", () => {
  it("retires a skill: no role requires it, the catalogue keeps it; an unknown id is refused", async () => {
    const { version } = await playbookStateForOrganisation(cast.organisation.id);
    const retired = await callRoute(
      skillsAction,
      post(
        "/playbook/skills",
        { intent: "retire", version: String(version), skillId: "content_creation", confirm: "yes" },
        as("admin"),
      ),
    );
    expect(retired.status).toBe(302);
    const playbook = await playbookForOrganisation(cast.organisation.id);
    expect(playbook.skills.find((s) => s.id === "content_creation")).toMatchObject({ retired: true });
    expect(playbook.roles.some((r) => r.skills.some((s) => s.skillId === "content_creation"))).toBe(false);
    const page = await callRoute<{ skills: { id: string; retired: boolean }[] }>(
      skillsLoader,
      get("/playbook/skills", as("member")),
    );
    expect(page.data.skills.find((s) => s.id === "content_creation")?.retired).toBe(true);
    const added = await callRoute(
      skillsAction,
      post(
        "/playbook/skills",
        {
          intent: "add",
          version: String(version + 1),
          id: "customs_clearance",
          "label.zh": "报关清关",
          "label.en": "Customs clearance",
          "description.zh": "单证与税费",
          "description.en": "Documents, duties",
        },
        as("admin"),
      ),
    );
    expect(added.status).toBe(302);
    expect((await playbookForOrganisation(cast.organisation.id)).skills.map((s) => s.id)).toContain(
      "customs_clearance",
    );
  });
});

describe("export and import", () => {
  it("exports the playbook in use as JSON that imports back as a new version", async () => {
    const exported = await callRoute<Playbook>(exportLoader, get("/playbook/export", as("member")));
    expect(exported.status).toBe(200);
    expect(exported.headers.get("Content-Disposition")).toMatch(/attachment; filename="playbook-v\d+\.json"/);
    expect(exported.data.skills.map((s) => s.id)).toContain("customs_clearance");

    const { version } = await playbookStateForOrganisation(cast.organisation.id);
    const count = await versionCount();
    const other = await callRoute(
      importAction,
      post(
        "/playbook/transfer",
        { version: "0", summary: "copy", document: JSON.stringify(exported.data) },
        as("otherAdmin"),
      ),
    );
    expect(other.status).toBe(302);
    expect((await playbookForOrganisation(cast.other.id)).skills.map((s) => s.id)).toContain("customs_clearance");
    expect(await versionCount()).toBe(count); // the other organisation's import wrote nothing here
    expect((await playbookStateForOrganisation(cast.organisation.id)).version).toBe(version);
  });

  it("refuses an import that does not validate, listing every problem with its path, and changes nothing", async () => {
    const { version } = await playbookStateForOrganisation(cast.organisation.id);
    const broken: Playbook = structuredClone(shippedPlaybook);
    broken.roles.find((r) => r.id === "tech_dev")!.headcount.mature = { min: 0, max: 0 };
    broken.roles.find((r) => r.id === "marketing")!.label.en = "";
    broken.skills = broken.skills.filter((s) => s.id !== "ad_buying");
    const count = await versionCount();
    const result = await callRoute<{ problems: string[] }>(
      importAction,
      post(
        "/playbook/transfer",
        { version: String(version), summary: "broken", document: JSON.stringify(broken) },
        as("admin"),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.problems).toEqual(
      expect.arrayContaining([
        "roles.tech_dev.headcount.mature: a core role needs max ≥ 1 (got 0)",
        "roles.marketing.label: missing en translation",
        expect.stringMatching(/^roles\.operations_manager\.skills\.ad_buying: unknown skill id/),
        "skills.customs_clearance: a skill cannot be removed; retire it instead",
      ]),
    );
    const notJson = await callRoute<{ lastResult: { error: Record<string, string[]> } }>(
      importAction,
      post("/playbook/transfer", { version: String(version), summary: "x", document: "{ nope" }, as("admin")),
    );
    expect(notJson.status).toBe(400);
    expect(notJson.data.lastResult.error.document).toEqual(["playbook.errors.notJson"]);
    expect(await versionCount()).toBe(count);
  });
});

describe("the cache", () => {
  it("parses and validates a stored version once, however many pages read it", async () => {
    const organisation = await db.organisation.create({
      data: {
        name: "Cache Org",
        slug: `cache-${Date.now()}`,
        operatingModel: "platform",
        stage: "growth",
        playbookVersion: 1,
      },
    });
    await db.playbookVersion.create({
      data: {
        organisationId: organisation.id,
        number: 1,
        document: JSON.stringify(shippedPlaybook),
        summary: "seeded",
        createdByName: "Test",
      },
    });
    const before = playbookCacheStats.parses;
    for (let i = 0; i < 5; i++) await playbookForOrganisation(organisation.id);
    expect(playbookCacheStats.parses - before).toBe(1);
  });

  it("falls back to the shipped playbook when a stored document no longer validates", async () => {
    const organisation = await db.organisation.create({
      data: {
        name: "Bad Org",
        slug: `bad-${Date.now()}`,
        operatingModel: "platform",
        stage: "growth",
        playbookVersion: 1,
      },
    });
    await db.playbookVersion.create({
      data: { organisationId: organisation.id, number: 1, document: "{}", summary: "broken", createdByName: "Test" },
    });
    expect(await playbookForOrganisation(organisation.id)).toBe(shippedPlaybook);
  });
});
