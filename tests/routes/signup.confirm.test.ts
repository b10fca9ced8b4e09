/**
 * Sign-up reveals nothing about which emails exist (issue 14): the same
 * answer and the same work for a taken and a new email, and a single-use,
 * expiring link that creates the organisation, all or nothing.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { confirmSignup, SIGNUP_LIFETIME_MS } from "../../app/models/signup.server";
import { loader as confirmLoader } from "../../app/routes/signup_.confirm.$token";
import { db } from "../../app/utils/db.server";
import * as passwords from "../../app/utils/password.server";
import { createOrganisation, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";
import { confirmFrom, confirmLink, lastMailTo, linkTokenFor, signupFrom } from "../utils/signup";

// Counted, not timed: equal work is the same number of password hashes.
vi.mock("../../app/utils/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../app/utils/password.server")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

function founder(overrides: Record<string, string> = {}) {
  return {
    organisationName: "Harbour Goods 海港优品",
    model: "independent_site",
    stage: "startup",
    name: "Zhao Lei 赵磊",
    email: `founder-${randomUUID()}@test.example`,
    password: "a long enough secret",
    ...overrides,
  };
}

async function counts() {
  const [organisations, users, members, sessions, events, signups, mails] = await Promise.all([
    db.organisation.count(),
    db.user.count(),
    db.member.count(),
    db.session.count(),
    db.securityEvent.count(),
    db.signupRequest.count(),
    db.mailMessage.count(),
  ]);
  return { organisations, users, members, sessions, events, signups, mails };
}

const ask = (form: Record<string, string>, ip: string, query = "") =>
  callRoute<{ sent: string }>(signupFrom(ip), post(`/signup${query}`, form));

describe("POST /signup reveals nothing about which emails exist", () => {
  it("answers a taken email exactly as a new one, with the same work and writes; only the email differs", async () => {
    const organisation = await createOrganisation();
    const existing = await createUser({ organisationId: organisation.id, kind: "member" });
    const hash = vi.mocked(passwords.hashPassword);
    const attempt = async (email: string) => {
      hash.mockClear();
      const before = await counts();
      const result = await ask(founder({ email }), "198.51.100.30");
      const after = await counts();
      const delta = Object.fromEntries(
        Object.entries(after).map(([table, count]) => [table, count - before[table as keyof typeof before]]),
      );
      const normalised = email.trim().toLowerCase();
      return {
        reply: {
          status: result.status,
          cookie: result.headers.get("Set-Cookie"),
          // the answer, with the address it names taken out
          answer: JSON.stringify(result.data).split(normalised).join("<email>"),
          hashes: hash.mock.calls.length,
          delta,
        },
        mail: await lastMailTo(normalised),
      };
    };
    const taken = await attempt(` ${existing.email.toUpperCase()}`);
    const fresh = await attempt(`fresh-${randomUUID()}@test.example`);
    expect(taken.reply).toEqual(fresh.reply);
    expect(taken.reply).toMatchObject({ status: 200, cookie: null, hashes: 1 });
    expect(taken.reply.delta).toEqual({
      organisations: 0,
      users: 0,
      members: 0,
      sessions: 0,
      events: 0,
      signups: 1,
      mails: 1,
    });
    expect(taken.reply.answer).toContain('"sent":"<email>"');
    // the emails differ: the account's owner is told to sign in, with no link that creates anything
    expect(taken.mail.kind).toBe("signup_existing");
    expect(taken.mail.text).toContain("/login");
    expect(taken.mail.text).toContain("/forgot-password");
    expect(taken.mail.text).not.toContain("/signup/confirm/");
    expect(fresh.mail.kind).toBe("signup_confirm");
    expect(fresh.mail.text).toMatch(/\/signup\/confirm\/[A-Za-z0-9_-]{40,}/);
    // neither belongs to an organisation's outbox
    expect([taken.mail.organisationId, fresh.mail.organisationId]).toEqual([null, null]);
    // nothing the stranger typed is kept for the taken email
    const stored = await db.signupRequest.findFirstOrThrow({ where: { email: existing.email } });
    expect(stored).toMatchObject({ passwordHash: "", details: "{}" });
  });

  it("writes the email in the language of the page", async () => {
    const email = `lang-${randomUUID()}@test.example`;
    await ask(founder({ email }), "198.51.100.31", "?lang=en");
    expect((await lastMailTo(email)).subject).toBe("Confirm your new organisation");
    const zhEmail = `lang-${randomUUID()}@test.example`;
    await ask(founder({ email: zhEmail }), "198.51.100.31", "?lang=zh");
    expect((await lastMailTo(zhEmail)).subject).toBe("请确认创建新组织");
  });
});

describe("the confirmation link", () => {
  it("creates nothing before it is confirmed; opening it shows what it will create", async () => {
    const form = founder();
    const before = await counts();
    await ask(form, "198.51.100.32");
    const after = await counts();
    expect({ ...after, signups: before.signups, mails: before.mails }).toEqual(before);
    const token = await linkTokenFor(form.email);
    const opened = await callRoute<{ valid: boolean; organisation: string; email: string }>(
      confirmLoader,
      get(`/signup/confirm/${token}`),
      { token },
    );
    expect(opened.status).toBe(200);
    expect(opened.data).toEqual({ valid: true, organisation: form.organisationName, email: form.email });
    expect(opened.headers.get("Cache-Control")).toBe("no-store");
    // opening it (a mail scanner following links, say) created nothing
    expect(await counts()).toEqual(after);
  });

  it("works once: the second confirmation is a 404 and creates nothing", async () => {
    const form = founder();
    await ask(form, "198.51.100.33");
    const token = await linkTokenFor(form.email);
    expect((await confirmLink(token)).status).toBe(302);
    const before = await counts();
    const again = await confirmLink(token);
    expect(again.status).toBe(404);
    expect(again.data).toEqual({ problem: "invalid" });
    expect(await counts()).toEqual(before);
    expect((await callRoute(confirmLoader, get(`/signup/confirm/${token}`), { token })).status).toBe(404);
  });

  it("clicked twice at once creates one organisation", async () => {
    const form = founder();
    await ask(form, "198.51.100.34");
    const token = await linkTokenFor(form.email);
    const before = await counts();
    const results = await Promise.all([confirmLink(token), confirmLink(token)]);
    expect(results.map((result) => result.status).sort()).toEqual([302, 404]);
    const after = await counts();
    expect(after.organisations - before.organisations).toBe(1);
    expect(after.users - before.users).toBe(1);
  });

  it("expires after 24 hours", async () => {
    const form = founder();
    await ask(form, "198.51.100.35");
    const token = await linkTokenFor(form.email);
    const request = await db.signupRequest.findFirstOrThrow({ where: { email: form.email } });
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(SIGNUP_LIFETIME_MS);
    await expect(
      confirmSignup({ token, ipAddress: null, now: new Date(request.expiresAt.getTime()) }),
    ).rejects.toMatchObject({ reason: "invalid" });
    await db.signupRequest.update({ where: { id: request.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await counts();
    expect((await confirmLink(token)).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("of two sign-ups with the same email, confirming one makes the other link unusable", async () => {
    const email = `twice-${randomUUID()}@test.example`;
    await ask(founder({ email }), "198.51.100.39");
    const first = await linkTokenFor(email);
    await ask(founder({ email: email.toUpperCase() }), "198.51.100.39");
    const second = await linkTokenFor(email);
    expect(second).not.toBe(first);
    const before = await counts();
    expect((await confirmLink(second)).status).toBe(302);
    expect((await confirmLink(first)).status).toBe(404);
    const after = await counts();
    expect(after.organisations - before.organisations).toBe(1);
    expect(after.users - before.users).toBe(1);
  });

  it("when the email got an account meanwhile, says so and leaves no partial organisation", async () => {
    const form = founder();
    await ask(form, "198.51.100.36");
    const token = await linkTokenFor(form.email);
    const organisation = await createOrganisation();
    await createUser({ organisationId: organisation.id, kind: "member", email: form.email });
    const before = await counts();
    const result = await confirmLink(token);
    expect(result.status).toBe(409);
    expect(result.data).toEqual({ problem: "email_taken" });
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("a failure while creating rolls back the link and everything created before it", async () => {
    const form = founder({ addAsMember: "on", founderRole: "operations_manager" });
    await ask(form, "198.51.100.37");
    const token = await linkTokenFor(form.email);
    const before = await counts();
    const client = db as unknown as { $transaction: (...args: unknown[]) => unknown };
    const original = client.$transaction;
    // the security event, the last write of the transaction, fails
    client.$transaction = (work: unknown) =>
      original.call(db, (tx: object) =>
        (work as (tx: object) => Promise<unknown>)(
          new Proxy(tx, {
            get: (target, key) =>
              key === "securityEvent"
                ? { create: () => Promise.reject(new Error("disk full")) }
                : Reflect.get(target, key),
          }),
        ),
      );
    try {
      await expect(confirmSignup({ token, ipAddress: null })).rejects.toThrow("disk full");
    } finally {
      client.$transaction = original;
    }
    expect(await counts()).toEqual(before);
    expect((await db.signupRequest.findFirstOrThrow({ where: { email: form.email } })).usedAt).toBeNull();
    // the link still works, and then creates everything
    expect((await confirmLink(token)).status).toBe(302);
    expect((await counts()).members - before.members).toBe(1);
  });

  it("a validation request writes nothing", async () => {
    const form = founder();
    await ask(form, "198.51.100.38");
    const token = await linkTokenFor(form.email);
    const before = await counts();
    const result = await callRoute(
      confirmFrom("198.51.100.38"),
      post(`/signup/confirm/${token}`, { __intent__: JSON.stringify({ type: "validate", payload: {} }) }),
      { token },
    );
    expect(result.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
