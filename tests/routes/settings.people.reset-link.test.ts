/**
 * Without SMTP a person cannot reset their own password by email, so an
 * admin creates a reset link for them on their page, shown once (issue 14).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { action } from "../../app/routes/settings.people.$userId";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset-password.$token";
import { db } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface ActionData {
  intent: string | null;
  resetLink: string | null;
  lastResult: { error?: Record<string, string[]> };
}

let cast: Cast;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

const issue = (userId: string, cookie: string) =>
  callRoute<ActionData>(action, post(`/settings/people/${userId}`, { intent: "issue_reset" }, { Cookie: cookie }), {
    userId,
  });
const resets = (userId: string) => db.passwordReset.count({ where: { userId } });

describe("POST /settings/people/$userId, intent issue_reset", () => {
  it("gives an admin a one-hour, single-use link for the person, recorded as a security event", async () => {
    const result = await issue(cast.member.id, cookies.admin);
    expect(result.status).toBe(200);
    expect(result.data.intent).toBe("issue_reset");
    const link = result.data.resetLink!;
    expect(link).toMatch(/^http:\/\/localhost\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    const token = link.split("/").pop()!;
    // only the hash is stored
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: cast.member.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(3_600_000);
    const recorded = await db.securityEvent.findMany({
      where: { organisationId: cast.organisation.id, type: "password_reset_issued" },
    });
    expect(recorded).toEqual([expect.objectContaining({ actorUserId: cast.admin.id, subjectUserId: cast.member.id })]);
    // no email is queued: the admin hands the link over
    expect(await db.mailMessage.count({ where: { userId: cast.member.id } })).toBe(0);

    // the person uses it once
    expect((await callRoute(resetLoader, get(`/reset-password/${token}`), { token })).status).toBe(200);
    const form = { password: "a brand new long secret", confirmPassword: "a brand new long secret" };
    const fromAddress = (args: Parameters<typeof resetAction>[0]) =>
      resetAction({ ...args, context: { clientAddress: "198.51.100.60" } });
    const used = await callRoute(fromAddress, post(`/reset-password/${token}`, form), { token });
    expect(used.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: cast.member.id } });
    expect(await verifyPassword(form.password, user.passwordHash)).toBe(true);
    expect((await callRoute(fromAddress, post(`/reset-password/${token}`, form), { token })).status).toBe(404);
  });

  it("refuses a disabled account with a message, creating no link", async () => {
    await db.user.update({ where: { id: cast.member.id }, data: { disabledAt: new Date() } });
    const result = await issue(cast.member.id, cookies.admin);
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ "": ["access.adminReset.disabled"] });
    expect(result.data.resetLink).toBeNull();
    expect(await resets(cast.member.id)).toBe(0);
  });

  it("is for admins of the person's organisation only", async () => {
    for (const who of ["manager", "hr", "member"] as const) {
      const result = await issue(cast.hr.id, cookies[who]);
      expect(result.status).toBe(403);
    }
    expect((await issue(cast.member.id, cookies.otherAdmin)).status).toBe(404);
    expect(await resets(cast.member.id)).toBe(0);
    expect(await resets(cast.hr.id)).toBe(0);
  });
});
