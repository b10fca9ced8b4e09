import { expect, test, type Browser, type Page } from "@playwright/test";
import { diagramNode, waitForAppHydration, waitForDiagramToSettle, openHomeAs, type DemoAccount } from "./helpers";

/*
 * Ownership on the demo company (marketplace seller at growth), whose seed
 * makes supply chain and operations both accountable for choosing the
 * clearance agent: the supply-chain lead proposes supply chain as the owner,
 * the operations lead accepts, the flag clears, the log keeps the decision,
 * and the diagram highlights the step's owners.
 */

const EN = "ImVuIg%3D%3D";

// The tests count the demo's problems, which the others change: one after another.
test.describe.configure({ mode: "serial" });

async function signedInPage(browser: Browser, email: DemoAccount): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "lang", value: EN, domain: "localhost", path: "/" }]);
  const page = await context.newPage();
  await openHomeAs(page, email);
  return page;
}

async function problemCount(page: Page): Promise<{ problems: number; steps: number }> {
  const count = page.getByTestId("problem-count");
  return {
    problems: Number(await count.getAttribute("data-count")),
    steps: Number(await count.getAttribute("data-steps")),
  };
}

test("two accountable roles: a lead proposes, the other accepts, the flag clears and the log and diagram show it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const supplyLead = await signedInPage(browser, "lead.supply@demo.example");

  // the matrix flags the step, in the problems panel and on its row
  await supplyLead.getByRole("link", { name: "Ownership" }).click();
  await expect(supplyLead).toHaveURL(/\/ownership$/);
  const problem = supplyLead.getByTestId("problems").locator('li[data-step="clearance_agent"]');
  await expect(problem).toContainText("Clearance agent");
  await expect(problem.locator('[data-flag="several_accountable"]')).toHaveText(
    "Two or more accountable roles: Operations manager, Supply chain & logistics",
  );
  const row = supplyLead.locator('tr[data-step="clearance_agent"]');
  await expect(row).toHaveAttribute("data-flagged", "yes");
  await expect(row.locator('td[data-role="supply_chain"]')).toHaveAttribute("data-letter", "AR");
  await expect(row.locator('td[data-role="operations_manager"]')).toHaveAttribute("data-letter", "A");
  const before = await problemCount(supplyLead);
  expect(before.steps).toBeGreaterThanOrEqual(3);

  // the supply-chain lead proposes supply chain as the owner
  await problem.getByRole("link", { name: "Clearance agent" }).click();
  await expect(supplyLead.getByTestId("step-name")).toHaveText("Clearance agent");
  await waitForAppHydration(supplyLead);
  await supplyLead.getByLabel("Proposed owner (accountable role)").selectOption("supply_chain");
  await supplyLead
    .getByLabel("Why this role")
    .fill("We choose and brief the agent for every shipment; operations is consulted on FBA inbound.");
  await supplyLead.getByRole("button", { name: "Propose" }).click();
  await expect(supplyLead.getByText("Proposal sent.")).toBeVisible();
  await expect(supplyLead.getByTestId("decision-log").locator("li").first()).toHaveAttribute("data-status", "proposed");
  // the problems panel says a proposal is waiting
  await supplyLead.goto("/ownership");
  await expect(problem.getByTestId("proposal-waiting")).toHaveText("Proposal waiting for a decision");
  await supplyLead.goto("/ownership/steps/clearance_agent");
  // the proposer cannot decide their own proposal
  await expect(supplyLead.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(
    supplyLead.getByText("Waiting for a decision by another involved role's lead or a manager."),
  ).toBeVisible();

  // the operations lead accepts, with a reason
  const opsLead = await signedInPage(browser, "lead.ops@demo.example");
  await opsLead.goto("/ownership/steps/clearance_agent");
  await waitForAppHydration(opsLead);
  await opsLead
    .getByLabel("Reason for the decision")
    .fill("Agreed: supply chain owns the agent; we keep booking FBA slots.");
  await opsLead.getByRole("button", { name: "Accept" }).click();
  await expect(opsLead.getByText("Accepted: the matrix now has one accountable role for this step.")).toBeVisible();
  await expect(opsLead.getByTestId("step-flags")).toContainText("Resolved by a decision");
  const entry = opsLead.getByTestId("decision-log").locator("li").first();
  await expect(entry).toHaveAttribute("data-status", "accepted");
  await expect(entry).toContainText("Chen Jie 陈杰 proposed Supply chain & logistics as owner");
  await expect(entry.getByTestId("decision")).toContainText("Accepted by Zhang Wei 张伟");
  await expect(entry.getByTestId("decision")).toContainText(
    "Agreed: supply chain owns the agent; we keep booking FBA slots.",
  );
  await expect(opsLead.getByTestId("step-row").locator('[data-role="supply_chain"]')).toHaveAttribute(
    "data-letter",
    "AR",
  );
  await expect(opsLead.getByTestId("step-row").locator('[data-role="operations_manager"]')).toHaveAttribute(
    "data-letter",
    "R",
  );

  // the flag is gone from the matrix, and the count went down by that one step
  await opsLead.goto("/ownership");
  await expect(opsLead.getByTestId("problems").locator('li[data-step="clearance_agent"]')).toHaveCount(0);
  await expect(opsLead.locator('tr[data-step="clearance_agent"]')).toHaveAttribute("data-flagged", "no");
  expect(await problemCount(opsLead)).toEqual({ problems: before.problems - 1, steps: before.steps - 1 });

  // the diagram highlights the step's owners and draws the hand-offs around it
  await opsLead.goto("/ownership/diagram?step=clearance_agent");
  await waitForDiagramToSettle(opsLead);
  await expect(diagramNode(opsLead, "supply_chain").locator("[data-ownership]")).toHaveAttribute(
    "data-ownership",
    "AR",
  );
  await expect(diagramNode(opsLead, "operations_manager").locator("[data-ownership]")).toHaveAttribute(
    "data-ownership",
    "R",
  );
  await expect(diagramNode(opsLead, "marketing").locator("[data-ownership]")).toHaveCount(0);
  await expect(opsLead.getByTestId("accountable-roles")).toHaveText("Supply chain & logistics");
  // supply chain does duties and taxes before it and inspection after it: a hand-off to operations and one back
  await expect(opsLead.locator('[data-hand-off="supply_chain->operations_manager"]')).toHaveCount(1);
  await expect(opsLead.locator('[data-hand-off="operations_manager->supply_chain"]')).toHaveCount(1);

  await supplyLead.context().close();
  await opsLead.context().close();
});

test("the matrix exports as CSV with a column per role, labels in the reader's language beside the ids", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "member@demo.example");
  const rowsOf = async (lang: "en" | "zh") => {
    const response = await page.request.get(`/ownership/export?lang=${lang}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "section,section_id,step,step_id,product_manager,operations_manager,tech_dev,supply_chain,marketing,data_analysis,compliance_risk,accountable,accountable_ids,responsible,responsible_ids,status,status_id,problems,problem_codes",
    );
    return (step: string) => lines.find((line) => line.includes(`,${step},`));
  };
  const en = await rowsOf("en");
  expect(en("customs_documents")).toBe(
    "Logistics and customs clearance,logistics,Customs documents,customs_documents,,,,AR,,,A,Supply chain & logistics;Compliance & risk,supply_chain;compliance_risk,Supply chain & logistics,supply_chain,Has problems,flagged,Two or more accountable,several_accountable",
  );
  expect(en("duties_taxes")).toBe(
    "Logistics and customs clearance,logistics,Duties and taxes,duties_taxes,,,,R,,I,A,Compliance & risk,compliance_risk,Supply chain & logistics,supply_chain,Resolved by a decision,resolved,,",
  );
  const zh = await rowsOf("zh");
  expect(zh("customs_documents")).toBe(
    "物流与清关,logistics,报关资料准备,customs_documents,,,,AR,,,A,供应链/物流;合规风控,supply_chain;compliance_risk,供应链/物流,supply_chain,有问题,flagged,多个最终负责,several_accountable",
  );
  expect(zh("duties_taxes")).toBe(
    "物流与清关,logistics,申报税费,duties_taxes,,,,R,,I,A,合规风控,compliance_risk,供应链/物流,supply_chain,已由决定解决,resolved,,",
  );
  await page.context().close();
});

test("a manager edits a cell and the problem appears; an admin adds, reorders (keyboard) and retires a step", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const manager = await signedInPage(browser, "manager@demo.example");
  await manager.goto("/ownership");
  await waitForAppHydration(manager);
  const before = await problemCount(manager);
  // BI ownership: make marketing accountable too (data analysis already is)
  const cell = manager.getByLabel("BI ownership — Marketing");
  await cell.selectOption("A");
  await cell.press("Enter");
  const row = manager.locator('tr[data-step="system_bi"]');
  await expect(row).toHaveAttribute("data-flagged", "yes");
  await expect(
    manager.getByTestId("problems").locator('li[data-step="system_bi"] [data-flag="several_accountable"]'),
  ).toHaveText("Two or more accountable roles: Marketing, Data analysis");
  expect(await problemCount(manager)).toEqual({ problems: before.problems + 1, steps: before.steps + 1 });
  await cell.selectOption("");
  await cell.press("Enter");
  await expect(row).toHaveAttribute("data-flagged", "no");
  await manager.context().close();

  const admin = await signedInPage(browser, "admin@demo.example");
  await admin.goto("/ownership/steps");
  await waitForAppHydration(admin);
  await admin.getByLabel("Section", { exact: true }).selectOption("logistics");
  await admin.getByLabel("Name (Chinese)", { exact: true }).fill("海外仓备货");
  await admin.getByLabel("Name (English)", { exact: true }).fill("Overseas warehouse stock");
  await admin.getByRole("button", { name: "Add step" }).click();
  await expect(admin.getByText("Step added.")).toBeVisible();
  const logisticsOrder = () =>
    admin
      .locator('[data-testid="steps-table"] tr[data-step]')
      .evaluateAll((rows) =>
        rows.map((row) => (row.querySelector('input[name="nameEn"]') as HTMLInputElement | null)?.value),
      );
  await expect
    .poll(async () => (await logisticsOrder()).slice(5, 11))
    .toEqual([
      "Logistics choice",
      "Customs documents",
      "Duties and taxes",
      "Clearance agent",
      "Inspection and release",
      "Overseas warehouse stock",
    ]);

  // move it up with the keyboard: focus the button, press Enter; focus stays on it for the next press
  await admin.getByRole("button", { name: "Move Overseas warehouse stock up" }).focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByText("Step moved.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Move Overseas warehouse stock up" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect
    .poll(async () => (await logisticsOrder()).slice(8, 11))
    .toEqual(["Overseas warehouse stock", "Clearance agent", "Inspection and release"]);

  // retiring asks first
  await admin.getByRole("link", { name: "Retire Overseas warehouse stock" }).click();
  await expect(admin.getByRole("heading", { name: "Retire “Overseas warehouse stock”?" })).toBeVisible();
  await admin.getByRole("button", { name: "Retire the step" }).click();
  await expect(admin.getByText("Step retired.")).toBeVisible();
  await expect(admin.locator('[data-testid="steps-table"] input[value="Overseas warehouse stock"]')).toHaveCount(0);
  await expect(admin.getByRole("link", { name: "Overseas warehouse stock" })).toBeVisible();
  await admin.context().close();
});
