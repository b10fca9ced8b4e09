/**
 * How repeated failed sign-ins are slowed down, per account and per address.
 * Pure: the state in, the next state out. The route stores the state
 * (SignInThrottle rows) and says so to the person when they are blocked.
 */
export interface ThrottlePolicy {
  /** failures allowed within the window before a block */
  maxFailures: number;
  windowMs: number;
  /** the first block; each further failure while over the limit doubles it */
  blockMs: number;
  maxBlockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  blockMs: 60_000,
  maxBlockMs: 60 * 60_000,
};

/** An office can share one address: allow more before slowing it down. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  blockMs: 60_000,
  maxBlockMs: 60 * 60_000,
};

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

/** Milliseconds until the next attempt is allowed; 0 when it is allowed now. */
export function retryAfterMs(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const inWindow = state && now.getTime() - state.windowStart.getTime() < policy.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  const windowStart = inWindow ? state.windowStart : now;
  const over = failures - policy.maxFailures;
  const blockedUntil =
    over > 0 ? new Date(now.getTime() + Math.min(policy.blockMs * 2 ** (over - 1), policy.maxBlockMs)) : null;
  return { failures, windowStart, blockedUntil };
}
