/**
 * Malformed submissions against every settings action, as an admin: wrong
 * types (a file for a text), repeated fields, missing and empty fields,
 * 100,000-character strings, unicode, NUL and control characters, injection
 * strings, unknown intents, conform's reserved and path-syntax names, bodies
 * that are not forms. Each must be answered 400 (404 for an unknown id), never
 * 5xx, and write nothing.
 *
 * Every generated input breaks at least one rule of the action's schema by
 * construction; the expected 400 makes a slip in that construction visible.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { USER_KINDS } from "../../app/domain/permissions";
import { MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import { createApiToken } from "../../app/models/api-token.server";
import { createInvite } from "../../app/models/invite.server";
import * as inviteRoute from "../../app/routes/settings.invites.$inviteId";
import * as organisationRoute from "../../app/routes/settings.organisation";
import * as personRoute from "../../app/routes/settings.people.$userId";
import * as peopleRoute from "../../app/routes/settings.people";
import * as tokenRoute from "../../app/routes/settings.tokens.$tokenId";
import * as tokensRoute from "../../app/routes/settings.tokens";
import { db } from "../../app/utils/db.server";
import { emailField, organisationNameField } from "../../app/forms/auth";
import { cookieFor, createCast } from "../utils/actors";
import {
  badVersion,
  CONTROL,
  type Encoding,
  formRequest,
  fuzzer,
  type Handler,
  type Value,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
let adminCookie: string;
let invite: Awaited<ReturnType<typeof createInvite>>;
let token: Awaited<ReturnType<typeof createApiToken>>;

beforeAll(async () => {
  cast = await createCast();
  adminCookie = await cookieFor(cast.admin.id);
  // a live session of the person the disable action targets, so ending it would show
  await cookieFor(cast.member.id);
  invite = await createInvite({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    email: "pending@example.com",
    kind: "member",
    departments: [],
    ipAddress: null,
  });
  token = await createApiToken({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    name: "live",
    ipAddress: null,
  });
});

afterAll(() => {
  fuzz.log();
});

// ---------------------------------------------------------------------------
// values

const HUGE = [
  "a".repeat(100_000),
  "中".repeat(100_000),
  "\u0000".repeat(100_000),
  "🦄".repeat(50_000),
  `${"x".repeat(99_999)}\n`,
];
const INJECTIONS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  '" OR ""="',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "%00",
  "%0d%0aSet-Cookie: x=1",
  "__proto__",
  "constructor",
  "[object Object]",
  "null",
  "undefined",
  "NaN",
  "true",
  "[]",
  "{}",
  '{"type":"validate","payload":{}}',
  "-1",
  "1e309",
  "\u202eevil",
  "\uFEFF",
  "\uD800",
  "admin\u0000",
  "lead\u200b",
  "ＡＤＭＩＮ",
  "Admin",
  "LEAD",
  " yes",
  "yes ",
  "YES",
  "是",
];

const nasty: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...HUGE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.constantFrom("", " ", "\t", "\r\n", "\u0000", "\u0007", "\u007f"),
);

/** Text that no single-line name field accepts (empty, blank, too long, a control character inside). */
function badText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("", " ", "\t\t", " \r\n "),
    fc.integer({ min: max + 1, max: max * 4 }).map((length) => "名".repeat(length)),
    fc.constantFrom(...HUGE),
    fc
      .tuple(
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.constantFrom(...CONTROL),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      )
      .map(([before, control, after]) => `x${before}${control}${after}x`),
  );
}

function notOneOf(allowed: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(nasty, fc.string({ maxLength: 20 })).filter((value) => !allowed.includes(value));
}

// ---------------------------------------------------------------------------
// fields: a field is sent well, badly, not at all, twice or more, or as a file

interface FieldSample {
  ok: boolean;
  values: Value[];
}

function field(valid: fc.Arbitrary<string>, invalid: fc.Arbitrary<string>): fc.Arbitrary<FieldSample> {
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((value): FieldSample => ({ ok: true, values: [value] })) },
    { weight: 3, arbitrary: invalid.map((value): FieldSample => ({ ok: false, values: [value] })) },
    { weight: 1, arbitrary: fc.constant<FieldSample>({ ok: false, values: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(valid, invalid), { minLength: 2, maxLength: 4 })
        .map((values) => ({ ok: false, values })),
    },
    // a file where text belongs: not read, so the same as missing
    {
      weight: 1,
      arbitrary: nasty.map((content): FieldSample => ({ ok: false, values: [new Blob([content.slice(0, 1000)])] })),
    },
  );
}

const roleId = fc.constantFrom(...CORE_ROLE_IDS);
const notRoleId = notOneOf(CORE_ROLE_IDS).filter((value) => value !== "");

type DepartmentsSample = FieldSample & { count: number };

/** Departments: any number of valid ids, or a list with one id that is not a role. */
const departments: fc.Arbitrary<DepartmentsSample> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(roleId, { maxLength: 4 })
      .map((values): DepartmentsSample => ({ ok: true, values, count: values.length })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(roleId, { maxLength: 2 }), notRoleId, fc.array(roleId, { maxLength: 2 }))
      .map(([before, bad, after]): DepartmentsSample => ({ ok: false, values: [...before, bad, ...after], count: -1 })),
  },
  // files are not read: no departments at all
  { weight: 1, arbitrary: fc.constant<DepartmentsSample>({ ok: true, values: [new Blob(["marketing"])], count: 0 }) },
);

const kind = field(fc.constantFrom(...USER_KINDS), notOneOf(USER_KINDS));

/** Kind and departments together: a lead needs departments, nobody else may have any. */
function kindAndDepartmentsOk(kindSample: FieldSample, departmentsSample: DepartmentsSample): boolean {
  if (!kindSample.ok || !departmentsSample.ok) return false;
  return (kindSample.values[0] === "lead") === departmentsSample.count > 0;
}

// ---------------------------------------------------------------------------
// noise: names the forms do not have, including conform's reserved and path-syntax names

function noise(fields: readonly string[]): fc.Arbitrary<Array<[string, Value]>> {
  const name = fc
    .oneof(
      fc.constantFrom(
        "__intent__",
        "__state__",
        "departments[999999999]",
        "departments[]",
        "departments[0]",
        "name[0]",
        "kind.admin",
        "intent[1]",
        "confirm.yes",
        "__proto__",
        "__proto__.polluted",
        "constructor.prototype.polluted",
        "a[",
        "]",
        "",
        "x".repeat(10_000),
      ),
      fc.string({ maxLength: 20 }),
    )
    .filter((value) => !fields.includes(value));
  return fc.array(
    fc.tuple(name, fc.oneof(nasty, fc.constant('{"type":"update","payload":{"name":"kind","value":"admin"}}'))),
    { maxLength: 4 },
  );
}

/**
 * Conform's reserved intent input, carrying anything: an otherwise valid
 * submission with one must still write nothing (it is validation at most).
 */
const intentEntry: fc.Arbitrary<[string, Value]> = fc.tuple(
  fc.constant("__intent__"),
  fc.oneof(
    fc.constantFrom(
      JSON.stringify({ type: "validate", payload: {} }),
      JSON.stringify({ type: "validate", payload: { name: "email" } }),
      JSON.stringify({ type: "validate", payload: { name: "__proto__" } }),
      JSON.stringify({ type: "update", payload: { name: "kind", value: "admin" } }),
      JSON.stringify({ type: "update", payload: { name: "departments[999999999]", value: "marketing" } }),
      JSON.stringify({ type: "reset", payload: {} }),
      JSON.stringify({ type: "insert", payload: { name: "departments", defaultValue: "marketing" } }),
      JSON.stringify({ type: "remove", payload: { name: "departments", index: 0 } }),
    ),
    nasty,
  ),
);

/** Samples that break a rule of the schema, or carry an intent (about one in five). */
function malformed<T>(
  samples: fc.Arbitrary<T>,
  valid: (sample: T) => boolean,
): fc.Arbitrary<[T, [string, Value] | null]> {
  const intent = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: intentEntry });
  return fc.tuple(samples, intent).filter(([sample, withIntent]) => withIntent !== null || !valid(sample));
}

const withIntent = (intent: [string, Value] | null): Array<[string, Value]> => (intent ? [intent] : []);

// ---------------------------------------------------------------------------
// bodies: mostly forms, sometimes things that are not forms

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("urlencoded" as const) },
  { weight: 3, arbitrary: fc.constant("multipart" as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("json" as const, "text" as const, "none" as const, "broken-multipart" as const),
  },
);

/** The id as it would appear in an address (a lone surrogate cannot be percent-encoded as is). */
function pathSegment(id: string): string {
  return encodeURIComponent(Buffer.from(id, "utf8").toString("utf8"));
}

function entriesOf(samples: Record<string, FieldSample>): Array<[string, Value]> {
  return Object.entries(samples).flatMap(([name, sample]) =>
    sample.values.map((value): [string, Value] => [name, value]),
  );
}

// ---------------------------------------------------------------------------
// "no write": the rows and the records these actions could touch

async function fingerprint(): Promise<string> {
  // one query: the counts, and every column these actions could change
  const rows = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT count(*) FROM "User") AS users,
      (SELECT count(*) FROM "Invite") AS invites,
      (SELECT count(*) FROM "ApiToken") AS tokens,
      (SELECT count(*) FROM "Organisation") AS organisations,
      (SELECT count(*) FROM "SecurityEvent") AS events,
      (SELECT count(*) FROM "Session" WHERE "userId" = ${cast.member.id}) AS memberSessions,
      (SELECT json_array("name", "operatingModel", "stage", "version", "updatedAt") FROM "Organisation" WHERE "id" = ${cast.organisation.id}) AS organisation,
      (SELECT json_array("kind", "departments", "disabledAt", "version", "updatedAt") FROM "User" WHERE "id" = ${cast.member.id}) AS member,
      (SELECT json_array("revokedAt", "usedAt") FROM "Invite" WHERE "id" = ${invite.id}) AS invite,
      (SELECT json_array("revokedAt") FROM "ApiToken" WHERE "id" = ${token.id}) AS token`;
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** The version a form was loaded from: a whole number from 1 (the records here are at 1), or anything else. */
const version = field(fc.constant("1"), badVersion);

/** The id in the address: mostly the real record, sometimes garbage (then 404). */
function target(real: () => string): fc.Arbitrary<{ id: string; real: boolean }> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.constant(null).map(() => ({ id: real(), real: true })) },
    {
      weight: 1,
      arbitrary: fc.oneof(nasty, fc.constant(cast?.otherAdmin.id ?? "other")).map((id) => ({ id, real: false })),
    },
  );
}

/** No baseline: the fingerprint just before each input (the counts of whole tables) is compared with the one after it. */
const fuzz = fuzzer({ fingerprint, logSuffix: "" });

async function check(
  action: string,
  handler: Handler,
  path: string,
  params: Record<string, string>,
  entries: Array<[string, Value]>,
  how: Encoding,
  expected: number,
) {
  // an unknown id is 404 before the body is read; otherwise the body is refused
  await fuzz.check(action, handler, formRequest(path, adminCookie, entries, how), params, expected);
}

// ---------------------------------------------------------------------------

describe("malformed submissions to the settings actions (as an admin)", () => {
  it(`POST /settings/organisation: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const fields = ["name", "operatingModel", "stage", "version"] as const;
    const validName = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
      .filter((value) => organisationNameField.safeParse(value).success);
    const badName = badText(100).filter((value) => !organisationNameField.safeParse(value).success);
    const input = malformed(
      fc.record({
        name: field(validName, badName),
        operatingModel: field(fc.constantFrom(...MODEL_IDS), notOneOf(MODEL_IDS)),
        stage: field(fc.constantFrom(...STAGE_IDS), notOneOf(STAGE_IDS)),
        version,
      }),
      (samples) => Object.values(samples).every((sample) => sample.ok),
    );
    await fc.assert(
      fc.asyncProperty(input, noise(fields), encoding, async ([samples, intent], extra, how) => {
        const entries = [...entriesOf(samples), ...withIntent(intent), ...extra];
        await check(
          "POST /settings/organisation",
          organisationRoute.action,
          "/settings/organisation",
          {},
          entries,
          how,
          400,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST /settings/people (invite): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const fields = ["email", "kind", "departments"] as const;
    const validEmail = fc.emailAddress().filter((value) => value.length <= 254 && emailField.safeParse(value).success);
    const badEmail = fc
      .oneof(nasty, fc.string({ maxLength: 30 }), fc.constantFrom("a@", "@b.c", "a@b", "a b@c.d", "a@b..c"))
      .filter((value) => !emailField.safeParse(value).success);
    const input = malformed(
      fc.record({ email: field(validEmail, badEmail), kind, departments }),
      (samples) => samples.email.ok && kindAndDepartmentsOk(samples.kind, samples.departments),
    );
    await fc.assert(
      fc.asyncProperty(input, noise(fields), encoding, async ([samples, intent], extra, how) => {
        const entries = [...entriesOf(samples), ...withIntent(intent), ...extra];
        await check("POST /settings/people", peopleRoute.action, "/settings/people", {}, entries, how, 400);
      }),
      { numRuns: RUNS },
    );
  });

  it(
    `POST /settings/people/$userId (change_kind, disable, enable): ${RUNS} inputs`,
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const fields = ["intent", "kind", "departments", "confirm", "version"] as const;
      // "enable" alone is always a valid request (of an active person: a no-op), so it comes only repeated or altered
      const intent = field(fc.constantFrom("change_kind", "disable"), notOneOf(["change_kind", "disable", "enable"]));
      const confirm = field(fc.constant("yes"), notOneOf(["yes"]));
      const input = malformed(
        fc.record({ target: target(() => cast.member.id), intent, kind, departments, confirm, version }),
        ({
          intent: sentIntent,
          kind: sentKind,
          departments: sentDepartments,
          confirm: sentConfirm,
          version: sentVersion,
        }) => {
          if (!sentIntent.ok) return false;
          return sentIntent.values[0] === "change_kind"
            ? kindAndDepartmentsOk(sentKind, sentDepartments) && sentVersion.ok
            : sentConfirm.ok;
        },
      );
      await fc.assert(
        fc.asyncProperty(
          input,
          noise(fields),
          encoding,
          async ([{ target: to, ...samples }, conformIntent], extra, how) => {
            const path = `/settings/people/${pathSegment(to.id)}`;
            const entries = [...entriesOf(samples), ...withIntent(conformIntent), ...extra];
            await check(
              "POST /settings/people/$userId",
              personRoute.action,
              path,
              { userId: to.id },
              entries,
              how,
              to.real ? 400 : 404,
            );
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it(`POST /settings/invites/$inviteId (revoke): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = malformed(
      fc.record({ target: target(() => invite.id), confirm: field(fc.constant("yes"), notOneOf(["yes"])) }),
      (samples) => samples.confirm.ok,
    );
    await fc.assert(
      fc.asyncProperty(
        input,
        noise(["confirm"]),
        encoding,
        async ([{ target: to, ...samples }, intent], extra, how) => {
          const path = `/settings/invites/${pathSegment(to.id)}`;
          const entries = [...entriesOf(samples), ...withIntent(intent), ...extra];
          await check(
            "POST /settings/invites/$inviteId",
            inviteRoute.action,
            path,
            { inviteId: to.id },
            entries,
            how,
            to.real ? 400 : 404,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`POST /settings/tokens (create): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const validTokenName = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .filter((value) => value.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(value));
    const input = malformed(fc.record({ name: field(validTokenName, badText(80)) }), (samples) => samples.name.ok);
    await fc.assert(
      fc.asyncProperty(input, noise(["name"]), encoding, async ([samples, intent], extra, how) => {
        const entries = [...entriesOf(samples), ...withIntent(intent), ...extra];
        await check("POST /settings/tokens", tokensRoute.action, "/settings/tokens", {}, entries, how, 400);
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST /settings/tokens/$tokenId (revoke): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = malformed(
      fc.record({ target: target(() => token.id), confirm: field(fc.constant("yes"), notOneOf(["yes"])) }),
      (samples) => samples.confirm.ok,
    );
    await fc.assert(
      fc.asyncProperty(
        input,
        noise(["confirm"]),
        encoding,
        async ([{ target: to, ...samples }, intent], extra, how) => {
          const path = `/settings/tokens/${pathSegment(to.id)}`;
          const entries = [...entriesOf(samples), ...withIntent(intent), ...extra];
          await check(
            "POST /settings/tokens/$tokenId",
            tokenRoute.action,
            path,
            { tokenId: to.id },
            entries,
            how,
            to.real ? 400 : 404,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
