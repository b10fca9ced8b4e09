import type { UserKind } from "~/domain/permissions";
import type { Language, RoleId } from "~/domain/types";
import { invitationStrings } from "~/locales/invitation";
import { parseDepartments } from "~/utils/auth.server";
import { isUniqueViolation } from "~/utils/db-errors";
import { db } from "~/utils/db.server";
import { appUrl, composeMail } from "~/utils/mail-content.server";
import { hashPassword } from "~/utils/password.server";
import { randomToken, sha256 } from "~/utils/secrets.server";
import { securityEventCreate } from "./security-event.server";

/** How long an invitation link works. */
export const INVITE_LIFETIME_MS = 7 * 24 * 3_600_000;

export function inviteUrl(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}

/**
 * Creates an invitation and returns its one-time token (only its hash is
 * stored: the admin copies the link once).
 */
export async function createInvite(input: {
  organisationId: string;
  createdById: string;
  email: string;
  kind: UserKind;
  departments: RoleId[];
  ipAddress: string | null;
  now?: Date;
}): Promise<{ id: string; token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  const [invite] = await db.$transaction([
    db.invite.create({
      data: {
        organisationId: input.organisationId,
        tokenHash: sha256(token),
        email: input.email,
        kind: input.kind,
        departments: JSON.stringify(input.departments),
        createdById: input.createdById,
        createdAt: now,
        expiresAt,
      },
    }),
    securityEventCreate({
      type: "invite_created",
      organisationId: input.organisationId,
      actorUserId: input.createdById,
      detail: { email: input.email, kind: input.kind, departments: input.departments },
      ipAddress: input.ipAddress,
    }),
  ]);
  return { id: invite.id, token, expiresAt };
}

export type InviteStatus = "pending" | "used" | "expired" | "revoked";

export function inviteStatus(
  invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InviteStatus {
  if (invite.usedAt) return "used";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "pending";
}

/** The invitation a token opens, with its status, or null for an unknown token. */
export async function findInviteByToken(token: string, now = new Date()) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: sha256(token) },
    include: { organisation: { select: { id: true, name: true } } },
  });
  if (!invite) return null;
  return { ...invite, departments: parseDepartments(invite.departments), status: inviteStatus(invite, now) };
}

export async function listInvites(organisationId: string) {
  const invites = await db.invite.findMany({ where: { organisationId }, orderBy: { createdAt: "desc" }, take: 100 });
  const now = new Date();
  return invites.map((invite) => ({
    ...invite,
    departments: parseDepartments(invite.departments),
    status: inviteStatus(invite, now),
  }));
}

/** Revokes a pending invitation of this organisation; false when there is none. */
export async function revokeInvite(input: {
  organisationId: string;
  inviteId: string;
  actorUserId: string;
  ipAddress: string | null;
}) {
  const now = new Date();
  const results = await db.$transaction([
    db.invite.updateMany({
      where: { id: input.inviteId, organisationId: input.organisationId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    }),
    securityEventCreate({
      type: "invite_revoked",
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      detail: { inviteId: input.inviteId },
      ipAddress: input.ipAddress,
    }),
  ]);
  return (results[0] as { count: number }).count > 0;
}

/** Why an invitation's link cannot be used. */
export type InviteProblem = Exclude<InviteStatus, "pending"> | "unknown";

/** How long the link of an acceptance's email works (the invitation must still be open then too). */
export const ACCEPTANCE_LIFETIME_MS = 24 * 3_600_000;

/** The path of an acceptance email's link. */
export const acceptanceConfirmPath = (secret: string) => `/invite/confirm/${secret}`;

/**
 * Someone holding an invitation's link chose a name and password (issue 14).
 * Whatever the invited email's state, this does the same work and the caller
 * gets the same answer: one password hash, one `InviteAcceptance` row and one
 * queued email, in one transaction. Only the email differs: for a free address
 * it holds a single-use link (24 hours) whose confirmation creates the account;
 * for an address with an account anywhere it says so and links to sign-in and
 * password reset, and its row keeps neither the name nor the hash. The email
 * belongs to no organisation's outbox (without SMTP it goes to the server's
 * log), so the admin who sent the invitation learns nothing from it either.
 * See decision 0010's addendum on invitations.
 */
export async function requestInviteAcceptance(input: {
  invite: { id: string; email: string; organisation: { name: string } };
  name: string;
  password: string;
  lang: Language;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  // hashed before the lookup, for both cases: an email with an account costs the same work as a free one
  const passwordHash = await hashPassword(input.password);
  const taken = (await db.user.count({ where: { email: input.invite.email } })) > 0;
  const secret = randomToken();
  const strings = invitationStrings[input.lang].mail;
  const organisation = input.invite.organisation.name;
  const mail = taken
    ? composeMail({
        lang: input.lang,
        subject: strings.existing.subject,
        body: strings.existing.body,
        params: { reset: `${appUrl()}/forgot-password` },
        href: "/login",
      })
    : composeMail({
        lang: input.lang,
        subject: strings.confirm.subject,
        body: strings.confirm.body,
        params: { organisation },
        href: acceptanceConfirmPath(secret),
      });
  await db.$transaction(async (tx) => {
    const acceptance = await tx.inviteAcceptance.create({
      data: {
        inviteId: input.invite.id,
        // for an email with an account the secret is never sent: the row only makes both answers cost the same
        tokenHash: sha256(secret),
        name: taken ? "" : input.name,
        passwordHash: taken ? "" : passwordHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ACCEPTANCE_LIFETIME_MS),
      },
      select: { id: true },
    });
    await tx.mailMessage.create({
      data: {
        organisationId: null,
        userId: null,
        toEmail: input.invite.email,
        kind: taken ? "invite_existing" : "invite_confirm",
        ...mail,
        dedupeKey: `invite-acceptance:${acceptance.id}`,
      },
    });
  });
}

/** The acceptance a link confirms, while it and its invitation are open. */
export async function findInviteAcceptance(secret: string, now = new Date()) {
  if (!secret || secret.length > 100) return null;
  const acceptance = await db.inviteAcceptance.findUnique({
    where: { tokenHash: sha256(secret) },
    select: {
      id: true,
      name: true,
      passwordHash: true,
      usedAt: true,
      expiresAt: true,
      invite: {
        select: {
          id: true,
          email: true,
          kind: true,
          departments: true,
          organisationId: true,
          usedAt: true,
          revokedAt: true,
          expiresAt: true,
          organisation: { select: { name: true } },
        },
      },
    },
  });
  if (!acceptance || acceptance.usedAt || acceptance.expiresAt <= now || !acceptance.passwordHash) return null;
  if (inviteStatus(acceptance.invite, now) !== "pending") return null;
  return acceptance;
}

export class AcceptanceUnusableError extends Error {
  constructor(readonly reason: "invalid" | "email_taken") {
    super(`invitation acceptance link: ${reason}`);
  }
}

/**
 * Creates the account an acceptance link confirms and uses up both the link
 * and the invitation, in one transaction: the conditional updates make a
 * second click (or two at once) fail, and a failure creates nothing and leaves
 * the link usable. Throws AcceptanceUnusableError when the link or its
 * invitation no longer works, or the email got an account in the meantime.
 */
export async function confirmInviteAcceptance(input: { secret: string; ipAddress: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const acceptance = await findInviteAcceptance(input.secret, now);
  if (!acceptance) throw new AcceptanceUnusableError("invalid");
  const { invite } = acceptance;
  return db
    .$transaction(async (tx) => {
      const link = await tx.inviteAcceptance.updateMany({
        where: { id: acceptance.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (link.count !== 1 || claimed.count !== 1) throw new AcceptanceUnusableError("invalid");
      // the invitation's other open links stop working too
      await tx.inviteAcceptance.updateMany({ where: { inviteId: invite.id, usedAt: null }, data: { usedAt: now } });
      if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
        throw new AcceptanceUnusableError("email_taken");
      }
      const user = await tx.user.create({
        data: {
          organisationId: invite.organisationId,
          email: invite.email,
          name: acceptance.name,
          passwordHash: acceptance.passwordHash,
          kind: invite.kind,
          departments: invite.departments,
        },
      });
      await tx.invite.update({ where: { id: invite.id }, data: { usedById: user.id } });
      await tx.securityEvent.create({
        data: {
          type: "invite_accepted",
          organisationId: invite.organisationId,
          actorUserId: user.id,
          subjectUserId: user.id,
          detail: JSON.stringify({ email: invite.email, kind: invite.kind }),
          ipAddress: input.ipAddress,
        },
      });
      return user;
    })
    .catch((error: unknown) => {
      // two invitations for one email, confirmed at the same moment: the unique index decides
      if (isUniqueViolation(error)) throw new AcceptanceUnusableError("email_taken");
      throw error;
    });
}

/** Forgets acceptances whose link expired (run by the scheduler). */
export async function purgeExpiredAcceptances(now = new Date()): Promise<number> {
  const { count } = await db.inviteAcceptance.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
