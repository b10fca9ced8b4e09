import { expect, test, type Browser, type Page } from "@playwright/test";
import { keepScreenshot } from "./helpers";
import { Secret, TOTP } from "otpauth";
import { confirmSignup } from "./mailbox";

/*
 * One's own account as a person uses it: change the password, sign out the
 * other sessions, turn on two-factor sign-in and sign in with a code made
 * here by the same standard (RFC 6238) their phone would use. Every page
 * visited must run under the Content-Security-Policy without a violation.
 */

// each test signs up and in several times (scrypt), on a machine shared with other runs
test.describe.configure({ timeout: 90_000 });

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "copper lantern orchard";
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;

/** CSP violations and uncaught errors, from the console and the page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text()))
      problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message.split("\n")[0]}`));
  return problems;
}

async function englishPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext();
  await context.addCookies([{ name: "lang", value: "ImVuIg%3D%3D", url: baseURL ?? "http://localhost:3100" }]);
  return context.newPage();
}

async function signUp(page: Page, email: string) {
  await page.goto("/signup?model=b2b&stage=growth");
  await page.getByLabel("Organisation name").fill("Lantern Exports");
  await page.getByLabel("Your name").fill("Founder Fang");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("change the password, sign out the other sessions, and sign in with the new password", async ({
  browser,
  baseURL,
}) => {
  const page = await englishPage(browser, baseURL);
  const problems = watch(page);
  const email = uniqueEmail("account");
  await signUp(page, email);

  // a second browser signed in to the same account
  const other = await englishPage(browser, baseURL);
  await signIn(other, email, PASSWORD);
  await expect(other).toHaveURL(/\/home$/);

  await page.goto("/settings/account");
  await expect(page.getByTestId("session-count")).toContainText("2 devices");
  await page.getByRole("button", { name: "Sign out my other sessions" }).click();
  await expect(page.getByText("1 other session was signed out.")).toBeVisible();
  await other.goto("/org");
  await expect(other).toHaveURL(/\/login\?redirectTo=%2Forg/);

  // a guessable password is refused with a message on the field
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("password12");
  await page.getByLabel("New password again").fill("password12");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();

  await signIn(other, email, PASSWORD);
  await expect(other.getByText("The email address or the password is wrong.")).toBeVisible();
  await signIn(other, email, NEW_PASSWORD);
  await expect(other).toHaveURL(/\/home$/);
  expect(problems).toEqual([]);
});

test("turn on two-factor sign-in and sign in with a code from the authenticator", async ({ browser, baseURL }) => {
  const page = await englishPage(browser, baseURL);
  const problems = watch(page);
  const email = uniqueEmail("totp");
  await signUp(page, email);

  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });

  await page.getByLabel("6-digit code").fill(totp.generate());
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await keepScreenshot(page, "test-results/security-two-factor-on.png");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  // the code the set-up used works once: take the next 30-second step's code (one step of drift is allowed)
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await page.getByLabel("Code").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/home$/);
  expect(problems).toEqual([]);
});

test("pages carry a nonce CSP and refuse to be framed; a cross-site POST is a 403", async ({ page, request }) => {
  const problems = watch(page);
  const response = await page.goto("/planner?model=platform&stage=growth");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-/);
  expect(csp).toContain("frame-ancestors 'none'");
  // the diagram and the page's scripts ran under the policy: React hydrated, nothing was refused
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.waitForFunction(() => {
    const form = document.querySelector('form[action="/language"]');
    return !!form && Object.keys(form).some((key) => key.startsWith("__reactProps$"));
  });
  expect(problems).toEqual([]);
  const crossSite = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "a@b.example", password: "x" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await request.get("/healthz")).status()).toBe(200);
  expect(await (await request.get("/healthz")).json()).toEqual({ status: "ok" });
});
