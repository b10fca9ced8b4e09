import fs from "node:fs";
import path from "node:path";
import { test, expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import {
  collectPageErrors,
  diagramNode,
  rememberLanguage,
  waitForDiagramToSettle,
  keepScreenshot,
  waitForHydration,
  type Lang,
} from "./helpers";

/**
 * Full-page screenshots for a person to look at, in both languages: saved to
 * artifacts/screenshots/ (project root) and attached to the test report.
 */

function screenshotPath(testInfo: TestInfo, name: string): string {
  const root = path.dirname(testInfo.config.configFile ?? path.join(process.cwd(), "playwright.config.ts"));
  const dir = path.join(root, "artifacts", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

async function settle(page: Page) {
  await waitForHydration(page);
  await waitForDiagramToSettle(page);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function capture(page: Page, testInfo: TestInfo, name: string) {
  const file = screenshotPath(testInfo, name);
  if (await keepScreenshot(page, file)) await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function captureElement(element: Locator, testInfo: TestInfo, name: string) {
  const file = screenshotPath(testInfo, name);
  if (await keepScreenshot(element, file)) await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Things a person would notice on the screenshot, checked in numbers too. */
async function expectNothingSpillsOver(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, "the page does not scroll sideways").toBeLessThanOrEqual(0);
  // role names on the diagram's nodes are not cut off
  const clipped = await page
    .locator(".react-flow__node p:first-of-type")
    .evaluateAll((labels) =>
      labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent),
    );
  expect.soft(clipped, "role names cut off on the diagram").toEqual([]);
}

interface Shot {
  query: string;
  role?: "marketing" | "compliance_risk";
  name: string;
  viewport?: { width: number; height: number };
}

const SHOTS: Record<Lang, Shot[]> = {
  en: [
    { query: "model=independent_site&stage=growth&role=marketing", role: "marketing", name: "planner-en.png" },
    { query: "model=b2b&stage=startup", name: "planner-en-b2b-startup.png" },
    {
      query: "model=platform&stage=mature&role=compliance_risk",
      role: "compliance_risk",
      name: "planner-en-mobile.png",
      viewport: { width: 390, height: 844 },
    },
  ],
  zh: [
    { query: "model=independent_site&stage=growth&role=marketing", role: "marketing", name: "planner-zh.png" },
    { query: "model=b2b&stage=startup", name: "planner-zh-b2b-startup.png" },
    {
      query: "model=platform&stage=mature&role=compliance_risk",
      role: "compliance_risk",
      name: "planner-zh-mobile.png",
      viewport: { width: 390, height: 844 },
    },
  ],
};

for (const lang of ["en", "zh"] as const) {
  test(`screenshots of the planner in ${lang === "en" ? "English" : "Chinese"}`, async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    test.setTimeout(60_000);
    const errors = collectPageErrors(page);
    await rememberLanguage(context, lang, baseURL);
    for (const shot of SHOTS[lang]) {
      if (shot.viewport) await page.setViewportSize(shot.viewport);
      await page.goto(`/planner?${shot.query}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        lang === "en" ? "Org-chart planner" : "组织架构规划",
      );
      await expect(page.locator(".react-flow__node")).toHaveCount(8);
      if (shot.role) {
        await expect(page.getByTestId("role-panel")).toBeVisible();
        await expect(diagramNode(page, shot.role)).toHaveClass(/selected/);
      }
      await settle(page);
      await capture(page, testInfo, shot.name);
      // close-ups of the diagram and the panel, at their real size
      const base = shot.name.replace(/\.png$/, "");
      await captureElement(
        page.getByRole("group", { name: /Recommended org chart diagram|推荐组织架构图/ }),
        testInfo,
        `${base}-diagram.png`,
      );
      if (shot.role) await captureElement(page.getByTestId("role-panel"), testInfo, `${base}-panel.png`);
      await expectNothingSpillsOver(page);
    }
    expect(errors, "errors in the page (hydration)").toEqual([]);
  });
}

test("screenshot of the empty planner and of an invalid address", async ({ page, context, baseURL }, testInfo) => {
  await rememberLanguage(context, "zh", baseURL);
  await page.goto("/planner");
  await expect(page.getByTestId("choose-prompt")).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await capture(page, testInfo, "planner-zh-empty.png");
  await expectNothingSpillsOver(page);

  await rememberLanguage(context, "en", baseURL);
  await page.goto("/planner?model=nope&stage=growth");
  await expect(page.getByRole("alert")).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await capture(page, testInfo, "planner-en-invalid.png");
  await expectNothingSpillsOver(page);
});
