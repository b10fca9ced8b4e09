import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "../../app/root";
import { loader as plannerLoader } from "../../app/routes/planner";
import { getSignedIn } from "../../app/utils/auth.server";
import { sessionLookupStats } from "../../app/utils/session.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";

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
