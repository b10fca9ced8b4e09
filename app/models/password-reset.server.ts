import { db } from "~/utils/db.server";
import { renderMail } from "~/utils/mail-content.server";
import { hashPassword } from "~/utils/password.server";
import { randomToken, sha256 } from "~/utils/secrets.server";
import { securityEventCreate } from "./security-event.server";
import { emailSettingsOf, enqueueMail } from "./notify.server";

/**
 * Password reset (issue 16): a single-use link that expires after an hour.
 * Asking for one answers the same whatever the address (the route says "if
 * this address has an account…"), so nobody learns which addresses exist.
 */
export const RESET_LIFETIME_MS = 3_600_000;

/** Queues the link for an active account with this email; does nothing (silently) otherwise. */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, disabledAt: true, organisationId: true, organisation: { select: { name: true } } },
  });
  if (!user || user.disabledAt) return;
  const token = randomToken();
  const reset = await db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
    },
  });
  const { lang } = await emailSettingsOf(user.id);
  const mail = renderMail({
    kind: "password_reset",
    lang,
    params: {},
    href: `/reset-password/${token}`,
    organisationName: user.organisation.name,
  });
  await enqueueMail({
    organisationId: user.organisationId,
    userId: user.id,
    toEmail: user.email,
    kind: "password_reset",
    ...mail,
    dedupeKey: `password_reset:${reset.id}`,
  });
}

/**
 * A reset link an admin creates for a person of their organisation, to hand
 * over themselves (issue 16's leftover: without SMTP nobody can reset by
 * email). The same link as the email's: once, one hour. Returns the secret,
 * shown to the admin once, or null for a person who is not an active account
 * of this organisation. The link and its security event are one transaction.
 */
export async function issuePasswordReset(input: {
  organisationId: string;
  actorUserId: string;
  userId: string;
  ipAddress: string | null;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date } | null> {
  const now = input.now ?? new Date();
  const user = await db.user.findFirst({
    where: { id: input.userId, organisationId: input.organisationId, disabledAt: null },
    select: { id: true },
  });
  if (!user) return null;
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  await db.$transaction([
    db.passwordReset.create({ data: { userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt } }),
    securityEventCreate({
      type: "password_reset_issued",
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      subjectUserId: user.id,
      ipAddress: input.ipAddress,
    }),
  ]);
  return { token, expiresAt };
}

/** The account a reset link is for, while it is unused and unexpired. */
export async function findReset(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true, organisationId: true } },
    },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now || reset.user.disabledAt) return null;
  return reset;
}

/**
 * Sets the new password and uses up the link, in one transaction that only
 * one request can win; signs the person out everywhere. False when the link
 * no longer works.
 */
export async function resetPassword({
  token,
  password,
  ipAddress,
  now = new Date(),
}: {
  token: string;
  password: string;
  ipAddress: string | null;
  now?: Date;
}): Promise<boolean> {
  const reset = await findReset(token, now);
  if (!reset) return false;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return false;
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.user.id } });
    // every other open link of the person stops working too
    await tx.passwordReset.updateMany({ where: { userId: reset.user.id, usedAt: null }, data: { usedAt: now } });
    await tx.securityEvent.create({
      data: {
        type: "password_changed",
        organisationId: reset.user.organisationId,
        actorUserId: reset.user.id,
        subjectUserId: reset.user.id,
        detail: JSON.stringify({ via: "reset_link" }),
        ipAddress,
      },
    });
    return true;
  });
}
