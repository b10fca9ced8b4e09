import type { Prisma } from "@prisma/client";
import { isUserKind, type UserKind } from "~/domain/permissions";
import type { RoleId } from "~/domain/types";
import { parseDepartments } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { lockOrganisation } from "./locks.server";
import { inviteStatus } from "./invite.server";
import { accountThrottlePrefix } from "./sign-in-throttle.server";
import { SECURITY_EVENT_TYPES, securityEventCreate, type SecurityEventType } from "./security-event.server";

/**
 * An admin's view of the organisation's accounts: who has one, of which
 * kind, and switching them on and off. Every function is scoped by the
 * organisation; an id of another organisation is the same as none.
 */

export interface AdminUser {
  id: string;
  name: string;
  email: string;
  kind: UserKind;
  departments: RoleId[];
  disabledAt: Date | null;
  createdAt: Date;
  /** raised by every change of kind or departments: the kind form's version (decision 0009) */
  version: number;
}

const adminUserSelect = {
  id: true,
  name: true,
  email: true,
  kind: true,
  departments: true,
  disabledAt: true,
  createdAt: true,
  version: true,
} satisfies Prisma.UserSelect;

function toAdminUser(row: Prisma.UserGetPayload<{ select: typeof adminUserSelect }>): AdminUser {
  return {
    ...row,
    // an unknown kind in the column gets the least access, as getSignedIn refuses it a session
    kind: isUserKind(row.kind) ? row.kind : "member",
    departments: parseDepartments(row.departments),
  };
}

export async function listUsers({ organisationId }: { organisationId: string }): Promise<AdminUser[]> {
  const rows = await db.user.findMany({
    where: { organisationId },
    select: adminUserSelect,
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return rows.map(toAdminUser);
}

export async function getUserForAdmin({
  organisationId,
  userId,
}: {
  organisationId: string;
  userId: string;
}): Promise<AdminUser | null> {
  const row = await db.user.findFirst({ where: { id: userId, organisationId }, select: adminUserSelect });
  return row ? toAdminUser(row) : null;
}

export type AdminChangeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not_found" | "self" | "last_admin" }
  | { ok: false; reason: "conflict"; current: Pick<AdminUser, "kind" | "departments" | "version"> };

/** Thrown inside a transaction to roll it back when it would leave no active admin. */
class LastAdminError extends Error {}

/**
 * The write goes first and the check after it, in the same transaction:
 * SQLite lets one writer in at a time, and on PostgreSQL the transaction
 * first takes the organisation's "admins" lock (locks.server.ts), so two
 * admins demoting or disabling each other at the same moment cannot both
 * pass the check.
 */
async function assertAnActiveAdminRemains(tx: Prisma.TransactionClient, organisationId: string) {
  const admins = await tx.user.count({ where: { organisationId, kind: "admin", disabledAt: null } });
  if (admins === 0) throw new LastAdminError();
}

async function guardLastAdmin(run: () => Promise<AdminChangeResult>): Promise<AdminChangeResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LastAdminError) return { ok: false, reason: "last_admin" };
    throw error;
  }
}

interface AdminActionInput {
  organisationId: string;
  actorUserId: string;
  userId: string;
  ipAddress: string | null;
}

/**
 * Gives a person another kind. Departments belong to leads only, so they are
 * cleared for every other kind. Kinds are read on every request, so the
 * change applies from the person's next click, without signing them out.
 */
export async function changeKind(
  input: AdminActionInput & { kind: UserKind; departments: RoleId[]; version: number },
): Promise<AdminChangeResult> {
  const departments = input.kind === "lead" ? [...new Set(input.departments)] : [];
  return guardLastAdmin(() =>
    db.$transaction(async (tx) => {
      await lockOrganisation(tx, input.organisationId, "admins");
      const user = await tx.user.findFirst({
        where: { id: input.userId, organisationId: input.organisationId },
        select: { kind: true, departments: true, version: true },
      });
      if (!user) return { ok: false, reason: "not_found" } as const;
      const previousDepartments = parseDepartments(user.departments);
      // a save that changes nothing is no lost update, whatever version it was loaded from
      if (user.kind === input.kind && sameSet(previousDepartments, departments))
        return { ok: true, changed: false } as const;
      const stale = {
        ok: false,
        reason: "conflict",
        current: {
          kind: isUserKind(user.kind) ? user.kind : "member",
          departments: previousDepartments,
          version: user.version,
        },
      } as const;
      if (user.version !== input.version) return stale;
      const { count } = await tx.user.updateMany({
        where: { id: input.userId, version: input.version },
        data: { kind: input.kind, departments: JSON.stringify(departments), version: { increment: 1 } },
      });
      if (count !== 1) return stale;
      await assertAnActiveAdminRemains(tx, input.organisationId);
      await securityEventCreate(
        {
          type: "kind_changed",
          organisationId: input.organisationId,
          actorUserId: input.actorUserId,
          subjectUserId: input.userId,
          detail: {
            kind: input.kind,
            departments,
            previous_kind: user.kind,
            previous_departments: previousDepartments,
          },
          ipAddress: input.ipAddress,
        },
        tx,
      );
      return { ok: true, changed: true } as const;
    }),
  );
}

/**
 * Disables a person and ends all their sessions at once, with the security
 * event, in one transaction. Nobody disables themselves, and the last active
 * admin stays.
 */
export async function disableUser(input: AdminActionInput, now = new Date()): Promise<AdminChangeResult> {
  if (input.userId === input.actorUserId) {
    const exists = await getUserForAdmin(input);
    return exists ? { ok: false, reason: "self" } : { ok: false, reason: "not_found" };
  }
  return guardLastAdmin(() =>
    db.$transaction(async (tx) => {
      await lockOrganisation(tx, input.organisationId, "admins");
      const user = await tx.user.findFirst({
        where: { id: input.userId, organisationId: input.organisationId },
        select: { id: true },
      });
      if (!user) return { ok: false, reason: "not_found" } as const;
      const { count } = await tx.user.updateMany({
        where: { id: input.userId, organisationId: input.organisationId, disabledAt: null },
        data: { disabledAt: now },
      });
      if (count === 0) return { ok: true, changed: false } as const;
      await assertAnActiveAdminRemains(tx, input.organisationId);
      // endSessionsOfUser() runs on the global client; inside this transaction the same delete goes through `tx`
      const sessions = await tx.session.deleteMany({ where: { userId: input.userId } });
      await securityEventCreate(
        {
          type: "user_disabled",
          organisationId: input.organisationId,
          actorUserId: input.actorUserId,
          subjectUserId: input.userId,
          detail: { sessionsEnded: sessions.count },
          ipAddress: input.ipAddress,
        },
        tx,
      );
      return { ok: true, changed: true } as const;
    }),
  );
}

export async function enableUser(input: AdminActionInput): Promise<AdminChangeResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, organisationId: input.organisationId },
      select: { id: true },
    });
    if (!user) return { ok: false, reason: "not_found" } as const;
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, organisationId: input.organisationId, disabledAt: { not: null } },
      data: { disabledAt: null },
    });
    if (count === 0) return { ok: true, changed: false } as const;
    await securityEventCreate(
      {
        type: "user_enabled",
        organisationId: input.organisationId,
        actorUserId: input.actorUserId,
        subjectUserId: input.userId,
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, changed: true } as const;
  });
}

/**
 * Lifts every sign-in block of a person's account, from every address (their
 * failures are counted per account and address: app/models/sign-in-throttle.server.ts).
 */
export async function unlockSignIn(input: AdminActionInput): Promise<AdminChangeResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, organisationId: input.organisationId },
      select: { email: true },
    });
    if (!user) return { ok: false, reason: "not_found" } as const;
    const { count } = await tx.signInThrottle.deleteMany({
      where: { key: { startsWith: accountThrottlePrefix(user.email) } },
    });
    await securityEventCreate(
      {
        type: "sign_in_unlocked",
        organisationId: input.organisationId,
        actorUserId: input.actorUserId,
        subjectUserId: input.userId,
        detail: { addresses: count },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, changed: count > 0 } as const;
  });
}

/** One invitation of this organisation, without its token hash, or null. */
export async function getInviteForAdmin(
  { organisationId, inviteId }: { organisationId: string; inviteId: string },
  now = new Date(),
) {
  const invite = await db.invite.findFirst({
    where: { id: inviteId, organisationId },
    select: {
      id: true,
      email: true,
      kind: true,
      departments: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
    },
  });
  if (!invite) return null;
  return { ...invite, departments: parseDepartments(invite.departments), status: inviteStatus(invite, now) };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** 50 a page: a screenful, and a cheap query on the (organisationId, createdAt) index. */
export const SECURITY_LOG_PAGE_SIZE = 50;

export interface SecurityLogEntry {
  id: string;
  type: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  subject: { name: string; email: string } | null;
  detail: Record<string, unknown>;
  ipAddress: string | null;
}

/**
 * A page of the organisation's security log, newest first. The cursor is
 * the last entry's time and id, so events of the same millisecond are
 * neither skipped nor repeated across pages.
 */
export async function securityLogPage(input: {
  organisationId: string;
  type?: SecurityEventType | null;
  before?: { createdAt: Date; id: string } | null;
  take?: number;
}): Promise<{ entries: SecurityLogEntry[]; next: { createdAt: Date; id: string } | null }> {
  const take = input.take ?? SECURITY_LOG_PAGE_SIZE;
  const before = input.before;
  const rows = await db.securityEvent.findMany({
    where: {
      organisationId: input.organisationId,
      ...(input.type ? { type: input.type } : {}),
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const userIds = [
    ...new Set(page.flatMap((row) => [row.actorUserId, row.subjectUserId]).filter((id): id is string => Boolean(id))),
  ];
  // names of this organisation's people only: an id from elsewhere shows as unknown
  const people = await db.user.findMany({
    where: { id: { in: userIds }, organisationId: input.organisationId },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(people.map((person) => [person.id, { name: person.name, email: person.email }]));
  const entries = page.map((row) => ({
    id: row.id,
    type: row.type,
    createdAt: row.createdAt,
    actor: row.actorUserId ? (byId.get(row.actorUserId) ?? null) : null,
    subject: row.subjectUserId ? (byId.get(row.subjectUserId) ?? null) : null,
    detail: parseDetail(row.detail),
    ipAddress: row.ipAddress,
  }));
  const last = page[page.length - 1];
  return { entries, next: rows.length > take && last ? { createdAt: last.createdAt, id: last.id } : null };
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function isSecurityEventType(value: unknown): value is SecurityEventType {
  return typeof value === "string" && (SECURITY_EVENT_TYPES as readonly string[]).includes(value);
}
