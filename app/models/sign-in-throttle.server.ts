import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  retryAfterMs,
  type ThrottlePolicy,
  type ThrottleState,
} from "~/domain/sign-in-throttle";
import { db } from "~/utils/db.server";
import { securityEventCreate, type SecurityEventInput } from "./security-event.server";

/**
 * Stores the state of app/domain/sign-in-throttle.ts in SignInThrottle rows:
 * one per account *and* address (`account:<email>|<ip>`) and one per address
 * (`address:<ip>`). The account's rows are per address so that a stranger's
 * wrong guesses block the stranger, never the account's owner signing in
 * from elsewhere (issue 14); an admin can clear them all (unlock).
 */
export type ThrottleScope = "account" | "address";

export type ThrottleVerdict = { blocked: false } | { blocked: true; scope: ThrottleScope; retryAfterMs: number };

interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
  policy: ThrottlePolicy;
}

/** Every row of one account starts with this; the address follows ("-" when unknown). */
export function accountThrottlePrefix(email: string): string {
  return `account:${email.trim().toLowerCase()}|`;
}

export function accountThrottleKey(email: string, ipAddress: string | null): string {
  return `${accountThrottlePrefix(email)}${ipAddress ?? "-"}`;
}

export function addressThrottleKey(ipAddress: string): string {
  return `address:${ipAddress}`;
}

/** Without a known address (e.g. the dev server) only the account (at "-") counts. */
function throttleKeys({ email, ipAddress }: { email: string; ipAddress: string | null }): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ scope: "account", key: accountThrottleKey(email, ipAddress), policy: ACCOUNT_POLICY }];
  if (ipAddress) keys.push({ scope: "address", key: addressThrottleKey(ipAddress), policy: ADDRESS_POLICY });
  return keys;
}

async function loadStates(
  keys: ThrottleKey[],
  client: Pick<typeof db, "signInThrottle"> = db,
): Promise<Map<string, ThrottleState>> {
  const rows = await client.signInThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  return new Map(rows.map((row) => [row.key, row]));
}

/** The longest wait among the keys, or not blocked. */
function verdict(keys: ThrottleKey[], states: Map<string, ThrottleState>, now: Date): ThrottleVerdict {
  let worst: ThrottleVerdict = { blocked: false };
  for (const entry of keys) {
    const wait = retryAfterMs(states.get(entry.key) ?? null, now);
    if (wait > 0 && (!worst.blocked || wait > worst.retryAfterMs)) {
      worst = { blocked: true, scope: entry.scope, retryAfterMs: wait };
    }
  }
  return worst;
}

/** Whether a sign-in with this email from this address must wait, and how long. */
export async function signInBlock(input: {
  email: string;
  ipAddress: string | null;
  now: Date;
}): Promise<ThrottleVerdict> {
  const keys = throttleKeys(input);
  return verdict(keys, await loadStates(keys), input.now);
}

/**
 * Counts one failed sign-in against the account and the address, and writes
 * the security event with it; returns the block this failure causes, if any.
 */
export async function recordSignInFailure(input: {
  email: string;
  ipAddress: string | null;
  now: Date;
  event: SecurityEventInput;
}): Promise<ThrottleVerdict> {
  const keys = throttleKeys(input);
  // Read and written in one transaction, which takes SQLite's write lock first (app/utils/db.server.ts):
  // failures counted at once in two workers of the server both count.
  const after = await db.$transaction(async (tx) => {
    const before = await loadStates(keys, tx);
    const next = new Map(
      keys.map((entry) => [entry.key, afterFailure(before.get(entry.key) ?? null, input.now, entry.policy)]),
    );
    for (const entry of keys) {
      const state = next.get(entry.key)!;
      await tx.signInThrottle.upsert({
        where: { key: entry.key },
        create: { key: entry.key, ...state },
        update: state,
      });
    }
    await securityEventCreate(input.event, tx);
    return next;
  });
  return verdict(keys, after, input.now);
}

/**
 * Forgets an account's failures from this address (after a successful
 * sign-in). Other addresses keep theirs, and so does the address itself: one
 * good password must not reset a guesser elsewhere.
 */
export function clearAccountThrottle({ email, ipAddress }: { email: string; ipAddress: string | null }) {
  return db.signInThrottle.deleteMany({ where: { key: accountThrottleKey(email, ipAddress) } });
}

/** Every block of an account, from any address (an admin's unlock). */
export function clearAllAccountThrottles({ email }: { email: string }) {
  return db.signInThrottle.deleteMany({ where: { key: { startsWith: accountThrottlePrefix(email) } } });
}

/** How many addresses are blocked from signing in to this account now, and until when at the latest. */
export async function accountBlocks({ email, now = new Date() }: { email: string; now?: Date }) {
  const rows = await db.signInThrottle.findMany({
    where: { key: { startsWith: accountThrottlePrefix(email) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = rows.reduce<Date | null>(
    (latest, row) => (row.blockedUntil && (!latest || row.blockedUntil > latest) ? row.blockedUntil : latest),
    null,
  );
  return { addresses: rows.length, until };
}

/**
 * Runs the sign-in attempts for one account one after the other, so a burst
 * of parallel guesses cannot all pass the block check before the first
 * failure is written. In-process, which suffices for the single-process
 * SQLite deployment (docs/decisions/0001).
 */
const running = new Map<string, Promise<unknown>>();
export async function oneAttemptAtATime<T>({ email }: { email: string }, attempt: () => Promise<T>): Promise<T> {
  const key = accountThrottlePrefix(email);
  const previous = running.get(key) ?? Promise.resolve();
  const current = previous.then(attempt, attempt);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  running.set(key, settled);
  try {
    return await current;
  } finally {
    if (running.get(key) === settled) running.delete(key);
  }
}
