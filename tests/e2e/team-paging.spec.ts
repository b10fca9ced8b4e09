import { expect, test, type Page } from "@playwright/test";
import { keepScreenshot, type Lang } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * /team at 1,000+ members (issue 15): 100 rows a page, the filters kept from
 * page to page, the last page reached with the keyboard alone. The team is
 * made through the server (one CSV import, run by the import's worker
 * thread), not by clicking. English and Chinese in one test.
 */

const PASSWORD = "a long enough password";
const LANG_COOKIE: Record<Lang, string> = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" };
const MEMBERS = 1050;
/** every second member is in marketing: 525, six pages of 100 */
const MARKETING = 525;

const TEXT = {
  en: {
    range: (from: number, to: number) => `Members ${from}–${to} of ${MARKETING}`,
    page: (page: number) => `Page ${page} of 6`,
    next: "Next page",
    previous: "Previous page",
    department: "Department",
  },
  zh: {
    range: (from: number, to: number) => `第${from}–${to}名，共${MARKETING}名成员`,
    page: (page: number) => `第${page}页，共6页`,
    next: "下一页",
    previous: "上一页",
    department: "部门",
  },
} as const;

async function switchLanguage(page: Page, lang: Lang) {
  await page.context().addCookies([{ name: "lang", value: LANG_COOKIE[lang], domain: "localhost", path: "/" }]);
}

async function signUp(page: Page) {
  await switchLanguage(page, "en");
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Paging Co ${Date.now()}`);
  await page.getByLabel("Your name").fill("Founder Paging");
  await page
    .getByLabel("Email address")
    .fill(`paging-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
}

test("/team pages a 1,050-member team: page 2 keeps the filter, the last page is reached by keyboard (en, zh)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUp(page);
  const header = "name,email,title,department,manager_email,roles,markets,languages,start_date";
  const rows = Array.from({ length: MEMBERS }, (_, i) => {
    const department = i % 2 === 0 ? "marketing" : "supply_chain";
    return `Member ${String(i).padStart(4, "0")},member-${i}@paging.example,Specialist,${department},,${department}:100,US,en,2025-01-01`;
  });
  const imported = await page.request.post("/team/import", {
    headers: { Origin: baseURL ?? "" },
    multipart: {
      kind: "members",
      csv: "",
      file: { name: "members.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) },
    },
  });
  expect(imported.status()).toBe(200);

  for (const lang of ["en", "zh"] as const) {
    const text = TEXT[lang];
    await switchLanguage(page, lang);
    await page.goto("/team?department=marketing");
    const pages = page.getByTestId("members-pages");
    await expect(pages).toContainText(text.range(1, 100));
    await pages.getByRole("link", { name: text.next }).click();
    await expect(page).toHaveURL(/department=marketing/);
    await expect(page).toHaveURL(/page=2/);
    await expect(pages).toContainText(text.range(101, 200));
    await expect(page.getByLabel(text.department, { exact: true })).toHaveValue("marketing");
    await expect(page.locator("main table tbody tr")).toHaveCount(100);
    await expect(page.locator("main table tbody")).not.toContainText("supply");
    if (lang === "en") await keepScreenshot(page, "/tmp/team-paging-en.png");

    // the keyboard alone: focus "next" and press Enter until there is none
    for (let current = 2; current < 6; current++) {
      await pages.getByRole("link", { name: text.next }).focus();
      await page.keyboard.press("Enter");
      await expect(pages).toContainText(text.page(current + 1));
    }
    await expect(pages).toContainText(text.range(501, MARKETING));
    await expect(pages.getByRole("link", { name: text.next })).toHaveCount(0);
    await expect(pages.getByRole("link", { name: text.previous })).toBeVisible();
    await expect(page.locator("main table tbody tr")).toHaveCount(MARKETING - 500);
    await expect(page).toHaveURL(/department=marketing/);
    if (lang === "zh") await keepScreenshot(page, "/tmp/team-paging-zh.png");
  }
});
