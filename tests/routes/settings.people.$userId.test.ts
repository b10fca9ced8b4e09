import { beforeEach, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/settings.people.$userId";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  user: { id: string; kind: string; departments: string[]; disabledAt: Date | null };
  isSelf: boolean;
  confirmDisable: boolean;
  done: string | null;
}
interface ActionData {
  intent: string | null;
  lastResult: { error?: Record<string, string[]> };
  conflict?: Array<{ field: string; theirs: string; yours: string }> | null;
  version?: number | null;
}

let cast: Cast;
const cookies: Record<string, string> = {};

// Each test gets a fresh organisation: these tests change kinds and disable people.
beforeEach(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

const page = (userId: string, cookie: string, search = "") =>
  get(`/settings/people/${userId}${search}`, { Cookie: cookie });
const send = (userId: string, form: Record<string, string> | [string, string][], cookie: string) =>
  new Request(`http://localhost/settings/people/${userId}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
const events = (type: string) => db.securityEvent.findMany({ where: { organisationId: cast.organisation.id, type } });
const row = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("GET /settings/people/$userId", () => {
  it("shows an admin a person of their organisation", async () => {
    const result = await callRoute<LoaderData>(loader, page(cast.leadOps.id, cookies.admin), {
      userId: cast.leadOps.id,
    });
    expect(result.status).toBe(200);
    expect(result.data.user).toMatchObject({
      id: cast.leadOps.id,
      kind: "lead",
      departments: ["operations_manager"],
      disabledAt: null,
    });
    expect(result.data.isSelf).toBe(false);
  });

  it("answers 404 alike for another organisation's person and an unknown id", async () => {
    const other = await callRoute(loader, page(cast.otherAdmin.id, cookies.admin), { userId: cast.otherAdmin.id });
    const unknown = await callRoute(loader, page("nope", cookies.admin), { userId: "nope" });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.data).toEqual(unknown.data);
  });

  it("refuses every other kind with 403, whatever the id", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect(
        (await callRoute(loader, page(cast.member.id, cookies[who]), { userId: cast.member.id })).status,
        who,
      ).toBe(403);
      expect((await callRoute(loader, page("nope", cookies[who]), { userId: "nope" })).status, who).toBe(403);
    }
  });

  it("asks for confirmation with ?confirm=disable, but never for the admin themselves", async () => {
    const other = await callRoute<LoaderData>(loader, page(cast.member.id, cookies.admin, "?confirm=disable"), {
      userId: cast.member.id,
    });
    expect(other.data.confirmDisable).toBe(true);
    const self = await callRoute<LoaderData>(loader, page(cast.admin.id, cookies.admin, "?confirm=disable"), {
      userId: cast.admin.id,
    });
    expect(self.data.confirmDisable).toBe(false);
    expect(self.data.isSelf).toBe(true);
  });
});

describe("POST /settings/people/$userId intent=change_kind", () => {
  it("refuses a change from a form loaded before another admin's change, with what changed, and lands from the new version", async () => {
    const secondAdmin = await createUser({ organisationId: cast.organisation.id, kind: "admin" });
    const second = await cookieFor(secondAdmin.id);
    const first = await callRoute(
      action,
      send(
        cast.member.id,
        [
          ["intent", "change_kind"],
          ["version", "1"],
          ["kind", "lead"],
          ["departments", "marketing"],
        ],
        cookies.admin,
      ),
      { userId: cast.member.id },
    );
    expect(first.status).toBe(302);
    const stale = await callRoute<ActionData>(
      action,
      send(cast.member.id, { intent: "change_kind", kind: "hr", version: "1" }, second),
      { userId: cast.member.id },
    );
    expect(stale.status).toBe(409);
    expect(stale.data.intent).toBe("change_kind");
    expect(stale.data.conflict).toEqual([
      { field: "kind", theirs: "lead", yours: "hr" },
      { field: "departments", theirs: "marketing", yours: "" },
    ]);
    expect(stale.data.version).toBe(2);
    expect(await row(cast.member.id)).toMatchObject({ kind: "lead", departments: '["marketing"]', version: 2 });
    const again = await callRoute(
      action,
      send(cast.member.id, { intent: "change_kind", kind: "hr", version: "2" }, second),
      { userId: cast.member.id },
    );
    expect(again.status).toBe(302);
    expect(await row(cast.member.id)).toMatchObject({ kind: "hr", version: 3 });
  });

  it("makes a member a lead of two departments and records it", async () => {
    const result = await callRoute(
      action,
      send(
        cast.member.id,
        [
          ["intent", "change_kind"],
          ["version", "1"],
          ["kind", "lead"],
          ["departments", "marketing"],
          ["departments", "tech_dev"],
        ],
        cookies.admin,
      ),
      { userId: cast.member.id },
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/settings/people/${cast.member.id}?done=kind_changed`);
    const user = await row(cast.member.id);
    expect(user.kind).toBe("lead");
    expect(JSON.parse(user.departments)).toEqual(["marketing", "tech_dev"]);
    const [event] = await events("kind_changed");
    expect(event).toMatchObject({ actorUserId: cast.admin.id, subjectUserId: cast.member.id });
    expect(JSON.parse(event.detail)).toMatchObject({
      kind: "lead",
      previous_kind: "member",
      departments: ["marketing", "tech_dev"],
    });
    // the new kind applies to their very next request
    expect((await getSignedIn(get("/", { Cookie: cookies.member })))?.actor).toMatchObject({
      kind: "lead",
      departments: ["marketing", "tech_dev"],
    });
  });

  it("clears a lead's departments when they become another kind", async () => {
    await callRoute(action, send(cast.leadOps.id, { intent: "change_kind", kind: "hr", version: "1" }, cookies.admin), {
      userId: cast.leadOps.id,
    });
    const user = await row(cast.leadOps.id);
    expect(user.kind).toBe("hr");
    expect(user.departments).toBe("[]");
  });

  it("answers 400 for a lead without departments or a member with some", async () => {
    const lead = await callRoute<ActionData>(
      action,
      send(cast.member.id, { intent: "change_kind", kind: "lead", version: "1" }, cookies.admin),
      { userId: cast.member.id },
    );
    expect(lead.status).toBe(400);
    expect(lead.data.intent).toBe("change_kind");
    expect(lead.data.lastResult.error).toEqual({ departments: ["admin.errors.departmentsRequired"] });
    const member = await callRoute<ActionData>(
      action,
      send(
        cast.hr.id,
        { intent: "change_kind", kind: "member", version: "1", departments: "marketing" },
        cookies.admin,
      ),
      { userId: cast.hr.id },
    );
    expect(member.status).toBe(400);
    expect(member.data.lastResult.error).toEqual({ departments: ["admin.errors.departmentsForbidden"] });
    expect((await row(cast.member.id)).kind).toBe("member");
    expect(await events("kind_changed")).toHaveLength(0);
  });

  it("does not take the admin kind from the last active admin", async () => {
    // a disabled admin does not count
    await createUser({ organisationId: cast.organisation.id, kind: "admin", disabled: true });
    const result = await callRoute<ActionData>(
      action,
      send(cast.admin.id, { intent: "change_kind", kind: "manager", version: "1" }, cookies.admin),
      { userId: cast.admin.id },
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ "": ["admin.errors.lastAdmin"] });
    expect((await row(cast.admin.id)).kind).toBe("admin");
    expect(await events("kind_changed")).toHaveLength(0);
  });

  it("lets an admin step down when another admin remains, and sends them to what they may still see", async () => {
    await createUser({ organisationId: cast.organisation.id, kind: "admin" });
    const result = await callRoute(
      action,
      send(cast.admin.id, { intent: "change_kind", kind: "manager", version: "1" }, cookies.admin),
      { userId: cast.admin.id },
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/settings");
    expect((await row(cast.admin.id)).kind).toBe("manager");
  });

  it("writes nothing when the kind is the same", async () => {
    const result = await callRoute(
      action,
      send(cast.hr.id, { intent: "change_kind", kind: "hr", version: "1" }, cookies.admin),
      { userId: cast.hr.id },
    );
    expect(result.headers.get("Location")).toBe(`/settings/people/${cast.hr.id}?done=unchanged`);
    expect(await events("kind_changed")).toHaveLength(0);
  });
});

describe("POST /settings/people/$userId intent=disable / enable", () => {
  it("asks for confirmation first and changes nothing without it", async () => {
    const result = await callRoute<ActionData>(action, send(cast.member.id, { intent: "disable" }, cookies.admin), {
      userId: cast.member.id,
    });
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ confirm: ["admin.errors.confirm"] });
    expect((await row(cast.member.id)).disabledAt).toBeNull();
  });

  it("disables a person, ends all their sessions at once and records it", async () => {
    const secondSession = await cookieFor(cast.member.id);
    expect(await db.session.count({ where: { userId: cast.member.id } })).toBe(2);
    const result = await callRoute(action, send(cast.member.id, { intent: "disable", confirm: "yes" }, cookies.admin), {
      userId: cast.member.id,
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/settings/people/${cast.member.id}?done=disabled`);
    expect((await row(cast.member.id)).disabledAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: cast.member.id } })).toBe(0);
    expect(await getSignedIn(get("/", { Cookie: cookies.member }))).toBeNull();
    expect(await getSignedIn(get("/", { Cookie: secondSession }))).toBeNull();
    const [event] = await events("user_disabled");
    expect(event).toMatchObject({ actorUserId: cast.admin.id, subjectUserId: cast.member.id });
    expect(JSON.parse(event.detail)).toEqual({ sessionsEnded: 2 });

    // and enables them again
    const enabled = await callRoute(action, send(cast.member.id, { intent: "enable" }, cookies.admin), {
      userId: cast.member.id,
    });
    expect(enabled.headers.get("Location")).toBe(`/settings/people/${cast.member.id}?done=enabled`);
    expect((await row(cast.member.id)).disabledAt).toBeNull();
    expect(await events("user_enabled")).toHaveLength(1);
  });

  it("does not let an admin disable themselves", async () => {
    const result = await callRoute<ActionData>(
      action,
      send(cast.admin.id, { intent: "disable", confirm: "yes" }, cookies.admin),
      { userId: cast.admin.id },
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ "": ["admin.errors.disableSelf"] });
    expect((await row(cast.admin.id)).disabledAt).toBeNull();
    expect(await getSignedIn(get("/", { Cookie: cookies.admin }))).not.toBeNull();
  });

  it("never leaves the organisation without an active admin, even when two admins disable each other at once", async () => {
    const second = await createUser({ organisationId: cast.organisation.id, kind: "admin" });
    const secondCookie = await cookieFor(second.id);
    const results = await Promise.all([
      callRoute(action, send(second.id, { intent: "disable", confirm: "yes" }, cookies.admin), { userId: second.id }),
      callRoute(action, send(cast.admin.id, { intent: "disable", confirm: "yes" }, secondCookie), {
        userId: cast.admin.id,
      }),
    ]);
    // one goes through; the other is refused (400), or finds its author already signed out (302 to sign in)
    expect(results.filter((result) => result.headers.get("Location")?.includes("done=disabled"))).toHaveLength(1);
    expect(results.every((result) => result.status < 500)).toBe(true);
    expect(
      await db.user.count({ where: { organisationId: cast.organisation.id, kind: "admin", disabledAt: null } }),
    ).toBe(1);
    expect(await events("user_disabled")).toHaveLength(1);
  });

  it("writes nothing when enabling someone who is active", async () => {
    const result = await callRoute(action, send(cast.member.id, { intent: "enable" }, cookies.admin), {
      userId: cast.member.id,
    });
    expect(result.status).toBe(302);
    expect(await events("user_enabled")).toHaveLength(0);
  });
});

describe("POST /settings/people/$userId, refusals", () => {
  it("answers 400 to an unknown intent", async () => {
    const result = await callRoute<ActionData>(action, send(cast.member.id, { intent: "delete" }, cookies.admin), {
      userId: cast.member.id,
    });
    expect(result.status).toBe(400);
    expect(result.data.intent).toBeNull();
    expect(result.data.lastResult.error).toEqual({ intent: ["admin.errors.intent"] });
  });

  it("answers 404 for another organisation's person, and changes nothing there", async () => {
    const forms: Array<Record<string, string>> = [
      { intent: "disable", confirm: "yes" },
      { intent: "change_kind", kind: "member", version: "1" },
    ];
    for (const form of forms) {
      const result = await callRoute(action, send(cast.otherAdmin.id, form, cookies.admin), {
        userId: cast.otherAdmin.id,
      });
      expect(result.status).toBe(404);
    }
    const other = await row(cast.otherAdmin.id);
    expect(other).toMatchObject({ kind: "admin", disabledAt: null });
    expect(await getSignedIn(get("/", { Cookie: cookies.otherAdmin }))).not.toBeNull();
  });

  it("refuses every kind but admin with 403", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      const result = await callRoute(action, send(cast.hr.id, { intent: "disable", confirm: "yes" }, cookies[who]), {
        userId: cast.hr.id,
      });
      expect(result.status, who).toBe(403);
    }
    expect((await row(cast.hr.id)).disabledAt).toBeNull();
  });

  it("answers 400 to a body that is not a form", async () => {
    const request = new Request(`http://localhost/settings/people/${cast.member.id}`, {
      method: "POST",
      body: JSON.stringify({ intent: "disable", confirm: "yes" }),
      headers: { "Content-Type": "application/json", Cookie: cookies.admin },
    });
    expect((await callRoute(action, request, { userId: cast.member.id })).status).toBe(400);
  });
});
