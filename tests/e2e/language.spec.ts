import { test, expect, type Page } from "@playwright/test";
import { ROLE_LABELS, expectRecommendationShown, rememberLanguage, stageCard, waitForHydration } from "./helpers";

const languageSwitch = (page: Page) => page.getByRole("banner").getByRole("form", { name: /Switch language|切换语言/ });

async function expectEnglish(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Org-chart planner");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(languageSwitch(page).getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expect(languageSwitch(page).getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "false");
}

async function expectChinese(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("组织架构规划");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(languageSwitch(page).getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await expect(languageSwitch(page).getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "false");
}

test("the header switch changes the language, keeps the chart and is remembered", async ({
  page,
  context,
  baseURL,
}) => {
  await rememberLanguage(context, "en", baseURL);
  await page.goto("/planner?model=b2b&stage=startup");
  await expectEnglish(page);
  await waitForHydration(page);

  await languageSwitch(page).getByRole("button", { name: "中文" }).click();
  await expectChinese(page);
  // same chart, now in Chinese: address, summary, table and diagram
  await expectRecommendationShown(page, "b2b", "startup", "zh");
  await expect(page.getByRole("columnheader", { name: "岗位" })).toBeVisible();
  await expect(page.getByRole("button", { name: "查看组织架构" })).toBeVisible();
  await expect(page.getByText("Org-chart planner", { exact: true })).toHaveCount(0);

  // a fresh navigation remembers the choice (cookie)
  await page.goto("/planner");
  await expectChinese(page);
  await expect(page.getByTestId("choose-prompt")).toHaveText("请选择运营模式和企业发展阶段，查看推荐的组织架构。");

  // and back to English
  await waitForHydration(page);
  await languageSwitch(page).getByRole("button", { name: "English" }).click();
  await expectEnglish(page);
  await expect(page.getByTestId("choose-prompt")).toHaveText(
    "Choose an operating model and a company stage to see the recommended org chart.",
  );
  const other = await context.newPage();
  await other.goto("/planner?model=independent_site&stage=growth");
  await expectEnglish(other);
  await expect(other.getByTestId("recommendation-title")).toHaveText("Independent DTC site · Growth");
});

test("?lang=en overrides a remembered Chinese for that page only", async ({ page, context, baseURL }) => {
  await rememberLanguage(context, "zh", baseURL);
  await page.goto("/planner?model=platform&stage=growth");
  await expectChinese(page);
  await expect(page.locator('tr[data-role="marketing"] th')).toHaveText(ROLE_LABELS.marketing.zh);

  await page.goto("/planner?model=platform&stage=growth&lang=en");
  await expectEnglish(page);
  await expect(page.locator('tr[data-role="marketing"] th')).toHaveText(ROLE_LABELS.marketing.en);

  // choosing on the overridden page keeps the override in the address
  await waitForHydration(page);
  await stageCard(page, "mature").click();
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  await expectRecommendationShown(page, "platform", "mature", "en");
  await expectEnglish(page);

  // the override was not remembered
  await page.goto("/planner?model=platform&stage=growth");
  await expectChinese(page);
});

test("?lang=zh overrides a remembered English", async ({ page, context, baseURL }) => {
  await rememberLanguage(context, "en", baseURL);
  await page.goto("/planner?lang=zh&model=managed_service&stage=mature");
  await expectChinese(page);
  await expectRecommendationShown(page, "managed_service", "mature", "zh");
  await page.goto("/planner");
  await expectEnglish(page);
});
