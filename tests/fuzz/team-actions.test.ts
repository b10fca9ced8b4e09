/**
 * Malformed submissions against every team action (create, edit, remove,
 * assess), as HR: wrong types (repeated fields, files, bodies that are not
 * forms), missing and empty fields, 100,000-character strings, unicode, NUL
 * and control characters, injection strings, unknown role and skill ids,
 * shares such as "abc", -5 or 1e309, shares over 100 % together, managers that
 * close a reporting loop or belong to another organisation. Each must be
 * refused (400; 404 for another organisation's or an unknown member; 403 for
 * assessing oneself), never 5xx, and write nothing.
 *
 * Every input is a valid submission broken by at least one "corruption" that
 * on its own makes it invalid, so the expected status makes a slip in the
 * generators visible instead of silently testing valid input.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { shippedPlaybook } from "../../app/domain/playbook";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import * as assessRoute from "../../app/routes/team.$memberId.assessments";
import * as deleteRoute from "../../app/routes/team.$memberId.delete";
import * as editRoute from "../../app/routes/team.$memberId.edit";
import * as newRoute from "../../app/routes/team.new";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createUser } from "../utils/actors";
import {
  CONTROL,
  corrupted as corruptedWith,
  type Corruption,
  type Encoding,
  type Entries,
  fileWith,
  formEncoding,
  formRequest,
  fuzzer,
  type Handler,
  repeated,
  set,
  sqliteFingerprint,
  type Value,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
let hrCookie: string;
/** A (top) ← B ← C: B reports to A, C to B. D stands alone. F is another organisation's. S is HR's own member record. */
const ids = { a: "", b: "", c: "", d: "", f: "", s: "", freeUser: "", linkedUser: "" };

beforeAll(async () => {
  cast = await createCast();
  hrCookie = await cookieFor(cast.hr.id);
  const organisationId = cast.organisation.id;
  const linkedUser = await createUser({ organisationId, kind: "member" });
  const freeUser = await createUser({ organisationId, kind: "member" });
  const make = (name: string, extra: { managerId?: string; email?: string; userId?: string } = {}) =>
    db.member.create({
      data: {
        organisationId,
        name,
        department: "operations_manager",
        markets: '["US"]',
        ...extra,
        roles: {
          create: [
            { roleId: "operations_manager", sharePercent: 60 },
            { roleId: "marketing", sharePercent: 40 },
          ],
        },
      },
    });
  const a = await make("Fuzz A", { email: "a@fuzz.example" });
  const b = await make("Fuzz B", { managerId: a.id, email: "b@fuzz.example", userId: linkedUser.id });
  const c = await make("Fuzz C", { managerId: b.id });
  const d = await make("Fuzz D");
  const s = await make("HR themselves", { userId: cast.hr.id });
  const f = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign" } });
  for (const member of [a, b, c]) {
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: "ad_buying",
        level: 2,
        assessedOn: new Date("2025-01-01"),
        assessorName: "Seed",
      },
    });
  }
  Object.assign(ids, {
    a: a.id,
    b: b.id,
    c: c.id,
    d: d.id,
    f: f.id,
    s: s.id,
    freeUser: freeUser.id,
    linkedUser: linkedUser.id,
  });
  baseline = noWrite.take();
  // the seed itself: 6 members, 10 roles, 3 assessments
  expect(baseline).toMatch(/^6\/10\/3\//);
});

afterAll(() => {
  noWrite.close();
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
  '\'; DROP TABLE "Member"; --',
  'Robert\'); DELETE FROM "SkillAssessment";--',
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
  "Infinity",
  "-1",
  "1e309",
  "[]",
  "{}",
  "\u202eevil",
  "\uFEFF",
  "\uD800",
  "ＡＤＭＩＮ",
];

/** Odd strings; the 100,000-character ones are rarer, as each costs a megabyte body to encode and parse. */
const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "\t", "\r\n", "\u0000", "\u0007", "\u007f") },
);

/** Valid single-line text: what a name or title may be (unicode and injection strings included). */
const fineText = fc
  .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constantFrom(...INJECTIONS))
  .filter(
    (value) =>
      value.trim().length > 0 && value.trim().length <= 100 && !CONTROL.some((control) => value.includes(control)),
  );

/** Text no single-line name accepts: empty, blank, too long, a control character inside. */
const badName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "\t\t", " \r\n "),
  fc.integer({ min: 101, max: 400 }).map((length) => "名".repeat(length)),
  fc.constantFrom(...HUGE),
  fc
    .tuple(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom(...CONTROL),
      fc.string({ unit: "grapheme", maxLength: 20 }),
    )
    .map(([before, control, after]) => `x${before}${control}${after}x`),
);

/** The share rule, stated here on its own: a whole percent 1–100, optionally followed by "%". */
function isValidShare(value: string): boolean {
  const match = /^(\d{1,3})\s*%?$/.exec(value.trim());
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 100;
}

function isValidDay(value: string, from: string, to: string): boolean {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) && text >= from && text <= to;
}

const badShare = fc
  .oneof(
    fc.constantFrom(
      "abc",
      "-5",
      "0",
      "101",
      "1e309",
      "1e2",
      "NaN",
      "Infinity",
      "12.5",
      "0x10",
      "５０",
      "50%%",
      "+50",
      "5 0",
      "½",
      "1,000",
    ),
    fc.integer({ min: 101, max: 1_000_000_000 }).map(String),
    fc.integer({ min: -1_000_000_000, max: 0 }).map(String),
    fc.double({ noNaN: false }).map(String),
    nasty,
  )
  .filter((value) => value.trim() !== "" && !isValidShare(value));

const notRoleId = fc.oneof(
  nasty,
  fc.string({ maxLength: 20 }),
  fc.constantFrom("ceo", "CEO", "Tech_Dev", "product manager", "产品经理"),
);
const idLike = fc
  .string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 8, maxLength: 30 })
  .map((value) => `c${value}`);
const badIdShape = fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.constant("x".repeat(65))).filter((value) => {
  const trimmed = value.trim();
  // a value that is only a byte-order mark arrives empty in a multipart body (a UTF-8 decoder drops a leading BOM): that is "no id", not a bad one
  return (
    value.replace(/^\uFEFF/, "") !== "" &&
    !(trimmed.length > 0 && trimmed.length <= 64 && /^[A-Za-z0-9_-]+$/.test(trimmed))
  );
});
const emailCheck = z.string().trim().toLowerCase().max(254).email();
const badEmail = fc
  .oneof(
    nasty,
    fc.string({ maxLength: 30 }),
    fc.constantFrom("a@", "@b.c", "a@b", "a b@c.d", "a@b..c", `${"a".repeat(250)}@b.com`),
  )
  .filter((value) => value.trim() !== "" && !emailCheck.safeParse(value).success);

// ---------------------------------------------------------------------------
// building submissions

function drop(entries: Entries, test: (name: string) => boolean): Entries {
  return entries.filter(([key]) => !test(key));
}

/** A file where text belongs: not read, so the same as missing (only for required fields). */
const fileFor = fileWith(nasty);

/** Names the forms do not have, including conform's reserved and path-syntax names; the server ignores them. */
function noise(isField: (name: string) => boolean): fc.Arbitrary<Entries> {
  const name = fc
    .oneof(
      fc.constantFrom(
        "__intent__",
        "__state__",
        "roles",
        "roles[0]",
        "roles[]",
        "roles[7].roleId",
        "roles[99999999].share",
        "roles[4294967296].roleId",
        "roles[0].share.x",
        "name.first",
        "name[0]",
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
    .filter((value) => !isField(value));
  const value = fc.oneof(
    nasty,
    fc.constant('{"type":"insert","payload":{"name":"roles"}}'),
    fc.constant('{"type":"validate"}'),
  );
  return fc
    .array(fc.tuple(name, value), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, text]): [string, Value] => [key, text]));
}

/** The address of a member's page; ids that cannot be encoded (a lone surrogate) still reach the action as params. */
function memberPath(id: string, rest: string): string {
  try {
    return `/team/${encodeURIComponent(id)}/${rest}`;
  } catch {
    return `/team/invalid/${rest}`;
  }
}

// ---------------------------------------------------------------------------
// "no write": every row of the three tables that belongs to the two
// organisations in play (HR's own, where the actions write, and the other one,
// whose ids are thrown at them), hashed. Read through a connection of its own
// (a plain SQLite reader, no ORM): fast enough to run after every input.

const noWrite = sqliteFingerprint(
  [
    'SELECT * FROM "Member" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT r.* FROM "MemberRole" r JOIN "Member" m ON m."id" = r."memberId" WHERE m."organisationId" IN (?, ?) ORDER BY r."memberId", r."roleId"',
    'SELECT * FROM "SkillAssessment" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
  ],
  { params: () => [cast.organisation.id, cast.other.id] },
);
let baseline = "";
const fuzz = fuzzer({ fingerprint: noWrite.take, baseline: () => baseline });

async function check(
  action: string,
  handler: Handler,
  path: string,
  params: Record<string, string>,
  entries: Entries,
  how: Encoding,
  expected: number,
) {
  await fuzz.check(action, handler, formRequest(path, hrCookie, entries, how), params, expected);
}

/** Applies the corruptions in order; a broken body counts as one more. */
const corrupted = (
  base: fc.Arbitrary<Entries>,
  isField: (name: string) => boolean,
  corruptions: fc.Arbitrary<Corruption>,
) => corruptedWith(base, noise(isField), corruptions);

// ---------------------------------------------------------------------------
// the member form (create and edit)

const MEMBER_FIELDS = [
  "name",
  "email",
  "title",
  "department",
  "managerId",
  "markets",
  "languages",
  "startDate",
  "userId",
];
const isMemberField = (name: string) => MEMBER_FIELDS.includes(name) || /^roles\[[0-6]\]\.(roleId|share)$/.test(name);
const isRoleField = (name: string) => name.startsWith("roles[");

/** A valid member form; `managers` are the valid choices of manager for the member being written. */
function validMember(managers: () => string[]): fc.Arbitrary<Entries> {
  return fc
    .record({
      name: fineText,
      email: fc.constantFrom("", "fresh@fuzz.example", " New.Person@Fuzz.Example "),
      title: fc.oneof(fc.constant(""), fineText),
      roles: fc.constantFrom<[string, string][]>(
        [
          ["operations_manager", "40"],
          ["product_manager", "40"],
        ],
        [["supply_chain", "100"]],
        [
          ["marketing", "50 %"],
          ["tech_dev", "50"],
        ],
        [["data_analysis", "1"]],
      ),
      department: fc.constantFrom("", ...CORE_ROLE_IDS),
      manager: fc.integer({ min: 0, max: 10 }),
      markets: fc.constantFrom("", "US, DE, JP", "美国，德国、日本", "US\nUK"),
      languages: fc.constantFrom("", "English", "中文, English"),
      startDate: fc.constantFrom("", "2024-01-31", "1999-12-31"),
      user: fc.boolean(),
    })
    .map((value) => {
      const choices = ["", ...managers()];
      const entries: Entries = [
        ["name", value.name],
        ["email", value.email],
        ["title", value.title],
        ["department", value.department],
        ["managerId", choices[value.manager % choices.length]],
        ["markets", value.markets],
        ["languages", value.languages],
        ["startDate", value.startDate],
        ["userId", value.user ? ids.freeUser : ""],
      ];
      value.roles.forEach(([roleId, share], index) =>
        entries.push([`roles[${index}].roleId`, roleId], [`roles[${index}].share`, share]),
      );
      // the empty rows a form without JavaScript sends
      for (let index = value.roles.length; index < 3; index += 1)
        entries.push([`roles[${index}].roleId`, ""], [`roles[${index}].share`, ""]);
      return entries;
    });
}

/** Replaces the role rows. */
const withRoles =
  (rows: [string, string][]): Corruption =>
  (entries) => {
    const kept = drop(entries, isRoleField);
    rows.forEach(([roleId, share], index) =>
      kept.push([`roles[${index}].roleId`, roleId], [`roles[${index}].share`, share]),
    );
    return kept;
  };

function memberCorruptions(extra: fc.Arbitrary<Corruption>[] = []): fc.Arbitrary<Corruption> {
  const otherOrgManager = fc.constant<Corruption>((entries) => set(entries, "managerId", ids.f));
  return fc.oneof(
    // name
    badName.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "name", value),
    ),
    fc.constant<Corruption>((entries) => drop(entries, (name) => name === "name")),
    repeated("name", fineText),
    fileFor("name"),
    // email
    badEmail.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "email", value),
    ),
    fc.constantFrom("b@fuzz.example", " B@FUZZ.example").map(
      (value): Corruption =>
        (entries) =>
          set(entries, "email", value),
    ),
    repeated("email", fc.constantFrom("x@fuzz.example", "y@fuzz.example")),
    // title
    fc
      .oneof(
        fc.integer({ min: 101, max: 300 }).map((length) => "t".repeat(length)),
        fc.constantFrom(...HUGE),
        fc.constantFrom("a\u0000b", "line\nbreak", "\u001b[31m"),
      )
      .map(
        (value): Corruption =>
          (entries) =>
            set(entries, "title", value),
      ),
    // roles and shares
    badShare.map((share) => withRoles([["operations_manager", share]])),
    fc
      .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
      .filter(([x, y]) => x + y > 100)
      .map(([x, y]) =>
        withRoles([
          ["product_manager", String(x)],
          ["operations_manager", String(y)],
        ]),
      ),
    fc.tuple(fc.constantFrom(...CORE_ROLE_IDS), fc.integer({ min: 1, max: 50 })).map(([roleId, share]) =>
      withRoles([
        [roleId, String(share)],
        [roleId, String(share)],
      ]),
    ),
    notRoleId
      .filter((value) => value.trim() !== "" && !(CORE_ROLE_IDS as readonly string[]).includes(value.trim()))
      .map((roleId) => withRoles([[roleId, "50"]])),
    fc.constantFrom<Corruption>(
      withRoles([["operations_manager", ""]]),
      withRoles([["", "50"]]),
      withRoles([
        ["", ""],
        ["", ""],
        ["", ""],
      ]),
      withRoles([]),
      withRoles([
        ["tech_dev", "60"],
        ["marketing", "30"],
        ["data_analysis", "11"],
      ]),
      withRoles([
        ["tech_dev", "100"],
        ["marketing", "1"],
      ]),
    ),
    repeated("roles[0].roleId", fc.constantFrom(...CORE_ROLE_IDS)),
    repeated("roles[0].share", fc.constantFrom("10", "20")),
    // department
    notRoleId
      .filter((value) => value !== "" && !(CORE_ROLE_IDS as readonly string[]).includes(value))
      .map(
        (value): Corruption =>
          (entries) =>
            set(entries, "department", value),
      ),
    repeated("department", fc.constantFrom(...CORE_ROLE_IDS)),
    // manager
    otherOrgManager,
    idLike.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "managerId", value),
    ),
    badIdShape.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "managerId", value),
    ),
    repeated("managerId", fc.constantFrom(ids.a || "a", ids.d || "d")),
    // account
    fc.constantFrom<Corruption>(
      (entries) => set(entries, "userId", cast.otherAdmin.id),
      (entries) => set(entries, "userId", ids.linkedUser),
    ),
    idLike.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "userId", value),
    ),
    badIdShape.map(
      (value): Corruption =>
        (entries) =>
          set(entries, "userId", value),
    ),
    // markets and languages
    fc.tuple(fc.constantFrom("markets", "languages"), fc.integer({ min: 21, max: 60 })).map(
      ([name, count]): Corruption =>
        (entries) =>
          set(entries, name, Array.from({ length: count }, (_, index) => `M${index}`).join(", ")),
    ),
    fc.tuple(fc.constantFrom("markets", "languages"), fc.integer({ min: 41, max: 500 })).map(
      ([name, length]): Corruption =>
        (entries) =>
          set(entries, name, `US, ${"x".repeat(length)}`),
    ),
    // not a line break: "\n" separates entries, and a multipart body turns a lone "\r" into "\r\n"
    fc
      .tuple(
        fc.constantFrom("markets", "languages"),
        fc.constantFrom(...CONTROL.filter((control) => control !== "\n" && control !== "\r")),
      )
      .map(
        ([name, control]): Corruption =>
          (entries) =>
            set(entries, name, `U${control}S, DE`),
      ),
    // start date
    fc
      .oneof(
        nasty,
        fc.constantFrom(
          "2024-02-30",
          "1899-12-31",
          "2101-01-01",
          "24-01-01",
          "2024/01/01",
          "2024-1-1",
          "01.02.2024",
          "2024-01-01T00:00",
        ),
      )
      .filter((value) => value.trim() !== "" && !isValidDay(value, "1900-01-01", "2100-12-31"))
      .map(
        (value): Corruption =>
          (entries) =>
            set(entries, "startDate", value),
      ),
    repeated("startDate", fc.constant("2024-01-01")),
    ...extra,
  );
}

// ---------------------------------------------------------------------------

describe("malformed submissions to the team actions (as HR)", () => {
  it(`POST /team/new: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = corrupted(
      validMember(() => [ids.a, ids.b, ids.c, ids.d]),
      isMemberField,
      memberCorruptions(),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ entries, how }) => {
        await check("POST /team/new", newRoute.action as Handler, "/team/new", {}, entries, how, 400);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it(`POST /team/$memberId/edit: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // A is edited: the valid managers are those outside A's own line
    const loops = fc.constantFrom<Corruption>(
      (entries) => set(entries, "managerId", ids.c),
      (entries) => set(entries, "managerId", ids.b),
      (entries) => set(entries, "managerId", ids.a),
    );
    const target = fc.oneof(
      { weight: 9, arbitrary: fc.constant(null).map(() => ({ id: ids.a, real: true })) },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            nasty,
            fc.constant(null).map(() => ids.f),
            idLike,
          )
          .map((id) => ({ id, real: false })),
      },
    );
    const input = fc.tuple(
      target,
      corrupted(
        validMember(() => [ids.d]),
        isMemberField,
        memberCorruptions([loops, loops]),
      ),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([to, { entries, how }]) => {
        const path = memberPath(to.id, "edit");
        await check(
          "POST /team/$memberId/edit",
          editRoute.action as Handler,
          path,
          { memberId: to.id },
          entries,
          how,
          to.real ? 400 : 404,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it(`POST /team/$memberId/delete: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const badConfirm: fc.Arbitrary<Corruption> = fc.oneof(
      fc
        .oneof(nasty, fc.constantFrom("YES", " yes", "yes ", "true", "1", "on", "是", "ｙｅｓ"))
        .filter((value) => value !== "yes")
        .map(
          (value): Corruption =>
            (entries) =>
              set(entries, "confirm", value),
        ),
      fc.constant<Corruption>((entries) => drop(entries, (name) => name === "confirm")),
      repeated("confirm", fc.constant("yes")),
      fileFor("confirm"),
    );
    const base = fc.constant<Entries>([["confirm", "yes"]]);
    const real = fc
      .tuple(
        fc.constantFrom("a", "b", "c", "d"),
        corrupted(base, (name) => name === "confirm", badConfirm),
      )
      .map(([key, body]) => ({ id: "", key, real: true, ...body }));
    // another organisation's member, or no member at all: 404 whatever the body says
    const unknown = fc
      .tuple(
        fc.oneof(
          fc.constant("f"),
          nasty.map((id) => `raw:${id}`),
          idLike.map((id) => `raw:${id}`),
        ),
        fc.oneof(
          base,
          noise((name) => name === "confirm").map((extra): Entries => [["confirm", "yes"], ...extra]),
        ),
        formEncoding,
      )
      .map(([key, entries, how]) => ({ id: "", key, real: false, entries, how }));
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: unknown }), async (sample) => {
        const id = sample.key.startsWith("raw:") ? sample.key.slice(4) : ids[sample.key as keyof typeof ids];
        const path = memberPath(id, "delete");
        await check(
          "POST /team/$memberId/delete",
          deleteRoute.action as Handler,
          path,
          { memberId: id },
          sample.entries,
          sample.how,
          sample.real ? 400 : 404,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it(`POST /team/$memberId/assessments: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const skillIds = shippedPlaybook.skills.map((skill) => skill.id);
    const isField = (name: string) => ["skillId", "level", "assessedOn", "note"].includes(name);
    const base = fc
      .record({
        skillId: fc.constantFrom(...skillIds),
        level: fc.constantFrom("0", "1", "2", "3", "4"),
        assessedOn: fc.constantFrom(
          "2025-01-01",
          "2000-02-29",
          new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        ),
        note: fc.oneof(fc.constant(""), fineText, fc.constant("line one\nline two\ttabbed")),
      })
      .map((value): Entries => Object.entries(value));
    const future = fc
      .integer({ min: 2, max: 100_000 })
      .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
    const corruptions: fc.Arbitrary<Corruption> = fc.oneof(
      fc
        .oneof(nasty, fc.string({ maxLength: 20 }), fc.constantFrom("juggling", "AD_BUYING", "ad-buying", "技能"))
        .filter((value) => !skillIds.includes(value.trim()))
        .map(
          (value): Corruption =>
            (entries) =>
              set(entries, "skillId", value),
        ),
      repeated("skillId", fc.constantFrom(...skillIds)),
      fileFor("skillId"),
      fc
        .oneof(
          nasty,
          fc.constantFrom("5", "-1", "abc", "1e309", "2.0", "02", "４", "Infinity", "-0", "0x1"),
          fc.integer().map(String),
        )
        .filter((value) => !/^[0-4]$/.test(value.trim()))
        .map(
          (value): Corruption =>
            (entries) =>
              set(entries, "level", value),
        ),
      repeated("level", fc.constantFrom("1", "2")),
      future.map(
        (value): Corruption =>
          (entries) =>
            set(entries, "assessedOn", value),
      ),
      fc
        .oneof(
          nasty,
          fc.constantFrom("2025-02-29", "1899-12-31", "2025-13-01", "2025/01/01", "yesterday", "0000-00-00"),
        )
        .filter((value) => !isValidDay(value, "1900-01-01", "2100-12-31"))
        .map(
          (value): Corruption =>
            (entries) =>
              set(entries, "assessedOn", value),
        ),
      repeated("assessedOn", fc.constant("2025-01-01")),
      fc.integer({ min: 2001, max: 20_000 }).map(
        (length): Corruption =>
          (entries) =>
            set(entries, "note", "n".repeat(length)),
      ),
      fc.constantFrom(...HUGE.filter((value) => value.trim().length > 2000)).map(
        (value): Corruption =>
          (entries) =>
            set(entries, "note", value),
      ),
      fc.tuple(fineText, fc.constantFrom(...CONTROL.filter((control) => !["\t", "\n", "\r"].includes(control)))).map(
        ([text, control]): Corruption =>
          (entries) =>
            set(entries, "note", `${text}${control}${text}`),
      ),
      repeated("note", fc.constantFrom("a", "b")),
    );
    // B is assessed; HR's own record is refused (403); another organisation's or an unknown id, 404
    const target = fc.oneof(
      { weight: 8, arbitrary: fc.constant({ key: "b", expected: 400 }) },
      { weight: 1, arbitrary: fc.constant({ key: "s", expected: 403 }) },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constant("f"),
            idLike.map((id) => `raw:${id}`),
            nasty.map((id) => `raw:${id}`),
          )
          .map((key) => ({ key, expected: 404 })),
      },
    );
    await fc.assert(
      fc.asyncProperty(target, corrupted(base, isField, corruptions), async (to, { entries, how }) => {
        const id = to.key.startsWith("raw:") ? to.key.slice(4) : ids[to.key as keyof typeof ids];
        const path = memberPath(id, "assessments");
        await check(
          "POST /team/$memberId/assessments",
          assessRoute.action as Handler,
          path,
          { memberId: id },
          entries,
          how,
          to.expected,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
