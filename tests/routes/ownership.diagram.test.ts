import { describe, expect, it } from "vitest";
import { action as matrixAction } from "../../app/routes/ownership._index";
import { loader } from "../../app/routes/ownership.diagram";
import { loader as exportLoader } from "../../app/routes/ownership.export";
import { callRoute, get, post } from "../utils/route";
import { ownershipWorld } from "../utils/ownership";

type DiagramData = {
  chosen: { key: string } | null;
  parts: Record<string, string>;
  accountable: string[];
  responsible: string[];
  handOffs: { fromStep: string; toStep: string; from: string; to: string }[];
  recommendation: { model: string; stage: string; roles: unknown[] };
};

describe("GET /ownership/diagram", () => {
  it("highlights the chosen step's owners and the hand-offs around it, over the organisation's org chart", async () => {
    const { as } = await ownershipWorld();
    const { data } = await callRoute<DiagramData>(loader, get("/ownership/diagram?step=listing", as("member")));
    expect(data.recommendation).toMatchObject({ model: "platform", stage: "growth" });
    expect(data.recommendation.roles).toHaveLength(7);
    expect(data.chosen?.key).toBe("listing");
    expect(data.parts).toEqual({ product_manager: "A", operations_manager: "R" });
    expect(data.accountable).toEqual(["product_manager"]);
    expect(data.responsible).toEqual(["operations_manager"]);
    // product selection (product manager) → listing (operations) → operations (operations: no hand-off)
    expect(data.handOffs).toEqual([
      { fromStep: "product_selection", toStep: "listing", from: "product_manager", to: "operations_manager" },
    ]);
  });

  it("without a known step, shows the first flagged one", async () => {
    const { as } = await ownershipWorld();
    await callRoute(
      matrixAction,
      post("/ownership?index", { intent: "set_cell", step: "system_bi", role: "tech_dev", letter: "A" }, as("manager")),
    );
    for (const query of ["", "?step=nope", "?step=%00"]) {
      const { data } = await callRoute<DiagramData>(loader, get(`/ownership/diagram${query}`, as("member")));
      expect(data.chosen?.key).toBe("system_bi");
      expect(data.parts).toEqual({ data_analysis: "A", tech_dev: "A" });
      expect(data.handOffs).toEqual([]);
    }
  });
});

describe("GET /ownership/export", () => {
  it("exports the matrix as CSV: ids, a letter per role, status and problems", async () => {
    const { as } = await ownershipWorld();
    await callRoute(
      matrixAction,
      post("/ownership?index", { intent: "set_cell", step: "listing", role: "marketing", letter: "A" }, as("manager")),
    );
    const result = await callRoute<string>(exportLoader, get("/ownership/export", as("member")));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = result.data
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(
      "section,step,name_zh,name_en,product_manager,operations_manager,tech_dev,supply_chain,marketing,data_analysis,compliance_risk,status,problems",
    );
    expect(lines[1]).toBe("core,product_selection,选品,Product selection,AR,C,,C,,C,,ok,");
    expect(lines[2]).toBe("core,listing,上架,Listing,A,R,,,A,,C,flagged,several_accountable");
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    const result = await callRoute(exportLoader, get("/ownership/export"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login\?/);
  });
});
