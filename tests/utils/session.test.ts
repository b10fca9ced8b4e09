import { describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import { hashPassword, verifyPassword } from "../../app/utils/password.server";
import {
  activeSession,
  endSession,
  endSessionsOfUser,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  startSession,
} from "../../app/utils/session.server";
import { createOrganisation, createUser } from "./actors";

const requestWith = (cookie?: string) =>
  new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
const cookieOf = (setCookie: string) => setCookie.split(";")[0];

async function signedInUser() {
  const organisation = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, kind: "member" });
  const now = new Date();
  const cookie = cookieOf(await startSession(user.id, requestWith(), { ipAddress: "127.0.0.1" }, now));
  return { user, cookie, now };
}

describe("sessions", () => {
  it("sets an httpOnly, SameSite=Lax cookie that carries no user data", async () => {
    const organisation = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id, kind: "member" });
    const setCookie = await startSession(user.id, requestWith(), { ipAddress: null });
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain(user.id);
  });

  it("stores only a hash of the session id", async () => {
    const { user, cookie } = await signedInUser();
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(cookie).not.toContain(rows[0].idHash);
  });

  it("gives a new id at every sign-in and ends the one the browser presented", async () => {
    const { user, cookie } = await signedInUser();
    const second = cookieOf(await startSession(user.id, requestWith(cookie), { ipAddress: null }));
    expect(second).not.toBe(cookie);
    expect(await activeSession(requestWith(cookie))).toBeNull();
    expect((await activeSession(requestWith(second)))?.userId).toBe(user.id);
  });

  it("ends after a period without requests", async () => {
    const { cookie, now } = await signedInUser();
    const justBefore = new Date(now.getTime() + SESSION_IDLE_MS - 1_000);
    expect(await activeSession(requestWith(cookie), justBefore)).not.toBeNull();
    // that request counted as activity, so idleness is measured from it
    const idle = new Date(justBefore.getTime() + SESSION_IDLE_MS + 1_000);
    expect(await activeSession(requestWith(cookie), idle)).toBeNull();
    expect(await activeSession(requestWith(cookie), justBefore)).toBeNull(); // and it is gone for good
  });

  it("ends after its absolute lifetime even when used all along", async () => {
    const { cookie, now } = await signedInUser();
    const step = SESSION_IDLE_MS / 2;
    let time = now.getTime();
    while (time + step < now.getTime() + SESSION_ABSOLUTE_MS) {
      time += step;
      expect(await activeSession(requestWith(cookie), new Date(time))).not.toBeNull();
    }
    expect(await activeSession(requestWith(cookie), new Date(now.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();
  });

  it("ends on sign-out on the server, not only in the browser", async () => {
    const { cookie } = await signedInUser();
    const clearing = await endSession(requestWith(cookie));
    expect(clearing).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await activeSession(requestWith(cookie))).toBeNull();
  });

  it("ends every session of a disabled user at once", async () => {
    const { user, cookie } = await signedInUser();
    const other = cookieOf(await startSession(user.id, requestWith(), { ipAddress: null }));
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await activeSession(requestWith(cookie))).toBeNull();
    expect(await endSessionsOfUser(user.id)).toBe(1);
    expect(await activeSession(requestWith(other))).toBeNull();
  });

  it("ignores a forged or tampered cookie", async () => {
    const { cookie } = await signedInUser();
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
    expect(await activeSession(requestWith(tampered))).toBeNull();
    expect(await activeSession(requestWith("__session=garbage"))).toBeNull();
  });
});

describe("passwords", () => {
  it("hashes with a salt and verifies only the right password", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^scrypt\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse battery", first)).toBe(true);
    expect(await verifyPassword("correct horse batterx", first)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});
