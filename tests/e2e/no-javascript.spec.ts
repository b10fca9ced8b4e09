import { test, expect } from "@playwright/test";
import {
  MODEL_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  diagramNode,
  expectRecommendationShown,
  modelCard,
  rememberLanguage,
  stageCard,
} from "./helpers";

/** Everything here is the server's HTML: the browser runs no script at all. */
test.use({ javaScriptEnabled: false });

test("without JavaScript, the form's button shows the chart and a table link opens a role", async ({
  page,
  context,
  baseURL,
}) => {
  await rememberLanguage(context, "en", baseURL);
  await page.goto("/planner");
  await expect(page.getByTestId("choose-prompt")).toBeVisible();

  await modelCard(page, "platform").click();
  await stageCard(page, "mature").click();
  // nothing happens until the button is pressed
  await expect(page).toHaveURL(/\/planner$/);
  await page.getByRole("button", { name: "Show org chart" }).click();

  await expectRecommendationShown(page, "platform", "mature", "en");
  await expect(page.getByTestId("role-table").locator("tbody tr")).toHaveCount(7);
  await expect(page.getByTestId("model-platform")).toBeChecked();
  await expect(page.getByTestId("stage-mature")).toBeChecked();
  // the server-rendered diagram
  await expect(page.locator(".react-flow__node")).toHaveCount(8);
  await expect(diagramNode(page, "compliance_risk")).toBeVisible();
  await expect(page.getByTestId("role-panel")).toHaveCount(0);

  await page.getByRole("link", { name: `Open ${ROLE_LABELS.compliance_risk.en}` }).click();
  await expect(page).toHaveURL(/[?&]role=compliance_risk(&|$)/);
  const panel = page.getByTestId("role-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(ROLE_LABELS.compliance_risk.en);
  await expect(panel.getByTestId("role-rationale").locator("dd").first()).not.toBeEmpty();

  // the ✕ is a real link back to the chart
  await panel.getByRole("link", { name: "Close" }).click();
  await expect(page.getByTestId("role-panel")).toHaveCount(0);
  await expect(page).toHaveURL((url) => !url.searchParams.has("role") && url.searchParams.get("model") === "platform");
});

test("without JavaScript, in Chinese, 查看组织架构 shows the chart", async ({ page, context, baseURL }) => {
  await rememberLanguage(context, "zh", baseURL);
  await page.goto("/planner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("组织架构规划");

  await modelCard(page, "independent_site").click();
  await stageCard(page, "startup").click();
  await page.getByRole("button", { name: "查看组织架构" }).click();

  await expectRecommendationShown(page, "independent_site", "startup", "zh");
  await expect(page.getByTestId("recommendation-title")).toHaveText(
    `${MODEL_LABELS.independent_site.zh} · ${STAGE_LABELS.startup.zh}`,
  );
  await expect(diagramNode(page, "tech_dev")).toContainText("自成长期起为核心岗位");

  await page.getByRole("link", { name: `查看${ROLE_LABELS.operations_manager.zh}` }).click();
  await expect(page.getByTestId("role-panel").getByRole("heading", { level: 2 })).toHaveText(
    ROLE_LABELS.operations_manager.zh,
  );
});

test("without JavaScript, the language switch still works (POST form)", async ({ page, context, baseURL }) => {
  await rememberLanguage(context, "en", baseURL);
  await page.goto("/planner?model=b2b&stage=growth");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Org-chart planner");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("组织架构规划");
  await expect(page).toHaveURL(/\/planner\?model=b2b&stage=growth$/);
});
