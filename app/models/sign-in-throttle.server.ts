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
 * one per account (`account:<email>`) and one per address (`address:<ip>`).
 */
export type ThrottleScope = "account" | "address";

export type ThrottleVerdict = { blocked: false } | { blocked: true; scope: ThrottleScope; retryAfterMs: number };

interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
  policy: ThrottlePolicy;
}

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressThrottleKey(ipAddress: string): string {
  return `address:${ipAddress}`;
}

/** Without a known address (e.g. the dev server) only the account counts. */
function throttleKeys({ email, ipAddress }: { email: string; ipAddress: string | null }): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ scope: "account", key: accountThrottleKey(email), policy: ACCOUNT_POLICY }];
  if (ipAddress) keys.push({ scope: "address", key: addressThrottleKey(ipAddress), policy: ADDRESS_POLICY });
  return keys;
}

async function loadStates(keys: ThrottleKey[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
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
export async function signInBlock(input: { email: string; ipAddress: string | null; now: Date }): Promise<ThrottleVerdict> {
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
  const before = await loadStates(keys);
  const after = new Map(keys.map((entry) => [entry.key, afterFailure(before.get(entry.key) ?? null, input.now, entry.policy)]));
  await db.$transaction([
    ...keys.map((entry) => {
      const state = after.get(entry.key)!;
      return db.signInThrottle.upsert({ where: { key: entry.key }, create: { key: entry.key, ...state }, update: state });
    }),
    securityEventCreate(input.event),
  ]);
  return verdict(keys, after, input.now);
}

/**
 * Forgets an account's failures (after a successful sign-in). The address
 * keeps its count: one good password must not reset a guesser's address.
 */
export function clearAccountThrottle({ email }: { email: string }) {
  return db.signInThrottle.deleteMany({ where: { key: accountThrottleKey(email) } });
}

/**
 * Runs the sign-in attempts for one account one after the other, so a burst
 * of parallel guesses cannot all pass the block check before the first
 * failure is written. In-process, which suffices for the single-process
 * SQLite deployment (docs/decisions/0001).
 */
const running = new Map<string, Promise<unknown>>();
export async function oneAttemptAtATime<T>({ email }: { email: string }, attempt: () => Promise<T>): Promise<T> {
  const key = accountThrottleKey(email);
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
