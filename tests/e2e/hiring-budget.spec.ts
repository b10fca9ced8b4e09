import { expect, test, type Browser, type Page } from "@playwright/test";
import { rememberLanguage, type Lang, keepScreenshot, openHomeAs } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * The demo company's manager (target: an independent DTC site at the mature
 * stage) adds a position by hand with a budget, hires for a skill nobody on
 * the team has at the level, and reads the budget per quarter: the budget of
 * the first, and the second counted as "without budget". Once in each
 * language, each in a quarter of its own far ahead, so the two runs do not
 * add to each other's totals.
 */

// both runs add to the demo company's plan and take the first skill proposal: one after another
test.describe.configure({ mode: "serial" });

const TEXT = {
  en: {
    addByHand: "Add a position by hand",
    role: "Role",
    title: "Position title",
    people: "People",
    quarter: "Target quarter",
    reason: "Why it is needed",
    budget: "Budget per person (optional)",
    currency: "Currency",
    submit: "Add to the plan",
    added: "Position added to the hiring plan.",
    hired: "Position added to the hiring plan for that skill.",
    required: "Enter a title for the position.",
    amountError: "Enter a whole number from 1 to 1,000,000,000, or leave it empty.",
    positionTitle: "German-speaking marketer",
    reasonText: "Opening the German market",
    total: "CN¥500,000",
    withoutOne: "1 without budget",
    hireFor: /^Hire for /,
    originSkill: /^Hire for .+ \(level \d\)$/,
    quarterValue: "2031-Q1",
  },
  zh: {
    addByHand: "手动添加岗位",
    role: "岗位",
    title: "岗位名称",
    people: "人数",
    quarter: "目标季度",
    reason: "招聘原因",
    budget: "人均预算（可选）",
    currency: "币种",
    submit: "加入计划",
    added: "岗位已加入招聘计划。",
    hired: "已为该技能新增招聘岗位。",
    required: "请输入岗位名称。",
    amountError: "请输入 1 到 1,000,000,000 之间的整数，或留空。",
    positionTitle: "德语市场营销专员",
    reasonText: "开拓德国市场",
    total: "¥500,000",
    withoutOne: "1个岗位无预算",
    hireFor: /^为.+招聘$/,
    originSkill: /^为.+招聘（\d级）$/,
    quarterValue: "2031-Q2",
  },
} as const;

async function signInAsManager(browser: Browser, lang: Lang, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext();
  await rememberLanguage(context, lang, baseURL);
  const page = await context.newPage();
  await openHomeAs(page, "manager@demo.example");
  return page;
}

for (const lang of ["en", "zh"] as const) {
  test(`a manager adds a position by hand with a budget, hires for a skill, and sees the total per quarter (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const t = TEXT[lang];
    const page = await signInAsManager(browser, lang, baseURL);
    await page.goto("/hiring");

    // by hand: a refusal first (no title, an amount with decimals), keeping what was typed
    await page.getByRole("link", { name: t.addByHand }).click();
    await expect(page).toHaveURL(/\/hiring\/positions\/new$/);
    await page.getByLabel(t.role, { exact: true }).selectOption("marketing");
    await page.getByLabel(t.people, { exact: true }).fill("2");
    await page.getByLabel(t.quarter, { exact: true }).fill(t.quarterValue);
    await page.getByLabel(t.reason).fill(t.reasonText);
    await page.getByLabel(t.budget).fill("250000.50");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.locator("#title-error")).toHaveText(t.required);
    await expect(page.locator("#budgetAmount-error")).toHaveText(t.amountError);
    await expect(page.getByLabel(t.reason)).toHaveValue(t.reasonText);
    await expect(page.getByLabel(t.quarter, { exact: true })).toHaveValue(t.quarterValue);

    await page.getByLabel(t.title).fill(t.positionTitle);
    await page.getByLabel(t.budget).fill("250,000");
    await page.getByLabel(t.currency).selectOption("CNY");
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(/\/hiring\?done=added/);
    await expect(page.getByTestId("done")).toHaveText(t.added);
    const manual = page.getByTestId("plan-table").locator("tbody tr", { hasText: t.positionTitle });
    await expect(manual).toHaveCount(1);
    await expect(manual.getByTestId("position-budget")).toHaveText(t.total);

    const quarterRow = page.getByTestId("budget-by-quarter").locator(`tr[data-quarter="${t.quarterValue}"]`);
    await expect(quarterRow.getByTestId("budget-total")).toHaveText(t.total);
    await expect(quarterRow.getByTestId("without-budget")).toHaveText("—");

    // a skill nobody in a role has at the level: hire for it, in the same quarter
    const shortfalls = page.getByTestId("skill-shortfalls");
    const first = shortfalls.locator("tbody tr").first();
    const role = await first.getAttribute("data-role");
    const skill = await first.getAttribute("data-skill");
    await first.getByRole("textbox").fill(t.quarterValue);
    await first.getByRole("button", { name: t.hireFor }).click();
    await expect(page.getByTestId("done")).toHaveText(t.hired);
    // the proposal is gone, and the plan has a position for that skill
    await expect(shortfalls.locator(`tr[data-role="${role}"][data-skill="${skill}"]`)).toHaveCount(0);
    const skillRow = page
      .getByTestId("plan-table")
      .locator(`tr[data-role="${role}"]`, { has: page.getByTestId("origin") })
      .last();
    await expect(skillRow.getByTestId("origin")).toHaveText(t.originSkill);

    // the quarter's total: the budgeted position, and one without a budget
    await expect(quarterRow.locator("td").first()).toHaveText("2");
    await expect(quarterRow.getByTestId("budget-total")).toHaveText(t.total);
    await expect(quarterRow.getByTestId("without-budget")).toHaveText(t.withoutOne);
    await page.getByTestId("budget-by-quarter").scrollIntoViewIfNeeded();
    await keepScreenshot(page, `test-results/hiring-budget-${lang}.png`);

    // the CSV carries the budget
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: lang === "en" ? "Export as CSV" : "导出 CSV" }).click(),
    ]);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
    expect(
      csv.split("\r\n").some((line) => line.includes(t.positionTitle) && line.includes(",250000,500000,CNY,")),
    ).toBe(true);
    await page.context().close();
  });
}

test("a two-channel business profile with drivers sizes the org chart and the hiring delta (en)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // a company of its own, so the demo company's headcount stays what the other specs expect
  const context = await browser.newContext();
  await rememberLanguage(context, "en", baseURL);
  const page = await context.newPage();
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Sized Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page
    .getByLabel("Email address")
    .fill(`sized-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);

  // the chart before a profile: the stage's range, one open seat in operations
  await page.goto("/team/chart");
  await expect(page.getByTestId("chart-profile")).toHaveText(
    "No business profile yet: headcount is the stage's range.",
  );
  const opsCard = page.getByTestId("department-list").locator('li[data-role="operations_manager"]');
  await expect(opsCard).toContainText("1 open seat");

  await page.goto("/hiring");
  await page.getByLabel("Target operating model").selectOption("independent_site");
  await page.getByLabel("Target stage").selectOption("growth");
  await page.getByRole("button", { name: "Set target" }).click();
  const ops = page.getByTestId("delta-table").locator('tr[data-role="operations_manager"]');
  // the stage's range: operations at an independent site's growth stage, 1–2 people
  await expect(page.getByTestId("delta-sizing")).toContainText("Headcount from the playbook's ranges");
  await expect(ops.locator("td").nth(1)).toHaveText("1–2");

  // 60 % marketplace, 40 % own site, twelve stores: one operations manager per 2–3 stores
  await page.getByTestId("delta-sizing").getByRole("link", { name: "Business profile" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await page.getByLabel("Marketplace seller share").fill("60");
  await page.getByLabel("Independent DTC site share").fill("40");
  await page.getByLabel(/^Stores and sites/).fill("12");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toContainText("Business profile saved.");

  // the chart now: sized to the profile, and operations needs four people for twelve stores
  await page.goto("/team/chart");
  await expect(page.getByTestId("chart-profile")).toContainText("Sized to the business profile:");
  await expect(page.getByTestId("chart-profile")).toContainText("12");
  await expect(opsCard).toContainText("4 open seats");

  await page.goto("/hiring");
  await expect(page.getByTestId("delta-sizing")).toContainText("Headcount sized to the business profile");
  await expect(ops.locator("td").nth(1)).toHaveText("4–6");
  await expect(ops).toHaveAttribute("data-gap", "4");
  await context.close();
});
