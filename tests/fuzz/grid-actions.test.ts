/**
 * Malformed submissions to the assessment grid's action (issue 18), as HR:
 * bodies that are not forms, missing, repeated and odd dates, levels that are
 * not 0–4, notes too long or with control characters, hidden fields (member,
 * skill, what the form showed) broken or pointing at cells outside the grid
 * (another member, another organisation's, HR's own record), a cell sent
 * twice. Each must be refused (400; 403 for HR's own grid; 404 for a grid of
 * another organisation's member or of nobody), never 5xx, and write nothing.
 *
 * As in team-actions.test.ts, every input is a valid submission (each cell
 * changed, so each would be written) broken by at least one corruption that
 * on its own makes it invalid.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as gridRoute from "../../app/routes/team.assess";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import {
  CONTROL,
  corrupted as corruptedWith,
  fileWith,
  formRequest,
  fuzzer,
  type Corruption,
  type Entries,
  type Handler,
  repeated,
  set,
  sqliteFingerprint,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

let cast: Awaited<ReturnType<typeof createCast>>;
let hrCookie: string;
/** A and B in operations (A assessed once on ad buying), S is HR's own record, F another organisation's member. */
const ids = { a: "", b: "", s: "", f: "", aAdBuying: "" };
const OPS_SKILLS = ["platform_rules", "ad_buying", "multi_language_culture", "erp_crm_tools"];

const noWrite = sqliteFingerprint(
  [
    'SELECT * FROM "SkillAssessment" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT * FROM "Member" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
  ],
  {
    params: () => [cast.organisation.id, cast.other.id],
  },
);
let baseline = "";
const fuzz = fuzzer({ fingerprint: noWrite.take, baseline: () => baseline });

beforeAll(async () => {
  cast = await createCast();
  hrCookie = await cookieFor(cast.hr.id);
  const organisationId = cast.organisation.id;
  const make = (name: string, userId?: string) =>
    db.member.create({
      data: {
        organisationId,
        name,
        department: "operations_manager",
        userId,
        roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
      },
    });
  const a = await make("Grid A");
  const b = await make("Grid B");
  const s = await make("HR themselves", cast.hr.id);
  const f = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign" } });
  const assessed = await db.skillAssessment.create({
    data: {
      organisationId,
      memberId: a.id,
      skillId: "ad_buying",
      level: 2,
      assessedOn: new Date("2025-01-01"),
      assessorName: "Seed",
    },
  });
  Object.assign(ids, { a: a.id, b: b.id, s: s.id, f: f.id, aAdBuying: assessed.id });
  baseline = noWrite.take();
  expect(baseline).toMatch(/^1\/4\//);
});

afterAll(() => {
  noWrite.close();
  fuzz.log();
});

// ---------------------------------------------------------------------------
// values

const HUGE = ["a".repeat(100_000), "中".repeat(100_000), "\u0000".repeat(100_000), "🦄".repeat(50_000)];
const INJECTIONS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "SkillAssessment"; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "__proto__",
  "constructor",
  "null",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "[]",
  "{}",
  "\u202eevil",
  "\uD800",
  "ＡＤＭＩＮ",
];
const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(" ", "\t", "\r\n", "\u0000", "\u0007", "\u007f") },
);
const fineText = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
  .filter((value) => value.trim().length > 0 && !CONTROL.some((control) => value.includes(control)));

/** The level rule, stated here on its own: after NFKC and trimming, empty or one digit 0–4. */
const isLevelOrEmpty = (value: string) => /^[0-4]?$/.test(value.normalize("NFKC").trim());
const isIdShape = (value: string) => /^[A-Za-z0-9_-]{1,64}$/.test(value.trim());
function isValidDay(value: string): boolean {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(text) &&
    text >= "1900-01-01" &&
    text <= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
  );
}

// ---------------------------------------------------------------------------
// building submissions

type Grid = { path: string; cells: { memberId: string; skillId: string; was: string; seen: string }[] };
const memberGrid = (): Grid => ({
  path: `/team/assess?member=${ids.a}`,
  cells: OPS_SKILLS.map((skillId) =>
    skillId === "ad_buying"
      ? { memberId: ids.a, skillId, was: "2", seen: ids.aAdBuying }
      : { memberId: ids.a, skillId, was: "", seen: "" },
  ),
});
const departmentGrid = (): Grid => ({
  path: "/team/assess?department=operations_manager&skill=platform_rules",
  cells: [ids.a, ids.b].map((memberId) => ({ memberId, skillId: "platform_rules", was: "", seen: "" })),
});

const CELL_FIELDS = ["memberId", "skillId", "level", "note", "was", "seen"];
const isField = (name: string) =>
  name === "assessedOn" || /^cells\[\d{1,3}\]\.(memberId|skillId|level|note|was|seen)$/.test(name);

/** A valid grid form in which every cell is changed (a level other than the one shown), so each would be written. */
function validGrid(grid: () => Grid): fc.Arbitrary<Entries> {
  return fc
    .record({
      assessedOn: fc.constantFrom(
        "2025-06-01",
        "2000-02-29",
        new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      ),
      levels: fc.array(fc.constantFrom("0", "1", "3", "4", " 4 ", "４"), { minLength: 4, maxLength: 4 }),
      notes: fc.array(fc.oneof(fc.constant(""), fineText), { minLength: 4, maxLength: 4 }),
    })
    .map((value) => {
      const entries: Entries = [["assessedOn", value.assessedOn]];
      grid().cells.forEach((cell, index) => {
        entries.push(
          [`cells[${index}].memberId`, cell.memberId],
          [`cells[${index}].skillId`, cell.skillId],
          [`cells[${index}].was`, cell.was],
          [`cells[${index}].seen`, cell.seen],
          [`cells[${index}].level`, value.levels[index]],
          [`cells[${index}].note`, value.notes[index]],
        );
      });
      return entries;
    });
}

const cellName = (index: number, field: string) => `cells[${index}].${field}`;
/** A corruption of one cell (the first or the second: both grids have two at least). */
const inCell = (field: string, values: fc.Arbitrary<string>): fc.Arbitrary<Corruption> =>
  fc.tuple(fc.integer({ min: 0, max: 1 }), values).map(
    ([index, value]): Corruption =>
      (entries) =>
        set(entries, cellName(index, field), value),
  );

function noise(): fc.Arbitrary<Entries> {
  const name = fc
    .oneof(
      fc.constantFrom(
        "__intent__",
        "__state__",
        "cells",
        "cells[0]",
        "cells[]",
        "cells[200].level",
        "cells[99999999].level",
        "cells[0].level.x",
        "assessedOn[0]",
        "__proto__.polluted",
        "a[",
        "",
        "x".repeat(10_000),
      ),
      fc.string({ maxLength: 20 }),
    )
    .filter((value) => !isField(value));
  const value = fc.oneof(
    nasty,
    fc.constant('{"type":"insert","payload":{"name":"cells"}}'),
    fc.constant('{"type":"validate"}'),
  );
  return fc
    .array(fc.tuple(name, value), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, text]): [string, string] => [key, text]));
}

const corruptions: fc.Arbitrary<Corruption> = fc.oneof(
  // the date
  fc
    .oneof(
      nasty,
      fc.constantFrom(
        "2999-01-01",
        "2025-02-29",
        "1899-12-31",
        "2025-13-01",
        "2025/01/01",
        "yesterday",
        "0000-00-00",
        "",
      ),
    )
    .filter((value) => !isValidDay(value))
    .map(
      (value): Corruption =>
        (entries) =>
          set(entries, "assessedOn", value),
    ),
  fc.integer({ min: 2, max: 100_000 }).map(
    (days): Corruption =>
      (entries) =>
        set(entries, "assessedOn", new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)),
  ),
  fc.constant<Corruption>((entries) => entries.filter(([key]) => key !== "assessedOn")),
  repeated("assessedOn", fc.constant("2025-01-01")),
  fileWith(nasty)("assessedOn"),
  // a level
  inCell(
    "level",
    fc
      .oneof(
        nasty,
        fc.constantFrom("5", "-1", "abc", "2.0", "02", "Infinity", "-0", "0x1", "５", "1 2"),
        fc.integer().map(String),
      )
      .filter((value) => !isLevelOrEmpty(value)),
  ),
  fc.integer({ min: 0, max: 1 }).chain((index) => repeated(cellName(index, "level"), fc.constantFrom("1", "3"))),
  // a note
  inCell(
    "note",
    fc.integer({ min: 2001, max: 20_000 }).map((length) => "n".repeat(length)),
  ),
  inCell(
    "note",
    fc
      .tuple(fineText, fc.constantFrom(...CONTROL.filter((control) => !["\t", "\n", "\r"].includes(control))))
      .map(([text, control]) => `${text}${control}${text}`),
  ),
  fc.integer({ min: 0, max: 1 }).chain((index) => repeated(cellName(index, "note"), fc.constantFrom("a", "b"))),
  // the hidden fields
  inCell(
    "memberId",
    fc.oneof(nasty, fc.constant("x".repeat(65))).filter((value) => !isIdShape(value)),
  ),
  inCell(
    "skillId",
    fc.oneof(nasty, fc.constant("x".repeat(65))).filter((value) => !isIdShape(value)),
  ),
  fc.integer({ min: 0, max: 1 }).chain((index) =>
    fc.constantFrom<Corruption>(
      (entries) => entries.filter(([key]) => key !== cellName(index, "memberId")),
      (entries) => entries.filter(([key]) => key !== cellName(index, "skillId")),
    ),
  ),
  inCell(
    "was",
    fc.oneof(nasty, fc.constantFrom("5", "-1", "22", "x")).filter((value) => !/^[0-4]?$/.test(value)),
  ),
  inCell(
    "seen",
    fc.oneof(nasty, fc.constant("x".repeat(65))).filter((value) => !/^([A-Za-z0-9_-]{1,64})?$/.test(value)),
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...CELL_FIELDS))
    .chain(([index, field]) => repeated(cellName(index, field), fc.constantFrom("1", "2"))),
  // cells outside the grid: another member of the organisation, HR's own record, another organisation's member, no one
  inCell(
    "memberId",
    fc
      .constantFrom("s", "f", "unknown")
      .map((key) => (key === "unknown" ? "cnobody00000000000000000" : key === "s" ? ids.s : ids.f)),
  ),
  inCell("skillId", fc.constantFrom("juggling", "AD_BUYING", "bi_tools", "customs_logistics")),
  // a cell sent twice: the second cell becomes the first
  fc.constant<Corruption>((entries) => {
    const first = new Map(
      entries
        .filter(([key]) => key.startsWith("cells[0]."))
        .map(([key, value]) => [key.slice("cells[0].".length), value]),
    );
    let result = entries;
    for (const field of ["memberId", "skillId", "was", "seen"])
      result = set(result, cellName(1, field), first.get(field) ?? "");
    return result;
  }),
);

// ---------------------------------------------------------------------------

describe("malformed submissions to the assessment grid (as HR)", () => {
  it(`POST /team/assess: ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const body = (grid: () => Grid) => corruptedWith(validGrid(grid), noise(), corruptions);
    // the grid the body was built for (400); HR's own grid (403); a grid of another organisation's member, of nobody, or of a malformed id (404)
    const input = fc.oneof(
      {
        weight: 6,
        arbitrary: body(memberGrid).map((sent) => ({ path: () => memberGrid().path, expected: 400, ...sent })),
      },
      {
        weight: 3,
        arbitrary: body(departmentGrid).map((sent) => ({ path: () => departmentGrid().path, expected: 400, ...sent })),
      },
      {
        weight: 1,
        arbitrary: body(memberGrid).map((sent) => ({
          path: () => `/team/assess?member=${ids.s}`,
          expected: 403,
          ...sent,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.oneof(fc.constant("f"), nasty), body(memberGrid)).map(([key, sent]) => ({
          path: () =>
            `/team/assess?${new URLSearchParams({ member: (key === "f" ? ids.f : key).replace(/[\uD800-\uDFFF]/g, "x") })}`,
          expected: 404,
          ...sent,
        })),
      },
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ path, expected, entries, how }) => {
        await fuzz.check(
          "POST /team/assess",
          gridRoute.action as Handler,
          formRequest(path(), hrCookie, entries, how),
          {},
          expected,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
