import { beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_COLUMNS, MEMBER_COLUMNS, type RowError } from "../../app/domain/team-csv";
import { action, loader, type ImportAnswer } from "../../app/routes/team.import";
import { loader as statusLoader } from "../../app/routes/team.import.status";
import { toCsv } from "../../app/utils/csv";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LoaderData = {
  roles: { id: string }[];
  skills: { id: string }[];
  counts: { members: number; assessments: number };
};

let cast: Cast;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

const as = (who: string) => ({ Cookie: cookie[who] });

/** The page's own form: multipart, with a file and/or pasted text. */
function upload(
  who: string,
  fields: { kind?: string; file?: Blob | string; filename?: string; csv?: string },
): Request {
  const form = new FormData();
  if (fields.kind !== undefined) form.append("kind", fields.kind);
  form.append(
    "file",
    fields.file === undefined ? new Blob([]) : new Blob([fields.file]),
    fields.filename ?? (fields.file === undefined ? "" : "team.csv"),
  );
  form.append("csv", fields.csv ?? "");
  return new Request("http://localhost/team/import", { method: "POST", body: form, headers: as(who) });
}

async function importAs(who: string, fields: Parameters<typeof upload>[1]) {
  return callRoute<ImportAnswer>(action, upload(who, fields));
}

async function countsOf(organisationId: string) {
  return {
    members: await db.member.count({ where: { organisationId } }),
    roles: await db.memberRole.count({ where: { member: { organisationId } } }),
    assessments: await db.skillAssessment.count({ where: { organisationId } }),
  };
}

const members = (...rows: string[][]) => toCsv(MEMBER_COLUMNS, rows);

describe("GET /team/import", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await callRoute(loader, get("/team/import"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fteam%2Fimport");
  });

  it("refuses members and leads with 403", async () => {
    for (const who of ["member", "leadOps", "leadSupply"])
      expect((await callRoute(loader, get("/team/import", as(who)))).status).toBe(403);
  });

  it("shows HR, managers and admins the role and skill ids and how much there is to export", async () => {
    for (const who of ["hr", "manager", "admin"]) {
      const result = await callRoute<LoaderData>(loader, get("/team/import", as(who)));
      expect(result.status).toBe(200);
      expect(result.data.roles).toHaveLength(7);
      expect(result.data.skills.map((skill) => skill.id)).toContain("customs_logistics");
      expect(result.data.counts).toEqual({ members: expect.any(Number), assessments: expect.any(Number) });
    }
  });
});

describe("POST /team/import: who", () => {
  it("sends anonymous visitors to sign in and refuses members and leads, writing nothing", async () => {
    const before = await countsOf(cast.organisation.id);
    const anonymous = await callRoute(
      action,
      new Request("http://localhost/team/import", {
        method: "POST",
        body: new URLSearchParams({
          kind: "members",
          csv: members(["A", "anon@x.com", "", "", "tech_dev:100", "", "", "", ""]),
        }),
      }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fteam%2Fimport/);
    for (const who of ["member", "leadOps", "leadSupply"]) {
      expect(
        (
          await importAs(who, {
            kind: "members",
            file: members(["A", `${who}@x.com`, "", "", "tech_dev:100", "", "", "", ""]),
          })
        ).status,
      ).toBe(403);
    }
    expect(await countsOf(cast.organisation.id)).toEqual(before);
  });
});

describe("POST /team/import: members", () => {
  it("imports an uploaded UTF-8 file with a BOM and Chinese names, and reports what it created", async () => {
    const file = members(
      [
        "张伟 Zhang Wei",
        "zhang.wei@import.example",
        "运营主管",
        "operations_manager",
        "operations_manager:100",
        "",
        "US;DE",
        "zh;en",
        "2020-04-01",
      ],
      [
        "刘洋 Liu Yang",
        "liu.yang@import.example",
        "运营专员",
        "operations_manager",
        "operations_manager:70;marketing:30",
        "zhang.wei@import.example",
        "US",
        "zh",
        "2023-09-18",
      ],
    );
    expect(file.startsWith("\uFEFF")).toBe(true);
    const result = await importAs("hr", { kind: "members", file });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      status: "imported",
      kind: "members",
      members: { created: 2, updated: 0, unchanged: 0, updatedNames: [] },
    });
    const liu = await db.member.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, email: "liu.yang@import.example" },
      include: { manager: true },
    });
    expect(liu.name).toBe("刘洋 Liu Yang");
    expect(liu.manager?.name).toBe("张伟 Zhang Wei");
  });

  it("takes pasted text as well, url-encoded or multipart, and says which members it updated", async () => {
    const text = `name,email,title,department,roles,manager_email,markets,languages,start_date\n刘洋 Liu Yang,liu.yang@import.example,高级运营专员,operations_manager,operations_manager:70;marketing:30,zhang.wei@import.example,US,zh,2023-09-18\n`;
    const result = await callRoute<ImportAnswer>(
      action,
      post("/team/import", { kind: "members", csv: text }, as("manager")),
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      status: "imported",
      kind: "members",
      members: { created: 0, updated: 1, unchanged: 0, updatedNames: ["刘洋 Liu Yang"] },
    });
    const again = await importAs("admin", { kind: "members", csv: text });
    expect(again.data).toEqual({
      status: "imported",
      kind: "members",
      members: { created: 0, updated: 0, unchanged: 1, updatedNames: [] },
    });
  });

  it("reads a GB18030 file saved by a Chinese Excel, separated by tabs", async () => {
    const header = "name\temail\ttitle\tdepartment\troles\tmanager_email\tmarkets\tlanguages\tstart_date\r\n";
    // "王芳" in GB18030, the rest is ASCII
    const withChinese = Buffer.concat([
      Buffer.from(header),
      Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]),
      Buffer.from("\tgb@import.example\t\t\tsupply_chain:100\t\t\t\t\r\n"),
    ]);
    const result = await importAs("hr", { kind: "members", file: new Blob([withChinese]) });
    expect(result.data).toMatchObject({ status: "imported", members: { created: 1 } });
    expect(
      await db.member.findFirstOrThrow({ where: { organisationId: cast.organisation.id, email: "gb@import.example" } }),
    ).toMatchObject({ name: "王芳" });
  });

  it("imports nothing from a file with one bad row among good ones, and lists that row", async () => {
    const before = await countsOf(cast.organisation.id);
    const result = await importAs("hr", {
      kind: "members",
      file: members(
        ["Good One", "good1@import.example", "", "", "tech_dev:100", "", "", "", ""],
        ["Bad", "bad@import.example", "", "", "tech_dev:50;ceo:50", "", "", "", "2024-13-01"],
        ["Good Two", "good2@import.example", "", "", "tech_dev:100", "good1@import.example", "", "", ""],
      ),
    });
    expect(result.status).toBe(400);
    expect(result.data).toEqual({
      status: "invalid",
      kind: "members",
      pasted: "",
      total: 2,
      errors: [
        { row: 3, column: "roles", value: "tech_dev:50;ceo:50", code: "role_unknown", params: { role: "ceo" } },
        { row: 3, column: "start_date", value: "2024-13-01", code: "date_invalid" },
      ] satisfies RowError[],
    });
    expect(await countsOf(cast.organisation.id)).toEqual(before);
  });

  it("gives pasted text back with its problems, so it can be corrected in place", async () => {
    const text = "name,email\nA,a@x.com";
    const result = await importAs("hr", { kind: "members", csv: text });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ status: "invalid", total: 7 });
    // a multipart body carries line breaks as CRLF, as browsers send a text box
    expect(result.data.status === "invalid" && result.data.pasted.replace(/\r\n/g, "\n")).toBe(text);
  });

  it("prefers a chosen file to pasted text", async () => {
    const result = await importAs("hr", {
      kind: "members",
      file: members(["File Wins", "file@import.example", "", "", "tech_dev:100", "", "", "", ""]),
      csv: "nonsense",
    });
    expect(result.data).toMatchObject({ status: "imported", members: { created: 1 } });
  });

  it("says when the file is of the other kind", async () => {
    const result = await importAs("hr", {
      kind: "assessments",
      file: members(["X", "x@import.example", "", "", "tech_dev:100", "", "", "", ""]),
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ status: "invalid", errors: [{ row: 1, code: "looks_like_members" }] });
  });
});

describe("POST /team/import: assessments", () => {
  it("adds assessments with the importer as the assessor when none is named, and refuses a future date", async () => {
    const file = toCsv(ASSESSMENT_COLUMNS, [
      ["zhang.wei@import.example", "platform_rules", "3", "2025-02-01", "", "季度复盘"],
    ]);
    const result = await importAs("hr", { kind: "assessments", file });
    expect(result.data).toEqual({
      status: "imported",
      kind: "assessments",
      assessments: { added: 1, alreadyRecorded: 0 },
    });
    const recorded = await db.skillAssessment.findFirstOrThrow({
      where: { organisationId: cast.organisation.id, skillId: "platform_rules" },
    });
    expect(recorded).toMatchObject({
      level: 3,
      note: "季度复盘",
      assessorUserId: cast.hr.id,
      assessorName: cast.hr.name,
    });
    expect((await importAs("hr", { kind: "assessments", file })).data).toEqual({
      status: "imported",
      kind: "assessments",
      assessments: { added: 0, alreadyRecorded: 1 },
    });

    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const refused = await importAs("hr", {
      kind: "assessments",
      file: toCsv(ASSESSMENT_COLUMNS, [["zhang.wei@import.example", "ad_buying", "2", future, "", ""]]),
    });
    expect(refused.data).toMatchObject({
      status: "invalid",
      errors: [{ row: 2, column: "assessed_on", code: "date_future" }],
    });
  });
});

describe("POST /team/import: the form itself", () => {
  it("refuses a missing or unknown kind, and a form with neither file nor text", async () => {
    const file = members(["K", "k@import.example", "", "", "tech_dev:100", "", "", "", ""]);
    expect((await importAs("hr", { file })).data).toMatchObject({
      status: "refused",
      formError: "teamData.import.formErrors.kind",
    });
    expect((await importAs("hr", { kind: "skills", file })).data).toMatchObject({
      status: "refused",
      formError: "teamData.import.formErrors.kind",
    });
    const empty = await importAs("hr", { kind: "members", csv: "  \n " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      status: "refused",
      kind: "members",
      formError: "teamData.import.formErrors.noInput",
    });
  });

  it("refuses a file above 2 MB with 413 and a clear message, writing nothing", async () => {
    const before = await countsOf(cast.organisation.id);
    const big = members(
      ...Array.from({ length: 30_000 }, (_, i) => [
        `Person ${i}`,
        `p${i}@big.example`,
        "x".repeat(40),
        "",
        "tech_dev:100",
        "",
        "",
        "",
        "",
      ]),
    );
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const result = await importAs("hr", { kind: "members", file: big });
    expect(result.status).toBe(413);
    expect(result.data).toMatchObject({ status: "refused", formError: "teamData.import.formErrors.tooLarge" });
    const pasted = await callRoute<ImportAnswer>(action, post("/team/import", { kind: "members", csv: big }, as("hr")));
    expect(pasted.status).toBe(413);
    expect(await countsOf(cast.organisation.id)).toEqual(before);
  });

  it("reads a broken multipart body as a mistake, not a crash", async () => {
    const request = new Request("http://localhost/team/import", {
      method: "POST",
      body: '--nope\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmembers',
      headers: { ...as("hr"), "Content-Type": "multipart/form-data; boundary=expected" },
    });
    const result = await callRoute<ImportAnswer>(action, request);
    expect(result.status).toBe(400);
  });

  it("refuses a file that is not text with an error in the table", async () => {
    const result = await importAs("hr", {
      kind: "members",
      file: new Blob([new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81])]),
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ status: "invalid", errors: [{ row: 1, code: "not_text" }] });
  });
});

describe("GET /team/import/status and a failed write (issue 15: the import in a worker thread)", () => {
  type Status = { import: { kind: string; status: string; rows: number } | null };
  const status = (who?: string) =>
    callRoute<Status>(statusLoader, get("/team/import/status", who ? as(who) : undefined));

  it("sends anonymous visitors to sign in and refuses members and leads", async () => {
    expect((await status()).status).toBe(302);
    for (const who of ["member", "leadOps"]) expect((await status(who)).status).toBe(403);
  });

  it("tells the person who imported how their latest import went, and nobody else", async () => {
    const csv = members(["Status Person", "status.person@import.example", "", "", "marketing:100", "", "", "", ""]);
    expect((await importAs("manager", { kind: "members", csv })).status).toBe(200);
    const mine = await status("manager");
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Cache-Control")).toBe("no-store");
    expect(mine.data).toEqual({ import: { kind: "members", status: "done", rows: 1 } });
    // another person of the same organisation, and the other organisation's admin, see no import of the manager's
    const theirs = await status("otherAdmin");
    expect(theirs.data).toEqual({ import: null });
    const hrs = await status("hr");
    expect(hrs.data.import === null || hrs.data.import.status !== "done" || hrs.data.import.rows !== 1).toBe(true);
  });

  it("answers 500 when the database refuses a write, keeps the pasted text and writes nothing", async () => {
    const before = await countsOf(cast.organisation.id);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_refuse_import" BEFORE INSERT ON "MemberRole" WHEN NEW."sharePercent" = 37
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const csv = members(
      ["Fine Person", "fine.person@import.example", "", "", "marketing:100", "", "", "", ""],
      ["Refused Person", "refused.person@import.example", "", "", "marketing:37;tech_dev:63", "", "", "", ""],
    );
    try {
      const result = await importAs("hr", { kind: "members", csv });
      expect(result.status).toBe(500);
      expect(result.data).toEqual({
        status: "refused",
        kind: "members",
        formError: "importJob.writeFailed",
        // the pasted text as the form read it (toCsv's byte order mark is not part of a text box's value)
        pasted: csv.replace(/^\uFEFF/, ""),
      });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_import"`);
    }
    expect(await countsOf(cast.organisation.id)).toEqual(before);
    expect((await status("hr")).data).toEqual({ import: { kind: "members", status: "failed", rows: 2 } });
  });
});
