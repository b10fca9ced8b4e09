/**
 * The inbox, email preferences, the calendar feed and the outbox through
 * their loaders and actions (issue 16).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "../../app/root";
import { action as inboxAction, loader as inboxLoader } from "../../app/routes/inbox";
import { action as prefsAction, loader as prefsLoader } from "../../app/routes/settings.notifications";
import { loader as outboxLoader } from "../../app/routes/settings.outbox";
import { loader as calendarLoader } from "../../app/routes/calendar.$token";
import { notify } from "../../app/models/notify.server";
import { requestPasswordReset } from "../../app/models/password-reset.server";
import { runReminders } from "../../app/models/reminders.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

let cast: Awaited<ReturnType<typeof createCast>>;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who], "Accept-Language": "en" });
const DAY = 86_400_000;
const dayFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY);
let memberId: string;

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "hr", "member", "otherAdmin"] as const) cookie[name] = await cookieFor(cast[name].id);
  memberId = (
    await db.member.create({
      data: { organisationId: cast.organisation.id, name: "Me Member", userId: cast.member.id },
    })
  ).id;
});

describe("the inbox", () => {
  it("counts unread entries in the header, lists them, and opening one marks it read and goes to its page", async () => {
    const item = await db.trainingItem.create({
      data: {
        organisationId: cast.organisation.id,
        memberId,
        skillId: "ad_buying",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        dueDate: dayFromToday(2),
      },
    });
    await runReminders();
    const root = await callRoute<{ viewer: { unread: number } }>(rootLoader, get("/", as("member")));
    expect(root.data.viewer.unread).toBe(1);
    const page = await callRoute<{ notifications: { id: string; kind: string; href: string; read: boolean }[] }>(
      inboxLoader,
      get("/inbox", as("member")),
    );
    expect(page.data.notifications).toMatchObject([
      { kind: "training_due_soon", href: `/training/items/${item.id}`, read: false },
    ]);
    // nobody else reads it
    const theirs = await callRoute<{ notifications: unknown[] }>(inboxLoader, get("/inbox", as("hr")));
    expect(theirs.data.notifications).toEqual([]);
    const someoneElse = await callRoute(
      inboxAction,
      post("/inbox", { intent: "read", id: page.data.notifications[0].id }, as("hr")),
    );
    expect(someoneElse.status).toBe(404);
    const opened = await callRoute(
      inboxAction,
      post("/inbox", { intent: "read", id: page.data.notifications[0].id }, as("member")),
    );
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/training/items/${item.id}`);
    expect(
      (await callRoute<{ viewer: { unread: number } }>(rootLoader, get("/", as("member")))).data.viewer.unread,
    ).toBe(0);
  });

  it("marks everything read at once, and a validation request marks nothing", async () => {
    await notify({
      organisationId: cast.organisation.id,
      userId: cast.member.id,
      kind: "weekly_digest",
      params: { overdue: 1, dueSoon: 0, awaiting: 0, uncovered: 0 },
      href: "/training",
      dedupeKey: "test:digest",
    });
    const validate = await callRoute(
      inboxAction,
      post(
        "/inbox",
        { intent: "read_all", __intent__: JSON.stringify({ type: "validate", payload: { name: "intent" } }) },
        as("member"),
      ),
    );
    expect(validate.status).toBe(400); // what every form answers to a validation request: its result, nothing written
    expect(await db.notification.count({ where: { userId: cast.member.id, readAt: null } })).toBe(1);
    const all = await callRoute(inboxAction, post("/inbox", { intent: "read_all" }, as("member")));
    expect(all.status).toBe(302);
    expect(await db.notification.count({ where: { userId: cast.member.id, readAt: null } })).toBe(0);
  });
});

describe("email preferences", () => {
  it("saves the language and the kinds, refuses an unknown kind with a message, and a turned-off kind queues no email", async () => {
    const bad = await callRoute<{ lastResult: { error: Record<string, string[]> } }>(
      prefsAction,
      post("/settings/notifications", { intent: "email", lang: "fr", kinds: "nope" }, as("hr")),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.lastResult.error)).toEqual(expect.arrayContaining(["lang"]));
    const saved = await callRoute(
      prefsAction,
      post("/settings/notifications", { intent: "email", lang: "en", kinds: "training_assigned" }, as("hr")),
    );
    expect(saved.status).toBe(200);
    const page = await callRoute<{ lang: string; enabled: string[] }>(
      prefsLoader,
      get("/settings/notifications", as("hr")),
    );
    expect(page.data).toMatchObject({ lang: "en", enabled: ["training_assigned"] });
    const before = await db.mailMessage.count({ where: { userId: cast.hr.id } });
    await notify({
      organisationId: cast.organisation.id,
      userId: cast.hr.id,
      kind: "weekly_digest",
      params: { overdue: 0, dueSoon: 0, awaiting: 0, uncovered: 0 },
      href: "/training",
      dedupeKey: "test:hr-digest",
    });
    expect(await db.mailMessage.count({ where: { userId: cast.hr.id } })).toBe(before);
    expect(await db.notification.count({ where: { userId: cast.hr.id, dedupeKey: "test:hr-digest" } })).toBe(1);
  });
});

describe("the calendar feed", () => {
  it("serves the person's open due dates at a secret address, and the address stops working when replaced or turned off", async () => {
    await db.trainingItem.create({
      data: {
        organisationId: cast.organisation.id,
        memberId,
        skillId: "platform_rules",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        dueDate: new Date("2027-01-15T00:00:00Z"),
      },
    });
    const created = await callRoute<{ feedUrl: string }>(
      prefsAction,
      post("/settings/notifications", { intent: "calendar_create" }, as("member")),
    );
    const token = created.data.feedUrl.split("/calendar/")[1];
    const feed = await callRoute<string>(calendarLoader, get(`/calendar/${token}`), { token });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toContain("text/calendar");
    expect(feed.data).toContain("BEGIN:VCALENDAR");
    expect(feed.data).toContain("DTSTART;VALUE=DATE:20270115");
    const replaced = await callRoute<{ feedUrl: string }>(
      prefsAction,
      post("/settings/notifications", { intent: "calendar_create" }, as("member")),
    );
    expect((await callRoute(calendarLoader, get(`/calendar/${token}`), { token })).status).toBe(404);
    const second = replaced.data.feedUrl.split("/calendar/")[1];
    expect((await callRoute(calendarLoader, get(`/calendar/${second}`), { token: second })).status).toBe(200);
    await callRoute(prefsAction, post("/settings/notifications", { intent: "calendar_revoke" }, as("member")));
    expect((await callRoute(calendarLoader, get(`/calendar/${second}`), { token: second })).status).toBe(404);
  });
});

describe("the outbox", () => {
  it("shows admins their organisation's emails, without anyone's password-reset link, and nobody else", async () => {
    await requestPasswordReset({ email: cast.member.email });
    const page = await callRoute<{ messages: { kind: string; text: string; toEmail: string }[] }>(
      outboxLoader,
      get("/settings/outbox", as("admin")),
    );
    expect(page.status).toBe(200);
    const reset = page.data.messages.find((message) => message.kind === "password_reset");
    expect(reset?.toEmail).toBe(cast.member.email);
    expect(reset?.text).not.toMatch(/\/reset-password\/[A-Za-z0-9_-]{10}/);
    expect((await callRoute(outboxLoader, get("/settings/outbox", as("hr")))).status).toBe(403);
    const other = await callRoute<{ messages: { toEmail: string }[] }>(
      outboxLoader,
      get("/settings/outbox", as("otherAdmin")),
    );
    expect(other.data.messages.some((message) => message.toEmail === cast.member.email)).toBe(false);
  });
});
