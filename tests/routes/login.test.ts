import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { action, loader } from "../../app/routes/login";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { languageCookie } from "../../app/utils/i18n.server";
import * as passwords from "../../app/utils/password.server";
import { cookieFor, createOrganisation, createUser, TEST_PASSWORD } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

// Counted, not timed: equal work is the same number of password verifications at the same cost.
vi.mock("../../app/utils/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../app/utils/password.server")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword), hashPassword: vi.fn(original.hashPassword) };
});

type LoginReply = {
  lastResult: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
  throttled: { scope: "account" | "address"; retryAfterSeconds: number; message: string } | null;
};

/** A fresh address per test, so tests do not slow each other down. */
const newAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function signIn(form: Record<string, string>, options: { ip?: string | null; headers?: Record<string, string> } = {}) {
  const ip = options.ip === undefined ? newAddress() : options.ip;
  const handler = (args: Parameters<typeof action>[0]) => action({ ...args, context: { clientAddress: ip } });
  return callRoute<LoginReply>(handler, post("/login", form, { "Accept-Language": "en", ...options.headers }));
}

async function member(options: { disabled?: boolean } = {}) {
  const organisation = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, kind: "member", ...options });
  return { organisation, user };
}

const cookieOf = (result: { headers: Headers }) => result.headers.get("Set-Cookie")?.split(";")[0] ?? "";
const throttleRow = (key: string) => db.signInThrottle.findUnique({ where: { key } });

describe("GET /login", () => {
  it("keeps a same-site redirectTo for the form and drops any other", async () => {
    const good = await callRoute<{ redirectTo?: string }>(loader, get("/login?redirectTo=%2Fplanner%3Fmodel%3Db2b"));
    expect(good.data.redirectTo).toBe("/planner?model=b2b");
    const bad = await callRoute<{ redirectTo?: string }>(loader, get("/login?redirectTo=https%3A%2F%2Fevil.example"));
    expect(bad.data.redirectTo).toBeUndefined();
  });

  it("sends someone already signed in to their organisation", async () => {
    const { user } = await member();
    const result = await callRoute(loader, get("/login", { Cookie: await cookieFor(user.id) }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
  });
});

describe("POST /login", () => {
  it("signs in with the email typed in any case, and goes to /org", async () => {
    const { user } = await member();
    const ip = newAddress();
    const result = await signIn({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD }, { ip });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
    const signedIn = await getSignedIn(new Request("http://localhost/", { headers: { Cookie: cookieOf(result) } }));
    expect(signedIn?.user.id).toBe(user.id);
    const event = await db.securityEvent.findFirst({ where: { subjectUserId: user.id, type: "sign_in" } });
    expect(event).toMatchObject({ organisationId: user.organisationId, actorUserId: user.id, ipAddress: ip });
    expect(event?.detail).not.toContain(TEST_PASSWORD);
  });

  it("gives a new session id at sign-in and ends the one the browser presented", async () => {
    const { user } = await member();
    const old = await cookieFor(user.id);
    const result = await signIn({ email: user.email, password: TEST_PASSWORD }, { headers: { Cookie: old } });
    expect(cookieOf(result)).not.toBe(old);
    expect(await getSignedIn(new Request("http://localhost/", { headers: { Cookie: old } }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("goes back to a same-site redirectTo, never off the site", async () => {
    const { user } = await member();
    const back = await signIn({
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "/planner?model=b2b&stage=growth",
    });
    expect(back.headers.get("Location")).toBe("/planner?model=b2b&stage=growth");
    const away = await signIn({ email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example" });
    expect(away.headers.get("Location")).toBe("/home");
  });

  it.each([
    "/\t/evil.example/",
    "/\n/evil.example",
    "/\u3000/evil.example",
    "/\\evil.example",
    "https://evil.example",
    "http:evil.example",
  ])("refuses redirectTo %s with a plain redirect to /org, never a 500", async (redirectTo) => {
    const { user } = await member();
    const result = await signIn({ email: user.email, password: TEST_PASSWORD, redirectTo });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
  });

  it("answers the same for an unknown email and a wrong password, without echoing the password", async () => {
    const { user } = await member();
    const wrong = await signIn({ email: user.email, password: "not the password" });
    const unknown = await signIn({ email: `nobody-${randomUUID()}@test.example`, password: "not the password" });
    for (const result of [wrong, unknown]) {
      expect(result.status).toBe(400);
      expect(result.data.lastResult.error).toEqual({ "": ["auth.login.invalidCredentials"] });
      expect(result.data.lastResult.initialValue).not.toHaveProperty("password");
      expect(result.headers.get("Set-Cookie")).toBeNull();
    }
    expect(wrong.data.lastResult.initialValue).toMatchObject({ email: user.email });
  });

  it("logs failed sign-ins with the account's organisation when the email exists, else none", async () => {
    const { user } = await member();
    const unknownEmail = `nobody-${randomUUID()}@test.example`;
    await signIn({ email: user.email, password: "not the password" });
    await signIn({ email: unknownEmail, password: "not the password" });
    const known = await db.securityEvent.findFirst({ where: { type: "sign_in_failed", subjectUserId: user.id } });
    expect(known?.organisationId).toBe(user.organisationId);
    const unknown = await db.securityEvent.findFirst({
      where: { type: "sign_in_failed", detail: { contains: unknownEmail } },
    });
    expect(unknown).toMatchObject({ organisationId: null, subjectUserId: null });
    expect(unknown?.detail).not.toContain("not the password");
  });

  it("answers 400 per field for a malformed form, without a throttle entry", async () => {
    const result = await signIn({ email: "nobody", password: "" });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      email: ["auth.validation.email.invalid"],
      password: ["auth.validation.password.required"],
    });
    expect(await db.signInThrottle.count({ where: { key: { startsWith: "account:nobody|" } } })).toBe(0);
  });

  it("blocks an account from one address after five failures, tells when to retry, and refuses even the right password there", async () => {
    const { user } = await member();
    const ip = newAddress();
    for (let i = 0; i < 5; i++) {
      expect((await signIn({ email: user.email, password: `guess number ${i}` }, { ip })).status).toBe(400);
    }
    const sixth = await signIn({ email: user.email, password: "guess number 6" }, { ip });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("Retry-After")).toBe("60");
    expect(sixth.data.throttled?.message).toBe("Too many failed sign-ins for this account. Try again in 1 minute.");

    const right = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip });
    expect(right.status).toBe(429);
    expect(right.headers.get("Set-Cookie")).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const throttled = await db.securityEvent.findFirst({
      where: { type: "sign_in_throttled", subjectUserId: user.id },
    });
    expect(throttled?.organisationId).toBe(user.organisationId);
  });

  it("never locks the owner out: a stranger's failures do not block the right password from another address", async () => {
    const { user } = await member();
    const stranger = newAddress();
    for (let i = 0; i < 8; i++) await signIn({ email: user.email, password: `stranger guess ${i}` }, { ip: stranger });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: stranger })).status).toBe(429);
    const owner = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: newAddress() });
    expect(owner.status).toBe(302);
    // and the owner's success does not lift the stranger's block
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: stranger })).status).toBe(429);
  });

  it("says so in Chinese, with the minutes left", async () => {
    const { user } = await member();
    const ip = newAddress();
    await db.signInThrottle.create({
      data: {
        key: `account:${user.email}|${ip}`,
        failures: 7,
        windowStart: new Date(),
        blockedUntil: new Date(Date.now() + 119_000),
      },
    });
    const english = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip });
    expect(english.status).toBe(429);
    expect(english.data.throttled?.message).toBe("Too many failed sign-ins for this account. Try again in 2 minutes.");
    const zhCookie = (await languageCookie.serialize("zh")).split(";")[0];
    const chinese = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip, headers: { Cookie: zhCookie } });
    expect(chinese.data.throttled?.message).toBe("该账号登录失败次数过多，请2分钟后再试。");
  });

  it("counts failures for unknown emails against the account key and the address", async () => {
    const ip = newAddress();
    const email = `nobody-${randomUUID()}@test.example`;
    await signIn({ email: email.toUpperCase(), password: "whatever it is" }, { ip });
    expect(await throttleRow(`account:${email}|${ip}`)).toMatchObject({ failures: 1 });
    expect(await throttleRow(`address:${ip}`)).toMatchObject({ failures: 1 });
  });

  it("blocks an address that is blocked, whichever account it tries", async () => {
    const { user } = await member();
    const ip = newAddress();
    await db.signInThrottle.create({
      data: {
        key: `address:${ip}`,
        failures: 21,
        windowStart: new Date(),
        blockedUntil: new Date(Date.now() + 300_000),
      },
    });
    const result = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip });
    expect(result.status).toBe(429);
    expect(result.data.throttled).toMatchObject({ scope: "address", retryAfterSeconds: 300 });
    expect(result.data.throttled?.message).toBe("Too many failed sign-ins from your network. Try again in 5 minutes.");
    // the same account from elsewhere is fine
    expect((await signIn({ email: user.email, password: TEST_PASSWORD })).status).toBe(302);
  });

  it("clears the account's failures on success, but not the address's", async () => {
    const { user } = await member();
    const ip = newAddress();
    await signIn({ email: user.email, password: "a wrong password" }, { ip });
    await signIn({ email: user.email, password: "a wrong password" }, { ip });
    expect(await throttleRow(`account:${user.email}|${ip}`)).toMatchObject({ failures: 2 });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe(302);
    expect(await throttleRow(`account:${user.email}|${ip}`)).toBeNull();
    expect(await throttleRow(`address:${ip}`)).toMatchObject({ failures: 2 });
  });

  it("lets parallel guesses through no faster than one after another", async () => {
    const { user } = await member();
    const ip = newAddress();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn({ email: user.email, password: `parallel guess ${i}` }, { ip })),
    );
    expect(results.filter((result) => result.status === 400)).toHaveLength(5);
    expect(results.filter((result) => result.status === 429)).toHaveLength(5);
    expect(await throttleRow(`account:${user.email}|${ip}`)).toMatchObject({ failures: 6 });
  });

  it("tells a disabled person with the right password so, without signing them in", async () => {
    const { user } = await member({ disabled: true });
    const result = await signIn({ email: user.email, password: TEST_PASSWORD });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ "": ["auth.login.disabled"] });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const wrong = await signIn({ email: user.email, password: "not the password" });
    expect(wrong.data.lastResult.error).toEqual({ "": ["auth.login.invalidCredentials"] });
  });

  it("does the same password work for an unknown email as for a wrong password", async () => {
    // at the app's own cost (fixture users have a cheap hash): the stand-in hash must cost as much
    const organisation = await createOrganisation();
    const user = await createUser({
      organisationId: organisation.id,
      kind: "member",
      passwordHash: await passwords.hashPassword(TEST_PASSWORD),
    });
    // the stand-in hash is made once per process, before the first unknown email is checked
    await passwords.timingDummyHash();
    const verify = vi.mocked(passwords.verifyPassword);
    const hash = vi.mocked(passwords.hashPassword);
    /** the scheme and cost parameters of a stored hash, without its salt and digest */
    const costOf = (stored: string) => stored.split("$").slice(0, -2).join("$");
    const workFor = async (email: string) => {
      verify.mockClear();
      hash.mockClear();
      const result = await signIn({ email, password: "not the password" });
      expect(result.data.lastResult.error).toEqual({ "": ["auth.login.invalidCredentials"] });
      return { verified: verify.mock.calls.map(([, stored]) => costOf(stored)), hashed: hash.mock.calls.length };
    };
    const wrongPassword = await workFor(user.email);
    const unknownEmail = await workFor(`nobody-${randomUUID()}@test.example`);
    expect(wrongPassword).toEqual({ verified: [costOf(user.passwordHash)], hashed: 0 });
    expect(unknownEmail).toEqual(wrongPassword);
  });
});
