/**
 * The playbook editor's remaining pieces (issue 13): the role form keeps and
 * edits the per-model headcount tables; the process steps' default RACI is
 * edited per model, versioned, validated, and flows into ownership.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import type { RoleId } from "../../app/domain/types";
import { playbookForOrganisation, playbookStateForOrganisation } from "../../app/models/playbook.server";
import { action as roleAction, loader as roleLoader } from "../../app/routes/playbook.roles.$roleId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { postRole, roleForm } from "../utils/playbook-form";
import { callRoute, get } from "../utils/route";

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
