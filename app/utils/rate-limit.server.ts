import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { clientAddress } from "./request.server";

/**
 * Per-address limits on the writes anyone can make without an account:
 * sign-up (each one creates an organisation), sign-in, the second sign-in
 * step and accepting an invitation. They count every request, successful or
 * not; sign-in's failures are counted separately as well
 * (app/models/sign-in-throttle.server.ts). In a worker of the production
 * server (one per core, server.mjs) the counts live in the primary process,
 * shared by every worker (rate-limiter-flexible's cluster store, decision
 * 0017); in a single process (tests, dev) in memory. The numbers can be raised for
 * a test run (`SIGNUP_LIMIT_PER_HOUR`, `PUBLIC_WRITE_LIMIT_PER_10_MIN`).
 */
export type RateBucket = "signup" | "public_write";

function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function limiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3000 }) : new RateLimiterMemory(options);
}

const limiters: Record<RateBucket, RateLimiterAbstract> = {
  signup: limiter({ keyPrefix: "signup", points: limitFromEnv("SIGNUP_LIMIT_PER_HOUR", 10), duration: 3600 }),
  public_write: limiter({
    keyPrefix: "public_write",
    points: limitFromEnv("PUBLIC_WRITE_LIMIT_PER_10_MIN", 100),
    duration: 600,
  }),
};

/**
 * Counts one request of this address against the bucket; past the limit,
 * throws a 429 with Retry-After (the page's ErrorBoundary shows it). Without
 * a known address (the dev server) nothing is counted.
 */
export async function limitPublicWrite(request: Request, context: unknown, bucket: RateBucket): Promise<void> {
  const address = clientAddress(request, context);
  if (!address) return;
  try {
    await limiters[bucket].consume(address);
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw new Response("Too Many Requests", {
      status: 429,
      headers: {
        "Retry-After": String(seconds),
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      },
    });
  }
}

/** For tests: forget an address's count. */
export async function resetRateLimit(bucket: RateBucket, address: string): Promise<void> {
  await limiters[bucket].delete(address);
}
