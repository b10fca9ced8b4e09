/**
 * Throws malformed form submissions at the account actions: each must answer
 * a 4xx (or, for sign-out, the usual redirect), never throw, and write
 * nothing. Every generated submission has at least one field that is wrong by
 * the rules (PRODUCT/issue: names 1–100, emails, passwords 10–200, the
 * playbook's ids), so validation must stop it before any password is hashed.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../app/models/invite.server";
import { action as acceptInvite } from "../../app/routes/invite.$token";
import { action as login } from "../../app/routes/login";
import { action as logout } from "../../app/routes/logout";
import { action as signup } from "../../app/routes/signup";
import { db } from "../../app/utils/db.server";
import { sessionCookie } from "../../app/utils/session.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { statusOf as statusWith, FUZZ_RUNS, FUZZ_TIMEOUT_MS } from "./harness";

const RUNS = FUZZ_RUNS;
const tried: Record<string, { inputs: number; ms: number }> = {};

afterAll(() => {
  for (const [name, { inputs, ms }] of Object.entries(tried)) {
    console.log(`fuzz ${name}: ${inputs} malformed submissions in ${Math.round(ms)} ms`);
  }
});

// ---- values -------------------------------------------------------------

const HOSTILE = [
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  "admin'--",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\u202Eevil\u202C",
  "שלום עולם",
  "مرحبا بالعالم",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Z̷̡̛a̴͎l̸g̷o̵",
  "null",
  "undefined",
  "[object Object]",
  "{{constructor.constructor('x')()}}",
  "${7*7}",
  "../../etc/passwd",
  "%00",
  "\\",
  "true",
  "[]",
  "{}",
  "1e309",
  "-0",
];
const HUGE = ["x", "é", "😀", "\u0000", "a@b.co ", "<b>", "'"].map((unit) =>
  unit.repeat(Math.ceil(100_000 / unit.length)),
);

const hostile = fc.constantFrom(...HOSTILE);
const huge = fc.constantFrom(...HUGE);
const anyText = fc.oneof(
  hostile,
  huge,
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** How a field arrives: absent, once, repeated (an array to conform), or as a file. */
type FieldValue =
  | { kind: "missing" }
  | { kind: "one"; value: string }
  | { kind: "many"; values: string[] }
  | { kind: "file"; value: string };
const one = (value: fc.Arbitrary<string>) => value.map((v): FieldValue => ({ kind: "one", value: v }));
const many = (value: fc.Arbitrary<string>) =>
  fc.array(value, { minLength: 2, maxLength: 4 }).map((values): FieldValue => ({ kind: "many", values }));
const missing = fc.constant<FieldValue>({ kind: "missing" });
const file = anyText.map((value): FieldValue => ({ kind: "file", value }));
/** Any shape at all: the field may happen to be fine. */
const anyField = (plausible: fc.Arbitrary<string>) =>
  fc.oneof(one(plausible), one(anyText), missing, many(anyText), file);

// Values that break a rule, whatever else the submission holds.
const withControl = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("\u0000", "\n", "\r", "\t", "\u001b", "\u007f"),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, control, b]) => `x${a}${control}${b}`);
const badName = fc.oneof(
  missing,
  one(fc.constantFrom("", " ", "   \t  ")),
  one(huge),
  one(fc.integer({ min: 101, max: 400 }).map((n) => "n".repeat(n))),
  one(withControl),
  many(anyText),
  file,
);
const badEmail = fc.oneof(
  missing,
  one(fc.constantFrom("", "  ")),
  one(anyText.filter((text) => !text.includes("@"))),
  one(fc.constantFrom("a@", "@b.co", "a@b", "a@@b.co", "a b@c.co", "a@b..co", "<a@b.co>", "a@b.co\u0000")),
  one(fc.integer({ min: 250, max: 1000 }).map((n) => `${"a".repeat(n)}@example.com`)),
  one(huge),
  many(fc.emailAddress()),
  file,
);
const badNewPassword = fc.oneof(
  missing,
  one(fc.constant("")),
  one(fc.string({ minLength: 1, maxLength: 9 })),
  one(fc.integer({ min: 201, max: 1000 }).map((n) => "p".repeat(n))),
  one(huge),
  many(fc.string({ minLength: 10, maxLength: 30 })),
  file,
);
const badCurrentPassword = fc.oneof(
  missing,
  one(fc.constant("")),
  one(fc.integer({ min: 201, max: 1000 }).map((n) => "p".repeat(n))),
  one(huge),
  many(fc.string({ minLength: 10, maxLength: 30 })),
  file,
);
const badChoice = (ids: readonly string[]) =>
  fc.oneof(
    missing,
    one(anyText.filter((text) => !ids.includes(text))),
    one(fc.constantFrom(...ids).map((id) => ` ${id.toUpperCase()} `)),
    many(fc.constantFrom(...ids)),
    file,
  );

const plausibleName = fc.oneof(hostile, fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }));
const plausiblePassword = fc.string({ minLength: 10, maxLength: 60 });
const MODEL_IDS = ["platform", "independent_site", "distribution", "b2b", "managed_service"];
const STAGE_IDS = ["startup", "growth", "mature"];

/** Fields nobody asked for, including names that trip form parsers. */
const extraFields = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "__proto__",
        "constructor",
        "prototype",
        "__intent__",
        "__state__",
        "a[99999999]",
        "email[99999999]",
        "name[1000000]",
        "password[5]",
        "password.length",
        "email.__proto__.x",
        "organisationName[]",
        "toString",
        "hasOwnProperty",
        "kind",
        "organisationId",
        "x..y",
        "[0]",
        "",
      ),
      fc.string({ maxLength: 30 }),
    ),
    anyText,
  ),
  { maxLength: 5 },
);

/**
 * A submission: every field's shape, with the field `broken` forced to break
 * a rule. The others are anything, from plausible to garbage.
 */
function submission(fields: Record<string, { bad: fc.Arbitrary<FieldValue>; any: fc.Arbitrary<FieldValue> }>) {
  const names = Object.keys(fields);
  return fc.constantFrom(...names).chain((broken) =>
    fc.record({
      values: fc.record(
        Object.fromEntries(names.map((name) => [name, name === broken ? fields[name].bad : fields[name].any])),
      ),
      // an extra field must not stand in for a form field ("email." reads as "email")
      extra: extraFields.map((extra) => extra.filter(([name]) => !names.includes(name.replace(/^\.+|\.+$/g, "")))),
      encoding: fc.constantFrom(
        "urlencoded",
        "urlencoded",
        "urlencoded",
        "multipart",
        "json",
        "text",
        "broken-multipart",
      ),
    }),
  );
}

type Forged = { kind: "none" } | { kind: "raw" | "signed"; value: string };
type Submission = { values: Record<string, FieldValue>; extra: [string, string][]; encoding: string };

function toRequest(path: string, input: Submission, headers: Record<string, string> = {}): Request {
  const entries: [string, string | File][] = [];
  for (const [name, field] of Object.entries(input.values)) {
    if (field.kind === "one") entries.push([name, field.value]);
    if (field.kind === "many") for (const value of field.values) entries.push([name, value]);
    if (field.kind === "file") entries.push([name, new File([field.value], "upload.txt", { type: "text/plain" })]);
  }
  entries.push(...input.extra);
  const url = `http://localhost${path}`;
  switch (input.encoding) {
    case "multipart": {
      const body = new FormData();
      for (const [name, value] of entries) body.append(name, value);
      return new Request(url, { method: "POST", body, headers });
    }
    case "json":
      return new Request(url, {
        method: "POST",
        body: JSON.stringify(Object.fromEntries(entries.map(([name, value]) => [name, String(value)]))),
        headers: { "Content-Type": "application/json", ...headers },
      });
    case "text":
      return new Request(url, {
        method: "POST",
        body: entries.map(([n, v]) => `${n}=${String(v)}`).join("\n"),
        headers: { "Content-Type": "text/plain", ...headers },
      });
    case "broken-multipart":
      return new Request(url, {
        method: "POST",
        body: `--nope\r\n${entries.map(([n]) => n).join("")}`,
        headers: { "Content-Type": "multipart/form-data; boundary=----never", ...headers },
      });
    default: {
      const body = new URLSearchParams();
      for (const [name, value] of entries) body.append(name, typeof value === "string" ? value : "[file]");
      return new Request(url, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      });
    }
  }
}

// ---- running ------------------------------------------------------------

type Action = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<unknown>;

/**
 * The HTTP status the action answers with; a thrown non-Response is a 500 and fails the property.
 * Each call comes from an address of its own, so the per-address limits on public writes
 * (tested in tests/routes/signup.test.ts) do not turn the hundreds of runs into 429s.
 */
let nextAddress = 0;
const statusOf = (action: Action, request: Request, params: Record<string, string> = {}) =>
  statusWith(action, request, params, {
    clientAddress: `203.0.${Math.floor(nextAddress / 250) % 250}.${nextAddress++ % 250}`,
  });

async function rowCounts() {
  const [organisations, users, sessions, invites, invitesUsed, throttles, events] = await Promise.all([
    db.organisation.count(),
    db.user.count(),
    db.session.count(),
    db.invite.count(),
    db.invite.count({ where: { usedAt: { not: null } } }),
    db.signInThrottle.count(),
    db.securityEvent.count(),
  ]);
  return { organisations, users, sessions, invites, invitesUsed, throttles, events };
}

async function fuzz(
  name: string,
  arbitrary: fc.Arbitrary<Submission>,
  attempt: (input: Submission) => Promise<number>,
  expectStatus: (status: number) => void,
) {
  let inputs = 0;
  const started = performance.now();
  const before = await rowCounts();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      inputs += 1;
      expectStatus(await attempt(input));
      expect(await rowCounts()).toEqual(before);
    }),
    { numRuns: RUNS },
  );
  tried[name] = { inputs, ms: performance.now() - started };
  expect(inputs).toBeGreaterThanOrEqual(RUNS);
}

const isClientError = (status: number) => expect(status >= 400 && status < 500, `status ${status}`).toBe(true);

describe("malformed submissions to the account actions", () => {
  let pendingToken: string;
  let signedInUserId: string;

  beforeAll(async () => {
    const organisation = await createOrganisation();
    const admin = await createUser({ organisationId: organisation.id, kind: "admin" });
    pendingToken = (
      await createInvite({
        organisationId: organisation.id,
        createdById: admin.id,
        email: `fuzz-${randomUUID()}@test.example`,
        kind: "member",
        departments: [],
        ipAddress: null,
      })
    ).token;
    // a real session that no forged cookie may end
    await cookieFor(admin.id);
    signedInUserId = admin.id;
  });

  it(
    "sign-up: 400, and no organisation, user, session or event",
    async () => {
      const arbitrary = submission({
        organisationName: { bad: badName, any: anyField(plausibleName) },
        model: { bad: badChoice(MODEL_IDS), any: anyField(fc.constantFrom(...MODEL_IDS)) },
        stage: { bad: badChoice(STAGE_IDS), any: anyField(fc.constantFrom(...STAGE_IDS)) },
        name: { bad: badName, any: anyField(plausibleName) },
        email: { bad: badEmail, any: anyField(fc.emailAddress()) },
        password: { bad: badNewPassword, any: anyField(plausiblePassword) },
      });
      await fuzz(
        "signup",
        arbitrary,
        (input) => statusOf(signup as Action, toRequest("/signup", input)),
        (status) => expect(status).toBe(400),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "sign-in: 400 before any password check, and no session, throttle entry or event",
    async () => {
      const arbitrary = submission({
        email: { bad: badEmail, any: anyField(fc.emailAddress()) },
        password: { bad: badCurrentPassword, any: anyField(plausiblePassword) },
        redirectTo: {
          bad: anyField(fc.constantFrom("/org", "//evil.example", "javascript:alert(1)")),
          any: anyField(fc.constant("/org")),
        },
      }).filter(
        (input) =>
          !(
            isFine(asReceived(input.values.email, input), "email") &&
            isFine(asReceived(input.values.password, input), "password")
          ),
      );
      await fuzz(
        "login",
        arbitrary,
        (input) => statusOf(login as Action, toRequest("/login", input)),
        (status) => expect(status).toBe(400),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "invitation: 4xx, the invitation still pending and no one created",
    async () => {
      const arbitrary = fc.tuple(
        submission({
          name: { bad: badName, any: anyField(plausibleName) },
          password: { bad: badNewPassword, any: anyField(plausiblePassword) },
          confirmPassword: { bad: badNewPassword, any: anyField(plausiblePassword) },
        }),
        fc.oneof(fc.constant<string | null>(null), fc.string(), hostile, huge),
      );
      let bogus = 0;
      await fuzz(
        "invite accept",
        arbitrary.map(([input, token]) => ({ ...input, token })),
        (input) => {
          const token = (input as Submission & { token: string | null }).token ?? pendingToken;
          if (token !== pendingToken) bogus += 1;
          return statusOf(acceptInvite as Action, toRequest(`/invite/${encodeURIComponent(token)}`, input), { token });
        },
        isClientError,
      );
      expect(bogus).toBeGreaterThan(0);
      expect(await db.invite.findFirst({ where: { usedAt: { not: null } } })).toBeNull();
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "sign-out: a redirect home, whatever the body or a forged cookie (a validation request: 400), and no session ended",
    async () => {
      const cookie = fc.oneof(
        fc.constant<Forged>({ kind: "none" }),
        fc.oneof(fc.string(), hostile).map((value): Forged => ({ kind: "raw", value })),
        // signed correctly, but for a session that does not exist
        fc.string({ minLength: 1, maxLength: 60 }).map((value): Forged => ({ kind: "signed", value })),
      );
      const arbitrary = fc
        .tuple(
          submission({
            redirectTo: { bad: anyField(anyText), any: anyField(anyText) },
            intent: { bad: anyField(anyText), any: anyField(anyText) },
          }),
          cookie,
        )
        .map(([input, forged]) => ({ ...input, forged }));
      await fuzz(
        "logout",
        arbitrary,
        async (input) => {
          const { forged } = input as Submission & { forged: Forged };
          const header: Record<string, string> =
            forged.kind === "none"
              ? {}
              : {
                  Cookie:
                    forged.kind === "raw"
                      ? `__session=${encodeURIComponent(forged.value)}`
                      : (await sessionCookie().serialize(forged.value)).split(";")[0],
                };
          const request = toRequest("/logout", input, header);
          // a body carrying conform's marker is a browser's validation request, never a sign-out: 400 (the one form pipeline)
          const carriesIntent = (
            await request
              .clone()
              .formData()
              .catch(() => new FormData())
          ).has("__intent__");
          const status = await statusOf(logout as Action, request);
          expect(status).toBe(carriesIntent ? 400 : 302);
          return status;
        },
        (status) => expect([302, 400]).toContain(status),
      );
      expect(await db.session.count({ where: { userId: signedInUserId } })).toBe(1);
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** Whether a generated field is, by the rules, acceptable (used to keep sign-in inputs malformed). */
/** What the server reads: a urlencoded body cannot carry a file, so toRequest sends the text "[file]". */
function asReceived(field: FieldValue | undefined, input: Submission): FieldValue {
  if (!field) return { kind: "missing" };
  return field.kind === "file" && input.encoding === "urlencoded" ? { kind: "one", value: "[file]" } : field;
}

function isFine(field: FieldValue, rule: "email" | "password"): boolean {
  if (field.kind !== "one") return false;
  if (rule === "password") return field.value.length > 0 && field.value.length <= 200;
  const email = field.value.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
