import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { waitForAppHydration, openHomeAs } from "./helpers";

/*
 * No write without an explicit submit (issue 11). In real Chromium, with
 * JavaScript on, an admin types into every field of the assessment, member,
 * training item, hiring position and RACI forms and tabs through them, never
 * pressing a submit button. conform validates on blur; that must stay in the
 * browser: no POST leaves the page, and the records in the database file are
 * as they were.
 */

const DB_FILE = path.resolve("data/e2e.db");

function readDb<T>(query: string, ...params: unknown[]): T[] {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function signIn(page: Page) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
  await openHomeAs(page, "admin@demo.example");
}

/** Every POST the page sends from now on. */
function watchPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

/** Types into every field of the form (text, numbers, dates, selects, radios, text areas), tabbing out of each. */
/** What the text fields receive, key by key. */
const TYPED = "Passed th";
/** Every prefix of it, and their SQL placeholders: a write on a keystroke would hold a cut-off text. */
const typedPrefixes = Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1));
const typedMarks = typedPrefixes.map(() => "?").join(", ");

async function typeIntoEveryField(form: Locator) {
  const fields = form.locator("input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea");
  const count = await fields.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEnabled())) continue;
    const tag = await field.evaluate((element) => element.tagName.toLowerCase());
    const type = (await field.getAttribute("type")) ?? "text";
    if (tag === "select") {
      const values = await field
        .locator("option")
        .evaluateAll((options) =>
          options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ""),
        );
      if (values.length > 0) await field.selectOption(values[values.length - 1]);
    } else if (type === "radio" || type === "checkbox") {
      await field.check();
    } else if (type === "date") {
      await field.fill("2026-03-02");
    } else if (type === "number") {
      await field.fill("3");
    } else if (type === "email") {
      await field.fill("someone@example.com");
    } else {
      // typed key by key, as a person does (each key an input event for conform's revalidation)
      await field.fill("");
      await field.pressSequentially(TYPED);
    }
    await field.press("Tab");
  }
  // and once more through the whole form, without typing
  await fields.first().focus();
  for (let i = 0; i < count + 2; i++) await form.page().keyboard.press("Tab");
  // give a (wrong) validation request time to reach the server
  await form.page().waitForTimeout(600);
}

test.describe("typing and tabbing without submitting writes nothing", () => {
  // many fields, each typed and left; the shared machine is slow
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("the assessment form on a member's page", async ({ page }) => {
    const [member] = readDb<{ id: string }>(
      "SELECT m.id FROM Member m JOIN Organisation o ON o.id = m.organisationId WHERE o.slug = 'demo-trading' AND m.userId IS NULL ORDER BY m.name DESC LIMIT 1",
    );
    const count = () =>
      readDb<{ n: number }>("SELECT COUNT(*) AS n FROM SkillAssessment WHERE memberId = ?", member.id)[0].n;
    const before = count();
    await page.goto(`/team/${member.id}`);
    await waitForAppHydration(page);
    const posts = watchPosts(page);
    await typeIntoEveryField(page.locator("form#assessment-form"));
    expect(posts).toEqual([]);
    expect(count()).toBe(before);
  });

  test("the member form", async ({ page }) => {
    const [member] = readDb<{ id: string; version: number; updatedAt: string }>(
      "SELECT m.id, m.version, m.updatedAt FROM Member m JOIN Organisation o ON o.id = m.organisationId WHERE o.slug = 'demo-trading' AND m.userId IS NULL ORDER BY m.name LIMIT 1 OFFSET 2",
    );
    // other specs add members meanwhile: count only members named with what this test types
    const members = () =>
      readDb<{ n: number }>(`SELECT COUNT(*) AS n FROM Member WHERE name IN (${typedMarks})`, ...typedPrefixes)[0].n;
    const before = members();
    await page.goto(`/team/${member.id}/edit`);
    await waitForAppHydration(page);
    const posts = watchPosts(page);
    await typeIntoEveryField(page.locator("form#member-edit"));
    expect(posts).toEqual([]);
    expect(readDb("SELECT version, updatedAt FROM Member WHERE id = ?", member.id)).toEqual([
      { version: member.version, updatedAt: member.updatedAt },
    ]);
    expect(members()).toBe(before);

    await page.goto("/team/new");
    await waitForAppHydration(page);
    await typeIntoEveryField(page.locator("form#member-new"));
    expect(posts).toEqual([]);
    expect(members()).toBe(before);
  });

  test("the training item form", async ({ page }) => {
    const [item] = readDb<{ id: string; version: number }>(
      "SELECT t.id, t.version FROM TrainingItem t JOIN Organisation o ON o.id = t.organisationId WHERE o.slug = 'demo-trading' ORDER BY t.id DESC LIMIT 1",
    );
    await page.goto(`/training/items/${item.id}`);
    await waitForAppHydration(page);
    const posts = watchPosts(page);
    await typeIntoEveryField(
      page.locator("main form[method=post]").filter({ has: page.locator("input[name=version]") }),
    );
    expect(posts).toEqual([]);
    expect(readDb("SELECT version FROM TrainingItem WHERE id = ?", item.id)).toEqual([{ version: item.version }]);
  });

  test("the hiring position form", async ({ page }) => {
    const [position] = readDb<{ id: string; version: number; updatedAt: string }>(
      "SELECT h.id, h.version, h.updatedAt FROM HiringPosition h JOIN Organisation o ON o.id = h.organisationId WHERE o.slug = 'demo-trading' AND h.status = 'planned' ORDER BY h.id DESC LIMIT 1",
    );
    await page.goto(`/hiring/positions/${position.id}`);
    await waitForAppHydration(page);
    const posts = watchPosts(page);
    await typeIntoEveryField(page.locator("form").filter({ has: page.locator("input[name=intent][value=update]") }));
    expect(posts).toEqual([]);
    expect(readDb("SELECT version, updatedAt FROM HiringPosition WHERE id = ?", position.id)).toEqual([
      { version: position.version, updatedAt: position.updatedAt },
    ]);
  });

  test("the RACI forms: adding a step, and proposing an owner", async ({ page }) => {
    // Other specs add steps and proposals to the same database at the same time, so count only rows
    // holding what this test types (any prefix of it: a write on a keystroke would hold a cut-off text).
    const [typed, marks] = [typedPrefixes, typedMarks];
    const steps = () =>
      readDb<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ProcessStep WHERE nameEn IN (${marks}) OR nameZh IN (${marks})`,
        ...typed,
        ...typed,
      )[0].n;
    const proposals = () =>
      readDb<{ n: number }>(`SELECT COUNT(*) AS n FROM OwnershipProposal WHERE reason IN (${marks})`, ...typed)[0].n;
    const [stepsBefore, proposalsBefore] = [steps(), proposals()];
    await page.goto("/ownership/steps");
    await waitForAppHydration(page);
    const posts = watchPosts(page);
    await typeIntoEveryField(page.locator("form#add-step"));
    expect(posts).toEqual([]);
    expect(steps()).toBe(stepsBefore);

    // a step with a propose form: the first one the matrix flags
    await page.goto("/ownership");
    await waitForAppHydration(page);
    const stepLinks = await page
      .locator('a[href^="/ownership/steps/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    for (const href of stepLinks.filter((value) => !value.endsWith("/retire")).slice(0, 12)) {
      await page.goto(href);
      if ((await page.locator("form#propose").count()) === 0) continue;
      await waitForAppHydration(page);
      await typeIntoEveryField(page.locator("form#propose"));
      break;
    }
    expect(posts).toEqual([]);
    expect(proposals()).toBe(proposalsBefore);
  });
});
