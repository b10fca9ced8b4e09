import { Prisma } from "@prisma/client";
import type { UserKind } from "~/domain/permissions";
import type { RoleId } from "~/domain/types";
import { parseDepartments } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
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

export class InviteUnusableError extends Error {
  constructor(readonly status: Exclude<InviteStatus, "pending"> | "unknown" | "email_taken") {
    super(`invite is ${status}`);
  }
}

/**
 * Accepts an invitation: creates the user and marks the invitation used, in
 * one transaction; the conditional update makes a second use fail even when
 * two people click at the same moment.
 */
export async function acceptInvite(input: {
  token: string;
  name: string;
  password: string;
  ipAddress: string | null;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const invite = await findInviteByToken(input.token, now);
  if (!invite) throw new InviteUnusableError("unknown");
  if (invite.status !== "pending") throw new InviteUnusableError(invite.status);
  // hashed first: an email with an account elsewhere costs the same work as a free one
  const passwordHash = await hashPassword(input.password);
  if (await db.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
    throw new InviteUnusableError("email_taken");
  }
  return db
    .$transaction(async (tx) => {
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new InviteUnusableError("used");
      const user = await tx.user.create({
        data: {
          organisationId: invite.organisationId,
          email: invite.email,
          name: input.name,
          passwordHash,
          kind: invite.kind,
          departments: JSON.stringify(invite.departments),
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
      // two invitations for one email, accepted at the same moment: the unique index decides
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new InviteUnusableError("email_taken");
      throw error;
    });
}
