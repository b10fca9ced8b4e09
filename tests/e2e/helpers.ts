import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

/*
 * What a user of the planner sees, written down from PRODUCT.md (the
 * vocabulary and "The recommendation rule") rather than imported from the
 * app, so that a broken rule or a broken label makes these tests fail.
 */

export type Lang = "en" | "zh";
export type Priority = "core" | "later" | "optional" | "not_needed";

export const MODELS = ["platform", "independent_site", "distribution", "b2b", "managed_service"] as const;
export type Model = (typeof MODELS)[number];
export const STAGES = ["startup", "growth", "mature"] as const;
export type Stage = (typeof STAGES)[number];
export const ROLES = [
  "product_manager",
  "operations_manager",
  "tech_dev",
  "supply_chain",
  "marketing",
  "data_analysis",
  "compliance_risk",
] as const;
export type Role = (typeof ROLES)[number];

export const MODEL_LABELS: Record<Model, Record<Lang, string>> = {
  platform: { en: "Marketplace seller", zh: "平台型自营" },
  independent_site: { en: "Independent DTC site", zh: "独立站" },
  distribution: { en: "Distribution / agency", zh: "分销代理" },
  b2b: { en: "Cross-border B2B", zh: "跨境B2B" },
  managed_service: { en: "Managed by a service provider", zh: "综合服务商型" },
};

export const STAGE_LABELS: Record<Stage, Record<Lang, string>> = {
  startup: { en: "Startup", zh: "创业初期" },
  growth: { en: "Growth", zh: "成长期" },
  mature: { en: "Mature", zh: "成熟期" },
};

export const ROLE_LABELS: Record<Role, Record<Lang, string>> = {
  product_manager: { en: "Product manager", zh: "产品经理" },
  operations_manager: { en: "Operations manager", zh: "运营经理" },
  tech_dev: { en: "Tech & development", zh: "技术开发" },
  supply_chain: { en: "Supply chain & logistics", zh: "供应链/物流" },
  marketing: { en: "Marketing", zh: "市场营销" },
  data_analysis: { en: "Data analysis", zh: "数据分析" },
  compliance_risk: { en: "Compliance & risk", zh: "合规风控" },
};

export const PRIORITY_LABELS: Record<Priority, Record<Lang, string>> = {
  core: { en: "Core", zh: "核心" },
  later: { en: "Later", zh: "后续补充" },
  optional: { en: "Optional", zh: "可兼任或外包" },
  not_needed: { en: "Not needed", zh: "暂不需要" },
};

/** PRODUCT.md: the stage tier of each role and the models it applies to. */
const TIER: Record<Role, Stage> = {
  product_manager: "startup",
  operations_manager: "startup",
  supply_chain: "startup",
  tech_dev: "growth",
  marketing: "growth",
  data_analysis: "growth",
  compliance_risk: "mature",
};
const APPLIES_TO: Record<Role, readonly Model[]> = {
  product_manager: MODELS,
  operations_manager: ["platform", "independent_site"],
  tech_dev: ["independent_site", "b2b"],
  supply_chain: MODELS,
  marketing: ["independent_site", "platform"],
  data_analysis: MODELS,
  compliance_risk: ["b2b", "platform"],
};

/** The contract: core / later / optional / not_needed = applicability × (tier ≤ stage). */
export function expectedPriority(role: Role, model: Model, stage: Stage): Priority {
  const applies = APPLIES_TO[role].includes(model);
  const reached = STAGES.indexOf(TIER[role]) <= STAGES.indexOf(stage);
  if (applies) return reached ? "core" : "later";
  return reached ? "optional" : "not_needed";
}

export function tierOf(role: Role): Stage {
  return TIER[role];
}

/** Remix's cookie encoding (unsigned): base64 of the JSON value. */
function languageCookieValue(lang: Lang): string {
  return Buffer.from(JSON.stringify(lang)).toString("base64");
}

/** Every test starts from a language of its own: the remembered-language cookie. */
export async function rememberLanguage(context: BrowserContext, lang: Lang, baseURL: string | undefined) {
  await context.addCookies([
    { name: "lang", value: languageCookieValue(lang), url: baseURL ?? "http://localhost:3100" },
  ]);
}

/**
 * Waits until React has hydrated the planner form, so that a click on a
 * radio card submits it (before hydration it would only tick the radio).
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector('form[action="/planner"]');
    return !!form && Object.keys(form).some((key) => key.startsWith("__reactProps$"));
  });
}

/** Waits until React has hydrated the page's header (on every page, the 404 page too). */
export async function waitForAppHydration(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector('form[action="/language"]');
    return !!form && Object.keys(form).some((key) => key.startsWith("__reactProps$"));
  });
}

/**
 * Collects uncaught errors in the page (a hydration mismatch shows up here
 * as React errors #418/#423/#425, and the page flickers as React re-renders it).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message.split("\n")[0]}`));
  return errors;
}

/** The clickable card around a radio (a user clicks the card, not the tiny circle). */
export function modelCard(page: Page, model: Model): Locator {
  return page.locator("label", { has: page.getByTestId(`model-${model}`) });
}
export function stageCard(page: Page, stage: Stage): Locator {
  return page.locator("label", { has: page.getByTestId(`stage-${stage}`) });
}

export function diagramNode(page: Page, id: Role | "general_manager"): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Waits until React Flow's viewport stops moving (fitView after hydration and resizes). */
export async function waitForDiagramToSettle(page: Page) {
  const viewport = page.locator(".react-flow__viewport").first();
  await expect(viewport).toBeVisible();
  let previous = "";
  await expect
    .poll(
      async () => {
        const current = (await viewport.getAttribute("style")) ?? "";
        const stable = current === previous;
        previous = current;
        return stable;
      },
      { intervals: [150, 150, 250, 250, 500] },
    )
    .toBe(true);
}

/**
 * Everything a user sees change when the chosen model and stage change:
 * the address, the summary, the counts, the diagram's nodes and the table.
 */
export async function expectRecommendationShown(page: Page, model: Model, stage: Stage, lang: Lang = "en") {
  await expect(page).toHaveURL((url) => {
    return (
      url.pathname === "/planner" && url.searchParams.get("model") === model && url.searchParams.get("stage") === stage
    );
  });
  const title = `${MODEL_LABELS[model][lang]} · ${STAGE_LABELS[stage][lang]}`;
  await expect(page.getByTestId("recommendation-title")).toHaveText(title);
  await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(title)} — `));

  const priorities = ROLES.map((role) => expectedPriority(role, model, stage));
  const count = (p: Priority) => priorities.filter((candidate) => candidate === p).length;
  if (lang === "en") {
    await expect(page.getByTestId("recommendation-counts")).toContainText(
      `${count("core")} core roles · ${count("later")} later · ${count("optional")} optional · ${count("not_needed")} not needed`,
    );
  }

  // the table: seven rows in the contract's order, each with the label and the priority the rule gives
  const table = page.getByTestId("role-table");
  await expect(table).toBeVisible();
  await expect
    .poll(
      () =>
        table.locator("tbody tr").evaluateAll((rows) =>
          rows.map((row) => ({
            role: row.getAttribute("data-role"),
            priority: row.getAttribute("data-priority"),
            name: row.querySelector("th")?.textContent?.trim(),
            badge: row.querySelector("td span")?.textContent?.trim(),
          })),
        ),
      { message: `table rows for ${model}+${stage}` },
    )
    .toEqual(
      ROLES.map((role, index) => ({
        role,
        priority: priorities[index],
        name: ROLE_LABELS[role][lang],
        badge: PRIORITY_LABELS[priorities[index]][lang],
      })),
    );

  // the diagram: the general manager and the seven roles, each showing its label and priority badge
  await expect
    .poll(
      () =>
        page.locator(".react-flow__node").evaluateAll((nodes) =>
          nodes
            .map((node) => ({
              id: node.getAttribute("data-id"),
              label: node.querySelector("p")?.textContent?.trim(),
              badge: node.querySelectorAll("p")[1]?.querySelector("span")?.textContent?.trim(),
            }))
            .sort((a, b) => (a.id ?? "").localeCompare(b.id ?? "")),
        ),
      { message: `diagram nodes for ${model}+${stage}` },
    )
    .toEqual(
      [
        { id: "general_manager", label: lang === "en" ? "General manager" : "总经理", badge: undefined },
        ...ROLES.map((role, index) => ({
          id: role,
          label: ROLE_LABELS[role][lang],
          badge: PRIORITY_LABELS[priorities[index]][lang],
        })),
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Screenshots are for people to look at (layout, overflow, Chinese text),
 * not assertions: they are taken unless `E2E_SCREENSHOTS=0`, which CI sets
 * to spend its time on the checks. Every spec takes them through here.
 */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS !== "0";

export async function keepScreenshot(target: Page | Locator, path: string): Promise<boolean> {
  if (!SCREENSHOTS) return false;
  if ("goto" in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
  return true;
}

/** The seeded demo accounts (prisma/seed.ts), one of each kind. */
export const DEMO_PASSWORD = "demo-only-password";
export const DEMO_ACCOUNTS = [
  "admin@demo.example",
  "manager@demo.example",
  "hr@demo.example",
  "lead.ops@demo.example",
  "lead.supply@demo.example",
  "member@demo.example",
] as const;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/** Where the global setup (setup/demo-sessions.ts) saves each demo account's signed-in cookies. */
export function demoStatePath(email: DemoAccount): string {
  return path.resolve("data/e2e-sessions", `${email}.json`);
}

/**
 * Signs a context in as a demo account with the session the global setup
 * made once for the whole run (no form, no password hash). Cookies already
 * in the context (the language) stay. Only for tests that leave the session
 * alone: a test that signs out, changes the password or ends sessions signs
 * in through the form (or signs up) for a session of its own, since every
 * test that uses this helper shares the one session of the account.
 */
export async function addDemoSession(context: BrowserContext, email: DemoAccount) {
  const state = JSON.parse(readFileSync(demoStatePath(email), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await context.addCookies(state.cookies);
}

/** `addDemoSession`, then the home page, where a sign-in through the form lands. */
export async function openHomeAs(page: Page, email: DemoAccount) {
  await addDemoSession(page.context(), email);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/home$/);
}

/** The demo's account of each user kind (README, "user kinds"). */
export const DEMO_ACCOUNT_OF_KIND = {
  admin: "admin@demo.example",
  manager: "manager@demo.example",
  hr: "hr@demo.example",
  lead: "lead.ops@demo.example",
  member: "member@demo.example",
} as const satisfies Record<string, DemoAccount>;
export type DemoKind = keyof typeof DEMO_ACCOUNT_OF_KIND;

/**
 * Signs the page in as a demo account with the run's saved session and waits
 * for the home page (`openHomeAs`); an account of a test's own signs in
 * through the form, in whatever language the page is in (the fields by name,
 * Enter to send).
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  if ((DEMO_ACCOUNTS as readonly string[]).includes(email) && password === DEMO_PASSWORD) {
    await openHomeAs(page, email as DemoAccount);
    return;
  }
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  const field = page.locator('input[name="password"]');
  await field.fill(password);
  await field.press("Enter");
  await expect(page).toHaveURL(/\/home$/);
}
