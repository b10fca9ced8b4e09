import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { ModelId, RoleId, StageId } from "~/domain/types";
import { isUniqueViolation } from "~/utils/db-errors";
import { db } from "~/utils/db.server";
import { hashPassword, timingDummyHash, verifyPassword } from "~/utils/password.server";
import { recordSecurityEvent, securityEventCreate } from "./security-event.server";
import {
  clearAccountThrottle,
  oneAttemptAtATime,
  recordSignInFailure,
  signInBlock,
  type ThrottleScope,
} from "./sign-in-throttle.server";

/**
 * Accounts: signing up, looking a person up by email, checking a password.
 * Emails arrive normalised (trimmed, lowercase) by app/forms/auth.ts;
 * an email is unique across organisations, so these lookups are global.
 */

export class EmailTakenError extends Error {
  constructor() {
    super("email is taken");
  }
}

export async function findUserByEmail({ email }: { email: string }) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, organisationId: true, passwordHash: true, disabledAt: true },
  });
}

/** The organisation an account belongs to, or null when there is no such account. */
export async function organisationIdOfUser({ userId }: { userId: string }): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { organisationId: true } });
  return user?.organisationId ?? null;
}

export async function emailIsTaken({ email }: { email: string }): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

/** Whether someone of this organisation has the email: what its admin may learn (they see their people). */
export async function emailIsTakenInOrganisation({
  email,
  organisationId,
}: {
  email: string;
  organisationId: string;
}): Promise<boolean> {
  return (await db.user.count({ where: { email, organisationId } })) > 0;
}

/** A readable, unique slug: the name's ASCII letters and digits plus a random suffix. */
function organisationSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${base || "org"}-${randomBytes(4).toString("hex")}`;
}

/**
 * A founder's sign-up: the organisation, its first admin and the security
 * event, in one transaction. Throws EmailTakenError when the email has an
 * account (checked after the password is hashed, so a taken email costs the
 * same work as a free one, and again by the unique index for a race).
 */
export async function createOrganisationWithAdmin(input: {
  organisation: { name: string; operatingModel: ModelId; stage: StageId };
  /** the password, or its hash when it was hashed earlier (a confirmed sign-up) */
  admin: { name: string; email: string } & ({ password: string } | { passwordHash: string });
  /** the founder as a team member too (linked to their account), holding this role full-time if given */
  founderMember?: { roleId: RoleId | null } | null;
  ipAddress: string | null;
  /** runs first inside the transaction (using up a sign-up link); throwing creates nothing */
  claim?: (tx: Prisma.TransactionClient) => Promise<void>;
}) {
  const passwordHash =
    "passwordHash" in input.admin ? input.admin.passwordHash : await hashPassword(input.admin.password);
  if (await emailIsTaken({ email: input.admin.email })) throw new EmailTakenError();
  try {
    return await db.$transaction(async (tx) => {
      await input.claim?.(tx);
      const organisation = await tx.organisation.create({
        data: { ...input.organisation, slug: organisationSlug(input.organisation.name) },
      });
      const user = await tx.user.create({
        data: {
          organisationId: organisation.id,
          email: input.admin.email,
          name: input.admin.name,
          passwordHash,
          kind: "admin",
        },
        select: { id: true, organisationId: true, name: true, email: true, kind: true },
      });
      if (input.founderMember) {
        const roleId = input.founderMember.roleId;
        await tx.member.create({
          data: {
            organisationId: organisation.id,
            userId: user.id,
            name: user.name,
            email: user.email,
            department: roleId,
            roles: roleId ? { create: [{ roleId, sharePercent: 100 }] } : undefined,
          },
        });
      }
      await tx.securityEvent.create({
        data: {
          type: "sign_up",
          organisationId: organisation.id,
          actorUserId: user.id,
          subjectUserId: user.id,
          detail: JSON.stringify({ email: user.email }),
          ipAddress: input.ipAddress,
        },
      });
      return { organisation, user };
    });
  } catch (error) {
    const duplicate = isUniqueViolation(error);
    if (duplicate && (await emailIsTaken({ email: input.admin.email }))) throw new EmailTakenError();
    throw error;
  }
}

type CredentialCheck =
  | { status: "ok"; user: { id: string; organisationId: string } }
  | { status: "disabled"; user: { id: string; organisationId: string } }
  | { status: "wrong_password"; user: { id: string; organisationId: string } }
  | { status: "unknown_email"; user: null };

/**
 * Checks an email and password. Always hashes once, so an unknown email
 * takes as long as a wrong password. "disabled" only with the right password.
 */
export async function verifyCredentials({
  email,
  password,
}: {
  email: string;
  password: string;
}): Promise<CredentialCheck> {
  const found = await findUserByEmail({ email });
  const matches = await verifyPassword(password, found?.passwordHash ?? (await timingDummyHash()));
  if (!found) return { status: "unknown_email", user: null };
  const user = { id: found.id, organisationId: found.organisationId };
  if (!matches) return { status: "wrong_password", user };
  return found.disabledAt ? { status: "disabled", user } : { status: "ok", user };
}

export type SignInOutcome =
  | { outcome: "signed_in"; user: { id: string; organisationId: string } }
  | { outcome: "invalid" }
  | { outcome: "disabled" }
  | { outcome: "throttled"; scope: ThrottleScope; retryAfterMs: number };

/**
 * One sign-in attempt with its bookkeeping: refused without checking the
 * password while the account or the address is blocked; a failure counts
 * for both (unknown emails too); a success clears the account's count. Every
 * outcome leaves a security event (never the password). Starting the session
 * is the caller's.
 */
export async function attemptSignIn(input: {
  email: string;
  password: string;
  ipAddress: string | null;
  now?: Date;
}): Promise<SignInOutcome> {
  const { email, password, ipAddress } = input;
  return oneAttemptAtATime({ email }, async () => {
    const now = input.now ?? new Date();
    const block = await signInBlock({ email, ipAddress, now });
    if (block.blocked) {
      const account = await findUserByEmail({ email });
      await recordSecurityEvent({
        type: "sign_in_throttled",
        organisationId: account?.organisationId ?? null,
        subjectUserId: account?.id ?? null,
        detail: { email, scope: block.scope, retryAfterSeconds: Math.ceil(block.retryAfterMs / 1000) },
        ipAddress,
      });
      return { outcome: "throttled", scope: block.scope, retryAfterMs: block.retryAfterMs };
    }

    const check = await verifyCredentials({ email, password });
    const subject = {
      organisationId: check.user?.organisationId ?? null,
      subjectUserId: check.user?.id ?? null,
      ipAddress,
    };
    switch (check.status) {
      case "ok":
        await db.$transaction([
          clearAccountThrottle({ email, ipAddress }),
          securityEventCreate({ type: "sign_in", ...subject, actorUserId: check.user.id, detail: { email } }),
        ]);
        return { outcome: "signed_in", user: check.user };
      case "disabled":
        // The right password: not a guess, so it does not count towards a block.
        await recordSecurityEvent({ type: "sign_in_failed", ...subject, detail: { email, reason: "disabled" } });
        return { outcome: "disabled" };
      default: {
        const after = await recordSignInFailure({
          email,
          ipAddress,
          now,
          event: { type: "sign_in_failed", ...subject, detail: { email, reason: check.status } },
        });
        return after.blocked
          ? { outcome: "throttled", scope: after.scope, retryAfterMs: after.retryAfterMs }
          : { outcome: "invalid" };
      }
    }
  });
}
