/**
 * The playbook editor's remaining pieces (issue 13): the role form keeps and
 * edits the per-model headcount tables; the process steps' default RACI is
 * edited per model, versioned, validated, and flows into ownership.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { CORE_ROLE_IDS, type RoleId } from "../../app/domain/types";
import { playbookForOrganisation, playbookStateForOrganisation } from "../../app/models/playbook.server";
import { CORE_FLOWS } from "../../app/domain/process-steps";
import { loadSteps } from "../../app/models/ownership.server";
import { action as raciAction, loader as raciLoader } from "../../app/routes/playbook.raci";
import { action as roleAction, loader as roleLoader } from "../../app/routes/playbook.roles.$roleId";
import { action as versionAction, loader as versionLoader } from "../../app/routes/playbook.versions.$number";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { postRole, roleForm } from "../utils/playbook-form";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
let cast: Cast;
let admin: string;
let member: string;

beforeAll(async () => {
  cast = await createCast();
  admin = await cookieFor(cast.admin.id);
  member = await cookieFor(cast.member.id);
});

const versionCount = () => db.playbookVersion.count({ where: { organisationId: cast.organisation.id } });
const shippedRole = (id: RoleId) => shippedPlaybook.roles.find((r) => r.id === id)!;
const currentRole = async (id: RoleId) =>
  (await playbookForOrganisation(cast.organisation.id)).roles.find((r) => r.id === id)!;

async function saveRole(roleId: RoleId, changes: Record<string, string>, drop: string[] = []) {
  const { playbook, version } = await playbookStateForOrganisation(cast.organisation.id);
  const form = roleForm(playbook, roleId, version, changes);
  for (const name of drop) delete form[name];
  const appliesTo = playbook.roles.find((r) => r.id === roleId)!.appliesTo;
  return callRoute<{ problems: string[]; lastResult: { error: Record<string, string[]> } }>(
    roleAction,
    postRole(`/playbook/roles/${roleId}`, form, appliesTo, admin),
    { roleId },
  );
}

describe("the role form and the per-model headcount tables", () => {
  it("keeps every model's own table when the role's default table is edited", async () => {
    const shipped = shippedRole("product_manager");
    expect(Object.keys(shipped.headcountByModel).sort()).toEqual(["b2b", "distribution"]);
    const saved = await saveRole("product_manager", { "headcount.mature.max": "5", summary: "Bigger product team" });
    expect(saved.status).toBe(302);
    const role = await currentRole("product_manager");
    expect(role.headcount.mature).toEqual({ min: 2, max: 5 });
    expect(role.headcountByModel).toEqual(shipped.headcountByModel);
  });

  it("edits a model's own table, adds one, and drops one when it is unticked", async () => {
    const saved = await saveRole(
      "product_manager",
      {
        "headcountByModel.b2b.growth.max": "4",
        "headcountByModel.platform.own": "on",
        "headcountByModel.platform.mature.max": "6",
        summary: "Per model",
      },
      ["headcountByModel.distribution.own"],
    );
    expect(saved.status).toBe(302);
    const role = await currentRole("product_manager");
    expect(role.headcountByModel.b2b?.growth).toEqual({ min: 2, max: 4 });
    expect(role.headcountByModel.platform?.mature).toEqual({ min: 2, max: 6 });
    expect(role.headcountByModel.distribution).toBeUndefined();

    const page = await callRoute<{
      role: { headcountByModel: Record<string, unknown> };
      editedFields: { headcountByModel: Record<string, Record<string, boolean>> };
    }>(roleLoader, get("/playbook/roles/product_manager", { Cookie: member }), { roleId: "product_manager" });
    expect(Object.keys(page.data.role.headcountByModel).sort()).toEqual(["b2b", "platform"]);
    expect(page.data.editedFields.headcountByModel.b2b).toEqual({ startup: false, growth: true, mature: false });
    expect(page.data.editedFields.headcountByModel.distribution).toEqual({
      startup: true,
      growth: true,
      mature: true,
    });
  });

  it("refuses a model's table that is out of order or shrinks, on its field, and writes nothing", async () => {
    const count = await versionCount();
    const unordered = await saveRole("product_manager", { "headcountByModel.b2b.startup.min": "3" });
    expect(unordered.status).toBe(400);
    expect(unordered.data.lastResult.error["headcountByModel.b2b.startup.max"]).toEqual([
      "playbook.errors.headcountOrder",
    ]);
    const empty = await saveRole("product_manager", { "headcountByModel.b2b.growth.min": "" });
    expect(empty.status).toBe(400);
    expect(empty.data.lastResult.error["headcountByModel.b2b.growth.min"]).toEqual(["playbook.errors.headcount"]);
    const shrinks = await saveRole("product_manager", {
      "headcountByModel.b2b.mature.min": "1",
      "headcountByModel.b2b.mature.max": "1",
    });
    expect(shrinks.status).toBe(400);
    expect(shrinks.data.problems).toContain(
      "roles.product_manager.headcountByModel.b2b: min shrinks from growth (2) to mature (1)",
    );
    expect(await versionCount()).toBe(count);
  });

  it("ignores the fields of a model that has no table of its own", async () => {
    const saved = await saveRole("tech_dev", {
      "headcountByModel.platform.startup.min": "",
      summary: "label only",
      "label.en": "Engineering",
    });
    expect(saved.status).toBe(302);
    expect((await currentRole("tech_dev")).headcountByModel).toEqual(shippedRole("tech_dev").headcountByModel);
  });
});

type RaciPage = {
  model: string;
  version: number;
  steps: { key: string; section: string; row: Record<string, string>; edited: string[] }[];
  canEdit: boolean;
};
const raciPage = (cookie: string, query = "") =>
  callRoute<RaciPage>(raciLoader, get(`/playbook/raci${query}`, { Cookie: cookie }));

/** The default RACI form as the page fills it for `model`, with `rows` replacing whole rows. */
async function raciForm(model: string, rows: Record<string, Record<string, string>> = {}, extra = {}) {
  const page = await raciPage(admin, `?model=${model}`);
  const form: Record<string, string> = { version: String(page.data.version), model, summary: "RACI edit", ...extra };
  // as a browser posts it: every select, the empty ones as ""
  for (const step of page.data.steps) {
    const row: Record<string, string> = rows[step.key] ?? step.row;
    for (const roleId of CORE_ROLE_IDS) form[`cells.${step.key}.${roleId}`] = row[roleId] ?? "";
  }
  return form;
}
const postRaci = (form: Record<string, string>, cookie = admin) =>
  callRoute<{ problems: string[]; lastResult: { error: Record<string, string[]> }; conflict: unknown[] }>(
    raciAction,
    post("/playbook/raci", form, { Cookie: cookie }),
  );

describe("the steps' default RACI", () => {
  it("shows everyone the rows of their model, the core flow then the shared steps, none edited", async () => {
    const page = await raciPage(member);
    expect(page.status).toBe(200);
    expect(page.data.model).toBe("platform");
    expect(page.data.canEdit).toBe(false);
    expect(page.data.steps.map((s) => s.key).slice(0, 5)).toEqual(CORE_FLOWS.platform.map((s) => s.key));
    expect(page.data.steps.find((s) => s.key === "listing")).toMatchObject({
      section: "core",
      row: { product_manager: "A", operations_manager: "R", compliance_risk: "C" },
      edited: [],
    });
    const b2b = await raciPage(member, "?model=b2b");
    expect(b2b.data.steps[0].key).toBe("negotiation");
  });

  it("refuses a row with two accountable roles or none responsible, on that row, and writes nothing", async () => {
    const count = await versionCount();
    const twoA = await postRaci(
      await raciForm("platform", { listing: { product_manager: "A", operations_manager: "AR" } }),
    );
    expect(twoA.status).toBe(400);
    expect(twoA.data.lastResult.error["cells.listing.product_manager"]).toEqual([
      "playbook.errors.raci.several_accountable",
    ]);
    const noR = await postRaci(await raciForm("platform", { system_erp: { supply_chain: "A", tech_dev: "C" } }));
    expect(noR.status).toBe(400);
    expect(noR.data.lastResult.error["cells.system_erp.product_manager"]).toEqual([
      "playbook.errors.raci.no_responsible",
    ]);
    const empty = await postRaci(await raciForm("platform", { shipping: {} }));
    expect(empty.data.lastResult.error["cells.shipping.product_manager"]).toEqual([
      "playbook.errors.raci.no_accountable",
      "playbook.errors.raci.no_responsible",
    ]);
    const validating = await postRaci({
      ...(await raciForm("platform", { listing: { operations_manager: "AR" } })),
      __intent__: JSON.stringify({ type: "validate", payload: { name: "summary" } }),
    });
    expect(validating.status).not.toBe(302);
    expect((await postRaci(await raciForm("platform"), member)).status).toBe(403);
    expect(await versionCount()).toBe(count);
  });

  it("saves a model's rows as a version: marked edited, in the diff, the start of the team's matrix; restore undoes it", async () => {
    const before = await playbookStateForOrganisation(cast.organisation.id);
    const saved = await postRaci(
      await raciForm(
        "platform",
        { listing: { operations_manager: "AR", product_manager: "C", compliance_risk: "C" } },
        { summary: "Listing belongs to operations" },
      ),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/playbook/raci?model=platform&saved=1");

    const page = await raciPage(member);
    expect(page.data.version).toBe(before.version + 1);
    expect(page.data.steps.find((s) => s.key === "listing")).toMatchObject({
      row: { operations_manager: "AR", product_manager: "C", compliance_risk: "C" },
      edited: ["product_manager", "operations_manager"],
    });
    // the other models' rows are untouched
    expect((await raciPage(member, "?model=b2b")).data.steps.every((s) => s.edited.length === 0)).toBe(true);

    const diff = await callRoute<{ fromPrevious: { changes: { path: string; before: string; after: string }[] } }>(
      versionLoader,
      get(`/playbook/versions/${page.data.version}`, { Cookie: member }),
      { number: String(page.data.version) },
    );
    expect(diff.data.fromPrevious.changes).toEqual(
      expect.arrayContaining([
        { path: "defaultRaci.byModel.platform.listing.product_manager", before: "A", after: "C" },
        { path: "defaultRaci.byModel.platform.listing.operations_manager", before: "R", after: "AR" },
      ]),
    );
    expect(diff.data.fromPrevious.changes).toHaveLength(2);

    // a team that has not stored its steps yet starts from the edited row
    const listingCells = async () =>
      (await loadSteps({ organisationId: cast.organisation.id, model: "platform" })).cells
        .filter((c) => c.stepKey === "listing")
        .map((c) => `${c.roleId}:${c.letter}`)
        .sort();
    expect(await listingCells()).toEqual(["compliance_risk:C", "operations_manager:AR", "product_manager:C"]);

    const restored = await callRoute(
      versionAction,
      post(
        `/playbook/versions/${before.version}`,
        { version: String(page.data.version), confirm: "yes" },
        { Cookie: admin },
      ),
      { number: String(before.version) },
    );
    expect(restored.status).toBe(302);
    expect((await raciPage(member)).data.steps.find((s) => s.key === "listing")?.row).toEqual({
      product_manager: "A",
      operations_manager: "R",
      compliance_risk: "C",
    });
    expect(await listingCells()).toEqual(["compliance_risk:C", "operations_manager:R", "product_manager:A"]);
  });

  it("refuses a save from a stale version with what changed", async () => {
    const form = await raciForm("platform", { shipping: { supply_chain: "AR", operations_manager: "C" } });
    const first = await postRaci(form);
    expect(first.status).toBe(302);
    const count = await versionCount();
    const stale = await postRaci({ ...form, "cells.shipping.operations_manager": "I", "cells.listing.tech_dev": "I" });
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toContainEqual({
      field: "defaultRaci.byModel.platform.shipping.operations_manager",
      theirs: "C",
      yours: "I",
    });
    expect(await versionCount()).toBe(count);
  });

  it("reads a version stored before the playbook held the default RACI as the shipped rows, with no difference", async () => {
    const organisation = await db.organisation.create({
      data: {
        name: "Old Doc Org",
        slug: `old-doc-${Date.now()}`,
        operatingModel: "b2b",
        stage: "growth",
        playbookVersion: 1,
      },
    });
    const { defaultRaci: _dropped, ...older } = shippedPlaybook;
    await db.playbookVersion.create({
      data: {
        organisationId: organisation.id,
        number: 1,
        document: JSON.stringify(older),
        summary: "old",
        createdByName: "Test",
      },
    });
    const state = await playbookStateForOrganisation(organisation.id);
    expect(state.playbook.defaultRaci).toEqual(shippedPlaybook.defaultRaci);
    expect(state.edited.size).toBe(0);
  });
});
