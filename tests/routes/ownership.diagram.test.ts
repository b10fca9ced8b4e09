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
  const HEADER =
    "section,section_id,step,step_id,product_manager,operations_manager,tech_dev,supply_chain,marketing,data_analysis,compliance_risk,accountable,accountable_ids,responsible,responsible_ids,status,status_id,problems,problem_codes";
  const csvLines = (text: string) =>
    text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
  /** the columns that hold ids, letters and codes: the same whatever the reader's language */
  const ID_COLUMNS = HEADER.split(",").flatMap((column, index) =>
    ["section", "step", "accountable", "responsible", "status", "problems"].includes(column) ? [] : [index],
  );

  it("exports the matrix as CSV: labels in the reader's language, ids, a letter per role, status and problems", async () => {
    const { as } = await ownershipWorld();
    await callRoute(
      matrixAction,
      post("/ownership?index", { intent: "set_cell", step: "listing", role: "marketing", letter: "A" }, as("manager")),
    );
    const en = await callRoute<string>(exportLoader, get("/ownership/export?lang=en", as("member")));
    expect(en.status).toBe(200);
    expect(en.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const enLines = csvLines(en.data);
    expect(enLines).toHaveLength(21);
    expect(enLines[0]).toBe(HEADER);
    expect(enLines[1]).toBe(
      "Core flow,core,Product selection,product_selection,AR,C,,C,,C,,Product manager,product_manager,Product manager,product_manager,OK,ok,,",
    );
    expect(enLines[2]).toBe(
      "Core flow,core,Listing,listing,A,R,,,A,,C,Product manager;Marketing,product_manager;marketing,Operations manager,operations_manager,Has problems,flagged,Two or more accountable,several_accountable",
    );

    const zh = await callRoute<string>(exportLoader, get("/ownership/export?lang=zh", as("member")));
    const zhLines = csvLines(zh.data);
    expect(zhLines[0]).toBe(HEADER);
    expect(zhLines[1]).toBe(
      "核心流程,core,选品,product_selection,AR,C,,C,,C,,产品经理,product_manager,产品经理,product_manager,正常,ok,,",
    );
    expect(zhLines[2]).toBe(
      "核心流程,core,上架,listing,A,R,,,A,,C,产品经理;市场营销,product_manager;marketing,运营经理,operations_manager,有问题,flagged,多个最终负责,several_accountable",
    );
    // the id columns say the same in both languages, row by row; the label columns differ
    const ids = (lines: string[]) => lines.map((line) => ID_COLUMNS.map((index) => line.split(",")[index]));
    expect(ids(zhLines)).toEqual(ids(enLines));
    expect(zhLines.slice(1).every((line, i) => line !== enLines[i + 1])).toBe(true);
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    const result = await callRoute(exportLoader, get("/ownership/export"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login\?/);
  });
});
