import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/settings.tokens";
import { organisationFromBearer } from "../../app/utils/api-auth.server";
import { db } from "../../app/utils/db.server";
import { sha256 } from "../../app/utils/secrets.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  tokens: Array<
    Record<string, unknown> & {
      id: string;
      name: string;
      prefix: string;
      createdBy: { name: string } | null;
      revokedAt: Date | null;
    }
  >;
}
interface ActionData {
  lastResult: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> | null };
  created: { name: string; token: string } | null;
}

let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

const create = (form: Record<string, string>, cookie: string) => post("/settings/tokens", form, { Cookie: cookie });

describe("/settings/tokens", () => {
  it("starts empty", async () => {
    const result = await callRoute<LoaderData>(loader, get("/settings/tokens", { Cookie: cookies.admin }));
    expect(result.status).toBe(200);
    expect(result.data.tokens).toEqual([]);
  });

  it("creates a token, shows it once and keeps only its hash and prefix", async () => {
    const result = await callRoute<ActionData>(action, create({ name: "Power BI" }, cookies.admin));
    expect(result.status).toBe(200);
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    const token = result.data.created!.token;
    expect(token).toMatch(/^ctp_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, name: "Power BI" },
    });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(stored.prefix).toBe(token.slice(0, 8));
    expect(stored.createdById).toBe(cast.admin.id);
    const event = await db.securityEvent.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, type: "token_created" },
    });
    expect(JSON.parse(event.detail)).toEqual({ name: "Power BI", prefix: token.slice(0, 8), scope: "recommendation" });
    expect(event.detail).not.toContain(token);
    // it works, with the narrowest scope since none was chosen
    expect(stored.scope).toBe("recommendation");
    expect(await organisationFromBearer(get("/api", { Authorization: `Bearer ${token}` }))).toEqual({
      organisationId: cast.organisation.id,
      tokenId: stored.id,
      scope: "recommendation",
    });

    // the list names it, who made it, and never the token or its hash
    const list = await callRoute<LoaderData>(loader, get("/settings/tokens", { Cookie: cookies.admin }));
    expect(list.data.tokens).toHaveLength(1);
    expect(list.data.tokens[0]).toMatchObject({
      name: "Power BI",
      prefix: token.slice(0, 8),
      scope: "recommendation",
      createdBy: { name: cast.admin.name },
      revokedAt: null,
    });
    expect(Object.keys(list.data.tokens[0])).not.toContain("tokenHash");
    expect(JSON.stringify(list.data)).not.toContain(token);
  });

  it("answers 400 for a missing, too long or multi-line name, keeping what was typed", async () => {
    const cases: Array<[string, string]> = [
      ["", "admin.errors.tokenName.required"],
      ["x".repeat(81), "admin.errors.tokenName.tooLong"],
      ["a\nb", "admin.errors.tokenName.invalid"],
    ];
    for (const [name, message] of cases) {
      const result = await callRoute<ActionData>(action, create({ name }, cookies.admin));
      expect(result.status).toBe(400);
      expect(result.data.lastResult.error).toEqual({ name: [message] });
      expect(result.data.created).toBeNull();
    }
    expect(await db.apiToken.count({ where: { organisationId: cast.organisation.id } })).toBe(1);
  });

  it("shows each organisation only its own tokens", async () => {
    await callRoute(action, create({ name: "Theirs" }, cookies.otherAdmin));
    const ours = await callRoute<LoaderData>(loader, get("/settings/tokens", { Cookie: cookies.admin }));
    expect(ours.data.tokens.map((token) => token.name)).toEqual(["Power BI"]);
  });

  it("refuses every kind but admin with 403, reading or creating", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect((await callRoute(loader, get("/settings/tokens", { Cookie: cookies[who] }))).status, who).toBe(403);
      expect((await callRoute(action, create({ name: `by ${who}` }, cookies[who]))).status, who).toBe(403);
    }
    expect(await db.apiToken.count({ where: { name: { startsWith: "by " } } })).toBe(0);
  });

  it("makes a token of the scope the admin chose, shown in the list; an unknown scope is a 400 that creates nothing", async () => {
    const chosen = await callRoute<ActionData>(
      action,
      create({ name: "HR dashboard", scope: "training" }, cookies.admin),
    );
    expect(chosen.status).toBe(200);
    const stored = await db.apiToken.findFirstOrThrow({ where: { name: "HR dashboard" } });
    expect(stored.scope).toBe("training");
    expect(
      (await organisationFromBearer(get("/api", { Authorization: `Bearer ${chosen.data.created!.token}` })))?.scope,
    ).toBe("training");
    const list = await callRoute<LoaderData>(loader, get("/settings/tokens", { Cookie: cookies.admin }));
    expect(list.data.tokens.find((token) => token.name === "HR dashboard")).toMatchObject({ scope: "training" });

    const before = await db.apiToken.count();
    for (const scope of ["everything", "admin", ""]) {
      const refused = await callRoute<ActionData>(
        action,
        create({ name: "Sneaky", scope: scope || " " }, cookies.admin),
      );
      expect(refused.status, scope).toBe(400);
      expect(refused.data.lastResult.error).toEqual({ scope: ["tokenScope.invalid"] });
      expect(refused.data.lastResult.initialValue).toMatchObject({ name: "Sneaky" });
      expect(refused.data.created).toBeNull();
    }
    expect(await db.apiToken.count()).toBe(before);
  });
});
