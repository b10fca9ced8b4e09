import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration, type Lang, keepScreenshot } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * The assessment grid (issue 18), as HR uses it: one member on every skill of
 * their roles from the member page, one department on one skill from the gaps
 * page; typed with the keyboard (digits, arrow keys, Enter), saved in one
 * request, the last level and its date shown after; a wrong cell answered
 * beside the cell with everything typed kept. In English and in Chinese.
 */

const PASSWORD = "a long enough password";
const LANG_COOKIE: Record<Lang, string> = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" };

const TEXT = {
  en: {
    openMember: "Assess all role skills",
    assess: "Assess",
    saved: (count: number) => `Saved: ${count} assessment${count === 1 ? "" : "s"} added to the history.`,
    levelError: "Type a level from 0 to 4, or leave the cell empty.",
    refused: "Nothing was saved: see the cells marked below.",
    changes: "2 changes to save",
    lastLevel: (level: number) => `level ${level}`,
    self: "You cannot assess yourself",
  },
  zh: {
    openMember: "评估全部岗位技能",
    assess: "评估",
    saved: (count: number) => `已保存：评估历史新增${count}条记录。`,
    levelError: "请输入 0–4 的等级，或留空。",
    refused: "未保存任何内容：请查看下方标出的单元格。",
    changes: "2项待保存的修改",
    lastLevel: (level: number) => `${level}级`,
    self: "不能评估自己",
  },
} as const;

async function switchLanguage(page: Page, lang: Lang) {
  await page.context().addCookies([{ name: "lang", value: LANG_COOKIE[lang], domain: "localhost", path: "/" }]);
}

async function signUp(page: Page) {
  await switchLanguage(page, "en");
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Grid Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Grid");
  await page
    .getByLabel("Email address")
    .fill(`grid-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByLabel("My role (optional)").selectOption("operations_manager");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
}

async function addMember(page: Page, name: string, roleId: string): Promise<string> {
  await page.goto("/team/new");
  await waitForAppHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Role 1", exact: true }).selectOption(roleId);
  await page.getByLabel("Share of role 1 (%)").fill("100");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

const levelInput = (page: Page, memberId: string, skillId: string) =>
  page.getByTestId(`grid-row-${memberId}-${skillId}`).locator('input[name$=".level"]');

function countPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/team/assess"))
      posts.push(request.url());
  });
  return posts;
}

test("HR assesses one member on all role skills and a department on one skill, each in one submit (en, zh)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page);
  const annId = await addMember(page, "Ann Grid", "operations_manager");
  const boId = await addMember(page, "Bo Grid", "operations_manager");
  const posts = countPosts(page);

  for (const [round, lang] of (["en", "zh"] as const).entries()) {
    await switchLanguage(page, lang);
    // one member × the skills of their roles, from the member page
    await page.goto(`/team/${annId}`);
    await waitForAppHydration(page);
    await page.getByRole("link", { name: TEXT[lang].openMember }).click();
    await expect(page).toHaveURL(new RegExp(`/team/assess\\?member=${annId}$`));
    await waitForAppHydration(page);
    posts.length = 0;
    // type a level, ↓ to the next skill, type, → to its note, write one; Enter saves the grid
    await levelInput(page, annId, "platform_rules").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(String(3 + round));
    await page.keyboard.press("ArrowDown");
    await expect(levelInput(page, annId, "ad_buying")).toBeFocused();
    await page.keyboard.type(String(1 + round));
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type(lang === "en" ? "Runs campaigns alone" : "能独立投放广告");
    await expect(page.getByText(TEXT[lang].changes)).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByText(TEXT[lang].saved(2))).toBeVisible();
    expect(posts).toHaveLength(1);
    // the last level and its date now show beside each saved cell
    const row = page.getByTestId(`grid-row-${annId}-platform_rules`);
    await expect(row).toContainText(TEXT[lang].lastLevel(3 + round));
    await expect(levelInput(page, annId, "platform_rules")).toHaveValue(String(3 + round));
    await keepScreenshot(page, `/tmp/everyday-grid-member-${lang}.png`);

    // saving again without a change writes nothing
    posts.length = 0;
    await page.getByRole("button", { name: lang === "en" ? "Save the grid" : "保存评估表" }).click();
    await expect(
      page.getByText(lang === "en" ? "Nothing had changed: nothing was saved." : "没有任何改动，未保存内容。"),
    ).toBeVisible();

    // a wrong level: the message beside the cell, every typed value kept, nothing saved
    await waitForAppHydration(page);
    const erpLast = page.getByTestId(`grid-row-${annId}-erp_crm_tools`).locator("td").nth(1);
    const erpBefore = await erpLast.textContent();
    await levelInput(page, annId, "multi_language_culture").fill("7");
    await levelInput(page, annId, "erp_crm_tools").fill("2");
    await page.getByRole("button", { name: lang === "en" ? "Save the grid" : "保存评估表" }).click();
    const wrong = page.getByTestId(`grid-row-${annId}-multi_language_culture`);
    await expect(wrong).toContainText(TEXT[lang].levelError);
    await expect(levelInput(page, annId, "multi_language_culture")).toHaveValue("7");
    await expect(levelInput(page, annId, "erp_crm_tools")).toHaveValue("2");
    // nothing saved: the valid cell beside the wrong one still shows the assessment it had
    await expect(erpLast).toHaveText(erpBefore ?? "");

    // one department × one skill, from the gaps page
    await page.goto("/team/gaps");
    const skillRow = page.locator('article[data-role="operations_manager"] tr[data-skill="erp_crm_tools"]');
    await skillRow.getByRole("link", { name: new RegExp(`^${TEXT[lang].assess}`) }).click();
    await expect(page).toHaveURL(/\/team\/assess\?department=operations_manager&skill=erp_crm_tools$/);
    await waitForAppHydration(page);
    // the founder's own row is there, not assessable
    await expect(page.locator("tbody tr", { hasText: "Founder Grid" })).toContainText(TEXT[lang].self);
    posts.length = 0;
    await levelInput(page, annId, "erp_crm_tools").fill(String(2 + round));
    await levelInput(page, boId, "erp_crm_tools").fill(String(1 + round));
    await levelInput(page, boId, "erp_crm_tools").press("Enter");
    await expect(page.getByText(TEXT[lang].saved(2))).toBeVisible();
    expect(posts).toHaveLength(1);
    await expect(page.getByTestId(`grid-row-${boId}-erp_crm_tools`)).toContainText(TEXT[lang].lastLevel(1 + round));
    await keepScreenshot(page, `/tmp/everyday-grid-department-${lang}.png`);
  }
});

test("the grid saves without JavaScript too", async ({ browser, page: setUp }) => {
  test.setTimeout(120_000);
  await signUp(setUp);
  const annId = await addMember(setUp, "Nojs Ann", "operations_manager");
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await setUp.context().storageState(),
  });
  const page = await context.newPage();
  await page.goto(`/team/assess?member=${annId}`);
  await levelInput(page, annId, "platform_rules").fill("2");
  await levelInput(page, annId, "ad_buying").fill("９");
  await page.getByRole("button", { name: "Save the grid" }).click();
  await expect(page.getByTestId(`grid-row-${annId}-ad_buying`)).toContainText(TEXT.en.levelError);
  await expect(page.getByText(TEXT.en.refused)).toBeVisible();
  await expect(levelInput(page, annId, "platform_rules")).toHaveValue("2");
  await levelInput(page, annId, "ad_buying").fill("４");
  await page.getByRole("button", { name: "Save the grid" }).click();
  await expect(page.getByText(TEXT.en.saved(2))).toBeVisible();
  await expect(page.getByTestId(`grid-row-${annId}-ad_buying`)).toContainText(TEXT.en.lastLevel(4));
  await context.close();
});
