import { hostname } from "node:os";
import nodemailer, { type Transporter } from "nodemailer";
import { afterAttempt, isOptionalEmailKind } from "~/domain/notifications";
import { unsubscribeUrl } from "~/utils/mail-content.server";
import { db } from "~/utils/db.server";

/**
 * The mail worker (issue 16): sends what notify.server.ts queued. Each row is
 * claimed with one conditional update (queued → sending, only if still
 * queued and due), so of several processes exactly one sends it, and a row
 * that was claimed is never sent again: at most once. A failed try puts the
 * row back with a later `nextAttemptAt` (afterAttempt in the domain); a
 * process that dies while sending leaves its row "sending" (see decision 0016).
 * Without SMTP_URL nothing leaves the machine: the row is marked sent to the
 * outbox, which admins read in the app.
 */

export const WORKER_ID = `${hostname()}:${process.pid}`;

export interface MailSender {
  name: "smtp" | "outbox";
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    headers?: Record<string, string>;
  }): Promise<void>;
}

let cached: { url: string | undefined; sender: MailSender } | null = null;

/** nodemailer over SMTP_URL (smtp:// or smtps://, credentials in the URL), or the outbox. */
export function defaultSender(): MailSender {
  const url = process.env.SMTP_URL?.trim() || undefined;
  if (cached && cached.url === url) return cached.sender;
  let sender: MailSender;
  if (url) {
    const transport: Transporter = nodemailer.createTransport(url);
    sender = {
      name: "smtp",
      async send(message) {
        await transport.sendMail(message);
      },
    };
  } else {
    sender = { name: "outbox", async send() {} };
  }
  cached = { url, sender };
  return sender;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Cross-border Team Planner <no-reply@localhost>";
}

/**
 * RFC 2369 / RFC 8058 headers for the kinds a person may turn off: mail
 * clients show their own "unsubscribe" and POST `List-Unsubscribe=One-Click`
 * to the same signed link as the one in the footer (issue 16).
 */
export function listHeaders(message: { userId: string | null; kind: string }): Record<string, string> | undefined {
  if (!message.userId || !isOptionalEmailKind(message.kind)) return undefined;
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(message.userId, message.kind)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * Without SMTP, an email that belongs to no organisation (a sign-up's
 * confirmation) has no admin to read it in an outbox: the server's log is
 * where the person who runs the server finds it (decision 0010's addendum).
 */
function logUnsentMail(message: { toEmail: string; subject: string; text: string }) {
  console.warn(`[mail] no SMTP_URL: to ${message.toEmail}: ${message.subject}\n${message.text}\n[mail] end`);
}

/**
 * Sends the messages that are due, up to `limit`; returns how many were sent
 * and how many failed this round.
 */
export async function processMailQueue({
  now = new Date(),
  sender = defaultSender(),
  workerId = WORKER_ID,
  limit = 20,
}: { now?: Date; sender?: MailSender; workerId?: string; limit?: number } = {}): Promise<{
  sent: number;
  failed: number;
}> {
  const due = await db.mailMessage.findMany({
    where: { status: "queued", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const claimed = await db.mailMessage.updateMany({
      where: { id, status: "queued", nextAttemptAt: { lte: now } },
      data: { status: "sending", claimedBy: workerId, claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue; // another process took it
    const message = await db.mailMessage.findUniqueOrThrow({
      where: { id },
      select: {
        toEmail: true,
        subject: true,
        text: true,
        html: true,
        attempts: true,
        organisationId: true,
        userId: true,
        kind: true,
      },
    });
    try {
      await sender.send({
        from: mailFrom(),
        to: message.toEmail,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: listHeaders(message),
      });
      if (sender.name === "outbox" && message.organisationId === null) logUnsentMail(message);
      await db.mailMessage.update({
        where: { id },
        data: { status: "sent", sentAt: new Date(), transport: sender.name, lastError: null },
      });
      sent += 1;
    } catch (error) {
      const next = afterAttempt(message.attempts, false, new Date());
      await db.mailMessage.update({
        where: { id },
        data: {
          status: next.status,
          nextAttemptAt: next.nextAttemptAt,
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}
