/**
 * Notifications and email (issue 16): which kinds exist, which a person may
 * turn off, when a reminder is due and under which key it lands once, how
 * long the mail worker waits before trying again. Pure: the queue, the
 * scheduler and the templates call these.
 */
import { dayStart, isOpen, type TrainingStatus } from "./training-progress";

const DAY = 86_400_000;

export const NOTIFICATION_KINDS = [
  "invitation",
  "password_reset",
  "training_assigned",
  "training_due_soon",
  "training_overdue",
  "reassessment_requested",
  "proposal_to_decide",
  "weekly_digest",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds a person chooses to get by email (and unsubscribes from); invitations and password resets always go. */
export const OPTIONAL_EMAIL_KINDS = [
  "training_assigned",
  "training_due_soon",
  "training_overdue",
  "reassessment_requested",
  "proposal_to_decide",
  "weekly_digest",
] as const satisfies readonly NotificationKind[];
export type OptionalEmailKind = (typeof OPTIONAL_EMAIL_KINDS)[number];

export function isOptionalEmailKind(value: unknown): value is OptionalEmailKind {
  return typeof value === "string" && (OPTIONAL_EMAIL_KINDS as readonly string[]).includes(value);
}

/** The kinds turned off, from their stored JSON; anything unknown is dropped. */
export function parseOptOut(json: string | null | undefined): OptionalEmailKind[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? [...new Set(value.filter(isOptionalEmailKind))] : [];
  } catch {
    return [];
  }
}

/** Whether an email of this kind goes to a person who turned off `optOut`. */
export function wantsEmail(kind: NotificationKind, optOut: readonly string[]): boolean {
  return !isOptionalEmailKind(kind) || !optOut.includes(kind);
}

/* ------------------------------------------------------------------ */
/* Reminders                                                            */
/* ------------------------------------------------------------------ */

/** "Due in 7 days": an open item due within this many days from today gets one reminder. */
export const REMINDER_DAYS = 7;

function day(date: Date): string {
  return new Date(dayStart(date)).toISOString().slice(0, 10);
}

/**
 * The reminder an open item calls for today, if any, with the key it lands
 * under: one "due soon" per item and due day (sent when the due day is
 * within REMINDER_DAYS), one "overdue" per item and due day. Run as often as
 * you like: the same key never lands twice (a moved due date is a new one).
 */
export function reminderFor(
  item: { id: string; status: TrainingStatus; dueDate: Date | null },
  today: Date,
): { kind: "training_due_soon" | "training_overdue"; dedupeKey: string; dueDay: string; days: number } | null {
  if (!isOpen(item.status) || item.dueDate === null) return null;
  const days = Math.round((dayStart(item.dueDate) - dayStart(today)) / DAY);
  const dueDay = day(item.dueDate);
  if (days < 0) return { kind: "training_overdue", dedupeKey: `training_overdue:${item.id}:${dueDay}`, dueDay, days };
  if (days <= REMINDER_DAYS)
    return { kind: "training_due_soon", dedupeKey: `training_due_soon:${item.id}:${dueDay}`, dueDay, days };
  return null;
}

/** The ISO week of a day ("2026-W50"): the weekly digest lands once per person and week. */
export function isoWeek(date: Date): string {
  const d = new Date(dayStart(date));
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/* ------------------------------------------------------------------ */
/* The mail worker                                                      */
/* ------------------------------------------------------------------ */

/** Tries before a message is given up (status "failed"). */
export const MAX_ATTEMPTS = 6;

/** How long to wait after the n-th failed try (1-based): 30 s, 1, 2, 4, 8 min…, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** What the worker does with a message after a try. */
export function afterAttempt(
  attempts: number,
  ok: boolean,
  now: Date,
): { status: "sent" | "queued" | "failed"; nextAttemptAt: Date } {
  if (ok) return { status: "sent", nextAttemptAt: now };
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", nextAttemptAt: now };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
