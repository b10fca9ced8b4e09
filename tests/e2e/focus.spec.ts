import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { diagramNode, waitForAppHydration, waitForDiagramToSettle, waitForHydration } from "./helpers";

/*
 * Issue 16, keyboard use: the confirm dialog and the planner's role panel take
 * focus when they open, keep Tab inside, close with Escape and give focus back
 * to what opened them. The phone menu does the same: Tab stays inside it while it is open.
 */

const DB_FILE = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");

function userIdOf(email: string): string {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string }).id;
  } finally {
    db.close();
  }
}

const COOKIE = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" } as const;

async function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) `times` times; after each press focus must still be inside. */
async function tabAround(page: Page, container: Locator, times: number, key = "Tab") {
  for (let press = 0; press < times; press++) {
    await page.keyboard.press(key);
    expect(await focusIsInside(container), `focus inside after ${key} #${press + 1}`).toBe(true);
  }
}

test("the confirm dialog and the role panel trap focus, close with Escape and give focus back (zh, en)", async ({
  page,
}) => {
  await page.context().addCookies([{ name: "lang", value: COOKIE.zh, domain: "localhost", path: "/" }]);
  await page.goto("/login");
  await page.locator('input[name="email"]').fill("admin@demo.example");
  await page.locator('input[name="password"]').fill("demo-only-password");
  await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/home$/);

  // the confirm dialog that disables a person's account (in Chinese)
  await page.goto(`/settings/people/${userIdOf("lead.supply@demo.example")}`);
  await waitForAppHydration(page);
  const trigger = page.locator('button[aria-haspopup="dialog"]').first();
  await trigger.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator("dialog[open]");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
  await tabAround(page, dialog, 4);
  await tabAround(page, dialog, 4, "Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();

  // the role panel, opened from a focused diagram node (in English)
  await page.context().addCookies([{ name: "lang", value: COOKIE.en, domain: "localhost", path: "/" }]);
  await page.goto("/planner?model=b2b&stage=growth");
  await waitForHydration(page);
  await waitForDiagramToSettle(page);
  const node = diagramNode(page, "data_analysis");
  await node.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("role-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
  const stops = await panel.locator('a[href], button, [tabindex="0"]').count();
  expect(stops).toBeGreaterThan(1);
  await tabAround(page, panel, stops + 1);
  await tabAround(page, panel, stops + 1, "Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(node).toBeFocused();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation folds into a menu that opens from the keyboard, keeps Tab inside and closes with Escape", async ({
    page,
  }) => {
    await page.context().addCookies([{ name: "lang", value: COOKIE.en, domain: "localhost", path: "/" }]);
    await page.goto("/planner");
    await waitForAppHydration(page);
    const button = page.getByTestId("menu-button");
    const nav = page.locator("#site-nav");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.keyboard.press("Tab");
    expect(await focusIsInside(nav)).toBe(true);
    // while open, Tab goes round the button and the menu's links: as many presses as stops bring it back
    const inMenu = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute("data-testid") === "menu-button" ||
          !!document.getElementById("site-nav")?.contains(document.activeElement),
      );
    const stops = (await nav.locator("a[href], button").count()) + 1;
    expect(stops).toBeGreaterThan(3);
    await button.focus();
    for (let press = 1; press <= stops; press++) {
      await page.keyboard.press("Tab");
      expect(await inMenu(), `focus in the menu after Tab #${press}`).toBe(true);
    }
    await expect(button).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(nav.locator("a[href], button").last()).toBeFocused();
    for (let press = 1; press <= stops; press++) {
      await page.keyboard.press("Shift+Tab");
      expect(await inMenu(), `focus in the menu after Shift+Tab #${press}`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(button).toBeFocused();
  });
});
