import type { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";

export const SECURITY_EVENT_TYPES = [
  "sign_in",
  "sign_in_failed",
  "sign_in_throttled",
  "sign_out",
  "sign_up",
  "invite_created",
  "invite_revoked",
  "invite_accepted",
  "kind_changed",
  "user_disabled",
  "user_enabled",
  "token_created",
  "token_revoked",
  "organisation_updated",
  "password_changed",
  "password_reset_issued",
  "other_sessions_ended",
  "two_factor_enabled",
  "two_factor_disabled",
  "two_factor_passed",
  "two_factor_failed",
  "two_factor_requirement_changed",
  "sign_in_unlocked",
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEventInput {
  type: SecurityEventType;
  organisationId: string | null;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  /** details for the log; never a password or a token */
  detail?: Record<string, string | number | boolean | null | string[]>;
  ipAddress?: string | null;
}

/**
 * The create operation, so it can go inside the same transaction as the
 * change it records: in a batch (`db.$transaction([...])`), or with the
 * interactive transaction's client as `client`.
 */
export function securityEventCreate(
  event: SecurityEventInput,
  client: Pick<Prisma.TransactionClient, "securityEvent"> = db,
): Prisma.PrismaPromise<unknown> {
  return client.securityEvent.create({
    data: {
      type: event.type,
      organisationId: event.organisationId,
      actorUserId: event.actorUserId ?? null,
      subjectUserId: event.subjectUserId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      ipAddress: event.ipAddress ?? null,
    },
  });
}

export async function recordSecurityEvent(event: SecurityEventInput): Promise<void> {
  await securityEventCreate(event);
}

export async function listSecurityEvents({
  organisationId,
  take = 200,
  before,
}: {
  organisationId: string;
  take?: number;
  before?: Date;
}) {
  return db.securityEvent.findMany({
    where: { organisationId, ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: { createdAt: "desc" },
    take,
  });
}
