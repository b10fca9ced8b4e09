import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration } from "./helpers";
import { confirmSignup, inviteConfirmLinkFor } from "./mailbox";

/*
 * The admin's flows: invite someone, they accept, the admin changes their
 * kind, then disables them, and the disabled person is thrown out at once.
 */

const PASSWORD = "a long enough password";
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${counter++}@e2e.example`;

/** The language cookie for "en" and "zh": base64 of the JSON string, unsigned. */
const LANG_COOKIE = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" };

async function prefer(page: Page, lang: keyof typeof LANG_COOKIE) {
  await page.context().addCookies([{ name: "lang", value: LANG_COOKIE[lang], domain: "localhost", path: "/" }]);
}
const preferEnglish = (page: Page) => prefer(page, "en");

test("invite, accept, change the kind, disable: the disabled person is signed out at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await preferEnglish(page);
  // the founder signs up and so is the admin of a new organisation
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill("Invite Co");
  await page.getByLabel("Your name").fill("Admin Ada");
  await page.getByLabel("Email address").fill(uniqueEmail("admin"));
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);

  // invite a member
  const inviteeEmail = uniqueEmail("invitee");
  await page.goto("/settings/people");
  await waitForAppHydration(page);
  await page.getByLabel("Email address").fill(inviteeEmail);
  await page.getByLabel("Kind of account").selectOption("member");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByTestId("invite-link-value").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  // the invitee accepts in their own browser
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await preferEnglish(invitee);
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "Join Invite Co" })).toBeVisible();
  await waitForAppHydration(invitee);
  await invitee.getByLabel("Your name").fill("Invited Ivy");
  await invitee.getByLabel("Choose a password").fill(PASSWORD);
  await invitee.getByLabel("Password again").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Join the organisation" }).click();
  // nothing is created yet: the same "check your email" whatever the address (issue 14)
  await expect(invitee.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(invitee.getByTestId("invite-sent")).toContainText(inviteeEmail);
  // the email's link, opened in Chinese: what it will create, and one button
  await prefer(invitee, "zh");
  await invitee.goto(inviteConfirmLinkFor(inviteeEmail));
  await expect(invitee.getByRole("heading", { name: "加入Invite Co" })).toBeVisible();
  await expect(invitee.getByText("在Invite Co中为Invited Ivy")).toBeVisible();
  await invitee.getByRole("button", { name: "创建我的账号" }).click();
  await expect(invitee).toHaveURL(/\/home$/);
  await preferEnglish(invitee);
  await invitee.reload();
  await expect(invitee.getByTestId("viewer")).toContainText("Member");

  // the link works once
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await preferEnglish(strangerPage);
  await strangerPage.goto(new URL(link).pathname);
  await expect(strangerPage.getByText("Invitation already used")).toBeVisible();
  await stranger.close();

  // the admin makes Ivy HR; it applies from her next click
  await page.goto("/settings/people");
  await page.getByRole("link", { name: /Invited Ivy/ }).click();
  await expect(page.getByRole("heading", { name: "Invited Ivy" })).toBeVisible();
  await waitForAppHydration(page);
  await page.getByRole("combobox", { name: "Kind of account" }).selectOption("hr");
  await page.getByRole("button", { name: "Save kind" }).click();
  await expect(page.getByText("The kind of account of Invited Ivy is changed.")).toBeVisible();
  await invitee.reload();
  await expect(invitee.getByTestId("viewer")).toContainText("HR");

  // the admin disables Ivy, after a confirmation
  await page.getByRole("button", { name: "Disable…" }).click();
  await page.getByRole("button", { name: "Yes, disable" }).click();
  await expect(page.getByText("Invited Ivy is disabled and signed out everywhere.")).toBeVisible();

  // Ivy's next request finds her signed out, and she cannot sign back in
  await invitee.goto("/org");
  await expect(invitee).toHaveURL(/\/login/);
  await invitee.getByLabel("Email address").fill(inviteeEmail);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByText("This account is disabled. Ask your organisation's admin.")).toBeVisible();

  // the security log tells who did what
  await page.goto("/settings/security");
  for (const event of ["Invitation created", "Invitation accepted", "Account disabled"]) {
    await expect(page.getByRole("rowheader", { name: event }).first()).toBeVisible();
  }
  await inviteeContext.close();
});
