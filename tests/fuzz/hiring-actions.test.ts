/**
 * Malformed submissions against every hiring action, as a manager (who may
 * do all of them): the target, the plan from the proposal, the order, the
 * status (on the plan and on a position), a position's details, and filling
 * a position. Wrong types (repeated fields, files, bodies that are not
 * forms), missing and empty fields, huge strings, unicode, control
 * characters, injection strings, unknown ids, ids of another organisation.
 * Each must be refused (400; 404 for a position that is not this
 * organisation's), never 5xx, and write nothing.
 *
 * Every input is a valid submission broken by at least one corruption that on
 * its own makes it invalid, so the expected status is known.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import * as hiringRoute from "../../app/routes/hiring._index";
import * as positionRoute from "../../app/routes/hiring.positions.$positionId";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import {
  CONTROL,
  type Encoding as AnyEncoding,
  type Entries,
  formRequest,
  fuzzer,
  type Handler,
  set,
  sqliteFingerprint,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

type Cast = Awaited<ReturnType<typeof createCast>>;
type Corruption = { status: number; apply: (entries: Entries) => Entries };

let cast: Cast;
let managerCookie: string;
const ids = { position: "", second: "", foreignPosition: "", foreignMember: "", foreignUser: "" };

beforeAll(async () => {
  cast = await createCast();
  managerCookie = await cookieFor(cast.manager.id);
  const organisationId = cast.organisation.id;
  await db.organisation.update({
    where: { id: organisationId },
    data: { targetOperatingModel: "independent_site", targetStage: "growth" },
  });
  const make = (org: string, sortOrder: number) =>
    db.hiringPosition.create({
      data: {
        organisationId: org,
        roleId: "tech_dev",
        headcount: 2,
        targetQuarter: "2027-Q1",
        sortOrder,
        status: "open",
      },
    });
  const position = await make(organisationId, 0);
  const second = await make(organisationId, 1);
  const foreign = await make(cast.other.id, 0);
  await db.member.create({ data: { organisationId, name: "Taken", email: "taken@fuzz.example" } });
  const foreignMember = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign" } });
  Object.assign(ids, {
    position: position.id,
    second: second.id,
    foreignPosition: foreign.id,
    foreignMember: foreignMember.id,
    foreignUser: cast.otherAdmin.id,
  });
  baseline = noWrite.take();
});

afterAll(() => {
  noWrite.close();
  fuzz.log();
});

// ---------------------------------------------------------------------------
// values

const HUGE = ["a".repeat(100_000), "中".repeat(100_000), "\u0000".repeat(50_000)];
const INJECTIONS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "HiringPosition"; --',
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
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "\t", "\r\n", "\u0000") },
);
const notIn = (valid: readonly string[]) =>
  fc.oneof(nasty, fc.string({ maxLength: 12 })).filter((v) => !valid.includes(v));
const badHeadcount = fc
  .oneof(
    fc.constantFrom("0", "51", "-1", "1.5", "abc", "1e2", "５", "+2", "999", "0x10", ""),
    nasty,
    fc.integer({ min: 51, max: 1_000_000 }).map(String),
  )
  .filter((v) => !/^\s*\d{1,3}\s*$/.test(v) || Number(v.trim()) < 1 || Number(v.trim()) > 50);
const badQuarter = fc
  .oneof(
    fc.constantFrom("2027-Q5", "2027-Q0", "27-Q1", "2027Q1", "Q1 2027", "1999-Q1", "2100-Q1", "next spring", ""),
    nasty,
  )
  .filter((v) => !/^(20\d{2})-Q([1-4])$/.test(v.trim().toUpperCase()));
const badIdShape = fc.oneof(nasty, fc.constant("x".repeat(65)), fc.constantFrom("a b", "a/b", "é")).filter((v) => {
  const t = v.trim();
  return v !== "" && !(t.length > 0 && t.length <= 64 && /^[A-Za-z0-9_-]+$/.test(t));
});
const unknownId = fc
  .string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 10, maxLength: 30 })
  .map((v) => `c${v}`);
const withControl = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom(...CONTROL.filter((c) => c !== "\t" && c !== "\n" && c !== "\r")),
    fc.string({ maxLength: 10 }),
  )
  .map(([a, c, b]) => `x${a}${c}${b}x`);

// ---------------------------------------------------------------------------
// building submissions

const drop = (entries: Entries, name: string) => entries.filter(([key]) => key !== name);
const to = (status: number, apply: (entries: Entries) => Entries): Corruption => ({ status, apply });
const setTo = (name: string, value: fc.Arbitrary<string>, status = 400) =>
  value.map((v) => to(status, (e) => set(e, name, v)));
const repeated = (name: string, value: fc.Arbitrary<string>) =>
  fc.array(value, { minLength: 2, maxLength: 3 }).map((vs) => to(400, (e) => set(e, name, ...vs)));
const fileFor = (name: string) =>
  nasty.map((content) => to(400, (e) => set(e, name, new Blob([content.slice(0, 500)]))));
const dropped = (name: string) => fc.constant(to(400, (e) => drop(e, name)));

type Encoding = Extract<AnyEncoding, "urlencoded" | "multipart" | "json" | "none">;
const noise = fc.array(
  fc.tuple(
    fc.constantFrom("__intent__", "rows[99999999].headcount", "__proto__", "x".repeat(5000), "rows[7].roleId"),
    nasty,
  ),
  { maxLength: 3 },
);

// ---------------------------------------------------------------------------
// "no write": the rows the actions could touch, in both organisations, hashed

const noWrite = sqliteFingerprint(
  [
    'SELECT "id", "targetOperatingModel", "targetStage", "operatingModel", "stage" FROM "Organisation" WHERE "id" IN (?, ?) ORDER BY "id"',
    'SELECT * FROM "HiringPosition" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT * FROM "Member" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT r.* FROM "MemberRole" r JOIN "Member" m ON m."id" = r."memberId" WHERE m."organisationId" IN (?, ?) ORDER BY r."memberId", r."roleId"',
  ],
  { params: () => [cast.organisation.id, cast.other.id], counts: false },
);
let baseline = "";
const fuzz = fuzzer({ fingerprint: noWrite.take, baseline: () => baseline });

async function check(
  name: string,
  handler: Handler,
  path: string,
  params: Record<string, string>,
  entries: Entries,
  how: Encoding,
  expected: number,
) {
  await fuzz.check(name, handler, formRequest(path, managerCookie, entries, how), params, expected);
}

/**
 * A valid base, some noise, and one to three corruptions; the expected status
 * is the "strongest" of them (404 for a position that is not ours wins over
 * 400 only when nothing else is wrong, so mixes with a 404 are left out).
 * conform's `__intent__` makes any body a request that is not a submission
 * (answered 400 without writing, decision 0009), so it is noise only beside
 * 400 corruptions: whether the plan's actions look the position up before
 * answering it is theirs to choose.
 * A body that is not a form (JSON, no content type) reads as empty: 400.
 */
function cases(base: fc.Arbitrary<Entries>, corruptions: fc.Arbitrary<Corruption>) {
  const encoding = fc.constantFrom<Encoding>("urlencoded", "urlencoded", "urlencoded", "multipart");
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(base, noise, fc.array(corruptions, { minLength: 1, maxLength: 3 }), encoding)
        .filter(([, , cs]) => cs.every((c) => c.status === cs[0].status))
        .filter(([, extra, cs]) => cs[0].status !== 404 || !extra.some(([name]) => name === "__intent__"))
        .map(([entries, extra, cs, how]) => ({
          entries: cs.reduce((acc, c) => c.apply(acc), [...entries, ...extra]),
          how,
          status: cs[0].status,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom<Encoding>("json", "none"))
        .map(([entries, how]) => ({ entries, how, status: 400 })),
    },
  );
}

async function run(
  name: string,
  handler: Handler,
  path: () => string,
  params: () => Record<string, string>,
  base: fc.Arbitrary<Entries>,
  corruptions: fc.Arbitrary<Corruption>,
) {
  await fc.assert(
    fc.asyncProperty(cases(base, corruptions), async ({ entries, how, status }) => {
      await check(name, handler, path(), params(), entries, how, status);
    }),
    { numRuns: RUNS },
  );
}

const intentCorruptions = fc.oneof(
  setTo("intent", notIn(["set_target", "create_plan", "move", "status", "update", "fill"])),
  repeated("intent", fc.constantFrom("set_target", "create_plan", "move", "status", "update", "fill")),
  dropped("intent"),
);

// ---------------------------------------------------------------------------

describe("hiring actions refuse malformed input without writing", () => {
  it(
    `set the target: ${RUNS} malformed submissions`,
    async () => {
      const base = fc
        .record({ model: fc.constantFrom(...MODEL_IDS), stage: fc.constantFrom(...STAGE_IDS) })
        .map(({ model, stage }): Entries => [
          ["intent", "set_target"],
          ["model", model],
          ["stage", stage],
        ]);
      const corruptions = fc.oneof(
        setTo("model", notIn(MODEL_IDS)),
        setTo("stage", notIn(STAGE_IDS)),
        repeated("model", fc.constantFrom(...MODEL_IDS)),
        dropped("model"),
        dropped("stage"),
        fileFor("stage"),
        intentCorruptions,
      );
      await run(
        "set target",
        hiringRoute.action as Handler,
        () => "/hiring",
        () => ({}),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `create the plan: ${RUNS} malformed submissions`,
    async () => {
      const row = (i: number, roleId: string): Entries => [
        [`rows[${i}].roleId`, roleId],
        [`rows[${i}].include`, "on"],
        [`rows[${i}].headcount`, String(1 + i)],
        [`rows[${i}].targetQuarter`, `2027-Q${1 + (i % 4)}`],
      ];
      const base = fc
        .subarray([...CORE_ROLE_IDS], { minLength: 1, maxLength: 4 })
        .map((roles): Entries => [["intent", "create_plan"], ...roles.flatMap((r, i) => row(i, r))]);
      const corruptions = fc.oneof(
        setTo("rows[0].headcount", badHeadcount),
        setTo("rows[0].targetQuarter", badQuarter),
        setTo("rows[0].roleId", notIn(CORE_ROLE_IDS)),
        setTo(
          "rows[0].include",
          notIn(["on"]).filter((v) => v !== ""),
        ),
        fc.constant(to(400, (e) => e.filter(([k]) => !k.endsWith(".include")))),
        fc.constant(to(400, (e) => [...e, ["rows[6].roleId", e.find(([k]) => k === "rows[0].roleId")![1]]])),
        repeated("rows[0].headcount", fc.constantFrom("1", "2")),
        intentCorruptions,
      );
      await run(
        "create plan",
        hiringRoute.action as Handler,
        () => "/hiring",
        () => ({}),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `reorder: ${RUNS} malformed submissions`,
    async () => {
      const base = fc.constantFrom("up", "down").map((direction): Entries => [
        ["intent", "move"],
        ["positionId", ids.second],
        ["direction", direction],
      ]);
      const corruptions = fc.oneof(
        setTo("direction", notIn(["up", "down"])),
        dropped("direction"),
        setTo("positionId", badIdShape),
        dropped("positionId"),
        fc.constant(to(404, (e) => set(e, "positionId", ids.foreignPosition))),
        unknownId.map((id) => to(404, (e) => set(e, "positionId", id))),
        intentCorruptions,
      );
      await run(
        "reorder",
        hiringRoute.action as Handler,
        () => "/hiring",
        () => ({}),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `status on the plan: ${RUNS} malformed submissions`,
    async () => {
      const base = fc.constantFrom("planned", "offer", "cancelled").map((status): Entries => [
        ["intent", "status"],
        ["positionId", ids.position],
        ["status", status],
      ]);
      const corruptions = fc.oneof(
        setTo("status", notIn(["planned", "open", "offer", "cancelled"])),
        fc.constant(to(400, (e) => set(e, "status", "filled"))),
        repeated("status", fc.constantFrom("planned", "offer")),
        setTo("positionId", badIdShape),
        fc.constant(to(404, (e) => set(e, "positionId", ids.foreignPosition))),
        unknownId.map((id) => to(404, (e) => set(e, "positionId", id))),
      );
      await run(
        "status (plan)",
        hiringRoute.action as Handler,
        () => "/hiring",
        () => ({}),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `a position's details: ${RUNS} malformed submissions`,
    async () => {
      const base = fc
        .record({
          headcount: fc.integer({ min: 1, max: 50 }),
          quarter: fc.constantFrom("2027-Q1", "2030-q4", " 2028-Q2 "),
          notes: fc.constantFrom("", "Shopify dev", "多行\n备注"),
        })
        .map(({ headcount, quarter, notes }): Entries => [
          ["intent", "update"],
          ["headcount", String(headcount)],
          ["targetQuarter", quarter],
          ["notes", notes],
          ["ownerUserId", cast.hr.id],
        ]);
      const corruptions = fc.oneof(
        setTo("headcount", badHeadcount),
        setTo("targetQuarter", badQuarter),
        setTo("ownerUserId", badIdShape),
        fc.constant(to(400, (e) => set(e, "ownerUserId", ids.foreignUser))),
        unknownId.map((id) => to(400, (e) => set(e, "ownerUserId", id))),
        setTo("notes", fc.constantFrom("n".repeat(1001), "a\u0000b", "a\u0007b", ...HUGE)),
        repeated("headcount", fc.constantFrom("1", "2")),
        fileFor("headcount"),
        intentCorruptions.filter((c) => c.status === 400),
      );
      await run(
        "position details",
        positionRoute.action as Handler,
        () => `/hiring/positions/${ids.position}`,
        () => ({ positionId: ids.position }),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fill a position: ${RUNS} malformed submissions`,
    async () => {
      const base = fc
        .record({
          name: fc.constantFrom("Mei", "王芳", "O'Brien"),
          email: fc.constantFrom("", "new@fuzz.example"),
          title: fc.constantFrom("", "Developer"),
        })
        .map(({ name, email, title }): Entries => [
          ["intent", "fill"],
          ["how", "new"],
          ["name", name],
          ["email", email],
          ["title", title],
        ]);
      const corruptions = fc.oneof(
        setTo("how", notIn(["new", "existing"])),
        dropped("how"),
        dropped("name"),
        setTo("name", fc.oneof(withControl, fc.constant("名".repeat(101)), fc.constantFrom(...HUGE))),
        setTo("email", fc.constantFrom("a@", "@b.c", "not an email", "taken@fuzz.example", `${"a".repeat(250)}@b.com`)),
        setTo("title", fc.oneof(withControl, fc.constant("t".repeat(101)))),
        fc.constant(to(400, (e) => set(set(e, "how", "existing"), "memberId", ids.foreignMember))),
        unknownId.map((id) => to(400, (e) => set(set(e, "how", "existing"), "memberId", id))),
        badIdShape.map((id) => to(400, (e) => set(set(e, "how", "existing"), "memberId", id))),
        fc.constant(to(400, (e) => drop(set(e, "how", "existing"), "memberId"))),
        repeated("name", fc.constantFrom("A", "B")),
      );
      await run(
        "fill",
        positionRoute.action as Handler,
        () => `/hiring/positions/${ids.position}`,
        () => ({ positionId: ids.position }),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `status on a position: ${RUNS} malformed submissions`,
    async () => {
      const base = fc.constantFrom("planned", "offer", "cancelled").map((status): Entries => [
        ["intent", "status"],
        ["status", status],
      ]);
      const corruptions = fc.oneof(
        setTo("status", notIn(["planned", "open", "offer", "cancelled"])),
        fc.constant(to(400, (e) => set(e, "status", "filled"))),
        dropped("status"),
        repeated("status", fc.constantFrom("planned", "offer")),
        fileFor("status"),
      );
      await run(
        "status (position)",
        positionRoute.action as Handler,
        () => `/hiring/positions/${ids.position}`,
        () => ({ positionId: ids.position }),
        base,
        corruptions,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
