import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequest, type Page } from "@playwright/test";
import { MATRIX } from "../authz/expectations";
import { appRoutes, fullPath } from "../authz/route-manifest";
import {
  DEMO_ACCOUNT_OF_KIND,
  DEMO_PASSWORD,
  keepScreenshot,
  rememberLanguage,
  signInAs,
  waitForAppHydration,
  type DemoKind,
  type Lang,
} from "./helpers";

/*
 * Issue 16 on a 390×844 phone: for every user kind (and a visitor who is not
 * signed in), in both languages, every page of the route manifest that kind
 * can open fits the screen (no sideways page scroll; a wide table scrolls
 * inside its own box), leaves no focusable element off the right edge, and
 * passes an axe-core scan with no serious or critical violation. One test per
 * kind and language, so the two Playwright workers share them; a test lists
 * every failing page before it fails. Each page is loaded from the server,
 * hydrated and scanned by axe once per language (by the kind axeScanners
 * picks); the other kinds open it inside the app they have loaded, as a link
 * does, and check its layout (decision 0019: a third of the cost).
 *
 * Which pages a kind can open comes from the authorization matrix
 * (tests/authz/expectations.ts): a page whose GET answers that kind "ok" (or
 * 404 there, for a record the matrix's organisation lacks). The records in
 * the addresses are picked per kind from the e2e database so that the kind
 * may open them (a member: their own training item; the operations lead: a
 * member of operations).
 */

/**
 * axe-core goes into every page the test opens as an init script, so it is parsed as the page loads
 * instead of sent over again by each analyse; AxeBuilder then only runs it (`axe.run`, its legacy mode:
 * these pages have no frames) and hands back the violations alone. Measured on the shared machine, this
 * took a small page's scan from about 4 s to under 1 s.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_ALREADY_IN_PAGE = "void window.axe.version";

function axeScan(page: Page) {
  return (
    new AxeBuilder({ page, axeSource: AXE_ALREADY_IN_PAGE })
      .setLegacyMode(true)
      .options({ resultTypes: ["violations"] })
      // React Flow's renderer is left out: its nodes carry their own labels and a table beside each says the same
      .exclude(".react-flow__renderer")
      .analyze()
  );
}

const WIDTH = 390;
const DB_FILE = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");
const LANGS: readonly Lang[] = ["en", "zh"];
type Kind = DemoKind | "anonymous";
const KINDS: readonly Kind[] = ["admin", "manager", "hr", "lead", "member", "anonymous"];
/** The matrix's actor for each kind: the lead of operations is the lead of "this department". */
const ACTOR = {
  anonymous: "anonymous",
  admin: "admin",
  manager: "manager",
  hr: "hr",
  lead: "leadThis",
  member: "member",
} as const;

function readMaybe<T>(query: string, ...params: unknown[]): T | undefined {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

function readOne<T>(query: string, ...params: unknown[]): T {
  const row = readMaybe<T>(query, ...params);
  if (!row) throw new Error(`no row for ${query} ${params.join(", ")}`);
  return row;
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
  // without the cookie of a right password it only sends back to /login
  "/login/two-factor",
]);
/** Layout routes: each one's index page is what a person sees at that address. */
const LAYOUTS = new Set(["routes/ownership", "routes/settings", "routes/team", "routes/training"]);
/** Pages for signing in, up or back: the visitor's; a signed-in person has nothing to do there. */
const SIGNED_OUT_ONLY = new Set([
  "/login",
  "/signup",
  "/signup/confirm/:token",
  "/forgot-password",
  "/invite/:token",
  "/invite/confirm/:secret",
  "/reset-password/:token",
  "/unsubscribe",
]);
/** Made-up links: each answers its own "not found" page. */
const MADE_UP: Record<string, string> = {
  "/invite/:token": "/invite/not-a-real-invitation",
  "/invite/confirm/:secret": "/invite/confirm/not-a-real-link",
  "/reset-password/:token": "/reset-password/not-a-real-link",
  "/signup/confirm/:token": "/signup/confirm/not-a-real-link",
  // the demo's playbook holds no role of its own, and the seven cannot be removed: this address is the page a
  // person who follows a stale removal link sees (the removal page itself: tests/e2e/custom-roles.spec.ts)
  "/playbook/roles/:roleId/remove": "/playbook/roles/operations_manager/remove",
};

/** Pages whose parameter is not one of the records in `idsFor`: the id they are visited with. */
const PARAM_OF_PAGE: Record<string, Record<string, string>> = {
  "/playbook/extensions/:roleId": { ":roleId": "customer_service" },
};

interface PageRoute {
  id: string;
  template: string;
}

function pageRoutes(): PageRoute[] {
  const all = appRoutes();
  return (
    all
      .filter((route) => !LAYOUTS.has(route.id))
      // a resource route (no component: JSON, CSV, redirects) is not a page
      .filter((route) => /export default/.test(readFileSync(path.resolve("app", route.file), "utf8")))
      .map((route) => ({ id: route.id, template: fullPath(route, all) }))
      .filter(({ template }) => !NOT_PAGES.has(template))
      .sort((a, b) => a.template.localeCompare(b.template))
  );
}

/** Whether the matrix lets this kind open the page (a GET answered "ok", or 404 for a record the matrix lacks). */
function opens(route: PageRoute, kind: Kind): boolean {
  const cases = (MATRIX[route.id] ?? []).filter((entry) => entry.method === "GET");
  if (cases.length === 0) throw new Error(`${route.id} has no GET case in tests/authz/expectations.ts`);
  const outcomes = cases.map((entry) => entry.expect[ACTOR[kind]]);
  if (kind === "anonymous") return outcomes.some((outcome) => outcome === "ok" || outcome === 404);
  return !SIGNED_OUT_ONLY.has(route.template) && outcomes.some((outcome) => outcome === "ok" || outcome === 404);
}

/** The member opens their own training items only, and the demo's member may have none (see idsFor). */
const MAYBE_MISSING = { kind: "member", template: "/training/items/:itemId" } as const;

/**
 * Which kind's visit runs the axe-core scan of each page, per language: every page is scanned once in each
 * language, in English as seen by the kind with the most rights that opens it (the admin, for every page
 * behind a sign-in: the forms and buttons the others do not get) and in Chinese by the one with the fewest
 * (a member's read-only view: the disabled fieldsets and missing buttons; the visitor's, for public pages).
 * Axe's findings are about markup, which differs more between who may edit and who may only read than
 * between kinds that see the same controls; the other kinds' visits check the layout only.
 */
function axeScanners(lang: Lang): Map<string, Kind> {
  const scanners = new Map<string, Kind>();
  for (const route of pageRoutes()) {
    // KINDS runs from the most rights to the fewest; the member's own item may be missing (see idsFor)
    const kinds = KINDS.filter(
      (kind) => opens(route, kind) && !(kind === MAYBE_MISSING.kind && route.template === MAYBE_MISSING.template),
    );
    scanners.set(route.template, lang === "en" ? kinds[0] : kinds[kinds.length - 1]);
  }
  return scanners;
}

/**
 * React's commits, counted through the hook React DevTools uses (React calls it on every commit, production
 * build included): the path the page showed at each commit once the router was idle. After a client-side
 * navigation, the new page is on screen once such a commit names its path.
 */
const COMMIT_HOOK = `window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject() { return 1; },
  onCommitFiberRoot() {
    if (window.__remixRouter?.state.navigation.state === "idle") (window.__idleCommits ||= []).push(location.pathname);
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  checkDCE() {},
};`;
type SweepWindow = {
  __idleCommits?: string[];
  __remixRouter: { navigate(to: string): Promise<void>; state: { navigation: { state: string }; errors: unknown } };
};

/**
 * Opens a page the way a click on a link does, inside the app the browser has already loaded (Remix fetches
 * the page's data and React renders it): the DOM is the one a full load shows once hydrated, without parsing
 * and hydrating the whole app again. Answers whether the page rendered without an error boundary.
 */
async function navigateInApp(page: Page, url: string): Promise<boolean> {
  await page.evaluate(async (to) => {
    const sweep = window as unknown as SweepWindow;
    sweep.__idleCommits = [];
    await sweep.__remixRouter.navigate(to);
  }, url);
  await page.waitForFunction(() => {
    const sweep = window as unknown as SweepWindow;
    return sweep.__remixRouter.state.navigation.state === "idle" && !!sweep.__idleCommits?.includes(location.pathname);
  });
  return page.evaluate(() => (window as unknown as SweepWindow).__remixRouter.state.errors === null);
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

/**
 * Records the demo lacks, made once through the app's own forms as the admin: an
 * invitation and an API token (their admin pages), a playbook version (its page, open to
 * everyone signed in). Each worker runs this; either may come first, so it checks the database.
 */
async function ensureRecords(request: APIRequest, baseURL: string) {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  try {
    const signIn = await api.post("/login", {
      form: { email: DEMO_ACCOUNT_OF_KIND.admin, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(signIn.status(), "the admin signs in").toBe(302);
    const count = (query: string, ...params: unknown[]) => readOne<{ n: number }>(query, ...params).n;
    const organisationId = readOne<{ organisationId: string }>(
      `SELECT organisationId FROM User WHERE email = ?`,
      DEMO_ACCOUNT_OF_KIND.admin,
    ).organisationId;
    const versions = () => count(`SELECT COUNT(*) AS n FROM PlaybookVersion WHERE organisationId = ?`, organisationId);
    if (count(`SELECT COUNT(*) AS n FROM Invite WHERE email = 'phone-sweep@demo.example'`) === 0) {
      await api.post("/settings/people", { form: { email: "phone-sweep@demo.example", kind: "member" } });
    }
    if (count(`SELECT COUNT(*) AS n FROM ApiToken WHERE name = 'Phone sweep'`) === 0) {
      await api.post("/settings/tokens", { form: { name: "Phone sweep" } });
    }
    if (versions() === 0) {
      // the other worker may be a step ahead (its save then refuses this one as out of date)
      await api.post("/playbook/skills", {
        form: {
          intent: "add",
          version: "0",
          id: "phone_sweep",
          "label.zh": "手机检查",
          "label.en": "Phone check",
          "description.zh": "检查用",
          "description.en": "For the check",
        },
        maxRedirects: 0,
      });
    }
    expect(count(`SELECT COUNT(*) AS n FROM Invite WHERE email = 'phone-sweep@demo.example'`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) AS n FROM ApiToken WHERE name = 'Phone sweep'`)).toBeGreaterThan(0);
    expect(versions()).toBeGreaterThan(0);
  } finally {
    await api.dispose();
  }
}

/** The records in each address, chosen so that this kind may open them. */
function idsFor(kind: Kind): Record<string, string> {
  const admin = readOne<{ organisationId: string }>(
    `SELECT organisationId FROM User WHERE email = ?`,
    DEMO_ACCOUNT_OF_KIND.admin,
  );
  // a member of operations without an account, with the most training items: every kind may open their page
  const colleague = readOne<{ id: string }>(
    `SELECT m.id FROM Member m JOIN TrainingItem t ON t.memberId = m.id
     WHERE m.organisationId = ? AND m.department = 'operations_manager' AND m.userId IS NULL
     GROUP BY m.id ORDER BY COUNT(*) DESC, m.id LIMIT 1`,
    admin.organisationId,
  );
  // a member opens their own items only; the demo's member has none until training.spec.ts plans some
  // (and must not get any from here: that spec starts from "no training planned yet")
  const item =
    kind === "member"
      ? readMaybe<{ id: string }>(
          `SELECT t.id FROM TrainingItem t JOIN Member m ON m.id = t.memberId JOIN User u ON u.id = m.userId
           WHERE u.email = ? ORDER BY t.id LIMIT 1`,
          DEMO_ACCOUNT_OF_KIND.member,
        )
      : readOne<{ id: string }>(`SELECT id FROM TrainingItem WHERE memberId = ? ORDER BY id LIMIT 1`, colleague.id);
  return {
    ":memberId": colleague.id,
    ...(item ? { ":itemId": item.id } : {}),
    ":positionId": readOne<{ id: string }>(
      `SELECT id FROM HiringPosition WHERE organisationId = ? ORDER BY sortOrder LIMIT 1`,
      admin.organisationId,
    ).id,
    ":stepKey": readOne<{ key: string }>(
      `SELECT key FROM ProcessStep WHERE organisationId = ? AND retiredAt IS NULL ORDER BY key LIMIT 1`,
      admin.organisationId,
    ).key,
    ":userId": readOne<{ id: string }>(`SELECT id FROM User WHERE email = ?`, DEMO_ACCOUNT_OF_KIND.lead).id,
    ":inviteId": readOne<{ id: string }>(`SELECT id FROM Invite WHERE email = 'phone-sweep@demo.example' LIMIT 1`).id,
    ":tokenId": readOne<{ id: string }>(`SELECT id FROM ApiToken WHERE name = 'Phone sweep' LIMIT 1`).id,
    ":roleId": "operations_manager",
    ":number": String(
      readOne<{ number: number }>(
        `SELECT MAX(number) AS number FROM PlaybookVersion WHERE organisationId = ?`,
        admin.organisationId,
      ).number,
    ),
  };
}

test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

test.beforeAll(async ({ playwright }, testInfo) => {
  await ensureRecords(playwright.request, testInfo.project.use.baseURL ?? "http://localhost:3100");
});

for (const kind of KINDS) {
  for (const lang of LANGS) {
    test(`${kind} (${lang}): every page they can open fits a 390-px phone and passes axe-core`, async ({
      page,
      baseURL,
    }) => {
      const routes = pageRoutes().filter((route) => opens(route, kind));
      const scanners = axeScanners(lang);
      const scans = routes.filter(({ template }) => scanners.get(template) === kind).length;
      // a shared 2-core machine: a few seconds a page or a scan is plenty; only a page that hangs runs out
      test.setTimeout(30_000 + (routes.length + scans) * 6_000);
      expect(routes.length, "pages to visit").toBeGreaterThan(kind === "anonymous" ? 5 : 15);
      await rememberLanguage(page.context(), lang, baseURL);
      await page.context().addInitScript({ content: AXE_SOURCE });
      await page.context().addInitScript({ content: COMMIT_HOOK });
      if (kind !== "anonymous") await signInAs(page, DEMO_ACCOUNT_OF_KIND[kind]);
      const ids = idsFor(kind);

      // whether the page holds the app, so that the next page can be opened inside it
      let loaded = false;
      const tooWide: string[] = [];
      const violations: string[] = [];
      for (const { template } of routes) {
        const missing = template.match(/:[A-Za-z]+/g)?.filter((param) => !ids[param] && !MADE_UP[template]) ?? [];
        if (missing.length) {
          expect({ kind, template }, "only the member's own item may be missing").toEqual(MAYBE_MISSING);
          test.info().annotations.push({ type: "not visited", description: `${template}: the member has no item yet` });
          continue;
        }
        const url =
          MADE_UP[template] ??
          template.replace(/:[A-Za-z]+/g, (param) => PARAM_OF_PAGE[template]?.[param] ?? ids[param]);
        const scan = scanners.get(template) === kind;
        const started = performance.now();
        // a page's own full load for the axe scan, and where no app is loaded yet (the first page, and the
        // made-up links, which must answer 404); the layout-only visits open the page inside the loaded app
        const inApp = !scan && !MADE_UP[template] && loaded;
        if (inApp) {
          expect(await navigateInApp(page, url), `${url} renders without an error`).toBe(true);
        } else {
          const response = await page.goto(url, { waitUntil: "domcontentloaded" });
          expect(response?.status(), `${url} answers`).toBe(MADE_UP[template] ? 404 : 200);
          // the phone menu and the diagrams take their shape once React runs
          await waitForAppHydration(page);
          loaded = !MADE_UP[template];
        }
        const opened = performance.now();
        const { scrollWidth, offRight } = await overflowOf(page);
        if (scrollWidth > WIDTH) tooWide.push(`${url}: the page is ${scrollWidth - WIDTH} px too wide`);
        if (offRight.length) tooWide.push(`${url}: off the right edge: ${offRight.slice(0, 3).join(", ")}`);
        if (process.env.PHONE_SHOTS) {
          const name = url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
          await keepScreenshot(page, `/tmp/phone-${kind}-${name}-${lang}.png`);
        }
        const checked = performance.now();
        if (scan) {
          const result = await axeScan(page);
          for (const violation of result.violations) {
            if (violation.impact === "serious" || violation.impact === "critical") {
              const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
              violations.push(`${url}: ${violation.id}: ${where.join(" | ")}`);
            }
          }
        }
        // PHONE_TIMINGS=1: where the seconds go, per page (decision 0019)
        if (process.env.PHONE_TIMINGS) {
          const ms = (from: number, to: number) => Math.round(to - from);
          console.log(
            `${kind} ${lang} ${template} ${inApp ? "in-app" : "load"} open=${ms(started, opened)}` +
              ` layout=${ms(opened, checked)} axe=${scan ? ms(checked, performance.now()) : 0}`,
          );
        }
      }

      expect.soft(tooWide, "pages wider than a phone").toEqual([]);
      expect.soft(violations, "serious or critical axe-core violations").toEqual([]);
    });
  }
}
