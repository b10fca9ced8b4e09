import { expect, test } from "@playwright/test";
import { rememberLanguage, waitForAppHydration } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * Issue 13: an organisation turns on an extension role of the playbook's
 * library (customer service), sees it as a department of its chart,
 * assigns a member to it and gives it R on a step of its RACI matrix. A new organisation of its own, so the demo's
 * playbook (which the other specs read) stays the shipped seven. Set-up in
 * English; the chart is then read in English and in Chinese.
 */

test("an admin turns on customer service, sees it in the chart, assigns a member to it and gives it R in the RACI (en, zh)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await rememberLanguage(page.context(), "en", baseURL);
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Extension Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page
    .getByLabel("Email address")
    .fill(`extension-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);

  // before: the chart has no customer service department and the member form does not offer it
  await page.goto("/team/chart");
  const department = page.getByTestId("department-list").locator('li[data-role="customer_service"]');
  await expect(page.getByTestId("department-list").locator('li[data-role="operations_manager"]')).toBeVisible();
  await expect(department).toHaveCount(0);

  // the role's page in Chinese: full-width colons in the skill lines, no space between two sentences
  await rememberLanguage(page.context(), "zh", baseURL);
  await page.goto("/playbook/extensions/customer_service");
  await expect(page.getByText("客户服务与售后：2 / 3 / 3", { exact: true })).toBeVisible();
  await expect(page.getByTestId("extension-state")).toContainText("该岗位未启用。启用后");
  await rememberLanguage(page.context(), "en", baseURL);

  // the matrix has no customer service column yet
  await page.goto("/ownership");
  const matrix = page.getByTestId("raci-matrix");
  await expect(matrix.locator('th[data-role="operations_manager"]')).toBeVisible();
  await expect(matrix.locator('th[data-role="customer_service"]')).toHaveCount(0);

  // turn it on: a new version of the organisation's playbook
  await page.goto("/playbook/extensions/customer_service");
  await waitForAppHydration(page);
  await page.getByRole("button", { name: "Turn on and save a version" }).click();
  await expect(page).toHaveURL(/\/playbook\?saved=extension-on$/);

  // assign a member to it
  const name = `Cs Agent ${Date.now()}`;
  await page.goto("/team/new");
  await waitForAppHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Role 1", exact: true }).selectOption("customer_service");
  await page.getByLabel("Share of role 1 (%)").fill("100");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();

  // a team this small starts with every department open: the member is listed under it
  for (const [lang, label, count] of [
    ["en", "Customer service (multilingual)", "1 member"],
    ["zh", "多语种客服", "1名成员"],
  ] as const) {
    await rememberLanguage(page.context(), lang, baseURL);
    await page.goto("/team/chart");
    await expect(department.getByRole("link", { name: label, exact: true })).toBeVisible();
    await expect(department).toContainText(count);
    await expect(department.getByRole("link", { name, exact: true })).toBeVisible();
  }

  // the RACI matrix has its column: the founder gives it R on after-sales (saved with Enter, like a spreadsheet)
  await rememberLanguage(page.context(), "en", baseURL);
  await page.goto("/ownership");
  await waitForAppHydration(page);
  const cell = matrix.locator('tr[data-step="after_sales"] td[data-role="customer_service"]');
  await cell.getByRole("combobox", { name: "After-sales — Customer service (multilingual)" }).selectOption("R");
  await cell.getByRole("combobox").press("Enter");
  // saved: the matrix, revalidated from the server, has the letter
  await expect(cell).toHaveAttribute("data-letter", "R");
  for (const [lang, header] of [
    ["en", "Customer service (multilingual)"],
    ["zh", "多语种客服"],
  ] as const) {
    await rememberLanguage(page.context(), lang, baseURL);
    await page.goto("/ownership");
    await expect(matrix.locator('th[data-role="customer_service"]')).toHaveText(header);
    await expect(cell).toHaveAttribute("data-letter", "R");
  }
});
