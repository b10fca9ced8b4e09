import { isOptionalEmailKind, parseOptOut, wantsEmail, type NotificationKind } from "~/domain/notifications";
import type { Language } from "~/domain/types";
import { isUniqueViolation } from "~/utils/db-errors";
import { db } from "~/utils/db.server";
import { renderMail, unsubscribeUrl } from "~/utils/mail-content.server";

/**
 * Notifications (issue 16): an inbox entry per person and event, and the
 * same event queued as an email when the person wants it. Both land once per
 * `dedupeKey` (a unique index), so an event raised twice, by two processes
 * or after a restart, is one entry and one email. Writing here never sends:
 * the mail worker does (./mail-queue.server.ts).
 */

/** Queues one email; false when a message with this key was queued before. */
export async function enqueueMail(mail: {
  organisationId: string | null;
  userId: string | null;
  toEmail: string;
  kind: NotificationKind;
  subject: string;
  text: string;
  html: string;
  dedupeKey?: string | null;
}): Promise<boolean> {
  try {
    await db.mailMessage.create({ data: { ...mail, dedupeKey: mail.dedupeKey ?? null } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A person's email language and the kinds they turned off. */
export async function emailSettingsOf(userId: string): Promise<{ lang: Language; optOut: string[] }> {
  const settings = await db.notificationSettings.findUnique({
    where: { userId },
    select: { emailLanguage: true, emailOptOut: true },
  });
  return { lang: settings?.emailLanguage === "en" ? "en" : "zh", optOut: parseOptOut(settings?.emailOptOut) };
}

export interface NotifyEvent {
  organisationId: string;
  userId: string;
  kind: NotificationKind;
  /** the values the message names (never a level); labels per language are chosen by `labels` */
  params: Record<string, string | number>;
  /** values that depend on the recipient's language (a skill's label, say) */
  localized?: Record<string, { zh: string; en: string }>;
  href: string;
  dedupeKey: string;
}

/**
 * An inbox entry for the person and, unless they turned the kind off or the
 * account is disabled, an email. Returns whether the entry is new.
 */
export async function notify(event: NotifyEvent): Promise<boolean> {
  const user = await db.user.findFirst({
    where: { id: event.userId, organisationId: event.organisationId },
    select: { email: true, disabledAt: true, organisation: { select: { name: true } } },
  });
  if (!user) return false;
  try {
    await db.notification.create({
      data: {
        organisationId: event.organisationId,
        userId: event.userId,
        kind: event.kind,
        params: JSON.stringify({ ...event.params, ...(event.localized ? { localized: event.localized } : {}) }),
        href: event.href,
        dedupeKey: event.dedupeKey,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  if (user.disabledAt) return true;
  const settings = await emailSettingsOf(event.userId);
  if (!wantsEmail(event.kind, settings.optOut)) return true;
  const params = {
    ...event.params,
    ...Object.fromEntries(
      Object.entries(event.localized ?? {}).map(([key, value]) => [key, value[settings.lang] || value.zh]),
    ),
  };
  const mail = renderMail({
    kind: event.kind,
    lang: settings.lang,
    params,
    href: event.href,
    organisationName: user.organisation.name,
    unsubscribe: isOptionalEmailKind(event.kind) ? unsubscribeUrl(event.userId, event.kind) : null,
  });
  await enqueueMail({
    organisationId: event.organisationId,
    userId: event.userId,
    toEmail: user.email,
    kind: event.kind,
    ...mail,
    dedupeKey: `${event.userId}:${event.dedupeKey}`,
  });
  return true;
}

/**
 * Runs `work` (queuing messages: database writes, never a send) without
 * letting it fail the user's request: what a route calls after its own write
 * succeeded. A failure is logged, and the request goes on.
 */
export async function safely(label: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`[notify] ${label} failed:`, error);
  }
}

/* ------------------------------------------------------------------ */
/* The inbox                                                            */
/* ------------------------------------------------------------------ */

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications({ userId, take = 50 }: { userId: string; take?: number }) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((row) => {
    let params: Record<string, unknown> = {};
    try {
      params = JSON.parse(row.params) as Record<string, unknown>;
    } catch {
      params = {};
    }
    return { id: row.id, kind: row.kind, params, href: row.href, createdAt: row.createdAt, read: row.readAt !== null };
  });
}

export async function markRead({ userId, id }: { userId: string; id?: string }) {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}

/* ------------------------------------------------------------------ */
/* Preferences                                                          */
/* ------------------------------------------------------------------ */

export async function saveEmailSettings({
  userId,
  lang,
  optOut,
}: {
  userId: string;
  lang: Language;
  optOut: string[];
}) {
  const json = JSON.stringify(parseOptOut(JSON.stringify(optOut)));
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, emailLanguage: lang, emailOptOut: json },
    update: { emailLanguage: lang, emailOptOut: json },
  });
}

/** Turns one kind off (the unsubscribe link); true when the person exists. */
export async function optOutOf({ userId, kind }: { userId: string; kind: string }): Promise<boolean> {
  if (!isOptionalEmailKind(kind)) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  await db.$transaction(async (tx) => {
    const current = await tx.notificationSettings.findUnique({ where: { userId }, select: { emailOptOut: true } });
    const next = JSON.stringify([...new Set([...parseOptOut(current?.emailOptOut), kind])]);
    await tx.notificationSettings.upsert({
      where: { userId },
      create: { userId, emailOptOut: next },
      update: { emailOptOut: next },
    });
  });
  return true;
}

/** The organisation's queued and sent emails, newest first (the outbox admins read). */
export async function listOutbox({ organisationId, take = 100 }: { organisationId: string; take?: number }) {
  const rows = await db.mailMessage.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      toEmail: true,
      kind: true,
      subject: true,
      text: true,
      status: true,
      transport: true,
      createdAt: true,
      sentAt: true,
      attempts: true,
    },
  });
  // a password-reset link is for its owner alone: the admin sees that it went, not the link
  return rows.map((row) =>
    row.kind === "password_reset"
      ? { ...row, text: row.text.replace(/\/reset-password\/[A-Za-z0-9_-]+/g, "/reset-password/…") }
      : row,
  );
}
