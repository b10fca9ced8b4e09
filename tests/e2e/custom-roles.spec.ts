import { expect, test } from "@playwright/test";
import { rememberLanguage, waitForAppHydration } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * Issue 13: an organisation creates a role of its own (a cross-border
 * compliance officer) on the "New role" page, sees it as a department of
 * its chart and assigns a member to it. A new organisation of its own, so
 * the demo's playbook (which the other specs read) stays as shipped. The
 * new-role page is read once in Chinese; the chart in English and Chinese.
 */

const ROLE_ID = "custom_cross_border_compliance_officer";

test("an admin creates a compliance officer role, sees it in the chart and assigns a member to it (en, zh)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await rememberLanguage(page.context(), "en", baseURL);
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Own Role Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page
    .getByLabel("Email address")
    .fill(`own-role-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);

  // the new-role page in Chinese
  await rememberLanguage(page.context(), "zh", baseURL);
  await page.goto("/playbook/roles/new");
  await expect(page.getByRole("heading", { name: "新建岗位", level: 1 })).toBeVisible();
  await expect(page.getByLabel("中文名称")).toBeVisible();
  await expect(page.getByRole("button", { name: "创建岗位并保存新版本" })).toBeVisible();
  await page.screenshot({ path: "/tmp/custom-roles-new-zh.png", fullPage: true });

  // created in English
  await rememberLanguage(page.context(), "en", baseURL);
  await page.goto("/playbook/roles/new");
  await waitForAppHydration(page);
  await page.screenshot({ path: "/tmp/custom-roles-new-en.png", fullPage: true });
  await page.getByLabel("Name in Chinese").fill("跨境合规专员");
  await page.getByLabel("Name in English").fill("Cross-border compliance officer");
  await page.getByRole("checkbox", { name: "Marketplace seller" }).check();
  await page.locator('[id="responsibility.zh"]').fill("跟踪各目标市场的合规要求");
  await page.locator('[id="responsibility.en"]').fill("Track each target market's compliance rules");
  await page.getByRole("combobox", { name: "First skill" }).selectOption("international_regulation");
  await page.getByRole("button", { name: "Create the role and save a version" }).click();
  await expect(page).toHaveURL(new RegExp(`/playbook/roles/${ROLE_ID}\\?created=1$`));

  // assign a member to it
  const name = `Compliance Lead ${Date.now()}`;
  await page.goto("/team/new");
  await waitForAppHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Role 1", exact: true }).selectOption(ROLE_ID);
  await page.getByLabel("Share of role 1 (%)").fill("100");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();

  // the chart has its department, with the member under it, in both languages
  const department = page.getByTestId("department-list").locator(`li[data-role="${ROLE_ID}"]`);
  for (const [lang, label, count] of [
    ["en", "Cross-border compliance officer", "1 member"],
    ["zh", "跨境合规专员", "1名成员"],
  ] as const) {
    await rememberLanguage(page.context(), lang, baseURL);
    await page.goto("/team/chart");
    await expect(department.getByRole("link", { name: label, exact: true })).toBeVisible();
    await expect(department).toContainText(count);
    await expect(department.getByRole("link", { name, exact: true })).toBeVisible();
  }
});
