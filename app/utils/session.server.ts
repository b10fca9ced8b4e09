import { createCookie, type Cookie } from "@remix-run/node";
import { db } from "./db.server";
import { randomToken, sessionSecrets, sha256 } from "./secrets.server";

/**
 * Server-side sessions. The cookie (httpOnly, SameSite=Lax, Secure in
 * production) carries a random id; the row keeps its hash, when it was last
 * used and when it ends. A session ends after `IDLE` without a request and
 * after `ABSOLUTE` whatever happens; signing out or being disabled ends it on
 * the server at once.
 */
export const SESSION_IDLE_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 120) * 60_000;
export const SESSION_ABSOLUTE_MS = Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12) * 3_600_000;
/** Don't write on every request: refresh `lastSeenAt` at most this often. */
const TOUCH_EVERY_MS = 60_000;

let cookie: Cookie | undefined;
export function sessionCookie(): Cookie {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    secrets: sessionSecrets(),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
  return cookie;
}

async function presentedSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * Starts a new session for a user and returns its Set-Cookie header. The id
 * is always new (no fixation), and a session the browser still presented is
 * ended.
 */
export async function startSession(
  userId: string,
  request: Request,
  meta: { ipAddress: string | null },
  now = new Date(),
): Promise<string> {
  const previous = await presentedSessionId(request);
  const id = randomToken();
  await db.$transaction([
    ...(previous ? [db.session.deleteMany({ where: { idHash: sha256(previous) } })] : []),
    db.session.create({
      data: {
        idHash: sha256(id),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
        ipAddress: meta.ipAddress,
        userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      },
    }),
  ]);
  return sessionCookie().serialize(id);
}

export interface ActiveSession {
  id: string;
  userId: string;
}

/** How many presented sessions were looked up in the database (tests count them: one per page request). */
export const sessionLookupStats = { lookups: 0 };

/** The live session a request presents, or null (expired, idle, unknown or disabled user). */
export async function activeSession(request: Request, now = new Date()): Promise<ActiveSession | null> {
  const presented = await presentedSessionId(request);
  if (!presented) return null;
  sessionLookupStats.lookups += 1;
  const session = await db.session.findUnique({
    where: { idHash: sha256(presented) },
    select: { id: true, userId: true, lastSeenAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
  });
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (idle || session.expiresAt <= now || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, userId: session.userId };
}

/** Ends the presented session on the server and returns the cookie that clears it. */
export async function endSession(request: Request): Promise<string> {
  const presented = await presentedSessionId(request);
  if (presented) await db.session.deleteMany({ where: { idHash: sha256(presented) } });
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Ends every session of a user (disabled, or kind changed). */
export async function endSessionsOfUser(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
