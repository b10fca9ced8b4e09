import { createEvents, type EventAttributes } from "ics";
import { isOpen, isTrainingStatus } from "~/domain/training-progress";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/mail-content.server";
import { randomToken, sha256 } from "~/utils/secrets.server";
import { emailSettingsOf } from "./notify.server";
import { playbookForOrganisation } from "./playbook.server";

/**
 * A person's private iCalendar feed of their training due dates (issue 16):
 * the URL holds a random secret (only its hash is stored); making a new one
 * or turning the feed off revokes the old address at once.
 */

export async function hasCalendarFeed(userId: string): Promise<boolean> {
  const settings = await db.notificationSettings.findUnique({ where: { userId }, select: { calendarTokenHash: true } });
  return Boolean(settings?.calendarTokenHash);
}

/** A new feed address (the old one stops working); shown once. */
export async function createCalendarFeed(userId: string): Promise<string> {
  const token = randomToken();
  const calendarTokenHash = sha256(token);
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, calendarTokenHash },
    update: { calendarTokenHash },
  });
  return `${appUrl()}/calendar/${token}`;
}

export async function revokeCalendarFeed(userId: string): Promise<void> {
  await db.notificationSettings.updateMany({ where: { userId }, data: { calendarTokenHash: null } });
}

const asDay = (date: Date): [number, number, number] => [
  date.getUTCFullYear(),
  date.getUTCMonth() + 1,
  date.getUTCDate(),
];

/** The feed's text, or null for an unknown or revoked secret (or a disabled account). */
export async function calendarFeed(token: string): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const settings = await db.notificationSettings.findUnique({
    where: { calendarTokenHash: sha256(token) },
    select: {
      user: { select: { id: true, disabledAt: true, organisationId: true, member: { select: { id: true } } } },
    },
  });
  const user = settings?.user;
  if (!user || user.disabledAt) return null;
  const [items, { lang }, playbook] = await Promise.all([
    user.member
      ? db.trainingItem.findMany({
          where: { organisationId: user.organisationId, memberId: user.member.id, dueDate: { not: null } },
          select: { id: true, skillId: true, status: true, dueDate: true },
          orderBy: { dueDate: "asc" },
        })
      : Promise.resolve([]),
    emailSettingsOf(user.id),
    playbookForOrganisation(user.organisationId),
  ]);
  const label = new Map(playbook.skills.map((skill) => [skill.id, skill.label[lang] || skill.label.zh]));
  const events: EventAttributes[] = items
    .filter((item) => isTrainingStatus(item.status) && isOpen(item.status))
    .map((item) => {
      const due = item.dueDate!;
      const next = new Date(due.getTime() + 86_400_000);
      const skill = label.get(item.skillId) ?? item.skillId;
      return {
        uid: `training-${item.id}@crossborder-team-planner`,
        start: asDay(due),
        end: asDay(next),
        title: lang === "zh" ? `培训到期：${skill}` : `Training due: ${skill}`,
        url: `${appUrl()}/training/items/${item.id}`,
        productId: "crossborder-team-planner",
        calName: lang === "zh" ? "培训到期日" : "Training due dates",
      };
    });
  if (events.length === 0) {
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:crossborder-team-planner",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${lang === "zh" ? "培训到期日" : "Training due dates"}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar");
  return value;
}
