/**
 * Email through a real SMTP server started here (smtp-server): the app's
 * queue and worker send with nodemailer over SMTP_URL, and what arrives is
 * read back (issue 16). Links come from APP_URL.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { action as peopleAction } from "../../app/routes/settings.people";
import { action as inviteAction } from "../../app/routes/invite.$token";
import { action as confirmAction } from "../../app/routes/invite_.confirm.$secret";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "../../app/routes/unsubscribe";
import { action as itemAction } from "../../app/routes/training.items.$itemId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, post, get } from "../utils/route";

interface Received {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** the raw header lines, by lowercase name */
  headers: Record<string, string>;
}
let server: SMTPServer;
let inbox: Received[] = [];
let cast: Awaited<ReturnType<typeof createCast>>;
const APP = "https://planner.example.test";
const DAY = 86_400_000;
const dayFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: Object.fromEntries(
              mail.headerLines.map(({ key, line }) => [
                key,
                line
                  .slice(line.indexOf(":") + 1)
                  .replace(/\s*\r?\n\s*/g, "")
                  .trim(),
              ]),
            ),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
  vi.stubEnv("MAIL_FROM", "Planner <planner@example.test>");
  vi.stubEnv("APP_URL", APP);
  cast = await createCast();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  inbox = [];
});

/** What a restart gives: the app's modules loaded afresh, over the same database. */
async function freshProcess() {
  vi.resetModules();
  const queue = await import("../../app/models/mail-queue.server");
  const reminders = await import("../../app/models/reminders.server");
  return { queue, reminders };
}

async function drain() {
  const { queue } = await freshProcess();
  let total = 0;
  for (;;) {
    const { sent, failed } = await queue.processMailQueue();
    expect(failed).toBe(0);
    total += sent;
    if (sent === 0) return total;
  }
}

const linkIn = (text: string, path: RegExp) => {
  const match = text.match(new RegExp(`${APP.replace(/[.]/g, "\\.")}(${path.source})`));
  expect(match, text).not.toBeNull();
  return match![1];
};

describe("email over SMTP", () => {
  it("sends the invitation the admin typed, and its link, then the acceptance email's, signs the person up", async () => {
    const cookie = await cookieFor(cast.admin.id);
    const created = await callRoute<{ created: { url: string } }>(
      peopleAction,
      post(
        "/settings/people",
        { email: "new.person@example.test", kind: "member" },
        { Cookie: cookie, "Accept-Language": "en" },
      ),
    );
    expect(created.status).toBe(200);
    expect(created.data.created.url).toContain("/invite/"); // the copyable link stays
    expect(await drain()).toBe(1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toEqual(["new.person@example.test"]);
    expect(inbox[0].subject).toContain(cast.organisation.name);
    // an invitation cannot be turned off: no unsubscribe header
    expect(inbox[0].headers["list-unsubscribe"]).toBeUndefined();
    const path = linkIn(inbox[0].text, /\/invite\/[A-Za-z0-9_-]+/);
    const token = path.split("/").pop()!;
    const handler = (args: Parameters<typeof inviteAction>[0]) =>
      inviteAction({ ...args, context: { clientAddress: "198.51.100.77" } });
    const accepted = await callRoute(
      handler,
      post(path, { name: "New Person", password: "a brand new password", confirmPassword: "a brand new password" }),
      { token },
    );
    // accepting answers "check your email"; that email's link creates the account (issue 14)
    expect(accepted.status).toBe(200);
    expect(await drain()).toBe(1);
    expect(inbox).toHaveLength(2);
    expect(inbox[1].to).toEqual(["new.person@example.test"]);
    const confirmPath = linkIn(inbox[1].text, /\/invite\/confirm\/[A-Za-z0-9_-]+/);
    const secret = confirmPath.split("/").pop()!;
    const confirmHandler = (args: Parameters<typeof confirmAction>[0]) =>
      confirmAction({ ...args, context: { clientAddress: "198.51.100.77" } });
    const confirmed = await callRoute(confirmHandler, post(confirmPath, {}), { secret });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/home");
    expect(
      await db.user.findUnique({ where: { email: "new.person@example.test" }, select: { organisationId: true } }),
    ).toEqual({ organisationId: cast.organisation.id });
  });

  it("sends a due-soon reminder once, not again after a restart, and its unsubscribe link stops that kind", async () => {
    const organisationId = cast.organisation.id;
    const member = await db.member.create({
      data: {
        organisationId,
        name: "Member Self",
        department: "operations_manager",
        userId: cast.member.id,
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    });
    const item = await db.trainingItem.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: "ad_buying",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        dueDate: dayFromToday(5),
      },
    });

    const first = await freshProcess();
    expect(await first.reminders.runReminders()).toBe(1);
    expect(await drain()).toBe(1);
    // the server restarts (twice) and the scheduler runs again the same day
    for (let restart = 0; restart < 2; restart += 1) {
      const again = await freshProcess();
      expect(await again.reminders.runReminders()).toBe(0);
      expect(await drain()).toBe(0);
    }
    expect(inbox).toHaveLength(1);
    const reminder = inbox[0];
    expect(reminder.to).toEqual([cast.member.email]);
    expect(reminder.text).toContain(`${APP}/training/items/${item.id}`);

    // unsubscribe from "due soon"
    const unsubscribe = linkIn(reminder.text, /\/unsubscribe\?[^\s]+/);
    // the mail client's own unsubscribe (RFC 2369, one-click by RFC 8058) points at the same signed link
    expect(reminder.headers["list-unsubscribe"]).toBe(`<${APP}${unsubscribe}>`);
    expect(reminder.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const page = await callRoute<{ valid: boolean }>(unsubscribeLoader, get(unsubscribe));
    expect(page.data.valid).toBe(true);
    // what a mail client's one-click sends (RFC 8058)
    const done = await callRoute<{ done?: boolean }>(
      unsubscribeAction,
      post(unsubscribe, { "List-Unsubscribe": "One-Click" }, { "Accept-Language": "en" }),
    );
    expect(done.data.done).toBe(true);
    // a forged link does nothing
    const forged = await callRoute(
      unsubscribeAction,
      post(unsubscribe.replace("training_due_soon", "training_overdue"), {}),
    );
    expect(forged.status).toBe(400);

    inbox = [];
    await db.trainingItem.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: "platform_rules",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        dueDate: dayFromToday(3),
      },
    });
    const later = await freshProcess();
    expect(await later.reminders.runReminders()).toBe(1); // the inbox still gets it
    expect(await drain()).toBe(0); // the email does not
    // other kinds still arrive: an overdue item
    await db.trainingItem.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: "data_analysis",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        dueDate: dayFromToday(-2),
      },
    });
    expect(await (await freshProcess()).reminders.runReminders()).toBe(1);
    expect(await drain()).toBe(1);
    expect(inbox.map((mail) => mail.subject)).toEqual([expect.stringMatching(/overdue|逾期/)]);
  });

  it("never names a colleague or their levels in a member's email; the lead's re-assessment email names only the member who asked", async () => {
    const organisationId = cast.organisation.id;
    const colleague = await db.member.create({
      data: {
        organisationId,
        name: "Colleague Zhao",
        department: "operations_manager",
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    });
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: colleague.id,
        skillId: "ad_buying",
        level: 1,
        assessedOn: new Date(),
        assessorName: "Lead",
        note: "Zhao struggles with bids",
      },
    });
    const own = await db.member.findFirstOrThrow({ where: { userId: cast.member.id } });
    const item = await db.trainingItem.create({
      data: {
        organisationId,
        memberId: own.id,
        skillId: "erp_crm_tools",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        status: "in_progress",
      },
    });
    // the member finishes their item through the page: the lead is asked to re-assess
    const memberCookie = await cookieFor(cast.member.id);
    const finished = await callRoute(
      itemAction,
      post(
        `/training/items/${item.id}`,
        { version: "1", status: "completed", progressPercent: "100", evidence: "certificate" },
        { Cookie: memberCookie },
      ),
      { itemId: item.id },
    );
    expect(finished.status).toBe(302);
    await drain();
    const toMember = inbox.filter((mail) => mail.to.includes(cast.member.email));
    const toLead = inbox.filter((mail) => mail.to.includes(cast.leadOps.email));
    expect(toLead).toHaveLength(1);
    expect(toLead[0].text).toContain("Member Self");
    expect(toLead[0].text).not.toContain("Colleague Zhao");
    for (const mail of [...toMember, ...toLead]) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(/Colleague Zhao|struggles|level \d|\d级/i);
    }
    // and nothing went to the other department's lead
    expect(inbox.some((mail) => mail.to.includes(cast.leadSupply.email))).toBe(false);
  });
});
