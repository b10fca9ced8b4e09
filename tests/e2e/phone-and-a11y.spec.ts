import path from "node:path";
import Database from "better-sqlite3";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { appRoutes, fullPath } from "../authz/route-manifest";
import { waitForAppHydration } from "./helpers";

/*
 * Issue 16 on a 390×844 phone, in both languages: every page of the route
 * manifest that a signed-in admin can open, and the public ones, fits the
 * screen (no sideways page scroll; a wide table scrolls inside its own box)
 * and leaves no focusable element off the right edge. The main pages also
 * pass an axe-core scan with no serious or critical violation. One browser
 * page, one sign-in, the language switched by its cookie.
 */

const WIDTH = 390;
const DB_FILE = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");
const COOKIE = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" } as const;

function readOne<T>(query: string, ...params: unknown[]): T {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(query).get(...params) as T | undefined;
    if (!row) throw new Error(`no row for ${query}`);
    return row;
  } finally {
    db.close();
  }
}

/** Routes that are not pages a person opens: files, JSON, redirects, and the layouts around the pages. */
const NOT_PAGES = new Set([
  "/api/v1/recommendation",
  "/api/v1/training-progress",
  "/calendar/:token",
  "/healthz",
  "/hiring/plan.csv",
  "/language",
  "/logout",
  "/ownership/export",
  "/playbook/export",
  "/team/export/:kind",
  "/team/import/template/:kind",
  "/training/export",
]);
/** Layout routes: each one's index page is what a person sees at that address. */
const LAYOUTS = new Set(["routes/ownership", "routes/settings", "routes/team", "routes/training"]);

/** Pages a visitor sees without signing in (a signed-in person is sent on from some of them). */
const PUBLIC = new Set([
  "/",
  "/login",
  "/login/two-factor",
  "/signup",
  "/signup/confirm/:token",
  "/forgot-password",
  "/invite/:token",
  "/reset-password/:token",
  "/unsubscribe",
]);

/** The main pages, scanned by axe-core too. */
const SCANNED = new Set([
  "/",
  "/login",
  "/signup",
  "/planner",
  "/home",
  "/inbox",
  "/org",
  "/team",
  "/team/:memberId",
  "/team/gaps",
  "/team/heatmap",
  "/team/assess",
  "/training",
  "/training/plan/:memberId",
  "/hiring",
  "/scenarios",
  "/ownership",
  "/ownership/steps",
  "/playbook",
  "/settings/people",
]);

function pageTemplates(): string[] {
  const all = appRoutes();
  return [...new Set(all.filter((route) => !LAYOUTS.has(route.id)).map((route) => fullPath(route, all)))].filter(
    (template) => !NOT_PAGES.has(template),
  );
}

/** What overflows: the page's own width, and focusable elements past the right edge that no inner box scrolls to. */
async function overflowOf(page: Page) {
  return page.evaluate((width) => {
    const focusable = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    const scrollsSideways = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (/(auto|scroll)/.test(style.overflowX) && node.scrollWidth > node.clientWidth) return true;
        if (node.classList.contains("react-flow")) return true; // a diagram pans inside its frame
      }
      return false;
    };
    const offRight = [...focusable]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrollsSideways(element);
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, offRight };
  }, WIDTH);
}

test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

test("every page fits a 390-px phone in both languages; the main pages pass axe-core", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const templates = pageTemplates();
  const origin = baseURL ?? "http://localhost:3100";
  const problems: string[] = [];
  const violations: string[] = [];
  const setLanguage = (lang: "en" | "zh") =>
    page.context().addCookies([{ name: "lang", value: COOKIE[lang], domain: "localhost", path: "/" }]);

  async function visit(url: string, template: string, lang: "en" | "zh") {
    const response = await page.goto(url);
    // a made-up invitation or reset link answers its own "not found" page
    const expected = template.endsWith("/:token") ? 404 : 200;
    expect(response?.status(), `${url} (${lang}) answers`).toBe(expected);
    await waitForAppHydration(page);
    const { scrollWidth, offRight } = await overflowOf(page);
    if (scrollWidth > WIDTH) problems.push(`${url} (${lang}): the page is ${scrollWidth - WIDTH} px too wide`);
    if (offRight.length) problems.push(`${url} (${lang}): off the right edge: ${offRight.slice(0, 3).join(", ")}`);
    if (SCANNED.has(template)) {
      const result = await new AxeBuilder({ page }).exclude(".react-flow__renderer").analyze();
      for (const violation of result.violations) {
        if (violation.impact === "serious" || violation.impact === "critical") {
          violations.push(
            `${url} (${lang}): ${violation.id}: ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(" "))
              .join(" | ")}`,
          );
        }
      }
    }
    if (process.env.PHONE_SHOTS) {
      const name = url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
      await page.screenshot({ path: `/tmp/phone-${name}-${lang}.png`, fullPage: true });
    }
  }

  // signed out: the public pages, each in both languages
  const publicUrls: Record<string, string> = {
    "/invite/:token": "/invite/not-a-real-invitation",
    "/reset-password/:token": "/reset-password/not-a-real-link",
    "/signup/confirm/:token": "/signup/confirm/not-a-real-link",
  };
  for (const lang of ["en", "zh"] as const) {
    await setLanguage(lang);
    for (const template of templates.filter((candidate) => PUBLIC.has(candidate))) {
      await visit(publicUrls[template] ?? template, template, lang);
    }
  }

  // signed in as the admin: every other page
  await setLanguage("en");
  await page.goto("/login");
  await page.getByLabel("Email address").fill("admin@demo.example");
  await page.getByLabel("Password").fill("demo-only-password");
  await page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/home$/);

  // records the demo does not have yet: one invitation, one API token, one playbook version
  const post = (url: string, form: Record<string, string>) =>
    page.request.post(url, { form, headers: { Origin: origin }, maxRedirects: 0 });
  expect((await post("/settings/people", { email: "phone-sweep@demo.example", kind: "member" })).status()).toBe(200);
  expect((await post("/settings/tokens", { name: "Phone sweep" })).status()).toBe(200);
  const admin = readOne<{ organisationId: string }>(
    `SELECT organisationId FROM User WHERE email = 'admin@demo.example'`,
  );
  const latestVersion = () =>
    readOne<{ number: number }>(
      `SELECT COALESCE(MAX(number), 0) AS number FROM PlaybookVersion WHERE organisationId = ?`,
      admin.organisationId,
    ).number;
  if (latestVersion() === 0) {
    const skill = {
      intent: "add",
      version: "0",
      id: "phone_sweep",
      "label.zh": "手机检查",
      "label.en": "Phone check",
      "description.zh": "检查用",
      "description.en": "For the check",
    };
    expect((await post("/playbook/skills", skill)).status()).toBe(302);
  }

  const member = readOne<{ id: string }>(
    `SELECT m.id FROM Member m JOIN TrainingItem t ON t.memberId = m.id GROUP BY m.id ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  const ids: Record<string, string> = {
    ":memberId": member.id,
    ":itemId": readOne<{ id: string }>(`SELECT id FROM TrainingItem WHERE memberId = ? LIMIT 1`, member.id).id,
    ":positionId": readOne<{ id: string }>(`SELECT id FROM HiringPosition LIMIT 1`).id,
    ":stepKey": readOne<{ key: string }>(`SELECT key FROM ProcessStep WHERE retiredAt IS NULL LIMIT 1`).key,
    ":userId": readOne<{ id: string }>(`SELECT id FROM User WHERE email = 'lead.ops@demo.example'`).id,
    ":inviteId": readOne<{ id: string }>(`SELECT id FROM Invite WHERE email = 'phone-sweep@demo.example'`).id,
    ":tokenId": readOne<{ id: string }>(`SELECT id FROM ApiToken WHERE name = 'Phone sweep'`).id,
    ":roleId": "operations_manager",
    ":number": String(latestVersion()),
  };
  const signedIn = templates
    .filter((template) => !PUBLIC.has(template))
    .map((template) => ({ template, url: template.replace(/:[A-Za-z]+/g, (param) => ids[param]) }));
  expect(signedIn.filter(({ url }) => url.includes("undefined"))).toEqual([]);

  for (const lang of ["en", "zh"] as const) {
    await setLanguage(lang);
    for (const { template, url } of signedIn) await visit(url, template, lang);
  }

  expect.soft(problems, "pages wider than a phone").toEqual([]);
  expect(violations, "serious or critical axe-core violations").toEqual([]);
});
