import { expect, test, type Page } from "@playwright/test";
import { keepScreenshot, openHomeAs, type DemoAccount } from "./helpers";

/*
 * Who sees what inside the demo company (issue 14; README, "Who sees what"):
 * Liu Yang (member@demo.example) sits in operations, led by Zhang Wei
 * (lead.ops@demo.example); Yang Fan sits in supply chain and Emily Carter in
 * operations.
 */

async function signInAs(page: Page, email: DemoAccount) {
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
  await openHomeAs(page, email);
}

async function openMemberPage(page: Page, name: string) {
  await page.goto(`/team?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

const skillRows = (page: Page) => page.locator('tr[id^="skill-"]');

test("a member sees a colleague's roles but not their levels, only their own heat-map row, and no hiring plan", async ({
  page,
}) => {
  await signInAs(page, "member@demo.example");

  await openMemberPage(page, "杨帆 Yang Fan");
  await expect(page.getByText("Logistics Coordinator")).toBeVisible();
  await expect(page.getByTestId("skills-private")).toBeVisible();
  await expect(skillRows(page)).toHaveCount(0);

  await openMemberPage(page, "刘洋 Liu Yang");
  await expect(page.getByTestId("skills-private")).toHaveCount(0);
  expect(await skillRows(page).count()).toBeGreaterThan(0);

  await page.goto("/team/heatmap");
  await expect(page.getByTestId("heatmap-rows-limited")).toBeVisible();
  const rows = page.getByTestId("heatmap").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("刘洋 Liu Yang");

  const csv = await page.request.get("/hiring/plan.csv");
  expect(csv.status()).toBe(403);
  await page.goto("/hiring");
  await expect(
    page.getByText("The hiring plan (positions, owners, notes) is for managers, HR and admins."),
  ).toBeVisible();
});

test("a lead sees the levels of their department's members, not another department's", async ({ page }) => {
  await signInAs(page, "lead.ops@demo.example");
  await openMemberPage(page, "Emily Carter");
  await expect(page.getByTestId("skills-private")).toHaveCount(0);
  expect(await skillRows(page).count()).toBeGreaterThan(0);

  await openMemberPage(page, "杨帆 Yang Fan");
  await expect(page.getByTestId("skills-private")).toBeVisible();
  await expect(skillRows(page)).toHaveCount(0);
});

test("HR sees everyone's levels, the whole heat map and the hiring plan", async ({ page }) => {
  await signInAs(page, "hr@demo.example");
  await openMemberPage(page, "杨帆 Yang Fan");
  await expect(page.getByTestId("skills-private")).toHaveCount(0);
  expect(await skillRows(page).count()).toBeGreaterThan(0);

  await page.goto("/team/heatmap");
  await expect(page.getByTestId("heatmap-rows-limited")).toHaveCount(0);
  expect(await page.getByTestId("heatmap").locator("tbody tr").count()).toBeGreaterThan(20);

  const csv = await page.request.get("/hiring/plan.csv");
  expect(csv.status()).toBe(200);
});

test("a member finds the public position under Open positions, and not the private ones, in English and Chinese", async ({
  page,
}) => {
  await signInAs(page, "member@demo.example");
  await page
    .getByRole("navigation", { name: "Cross-border Team Planner" })
    .getByRole("link", { name: "Open positions" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Open positions" })).toBeVisible();
  // the demo's tech position is public; its notes and the plan's other positions are not
  const rows = page.getByTestId("open-positions").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Tech & development");
  await expect(rows.first()).toContainText("2027-Q1");
  await expect(rows.first()).toContainText("Open");
  await expect(page.getByText("Storefront and checkout")).toHaveCount(0);
  await expect(page.getByText("Compliance & risk")).toHaveCount(0);

  await page.context().addCookies([{ name: "lang", value: "InpoIg%3D%3D", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "在招岗位" })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("技术开发");
  await expect(rows.first()).toContainText("招聘中");
  await keepScreenshot(page, "test-results/hiring-open-zh.png");
});
