import { type ApiTokenScope, asTokenScope } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { randomToken, sha256 } from "~/utils/secrets.server";
import { securityEventCreate } from "./security-event.server";

/**
 * An organisation's tokens for the API. The token is shown once, when it is
 * made; only its SHA-256 and its first characters (to recognise it in the
 * list) are kept.
 */
export const API_TOKEN_PREFIX = "ctp_";
/** `ctp_` and the 43 characters of 32 random bytes in base64url. */
export const API_TOKEN_PATTERN = /^ctp_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 8;
/** Don't write on every API call: `lastUsedAt` moves at most this often. */
const TOUCH_EVERY_MS = 60_000;

export async function createApiToken(input: {
  organisationId: string;
  createdById: string;
  name: string;
  /** what it may read; the narrowest when not given */
  scope?: ApiTokenScope;
  ipAddress: string | null;
  now?: Date;
}): Promise<{ id: string; token: string; prefix: string }> {
  const scope = input.scope ?? "recommendation";
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const prefix = token.slice(0, PREFIX_LENGTH);
  const [created] = await db.$transaction([
    db.apiToken.create({
      data: {
        organisationId: input.organisationId,
        name: input.name,
        tokenHash: sha256(token),
        prefix,
        scope,
        createdById: input.createdById,
        createdAt: input.now ?? new Date(),
      },
    }),
    securityEventCreate({
      type: "token_created",
      organisationId: input.organisationId,
      actorUserId: input.createdById,
      detail: { name: input.name, prefix, scope },
      ipAddress: input.ipAddress,
    }),
  ]);
  return { id: created.id, token, prefix };
}

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string; email: string } | null;
}

/** The organisation's tokens, live ones first, newest first. */
export async function listApiTokens({ organisationId }: { organisationId: string }): Promise<ApiTokenListItem[]> {
  const tokens = await db.apiToken.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdById: true,
    },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
  const creators = await db.user.findMany({
    where: { organisationId, id: { in: [...new Set(tokens.map((token) => token.createdById))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(creators.map((creator) => [creator.id, { name: creator.name, email: creator.email }]));
  return tokens.map(({ createdById, scope, ...token }) => ({
    ...token,
    scope: asTokenScope(scope),
    createdBy: byId.get(createdById) ?? null,
  }));
}

export async function getApiToken({ organisationId, tokenId }: { organisationId: string; tokenId: string }) {
  return db.apiToken.findFirst({
    where: { id: tokenId, organisationId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes a live token of this organisation, with its security event; the conditional update makes a second revoke a no-op. */
export async function revokeApiToken(input: {
  organisationId: string;
  tokenId: string;
  actorUserId: string;
  ipAddress: string | null;
  now?: Date;
}): Promise<"revoked" | "already_revoked" | "not_found"> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.tokenId, organisationId: input.organisationId },
      select: { name: true, prefix: true },
    });
    if (!token) return "not_found";
    const { count } = await tx.apiToken.updateMany({
      where: { id: input.tokenId, organisationId: input.organisationId, revokedAt: null },
      data: { revokedAt: input.now ?? new Date() },
    });
    if (count === 0) return "already_revoked";
    await tx.securityEvent.create({
      data: {
        type: "token_revoked",
        organisationId: input.organisationId,
        actorUserId: input.actorUserId,
        detail: JSON.stringify({ name: token.name, prefix: token.prefix }),
        ipAddress: input.ipAddress,
      },
    });
    return "revoked";
  });
}

/**
 * The live token a caller presented, or null (unknown or revoked). Notes
 * when it was used, at most once a minute.
 */
export async function findUsableApiToken(
  token: string,
  now = new Date(),
): Promise<{ organisationId: string; tokenId: string; scope: ApiTokenScope } | null> {
  const found = await db.apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, organisationId: true, revokedAt: true, lastUsedAt: true, scope: true },
  });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.apiToken.updateMany({
      where: {
        id: found.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { organisationId: found.organisationId, tokenId: found.id, scope: asTokenScope(found.scope) };
}
