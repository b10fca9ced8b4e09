/**
 * Malformed imports at POST /team/import, as HR: members and assessments
 * files each broken by at least one "corruption" that on its own makes the
 * file invalid (a bad cell of any column, a repeated email, a reporting loop,
 * a broken header, a cell without a column, an unclosed quote, the other
 * kind of file), sent as an uploaded file, as pasted text or url-encoded;
 * plus garbage text and bytes, broken forms and bodies, and bodies over the
 * size limit. Each must be refused (400; 413 over the limit), never 5xx, and
 * write nothing: a file with one bad row imports nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { shippedPlaybook } from "../../app/domain/playbook";
import { latestToday } from "../../app/domain/calendar-day";
import {
  ASSESSMENT_COLUMNS,
  MEMBER_COLUMNS,
  planAssessmentsImport,
  planMembersImport,
} from "../../app/domain/team-csv";
import { CORE_ROLE_IDS } from "../../app/domain/types";
import { roleIdFromLabel, skillIndex } from "../../app/domain/csv-labels";
import { action } from "../../app/routes/team.import";
import { parseCsv, toCsv } from "../../app/utils/csv";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { CONTROL, fuzzer, sqliteFingerprint, scaledRuns, FUZZ_TIMEOUT_MS } from "./harness";

const RUNS = {
  members: scaledRuns(600),
  assessments: scaledRuns(400),
  garbage: scaledRuns(150),
  forms: scaledRuns(100),
};

type Cast = Awaited<ReturnType<typeof createCast>>;
type Kind = "members" | "assessments";
interface Sheet {
  kind: Kind;
  header: string[];
  rows: string[][];
}
type Corruption = (sheet: Sheet) => Sheet;
type TextCorruption = (text: string) => string;
type Transport = "file" | "pasted" | "urlencoded";

let cast: Cast;
let hrCookie: string;

const EXISTING = {
  top: "top@fuzz.example",
  mid: "mid@fuzz.example",
  self: "self@fuzz.example",
  foreign: "foreign@fuzz.example",
};

beforeAll(async () => {
  cast = await createCast();
  hrCookie = await cookieFor(cast.hr.id);
  const organisationId = cast.organisation.id;
  const roles = { create: [{ roleId: "operations_manager", sharePercent: 100 }] };
  const top = await db.member.create({ data: { organisationId, name: "Top", email: EXISTING.top, roles } });
  const mid = await db.member.create({
    data: { organisationId, name: "Mid", email: EXISTING.mid, managerId: top.id, roles },
  });
  await db.member.create({
    data: { organisationId, name: "HR themselves", email: EXISTING.self, userId: cast.hr.id, managerId: mid.id, roles },
  });
  await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign", email: EXISTING.foreign } });
  await db.skillAssessment.create({
    data: {
      organisationId,
      memberId: mid.id,
      skillId: "ad_buying",
      level: 2,
      assessedOn: new Date("2025-01-01"),
      assessorName: "Seed",
    },
  });
  baseline = noWrite.take();
});

afterAll(() => {
  noWrite.close();
  const tried = fuzz.tried;
  const total = Object.values(tried).reduce((sum, count) => sum + count, 0);
  for (const [group, count] of Object.entries(tried))
    console.log(`[fuzz] POST /team/import ${group}: ${count} malformed inputs tried, none written`);
  console.log(`[fuzz] POST /team/import: ${total} malformed inputs in all`);
});

// ---------------------------------------------------------------------------
// "no write": every row of the team's tables, hashed, through a connection of its own

const noWrite = sqliteFingerprint([
  'SELECT * FROM "Member" ORDER BY "id"',
  'SELECT * FROM "MemberRole" ORDER BY "memberId", "roleId"',
  'SELECT * FROM "SkillAssessment" ORDER BY "id"',
]);
let baseline = "";
const fuzz = fuzzer({ fingerprint: noWrite.take, baseline: () => baseline });

// ---------------------------------------------------------------------------
// values

const INJECTIONS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "Member"; --',
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "+1",
  "-1",
  "@SUM(A1)",
  "__proto__",
  "{{7*7}}",
  "\u202eevil",
  "ＡＤＭＩＮ",
  '"quoted", with comma',
];
const nasty: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\t", "\r\n", "\u0000", "\u007f", "\uFEFF", "\uD800"),
);

/** A valid single-line text: what a name, title or note may be. */
const fineText = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    fc.constantFrom(...INJECTIONS),
    fc.constantFrom("王芳 Wang Fang", "陈杰", "Zoë O'Brien"),
  )
  .filter(
    (value) =>
      value.trim().length > 0 && value.trim().length <= 100 && !CONTROL.some((control) => value.includes(control)),
  );

/** A control character in the middle (trimming cannot remove it); "\r" and "\n" only where they are not separators. */
const withControl = (controls: string[]) =>
  fc
    .tuple(fc.constantFrom(...controls), fc.string({ maxLength: 10 }))
    .map(([control, text]) => `x${control}${text.replace(/[\r\n]/g, "")}x`);
const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 300 }).map((length) => "名".repeat(length));

const emailCheck = z.string().trim().toLowerCase().max(254).email();
const badEmail = fc
  .oneof(nasty, fc.constantFrom("a@", "@b.c", "a@b", "a b@c.d", "a@b..c", `${"a".repeat(250)}@b.com`, "王芳@例子"))
  .filter((value) => value.trim() !== "" && !emailCheck.safeParse(value).success);
const skillOf = skillIndex(shippedPlaybook.skills);
/** Not a role in any way the import reads one: not an id, and not a label or short name in either language, in any case or width (app/domain/csv-labels.ts). */
const notRoleId = fc
  .oneof(nasty, fc.constantFrom("ceo", "CEO", "Tech_Dev", "product manager", "产品经理", "chief of staff"))
  .filter(
    (value) =>
      value.trim() !== "" &&
      !(CORE_ROLE_IDS as readonly string[]).includes(value.trim()) &&
      roleIdFromLabel(value) === null,
  );
const LENIENT_DAY = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
const badDay = fc
  .oneof(
    nasty,
    fc.constantFrom(
      "2024-02-30",
      "2024-13-01",
      "01/02/2024",
      "yesterday",
      "1899-12-31",
      "24-01-01",
      "2024-01-01T00:00",
    ),
  )
  .filter(
    (value) =>
      value.trim() !== "" &&
      (!LENIENT_DAY.test(value.trim()) || ["2024-02-30", "2024-13-01", "1899-12-31"].includes(value.trim())),
  );
const skillIds = shippedPlaybook.skills.map((skill) => skill.id);

// ---------------------------------------------------------------------------
// valid sheets

let fresh = 0;
/** An email nobody has: a new member. */
const freshEmail = () => `new${(fresh += 1)}@fuzz.example`;

const validMembers: fc.Arbitrary<Sheet> = fc
  .array(
    fc.record({
      name: fineText,
      existing: fc.constantFrom(null, null, null, EXISTING.mid),
      title: fc.oneof(fc.constant(""), fineText),
      department: fc.constantFrom("", ...CORE_ROLE_IDS),
      roles: fc.constantFrom(
        "operations_manager:100",
        "product_manager:50;operations_manager:50",
        "tech_dev:60 %；marketing:40",
        "data_analysis:1",
        // full width: NFKC folds the digits, colon and percent sign to ASCII
        "tech_dev：５０％",
      ),
      manager: fc.constantFrom("", "top", "previous"),
      markets: fc.constantFrom("", "US;DE;JP", "美国，德国"),
      languages: fc.constantFrom("", "zh;en", "de"),
      startDate: fc.constantFrom("", "2024-01-31", "1999/12/31"),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) => {
    const emails: string[] = [];
    const data = rows.map((row, index) => {
      const email = row.existing && !emails.includes(row.existing) ? row.existing : freshEmail();
      emails.push(email);
      const manager =
        row.manager === "top" || (row.manager === "previous" && index === 0)
          ? EXISTING.top
          : row.manager === "previous"
            ? emails[index - 1]
            : "";
      // Mid already reports to Top; making Top report to Mid would be a loop, so Mid's row never points below Top
      return [
        row.name,
        email,
        row.title,
        row.department,
        row.roles,
        email === EXISTING.top ? "" : manager,
        row.markets,
        row.languages,
        row.startDate,
      ];
    });
    return { kind: "members" as const, header: [...MEMBER_COLUMNS], rows: data };
  });

const validAssessments: fc.Arbitrary<Sheet> = fc
  .array(
    fc.record({
      member: fc.constantFrom(EXISTING.top, EXISTING.mid, ` ${EXISTING.mid.toUpperCase()} `),
      skill: fc.constantFrom(...skillIds),
      level: fc.constantFrom("0", "1", "2", "3", "4"),
      assessedOn: fc.constantFrom("2025-01-10", "2024/6/1", "1999-12-31"),
      assessor: fc.oneof(fc.constant(""), fineText),
      note: fc.oneof(fc.constant(""), fineText, fc.constant("多行\n备注\twith tab")),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) => ({
    kind: "assessments" as const,
    header: [...ASSESSMENT_COLUMNS],
    rows: rows.map((row) => [row.member, row.skill, row.level, row.assessedOn, row.assessor, row.note]),
  }));

// ---------------------------------------------------------------------------
// corruptions: each on its own makes a valid sheet invalid

function setCell(sheet: Sheet, column: string, pick: number, value: string): Sheet {
  const at = sheet.header.indexOf(column);
  if (at === -1) return sheet;
  const row = pick % sheet.rows.length;
  return {
    ...sheet,
    rows: sheet.rows.map((cells, index) => (index === row ? cells.map((cell, i) => (i === at ? value : cell)) : cells)),
  };
}

const cell = (column: string, values: fc.Arbitrary<string>): fc.Arbitrary<Corruption> =>
  fc.tuple(values, fc.nat()).map(
    ([value, pick]): Corruption =>
      (sheet) =>
        setCell(sheet, column, pick, value),
  );

/** A new row built from the sheet's current header. */
function appendRow(sheet: Sheet, values: Record<string, string>): Sheet {
  return { ...sheet, rows: [...sheet.rows, sheet.header.map((column) => values[column] ?? "")] };
}

/**
 * Changes to the columns, at most one per input and applied last: two of them
 * could cancel out (a column named twice, then the copy dropped).
 */
const structural: fc.Arbitrary<Corruption>[] = [
  // a column missing from the header and the rows
  fc.nat().map((pick): Corruption => (sheet) => {
    const at = pick % sheet.header.length;
    return {
      ...sheet,
      header: sheet.header.filter((_, i) => i !== at),
      rows: sheet.rows.map((cells) => cells.filter((_, i) => i !== at)),
    };
  }),
  // a header renamed to something that is not that column
  fc.tuple(fc.nat(), nasty).map(([pick, name]): Corruption => (sheet) => {
    const at = pick % sheet.header.length;
    const renamed =
      name
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_") === sheet.header[at]
        ? `${name}x`
        : name;
    return { ...sheet, header: sheet.header.map((column, i) => (i === at ? renamed : column)) };
  }),
  // a column named twice
  fc.nat().map((pick): Corruption => (sheet) => ({
    ...sheet,
    header: [...sheet.header, sheet.header[pick % sheet.header.length]],
    rows: sheet.rows.map((cells) => [...cells, ""]),
  })),
  // only the header
  fc.constant<Corruption>((sheet) => ({ ...sheet, rows: [] })),
];

/** A value beyond the last column. */
const extraCell = fc.tuple(fc.nat(), fineText).map(([pick, value]): Corruption => (sheet) => ({
  ...sheet,
  rows: sheet.rows.map((cells, index) => (index === pick % sheet.rows.length ? [...cells, "", value] : cells)),
}));

const memberCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  cell("name", fc.oneof(fc.constantFrom("", "   "), tooLong(100), withControl(CONTROL))),
  cell("email", fc.oneof(badEmail, fc.constant(""))),
  cell("title", fc.oneof(tooLong(100), withControl(CONTROL))),
  cell("department", notRoleId),
  cell(
    "roles",
    fc.oneof(
      fc.constantFrom(
        "",
        " ; ",
        "tech_dev",
        "ceo:50",
        "tech_dev:0",
        "tech_dev:101",
        "tech_dev:60;marketing:41",
        "tech_dev:50;tech_dev:50",
        "tech_dev:abc",
        "tech_dev:-5",
        "tech_dev:1e2",
        "tech_dev:50:50",
        // still over 100 once NFKC folds the full-width digits ("tech_dev:５０" is a fine 50)
        "tech_dev:１０１",
      ),
      fc.string({ maxLength: 30 }).filter((value) => !/[:：]/.test(value)),
      notRoleId.filter((value) => !/[;；\n:：]/.test(value)).map((role) => `${role}:50`),
    ),
  ),
  cell("manager_email", fc.oneof(badEmail, fc.constantFrom("ghost@fuzz.example", EXISTING.foreign))),
  fc.nat().map((pick): Corruption => (sheet) => {
    const emailAt = sheet.header.indexOf("email");
    return emailAt === -1 || sheet.rows.length === 0
      ? sheet
      : setCell(sheet, "manager_email", pick, sheet.rows[pick % sheet.rows.length][emailAt]);
  }),
  cell(
    "markets",
    fc.oneof(
      fc.integer({ min: 21, max: 40 }).map((count) => Array.from({ length: count }, (_, i) => `M${i}`).join(";")),
      fc.integer({ min: 41, max: 200 }).map((length) => `US;${"x".repeat(length)}`),
      withControl(CONTROL.filter((control) => control !== "\n" && control !== "\r")),
    ),
  ),
  cell(
    "languages",
    fc.integer({ min: 41, max: 100 }).map((length) => "l".repeat(length)),
  ),
  cell("start_date", fc.oneof(badDay, fc.constantFrom("2101-01-01", "1899-12-31"))),
  // the same email twice
  fc.nat().map(
    (pick): Corruption =>
      (sheet) =>
        sheet.rows.length === 0
          ? sheet
          : { ...sheet, rows: [...sheet.rows, [...sheet.rows[pick % sheet.rows.length]]] },
  ),
  // two new members who report to each other, or Top (not in the file otherwise) reporting to a new member who reports to Top
  fc.constant<Corruption>((sheet) => {
    const [a, b] = [freshEmail(), freshEmail()];
    return appendRow(appendRow(sheet, { name: "Loop A", email: a, roles: "tech_dev:100", manager_email: b }), {
      name: "Loop B",
      email: b,
      roles: "tech_dev:100",
      manager_email: a,
    });
  }),
  fc.constant<Corruption>((sheet) => {
    const below = freshEmail();
    return appendRow(
      appendRow(sheet, { name: "Top", email: EXISTING.top, roles: "tech_dev:100", manager_email: below }),
      { name: "Below", email: below, roles: "tech_dev:100", manager_email: EXISTING.top },
    );
  }),
  extraCell,
  // the other kind of file
  fc.constant<Corruption>((sheet) => ({ ...sheet, kind: "assessments" })),
);

const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const assessmentCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  cell("member_email", fc.oneof(badEmail, fc.constantFrom("", "ghost@fuzz.example", EXISTING.foreign))),
  // not a skill in any way the import reads one: not an id, not a label in either language, in any case or width
  cell(
    "skill",
    fc
      .oneof(nasty, fc.constantFrom("Ad Buying", "广告投放", "ad-buying", "juggling", "杂耍"))
      .filter((value) => !skillIds.includes(value.trim()) && skillOf(value) === null),
  ),
  cell(
    "level",
    fc
      .oneof(nasty, fc.constantFrom("5", "-1", "2.0", "1e0", "４", "3 ", " 0x1"))
      .filter((value) => !/^[0-4]$/.test(value.trim())),
  ),
  cell("assessed_on", fc.oneof(badDay, fc.constantFrom(future, "2100-01-01", ""))),
  cell("assessor", fc.oneof(tooLong(100), withControl(CONTROL))),
  cell(
    "note",
    fc.oneof(tooLong(2000), withControl(CONTROL.filter((control) => !["\t", "\n", "\r"].includes(control)))),
  ),
  // HR assessing themselves (the empty assessor is the importer)
  fc.nat().map(
    (pick): Corruption =>
      (sheet) =>
        setCell(setCell(sheet, "member_email", pick, EXISTING.self), "assessor", pick, ""),
  ),
  extraCell,
  fc.constant<Corruption>((sheet) => ({ ...sheet, kind: "members" })),
);

/** Changes to the text that keep a broken file broken: no BOM, LF line ends; and one that breaks any file. */
const textChanges: fc.Arbitrary<TextCorruption[]> = fc.array(
  fc.constantFrom<TextCorruption>(
    (text) => text.replace(/^\uFEFF/, ""),
    (text) => text.replace(/\r\n/g, "\n"),
  ),
  { maxLength: 2 },
);
const unclosedQuote: TextCorruption = (text) => `${text}"still open,`;

/** Up to three corruptions of cells and rows, then at most one of the columns; at least one in all. */
const corrupted = (base: fc.Arbitrary<Sheet>, corruptions: fc.Arbitrary<Corruption>) =>
  fc
    .tuple(
      base,
      fc.array(corruptions, { maxLength: 3 }),
      fc.option(fc.oneof(...structural), { freq: 4 }),
      textChanges,
      fc.boolean(),
      fc.constantFrom<Transport>("file", "pasted", "urlencoded"),
    )
    .filter(([, changes, columns]) => changes.length > 0 || columns !== null)
    .map(([sheet, cells, columns, textual, quote, transport]) => {
      const changes = columns === null ? cells : [...cells, columns];
      const broken = changes.reduce((acc, change) => change(acc), sheet);
      const text = textual.reduce((acc, change) => change(acc), toCsv(broken.header, broken.rows));
      return { kind: broken.kind, text: quote ? unclosedQuote(text) : text, transport };
    });

/** Corruptions keep the shape; an unclosed quote alone is enough as well. */
const quoteOnly = (base: fc.Arbitrary<Sheet>) =>
  fc.tuple(base, fc.constantFrom<Transport>("file", "pasted", "urlencoded")).map(([sheet, transport]) => ({
    kind: sheet.kind,
    text: unclosedQuote(toCsv(sheet.header, sheet.rows)),
    transport,
  }));

// ---------------------------------------------------------------------------
// sending

function request(
  fields: { kind?: string | readonly string[]; file?: Uint8Array | string; csv?: string },
  transport: Transport | "json" | "text" | "broken-multipart",
): Request {
  const url = "http://localhost/team/import";
  const headers: Record<string, string> = { Cookie: hrCookie };
  const kinds = fields.kind === undefined ? [] : Array.isArray(fields.kind) ? fields.kind : [fields.kind];
  if (transport === "urlencoded") {
    const body = new URLSearchParams(kinds.map((kind) => ["kind", kind]));
    body.append("csv", typeof fields.file === "string" ? fields.file : (fields.csv ?? ""));
    return new Request(url, { method: "POST", body, headers });
  }
  if (transport === "file" || transport === "pasted") {
    const form = new FormData();
    for (const kind of kinds) form.append("kind", kind);
    const content: BlobPart[] =
      transport !== "file" || fields.file === undefined
        ? []
        : typeof fields.file === "string"
          ? [fields.file]
          : [new Uint8Array(fields.file)];
    form.append("file", new Blob(content), transport === "file" ? "team.csv" : "");
    form.append("csv", transport === "pasted" && typeof fields.file === "string" ? fields.file : (fields.csv ?? ""));
    return new Request(url, { method: "POST", body: form, headers });
  }
  if (transport === "json")
    return new Request(url, {
      method: "POST",
      body: JSON.stringify({ kind: kinds[0], csv: fields.csv }),
      headers: { ...headers, "Content-Type": "application/json" },
    });
  if (transport === "text")
    return new Request(url, {
      method: "POST",
      body: `kind=${kinds[0] ?? ""}\ncsv=${fields.csv ?? ""}`,
      headers: { ...headers, "Content-Type": "text/plain" },
    });
  return new Request(url, {
    method: "POST",
    body: `--nope\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kinds[0] ?? ""}`,
    headers: { ...headers, "Content-Type": "multipart/form-data; boundary=expected" },
  });
}

async function check(group: string, req: Request, expected: number) {
  await fuzz.check(group, action, req, {}, expected);
}

// ---------------------------------------------------------------------------

describe("malformed imports (as HR)", () => {
  it("start from valid files: without a corruption they would import", () => {
    const org = [
      { id: "top", email: EXISTING.top, managerId: null },
      { id: "mid", email: EXISTING.mid, managerId: "top" },
      { id: "self", email: EXISTING.self, managerId: "mid", userId: cast.hr.id },
    ].map((member) => ({
      name: member.id,
      title: "",
      department: null,
      roles: [],
      markets: [],
      languages: [],
      startDate: null,
      userId: null,
      ...member,
    }));
    const context = {
      members: org,
      users: [{ id: cast.hr.id, name: cast.hr.name }],
      skillIds,
      today: latestToday(),
      importer: { userId: cast.hr.id, name: cast.hr.name },
      existingKeys: new Set<string>(),
    };
    fc.assert(
      fc.property(validMembers, validAssessments, (members, assessments) => {
        expect(planMembersImport(parseCsv(toCsv(members.header, members.rows)).records, org)).toMatchObject({
          ok: true,
        });
        expect(
          planAssessmentsImport(parseCsv(toCsv(assessments.header, assessments.rows)).records, context),
        ).toMatchObject({ ok: true });
      }),
      { numRuns: scaledRuns(200) },
    );
  });

  it(`members files: ${RUNS.members} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = fc.oneof(
      { weight: 19, arbitrary: corrupted(validMembers, memberCorruptions) },
      { weight: 1, arbitrary: quoteOnly(validMembers) },
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, text, transport }) => {
        await check("members files", request({ kind, file: text }, transport), 400);
      }),
      { numRuns: RUNS.members, endOnFailure: true },
    );
  });

  it(`assessments files: ${RUNS.assessments} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = fc.oneof(
      { weight: 19, arbitrary: corrupted(validAssessments, assessmentCorruptions) },
      { weight: 1, arbitrary: quoteOnly(validAssessments) },
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, text, transport }) => {
        await check("assessments files", request({ kind, file: text }, transport), 400);
      }),
      { numRuns: RUNS.assessments, endOnFailure: true },
    );
  });

  it(`garbage text and bytes: ${RUNS.garbage} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const input = fc.tuple(
      fc.constantFrom("members", "assessments"),
      fc.oneof(
        nasty,
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(MEMBER_COLUMNS.join(","), ASSESSMENT_COLUMNS.join(";"), "\uFEFF", "\r\n\r\n"),
      ),
      fc.constantFrom<Transport>("file", "pasted", "urlencoded"),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([kind, content, transport]) => {
        const asText = typeof content === "string" ? content : new TextDecoder().decode(content);
        await check("garbage", request({ kind, file: transport === "file" ? content : asText }, transport), 400);
      }),
      { numRuns: RUNS.garbage, endOnFailure: true },
    );
  });

  it(`broken forms and bodies: ${RUNS.forms} inputs`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const goodText = toCsv(MEMBER_COLUMNS, [
      ["Valid", "valid-form@fuzz.example", "", "", "tech_dev:100", "", "", "", ""],
    ]);
    const badKind = fc.oneof(
      fc.constant(undefined),
      nasty.filter((value) => value !== "members" && value !== "assessments"),
      fc.constant<string[]>(["members", "members"]),
      fc.constant<string[]>(["members", "assessments"]),
    );
    const input = fc.oneof(
      // a valid file, but no (single, known) kind
      fc
        .tuple(badKind, fc.constantFrom<Transport>("file", "pasted", "urlencoded"))
        .map(([kind, transport]) => request({ kind, file: goodText }, transport)),
      // a kind, but neither file nor text
      fc
        .tuple(
          fc.constantFrom("members", "assessments"),
          fc.constantFrom("", " ", "\r\n"),
          fc.constantFrom<Transport>("file", "pasted", "urlencoded"),
        )
        .map(([kind, csv, transport]) => request({ kind, csv }, transport)),
      // bodies that are not the form
      fc
        .constantFrom("json" as const, "text" as const, "broken-multipart" as const)
        .map((transport) => request({ kind: "members", csv: goodText }, transport)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (req) => {
        await check("forms", req, 400);
      }),
      { numRuns: RUNS.forms, endOnFailure: true },
    );
    // over the limit, as a file, as pasted text and url-encoded: refused before it is all read
    const huge = `${MEMBER_COLUMNS.join(",")}\r\n${"王".repeat(800_000)}`;
    for (const transport of ["file", "pasted", "urlencoded"] as const)
      await check("too large", request({ kind: "members", file: huge }, transport), 413);
  });
});
