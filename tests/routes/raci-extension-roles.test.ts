/**
 * RACI columns for the playbook's roles (issue 13): once an organisation has
 * turned customer service on, the matrix, a step's row and proposals, the
 * ownership diagram, the CSV export and the default RACI editor have a column
 * for it and accept it; before, and for a role that is off, they do not.
 * Turning the role off is refused while a RACI row gives it a letter
 * (decision 0023), and a stale "off" is the 409 it is (the version moved),
 * even when it would no longer validate.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { validatePlaybookEdit } from "../../app/domain/playbook-validation";
import { withExtensionRoleDisabled } from "../../app/domain/extension-roles";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import { playbookAtVersion, playbookStateForOrganisation } from "../../app/models/playbook.server";
import { action as matrixAction, loader as matrixLoader } from "../../app/routes/ownership._index";
import { loader as diagramLoader } from "../../app/routes/ownership.diagram";
import { loader as exportLoader } from "../../app/routes/ownership.export";
import { action as stepAction, loader as stepLoader } from "../../app/routes/ownership.steps.$stepKey";
import { action as extensionAction, loader as extensionLoader } from "../../app/routes/playbook.extensions.$roleId";
import { action as raciAction, loader as raciLoader } from "../../app/routes/playbook.raci";
import { db } from "../../app/utils/db.server";
import { ownershipWorld, storedRow } from "../utils/ownership";
import { callRoute, get, post } from "../utils/route";

type World = Awaited<ReturnType<typeof ownershipWorld>>;
type Matrix = { roleIds: string[]; steps: { key: string; row: Record<string, string>; flags: { code: string }[] }[] };
type Refusal = { lastResult: { error: Record<string, string[]> | null }; problems: string[] };
type RaciPage = { version: number; roles: { id: string }[]; steps: { key: string; row: Record<string, string> }[] };

let world: World;
let organisationId: string;
const CS = "customer_service";

const setCell = (step: string, role: string, letter: string, who: "admin" | "manager" = "manager") =>
  callRoute<Refusal & { ok?: true }>(
    matrixAction,
    post("/ownership?index", { intent: "set_cell", step, role, letter }, world.as(who)),
  );
const matrix = async () => (await callRoute<Matrix>(matrixLoader, get("/ownership", world.as("member")))).data;
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
const versions = () => db.playbookVersion.count({ where: { organisationId } });
const extension = (role: string, form: Record<string, string>) =>
  callRoute<Refusal>(extensionAction, post(`/playbook/extensions/${role}`, form, world.as("admin")), { roleId: role });
const version = async () => (await playbookStateForOrganisation(organisationId)).version;

/** The default RACI form as the page posts it: every select of the model's steps, with `rows` on top. */
async function raciForm(rows: Record<string, Record<string, string>>) {
  const page = (await callRoute<RaciPage>(raciLoader, get("/playbook/raci?model=platform", world.as("admin")))).data;
  const form: Record<string, string> = { version: String(page.version), model: "platform", summary: "RACI" };
  for (const step of page.steps) {
    const row = rows[step.key] ?? step.row;
    for (const role of page.roles) form[`cells.${step.key}.${role.id}`] = row[role.id] ?? "";
  }
  return form;
}

beforeAll(async () => {
  world = await ownershipWorld();
  organisationId = world.cast.organisation.id;
});

describe("before customer service is on", () => {
  it("the matrix, the default RACI and the export have the seven columns, and a cell for it is refused", async () => {
    expect((await matrix()).roleIds).toEqual([...CORE_ROLE_IDS]);
    const raci = await callRoute<RaciPage>(raciLoader, get("/playbook/raci", world.as("member")));
    expect(raci.data.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
    const csv = await callRoute<string>(exportLoader, get("/ownership/export?lang=en", world.as("member")));
    expect(csvLines(csv.data)[0].split(",")).not.toContain(CS);

    const refused = await setCell("after_sales", CS, "R");
    expect(refused.status).toBe(400);
    expect(refused.data.lastResult.error?.role).toEqual(["ownership.errors.role"]);
    expect(await db.processStep.count({ where: { organisationId } })).toBe(0);
  });
});

describe("with customer service on", () => {
  beforeAll(async () => {
    const on = await extension(CS, { intent: "on", version: "0", summary: "Customer service on" });
    expect(on.status).toBe(302);
    await db.member.create({
      data: { organisationId, name: "Agent Ana", roles: { create: [{ roleId: CS, sharePercent: 100 }] } },
    });
  });

  it("the matrix has its column after the seven, and a manager gives it R on a step", async () => {
    expect((await matrix()).roleIds).toEqual([...CORE_ROLE_IDS, CS]);
    const set = await setCell("after_sales", CS, "R");
    expect(set.status).toBe(200);
    expect(await storedRow(organisationId, "after_sales")).toMatchObject({ operations_manager: "AR", [CS]: "R" });
    const step = (await matrix()).steps.find((s) => s.key === "after_sales")!;
    expect(step.row[CS]).toBe("R");
    // a staffed extension role owns a step without a problem
    expect(step.flags).toEqual([]);
  });

  it("the rule of one accountable role counts it: a second A is flagged, a proposal for it is accepted", async () => {
    await setCell("after_sales", CS, "A");
    const flagged = (await matrix()).steps.find((s) => s.key === "after_sales")!;
    expect(flagged.flags.map((f) => f.code)).toEqual(["several_accountable"]);
    const page = await callRoute<{ roleIds: string[]; row: Record<string, string> }>(
      stepLoader,
      get("/ownership/steps/after_sales", world.as("member")),
      { stepKey: "after_sales" },
    );
    expect(page.data.roleIds).toEqual([...CORE_ROLE_IDS, CS]);
    expect(page.data.row).toMatchObject({ operations_manager: "AR", [CS]: "A" });

    const proposed = await callRoute(
      stepAction,
      post(
        "/ownership/steps/after_sales",
        { intent: "propose", owner: CS, reason: "Customer service owns after-sales" },
        world.as("manager"),
      ),
      { stepKey: "after_sales" },
    );
    expect(proposed.status).toBe(200);
    const proposal = await db.ownershipProposal.findFirstOrThrow({ where: { organisationId, status: "proposed" } });
    expect(proposal.ownerRoleId).toBe(CS);
    const accepted = await callRoute(
      stepAction,
      post(
        "/ownership/steps/after_sales",
        { intent: "accept", proposalId: proposal.id, reason: "Agreed" },
        world.as("admin"),
      ),
      { stepKey: "after_sales" },
    );
    expect(accepted.status).toBe(200);
    // the owner is the one accountable role; operations keeps the work
    expect(await storedRow(organisationId, "after_sales")).toMatchObject({ operations_manager: "R", [CS]: "A" });
  });

  it("the diagram highlights it on the step's chart, and the export has its column and letter", async () => {
    const diagram = await callRoute<{
      parts: Record<string, string>;
      accountable: string[];
      recommendation: { roles: { role: { id: string } }[] };
    }>(diagramLoader, get("/ownership/diagram?step=after_sales", world.as("member")));
    expect(diagram.data.parts).toMatchObject({ [CS]: "A", operations_manager: "R" });
    expect(diagram.data.accountable).toEqual([CS]);
    expect(JSON.stringify(diagram.data.recommendation.roles)).toContain(`"${CS}"`);

    for (const lang of ["en", "zh"] as const) {
      const csv = await callRoute<string>(exportLoader, get(`/ownership/export?lang=${lang}`, world.as("member")));
      const [header, ...lines] = csvLines(csv.data).map((line) => line.split(","));
      expect(header.slice(4, 12)).toEqual([...CORE_ROLE_IDS, CS]);
      const afterSales = lines.find((line) => line[header.indexOf("step_id")] === "after_sales")!;
      expect(afterSales[header.indexOf(CS)]).toBe("A");
      expect(afterSales[header.indexOf("accountable_ids")]).toBe(CS);
    }
  });

  it("a role that is off has no column: a cell or a proposal for it is refused on its field", async () => {
    expect((await setCell("after_sales", "finance_tax", "C")).status).toBe(400);
    const proposed = await callRoute<Refusal>(
      stepAction,
      post("/ownership/steps/shipping", { intent: "propose", owner: "finance_tax", reason: "x" }, world.as("manager")),
      { stepKey: "shipping" },
    );
    expect(proposed.status).toBe(400);
    expect(proposed.data.lastResult.error?.owner).toEqual(["ownership.errors.role"]);
    expect(await storedRow(organisationId, "after_sales")).not.toHaveProperty("finance_tax");
  });

  it("the default RACI editor has its column and saves its letter as a version", async () => {
    const page = await callRoute<RaciPage>(raciLoader, get("/playbook/raci", world.as("admin")));
    expect(page.data.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS, CS]);
    const before = await versions();
    const saved = await callRoute(
      raciAction,
      post(
        "/playbook/raci",
        await raciForm({ system_customer_service: { operations_manager: "A", tech_dev: "R", [CS]: "R" } }),
        world.as("admin"),
      ),
    );
    expect(saved.status).toBe(302);
    expect(await versions()).toBe(before + 1);
    const { playbook } = await playbookStateForOrganisation(organisationId);
    expect(playbook.defaultRaci.shared.system_customer_service).toEqual({
      operations_manager: "A",
      tech_dev: "R",
      [CS]: "R",
    });
  });

  it("turning it off is refused while a RACI row gives it a letter, and the page says where", async () => {
    const page = await callRoute<{
      raciSteps: { key: string }[];
      defaultRows: { stepKey: string; model: string | null }[];
      members: number;
    }>(extensionLoader, get(`/playbook/extensions/${CS}`, world.as("admin")), { roleId: CS });
    expect(page.data.members).toBe(1);
    expect(page.data.raciSteps.map((s) => s.key)).toEqual(["after_sales"]);
    expect(page.data.defaultRows).toEqual([
      expect.objectContaining({ stepKey: "system_customer_service", model: null }),
    ]);

    await db.member.deleteMany({ where: { organisationId, name: "Agent Ana" } });
    const before = await versions();
    const refused = await extension(CS, { intent: "off", version: String(await version()), summary: "Off" });
    expect(refused.status).toBe(400);
    expect(refused.data.lastResult.error?.[""]).toEqual(["raciRoles.errors.inRaci"]);
    expect(await versions()).toBe(before);

    // the default row cleared, the team's step still names it: still refused
    await callRoute(
      raciAction,
      post(
        "/playbook/raci",
        await raciForm({ system_customer_service: { operations_manager: "A", tech_dev: "R" } }),
        world.as("admin"),
      ),
    );
    const still = await extension(CS, { intent: "off", version: String(await version()), summary: "Off" });
    expect(still.status).toBe(400);
    expect(still.data.lastResult.error?.[""]).toEqual(["raciRoles.errors.inRaci"]);

    // the team's cell cleared (operations takes the A back first): now it goes, and the matrix loses its column
    await setCell("after_sales", "operations_manager", "AR");
    await setCell("after_sales", CS, "");
    const off = await extension(CS, { intent: "off", version: String(await version()), summary: "Off" });
    expect(off.status).toBe(302);
    expect((await matrix()).roleIds).toEqual([...CORE_ROLE_IDS]);
  });
});

describe("a stale turn-off", () => {
  it("answers 409 (the version moved) even where it would no longer validate, and writes nothing", async () => {
    const on = await extension(CS, { intent: "on", version: String(await version()), summary: "On again" });
    expect(on.status).toBe(302);
    const stale = await version();
    expect((await extension("finance_tax", { intent: "on", version: String(stale), summary: "Finance" })).status).toBe(
      302,
    );
    // the premise: against the newer version, the stale page's "off" is invalid (finance's skills would vanish)
    const loaded = (await playbookAtVersion({ organisationId, number: stale }))!;
    const current = (await playbookStateForOrganisation(organisationId)).playbook;
    expect(validatePlaybookEdit(current, withExtensionRoleDisabled(loaded, CS)).length).toBeGreaterThan(0);

    const before = await versions();
    const result = await extension(CS, { intent: "off", version: String(stale), summary: "Off" });
    expect(result.status).toBe(409);
    expect(result.data.problems).toEqual([]);
    expect(await versions()).toBe(before);
  });
});
