import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../../app/models/api-token.server";
import { organisationIdForRequest } from "../../app/models/playbook.server";
import { loader as apiLoader } from "../../app/routes/api.v1.recommendation";
import { organisationFromBearer } from "../../app/utils/api-auth.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
let tokenA: Awaited<ReturnType<typeof createApiToken>>;
let tokenB: Awaited<ReturnType<typeof createApiToken>>;
let revoked: Awaited<ReturnType<typeof createApiToken>>;

beforeAll(async () => {
  cast = await createCast();
  tokenA = await createApiToken({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    name: "A",
    ipAddress: null,
  });
  tokenB = await createApiToken({
    organisationId: cast.other.id,
    createdById: cast.otherAdmin.id,
    name: "B",
    ipAddress: null,
  });
  revoked = await createApiToken({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    name: "old",
    ipAddress: null,
  });
  await revokeApiToken({
    organisationId: cast.organisation.id,
    tokenId: revoked.id,
    actorUserId: cast.admin.id,
    ipAddress: null,
  });
});

const withAuth = (authorization: string, path = "/api/v1/recommendation?model=b2b&stage=growth") =>
  get(path, { Authorization: authorization });

async function refusal(request: Request) {
  try {
    await organisationFromBearer(request);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, body: await thrown.json(), challenge: thrown.headers.get("WWW-Authenticate") };
  }
  throw new Error("expected a 401");
}

describe("organisationFromBearer", () => {
  it("treats a request without Authorization as anonymous", async () => {
    expect(await organisationFromBearer(get("/api/v1/recommendation"))).toBeNull();
  });

  it("treats another scheme (a proxy's Basic auth) as anonymous", async () => {
    expect(await organisationFromBearer(withAuth("Basic dXNlcjpwYXNz"))).toBeNull();
  });

  it("names the token's organisation, and only that one", async () => {
    expect(await organisationFromBearer(withAuth(`Bearer ${tokenA.token}`))).toEqual({
      organisationId: cast.organisation.id,
      tokenId: tokenA.id,
      scope: "recommendation",
    });
    expect(await organisationFromBearer(withAuth(`Bearer ${tokenB.token}`))).toEqual({
      organisationId: cast.other.id,
      tokenId: tokenB.id,
      scope: "recommendation",
    });
    // the scheme is case-insensitive (RFC 7235)
    expect(await organisationFromBearer(withAuth(`bearer ${tokenA.token}`))).toMatchObject({
      organisationId: cast.organisation.id,
    });
  });

  it("refuses a revoked token with a 401 JSON error", async () => {
    expect(await refusal(withAuth(`Bearer ${revoked.token}`))).toEqual({
      status: 401,
      body: expect.objectContaining({ error: "invalid_token" }),
      challenge: 'Bearer error="invalid_token"',
    });
  });

  it("refuses malformed and unknown tokens with a 401", async () => {
    const bad = [
      "Bearer",
      "Bearer ",
      "Bearer abc",
      `Bearer ${tokenA.token.slice(0, -1)}`,
      `Bearer ${tokenA.token}x`,
      `Bearer ${tokenA.token.replace("ctp_", "ctx_")}`,
      `Bearer ${tokenA.token} ${tokenA.token}`,
      `Bearer ctp_${"A".repeat(43)}`,
      `Bearer ${"x".repeat(10_000)}`,
    ];
    for (const header of bad) {
      expect((await refusal(withAuth(header))).status, header.slice(0, 40)).toBe(401);
    }
  });

  it("notes when a token was used, at most once a minute", async () => {
    const fresh = await createApiToken({
      organisationId: cast.organisation.id,
      createdById: cast.admin.id,
      name: "touch",
      ipAddress: null,
    });
    const t0 = new Date("2030-01-01T00:00:00Z");
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: fresh.id } })).lastUsedAt;
    await organisationFromBearer(withAuth(`Bearer ${fresh.token}`), t0);
    expect(await lastUsed()).toEqual(t0);
    await organisationFromBearer(withAuth(`Bearer ${fresh.token}`), new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await organisationFromBearer(withAuth(`Bearer ${fresh.token}`), later);
    expect(await lastUsed()).toEqual(later);
  });
});

describe("the organisation behind a request", () => {
  it("comes from the token, else the session, else nobody", async () => {
    const cookie = await cookieFor(cast.otherAdmin.id);
    expect(await organisationIdForRequest(get("/planner"))).toBeNull();
    expect(await organisationIdForRequest(get("/planner", { Cookie: cookie }))).toBe(cast.other.id);
    expect(await organisationIdForRequest(withAuth(`Bearer ${tokenA.token}`))).toBe(cast.organisation.id);
    // a token names its organisation even beside another organisation's session
    expect(
      await organisationIdForRequest(get("/api", { Cookie: cookie, Authorization: `Bearer ${tokenA.token}` })),
    ).toBe(cast.organisation.id);
  });
});

describe("GET /api/v1/recommendation with a token", () => {
  it("answers with a valid token, and anonymously without one", async () => {
    const withToken = await callRoute<{ model: string; roles: unknown[] }>(
      apiLoader,
      withAuth(`Bearer ${tokenA.token}`),
    );
    expect(withToken.status).toBe(200);
    expect(withToken.data.roles).toHaveLength(7);
    const anonymous = await callRoute(apiLoader, get("/api/v1/recommendation?model=b2b&stage=growth"));
    expect(anonymous.status).toBe(200);
  });

  it("answers 401 invalid_token to a revoked or malformed token, whatever the query", async () => {
    for (const [header, path] of [
      [`Bearer ${revoked.token}`, "/api/v1/recommendation?model=b2b&stage=growth"],
      ["Bearer nonsense", "/api/v1/recommendation?model=b2b&stage=growth"],
      ["Bearer nonsense", "/api/v1/recommendation?model=amazon"],
    ]) {
      const result = await callRoute<{ error: string }>(apiLoader, withAuth(header, path));
      expect(result.status).toBe(401);
      expect(result.data.error).toBe("invalid_token");
      expect(result.headers.get("Content-Type")).toContain("application/json");
    }
  });
});
