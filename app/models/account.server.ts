import { seal, unseal } from "~/utils/sealed.server";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import {
  acceptedTotpStep,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
} from "~/utils/totp.server";
import { securityEventCreate } from "./security-event.server";

/**
 * A person's own account: password, sessions and second factor. Every
 * change is one transaction with its security event.
 */

export async function getAccount({ userId }: { userId: string }) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      organisationId: true,
      totpSecret: true,
      totpEnabledAt: true,
      recoveryCodes: true,
      organisation: { select: { requireTwoFactor: true } },
      _count: { select: { sessions: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisationId: user.organisationId,
    twoFactorEnabled: user.totpEnabledAt !== null,
    /** a secret being set up (shown until confirmed); never sent once enabled */
    pendingSecret: user.totpEnabledAt === null && user.totpSecret ? unseal(user.totpSecret) : null,
    recoveryCodesLeft: parseCodes(user.recoveryCodes).length,
    requireTwoFactor: user.organisation.requireTwoFactor,
    sessions: user._count.sessions,
  };
}

function parseCodes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

interface Who {
  userId: string;
  organisationId: string;
  ipAddress: string | null;
}

/** Changes the password when the current one is right; ends every other session of the person. */
export async function changePassword(
  input: Who & { currentPassword: string; newPassword: string; keepSessionId: string },
) {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash)))
    return { ok: false as const, reason: "wrong_current" as const };
  const passwordHash = await hashPassword(input.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
    securityEventCreate({
      type: "password_changed",
      organisationId: input.organisationId,
      actorUserId: input.userId,
      subjectUserId: input.userId,
      ipAddress: input.ipAddress,
    }),
  ]);
  return { ok: true as const, endedSessions: ended.count };
}

/** Signs the person out everywhere but here. */
export async function endOtherSessions(input: Who & { keepSessionId: string }) {
  const [ended] = await db.$transaction([
    db.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
    securityEventCreate({
      type: "other_sessions_ended",
      organisationId: input.organisationId,
      actorUserId: input.userId,
      subjectUserId: input.userId,
      ipAddress: input.ipAddress,
    }),
  ]);
  return ended.count;
}

/** Starts setting up a second factor: a new secret, not yet required at sign-in. */
export async function startTwoFactorSetup({ userId }: { userId: string }) {
  const secret = newTotpSecret();
  // sealed at rest: a copy of the database alone does not give the second factor away
  const updated = await db.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecret: seal(secret), totpLastStep: null },
  });
  return updated.count === 1 ? secret : null;
}

/** Confirms the setup with a code from the app; returns the recovery codes (shown once) or null for a wrong code. */
export async function confirmTwoFactor(input: Who & { code: string; now?: Date }) {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  const secret = user?.totpSecret && !user.totpEnabledAt ? unseal(user.totpSecret) : null;
  if (!secret) return null;
  const step = acceptedTotpStep(secret, input.code, null, now);
  if (step === null) return null;
  const codes = newRecoveryCodes();
  await db.$transaction([
    db.user.update({
      where: { id: input.userId },
      data: { totpEnabledAt: now, totpLastStep: step, recoveryCodes: JSON.stringify(codes.map(recoveryCodeHash)) },
    }),
    securityEventCreate({
      type: "two_factor_enabled",
      organisationId: input.organisationId,
      actorUserId: input.userId,
      subjectUserId: input.userId,
      ipAddress: input.ipAddress,
    }),
  ]);
  return codes;
}

/** Turns the second factor off (with the password); refused while the organisation requires it. */
export async function disableTwoFactor(input: Who & { password: string }) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true, organisation: { select: { requireTwoFactor: true } } },
  });
  if (!user || !(await verifyPassword(input.password, user.passwordHash)))
    return { ok: false as const, reason: "wrong_current" as const };
  if (user.organisation.requireTwoFactor) return { ok: false as const, reason: "required" as const };
  await db.$transaction([
    db.user.update({
      where: { id: input.userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: "[]" },
    }),
    securityEventCreate({
      type: "two_factor_disabled",
      organisationId: input.organisationId,
      actorUserId: input.userId,
      subjectUserId: input.userId,
      ipAddress: input.ipAddress,
    }),
  ]);
  return { ok: true as const };
}

/**
 * Checks the second sign-in step: a current code from the app (each works
 * once) or an unused recovery code (then used up). The write is conditional
 * on what was read, so two requests with one code cannot both pass.
 */
export async function verifySecondFactor({
  userId,
  code,
  now = new Date(),
}: {
  userId: string;
  code: string;
  now?: Date;
}) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true, recoveryCodes: true, disabledAt: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt || user.disabledAt) return { ok: false as const };
  const secret = unseal(user.totpSecret);
  const step = secret === null ? null : acceptedTotpStep(secret, code, user.totpLastStep, now);
  if (step !== null) {
    const claimed = await db.user.updateMany({
      where: { id: userId, totpLastStep: user.totpLastStep },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? { ok: true as const, method: "totp" as const } : { ok: false as const };
  }
  if (looksLikeRecoveryCode(code)) {
    const codes = parseCodes(user.recoveryCodes);
    const hash = recoveryCodeHash(code);
    if (codes.includes(hash)) {
      const claimed = await db.user.updateMany({
        where: { id: userId, recoveryCodes: user.recoveryCodes },
        data: { recoveryCodes: JSON.stringify(codes.filter((item) => item !== hash)) },
      });
      if (claimed.count === 1) return { ok: true as const, method: "recovery_code" as const, left: codes.length - 1 };
    }
  }
  return { ok: false as const };
}

/** Whether signing in needs a second step for this person. */
export async function needsSecondFactor({ userId }: { userId: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return user?.totpEnabledAt != null;
}

/** An admin's "everyone must use a second factor" setting. */
export async function setRequireTwoFactor(input: Who & { required: boolean }) {
  await db.$transaction([
    db.organisation.update({ where: { id: input.organisationId }, data: { requireTwoFactor: input.required } }),
    securityEventCreate({
      type: "two_factor_requirement_changed",
      organisationId: input.organisationId,
      actorUserId: input.userId,
      detail: { required: input.required },
      ipAddress: input.ipAddress,
    }),
  ]);
}

/** For the admin: whether the organisation requires a second factor, and how many of its active people have one. */
export async function twoFactorOverview({ organisationId }: { organisationId: string }) {
  const [organisation, people, enabled] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { requireTwoFactor: true } }),
    db.user.count({ where: { organisationId, disabledAt: null } }),
    db.user.count({ where: { organisationId, disabledAt: null, totpEnabledAt: { not: null } } }),
  ]);
  return { required: organisation?.requireTwoFactor ?? false, people, enabled };
}
