import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { UserKind } from "../../app/domain/permissions";
import type { RoleId } from "../../app/domain/types";
import { createInvite, INVITE_LIFETIME_MS, revokeInvite } from "../../app/models/invite.server";
import { action, loader } from "../../app/routes/invite.$token";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { createOrganisation, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type InvitePage = {
  problem: string | null;
  invite: { organisationName: string; email: string; kind: string } | null;
};
type AcceptReply = {
  problem?: string;
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
const accept = (token: string, form: Record<string, string>) => {
  const handler = (args: Parameters<typeof action>[0]) =>
    action({ ...args, context: { clientAddress: "198.51.100.23" } });
  return callRoute<AcceptReply>(handler, post(`/invite/${token}`, form), { token });
};
const goodForm = { name: "Chen Jie 陈杰", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

async function writes() {
  const [users, sessions, invitesUsed] = await Promise.all([
    db.user.count(),
    db.session.count(),
    db.invite.count({ where: { usedAt: { not: null } } }),
  ]);
  return { users, sessions, invitesUsed };
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
  it("creates the person with the invitation's kind, signs them in and goes to /org", async () => {
    const { token, id } = await invite({ kind: "lead", departments: ["supply_chain", "marketing"] });
    const result = await accept(token, { ...goodForm, name: "  Chen Jie 陈杰 " });

    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
    const stored = await db.invite.findUniqueOrThrow({ where: { id } });
    const user = await db.user.findUniqueOrThrow({ where: { email: stored.email } });
    expect(user).toMatchObject({
      organisationId: organisation.id,
      name: "Chen Jie 陈杰",
      kind: "lead",
      departments: JSON.stringify(["supply_chain", "marketing"]),
    });
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    expect(stored).toMatchObject({ usedById: user.id });
    expect(stored.usedAt).not.toBeNull();

    const cookie = result.headers.get("Set-Cookie")!.split(";")[0];
    const signedIn = await getSignedIn(new Request("http://localhost/org", { headers: { Cookie: cookie } }));
    expect(signedIn?.actor).toMatchObject({ userId: user.id, kind: "lead", organisationId: organisation.id });
    const event = await db.securityEvent.findFirst({ where: { type: "invite_accepted", subjectUserId: user.id } });
    expect(event).toMatchObject({ organisationId: organisation.id, ipAddress: "198.51.100.23" });
    expect(event?.detail).not.toContain(NEW_PASSWORD);
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
    const result = await accept(token, { name: "", password: "short", confirmPassword: "short" });
    expect(result.status).toBe(400);
    expect(result.data.lastResult?.error).toEqual({
      name: ["auth.validation.name.required"],
      password: ["auth.validation.password.tooShort"],
    });
  });

  it("works once: a second acceptance answers 410 and creates no one", async () => {
    const { token } = await invite();
    expect((await accept(token, goodForm)).status).toBe(302);
    const before = await writes();
    const again = await accept(token, { ...goodForm, name: "Someone Else" });
    expect(again.status).toBe(410);
    expect(again.data.problem).toBe("used");
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

  it("answers 410 like a used invitation when the invited email already has an account, without saying so", async () => {
    const existing = await createUser({ organisationId: organisation.id, kind: "member" });
    const { token } = await invite({ email: existing.email });
    const before = await writes();
    const result = await accept(token, goodForm);
    expect(result.status).toBe(410);
    expect(result.data.problem).toBe("email_taken");
    expect(await writes()).toEqual(before);
  });
});
