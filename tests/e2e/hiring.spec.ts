import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * Hiring by stage, as a manager would do it: a new organisation (a
 * marketplace seller at the startup stage, nobody on the team yet) sets a
 * target (an independent DTC site at growth), reads the delta, creates the
 * hiring plan from the proposal, reorders it, fills a position with a new
 * member and sees the gap for that role shrink by one. Then two scenarios
 * side by side, from one of the source's cases and from the form.
 */

const PASSWORD = "a long enough password";

async function preferEnglish(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
}

async function signUpFounder(page: Page) {
  await preferEnglish(page);
  await page.goto("/signup?model=platform&stage=startup");
  await page.getByLabel("Organisation name").fill(`Hiring Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page
    .getByLabel("Email address")
    .fill(`hiring-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
}

const deltaRow = (page: Page, role: string) => page.getByTestId("delta-table").locator(`tr[data-role="${role}"]`);
const planRows = (page: Page) => page.getByTestId("plan-table").locator("tbody tr");

test("set a target, see the delta, create the plan, fill a position with a new member, see the delta shrink", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUpFounder(page);

  await page.getByRole("link", { name: "Hiring", exact: true }).click();
  await expect(page).toHaveURL(/\/hiring$/);
  await expect(page.getByTestId("no-target")).toBeVisible();
  await expect(page.getByTestId("plan-empty")).toBeVisible();

  // the target
  await page.getByLabel("Target operating model").selectOption("independent_site");
  await page.getByLabel("Target stage").selectOption("growth");
  await page.getByRole("button", { name: "Set target" }).click();
  await expect(page.getByTestId("target-now")).toHaveText("Target: Independent DTC site · Growth");

  // the delta: nobody on the team yet; tech is not needed by a marketplace startup and core (2–3) at the target
  await expect(deltaRow(page, "tech_dev")).toHaveAttribute("data-gap", "2");
  await expect(deltaRow(page, "tech_dev")).toContainText("Not needed");
  await expect(deltaRow(page, "tech_dev")).toContainText("Core");
  await expect(deltaRow(page, "marketing")).toHaveAttribute("data-gap", "2");
  await expect(deltaRow(page, "product_manager")).toHaveAttribute("data-gap", "1");
  await expect(deltaRow(page, "tech_dev")).toContainText("nobody holds the role");

  // the proposal follows the playbook: startup-tier roles first, then growth-tier
  const proposal = page.getByTestId("proposal");
  await expect(proposal.locator("tbody tr")).toHaveCount(6);
  expect(
    await proposal.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-role"))),
  ).toEqual(["product_manager", "operations_manager", "supply_chain", "tech_dev", "marketing", "data_analysis"]);
  // leave supply chain out, and ask for a specific quarter for tech
  await proposal.getByRole("checkbox", { name: "Include Supply chain & logistics" }).uncheck();
  await proposal.getByRole("textbox", { name: "Target quarter for Tech & development" }).fill("2027-Q2");
  await proposal.getByRole("button", { name: "Create the hiring plan" }).click();
  await expect(page.getByTestId("done")).toHaveText("Positions added to the hiring plan.");

  await expect(planRows(page)).toHaveCount(5);
  await expect(page.locator('[data-figure="seats"]')).toHaveText("7");
  await expect(page.locator('[data-figure="filled"]')).toHaveText("0");
  await expect(page.locator('tr[data-role="tech_dev"][data-position]')).toContainText("2027-Q2");
  // supply chain was left out, so it is still proposed
  await expect(page.getByTestId("proposal").locator('tr[data-role="supply_chain"]')).toBeVisible();

  // reorder with the keyboard: the tech position moves up one place
  await waitForAppHydration(page);
  const order = () => planRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-role")));
  expect(await order()).toEqual(["product_manager", "operations_manager", "tech_dev", "marketing", "data_analysis"]);
  await page.getByRole("button", { name: "Move position 3 (Tech & development) up" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(order).toEqual(["product_manager", "tech_dev", "operations_manager", "marketing", "data_analysis"]);

  // fill one of the two tech seats with a new member
  await page.locator('tr[data-role="tech_dev"][data-position]').getByRole("link", { name: "Fill…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Position: Tech & development");
  await page.getByLabel("Name (new member)").fill("Mei Developer");
  await page.getByLabel("Job title (optional)").fill("Shopify developer");
  await page.getByRole("button", { name: "Fill position" }).click();
  await expect(page).toHaveURL(/\/hiring\?done=filled/);

  // the delta shrank by one for tech, and the plan's figures moved
  await expect(deltaRow(page, "tech_dev")).toHaveAttribute("data-gap", "1");
  await expect(deltaRow(page, "tech_dev")).not.toContainText("nobody holds the role");
  await expect(page.locator('[data-figure="filled"]')).toHaveText("1");
  await expect(page.locator('[data-figure="inPipeline"]')).toHaveText("6");
  const filled = page.locator('tr[data-role="tech_dev"][data-status="filled"]');
  await expect(filled).toContainText("Mei Developer");
  await expect(page.locator('tr[data-role="tech_dev"][data-status="planned"]')).toHaveCount(1);

  // the new member is on the team, holding the role
  await filled.getByRole("link", { name: "Mei Developer" }).click();
  await expect(page.getByRole("heading", { name: "Mei Developer", level: 2 })).toBeVisible();

  // CSV of the plan
  await page.goto("/hiring");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hiring-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text).toContain("Mei Developer");
  expect(text.trim().split("\r\n")).toHaveLength(1 + 6);

  // PNG of the target org chart
  await waitForAppHydration(page);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-target-png").click()]);
  expect(png.suggestedFilename()).toMatch(/^target-org-independent_site-growth-\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
});

test("compare two scenarios side by side, from a case of the source and from the form", async ({ page }) => {
  await preferEnglish(page);
  await page.goto("/scenarios");
  await expect(page.getByTestId("scenarios-empty")).toBeVisible();

  await page.getByTestId("example-marketplace_to_dtc").click();
  await expect(page).toHaveURL(/aModel=platform&aStage=growth&bModel=independent_site&bStage=growth/);
  await expect(page.getByTestId("comparison-title")).toHaveText(
    "Marketplace seller · Growth → Independent DTC site · Growth",
  );
  const table = page.getByTestId("diff-table");
  await expect(table.locator('tr[data-role="tech_dev"]')).toHaveAttribute("data-kind", "added");
  await expect(table.locator('tr[data-role="marketing"]')).toContainText("2–4");
  await expect(page.getByTestId("diagram-a").locator(".react-flow__node")).toHaveCount(8);
  await expect(page.getByTestId("diagram-b").locator(".react-flow__node")).toHaveCount(8);

  // the form: a B2B company growing into maturity adds compliance and risk control
  await page.getByLabel("Operating model").first().selectOption("b2b");
  await page.getByLabel("Stage").first().selectOption("growth");
  await page.getByLabel("Operating model").nth(1).selectOption("b2b");
  await page.getByLabel("Stage").nth(1).selectOption("mature");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/aModel=b2b&aStage=growth&bModel=b2b&bStage=mature/);
  await expect(table.locator('tr[data-role="compliance_risk"]')).toHaveAttribute("data-kind", "added");
  await expect(table.locator('tr[data-role="compliance_risk"]')).toContainText("Risk control");
});
