/**
 * The machinery the action fuzzers share: form entries and corruptions,
 * request bodies (forms and things that are not forms), the status an action
 * answers with, the "nothing written" fingerprint, the check run for every
 * input and the "[fuzz] …" log line. The values thrown at each action (its
 * arbitraries) stay in its own file; so do its expected statuses.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import fc from "fast-check";
import { expect } from "vitest";
import { databaseUrl } from "../../app/utils/database-url";

export type Value = string | Blob;
export type Entries = Array<[string, Value]>;
export type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;
/** A change that on its own makes a valid submission invalid. */
export type Corruption = (entries: Entries) => Entries;

// ---------------------------------------------------------------------------
// how many inputs

/**
 * Inputs per action: 100 in the unit run, 1,000 with `npm run test:fuzz`
 * (FUZZ_RUNS=1000), anything else for a quick loop or a longer soak.
 */
export const FUZZ_RUNS = runsFrom(process.env.FUZZ_RUNS);

function runsFrom(value: string | undefined): number {
  if (value === undefined || value === "") return 100;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS must be a positive whole number, not ${JSON.stringify(value)}`);
  return runs;
}

/**
 * A fuzz test's time limit, in proportion to its inputs (0.6 s each, at least
 * two minutes): the 1,000-input run on a busy machine must not fail for being slow.
 */
export const FUZZ_TIMEOUT_MS = Math.max(120_000, FUZZ_RUNS * 600);

/** A run count written for the full 1,000-input run, scaled to FUZZ_RUNS (at least 1). */
export const scaledRuns = (atFullRun: number) => Math.max(1, Math.round((atFullRun * FUZZ_RUNS) / 1000));

/** Not a version a form can carry (a whole number from 1): empty, zero, negative, fractional, too long, words. */
export const badVersion: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "0",
  "00",
  "-1",
  "1.5",
  "1e3",
  "abc",
  "0x1",
  "9999999999",
  "1 1",
  "\u0661",
);

/** The C0 control characters and DEL. */
export const CONTROL = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).concat("\u007f");

// ---------------------------------------------------------------------------
// building submissions

/** Replaces every value of `name` with `values` (none: the field is dropped; two or more: repeated). */
export function set(entries: Entries, name: string, ...values: Value[]): Entries {
  return [...entries.filter(([key]) => key !== name), ...values.map((value): [string, Value] => [name, value])];
}

export const setTo = (name: string, values: fc.Arbitrary<string>): fc.Arbitrary<Corruption> =>
  values.map(
    (value): Corruption =>
      (entries) =>
        set(entries, name, value),
  );
export const missing = (name: string): fc.Arbitrary<Corruption> =>
  fc.constant<Corruption>((entries) => entries.filter(([key]) => key !== name));
/** Two or more values where one is expected: read as a list, which no single field accepts. */
export const repeated = (name: string, value: fc.Arbitrary<string>, maxLength = 4): fc.Arbitrary<Corruption> =>
  fc.array(value, { minLength: 2, maxLength }).map(
    (values): Corruption =>
      (entries) =>
        set(entries, name, ...values),
  );
/** A file where text belongs, its content drawn from `contents` (the first 1,000 characters): for required fields. */
export const fileWith =
  (contents: fc.Arbitrary<string>) =>
  (name: string): fc.Arbitrary<Corruption> =>
    contents.map(
      (content): Corruption =>
        (entries) =>
          set(entries, name, new Blob([content.slice(0, 1000)])),
    );

export type Encoding = "urlencoded" | "multipart" | "json" | "text" | "none" | "broken-multipart";
export const formEncoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("urlencoded" as const) },
  { weight: 1, arbitrary: fc.constant("multipart" as const) },
);
/** Bodies that are not forms: nothing in them is read, so every required field is missing. */
export const brokenEncoding: fc.Arbitrary<Encoding> = fc.constantFrom(
  "json" as const,
  "text" as const,
  "none" as const,
  "broken-multipart" as const,
);

/** A POST of `entries` to `path`, encoded as `how` (files go only into a multipart body). */
export function formRequest(path: string, cookie: string, entries: Entries, how: Encoding): Request {
  const url = `http://localhost${path}`;
  const headers: Record<string, string> = { Cookie: cookie };
  const strings = entries.filter((entry): entry is [string, string] => typeof entry[1] === "string");
  let body: BodyInit | undefined;
  switch (how) {
    case "urlencoded":
      body = new URLSearchParams(strings);
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      break;
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of entries) form.append(name, value);
      body = form; // fetch sets the multipart Content-Type with its boundary
      break;
    }
    case "json":
      body = JSON.stringify(Object.fromEntries(strings));
      headers["Content-Type"] = "application/json";
      break;
    case "text":
      body = strings.map(([name, value]) => `${name}=${value}`).join("\n");
      headers["Content-Type"] = "text/plain";
      break;
    case "none":
      body = new URLSearchParams(strings).toString();
      break;
    case "broken-multipart":
      body = `--nope\r\nContent-Disposition: form-data; name="${strings[0]?.[0] ?? "x"}"\r\n\r\n${strings[0]?.[1] ?? ""}`;
      headers["Content-Type"] = "multipart/form-data; boundary=expected";
      break;
  }
  return new Request(url, { method: "POST", body, headers });
}

/**
 * A valid base plus some noise, broken by one to three corruptions and sent as
 * a form (nine in ten), or sent as a body that is not a form (nothing is read).
 */
export const corrupted = (
  base: fc.Arbitrary<Entries>,
  noise: fc.Arbitrary<Entries>,
  corruptions: fc.Arbitrary<Corruption>,
  broken: fc.Arbitrary<Encoding> = brokenEncoding,
) =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(base, noise, fc.array(corruptions, { minLength: 1, maxLength: 3 }), formEncoding)
        .map(([entries, extra, changes, how]) => ({
          entries: changes.reduce((acc, change) => change(acc), [...entries, ...extra]),
          how,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, noise, broken)
        .map(([entries, extra, how]) => ({ entries: [...entries, ...extra], how })),
    },
  );

// ---------------------------------------------------------------------------
// running

/** The HTTP status the action answers with. A 5xx shows up as a thrown Error: fail on it rather than read it as data. */
export async function statusOf(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = {},
): Promise<number> {
  let result: unknown;
  try {
    result = await handler({ request, params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    return (result as { init: ResponseInit | null }).init?.status ?? 200;
  }
  return 200;
}

/** SQLite answers synchronously: without a pause the loop never yields and vitest's own messages time out. */
export const yieldToRunner = () => new Promise((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------------------
// "no write"

/**
 * Every row the queries return, hashed, read through a SQLite connection of
 * its own (no ORM): fast enough to run after every input. With `counts`, the
 * row count of each query leads ("6/10/3/<hash>"), so a seed can be checked.
 */
export function sqliteFingerprint(
  queries: readonly string[],
  options: { params?: () => unknown[]; counts?: boolean } = {},
) {
  let reader: Database.Database | undefined;
  const counts = options.counts ?? true;
  return {
    take(): string {
      reader ??= new Database(databaseUrl().replace(/^file:/, ""), { readonly: true, fileMustExist: true });
      const params = options.params?.() ?? [];
      const hash = createHash("sha256");
      const sizes: number[] = [];
      for (const sql of queries) {
        const rows = reader.prepare(sql).all(...params);
        sizes.push(rows.length);
        hash.update(JSON.stringify(rows));
      }
      return counts ? `${sizes.join("/")}/${hash.digest("hex")}` : hash.digest("hex");
    },
    close() {
      reader?.close();
      reader = undefined;
    },
  };
}

/**
 * Counts the inputs per action and checks each: no 5xx, the expected status,
 * and nothing written. `fingerprint` is compared with `baseline()` (taken once
 * after the seed) or, without one, with itself taken just before the input.
 */
export function fuzzer(options: {
  fingerprint: () => string | Promise<string>;
  baseline?: () => string;
  logSuffix?: string;
}) {
  const tried: Record<string, number> = {};
  return {
    tried,
    async check(action: string, handler: Handler, request: Request, params: Record<string, string>, expected: number) {
      tried[action] = (tried[action] ?? 0) + 1;
      await yieldToRunner();
      const before = options.baseline ? options.baseline() : await options.fingerprint();
      const status = await statusOf(handler, request, params);
      expect(status).toBeLessThan(500);
      expect(status).toBe(expected);
      expect(await options.fingerprint()).toBe(before);
    },
    /** The log line, one per action. */
    log() {
      for (const [action, count] of Object.entries(tried))
        console.log(`[fuzz] ${action}: ${count} malformed submissions tried${options.logSuffix ?? ", none written"}`);
    },
  };
}
