import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../app/models/api-token.server";
import { action, loader } from "../../app/routes/settings.tokens.$tokenId";
import { organisationFromBearer } from "../../app/utils/api-auth.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
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

const newToken = (organisationId = cast.organisation.id, createdById = cast.admin.id) =>
  createApiToken({ organisationId, createdById, name: "Script", ipAddress: null });
const bearer = (token: string) => get("/api/v1/recommendation", { Authorization: `Bearer ${token}` });
const revoke = (id: string, form: Record<string, string>, cookie: string) =>
  post(`/settings/tokens/${id}`, form, { Cookie: cookie });

describe("GET /settings/tokens/$tokenId (confirmation page)", () => {
  it("shows the token to revoke and changes nothing", async () => {
    const token = await newToken();
    const result = await callRoute<{ token: Record<string, unknown> }>(
      loader,
      get(`/settings/tokens/${token.id}`, { Cookie: cookies.admin }),
      { tokenId: token.id },
    );
    expect(result.status).toBe(200);
    expect(result.data.token).toEqual({ id: token.id, name: "Script", prefix: token.prefix, revoked: false });
    expect(await organisationFromBearer(bearer(token.token))).not.toBeNull();
  });

  it("answers 404 for another organisation's token and an unknown id, 403 to other kinds", async () => {
    const theirs = await newToken(cast.other.id, cast.otherAdmin.id);
    expect(
      (await callRoute(loader, get(`/settings/tokens/${theirs.id}`, { Cookie: cookies.admin }), { tokenId: theirs.id }))
        .status,
    ).toBe(404);
    expect(
      (await callRoute(loader, get("/settings/tokens/nope", { Cookie: cookies.admin }), { tokenId: "nope" })).status,
    ).toBe(404);
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect(
        (
          await callRoute(loader, get(`/settings/tokens/${theirs.id}`, { Cookie: cookies[who] }), {
            tokenId: theirs.id,
          })
        ).status,
        who,
      ).toBe(403);
    }
  });
});

describe("POST /settings/tokens/$tokenId", () => {
  it("asks for confirmation first", async () => {
    const token = await newToken();
    const result = await callRoute<ActionData>(action, revoke(token.id, { confirm: "no" }, cookies.admin), {
      tokenId: token.id,
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ confirm: ["admin.errors.confirm"] });
    expect(await organisationFromBearer(bearer(token.token))).not.toBeNull();
  });

  it("revokes the token so the API refuses it from then on, and records it once", async () => {
    const token = await newToken();
    const result = await callRoute(action, revoke(token.id, { confirm: "yes" }, cookies.admin), { tokenId: token.id });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings/tokens?done=revoked");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeInstanceOf(Date);
    await expect(organisationFromBearer(bearer(token.token))).rejects.toMatchObject({ status: 401 });
    const events = await db.securityEvent.findMany({
      where: { organisationId: cast.organisation.id, type: "token_revoked" },
    });
    expect(events.filter((event) => JSON.parse(event.detail).prefix === token.prefix)).toHaveLength(1);

    const again = await callRoute<ActionData>(action, revoke(token.id, { confirm: "yes" }, cookies.admin), {
      tokenId: token.id,
    });
    expect(again.status).toBe(400);
    expect(again.data.lastResult.error).toEqual({ "": ["admin.tokens.alreadyRevoked"] });
    const after = await db.securityEvent.findMany({
      where: { organisationId: cast.organisation.id, type: "token_revoked" },
    });
    expect(after).toHaveLength(events.length);
  });

  it("answers 404 for another organisation's token and leaves it working", async () => {
    const theirs = await newToken(cast.other.id, cast.otherAdmin.id);
    expect(
      (await callRoute(action, revoke(theirs.id, { confirm: "yes" }, cookies.admin), { tokenId: theirs.id })).status,
    ).toBe(404);
    expect(await organisationFromBearer(bearer(theirs.token))).toMatchObject({ organisationId: cast.other.id });
  });

  it("refuses every kind but admin with 403", async () => {
    const token = await newToken();
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect(
        (await callRoute(action, revoke(token.id, { confirm: "yes" }, cookies[who]), { tokenId: token.id })).status,
        who,
      ).toBe(403);
    }
    expect(await organisationFromBearer(bearer(token.token))).not.toBeNull();
  });
});
