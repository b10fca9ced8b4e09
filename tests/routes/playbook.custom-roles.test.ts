/**
 * An organisation's own roles through the routes (issue 13): an admin
 * creates a role on /playbook/roles/new (a version, the id `custom_…` from
 * the English name, `_2` for a second of the same name); the chart and the
 * member form accept it; removing it is refused while a member holds it and
 * allowed once nobody does; a core or library id has no removal (404).
 * docs/decisions/0015 (addendum "own roles").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { customRolesStrings } from "../../app/locales/custom-roles";
import { playbookForOrganisation } from "../../app/models/playbook.server";
import { action as newRole, loader as newRoleLoader } from "../../app/routes/playbook.roles.new";
import { action as removeRole, loader as removeLoader } from "../../app/routes/playbook.roles.$roleId_.remove";
import { loader as rolePageLoader } from "../../app/routes/playbook.roles.$roleId";
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
const ROLE_ID = "custom_cross_border_compliance_officer";

beforeAll(async () => {
  cast = await createCast();
  admin = await cookieFor(cast.admin.id);
  member = await cookieFor(cast.member.id);
});

const versions = () => db.playbookVersion.count({ where: { organisationId: cast.organisation.id } });
const roleIds = async () => (await playbookForOrganisation(cast.organisation.id)).roles.map((r) => r.id);

/** A complete "New role" form; `overrides` replace or (with undefined) drop fields. */
function roleForm(version: number, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const form: Record<string, string | undefined> = {
    version: String(version),
    summary: "Added the compliance officer",
    "label.zh": "跨境合规专员",
    "label.en": "Cross-border compliance officer",
    tier: "growth",
    reportsTo: "general_manager",
    "headcount.startup.min": "0",
    "headcount.startup.max": "1",
    "headcount.growth.min": "0",
    "headcount.growth.max": "1",
    "headcount.mature.min": "1",
    "headcount.mature.max": "2",
    "responsibility.zh": "跟踪各目标市场的合规要求",
    "responsibility.en": "Track each target market's compliance rules",
    "skills[0].skillId": "international_regulation",
    "skills[0].levels.startup": "1",
    "skills[0].levels.growth": "2",
    "skills[0].levels.mature": "3",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
}

/** POSTs a form that may repeat a name (appliesTo), which `post`'s record cannot. */
function postRepeated(url: string, form: Record<string, string>, cookie: string, appliesTo = ["platform"]) {
  const body = new URLSearchParams(form);
  for (const m of appliesTo) body.append("appliesTo", m);
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

const addMember = (roleId: string, name: string) =>
  callRoute<Reply>(
    newMember,
    post("/team/new", { name, "roles[0].roleId": roleId, "roles[0].share": "100" }, { Cookie: admin }),
  );

describe("creating an own role", () => {
  it("the member form refuses the role before it exists", async () => {
    const refused = await addMember(ROLE_ID, "Mei Chen");
    expect(refused.status).toBe(400);
    expect(refused.data.lastResult.error?.roles).toEqual(["extensionRoles.errors.roleNotInPlaybook"]);
    expect(await db.member.count({ where: { organisationId: cast.organisation.id, name: "Mei Chen" } })).toBe(0);
  });

  it("the new-role page offers the stages, models, roles and skills", async () => {
    const page = await callRoute<{ canEdit: boolean; roles: { id: string }[]; skills: { id: string }[] }>(
      newRoleLoader,
      get("/playbook/roles/new", { Cookie: admin }),
    );
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(true);
    expect(page.data.roles.map((r) => r.id)).toContain("operations_manager");
    expect(page.data.skills.map((s) => s.id)).toContain("international_regulation");
  });

  it("refuses a missing Chinese name and a missing skill, a message on each field, nothing written", async () => {
    const before = await versions();
    const result = await callRoute<Reply>(
      newRole,
      postRepeated("/playbook/roles/new", roleForm(0, { "label.zh": "", "skills[0].skillId": "" }), admin),
    );
    expect(result.status).toBe(400);
    const error = result.data.lastResult.error ?? {};
    expect(error["label.zh"]?.length).toBeGreaterThan(0);
    expect(error["skills[0].skillId"]).toEqual(["playbook.errors.noSkill"]);
    expect(error["label.en"]).toBeUndefined();
    // what was typed comes back
    expect(JSON.stringify(result.data.lastResult)).toContain("Cross-border compliance officer");
    expect(await versions()).toBe(before);
    expect(await roleIds()).not.toContain(ROLE_ID);
  });

  it("refuses a stage with no headcount (the playbook's invariant) on that field, nothing written", async () => {
    const before = await versions();
    const result = await callRoute<Reply>(
      newRole,
      postRepeated("/playbook/roles/new", roleForm(0, { "headcount.startup.max": "0" }), admin),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error?.["headcount.startup.max"]).toEqual(["playbook.errors.invariant"]);
    expect(result.data.problems.join()).toContain(`roles.${ROLE_ID}.headcount.startup`);
    expect(await versions()).toBe(before);
  });

  it("a member may not create a role (403), nothing written", async () => {
    const before = await versions();
    const result = await callRoute(newRole, postRepeated("/playbook/roles/new", roleForm(0), member));
    expect(result.status).toBe(403);
    expect(await versions()).toBe(before);
  });

  it("an admin creates one: 302 to its editor, a version with the summary, the id from the English name", async () => {
    const result = await callRoute(newRole, postRepeated("/playbook/roles/new", roleForm(0), admin));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/playbook/roles/${ROLE_ID}?created=1`);
    expect(await versions()).toBe(1);
    const row = await db.playbookVersion.findFirst({ where: { organisationId: cast.organisation.id, number: 1 } });
    expect(row?.summary).toBe("Added the compliance officer");
    const role = (await playbookForOrganisation(cast.organisation.id)).roles.find((r) => r.id === ROLE_ID);
    expect(role?.label).toEqual({ zh: "跨境合规专员", en: "Cross-border compliance officer" });
    expect(role?.appliesTo).toEqual(["platform"]);
    expect(role?.skills).toEqual([
      { skillId: "international_regulation", levels: { startup: 1, growth: 2, mature: 3 } },
    ]);
    // its page: an own role has no shipped default, so nothing reads "edited"
    const page = await callRoute<{ editedFields: Record<string, unknown> }>(
      rolePageLoader,
      get(`/playbook/roles/${ROLE_ID}`, { Cookie: admin }),
      { roleId: ROLE_ID },
    );
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data.editedFields)).not.toContain("true");
  });

  it("a stale page's create is refused as a conflict (409), nothing written", async () => {
    const before = await versions();
    const result = await callRoute(
      newRole,
      postRepeated("/playbook/roles/new", roleForm(0, { "label.en": "Tax officer", "label.zh": "税务专员" }), admin),
    );
    expect(result.status).toBe(409);
    expect(await versions()).toBe(before);
    expect(await roleIds()).not.toContain("custom_tax_officer");
  });

  it("a second role of the same English name gets `_2`; an empty summary names the role", async () => {
    const before = await versions();
    const result = await callRoute(
      newRole,
      postRepeated("/playbook/roles/new", roleForm(before, { summary: undefined }), admin),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/playbook/roles/${ROLE_ID}_2?created=1`);
    expect(await versions()).toBe(before + 1);
    const ids = await roleIds();
    expect(ids.filter((id) => id.startsWith("custom_"))).toEqual([ROLE_ID, `${ROLE_ID}_2`]);
    const row = await db.playbookVersion.findFirst({
      where: { organisationId: cast.organisation.id, number: before + 1 },
    });
    // no language cookie: the default language, Chinese
    expect(row?.summary).toBe(customRolesStrings.zh.summaryNew.replace("{{role}}", "跨境合规专员"));
  });

  it("the member form accepts the role and the chart draws it", async () => {
    const added = await addMember(ROLE_ID, "Mei Chen");
    expect(added.status).toBe(302);
    const chart = await callRoute<{ departments: { roleId: string; expanded: boolean }[]; nodes: unknown[] }>(
      chartLoader,
      get("/team/chart", { Cookie: member }),
    );
    expect(chart.status).toBe(200);
    expect(chart.data.departments.map((d) => d.roleId)).toContain(ROLE_ID);
    // a team this small opens every department, its own role's too (the list's "Hide members")
    expect(chart.data.departments.find((d) => d.roleId === ROLE_ID)?.expanded).toBe(true);
    expect(JSON.stringify(chart.data.nodes)).toContain("Mei Chen");
  });
});

describe("removing an own role", () => {
  const url = `/playbook/roles/${ROLE_ID}/remove`;
  const params = { roleId: ROLE_ID };

  it("is refused (400) while a member holds it, nothing written", async () => {
    const page = await callRoute<{ members: number; canEdit: boolean }>(
      removeLoader,
      get(url, { Cookie: admin }),
      params,
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ members: 1, canEdit: true });
    const before = await versions();
    const result = await callRoute<Reply>(
      removeRole,
      post(url, { version: String(before), confirm: "yes", summary: "Remove" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data.lastResult)).toContain("customRoles.errors.inUse");
    expect(await versions()).toBe(before);
    expect(await roleIds()).toContain(ROLE_ID);
  });

  it("a member may not remove it (403)", async () => {
    const before = await versions();
    const result = await callRoute(
      removeRole,
      post(url, { version: String(before), confirm: "yes" }, { Cookie: member }),
      params,
    );
    expect(result.status).toBe(403);
    expect(await versions()).toBe(before);
  });

  it("once nobody holds it, removal saves a version without it; its skill stays", async () => {
    await db.member.deleteMany({ where: { organisationId: cast.organisation.id, name: "Mei Chen" } });
    const before = await versions();
    const result = await callRoute(
      removeRole,
      post(url, { version: String(before), confirm: "yes", summary: "No compliance officer" }, { Cookie: admin }),
      params,
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/playbook?saved=role-removed");
    expect(await versions()).toBe(before + 1);
    const after = await playbookForOrganisation(cast.organisation.id);
    expect(after.roles.map((r) => r.id)).not.toContain(ROLE_ID);
    expect(after.roles.map((r) => r.id)).toContain(`${ROLE_ID}_2`);
    expect(after.skills.some((s) => s.id === "international_regulation")).toBe(true);
    // gone: its removal page and a second removal are 404
    const page = await callRoute(removeLoader, get(url, { Cookie: admin }), params);
    expect(page.status).toBe(404);
    const again = await callRoute(
      removeRole,
      post(url, { version: String(before + 1), confirm: "yes" }, { Cookie: admin }),
      params,
    );
    expect(again.status).toBe(404);
    expect(await versions()).toBe(before + 1);
  });

  it.each([
    ["a core role", "operations_manager"],
    ["a library role", "customer_service"],
  ])("answers 404 for %s id, nothing written", async (_what, roleId) => {
    const before = await versions();
    const removeUrl = `/playbook/roles/${roleId}/remove`;
    const page = await callRoute(removeLoader, get(removeUrl, { Cookie: admin }), { roleId });
    expect(page.status).toBe(404);
    const result = await callRoute(
      removeRole,
      post(removeUrl, { version: String(before), confirm: "yes" }, { Cookie: admin }),
      { roleId },
    );
    expect(result.status).toBe(404);
    expect(await versions()).toBe(before);
  });
});
