import { beforeAll, describe, expect, it } from "vitest";
import { findInviteByToken } from "../../app/models/invite.server";
import { action, loader } from "../../app/routes/settings.people";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createUser } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface LoaderData {
  viewerId: string;
  canManage: boolean;
  users: Array<{ id: string; email: string; kind: string; departments: string[]; disabledAt: Date | null }>;
  invites: Array<Record<string, unknown> & { id: string; email: string; status: string }>;
  done: string | null;
}
interface ActionData {
  lastResult: { status?: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown> | null };
  created: { email: string; url: string; expiresAt: Date } | null;
}

let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

const invite = (form: Record<string, string>, cookie: string) => post("/settings/people", form, { Cookie: cookie });

describe("GET /settings/people", () => {
  it("lists the admin's organisation's people with kinds, departments and status, and nobody else's", async () => {
    const disabled = await createUser({ organisationId: cast.organisation.id, kind: "member", disabled: true });
    const result = await callRoute<LoaderData>(loader, get("/settings/people", { Cookie: cookies.admin }));
    expect(result.status).toBe(200);
    expect(result.data.canManage).toBe(true);
    expect(result.data.viewerId).toBe(cast.admin.id);
    const ids = result.data.users.map((user) => user.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        cast.admin.id,
        cast.manager.id,
        cast.hr.id,
        cast.leadOps.id,
        cast.member.id,
        disabled.id,
      ]),
    );
    expect(ids).not.toContain(cast.otherAdmin.id);
    expect(result.data.users.find((user) => user.id === cast.leadOps.id)).toMatchObject({
      kind: "lead",
      departments: ["operations_manager"],
    });
    expect(result.data.users.find((user) => user.id === disabled.id)?.disabledAt).toBeInstanceOf(Date);
    // the active people come first
    expect(ids.indexOf(disabled.id)).toBe(ids.length - 1);
  });

  it("refuses every other kind with 403", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect((await callRoute(loader, get("/settings/people", { Cookie: cookies[who] }))).status, who).toBe(403);
    }
  });

  it("shows a status message only for the messages it knows", async () => {
    const known = await callRoute<LoaderData>(
      loader,
      get("/settings/people?done=invite_revoked", { Cookie: cookies.admin }),
    );
    expect(known.data.done).toBe("invite_revoked");
    const unknown = await callRoute<LoaderData>(
      loader,
      get("/settings/people?done=<script>", { Cookie: cookies.admin }),
    );
    expect(unknown.data.done).toBeNull();
  });
});

describe("POST /settings/people (invite)", () => {
  it("creates an invitation and shows its working link once; only the hash is stored", async () => {
    const eventsBefore = await db.securityEvent.count({
      where: { organisationId: cast.organisation.id, type: "invite_created" },
    });
    const result = await callRoute<ActionData>(
      action,
      invite({ email: " New.Person@Example.COM ", kind: "member" }, cookies.admin),
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    expect(result.data.created?.email).toBe("new.person@example.com");
    const url = new URL(result.data.created!.url);
    expect(url.origin).toBe("http://localhost");
    const token = url.pathname.replace("/invite/", "");
    const stored = await findInviteByToken(token);
    expect(stored).toMatchObject({
      organisationId: cast.organisation.id,
      email: "new.person@example.com",
      kind: "member",
      status: "pending",
    });
    expect(await db.invite.count({ where: { tokenHash: token } })).toBe(0);
    expect(
      await db.securityEvent.count({ where: { organisationId: cast.organisation.id, type: "invite_created" } }),
    ).toBe(eventsBefore + 1);

    // the list shows it without its hash, and the link is not shown again
    const page = await callRoute<LoaderData>(loader, get("/settings/people", { Cookie: cookies.admin }));
    const listed = page.data.invites.find((item) => item.email === "new.person@example.com")!;
    expect(listed.status).toBe("pending");
    expect(Object.keys(listed)).not.toContain("tokenHash");
    expect(JSON.stringify(page.data)).not.toContain(token);
  });

  it("invites a team lead with their departments", async () => {
    const body = new URLSearchParams([
      ["email", "lead@example.com"],
      ["kind", "lead"],
      ["departments", "marketing"],
      ["departments", "data_analysis"],
    ]);
    const request = new Request("http://localhost/settings/people", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.admin },
    });
    const result = await callRoute<ActionData>(action, request);
    expect(result.status).toBe(200);
    const stored = await db.invite.findFirstOrThrow({ where: { email: "lead@example.com" } });
    expect(JSON.parse(stored.departments)).toEqual(["marketing", "data_analysis"]);
  });

  it("requires departments for a lead and forbids them for everyone else, keeping what was typed", async () => {
    const lead = await callRoute<ActionData>(action, invite({ email: "l2@example.com", kind: "lead" }, cookies.admin));
    expect(lead.status).toBe(400);
    expect(lead.data.lastResult.error).toEqual({ departments: ["admin.errors.departmentsRequired"] });
    expect(lead.data.lastResult.initialValue).toMatchObject({ email: "l2@example.com", kind: "lead" });

    const member = await callRoute<ActionData>(
      action,
      invite({ email: "m2@example.com", kind: "member", departments: "marketing" }, cookies.admin),
    );
    expect(member.status).toBe(400);
    expect(member.data.lastResult.error).toEqual({ departments: ["admin.errors.departmentsForbidden"] });
    expect(await db.invite.count({ where: { email: { in: ["l2@example.com", "m2@example.com"] } } })).toBe(0);
  });

  it("answers 400 per field for a bad email, an unknown kind and an unknown department", async () => {
    const result = await callRoute<ActionData>(
      action,
      invite({ email: "not-an-email", kind: "owner", departments: "ceo" }, cookies.admin),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      email: ["auth.validation.email.invalid"],
      kind: ["admin.errors.kind"],
      departments: ["admin.errors.department"],
    });
    expect(result.data.created).toBeNull();
  });

  it("refuses an email that already has an account in this organisation", async () => {
    const result = await callRoute<ActionData>(
      action,
      invite({ email: cast.member.email.toUpperCase(), kind: "member" }, cookies.admin),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ email: ["admin.errors.emailTaken"] });
  });

  it("answers an email with an account in another organisation exactly like a free one: nothing is revealed", async () => {
    const elsewhere = await callRoute<ActionData>(
      action,
      invite({ email: cast.otherAdmin.email, kind: "member" }, cookies.admin),
    );
    const free = await callRoute<ActionData>(
      action,
      invite({ email: `free-${Date.now()}@example.com`, kind: "member" }, cookies.admin),
    );
    expect(elsewhere.status).toBe(free.status);
    expect(elsewhere.data.lastResult.error).toEqual(free.data.lastResult.error);
    expect(elsewhere.data.created?.email).toBe(cast.otherAdmin.email);
  });

  it("refuses every kind but admin with 403 and creates nothing", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      const result = await callRoute(
        action,
        invite({ email: `${who}-invitee@example.com`, kind: "admin" }, cookies[who]),
      );
      expect(result.status, who).toBe(403);
    }
    expect(await db.invite.count({ where: { email: { endsWith: "-invitee@example.com" } } })).toBe(0);
  });

  it("puts another organisation's admin's invitation in their own organisation", async () => {
    await callRoute(action, invite({ email: "theirs@example.com", kind: "member" }, cookies.otherAdmin));
    const stored = await db.invite.findFirstOrThrow({ where: { email: "theirs@example.com" } });
    expect(stored.organisationId).toBe(cast.other.id);
    const ours = await callRoute<LoaderData>(loader, get("/settings/people", { Cookie: cookies.admin }));
    expect(ours.data.invites.map((item) => item.email)).not.toContain("theirs@example.com");
  });

  it("answers conform's live validation without acting on it, and reads any other intent as validation", async () => {
    const intents = [
      JSON.stringify({ type: "validate", payload: { name: "email" } }),
      JSON.stringify({ type: "update", payload: { name: "departments[999999999]", value: "marketing" } }),
      JSON.stringify({ type: "reset", payload: {} }),
      "not json",
    ];
    for (const intent of intents) {
      const result = await callRoute<ActionData>(
        action,
        invite({ email: "intent@example.com", kind: "member", __intent__: intent }, cookies.admin),
      );
      expect(result.status, intent).toBe(400);
      expect(result.data.created, intent).toBeNull();
      // an update at index 999999999 must not grow the reply (a list of a billion departments)
      expect(JSON.stringify(result.data).length, intent).toBeLessThan(2_000);
    }
    expect(await db.invite.count({ where: { email: "intent@example.com" } })).toBe(0);
  });
});
