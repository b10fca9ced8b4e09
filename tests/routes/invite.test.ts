/**
 * Accepting an invitation (issue 14): the form answers "check your email"
 * with the same work whatever the invited email's state; the email's
 * single-use link creates the account, all or nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { UserKind } from "../../app/domain/permissions";
import type { RoleId } from "../../app/domain/types";
import {
  ACCEPTANCE_LIFETIME_MS,
  confirmInviteAcceptance,
  createInvite,
  INVITE_LIFETIME_MS,
  revokeInvite,
} from "../../app/models/invite.server";
import { action, loader } from "../../app/routes/invite.$token";
import { action as confirmAction, loader as confirmLoader } from "../../app/routes/invite_.confirm.$secret";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import * as passwords from "../../app/utils/password.server";
import { createOrganisation, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";
import { lastMailTo } from "../utils/signup";

// Counted, not timed: equal work is the same number of password hashes.
vi.mock("../../app/utils/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../app/utils/password.server")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

type InvitePage = {
  problem: string | null;
  invite: { organisationName: string; email: string; kind: string } | null;
};
type AcceptReply = {
  problem?: string;
  sent?: { email: string; organisation: string };
  lastResult?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
};

const NEW_PASSWORD = "a brand new password";

let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeEach(async () => {
  organisation = await createOrganisation({ name: "Harbour Goods 海港优品" });
  admin = await createUser({ organisationId: organisation.id, kind: "admin" });
});

function invite(options: { kind?: UserKind; departments?: RoleId[]; email?: string; now?: Date } = {}) {
  return createInvite({
    organisationId: organisation.id,
    createdById: admin.id,
    email: options.email ?? `new-${randomUUID()}@test.example`,
    kind: options.kind ?? "lead",
    departments: options.departments ?? ["supply_chain"],
    ipAddress: null,
    now: options.now,
  });
}

const open = (token: string) => callRoute<InvitePage>(loader, get(`/invite/${token}`), { token });
const accept = (token: string, form: Record<string, string>, query = "") => {
  const handler = (args: Parameters<typeof action>[0]) =>
    action({ ...args, context: { clientAddress: "198.51.100.23" } });
  return callRoute<AcceptReply>(handler, post(`/invite/${token}${query}`, form), { token });
};
const confirm = (secret: string, form: Record<string, string> = {}) => {
  const handler = (args: Parameters<typeof confirmAction>[0]) =>
    confirmAction({ ...args, context: { clientAddress: "198.51.100.24" } });
  return callRoute<{ problem?: string | null }>(handler, post(`/invite/confirm/${secret}`, form), { secret });
};
type ConfirmPage = { valid: boolean; organisation?: string; email?: string; name?: string; kind?: string };
const openConfirm = (secret: string) =>
  callRoute<ConfirmPage>(confirmLoader, get(`/invite/confirm/${secret}`), { secret });

/** The secret of the link in the last acceptance email to this address. */
async function linkSecretFor(email: string): Promise<string> {
  const mail = await lastMailTo(email);
  expect(mail.kind).toBe("invite_confirm");
  const secret = /\/invite\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(secret).toBeTruthy();
  return secret!;
}

const goodForm = { name: "Chen Jie 陈杰", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

async function writes() {
  const [users, sessions, invitesUsed, events, acceptances, mails] = await Promise.all([
    db.user.count(),
    db.session.count(),
    db.invite.count({ where: { usedAt: { not: null } } }),
    db.securityEvent.count(),
    db.inviteAcceptance.count(),
    db.mailMessage.count(),
  ]);
  return { users, sessions, invitesUsed, events, acceptances, mails };
}

function delta(before: Awaited<ReturnType<typeof writes>>, after: Awaited<ReturnType<typeof writes>>) {
  return Object.fromEntries(
    Object.entries(after).map(([table, count]) => [table, count - before[table as keyof typeof before]]),
  );
}

describe("GET /invite/$token", () => {
  it("shows the organisation, the kind and the email of a pending invitation", async () => {
    const { token } = await invite({ kind: "hr", email: "li.na@test.example" });
    const result = await open(token);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      problem: null,
      invite: { organisationName: "Harbour Goods 海港优品", kind: "hr", email: "li.na@test.example" },
    });
  });

  it("answers 404 for a token that does not exist, however long", async () => {
    for (const token of ["nope", "x".repeat(5000)]) {
      const result = await open(token);
      expect(result.status).toBe(404);
      expect(result.data).toMatchObject({ problem: "unknown", invite: null });
    }
  });

  it("answers 410 for an expired, used or withdrawn invitation", async () => {
    const expired = await invite({ now: new Date(Date.now() - INVITE_LIFETIME_MS - 1000) });
    const used = await invite();
    await db.invite.update({ where: { id: used.id }, data: { usedAt: new Date() } });
    const revoked = await invite();
    await revokeInvite({
      organisationId: organisation.id,
      inviteId: revoked.id,
      actorUserId: admin.id,
      ipAddress: null,
    });

    for (const [token, problem] of [
      [expired.token, "expired"],
      [used.token, "used"],
      [revoked.token, "revoked"],
    ]) {
      const result = await open(token);
      expect(result.status).toBe(410);
      expect(result.data).toMatchObject({ problem, invite: null });
    }
  });
});

describe("POST /invite/$token", () => {
  it("answers an email with an account in another organisation exactly as a free one, with the same work", async () => {
    const elsewhere = await createOrganisation({ name: "Other Co" });
    const existing = await createUser({ organisationId: elsewhere.id, kind: "admin" });
    const hash = vi.mocked(passwords.hashPassword);
    const attempt = async (email: string) => {
      const { token } = await invite({ email });
      hash.mockClear();
      const before = await writes();
      const result = await accept(token, goodForm);
      const after = await writes();
      return {
        reply: {
          status: result.status,
          cookie: result.headers.get("Set-Cookie"),
          cache: result.headers.get("Cache-Control"),
          // the answer, with the address it names taken out
          answer: JSON.stringify(result.data).split(email).join("<email>"),
          hashes: hash.mock.calls.length,
          delta: delta(before, after),
        },
        mail: await lastMailTo(email),
      };
    };
    const taken = await attempt(existing.email);
    const free = await attempt(`free-${randomUUID()}@test.example`);
    expect(taken.reply).toEqual(free.reply);
    expect(taken.reply).toMatchObject({ status: 200, cookie: null, cache: "no-store", hashes: 1 });
    expect(taken.reply.delta).toEqual({
      users: 0,
      sessions: 0,
      invitesUsed: 0,
      events: 0,
      acceptances: 1,
      mails: 1,
    });
    expect(JSON.parse(taken.reply.answer)).toEqual({
      sent: { email: "<email>", organisation: "Harbour Goods 海港优品" },
    });
    // only the emails differ: the account's owner is told to sign in, with no link that creates anything
    expect(taken.mail.kind).toBe("invite_existing");
    expect(taken.mail.text).toContain("/login");
    expect(taken.mail.text).toContain("/forgot-password");
    expect(taken.mail.text).not.toContain("/invite/confirm/");
    expect(free.mail.kind).toBe("invite_confirm");
    expect(free.mail.text).toMatch(/\/invite\/confirm\/[A-Za-z0-9_-]{40,}/);
    // neither lands in the inviting organisation's outbox, where its admin would read which it was
    expect([taken.mail.organisationId, free.mail.organisationId]).toEqual([null, null]);
    // nothing typed is kept for the email with an account
    const stored = await db.inviteAcceptance.findFirstOrThrow({ where: { invite: { email: existing.email } } });
    expect(stored).toMatchObject({ name: "", passwordHash: "" });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("creates nothing until the email's link is confirmed", async () => {
    const { token, id } = await invite();
    const before = await writes();
    expect((await accept(token, goodForm)).status).toBe(200);
    expect(delta(before, await writes())).toMatchObject({ users: 0, sessions: 0, invitesUsed: 0, events: 0 });
    expect(await db.invite.findUniqueOrThrow({ where: { id } })).toMatchObject({ usedAt: null, usedById: null });
  });

  it("writes the email in the language of the page", async () => {
    const email = `lang-${randomUUID()}@test.example`;
    await accept((await invite({ email })).token, goodForm, "?lang=en");
    expect((await lastMailTo(email)).subject).toBe("Confirm your account in Harbour Goods 海港优品");
    const zhEmail = `lang-${randomUUID()}@test.example`;
    await accept((await invite({ email: zhEmail })).token, goodForm, "?lang=zh");
    expect((await lastMailTo(zhEmail)).subject).toBe("请确认你在Harbour Goods 海港优品的账号");
  });

  it("answers 400 when the passwords differ, keeping the name and not the passwords", async () => {
    const { token } = await invite();
    const before = await writes();
    const result = await accept(token, { ...goodForm, confirmPassword: "another password entirely" });
    expect(result.status).toBe(400);
    expect(result.data.lastResult?.error).toEqual({ confirmPassword: ["auth.validation.password.mismatch"] });
    expect(result.data.lastResult?.initialValue).toEqual({ name: "Chen Jie 陈杰" });
    expect(await writes()).toEqual(before);
  });

  it("answers 400 per field for a short password and a missing name", async () => {
    const { token } = await invite();
    const before = await writes();
    const result = await accept(token, { name: "", password: "short", confirmPassword: "short" });
    expect(result.status).toBe(400);
    expect(result.data.lastResult?.error).toEqual({
      name: ["auth.validation.name.required"],
      password: ["auth.validation.password.tooShort"],
    });
    expect(await writes()).toEqual(before);
  });

  it("answers 404 for an unknown token and 410 for an expired one, before reading the form", async () => {
    const expired = await invite({ now: new Date(Date.now() - INVITE_LIFETIME_MS - 1000) });
    const before = await writes();
    const unknown = await accept("not-a-token", goodForm);
    expect(unknown.status).toBe(404);
    expect(unknown.data.problem).toBe("unknown");
    const late = await accept(expired.token, { name: "" });
    expect(late.status).toBe(410);
    expect(late.data.problem).toBe("expired");
    expect(await writes()).toEqual(before);
  });
});

describe("the acceptance email's link", () => {
  it("shows what it will create without creating it, then creates the person, signs them in and goes home", async () => {
    const { token, id } = await invite({ kind: "lead", departments: ["supply_chain", "marketing"] });
    const email = (await db.invite.findUniqueOrThrow({ where: { id } })).email;
    await accept(token, { ...goodForm, name: "  Chen Jie 陈杰 " });
    const secret = await linkSecretFor(email);

    const before = await writes();
    const opened = await openConfirm(secret);
    expect(opened.status).toBe(200);
    expect(opened.data).toEqual({
      valid: true,
      organisation: "Harbour Goods 海港优品",
      email,
      name: "Chen Jie 陈杰",
      kind: "lead",
    });
    expect(opened.headers.get("Cache-Control")).toBe("no-store");
    // opening it (a mail scanner following links, say) created nothing
    expect(await writes()).toEqual(before);

    const result = await confirm(secret);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
    const stored = await db.invite.findUniqueOrThrow({ where: { id } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      organisationId: organisation.id,
      name: "Chen Jie 陈杰",
      kind: "lead",
      departments: JSON.stringify(["supply_chain", "marketing"]),
    });
    expect(await passwords.verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    expect(stored).toMatchObject({ usedById: user.id });
    expect(stored.usedAt).not.toBeNull();

    const cookie = result.headers.get("Set-Cookie")!.split(";")[0];
    const signedIn = await getSignedIn(new Request("http://localhost/org", { headers: { Cookie: cookie } }));
    expect(signedIn?.actor).toMatchObject({ userId: user.id, kind: "lead", organisationId: organisation.id });
    const event = await db.securityEvent.findFirst({ where: { type: "invite_accepted", subjectUserId: user.id } });
    expect(event).toMatchObject({ organisationId: organisation.id, ipAddress: "198.51.100.24" });
    expect(event?.detail).not.toContain(NEW_PASSWORD);
  });

  it("works once: a second click is a 404, the invitation is used and its other links are dead", async () => {
    const { token, id } = await invite();
    const email = (await db.invite.findUniqueOrThrow({ where: { id } })).email;
    await accept(token, goodForm);
    const first = await linkSecretFor(email);
    await accept(token, { ...goodForm, name: "Second Try" });
    const second = await linkSecretFor(email);
    expect((await confirm(first)).status).toBe(302);

    const before = await writes();
    for (const secret of [first, second]) {
      const again = await confirm(secret);
      expect(again.status).toBe(404);
      expect(again.data.problem).toBe("invalid");
      expect((await openConfirm(secret)).status).toBe(404);
    }
    // the invitation itself is used up: its form answers 410 and sends nothing
    const used = await accept(token, goodForm);
    expect(used.status).toBe(410);
    expect(used.data.problem).toBe("used");
    expect(await writes()).toEqual(before);
  });

  it("two clicks at the same moment create one account", async () => {
    const { token, id } = await invite();
    const email = (await db.invite.findUniqueOrThrow({ where: { id } })).email;
    await accept(token, goodForm);
    const secret = await linkSecretFor(email);
    const results = await Promise.allSettled([
      confirmInviteAcceptance({ secret, ipAddress: null }),
      confirmInviteAcceptance({ secret, ipAddress: null }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("no longer works once the invitation is withdrawn or the link has expired", async () => {
    const withdrawn = await invite();
    const withdrawnEmail = (await db.invite.findUniqueOrThrow({ where: { id: withdrawn.id } })).email;
    await accept(withdrawn.token, goodForm);
    const withdrawnSecret = await linkSecretFor(withdrawnEmail);
    await revokeInvite({
      organisationId: organisation.id,
      inviteId: withdrawn.id,
      actorUserId: admin.id,
      ipAddress: null,
    });

    const late = await invite();
    const lateEmail = (await db.invite.findUniqueOrThrow({ where: { id: late.id } })).email;
    await accept(late.token, goodForm);
    const lateSecret = await linkSecretFor(lateEmail);
    await db.inviteAcceptance.updateMany({
      where: { inviteId: late.id },
      data: { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - ACCEPTANCE_LIFETIME_MS - 1000) },
    });

    const before = await writes();
    for (const secret of [withdrawnSecret, lateSecret, "not-a-secret", "x".repeat(5000)]) {
      expect((await openConfirm(secret)).status).toBe(404);
      const result = await confirm(secret);
      expect(result.status).toBe(404);
      expect(result.data.problem).toBe("invalid");
    }
    expect(await writes()).toEqual(before);
  });

  it("answers 409 and creates nothing when the email got an account in the meantime, keeping the link", async () => {
    const { token, id } = await invite();
    const email = (await db.invite.findUniqueOrThrow({ where: { id } })).email;
    await accept(token, goodForm);
    const secret = await linkSecretFor(email);
    const elsewhere = await createOrganisation({ name: "Other Co" });
    await createUser({ organisationId: elsewhere.id, kind: "member", email });
    const before = await writes();
    const result = await confirm(secret);
    expect(result.status).toBe(409);
    expect(result.data.problem).toBe("email_taken");
    expect(await writes()).toEqual(before);
    // nothing was used up: the invitation and the link are as they were
    expect(await db.invite.findUniqueOrThrow({ where: { id } })).toMatchObject({ usedAt: null });
    expect((await openConfirm(secret)).status).toBe(200);
  });

  it("writes nothing on a validation request", async () => {
    const { token, id } = await invite();
    const email = (await db.invite.findUniqueOrThrow({ where: { id } })).email;
    await accept(token, goodForm);
    const secret = await linkSecretFor(email);
    const before = await writes();
    const result = await confirm(secret, { __intent__: JSON.stringify({ type: "validate", payload: { name: "x" } }) });
    expect(result.status).toBe(400);
    expect(await writes()).toEqual(before);
    expect((await openConfirm(secret)).status).toBe(200);
  });
});
