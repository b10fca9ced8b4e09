import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/settings.profile";
import { action as organisationAction } from "../../app/routes/settings.organisation";
import { getBusinessProfile, sizedForOrganisation } from "../../app/models/business-profile.server";
import { shippedPlaybook } from "../../app/domain/playbook";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  hasProfile: boolean;
  channels: { model: string; share: number }[];
  drivers: Record<string, number>;
  plannerHref: string;
  saved: boolean;
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

/** The profile form as the page sends it, with the profile version it was loaded from (read now). */
async function profileForm(organisationId: string, fields: Record<string, string>, cookie: string) {
  const { profileVersion } = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { profileVersion: true },
  });
  return post("/settings/profile", { ...fields, version: String(profileVersion) }, { Cookie: cookie });
}

describe("GET /settings/profile", () => {
  it("starts an organisation without a profile from its operating model alone, with today's ranges", async () => {
    const result = await callRoute<LoaderData>(loader, get("/settings/profile", { Cookie: cookies.manager }));
    expect(result.status).toBe(200);
    expect(result.data.hasProfile).toBe(false);
    expect(result.data.channels).toEqual([{ model: "platform", share: 100 }]);
    expect(result.data.drivers).toEqual({});
    const { recommendation } = await sizedForOrganisation({
      organisationId: cast.organisation.id,
      operatingModel: "platform",
      stage: "growth",
      playbook: shippedPlaybook,
    });
    expect(recommendation.roles.every((role) => role.headcount.isDefault && role.sizing.setBy === null)).toBe(true);
  });

  it("refuses HR, leads and members with 403, and sends strangers to sign in", async () => {
    for (const who of ["hr", "leadOps", "member"] as const) {
      expect((await callRoute(loader, get("/settings/profile", { Cookie: cookies[who] }))).status, who).toBe(403);
    }
    const anonymous = await callRoute(loader, get("/settings/profile"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
  });
});

describe("POST /settings/profile", () => {
  it("saves two channels and the drivers in one go, makes the primary the operating model, and records it", async () => {
    const result = await callRoute(
      action,
      await profileForm(
        cast.organisation.id,
        {
          share_platform: "70",
          share_independent_site: "30",
          stores: "8",
          skus: "3000",
          ordersPerDay: "900",
          markets: "4",
          languages: "3",
          b2bAccounts: "",
        },
        cookies.manager,
      ),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings/profile?saved=1");
    const profile = await getBusinessProfile({ organisationId: cast.organisation.id });
    expect(profile.channels).toEqual([
      { model: "platform", share: 70 },
      { model: "independent_site", share: 30 },
    ]);
    expect(profile.drivers).toEqual({ stores: 8, skus: 3000, ordersPerDay: 900, markets: 4, languages: 3 });
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect(organisation.operatingModel).toBe("platform");
    const event = await db.securityEvent.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, type: "organisation_updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.actorUserId).toBe(cast.manager.id);
    expect(JSON.parse(event.detail)).toMatchObject({
      changed: ["businessProfile"],
      channels: ["platform:70", "independent_site:30"],
      stores: 8,
    });

    const page = await callRoute<LoaderData>(loader, get("/settings/profile?saved=1", { Cookie: cookies.admin }));
    expect(page.data).toMatchObject({ hasProfile: true, saved: true });
    expect(page.data.plannerHref).toBe(
      "/planner?stage=growth&channels=platform%3A70%2Cindependent_site%3A30&stores=8&skus=3000&ordersPerDay=900&markets=4&languages=3",
    );

    const { recommendation } = await sizedForOrganisation({
      organisationId: cast.organisation.id,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook: shippedPlaybook,
    });
    expect(recommendation.roles.find((r) => r.id === "tech_dev")!.addedBy).toEqual(["independent_site"]);
    expect(recommendation.roles.find((r) => r.id === "operations_manager")!.headcount).toMatchObject({
      min: 3,
      max: 4,
    });
  });

  it("answers 400 with a message per field, keeps what was typed and writes nothing", async () => {
    const before = await getBusinessProfile({ organisationId: cast.organisation.id });
    const result = await callRoute<Invalid>(
      action,
      await profileForm(
        cast.organisation.id,
        {
          share_platform: "60",
          share_b2b: "30",
          stores: "2.5",
          skus: "-1",
          ordersPerDay: "lots",
          markets: "0",
          languages: "101",
          b2bAccounts: "100001",
        },
        cookies.admin,
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      share_platform: ["sizing.errors.sharesTotal"],
      stores: ["sizing.errors.stores"],
      skus: ["sizing.errors.skus"],
      ordersPerDay: ["sizing.errors.ordersPerDay"],
      markets: ["sizing.errors.markets"],
      languages: ["sizing.errors.languages"],
      b2bAccounts: ["sizing.errors.b2bAccounts"],
    });
    expect(result.data.lastResult.initialValue).toMatchObject({
      share_platform: "60",
      share_b2b: "30",
      ordersPerDay: "lots",
      markets: "0",
    });
    expect(await getBusinessProfile({ organisationId: cast.organisation.id })).toEqual(before);
  });

  it("needs at least one channel and whole shares from 1 to 100", async () => {
    const none = await callRoute<Invalid>(
      action,
      await profileForm(cast.organisation.id, { stores: "3" }, cookies.admin),
    );
    expect(none.status).toBe(400);
    expect(none.data.lastResult.error.share_platform).toEqual(["sizing.errors.noChannel"]);
    const bad = await callRoute<Invalid>(
      action,
      await profileForm(cast.organisation.id, { share_distribution: "0", share_b2b: "100.5" }, cookies.admin),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult.error.share_distribution).toEqual(["sizing.errors.share"]);
    expect(bad.data.lastResult.error.share_b2b).toEqual(["sizing.errors.share"]);
  });

  it("refuses HR, leads and members with 403 and changes nothing", async () => {
    const before = await getBusinessProfile({ organisationId: cast.organisation.id });
    for (const who of ["hr", "leadOps", "member"] as const) {
      const result = await callRoute(action, post("/settings/profile", { share_b2b: "100" }, { Cookie: cookies[who] }));
      expect(result.status, who).toBe(403);
    }
    expect(await getBusinessProfile({ organisationId: cast.organisation.id })).toEqual(before);
  });

  it("another organisation's admin saves only their own profile", async () => {
    await callRoute(
      action,
      await profileForm(cast.other.id, { share_b2b: "100", b2bAccounts: "40" }, cookies.otherAdmin),
    );
    const mine = await getBusinessProfile({ organisationId: cast.organisation.id });
    expect(mine.channels.map((c) => c.model)).toEqual(["platform", "independent_site"]);
    const theirs = await getBusinessProfile({ organisationId: cast.other.id });
    expect(theirs).toMatchObject({ channels: [{ model: "b2b", share: 100 }], drivers: { b2bAccounts: 40 } });
  });

  it("a new operating model on the organisation page replaces the channels by that model alone, and says so", async () => {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    const result = await callRoute(
      organisationAction,
      post(
        "/settings/organisation",
        {
          name: organisation.name,
          operatingModel: "b2b",
          stage: organisation.stage,
          version: String(organisation.version),
        },
        { Cookie: cookies.admin },
      ),
    );
    expect(result.status).toBe(302);
    const profile = await getBusinessProfile({ organisationId: cast.organisation.id });
    expect(profile.channels).toEqual([]);
    expect(profile.drivers.stores).toBe(8);
    const event = await db.securityEvent.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, type: "organisation_updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(event.detail)).toMatchObject({ changed: ["operatingModel"], channelsCleared: true });
  });

  it("refuses a save from a form loaded before someone else's save, with what changed, and writes nothing", async () => {
    const { profileVersion } = await db.organisation.findUniqueOrThrow({
      where: { id: cast.organisation.id },
      select: { profileVersion: true },
    });
    const loaded = String(profileVersion);
    const mine = await callRoute(
      action,
      post("/settings/profile", { share_platform: "100", stores: "5", version: loaded }, { Cookie: cookies.admin }),
    );
    expect(mine.status).toBe(302);
    const before = await getBusinessProfile({ organisationId: cast.organisation.id });
    const stale = await callRoute<
      Invalid & { conflict: Array<{ field: string; theirs: string; yours: string }>; version: number }
    >(
      action,
      post(
        "/settings/profile",
        { share_platform: "100", stores: "9", markets: "2", version: loaded },
        { Cookie: cookies.manager },
      ),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toEqual(expect.arrayContaining([{ field: "stores", theirs: "5", yours: "9" }]));
    expect(stale.data.version).toBe(profileVersion + 1);
    expect(stale.data.lastResult.initialValue).toMatchObject({ stores: "9", markets: "2" });
    expect(await getBusinessProfile({ organisationId: cast.organisation.id })).toEqual(before);
  });
});
