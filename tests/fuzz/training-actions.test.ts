/**
 * Malformed submissions against the training actions (plan from gaps, save
 * an item), as HR: wrong types (repeated fields, files, bodies that are not
 * forms), missing fields, 100,000-character strings, control characters,
 * injection strings, unknown skills and kinds, levels, hours and percents out
 * of range, impossible dates, due dates before start dates, and a stale
 * version (someone saved in between: 409). Each must be refused, never 5xx,
 * and write nothing.
 *
 * Every input is a valid submission broken by at least one corruption that
 * on its own makes it invalid, so the expected status is known.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { TRAINING_KINDS } from "../../app/domain/training-advice";
import { TRAINING_STATUSES } from "../../app/domain/training-progress";
import * as itemRoute from "../../app/routes/training.items.$itemId";
import * as planRoute from "../../app/routes/training.plan.$memberId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import {
  CONTROL,
  corrupted as corruptedWith,
  type Corruption,
  type Encoding,
  type Entries,
  fileWith,
  formRequest,
  fuzzer,
  type Handler,
  missing,
  repeated as repeatedField,
  set,
  setTo,
  sqliteFingerprint,
  type Value,
  FUZZ_RUNS,
  scaledRuns,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
let hrCookie: string;
const ids = { member: "", item: "", foreignItem: "" };
const SKILLS = shippedPlaybook.skills.map((skill) => skill.id);

beforeAll(async () => {
  cast = await createCast();
  hrCookie = await cookieFor(cast.hr.id);
  const organisationId = cast.organisation.id;
  const member = await db.member.create({
    data: {
      organisationId,
      name: "Fuzz Ops",
      department: "operations_manager",
      roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
    },
  });
  const foreign = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign" } });
  const item = await db.trainingItem.create({
    data: {
      organisationId,
      memberId: member.id,
      skillId: "ad_buying",
      fromLevel: 1,
      targetLevel: 3,
      kind: "course",
      hours: 8,
    },
  });
  const foreignItem = await db.trainingItem.create({
    data: {
      organisationId: cast.other.id,
      memberId: foreign.id,
      skillId: "ad_buying",
      fromLevel: 1,
      targetLevel: 3,
      kind: "course",
    },
  });
  Object.assign(ids, { member: member.id, item: item.id, foreignItem: foreignItem.id });
  baseline = noWrite.take();
  expect(baseline).toMatch(/^2\/0\//);
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
  '\'; DROP TABLE "TrainingItem"; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
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
  "\uFEFF",
  "ＡＤＭＩＮ",
];
const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);
const fineText = fc
  .oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom(...INJECTIONS))
  .filter((value) => value.trim().length <= 200 && !CONTROL.some((control) => value.includes(control)));

const inRange = (value: string, min: number, max: number) =>
  /^\d{1,6}$/.test(value.trim()) && Number(value.trim()) >= min && Number(value.trim()) <= max;
const badNumber = (min: number, max: number) =>
  fc
    .oneof(
      fc.constantFrom("abc", "-5", "1e3", "12.5", "0x10", "５", "+1", "1 0", "½", "1,000"),
      fc.integer({ min: max + 1, max: 1e9 }).map(String),
      fc.integer({ min: -1e9, max: min - 1 }).map(String),
      nasty,
    )
    .filter((value) => value.trim() !== "" && !inRange(value.replace(/%$/, ""), min, max));
const badLevel = badNumber(1, 4);
const badHours = badNumber(0, 2000);
const badPercent = badNumber(0, 100);
const notIn = (allowed: readonly string[]) =>
  fc.oneof(nasty, fc.string({ maxLength: 20 })).filter((value) => !allowed.includes(value.trim()));
const badDay = fc
  .oneof(
    fc.constantFrom(
      "2026-02-30",
      "2026-13-01",
      "1999-12-31",
      "2101-01-01",
      "26-01-01",
      "2026/01/01",
      "today",
      "2026-1-1",
    ),
    nasty,
  )
  .filter((value) => value.trim() !== "");
const longText = (max: number) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 300 }).map((length) => "x".repeat(length)),
    fc.constantFrom(...HUGE),
  );
const controlled = fc.constantFrom("a\u0000b", "\u001b[31m", "x\u0007", "\u007f");

// ---------------------------------------------------------------------------
// building submissions

/** Two or three values (this file's maximum) where one is expected. */
const repeated = (name: string, value: fc.Arbitrary<string>) => repeatedField(name, value, 3);
/** A file where text belongs: not read in a urlencoded body and refused in a multipart one (use for required fields). */
const fileFor = fileWith(nasty);
const dropField = missing;

function noise(isField: (name: string) => boolean): fc.Arbitrary<Entries> {
  const name = fc
    .oneof(
      fc.constantFrom(
        "__intent__",
        "items",
        "items[]",
        "items[99999999].skillId",
        "items[40].include",
        "items[0]",
        "__proto__",
        "version.x",
        "",
        "x".repeat(10_000),
      ),
      fc.string({ maxLength: 20 }),
    )
    .filter((value) => !isField(value));
  return fc
    .array(fc.tuple(name, nasty), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, text]): [string, Value] => [key, text]));
}

/** Bodies that are not forms (no "none" here): nothing in them is read. */
const brokenEncoding: fc.Arbitrary<Encoding> = fc.constantFrom(
  "json" as const,
  "text" as const,
  "broken-multipart" as const,
);

// "no write": the training items and assessments of both organisations, hashed, read through a connection of its own
const noWrite = sqliteFingerprint(
  [
    'SELECT * FROM "TrainingItem" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT * FROM "SkillAssessment" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
  ],
  {
    params: () => [cast.organisation.id, cast.other.id],
  },
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

const corrupted = (
  base: fc.Arbitrary<Entries>,
  isField: (name: string) => boolean,
  corruptions: fc.Arbitrary<Corruption>,
) => corruptedWith(base, noise(isField), corruptions, brokenEncoding);

// ---------------------------------------------------------------------------
// the item form (HR edits every field)

const ITEM_FIELDS = [
  "version",
  "targetLevel",
  "kind",
  "provider",
  "startDate",
  "dueDate",
  "hours",
  "status",
  "progressPercent",
  "evidence",
];

const validItem: fc.Arbitrary<Entries> = fc
  .record({
    targetLevel: fc.constantFrom("1", "2", "3", "4", " 3 "),
    kind: fc.constantFrom(...TRAINING_KINDS),
    provider: fineText,
    dates: fc.constantFrom(["", ""], ["2026-01-01", "2026-03-01"], ["", "2026-12-31"], ["2026-05-05", "2026-05-05"]),
    hours: fc.constantFrom("", "0", "12", "2000"),
    status: fc.constantFrom(...TRAINING_STATUSES),
    progress: fc.constantFrom("", "0", "55", "100", "40%"),
    evidence: fc.constantFrom("", "https://cert.example/1", "第一行\n第二行"),
  })
  .map((v): Entries => [
    ["version", "1"],
    ["targetLevel", v.targetLevel],
    ["kind", v.kind],
    ["provider", v.provider],
    ["startDate", v.dates[0]],
    ["dueDate", v.dates[1]],
    ["hours", v.hours],
    ["status", v.status],
    ["progressPercent", v.progress],
    ["evidence", v.evidence],
  ]);

const itemCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  setTo("targetLevel", badLevel),
  dropField("targetLevel"),
  setTo("kind", notIn(TRAINING_KINDS)),
  dropField("kind"),
  setTo("status", notIn(TRAINING_STATUSES)),
  dropField("status"),
  setTo("provider", fc.oneof(longText(200), controlled, fc.constant("line\nbreak"))),
  setTo("evidence", fc.oneof(longText(2000), controlled)),
  setTo("startDate", badDay),
  setTo("dueDate", badDay),
  fc.constant<Corruption>((entries) => set(set(entries, "startDate", "2026-06-02"), "dueDate", "2026-06-01")),
  setTo("hours", badHours),
  setTo("progressPercent", badPercent),
  setTo(
    "version",
    fc.oneof(fc.constantFrom("0", "-1", "abc", "1.0", ""), nasty).filter((value) => !inRange(value, 1, 1_000_000)),
  ),
  dropField("version"),
  ...ITEM_FIELDS.map((name) => repeated(name, fc.constantFrom("1", "course", "planned", ""))),
  // a file where text belongs is not read (the same as missing): only for the required fields
  ...["version", "targetLevel", "kind", "status"].map(fileFor),
);

// ---------------------------------------------------------------------------
// the plan form

const isPlanField = (name: string) =>
  /^items\[([0-9]|[1-3][0-9])\]\.(include|skillId|targetLevel|kind|provider|startDate|dueDate|hours)$/.test(name);

const planRow = fc.record({
  skillId: fc.constantFrom(...SKILLS),
  targetLevel: fc.constantFrom("1", "2", "3", "4"),
  kind: fc.constantFrom(...TRAINING_KINDS),
  provider: fineText,
  hours: fc.constantFrom("", "8", "40"),
  dates: fc.constantFrom(["", ""], ["2026-01-01", "2026-03-01"]),
});

const validPlan: fc.Arbitrary<Entries> = fc
  .uniqueArray(planRow, { minLength: 1, maxLength: 3, selector: (row) => row.skillId })
  .map((rows) =>
    rows.flatMap((row, i): Entries => [
      [`items[${i}].include`, "on"],
      [`items[${i}].skillId`, row.skillId],
      [`items[${i}].targetLevel`, row.targetLevel],
      [`items[${i}].kind`, row.kind],
      [`items[${i}].provider`, row.provider],
      [`items[${i}].hours`, row.hours],
      [`items[${i}].startDate`, row.dates[0]],
      [`items[${i}].dueDate`, row.dates[1]],
    ]),
  );

/** Corrupts row 0, which every valid plan has (and which is ticked). */
const planCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  setTo("items[0].skillId", notIn(SKILLS)),
  // the same skill twice (row 0 ticked again, in case another corruption unticked it)
  fc.constant<Corruption>((entries) => {
    const skill = entries.find(([key]) => key === "items[0].skillId")?.[1];
    let out = set(entries, "items[0].include", "on");
    for (const [name, value] of [
      ["include", "on"],
      ["skillId", typeof skill === "string" ? skill : "ad_buying"],
      ["targetLevel", "2"],
      ["kind", "course"],
    ])
      out = set(out, `items[5].${name}`, value);
    return out;
  }),
  setTo("items[0].targetLevel", badLevel),
  dropField("items[0].targetLevel"),
  setTo("items[0].kind", notIn(TRAINING_KINDS)),
  dropField("items[0].kind"),
  setTo("items[0].provider", fc.oneof(longText(200), controlled)),
  setTo("items[0].hours", badHours),
  setTo("items[0].startDate", badDay),
  setTo("items[0].dueDate", badDay),
  fc.constant<Corruption>((entries) =>
    set(set(entries, "items[0].startDate", "2026-06-02"), "items[0].dueDate", "2026-06-01"),
  ),
  ...["skillId", "targetLevel", "kind", "hours"].map((name) =>
    repeated(`items[0].${name}`, fc.constantFrom("ad_buying", "2", "course")),
  ),
  ...["skillId", "targetLevel", "kind"].map((name) => fileFor(`items[0].${name}`)),
  // nothing ticked: an empty plan
  fc.constant<Corruption>((entries) => entries.filter(([key]) => !key.endsWith(".include"))),
);

describe("fuzz: training actions", () => {
  it(
    `refuses ${RUNS} malformed item saves (400, or 409 for a stale version) and writes nothing`,
    async () => {
      const path = `/training/items/${ids.item}`;
      await fc.assert(
        fc.asyncProperty(
          corrupted(validItem, (name) => ITEM_FIELDS.includes(name), itemCorruptions),
          async ({ entries, how }) => {
            await check("save item", itemRoute.action as Handler, path, { itemId: ids.item }, entries, how, 400);
          },
        ),
        { numRuns: RUNS },
      );
      // a valid form of a stale version: 409, nothing written
      await fc.assert(
        fc.asyncProperty(validItem, fc.integer({ min: 2, max: 999_999 }), async (entries, version) => {
          await check(
            "save item (stale version)",
            itemRoute.action as Handler,
            path,
            { itemId: ids.item },
            set(entries, "version", String(version)),
            "urlencoded",
            409,
          );
        }),
        { numRuns: scaledRuns(200) },
      );
      // another organisation's item or an unknown id: 404
      await fc.assert(
        fc.asyncProperty(
          validItem,
          fc.constantFrom(ids.foreignItem, "cunknownitem00000000", "../x", "\u0000"),
          async (entries, itemId) => {
            await check(
              "save item (not here)",
              itemRoute.action as Handler,
              `/training/items/x`,
              { itemId },
              entries,
              "urlencoded",
              404,
            );
          },
        ),
        { numRuns: scaledRuns(100) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `refuses ${RUNS} malformed plans and writes nothing`,
    async () => {
      const path = `/training/plan/${ids.member}`;
      await fc.assert(
        fc.asyncProperty(corrupted(validPlan, isPlanField, planCorruptions), async ({ entries, how }) => {
          await check("plan from gaps", planRoute.action as Handler, path, { memberId: ids.member }, entries, how, 400);
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
