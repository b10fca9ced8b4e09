import { expect } from "vitest";
import { action } from "../../app/routes/signup";
import { action as confirmAction } from "../../app/routes/signup_.confirm.$token";
import { db } from "../../app/utils/db.server";
import { callRoute, post } from "./route";

/**
 * Sign-up confirmed by email (issue 14), as the tests take it: the email is
 * read from the mail queue, where the route wrote it.
 */

export const signupFrom = (ip: string) => (args: Parameters<typeof action>[0]) =>
  action({ ...args, context: { clientAddress: ip } });

export const confirmFrom = (ip: string) => (args: Parameters<typeof confirmAction>[0]) =>
  confirmAction({ ...args, context: { clientAddress: ip } });

/** The last email queued for this address. */
export async function lastMailTo(email: string) {
  return db.mailMessage.findFirstOrThrow({
    where: { toEmail: email },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** The token of the confirmation link in the last email to this address. */
export async function linkTokenFor(email: string): Promise<string> {
  const mail = await lastMailTo(email);
  expect(mail.kind).toBe("signup_confirm");
  const token = /\/signup\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

/** Confirms the link with this token. */
export function confirmLink(token: string, ip = "198.51.100.40") {
  return callRoute<{ problem?: string }>(confirmFrom(ip), post(`/signup/confirm/${token}`, {}), { token });
}

/** Signs up, opens the link of the email and confirms it: what a founder does. */
export async function signUpAndConfirm(form: Record<string, string>, ip = "198.51.100.40") {
  const asked = await callRoute<{ sent: string }>(signupFrom(ip), post("/signup", form));
  expect(asked.status).toBe(200);
  return confirmLink(await linkTokenFor(form.email.trim().toLowerCase()), ip);
}
