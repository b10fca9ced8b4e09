import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration, openHomeAs, type DemoAccount } from "./helpers";

/*
 * Training plans on the demo company (issue 5): HR plans training for the
 * demo member (刘洋 Liu Yang, operations) from his gaps; he progresses and
 * completes his item; the operations lead re-assesses the skill; the gap
 * closes on his page and in the heat map, and HR's figures move. An item
 * whose due date has passed shows as overdue.
 */

const LIU = "刘洋 Liu Yang";

async function signIn(page: Page, email: DemoAccount) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
  await openHomeAs(page, email);
}

async function figure(page: Page, key: string): Promise<number> {
  return Number((await page.locator(`[data-figure="${key}"] [data-value]`).innerText()).trim());
}

async function heatmapTotalGap(page: Page, name: string): Promise<number> {
  await page.goto(`/team/heatmap?sort=name`);
  const row = page.getByTestId("heatmap").getByRole("row").filter({ hasText: name });
  return Number((await row.getByTestId("total-gap").innerText()).trim());
}

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

test("plan from gaps, progress as the member, complete, re-assess as the lead: the gap closes and HR's figures move; overdue shows", async ({
  page,
}) => {
  test.setTimeout(120_000);

  // HR: the figures before, and Liu among the members with a gap and no plan
  await signIn(page, "hr@demo.example");
  await page.goto("/training");
  await expect(page.getByRole("heading", { name: "Training progress", level: 1 })).toBeVisible();
  const itemsBefore = await figure(page, "items");
  const closedBefore = await figure(page, "gapsClosed");
  const uncoveredBefore = await figure(page, "membersWithUncoveredGap");
  const heatmapBefore = await heatmapTotalGap(page, LIU);

  // plan from the gaps: one proposal per open gap, the kind from the playbook's advice
  await page.goto("/team");
  await page.getByRole("link", { name: LIU, exact: true }).first().click();
  await expect(page.getByText("No training planned yet, and")).toBeVisible();
  await page.getByRole("link", { name: "Plan training from the gaps" }).click();
  await expect(page.getByRole("heading", { name: `Plan training for ${LIU}` })).toBeVisible();
  await waitForAppHydration(page);
  const adBuying = page.getByTestId("proposal-ad_buying");
  await expect(adBuying.getByLabel("Kind of activity")).toHaveValue("certification");
  await expect(adBuying.getByLabel("Target level")).toHaveValue("3");
  await adBuying.getByLabel("Provider or link").fill("Amazon Ads Learning Console");
  const proposals = await page.locator('[data-testid^="proposal-"]').count();
  expect(proposals).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: "Create the plan" }).click();
  await expect(page.getByText(`${proposals} training items planned.`)).toBeVisible();
  const plan = page.getByTestId("training-plan");
  await expect(plan.locator('tr[data-skill="ad_buying"]')).toHaveAttribute("data-status", "planned");
  const memberUrl = new URL(page.url()).pathname;

  // the member progresses his own item: status, progress and evidence only
  await signIn(page, "member@demo.example");
  await page.goto(memberUrl);
  await expect(page.getByText("You can update the progress of your items")).toBeVisible();
  await page
    .getByTestId("training-plan")
    .locator('tr[data-skill="ad_buying"]')
    .getByRole("link", { name: "Update progress" })
    .click();
  await expect(page.getByText("You can update the status, progress and evidence of your own item.")).toBeVisible();
  await expect(page.getByLabel("Target level")).toHaveCount(0);
  await waitForAppHydration(page);
  await page.getByLabel("Status").selectOption("in_progress");
  await page.getByLabel("Progress (%)").fill("50");
  await page.getByLabel("Evidence (a note or a link)").fill("Modules 1–3 done");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByLabel("Progress (%)")).toHaveValue("50");

  // …and completes it: that asks for a re-assessment
  await page.getByLabel("Status").selectOption("completed");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Completed: the lead or HR is asked to re-assess this skill.")).toBeVisible();
  await expect(page.getByTestId("item-levels")).toContainText("0 → awaiting re-assessment");
  // the same in Chinese (issue 18: never "0 → ?"), then back to English for the rest of the story
  await page.context().addCookies([{ name: "lang", value: "InpoIg%3D%3D", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByTestId("item-levels")).toContainText("0 → 待重新评估");
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);

  // the operations lead sees the request and re-assesses
  await signIn(page, "lead.ops@demo.example");
  await page.goto("/training");
  const request = page
    .getByTestId("reassessments")
    .getByRole("listitem")
    .filter({ hasText: LIU })
    .filter({ hasText: "Ad buying" });
  await expect(request).toBeVisible();
  // the item's own page links to the same assessment, on the same skill
  await request.getByRole("link", { name: LIU }).click();
  await expect(page).toHaveURL(/\/training\/items\//);
  await expect(page.getByRole("link", { name: "Record the re-assessment" })).toHaveAttribute(
    "href",
    /^\/team\/[^/?#]+\?assess=ad_buying#assess$/,
  );
  await page.goBack();
  await expect(page).toHaveURL(/\/training$/);
  await request.getByRole("link", { name: "Assess" }).click();
  // wait for the member page: until its loader answers, the progress page (with a "Skill" filter of its own) is still shown
  await expect(page).toHaveURL(/\/team\/[^/?#]+\?assess=ad_buying#assess$/);
  const assess = page.locator("section#assess");
  await expect(assess.getByRole("heading", { name: "Record an assessment" })).toBeVisible();
  await waitForAppHydration(page);
  // the request names the skill, so the form opens on it
  await expect(assess.getByLabel("Skill", { exact: true })).toHaveValue("ad_buying");
  await assess.getByRole("radio", { name: /^3 · / }).check();
  await assess.getByRole("button", { name: "Record assessment" }).click();
  await expect(page.getByText("Assessment recorded.")).toBeVisible();

  // the gap closes on the member page, the item shows the level before and after
  const skillRow = page.locator("#skill-ad_buying");
  await expect(skillRow.locator("[data-assessed]")).toHaveAttribute("data-assessed", "3");
  await expect(skillRow).toContainText("Met");
  const itemRow = page.getByTestId("training-plan").locator('tr[data-skill="ad_buying"]');
  await expect(itemRow.getByTestId("levels")).toContainText("0 → 3");
  await expect(itemRow).toContainText("Gap closed");

  // …and in the heat map
  expect(await heatmapTotalGap(page, LIU)).toBe(heatmapBefore - 3);

  // HR's figures moved
  await signIn(page, "hr@demo.example");
  await page.goto("/training");
  expect(await figure(page, "items")).toBe(itemsBefore + proposals);
  expect(await figure(page, "gapsClosed")).toBe(closedBefore + 1);
  expect(await figure(page, "membersWithUncoveredGap")).toBe(uncoveredBefore - 1);
  await expect(page.getByTestId("reassessments").getByRole("listitem").filter({ hasText: LIU })).toHaveCount(0);

  // an item whose due date has passed shows as overdue, on the item, the member page and HR's list
  const overdueBefore = await figure(page, "overdue");
  await page.goto(memberUrl);
  const other = page.getByTestId("training-plan").locator("tr[data-status='planned']").first();
  const otherSkill = await other.getAttribute("data-skill");
  await other.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/training\/items\/[^/?#]+/);
  await waitForAppHydration(page);
  await page.getByLabel("Start date").fill("");
  await page.getByLabel("Due date").fill(yesterday());
  await page.getByLabel("Status").selectOption("in_progress");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator("h1 + [data-status]")).toHaveText("Overdue");
  await page.goto(memberUrl);
  await expect(page.getByTestId("training-plan").locator(`tr[data-skill="${otherSkill}"]`)).toHaveAttribute(
    "data-status",
    "overdue",
  );
  await page.goto("/training?status=overdue&q=Liu");
  await expect(page.getByTestId("training-list").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("training-list").locator("tbody tr").first()).toHaveAttribute("data-status", "overdue");
  await page.goto("/training");
  expect(await figure(page, "overdue")).toBe(overdueBefore + 1);
});

test("a second save of the same version is refused with what changed, and keeps what was typed", async ({
  browser,
}) => {
  const hr = await browser.newPage();
  const lead = await browser.newPage();
  await signIn(hr, "hr@demo.example");
  // the lead's page: a context of its own (its own cookies)
  const leadContext = await browser.newContext();
  const leadPage = await leadContext.newPage();
  await lead.close();
  await signIn(leadPage, "lead.ops@demo.example");

  // an operations item both can edit
  await hr.goto("/training?department=operations_manager&status=in_progress&sort=member");
  const href = await hr
    .getByTestId("training-list")
    .locator("tbody tr")
    .first()
    .locator("td a")
    .first()
    .getAttribute("href");
  expect(href).toMatch(/^\/training\/items\//);
  await hr.goto(href!);
  await leadPage.goto(href!);
  await waitForAppHydration(hr);
  await waitForAppHydration(leadPage);

  await hr.getByLabel("Provider or link").fill("Saved by HR");
  await hr.getByRole("button", { name: "Save" }).click();
  await expect(hr.getByText("Saved.")).toBeVisible();

  await leadPage.getByLabel("Provider or link").fill("Typed by the lead");
  await leadPage.getByRole("button", { name: "Save" }).click();
  const conflict = leadPage.getByTestId("conflict");
  await expect(conflict).toContainText("Someone else saved this while you were editing it.");
  await expect(conflict.locator('tr[data-field="provider"]')).toContainText("Saved by HR");
  await expect(conflict.locator('tr[data-field="provider"]')).toContainText("Typed by the lead");
  await expect(leadPage.getByLabel("Provider or link")).toHaveValue("Typed by the lead");
  await hr.reload();
  await expect(hr.getByLabel("Provider or link")).toHaveValue("Saved by HR");
  await leadContext.close();
  await hr.close();
});
