import { unseal } from "../../app/utils/sealed.server";
import { describe, expect, it } from "vitest";
import { loader as orgLoader } from "../../app/routes/org";
import { action, loader } from "../../app/routes/settings.account";
import { action as securityAction } from "../../app/routes/settings.security";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { totpCodeAt } from "../../app/utils/totp.server";
import { cookieFor, createOrganisation, createUser, TEST_PASSWORD } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Reply = {
  intent: string | null;
  lastResult: { error?: Record<string, string[]> } | null;
  recoveryCodes: string[] | null;
};
type AccountData = Awaited<ReturnType<typeof loader>>;

async function person(kind: "member" | "admin" = "member") {
  const organisation = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, kind });
  return { organisation, user, cookie: await cookieFor(user.id) };
}

const send = (cookie: string, form: Record<string, string>) =>
  callRoute<Reply>(action, post("/settings/account", form, { Cookie: cookie }));
const isSignedIn = async (cookie: string) => (await getSignedIn(get("/", { Cookie: cookie }))) !== null;

describe("/settings/account: password", () => {
  it("changes the password with the current one, and signs out every other session but this one", async () => {
    const { user, cookie } = await person();
    const other = await cookieFor(user.id);
    const result = await send(cookie, {
      intent: "change_password",
      currentPassword: TEST_PASSWORD,
      password: "plum kettle harbour",
      confirmPassword: "plum kettle harbour",
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings/account?done=password&count=1");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("plum kettle harbour", stored.passwordHash)).toBe(true);
    expect(await isSignedIn(cookie)).toBe(true);
    expect(await isSignedIn(other)).toBe(false);
    expect(await db.securityEvent.count({ where: { type: "password_changed", subjectUserId: user.id } })).toBe(1);
  });

  it("refuses a wrong current password on its field, changing nothing", async () => {
    const { user, cookie } = await person();
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const result = await send(cookie, {
      intent: "change_password",
      currentPassword: "not the password",
      password: "plum kettle harbour",
      confirmPassword: "plum kettle harbour",
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult?.error).toEqual({ currentPassword: ["security.account.password.wrongCurrent"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });

  it("applies the password policy: a common password and the email are refused", async () => {
    const { user, cookie } = await person();
    const weak = await send(cookie, {
      intent: "change_password",
      currentPassword: TEST_PASSWORD,
      password: "password12",
      confirmPassword: "password12",
    });
    expect(weak.data.lastResult?.error).toEqual({ password: ["auth.validation.password.weak"] });
    const email = await send(cookie, {
      intent: "change_password",
      currentPassword: TEST_PASSWORD,
      password: user.email,
      confirmPassword: user.email,
    });
    expect(email.data.lastResult?.error).toEqual({ password: ["auth.validation.password.containsEmail"] });
  });
});

describe("/settings/account: sessions", () => {
  it("signs out the other sessions and keeps this one", async () => {
    const { user, cookie } = await person();
    const others = [await cookieFor(user.id), await cookieFor(user.id)];
    const stranger = await person();
    const result = await send(cookie, { intent: "end_other_sessions" });
    expect(result.headers.get("Location")).toBe("/settings/account?done=sessions&count=2");
    expect(await isSignedIn(cookie)).toBe(true);
    for (const other of others) expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(stranger.cookie)).toBe(true);
  });
});

describe("/settings/account: two-factor sign-in", () => {
  it("sets up TOTP: a secret with its QR code, confirmed by a code, then ten recovery codes shown once", async () => {
    const { user, cookie } = await person();
    await send(cookie, { intent: "totp_start" });
    const page = await callRoute<AccountData>(loader, get("/settings/account", { Cookie: cookie }));
    expect(page.data.setup?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(page.data.setup?.qr).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await send(cookie, { intent: "totp_confirm", code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.lastResult?.error).toEqual({ code: ["security.account.twoFactor.wrongCode"] });

    const right = await send(cookie, { intent: "totp_confirm", code: totpCodeAt(page.data.setup!.secret, Date.now()) });
    expect(right.status).toBe(200);
    expect(right.data.recoveryCodes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    // sealed at rest: the column holds neither the secret nor anything that reads as it
    expect(stored.totpSecret).toMatch(/^sealed:v1:/);
    expect(stored.totpSecret).not.toContain(page.data.setup!.secret);
    expect(unseal(stored.totpSecret!)).toBe(page.data.setup!.secret);
    for (const code of right.data.recoveryCodes!) expect(stored.recoveryCodes).not.toContain(code);
    const after = await callRoute<AccountData>(loader, get("/settings/account", { Cookie: cookie }));
    expect(after.data.twoFactorEnabled).toBe(true);
    expect(after.data.setup).toBeNull();
  });

  it("turns it off only with the password, and not while the organisation requires it", async () => {
    const { organisation, user, cookie } = await person();
    await send(cookie, { intent: "totp_start" });
    const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await send(cookie, { intent: "totp_confirm", code: totpCodeAt(unseal(totpSecret!)!, Date.now()) });

    expect((await send(cookie, { intent: "totp_disable", password: "not the password" })).status).toBe(400);
    await db.organisation.update({ where: { id: organisation.id }, data: { requireTwoFactor: true } });
    const required = await send(cookie, { intent: "totp_disable", password: TEST_PASSWORD });
    expect(required.data.lastResult?.error).toEqual({ password: ["security.account.twoFactor.requiredNoDisable"] });
    await db.organisation.update({ where: { id: organisation.id }, data: { requireTwoFactor: false } });
    const off = await send(cookie, { intent: "totp_disable", password: TEST_PASSWORD });
    expect(off.headers.get("Location")).toBe("/settings/account?done=disabled");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull();
  });

  it("answers 400 to an unknown intent, writing nothing", async () => {
    const { cookie } = await person();
    const events = await db.securityEvent.count();
    expect((await send(cookie, { intent: "make_me_admin" })).status).toBe(400);
    expect(await db.securityEvent.count()).toBe(events);
  });
});

describe("an organisation that requires two-factor sign-in", () => {
  it("is set by an admin (logged), and sends people without a second factor to set it up", async () => {
    const { organisation, user: admin, cookie: adminCookie } = await person("admin");
    const member = await createUser({ organisationId: organisation.id, kind: "member" });
    const memberCookie = await cookieFor(member.id);
    const saved = await callRoute(
      securityAction,
      post("/settings/security", { intent: "require_two_factor", required: "on" }, { Cookie: adminCookie }),
    );
    expect(saved.headers.get("Location")).toBe("/settings/security?saved=1");
    expect(
      await db.securityEvent.count({ where: { type: "two_factor_requirement_changed", actorUserId: admin.id } }),
    ).toBe(1);

    const elsewhere = await callRoute(orgLoader, get("/org", { Cookie: memberCookie }));
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get("Location")).toBe("/settings/account?required=1");
    const account = await callRoute<AccountData>(loader, get("/settings/account", { Cookie: memberCookie }));
    expect(account.status).toBe(200);
    expect(account.data.mustSetUp).toBe(true);
  });

  it("cannot be set by anyone but an admin", async () => {
    const { organisation } = await person("admin");
    const manager = await createUser({ organisationId: organisation.id, kind: "manager" });
    const result = await callRoute(
      securityAction,
      post(
        "/settings/security",
        { intent: "require_two_factor", required: "on" },
        { Cookie: await cookieFor(manager.id) },
      ),
    );
    expect(result.status).toBe(403);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).requireTwoFactor).toBe(false);
  });
});
