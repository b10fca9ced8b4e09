import { describe, expect, it } from "vitest";
import { action as loginAction } from "../../app/routes/login";
import { action, loader } from "../../app/routes/login_.two-factor";
import { action as personAction, loader as personLoader } from "../../app/routes/settings.people.$userId";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpCodeAt } from "../../app/utils/totp.server";
import { cookieFor, createOrganisation, createUser, TEST_PASSWORD } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

const newAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const from =
  <A extends (args: never) => unknown>(handler: A, ip: string) =>
  (args: Parameters<A>[0]) =>
    handler({ ...(args as object), context: { clientAddress: ip } } as Parameters<A>[0]);
const cookieOf = (result: { headers: Headers }, name: string) =>
  (result.headers.get("Set-Cookie") ?? "")
    .split(/,(?=\s*[\w-]+=)/)
    .map((part) => part.trim().split(";")[0])
    .find((part) => part.startsWith(`${name}=`)) ?? "";

/** A person with two-factor sign-in on, and their secret and recovery codes. */
async function withTwoFactor() {
  const organisation = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, kind: "member" });
  const secret = newTotpSecret();
  const codes = newRecoveryCodes();
  await db.user.update({
    where: { id: user.id },
    data: { totpSecret: secret, totpEnabledAt: new Date(), recoveryCodes: JSON.stringify(codes.map(recoveryCodeHash)) },
  });
  return { organisation, user, secret, codes };
}

/** The password step: a redirect to the second step with its cookie, and no session yet. */
async function passwordStep(email: string, ip: string, redirectTo = "/team") {
  const result = await callRoute(from(loginAction, ip), post("/login", { email, password: TEST_PASSWORD, redirectTo }));
  expect(result.status).toBe(302);
  expect(result.headers.get("Location")).toBe("/login/two-factor");
  expect(cookieOf(result, "__session")).toBe("");
  return cookieOf(result, "__second_step");
}

const second = (ip: string, cookie: string, code: string) =>
  callRoute<{ lastResult: { error?: Record<string, string[]> } | null; throttled: string | null; expired: boolean }>(
    from(action, ip),
    post("/login/two-factor", { code }, { Cookie: cookie, "Accept-Language": "en" }),
  );

describe("two-factor sign-in", () => {
  it("asks for the code after the right password, and signs in with a current code, going where the person was headed", async () => {
    const { user, secret } = await withTwoFactor();
    const ip = newAddress();
    const pending = await passwordStep(user.email, ip);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await callRoute(loader, get("/login/two-factor", { Cookie: pending }))).status).toBe(200);

    const result = await second(ip, pending, totpCodeAt(secret, Date.now()));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/team");
    const session = cookieOf(result, "__session");
    expect((await getSignedIn(get("/", { Cookie: session })))?.user.id).toBe(user.id);
    expect(await db.securityEvent.count({ where: { type: "two_factor_passed", subjectUserId: user.id } })).toBe(1);
  });

  it("accepts a code only once", async () => {
    const { user, secret } = await withTwoFactor();
    const ip = newAddress();
    const code = totpCodeAt(secret, Date.now());
    expect((await second(ip, await passwordStep(user.email, ip), code)).status).toBe(302);
    const replay = await second(ip, await passwordStep(user.email, ip), code);
    expect(replay.status).toBe(400);
    expect(replay.data.lastResult?.error).toEqual({ code: ["security.secondStep.wrong"] });
  });

  it("accepts a recovery code once, in any case and without the dash", async () => {
    const { user, codes } = await withTwoFactor();
    const ip = newAddress();
    const typed = codes[0].toUpperCase().replace("-", "");
    expect((await second(ip, await passwordStep(user.email, ip), typed)).status).toBe(302);
    expect((await second(ip, await passwordStep(user.email, ip), codes[0])).status).toBe(400);
    expect(JSON.parse((await db.user.findUniqueOrThrow({ where: { id: user.id } })).recoveryCodes)).toHaveLength(9);
  });

  it("counts wrong codes like wrong passwords: the sixth from one address is a 429", async () => {
    const { user, secret } = await withTwoFactor();
    const ip = newAddress();
    const pending = await passwordStep(user.email, ip);
    for (let i = 0; i < 5; i++) expect((await second(ip, pending, "000000")).status).toBe(400);
    const sixth = await second(ip, pending, "111111");
    expect(sixth.status).toBe(429);
    expect(sixth.data.throttled).toContain("Too many failed sign-ins");
    expect((await second(ip, pending, totpCodeAt(secret, Date.now()))).status).toBe(429);
  });

  it("without the password step's cookie, the page goes back to sign in and a code is refused", async () => {
    const { secret } = await withTwoFactor();
    const page = await callRoute(loader, get("/login/two-factor"));
    expect(page.headers.get("Location")).toBe("/login");
    const result = await second(newAddress(), "__second_step=forged", totpCodeAt(secret, Date.now()));
    expect(result.status).toBe(400);
    expect(result.data.expired).toBe(true);
  });
});

describe("an admin unlocks sign-in", () => {
  it("shows how many addresses are blocked, lifts every block with one action, and logs it", async () => {
    const organisation = await createOrganisation();
    const admin = await createUser({ organisationId: organisation.id, kind: "admin" });
    const member = await createUser({ organisationId: organisation.id, kind: "member" });
    const adminCookie = await cookieFor(admin.id);
    const blocked = [newAddress(), newAddress()];
    for (const ip of blocked) {
      for (let i = 0; i < 6; i++)
        await callRoute(from(loginAction, ip), post("/login", { email: member.email, password: `guess ${i} here` }));
    }
    const page = await callRoute<{ blocks: { addresses: number } }>(
      personLoader,
      get(`/settings/people/${member.id}`, { Cookie: adminCookie }),
      { userId: member.id },
    );
    expect(page.data.blocks.addresses).toBe(2);

    const result = await callRoute(
      personAction,
      post(`/settings/people/${member.id}`, { intent: "unlock" }, { Cookie: adminCookie }),
      { userId: member.id },
    );
    expect(result.headers.get("Location")).toBe(`/settings/people/${member.id}?done=unlocked`);
    const again = await callRoute(
      from(loginAction, blocked[0]),
      post("/login", { email: member.email, password: TEST_PASSWORD }),
    );
    expect(again.status).toBe(302);
    const event = await db.securityEvent.findFirst({ where: { type: "sign_in_unlocked", subjectUserId: member.id } });
    expect(event).toMatchObject({ actorUserId: admin.id, organisationId: organisation.id });
    expect(JSON.parse(event!.detail)).toEqual({ addresses: 2 });
  });

  it("is refused to anyone but an admin, and to another organisation's admin as not found", async () => {
    const organisation = await createOrganisation();
    const member = await createUser({ organisationId: organisation.id, kind: "member" });
    const manager = await createUser({ organisationId: organisation.id, kind: "manager" });
    const otherAdmin = await createUser({ organisationId: (await createOrganisation()).id, kind: "admin" });
    const send = async (userId: string) =>
      callRoute(
        personAction,
        post(`/settings/people/${member.id}`, { intent: "unlock" }, { Cookie: await cookieFor(userId) }),
        { userId: member.id },
      );
    expect((await send(manager.id)).status).toBe(403);
    expect((await send(otherAdmin.id)).status).toBe(404);
  });
});
