import { beforeAll, describe, expect, it } from "vitest";
import { createInvite, findInviteByToken } from "../../app/models/invite.server";
import { action, loader } from "../../app/routes/settings.invites.$inviteId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  invite: Record<string, unknown> & { id: string; email: string; status: string };
}
interface ActionData {
  lastResult: { error?: Record<string, string[]> };
}

let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

async function pendingInvite(organisationId = cast.organisation.id, createdById = cast.admin.id) {
  return createInvite({
    organisationId,
    createdById,
    email: `invitee-${Math.random()}@example.com`,
    kind: "member",
    departments: [],
    ipAddress: null,
  });
}

const revoke = (id: string, form: Record<string, string>, cookie: string) =>
  post(`/settings/invites/${id}`, form, { Cookie: cookie });
const revokedEvents = () =>
  db.securityEvent.count({ where: { organisationId: cast.organisation.id, type: "invite_revoked" } });

describe("GET /settings/invites/$inviteId (confirmation page)", () => {
  it("shows the admin what they are about to revoke, without its hash, and changes nothing", async () => {
    const invite = await pendingInvite();
    const result = await callRoute<LoaderData>(
      loader,
      get(`/settings/invites/${invite.id}`, { Cookie: cookies.admin }),
      { inviteId: invite.id },
    );
    expect(result.status).toBe(200);
    expect(result.data.invite).toEqual({
      id: invite.id,
      email: expect.stringContaining("@example.com"),
      status: "pending",
    });
    expect((await findInviteByToken(invite.token))?.status).toBe("pending");
  });

  it("answers 404 for another organisation's invitation and an unknown id, 403 to other kinds", async () => {
    const theirs = await pendingInvite(cast.other.id, cast.otherAdmin.id);
    expect(
      (
        await callRoute(loader, get(`/settings/invites/${theirs.id}`, { Cookie: cookies.admin }), {
          inviteId: theirs.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(loader, get("/settings/invites/nope", { Cookie: cookies.admin }), { inviteId: "nope" })).status,
    ).toBe(404);
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect(
        (
          await callRoute(loader, get(`/settings/invites/${theirs.id}`, { Cookie: cookies[who] }), {
            inviteId: theirs.id,
          })
        ).status,
        who,
      ).toBe(403);
    }
  });
});

describe("POST /settings/invites/$inviteId", () => {
  it("asks for confirmation first", async () => {
    const invite = await pendingInvite();
    const result = await callRoute<ActionData>(action, revoke(invite.id, {}, cookies.admin), { inviteId: invite.id });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ confirm: ["admin.errors.confirm"] });
    expect((await findInviteByToken(invite.token))?.status).toBe("pending");
  });

  it("revokes a pending invitation so its link stops working, and records it once", async () => {
    const invite = await pendingInvite();
    const before = await revokedEvents();
    const result = await callRoute(action, revoke(invite.id, { confirm: "yes" }, cookies.admin), {
      inviteId: invite.id,
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings/people?done=invite_revoked");
    expect((await findInviteByToken(invite.token))?.status).toBe("revoked");
    expect(await revokedEvents()).toBe(before + 1);

    const again = await callRoute<ActionData>(action, revoke(invite.id, { confirm: "yes" }, cookies.admin), {
      inviteId: invite.id,
    });
    expect(again.status).toBe(400);
    expect(again.data.lastResult.error).toEqual({ "": ["admin.invites.notPending.revoked"] });
    expect(await revokedEvents()).toBe(before + 1);
  });

  it("cannot revoke a used invitation", async () => {
    const invite = await pendingInvite();
    await db.invite.update({ where: { id: invite.id }, data: { usedAt: new Date() } });
    const result = await callRoute<ActionData>(action, revoke(invite.id, { confirm: "yes" }, cookies.admin), {
      inviteId: invite.id,
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ "": ["admin.invites.notPending.used"] });
  });

  it("answers 404 for another organisation's invitation and leaves it working", async () => {
    const theirs = await pendingInvite(cast.other.id, cast.otherAdmin.id);
    const result = await callRoute(action, revoke(theirs.id, { confirm: "yes" }, cookies.admin), {
      inviteId: theirs.id,
    });
    expect(result.status).toBe(404);
    expect((await findInviteByToken(theirs.token))?.status).toBe("pending");
  });

  it("refuses every kind but admin with 403", async () => {
    const invite = await pendingInvite();
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect(
        (await callRoute(action, revoke(invite.id, { confirm: "yes" }, cookies[who]), { inviteId: invite.id })).status,
        who,
      ).toBe(403);
    }
    expect((await findInviteByToken(invite.token))?.status).toBe("pending");
  });
});
