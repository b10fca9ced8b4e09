import { expect, test } from "@playwright/test";
import { rememberLanguage, waitForAppHydration } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * Issue 13: an organisation turns on an extension role of the playbook's
 * library (customer service), sees it as a department of its chart and
 * assigns a member to it. A new organisation of its own, so the demo's
 * playbook (which the other specs read) stays the shipped seven. Set-up in
 * English; the chart is then read in English and in Chinese.
 */

test("an admin turns on customer service, sees it in the chart and assigns a member to it (en, zh)", async ({
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
});
