import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  retryAfterMs,
  type ThrottlePolicy,
  type ThrottleState,
} from "../../app/domain/sign-in-throttle";

const start = new Date("2025-03-01T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

function fail(times: number, policy: ThrottlePolicy, stepMs = 1_000, from: ThrottleState | null = null) {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(i * stepMs), policy);
  return state!;
}

describe("sign-in throttle", () => {
  it("lets an account fail five times within the window without a block", () => {
    const state = fail(5, ACCOUNT_POLICY);
    expect(state.failures).toBe(5);
    expect(state.blockedUntil).toBeNull();
    expect(retryAfterMs(state, at(5_000))).toBe(0);
  });

  it("blocks the sixth failure for a minute", () => {
    const state = fail(6, ACCOUNT_POLICY);
    expect(state.blockedUntil).toEqual(at(5_000 + 60_000));
    expect(retryAfterMs(state, at(5_000))).toBe(60_000);
    expect(retryAfterMs(state, at(35_000))).toBe(30_000);
    expect(retryAfterMs(state, at(65_000))).toBe(0);
  });

  it("doubles the block with each further failure, up to an hour", () => {
    const blocks = [6, 7, 8, 9, 12, 20].map((failures) => {
      const state = fail(failures, ACCOUNT_POLICY, 1);
      return state.blockedUntil!.getTime() - at(failures - 1).getTime();
    });
    expect(blocks).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000]);
  });

  it("starts counting afresh once the window has passed", () => {
    const old = fail(5, ACCOUNT_POLICY);
    const next = afterFailure(old, at(ACCOUNT_POLICY.windowMs + 1), ACCOUNT_POLICY);
    expect(next).toEqual({ failures: 1, windowStart: at(ACCOUNT_POLICY.windowMs + 1), blockedUntil: null });
  });

  it("allows an address (an office) more failures than one account", () => {
    expect(fail(ADDRESS_POLICY.maxFailures, ADDRESS_POLICY).blockedUntil).toBeNull();
    expect(fail(ADDRESS_POLICY.maxFailures + 1, ADDRESS_POLICY).blockedUntil).not.toBeNull();
    expect(ADDRESS_POLICY.maxFailures).toBeGreaterThan(ACCOUNT_POLICY.maxFailures);
  });

  it("has nothing to wait for without a state", () => {
    expect(retryAfterMs(null, start)).toBe(0);
    expect(afterFailure(null, start, ACCOUNT_POLICY)).toEqual({ failures: 1, windowStart: start, blockedUntil: null });
  });
});
