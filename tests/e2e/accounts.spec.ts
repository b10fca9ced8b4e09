import { expect, test, type Page } from "@playwright/test";
import { confirmSignup } from "./mailbox";

/*
 * Accounts as a person uses them: sign up, sign out, sign in, and being
 * slowed down after repeated wrong passwords. Every test makes its own
 * account, so tests can run side by side.
 */

const PASSWORD = "a long enough password";
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${counter++}@e2e.example`;

async function preferEnglish(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "ImVuIg%3D%3D", domain: "localhost", path: "/" }]);
}

async function signUp(page: Page, email: string, organisation: string) {
  await page.goto("/signup?model=b2b&stage=growth");
  await page.getByLabel("Organisation name").fill(organisation);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
}

test("a founder signs up, lands in their organisation, signs out and back in", async ({ page }) => {
  await preferEnglish(page);
  const email = uniqueEmail("founder");
  await signUp(page, email, "Fang Exports");
  // a new organisation lands on the home page with its setup checklist
  await expect(page.getByTestId("setup-checklist")).toBeVisible();
  await page.getByRole("link", { name: "Organisation overview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fang Exports");
  // the planner's choice came along: B2B at growth
  await expect(page.getByText("Cross-border B2B").first()).toBeVisible();
  await expect(page.getByTestId("viewer")).toContainText("Admin");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/org");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Forg/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fang Exports");
});

test("sign-up keeps what was typed and names each problem", async ({ page }) => {
  await preferEnglish(page);
  await page.goto("/signup");
  await page.getByLabel("Organisation name").fill("Kept Co");
  await page.getByLabel("Your name").fill("Kept Name");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Kept Co");
  await expect(page.getByLabel("Your name")).toHaveValue("Kept Name");
});

test("repeated wrong passwords are slowed down with a message that says so", async ({ page, browser }) => {
  await preferEnglish(page);
  const email = uniqueEmail("target");
  await signUp(page, email, "Target Co");

  const attacker = await browser.newContext();
  const attempt = await attacker.newPage();
  await preferEnglish(attempt);
  await attempt.goto("/login");
  for (let i = 0; i < 6; i++) {
    await attempt.getByLabel("Email address").fill(email);
    await attempt.getByLabel("Password").fill(`wrong password ${i}`);
    await attempt.getByRole("button", { name: "Sign in" }).click();
    if (i < 5) await expect(attempt.getByText("The email address or the password is wrong.")).toBeVisible();
  }
  await expect(
    attempt.getByText(/Too many failed sign-ins for this account\. Try again in \d+ minutes?\./),
  ).toBeVisible();
  // even the right password waits until the block ends
  await attempt.getByLabel("Email address").fill(email);
  await attempt.getByLabel("Password").fill(PASSWORD);
  await attempt.getByRole("button", { name: "Sign in" }).click();
  await expect(attempt.getByText(/Too many failed sign-ins for this account/)).toBeVisible();
  await expect(attempt).toHaveURL(/\/login/);
  await attacker.close();
});

test("a demo account signs in and is sent back where it was going", async ({ page }) => {
  await preferEnglish(page);
  await page.goto("/login?redirectTo=%2Fplanner%3Fmodel%3Dplatform%26stage%3Dgrowth");
  await page.getByLabel("Email address").fill("manager@demo.example");
  await page.getByLabel("Password").fill("demo-only-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/planner\?model=platform&stage=growth/);
  await expect(page.getByTestId("organisation-choice")).toContainText("Demo Trading Co.");
});
