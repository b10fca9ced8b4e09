import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/settings.organisation";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  organisation: { id: string; name: string; operatingModel: string; stage: string };
  models: Array<{ id: string; label: { zh: string; en: string } }>;
  stages: Array<{ id: string }>;
  saved: string | null;
}
interface Invalid {
  lastResult: { status: string; error: Record<string, string[]>; initialValue: Record<string, unknown> };
}

let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

function events(organisationId: string) {
  return db.securityEvent.findMany({
    where: { organisationId, type: "organisation_updated" },
    orderBy: { createdAt: "asc" },
  });
}

describe("GET /settings/organisation", () => {
  it("shows admins and managers the organisation with every model and stage to pick from", async () => {
    for (const who of ["admin", "manager"] as const) {
      const result = await callRoute<LoaderData>(loader, get("/settings/organisation", { Cookie: cookies[who] }));
      expect(result.status, who).toBe(200);
      expect(result.data.organisation).toMatchObject({
        id: cast.organisation.id,
        name: cast.organisation.name,
        operatingModel: "platform",
        stage: "growth",
      });
      expect(result.data.models.map((model) => model.id)).toEqual([
        "platform",
        "independent_site",
        "distribution",
        "b2b",
        "managed_service",
      ]);
      expect(result.data.models[0].label.zh).toBe("平台型自营");
      expect(result.data.stages.map((stage) => stage.id)).toEqual(["startup", "growth", "mature"]);
    }
  });

  it("refuses HR, leads and members with 403, and sends strangers to sign in", async () => {
    for (const who of ["hr", "leadOps", "member"] as const) {
      expect((await callRoute(loader, get("/settings/organisation", { Cookie: cookies[who] }))).status, who).toBe(403);
    }
    const anonymous = await callRoute(loader, get("/settings/organisation"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
  });

  it("says whether the last save changed anything", async () => {
    const saved = await callRoute<LoaderData>(loader, get("/settings/organisation?saved=1", { Cookie: cookies.admin }));
    expect(saved.data.saved).toBe("saved");
    const unchanged = await callRoute<LoaderData>(
      loader,
      get("/settings/organisation?saved=0", { Cookie: cookies.admin }),
    );
    expect(unchanged.data.saved).toBe("unchanged");
  });
});

describe("POST /settings/organisation", () => {
  it("lets an admin change the name, model and stage, and records it", async () => {
    const result = await callRoute(
      action,
      post(
        "/settings/organisation",
        { name: "  Acme Export  ", operatingModel: "b2b", stage: "mature", version: "1" },
        { Cookie: cookies.admin },
      ),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings/organisation?saved=1");
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect(organisation).toMatchObject({ name: "Acme Export", operatingModel: "b2b", stage: "mature" });
    const [event] = (await events(cast.organisation.id)).slice(-1);
    expect(event.actorUserId).toBe(cast.admin.id);
    expect(JSON.parse(event.detail)).toMatchObject({
      changed: ["name", "operatingModel", "stage"],
      name: "Acme Export",
      previous_operatingModel: "platform",
      stage: "mature",
    });
  });

  it("lets a manager change them too", async () => {
    const result = await callRoute(
      action,
      post(
        "/settings/organisation",
        { name: "Acme Export", operatingModel: "independent_site", stage: "mature", version: "2" },
        { Cookie: cookies.manager },
      ),
    );
    expect(result.status).toBe(302);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect(organisation.operatingModel).toBe("independent_site");
    const [event] = (await events(cast.organisation.id)).slice(-1);
    expect(event.actorUserId).toBe(cast.manager.id);
    expect(JSON.parse(event.detail).changed).toEqual(["operatingModel"]);
  });

  it("refuses a save from a form loaded before someone else's save, with what changed, and keeps what was typed", async () => {
    const loaded = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    const version = String(loaded.version);
    // the admin renames it; the manager, from the same loaded form, changes the stage
    const first = await callRoute(
      action,
      post(
        "/settings/organisation",
        { name: "Acme Global", operatingModel: loaded.operatingModel, stage: loaded.stage, version },
        { Cookie: cookies.admin },
      ),
    );
    expect(first.status).toBe(302);
    const second = await callRoute<
      Invalid & { conflict: Array<{ field: string; theirs: string; yours: string }>; version: number }
    >(
      action,
      post(
        "/settings/organisation",
        { name: loaded.name, operatingModel: loaded.operatingModel, stage: "startup", version },
        { Cookie: cookies.manager },
      ),
    );
    expect(second.status).toBe(409);
    expect(second.data.conflict).toEqual([
      { field: "name", theirs: "Acme Global", yours: loaded.name },
      { field: "stage", theirs: loaded.stage, yours: "startup" },
    ]);
    expect(second.data.version).toBe(loaded.version + 1);
    expect(second.data.lastResult.initialValue).toMatchObject({ stage: "startup" });
    const after = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect(after).toMatchObject({ name: "Acme Global", stage: loaded.stage, version: loaded.version + 1 });
    // saved again from the version it was shown, it lands
    const again = await callRoute(
      action,
      post(
        "/settings/organisation",
        {
          name: "Acme Export",
          operatingModel: loaded.operatingModel,
          stage: loaded.stage,
          version: String(second.data.version),
        },
        { Cookie: cookies.manager },
      ),
    );
    expect(again.status).toBe(302);
  });

  it("writes nothing when nothing changed", async () => {
    const before = (await events(cast.organisation.id)).length;
    const result = await callRoute(
      action,
      post(
        "/settings/organisation",
        { name: "Acme Export", operatingModel: "independent_site", stage: "mature", version: "1" },
        { Cookie: cookies.admin },
      ),
    );
    expect(result.headers.get("Location")).toBe("/settings/organisation?saved=0");
    expect((await events(cast.organisation.id)).length).toBe(before);
  });

  it("answers 400 with a message per field and keeps what was typed", async () => {
    const before = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    const result = await callRoute<Invalid>(
      action,
      post(
        "/settings/organisation",
        { name: "   ", operatingModel: "amazon", stage: "late", version: "1" },
        { Cookie: cookies.admin },
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      name: ["auth.validation.organisationName.required"],
      operatingModel: ["admin.errors.model"],
      stage: ["admin.errors.stage"],
    });
    expect(result.data.lastResult.initialValue).toMatchObject({ operatingModel: "amazon", stage: "late" });
    const after = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect(after).toEqual(before);
  });

  it("refuses a name with control characters or over 100 characters", async () => {
    for (const name of ["Acme\u0000Corp", "x".repeat(101)]) {
      const result = await callRoute<Invalid>(
        action,
        post(
          "/settings/organisation",
          { name, operatingModel: "b2b", stage: "growth", version: "1" },
          { Cookie: cookies.admin },
        ),
      );
      expect(result.status).toBe(400);
      expect(result.data.lastResult.error.name).toHaveLength(1);
    }
  });

  it("refuses HR, leads and members with 403 and changes nothing", async () => {
    for (const who of ["hr", "leadOps", "member"] as const) {
      const result = await callRoute(
        action,
        post(
          "/settings/organisation",
          { name: "Hijacked", operatingModel: "b2b", stage: "startup", version: "1" },
          { Cookie: cookies[who] },
        ),
      );
      expect(result.status, who).toBe(403);
    }
    expect((await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } })).name).toBe("Acme Export");
  });

  it("changes only the admin's own organisation", async () => {
    await callRoute(
      action,
      post(
        "/settings/organisation",
        { name: "Other Renamed", operatingModel: "b2b", stage: "startup", version: "1" },
        { Cookie: cookies.otherAdmin },
      ),
    );
    expect((await db.organisation.findUniqueOrThrow({ where: { id: cast.other.id } })).name).toBe("Other Renamed");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } })).name).toBe("Acme Export");
  });
});
