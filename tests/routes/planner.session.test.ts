import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "../../app/root";
import { loader as homeLoader } from "../../app/routes/home";
import { loader as plannerLoader } from "../../app/routes/planner";
import { loader as settingsLoader } from "../../app/routes/settings";
import { loader as settingsPeopleLoader } from "../../app/routes/settings.people";
import { loader as teamLoader } from "../../app/routes/team";
import { loader as teamChartLoader } from "../../app/routes/team.chart";
import { loader as teamIndexLoader } from "../../app/routes/team._index";
import { loader as teamMemberLoader } from "../../app/routes/team.$memberId";
import { getSignedIn } from "../../app/utils/auth.server";
import { sessionLookupStats } from "../../app/utils/session.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { db } from "../../app/utils/db.server";

/**
 * A page request runs the root loader and the page's loader, each with its own
 * copy of the Request (as Remix makes them) and the request's one load context.
 */
async function pageRequest(path: string, cookie: string) {
  const context: Record<string, unknown> = {};
  const request = () => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const before = sessionLookupStats.lookups;
  const [root, page] = await Promise.all([
    rootLoader({ request: request(), params: {}, context }),
    plannerLoader({ request: request(), params: {}, context }),
  ]);
  return { root, page, lookups: sessionLookupStats.lookups - before };
}

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Every loader of one page (the root, its layouts, the page), as Remix runs them: at once, one context. */
async function nestedRequest(path: string, cookie: string, loaders: Loader[], params: Record<string, string> = {}) {
  const context: Record<string, unknown> = {};
  const request = () => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const before = sessionLookupStats.lookups;
  const answers = await Promise.all(loaders.map((loader) => loader({ request: request(), params, context })));
  return { answers, lookups: sessionLookupStats.lookups - before };
}

async function signedInManager() {
  const organisation = await createOrganisation({ name: "Lookup Org" });
  const manager = await createUser({ organisationId: organisation.id, kind: "manager", name: "Mia Manager" });
  return { organisation, manager, cookie: await cookieFor(manager.id) };
}

describe("the planner page looks the session up once", () => {
  it("one session lookup for the root and the planner loaders of one request", async () => {
    const { cookie } = await signedInManager();
    const { root, page, lookups } = await pageRequest("/planner?model=b2b&stage=growth&lang=en", cookie);
    expect(lookups).toBe(1);
    expect((root as { viewer: { name: string } | null }).viewer?.name).toBe("Mia Manager");
    const data = (page as { data: { organisation: { name: string } | null; recommendation: unknown } }).data;
    expect(data.organisation?.name).toBe("Lookup Org");
    expect(data.recommendation).not.toBeNull();
  });

  it("two requests (two contexts) look up twice; a write and a different cookie never share", async () => {
    const { manager, cookie } = await signedInManager();
    expect((await pageRequest("/planner?model=b2b&stage=growth", cookie)).lookups).toBe(1);
    expect((await pageRequest("/planner?model=b2b&stage=growth", cookie)).lookups).toBe(1);

    const context = {};
    const before = sessionLookupStats.lookups;
    const post = new Request("http://localhost/planner", { method: "POST", headers: { Cookie: cookie } });
    await getSignedIn(post, context);
    await getSignedIn(post, context);
    expect(sessionLookupStats.lookups - before).toBe(2);

    const other = await cookieFor(manager.id);
    const shared = {};
    const first = await getSignedIn(new Request("http://localhost/planner", { headers: { Cookie: cookie } }), shared);
    const second = await getSignedIn(new Request("http://localhost/planner", { headers: { Cookie: other } }), shared);
    expect(sessionLookupStats.lookups - before).toBe(4);
    expect(first?.sessionId).not.toBe(second?.sessionId);
  });

  it("nobody signed in: no lookup at all", async () => {
    const before = sessionLookupStats.lookups;
    const context = {};
    const page = await plannerLoader({
      request: new Request("http://localhost/planner?model=b2b&stage=growth"),
      params: {},
      context,
    });
    expect(sessionLookupStats.lookups - before).toBe(0);
    expect((page as { data: { organisation: unknown } }).data.organisation).toBeNull();
  });
});

describe("every page with nested loaders looks the session up once", () => {
  it("the team's chart: root, the team layout and the chart (whose playbook comes from the same lookup)", async () => {
    const { cookie } = await signedInManager();
    const { answers, lookups } = await nestedRequest("/team/chart", cookie, [
      rootLoader,
      teamLoader,
      teamChartLoader,
    ] as Loader[]);
    expect(lookups).toBe(1);
    expect((answers[1] as { organisationName: string }).organisationName).toBe("Lookup Org");
  });

  it("the team's list and one member's page", async () => {
    const { organisation, cookie } = await signedInManager();
    const list = await nestedRequest("/team", cookie, [rootLoader, teamLoader, teamIndexLoader] as Loader[]);
    expect(list.lookups).toBe(1);
    const member = await db.member.create({ data: { organisationId: organisation.id, name: "Lin Operator" } });
    const page = await nestedRequest(
      `/team/${member.id}`,
      cookie,
      [rootLoader, teamLoader, teamMemberLoader] as Loader[],
      {
        memberId: member.id,
      },
    );
    expect(page.lookups).toBe(1);
  });

  it("the settings' people page and the home page", async () => {
    const organisation = await createOrganisation({ name: "Lookup Admin Org" });
    const admin = await createUser({ organisationId: organisation.id, kind: "admin", name: "Ada Admin" });
    const cookie = await cookieFor(admin.id);
    const settings = await nestedRequest("/settings/people", cookie, [
      rootLoader,
      settingsLoader,
      settingsPeopleLoader,
    ] as Loader[]);
    expect(settings.lookups).toBe(1);
    const home = await nestedRequest("/home", cookie, [rootLoader, homeLoader] as Loader[]);
    expect(home.lookups).toBe(1);
    expect((home.answers[0] as { viewer: { name: string } | null }).viewer?.name).toBe("Ada Admin");
  });

  it("without a load context (a caller of its own) every guard looks again", async () => {
    const { cookie } = await signedInManager();
    const before = sessionLookupStats.lookups;
    const request = () => new Request("http://localhost/team/chart", { headers: { Cookie: cookie } });
    await teamLoader({ request: request(), params: {}, context: undefined as never });
    await teamChartLoader({ request: request(), params: {}, context: undefined as never });
    // the layout once and the chart once (its guard; the playbook comes from the guard's
    // organisation): nothing to share the one lookup between the two loaders through
    expect(sessionLookupStats.lookups - before).toBe(2);
  });
});
