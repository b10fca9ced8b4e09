/**
 * Password reset through its routes (issue 16): the same answer for any
 * address, a link that works once and expires, sessions ended.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as forgot } from "../../app/routes/forgot-password";
import { action as reset, loader as resetPage } from "../../app/routes/reset-password.$token";
import { requestPasswordReset } from "../../app/models/password-reset.server";
import { db } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

const withAddress =
  <A extends { context: unknown }>(handler: (args: A) => unknown, address: string) =>
  (args: A) =>
    handler({ ...args, context: { clientAddress: address } });
const NEW = "a fresh harbour lantern";
let user: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const organisation = await createOrganisation();
  user = await createUser({ organisationId: organisation.id, kind: "member", email: "reset.me@test.example" });
});

const tokenOfLastMail = async (email: string) => {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { toEmail: email, kind: "password_reset" },
    orderBy: { createdAt: "desc" },
  });
  return mail.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1];
};

describe("POST /forgot-password", () => {
  it("answers the same for an address with an account and one without, and queues a link only for the first", async () => {
    const before = await db.mailMessage.count();
    const known = await callRoute<Record<string, unknown>>(
      withAddress(forgot, "198.51.100.41"),
      post("/forgot-password", { email: "reset.me@test.example" }),
    );
    const unknown = await callRoute<Record<string, unknown>>(
      withAddress(forgot, "198.51.100.42"),
      post("/forgot-password", { email: "nobody.here@test.example" }),
    );
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(JSON.stringify(unknown.data)).toBe(JSON.stringify(known.data));
    expect(await db.mailMessage.count()).toBe(before + 1);
  });

  it("refuses a malformed address with a message on the field, and queues nothing", async () => {
    const before = await db.mailMessage.count();
    const result = await callRoute<{ lastResult: { error: Record<string, string[]> } }>(
      withAddress(forgot, "198.51.100.43"),
      post("/forgot-password", { email: "not-an-address" }),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error.email).toEqual(["auth.validation.email.invalid"]);
    expect(await db.mailMessage.count()).toBe(before);
  });
});

describe("/reset-password/$token", () => {
  it("sets the new password once, signs the person out everywhere, and the link then stops working", async () => {
    await requestPasswordReset({ email: user.email });
    const token = await tokenOfLastMail(user.email);
    await cookieFor(user.id);
    expect((await callRoute(resetPage, get(`/reset-password/${token}`), { token })).status).toBe(200);
    const done = await callRoute(
      withAddress(reset, "198.51.100.44"),
      post(`/reset-password/${token}`, { password: NEW, confirmPassword: NEW }),
      { token },
    );
    expect(done.status).toBe(200);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(NEW, stored.passwordHash)).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const again = await callRoute(
      withAddress(reset, "198.51.100.45"),
      post(`/reset-password/${token}`, {
        password: "another long passphrase",
        confirmPassword: "another long passphrase",
      }),
      { token },
    );
    expect(again.status).toBe(404);
    expect((await callRoute(resetPage, get(`/reset-password/${token}`), { token })).status).toBe(404);
  });

  it("refuses an expired link and a weak password, changing nothing", async () => {
    await requestPasswordReset({ email: user.email, now: new Date(Date.now() - 2 * 3_600_000) });
    const expired = await tokenOfLastMail(user.email);
    expect(
      (
        await callRoute(
          withAddress(reset, "198.51.100.46"),
          post(`/reset-password/${expired}`, { password: NEW, confirmPassword: NEW }),
          { token: expired },
        )
      ).status,
    ).toBe(404);
    await requestPasswordReset({ email: user.email });
    const token = await tokenOfLastMail(user.email);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const weak = await callRoute<{ lastResult: { error: Record<string, string[]> } }>(
      withAddress(reset, "198.51.100.47"),
      post(`/reset-password/${token}`, { password: "password12", confirmPassword: "password12" }),
      { token },
    );
    expect(weak.status).toBe(400);
    expect(weak.data.lastResult.error.password).toHaveLength(1);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash,
    ).toBe(before.passwordHash);
  });
});
