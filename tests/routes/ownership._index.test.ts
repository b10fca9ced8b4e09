import { describe, expect, it } from "vitest";
import type { OwnershipReport } from "../../app/domain/ownership-checks";
import { loader as layoutLoader } from "../../app/routes/ownership";
import { action, loader } from "../../app/routes/ownership._index";
import { action as stepAction } from "../../app/routes/ownership.steps.$stepKey";
import { db } from "../../app/utils/db.server";
import { callRoute, get, post } from "../utils/route";
import { ownershipWorld, storedRow } from "../utils/ownership";

type MatrixData = {
  steps: {
    key: string;
    section: string;
    row: Record<string, string>;
    flags: { code: string }[];
    editable: boolean;
    resolved: boolean;
  }[];
  report: OwnershipReport;
  waiting: string[];
};

const setCell = (step: string, role: string, letter: string) => ({ intent: "set_cell", step, role, letter });

describe("GET /ownership (layout)", () => {
  it("shows the tabs the viewer may open: steps only for admins", async () => {
    const { as } = await ownershipWorld({ staffed: false });
    const tabs = async (who: "admin" | "member") =>
      (await callRoute<{ tabs: { id: string }[] }>(layoutLoader, get("/ownership", as(who)))).data.tabs.map(
        (tab) => tab.id,
      );
    expect(await tabs("admin")).toEqual(["matrix", "diagram", "steps"]);
    expect(await tabs("member")).toEqual(["matrix", "diagram"]);
  });
});

describe("GET /ownership (matrix)", () => {
  it("starts a new organisation from its model's defaults without writing anything", async () => {
    const { cast, as } = await ownershipWorld();
    const result = await callRoute<MatrixData>(loader, get("/ownership", as("member")));
    expect(result.status).toBe(200);
    expect(result.data.steps.map((step) => step.key).slice(0, 6)).toEqual([
      "product_selection",
      "listing",
      "operations",
      "shipping",
      "after_sales",
      "logistics_choice",
    ]);
    expect(result.data.steps).toHaveLength(20);
    // a staffed team and the defaults: nothing to flag
    expect(result.data.report.problems).toBe(0);
    expect(await db.processStep.count({ where: { organisationId: cast.organisation.id } })).toBe(0);
    // a member reads every row, edits none
    expect(result.data.steps.every((step) => !step.editable)).toBe(true);
  });

  it("flags every owner the team does not staff", async () => {
    const { as } = await ownershipWorld({ staffed: false });
    const { data } = await callRoute<MatrixData>(loader, get("/ownership", as("member")));
    expect(data.report.flaggedSteps).toBe(20);
    expect(data.report.byCode.unstaffed_owner).toBe(20);
  });

  it("lets a lead edit the rows their department is R or A for, and managers and admins every row", async () => {
    const { as } = await ownershipWorld();
    const editable = async (who: "leadOps" | "leadSupply" | "manager" | "hr") =>
      (await callRoute<MatrixData>(loader, get("/ownership", as(who)))).data.steps
        .filter((step) => step.editable)
        .map((step) => step.key);
    expect(await editable("leadOps")).toEqual([
      "listing",
      "operations",
      "after_sales",
      "campaign_calendar",
      "system_customer_service",
    ]);
    expect(await editable("leadSupply")).toContain("customs_documents");
    expect(await editable("leadSupply")).not.toContain("operations");
    expect(await editable("manager")).toHaveLength(20);
    expect(await editable("hr")).toEqual([]);
  });
});

describe("POST /ownership (set a cell)", () => {
  it("stores the defaults and the cell in one go; a second accountable role is flagged", async () => {
    const { cast, as } = await ownershipWorld();
    const result = await callRoute(
      action,
      post("/ownership?index", setCell("clearance_agent", "operations_manager", "A"), as("manager")),
    );
    expect(result.status).toBe(200);
    expect(await db.processStep.count({ where: { organisationId: cast.organisation.id } })).toBe(20);
    expect(await storedRow(cast.organisation.id, "clearance_agent")).toEqual({
      supply_chain: "AR",
      compliance_risk: "C",
      operations_manager: "A",
    });
    const { data } = await callRoute<MatrixData>(loader, get("/ownership", as("member")));
    expect(data.report.flagged).toEqual([
      {
        stepKey: "clearance_agent",
        flags: [{ code: "several_accountable", roles: ["operations_manager", "supply_chain"] }],
      },
    ]);
    expect(data.waiting).toEqual([]);
    await callRoute(
      stepAction,
      post(
        "/ownership/steps/clearance_agent",
        { intent: "propose", owner: "supply_chain", reason: "Ours." },
        as("leadSupply"),
      ),
      {
        stepKey: "clearance_agent",
      },
    );
    expect((await callRoute<MatrixData>(loader, get("/ownership", as("member")))).data.waiting).toEqual([
      "clearance_agent",
    ]);
  });

  it("clears a cell with an empty letter", async () => {
    const { cast, as } = await ownershipWorld();
    await callRoute(action, post("/ownership?index", setCell("listing", "compliance_risk", ""), as("leadOps")));
    expect(await storedRow(cast.organisation.id, "listing")).toEqual({ product_manager: "A", operations_manager: "R" });
  });

  it("refuses a lead on a row their department is not R or A for (403), and writes nothing", async () => {
    const { cast, as } = await ownershipWorld();
    const result = await callRoute(
      action,
      post("/ownership?index", setCell("shipping", "operations_manager", "A"), as("leadOps")),
    );
    expect(result.status).toBe(403);
    expect(await db.processStep.count({ where: { organisationId: cast.organisation.id } })).toBe(0);
  });

  it("answers 400 with a message per field, and 404 for a step the organisation does not have", async () => {
    const { cast, as } = await ownershipWorld();
    const bad = await callRoute<{ lastResult: { error: Record<string, string[]> } }>(
      action,
      post("/ownership?index", setCell("listing", "ceo", "X"), as("manager")),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult.error).toEqual({ role: ["ownership.errors.role"], letter: ["ownership.errors.letter"] });
    const unknown = await callRoute(
      action,
      post("/ownership?index", setCell("custom_nope", "marketing", "R"), as("manager")),
    );
    expect(unknown.status).toBe(404);
    expect(await db.processStep.count({ where: { organisationId: cast.organisation.id } })).toBe(0);
  });

  it("reopens a resolved step when its row changes", async () => {
    const { cast, as } = await ownershipWorld();
    await callRoute(action, post("/ownership?index", setCell("listing", "marketing", "C"), as("manager")));
    await db.processStep.update({
      where: { organisationId_key: { organisationId: cast.organisation.id, key: "listing" } },
      data: { resolvedAt: new Date() },
    });
    await callRoute(action, post("/ownership?index", setCell("listing", "marketing", "I"), as("manager")));
    const step = await db.processStep.findUnique({
      where: { organisationId_key: { organisationId: cast.organisation.id, key: "listing" } },
    });
    expect(step?.resolvedAt).toBeNull();
  });
});
