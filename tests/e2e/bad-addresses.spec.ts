import { test, expect } from "@playwright/test";
import {
  MODELS,
  collectPageErrors,
  expectRecommendationShown,
  modelCard,
  rememberLanguage,
  waitForAppHydration,
  waitForHydration,
} from "./helpers";

test.describe("in English", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await rememberLanguage(context, "en", baseURL);
  });

  test("an unknown model is named, with the valid ids, and the form is still there", async ({ page }) => {
    const response = await page.goto("/planner?model=nope&stage=growth");
    expect(response?.status()).toBe(400);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Some choices in the address are not valid");
    await expect(alert).toContainText("“nope” is not an operating model.");
    await expect(alert).toContainText(`Valid ids: ${MODELS.join(", ")}.`);
    // not a blank page: the heading, the form (with the valid stage kept) and the prompt
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Org-chart planner");
    await expect(page.getByRole("radio")).toHaveCount(8);
    await expect(page.getByTestId("stage-growth")).toBeChecked();
    await expect(page.getByRole("button", { name: "Show org chart" })).toBeVisible();
    await expect(page.getByTestId("role-table")).toHaveCount(0);

    // and it can be put right from there
    await waitForHydration(page);
    await modelCard(page, "b2b").click();
    await expectRecommendationShown(page, "b2b", "growth");
    await expect(page.getByRole("alert")).toHaveCount(0);
  });

  test("an unknown role in the address is named but the chart is still shown", async ({ page }) => {
    const response = await page.goto("/planner?model=b2b&stage=growth&role=ceo");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("“ceo” is not one of the seven roles.");
    await expectRecommendationShown(page, "b2b", "growth");
    await expect(page.getByTestId("role-panel")).toHaveCount(0);
  });

  test("unknown and repeated parameters are reported and the chart is still shown", async ({ page }) => {
    const response = await page.goto("/planner?foo=bar&model=b2b&stage=growth");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("query-notices")).toContainText("Ignored unknown parameters: foo.");
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expectRecommendationShown(page, "b2b", "growth");

    await page.goto("/planner?model=distribution&model=b2b&stage=startup");
    await expect(page.getByTestId("query-notices")).toContainText(
      "“model” was given more than once; the first value is used.",
    );
    await expectRecommendationShown(page, "distribution", "startup");
  });

  test("/planner alone asks for a choice, without any error", async ({ page }) => {
    const response = await page.goto("/planner");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("choose-prompt")).toHaveText(
      "Choose an operating model and a company stage to see the recommended org chart.",
    );
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByTestId("query-notices")).toHaveText("");
    await expect(page.locator(".react-flow__node")).toHaveCount(0);
  });

  test("an unknown address shows the not-found page, in the chosen language", async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await waitForAppHydration(page);
    // the server's English page must survive hydration (no mismatch, no switch to Chinese)
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByText("There is nothing at this address.")).toBeVisible();
    expect(errors, "errors in the page (hydration)").toEqual([]);
    await page.getByRole("link", { name: "Back to the planner" }).click();
    await expect(page).toHaveURL(/\/planner$/);
    await expect(page.getByTestId("choose-prompt")).toBeVisible();
  });
});

test.describe("in Chinese", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await rememberLanguage(context, "zh", baseURL);
  });

  test("an unknown stage and an unknown address are explained in Chinese", async ({ page }) => {
    const response = await page.goto("/planner?model=b2b&stage=later");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText(
      "“later”不是有效的发展阶段。可用的 id：startup, growth, mature。",
    );
    await expect(page.getByTestId("model-b2b")).toBeChecked();

    const notFound = await page.goto("/planner/extra/bits");
    expect(notFound?.status()).toBe(404);
    await waitForAppHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
    await expect(page.getByText("这个地址没有内容。")).toBeVisible();
  });
});
