/**
 * Malformed submissions against every ownership action: a cell of the
 * matrix (as a manager), adding / renaming / moving a step (as the admin),
 * proposing an owner and deciding on a proposal (as leads), retiring a step
 * (as the admin). Wrong types (repeated fields, files, bodies that are not
 * forms), missing and empty fields, 100,000-character strings, unicode, NUL
 * and control characters, injection strings, unknown intents, role ids,
 * letters, sections and step keys. Each must be refused (400; 404 for a step
 * the organisation does not have), never 5xx, and write nothing.
 *
 * Every input is a valid submission broken by at least one corruption that
 * on its own makes it invalid, so the expected status makes a slip in the
 * generators visible instead of silently testing valid input.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RACI_LETTERS, STEP_KEY_PATTERN, STEP_SECTIONS } from "../../app/domain/process-steps";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import { proposeOwner, setCell, storeDefaultSteps } from "../../app/models/ownership.server";
import * as matrixRoute from "../../app/routes/ownership._index";
import * as stepRoute from "../../app/routes/ownership.steps.$stepKey";
import * as retireRoute from "../../app/routes/ownership.steps.$stepKey_.retire";
import * as stepsRoute from "../../app/routes/ownership.steps._index";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import {
  badVersion,
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
  missing,
  repeated,
  setTo,
  sqliteFingerprint,
  type Value,
  FUZZ_RUNS,
  FUZZ_TIMEOUT_MS,
} from "./harness";

const RUNS = FUZZ_RUNS;

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
const cookies = { admin: "", manager: "", leadOps: "", leadSupply: "" };
let proposalId = "";

beforeAll(async () => {
  cast = await createCast();
  for (const name of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  for (const roleId of CORE_ROLE_IDS) {
    await db.member.create({
      data: { organisationId, name: roleId, roles: { create: [{ roleId, sharePercent: 100 }] } },
    });
  }
  await storeDefaultSteps({ organisationId, model: "platform" });
  // clearance agent: two accountable roles and a proposal waiting; customs documents: flagged, nothing proposed
  await setCell({
    organisationId,
    model: "platform",
    key: "clearance_agent",
    roleId: "operations_manager",
    letter: "A",
  });
  await setCell({
    organisationId,
    model: "platform",
    key: "customs_documents",
    roleId: "compliance_risk",
    letter: "A",
  });
  const proposal = await proposeOwner({
    organisationId,
    model: "platform",
    key: "clearance_agent",
    owner: "supply_chain",
    reason: "We brief the agent.",
    proposer: { userId: cast.leadSupply.id, name: cast.leadSupply.name },
  });
  proposalId = proposal.proposalId!;
  await storeDefaultSteps({ organisationId: cast.other.id, model: "platform" });
  baseline = noWrite.take();
  // 20 default steps in each organisation, one proposal
  expect(baseline).toMatch(/^40\/\d+\/1\//);
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
  '\'; DROP TABLE "ProcessStep"; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "../../etc/passwd",
  "%00",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "[]",
  "{}",
  "\u202eevil",
  "\uFEFF",
  "\uD800",
];

const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "\t", "\r\n", "\u0000", "\u007f") },
);

/** Valid single-line text for a step name or a reason. */
const fineText = fc
  .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constantFrom(...INJECTIONS))
  .filter(
    (value) =>
      value.trim().length > 0 && value.trim().length <= 80 && !CONTROL.some((control) => value.includes(control)),
  );

/** Text no step name accepts: blank, over 80 characters, a control character inside. */
const badName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(" ", "\t\t", " \r\n "),
  fc.integer({ min: 81, max: 400 }).map((length) => "名".repeat(length)),
  fc.constantFrom(...HUGE),
  fc
    .tuple(fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom(...CONTROL))
    .map(([before, control]) => `x${before}${control}x`),
);

/** Text no reason accepts: blank, over 1,000 characters, a control character other than tab and line breaks. */
const badReason: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(" ", "\t", " \r\n "),
  fc.integer({ min: 1001, max: 5000 }).map((length) => "r".repeat(length)),
  fc.constantFrom(...HUGE),
  fc
    .constantFrom(...CONTROL.filter((control) => !["\t", "\n", "\r"].includes(control)))
    .map((control) => `why${control}not`),
);

const badStepKey = fc
  .oneof(nasty, fc.constantFrom("Listing", "listing!", "1step", "custom-x", "x".repeat(65)))
  .filter((value) => !STEP_KEY_PATTERN.test(value.trim()));
// A multipart body's UTF-8 decoder drops a leading byte-order mark: "\uFEFF" arrives as "" (for a letter, "no
// part", a valid cell) and "\uFEFFA" as "A". Judge a value as the server receives it.
const notIn = (valid: readonly string[]) =>
  fc.oneof(nasty, fc.constantFrom("ceo", "Tech_Dev", "产品经理", "a", "r", "AR ", "RA")).filter((value) => {
    const received = value.replace(/^\uFEFF/, "");
    return received !== "" && !valid.includes(received);
  });

// ---------------------------------------------------------------------------
// building submissions

/** A file where text belongs: not read, so the same as missing (only for required fields). */
const fileFor = fileWith(nasty);

/** Names the forms do not have; the server ignores them. */
function noise(fields: readonly string[]): fc.Arbitrary<Entries> {
  const name = fc
    .oneof(
      fc.constantFrom(
        "__intent__",
        "__state__",
        "step[0]",
        "role.x",
        "__proto__",
        "constructor.prototype.polluted",
        "",
        "x".repeat(10_000),
      ),
      fc.string({ maxLength: 20 }),
    )
    .filter((value) => !fields.includes(value) && value !== "intent");
  return fc
    .array(fc.tuple(name, nasty), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, text]): [string, Value] => [key, text]));
}

// ---------------------------------------------------------------------------
// "no write": the two organisations' steps, cells and proposals, hashed, read
// through a connection of its own after every input.

const noWrite = sqliteFingerprint(
  [
    'SELECT * FROM "ProcessStep" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
    'SELECT r.* FROM "RaciAssignment" r JOIN "ProcessStep" s ON s."id" = r."stepId" WHERE s."organisationId" IN (?, ?) ORDER BY r."stepId", r."roleId"',
    'SELECT * FROM "OwnershipProposal" WHERE "organisationId" IN (?, ?) ORDER BY "id"',
  ],
  { params: () => [cast.organisation.id, cast.other.id] },
);
let baseline = "";
const fuzz = fuzzer({ fingerprint: noWrite.take, baseline: () => baseline });

async function check(
  action: string,
  handler: Handler,
  path: string,
  cookie: string,
  params: Record<string, string>,
  entries: Entries,
  how: Encoding,
  expected: number,
) {
  await fuzz.check(action, handler, formRequest(path, cookie, entries, how), params, expected);
}

/** Applies 1–3 corruptions, or sends the valid fields in a body that is not a form (then nothing is read). */
const corrupted = (base: fc.Arbitrary<Entries>, fields: readonly string[], corruptions: fc.Arbitrary<Corruption>) =>
  corruptedWith(base, noise(fields), corruptions);

const badIntent = (valid: readonly string[]): fc.Arbitrary<Corruption> =>
  fc.oneof(
    setTo(
      "intent",
      fc
        .oneof(nasty, fc.constantFrom("SET_CELL", "delete", "retire", "Accept"))
        .filter((value) => !valid.includes(value)),
    ),
    missing("intent"),
    repeated("intent", fc.constantFrom(...valid)),
  );

// ---------------------------------------------------------------------------

describe("malformed submissions to the ownership actions", () => {
  it(`POST /ownership (a cell, as a manager): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const fields = ["step", "role", "letter"];
    const base = fc
      .record({
        step: fc.constantFrom("listing", "clearance_agent", "system_bi"),
        role: fc.constantFrom(...CORE_ROLE_IDS),
        letter: fc.constantFrom("", ...RACI_LETTERS),
      })
      .map((value): Entries => [["intent", "set_cell"], ...Object.entries(value)]);
    const corruptions = fc.oneof(
      badIntent(["set_cell"]),
      setTo("step", badStepKey),
      missing("step"),
      repeated("step", fc.constant("listing")),
      fileFor("step"),
      setTo("role", notIn(CORE_ROLE_IDS)),
      missing("role"),
      repeated("role", fc.constantFrom(...CORE_ROLE_IDS)),
      fileFor("role"),
      setTo("letter", notIn(RACI_LETTERS)),
      repeated("letter", fc.constantFrom(...RACI_LETTERS)),
    );
    await fc.assert(
      fc.asyncProperty(corrupted(base, fields, corruptions), async ({ entries, how }) => {
        await check(
          "POST /ownership",
          matrixRoute.action as Handler,
          "/ownership?index",
          cookies.manager,
          {},
          entries,
          how,
          400,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it(
    `POST /ownership/steps (add, rename, move, as the admin): ${RUNS} inputs`,
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const fields = ["section", "nameZh", "nameEn", "step", "direction", "version"];
      const add = fc
        .record({ section: fc.constantFrom(...STEP_SECTIONS), nameZh: fineText, nameEn: fineText })
        .map((value): Entries => [["intent", "add"], ...Object.entries(value)]);
      const rename = fc
        .record({ nameZh: fineText, nameEn: fineText })
        .map((value): Entries => [
          ["intent", "rename"],
          ["step", "listing"],
          ["version", "1"],
          ...Object.entries(value),
        ]);
      const move = fc.constantFrom("up", "down").map((direction): Entries => [
        ["intent", "move"],
        ["step", "operations"],
        ["direction", direction],
      ]);
      const nameCorruptions = fc.oneof(
        setTo("nameZh", badName),
        setTo("nameEn", badName),
        missing("nameZh"),
        missing("nameEn"),
        repeated("nameZh", fineText),
        fileFor("nameEn"),
      );
      const input = fc.oneof(
        corrupted(
          add,
          fields,
          fc.oneof(
            badIntent(["add", "rename", "move"]),
            nameCorruptions,
            setTo("section", notIn(STEP_SECTIONS)),
            missing("section"),
            repeated("section", fc.constant("core")),
          ),
        ),
        corrupted(
          rename,
          fields,
          fc.oneof(
            nameCorruptions,
            setTo("step", badStepKey),
            missing("step"),
            repeated("step", fc.constant("listing")),
            setTo("version", badVersion),
            missing("version"),
          ),
        ),
        corrupted(
          move,
          fields,
          fc.oneof(
            setTo("direction", notIn(["up", "down"])),
            missing("direction"),
            repeated("direction", fc.constant("up")),
            setTo("step", badStepKey),
            missing("step"),
          ),
        ),
      );
      await fc.assert(
        fc.asyncProperty(input, async ({ entries, how }) => {
          await check(
            "POST /ownership/steps",
            stepsRoute.action as Handler,
            "/ownership/steps",
            cookies.admin,
            {},
            entries,
            how,
            400,
          );
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it(
    `POST /ownership/steps/$stepKey (propose as a lead, decide as the other lead): ${RUNS} inputs`,
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const fields = ["owner", "reason", "proposalId"];
      const propose = fc.record({ owner: fc.constantFrom(...CORE_ROLE_IDS), reason: fineText }).map((value) => ({
        key: "customs_documents",
        cookie: cookies.leadSupply,
        entries: [["intent", "propose"], ...Object.entries(value)] as Entries,
      }));
      const decide = fc.record({ intent: fc.constantFrom("accept", "reject"), reason: fineText }).map((value) => ({
        key: "clearance_agent",
        cookie: cookies.leadOps,
        entries: [
          ["intent", value.intent],
          ["proposalId", proposalId],
          ["reason", value.reason],
        ] as Entries,
      }));
      const reasonCorruptions = fc.oneof(
        setTo("reason", badReason),
        missing("reason"),
        repeated("reason", fineText),
        fileFor("reason"),
      );
      const withBody = (target: typeof propose, corruptions: fc.Arbitrary<Corruption>) =>
        target.chain((t) => corrupted(fc.constant(t.entries), fields, corruptions).map((body) => ({ ...t, ...body })));
      const input = fc.oneof(
        withBody(
          propose,
          fc.oneof(
            badIntent(["propose"]),
            reasonCorruptions,
            setTo("owner", notIn(CORE_ROLE_IDS)),
            missing("owner"),
            repeated("owner", fc.constantFrom(...CORE_ROLE_IDS)),
          ),
        ),
        withBody(
          decide,
          fc.oneof(
            reasonCorruptions,
            setTo(
              "proposalId",
              fc
                .oneof(nasty, fc.constant("x".repeat(65)))
                .filter((value) => !/^[A-Za-z0-9_-]{1,64}$/.test(value.trim())),
            ),
            missing("proposalId"),
            repeated("proposalId", fc.constant(proposalId || "p")),
          ),
        ),
      );
      await fc.assert(
        fc.asyncProperty(input, async ({ key, cookie, entries, how }) => {
          // a body that is not a form has no intent: refused as unknown (400) too
          await check(
            "POST /ownership/steps/$stepKey",
            stepRoute.action as Handler,
            `/ownership/steps/${key}`,
            cookie,
            { stepKey: key },
            entries,
            how,
            400,
          );
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it(`POST /ownership/steps/$stepKey/retire (as the admin): ${RUNS} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const base = fc.constant<Entries>([["confirm", "yes"]]);
    const badConfirm = fc.oneof(
      setTo(
        "confirm",
        fc.oneof(nasty, fc.constantFrom("YES", " yes", "true", "1", "on", "是")).filter((value) => value !== "yes"),
      ),
      missing("confirm"),
      repeated("confirm", fc.constant("yes")),
      fileFor("confirm"),
    );
    const real = fc
      .tuple(fc.constantFrom("listing", "system_erp", "clearance_agent"), corrupted(base, ["confirm"], badConfirm))
      .map(([key, body]) => ({ key, expected: 400, ...body }));
    // keys this organisation does not have, or that are no keys at all: 404 whatever the body says
    const unknown = fc
      .tuple(fc.oneof(fc.constantFrom("custom_elsewhere", "nope"), badStepKey), formEncoding)
      .map(([key, how]) => ({ key, expected: 404, entries: [["confirm", "yes"]] as Entries, how }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: unknown }),
        async ({ key, expected, entries, how }) => {
          let path: string;
          try {
            path = `/ownership/steps/${encodeURIComponent(key)}/retire`;
          } catch {
            path = "/ownership/steps/invalid/retire";
          }
          await check(
            "POST /ownership/steps/$stepKey/retire",
            retireRoute.action as Handler,
            path,
            cookies.admin,
            { stepKey: key },
            entries,
            how,
            expected,
          );
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
