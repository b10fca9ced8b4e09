import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration, openHomeAs } from "./helpers";

/*
 * HR's flows on the demo company (marketplace seller at growth): add a
 * member holding two roles, assess a skill and see the gap close on the
 * member page, in the heat map and in the org chart; import a CSV with a bad
 * row and see nothing imported; export the org chart as a PNG.
 */

async function signInAsHr(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
  await openHomeAs(page, "hr@demo.example");
}

async function heatmapTotalGap(page: Page, name: string): Promise<number> {
  await page.goto(`/team/heatmap?sort=name`);
  const row = page.getByTestId("heatmap").getByRole("row").filter({ hasText: name });
  return Number((await row.getByTestId("total-gap").innerText()).trim());
}

test("add a member with two roles, assess a skill, and see the gap close everywhere", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsHr(page);
  const name = `Zz Tester ${Date.now()}`;

  await page.goto("/team/new");
  await waitForAppHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Role 1", exact: true }).selectOption("product_manager");
  await page.getByLabel("Share of role 1 (%)").fill("50");
  // the form starts with one role row
  await expect(page.getByRole("combobox", { name: "Role 2", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Add a role" }).click();
  await page.getByRole("combobox", { name: "Role 2", exact: true }).selectOption("operations_manager");
  await page.getByLabel("Share of role 2 (%)").fill("50");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  const memberId = new URL(page.url()).pathname.split("/").pop()!;

  // platform rules: needed by the operations role, not assessed yet: unknown, not a gap
  const platformRules = page.locator("#skill-platform_rules");
  await expect(platformRules.locator("[data-assessed]")).toHaveAttribute("data-assessed", "none");
  await expect(platformRules).toContainText("Unknown until assessed");
  expect(await heatmapTotalGap(page, name)).toBe(0);

  // HR assesses platform rules at level 1: a real gap of 2
  await page.goto(`/team/${memberId}`);
  await waitForAppHydration(page);
  await page.getByLabel("Skill", { exact: true }).selectOption("platform_rules");
  await page.getByRole("radio", { name: /^1 · / }).check();
  await page.getByRole("button", { name: "Record assessment" }).click();
  await expect(page.getByText("Assessment recorded.")).toBeVisible();
  await expect(platformRules).toContainText("2 below");
  const before = await heatmapTotalGap(page, name);
  expect(before).toBe(2);

  // then at level 3: the gap closes
  await page.goto(`/team/${memberId}`);
  await waitForAppHydration(page);
  await page.getByLabel("Skill", { exact: true }).selectOption("platform_rules");
  await page.getByRole("radio", { name: /^3 · / }).check();
  await page.getByRole("button", { name: "Record assessment" }).click();
  await expect(page.getByText("Assessment recorded.")).toBeVisible();
  await expect(platformRules.locator("[data-assessed]")).toHaveAttribute("data-assessed", "3");
  await expect(platformRules).toContainText("Met");

  // the heat map's total for the member dropped by exactly that gap
  expect(await heatmapTotalGap(page, name)).toBe(before - 2);

  // the org chart's member panel shows the new level and no gap for the skill
  await page.goto(`/team/chart?member=${memberId}`);
  const skillRow = page.getByTestId("member-skills").locator('tr[data-skill="platform_rules"]');
  await expect(skillRow.locator("td").nth(0)).toHaveText("3");
  await expect(skillRow.locator("td").nth(2)).toHaveText("0");
});

test("a CSV with one bad row imports nothing and names the row", async ({ page }) => {
  await signInAsHr(page);
  await page.goto("/team/import");
  await page.getByRole("radio", { name: "Members" }).check();
  await page
    .getByLabel("CSV text")
    .fill(
      [
        "name,email,title,department,roles,manager_email,markets,languages,start_date",
        "Good Person,good.person.e2e@demo.example,Analyst,data_analysis,data_analysis:100,,US,en,2026-01-05",
        "Bad Person,bad.person.e2e@demo.example,Analyst,data_analysis,astrology:100,,US,en,2026-01-05",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText(/Nothing was imported: 1 problem/)).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems found in the file" });
  await expect(problems).toContainText("3"); // the bad row, counting the header as row 1
  await expect(problems).toContainText("astrology");
  // the good row was not imported either (other tests add members meanwhile, so count nothing else)
  await page.goto("/team");
  await expect(page.getByText("Good Person")).toHaveCount(0);
  const exported = await page.request.get("/team/export/members.csv");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain("good.person.e2e@demo.example");
});

test("the org chart exports as a PNG", async ({ page }) => {
  await signInAsHr(page);
  await page.goto("/team/chart");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  const button = page.getByTestId("export-png");
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^org-chart-\d{4}-\d{2}-\d{2}\.png$/);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const bytes = readFileSync(path!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5_000);
});
