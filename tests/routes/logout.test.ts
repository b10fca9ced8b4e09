import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/logout";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

async function signedInMember() {
  const organisation = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, kind: "member", name: "Liu Yang 刘洋" });
  return { user, cookie: await cookieFor(user.id) };
}

const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });

describe("POST /logout", () => {
  it("ends the session on the server, clears the cookie and logs it", async () => {
    const { user, cookie } = await signedInMember();
    const handler = (args: Parameters<typeof action>[0]) =>
      action({ ...args, context: { clientAddress: "192.0.2.9" } });
    const result = await callRoute(handler, post("/logout", {}, { Cookie: cookie }));

    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/");
    expect(result.headers.get("Set-Cookie")).toMatch(/^__session=;.*Max-Age=0/);
    // the old cookie, replayed, no longer signs anyone in
    expect(await getSignedIn(requestWith(cookie))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const events = await db.securityEvent.findMany({ where: { actorUserId: user.id, type: "sign_out" } });
    expect(events).toEqual([expect.objectContaining({ organisationId: user.organisationId, ipAddress: "192.0.2.9" })]);
  });

  it("ends only the session it was sent from", async () => {
    const { user, cookie } = await signedInMember();
    const otherDevice = await cookieFor(user.id);
    await callRoute(action, post("/logout", {}, { Cookie: cookie }));
    expect((await getSignedIn(requestWith(otherDevice)))?.user.id).toBe(user.id);
  });

  it("goes home quietly without a session, logging nothing", async () => {
    const before = await db.securityEvent.count();
    const result = await callRoute(action, post("/logout", {}));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/");
    expect(await db.securityEvent.count()).toBe(before);
  });
});

describe("GET /logout", () => {
  it("offers a sign-out button and leaves the session alone", async () => {
    const { user, cookie } = await signedInMember();
    const result = await callRoute<{ name: string }>(loader, get("/logout", { Cookie: cookie }));
    expect(result.status).toBe(200);
    expect(result.data.name).toBe("Liu Yang 刘洋");
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect((await getSignedIn(requestWith(cookie)))?.user.id).toBe(user.id);
  });

  it("goes home when no one is signed in", async () => {
    const result = await callRoute(loader, get("/logout"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/");
    expect(result.headers.get("Set-Cookie")).toBeNull();
  });
});
