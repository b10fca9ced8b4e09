import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";

/**
 * The e2e server runs without SMTP, so the tests read a sign-up's (or an
 * invitation's) confirmation email where the app queued it: the MailMessage table of the
 * e2e database (playwright.config.ts). What is read is the email's own text,
 * the link a founder would click (decision 0010's addendum).
 */
const DATABASE = process.env.E2E_DATABASE ?? "data/e2e.db";

/** The path of the link matching `path` in the last email of this kind to this address. */
function linkInLastMail(email: string, kind: string, path: RegExp): string {
  const database = new Database(DATABASE, { readonly: true, fileMustExist: true });
  try {
    const row = database
      .prepare("SELECT text FROM MailMessage WHERE toEmail = ? AND kind = ? ORDER BY createdAt DESC, id DESC LIMIT 1")
      .get(email.trim().toLowerCase(), kind) as { text: string } | undefined;
    const found = row ? path.exec(row.text)?.[0] : undefined;
    if (!found) throw new Error(`no ${kind} email to ${email}`);
    return found;
  } finally {
    database.close();
  }
}

/** The path of the confirmation link in the last sign-up email to this address. */
export function signupLinkFor(email: string): string {
  return linkInLastMail(email, "signup_confirm", /\/signup\/confirm\/[A-Za-z0-9_-]+/);
}

/** The path of the link in the last email that confirms an invitation's acceptance (issue 14). */
export function inviteConfirmLinkFor(email: string): string {
  return linkInLastMail(email, "invite_confirm", /\/invite\/confirm\/[A-Za-z0-9_-]+/);
}

/**
 * After the sign-up form was sent: the "check your email" page, then the
 * email's link and its one button, landing on the home page signed in.
 */
export async function confirmSignup(page: Page) {
  const sent = page.getByTestId("signup-sent");
  await expect(sent).toBeVisible();
  await page.goto(signupLinkFor((await sent.getAttribute("data-email")) ?? ""));
  await page.locator("main form").getByRole("button").click();
  await expect(page).toHaveURL(/\/home$/);
}
