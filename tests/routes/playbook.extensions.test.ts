/**
 * Extension roles through the routes (issue 13): an admin turns customer
 * service on (a version), a member can then be assigned to it, the chart
 * and the API with a session show it, the anonymous API does not; turning it
 * off is refused while a member holds it, and allowed once nobody does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import { playbookForOrganisation } from "../../app/models/playbook.server";
import { loader as apiLoader } from "../../app/routes/api.v1.recommendation";
import { action, loader } from "../../app/routes/playbook.extensions.$roleId";
import { loader as overviewLoader } from "../../app/routes/playbook._index";
import { loader as chartLoader } from "../../app/routes/team.chart";
import { action as newMember } from "../../app/routes/team.new";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Reply = { lastResult: { error: Record<string, string[]> | null }; problems: string[] };
let cast: Cast;
let admin: string;
let member: string;
const params = { roleId: "customer_service" };
const url = "/playbook/extensions/customer_service";

beforeAll(async () => {
  cast = await createCast();
  admin = await cookieFor(cast.admin.id);
  member = await cookieFor(cast.member.id);
});

const versions = () => db.playbookVersion.count({ where: { organisationId: cast.organisation.id } });
const holds = async () =>
  (await playbookForOrganisation(cast.organisation.id)).roles.some((r) => r.id === "customer_service");
const addAgent = () =>
  callRoute<Reply>(
    newMember,
    post(
      "/team/new",
      { name: "Ana Souza", "roles[0].roleId": "customer_service", "roles[0].share": "100" },
      { Cookie: admin },
    ),
  );

describe("turning customer service on and off", () => {
  it("is off at first: the page says so, and a member cannot be assigned to it", async () => {
    const page = await callRoute<{ on: boolean; members: number }>(loader, get(url, { Cookie: member }), params);
    expect(page.status).toBe(200);
    expect(page.data.on).toBe(false);
    const refused = await addAgent();
    expect(refused.status).toBe(400);
    expect(refused.data.lastResult.error?.roles).toEqual(["extensionRoles.errors.roleNotInPlaybook"]);
    expect(await db.member.count({ where: { organisationId: cast.organisation.id, name: "Ana Souza" } })).toBe(0);
  });

  it("answers 404 for a role that is not in the library", async () => {
    const page = await callRoute(loader, get("/playbook/extensions/marketing", { Cookie: admin }), {
      roleId: "marketing",
    });
    expect(page.status).toBe(404);
  });

  it("refuses an empty summary on its field and writes nothing", async () => {
    const before = await versions();
    const result = await callRoute<Reply>(
      action,
      post(url, { intent: "on", version: "0", summary: " " }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error?.summary).toBeTruthy();
    expect(await versions()).toBe(before);
    expect(await holds()).toBe(false);
  });

  it("an admin turns it on: a new version with the summary, shown on the overview", async () => {
    const result = await callRoute(
      action,
      post(url, { intent: "on", version: "0", summary: "Turned on customer service" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/playbook?saved=extension-on");
    expect(await holds()).toBe(true);
    const row = await db.playbookVersion.findFirst({ where: { organisationId: cast.organisation.id, number: 1 } });
    expect(row?.summary).toBe("Turned on customer service");
    const overview = await callRoute<{
      extensions: { id: string; on: boolean }[];
      roles: { id: string; edited: boolean }[];
    }>(overviewLoader, get("/playbook", { Cookie: member }));
    expect(overview.data.extensions.find((e) => e.id === "customer_service")?.on).toBe(true);
    // as the library ships it: a default, not an edit
    expect(overview.data.roles.find((r) => r.id === "customer_service")?.edited).toBe(false);
  });

  it("a stale page's save is refused as a conflict, nothing written", async () => {
    const before = await versions();
    const result = await callRoute(
      action,
      post(url, { intent: "on", version: "0", summary: "On again" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(409);
    expect(await versions()).toBe(before);
  });

  it("members can be assigned to it; the chart draws it; the API shows it with a session only", async () => {
    const added = await addAgent();
    expect(added.status).toBe(302);
    const chart = await callRoute<{ departments: { roleId: string }[]; nodes: unknown[] }>(
      chartLoader,
      get("/team/chart", { Cookie: member }),
    );
    expect(chart.status).toBe(200);
    expect(chart.data.departments.map((d) => d.roleId)).toContain("customer_service");
    expect(JSON.stringify(chart.data.nodes)).toContain("Ana Souza");

    const api = "/api/v1/recommendation?model=platform&stage=growth&lang=en";
    const signed = await callRoute<{ roles: { id: string }[] }>(apiLoader, get(api, { Cookie: member }));
    expect(signed.data.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS, "customer_service"]);
    const anonymous = await callRoute<{ roles: { id: string }[] }>(apiLoader, get(api));
    expect(anonymous.data.roles.map((r) => r.id)).toEqual([...CORE_ROLE_IDS]);
  });

  it("turning it off is refused while a member holds it, and nothing is written", async () => {
    const page = await callRoute<{ on: boolean; members: number }>(loader, get(url, { Cookie: admin }), params);
    expect(page.data).toMatchObject({ on: true, members: 1 });
    const before = await versions();
    const result = await callRoute<Reply>(
      action,
      post(url, { intent: "off", version: String(before), summary: "Off" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data.lastResult)).toContain("extensionRoles.errors.inUse");
    expect(await versions()).toBe(before);
    expect(await holds()).toBe(true);
  });

  it("once nobody holds it, turning it off saves a version without it", async () => {
    await db.member.deleteMany({ where: { organisationId: cast.organisation.id, name: "Ana Souza" } });
    const before = await versions();
    const result = await callRoute(
      action,
      post(url, { intent: "off", version: String(before), summary: "No customer service" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(302);
    expect(await versions()).toBe(before + 1);
    expect(await holds()).toBe(false);
    // its skill stays in the catalogue
    expect((await playbookForOrganisation(cast.organisation.id)).skills.some((s) => s.id === "customer_support")).toBe(
      true,
    );
  });
});
