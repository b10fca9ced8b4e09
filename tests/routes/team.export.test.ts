import { beforeAll, describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { ASSESSMENT_COLUMNS, EXPORT_COLUMNS, MEMBER_COLUMNS, TEMPLATE_ROWS } from "../../app/domain/team-csv";
import { loader as exportLoader } from "../../app/routes/team.export.$kind";
import { action as importAction, type ImportAnswer } from "../../app/routes/team.import";
import { loader as templateLoader } from "../../app/routes/team.import.template.$kind";
import { parseCsv } from "../../app/utils/csv";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;

let cast: Cast;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  const founder = await db.member.create({
    data: {
      organisationId,
      name: "王芳 Wang Fang",
      email: "wang.fang@export.example",
      title: "创始人 Founder",
      markets: '["US","DE"]',
      languages: '["zh","en"]',
      startDate: new Date("2019-03-01T00:00:00Z"),
      userId: cast.manager.id,
      roles: {
        create: [
          { roleId: "product_manager", sharePercent: 50 },
          { roleId: "operations_manager", sharePercent: 50 },
        ],
      },
    },
  });
  const ops = await db.member.create({
    data: {
      organisationId,
      name: "Émile Durand",
      email: "emile@export.example",
      title: '=HYPERLINK("x") ops, EU',
      department: "operations_manager",
      managerId: founder.id,
      markets: '["FR"]',
      roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
    },
  });
  await db.skillAssessment.createMany({
    data: [
      {
        organisationId,
        memberId: ops.id,
        skillId: "ad_buying",
        level: 2,
        assessedOn: new Date("2025-01-10T00:00:00Z"),
        assessorName: "王芳 Wang Fang",
        assessorUserId: cast.manager.id,
        note: "第一季度\nQ1 review, solid",
      },
      {
        organisationId,
        memberId: founder.id,
        skillId: "market_insight",
        level: 3,
        assessedOn: new Date("2024-11-02T00:00:00Z"),
        assessorName: cast.hr.name,
        assessorUserId: cast.hr.id,
        note: "",
      },
    ],
  });
  const other = await db.member.create({
    data: { organisationId: cast.other.id, name: "Other Org Person", email: "other@export.example" },
  });
  await db.skillAssessment.create({
    data: {
      organisationId: cast.other.id,
      memberId: other.id,
      skillId: "bi_tools",
      level: 1,
      assessedOn: new Date("2025-01-01"),
      assessorName: "X",
    },
  });
});

const as = (who: string) => ({ Cookie: cookie[who] });
const skillLabel = (id: string, lang: "zh" | "en") =>
  shippedPlaybook.skills.find((skill) => skill.id === id)?.label[lang] ?? id;

/**
 * A download as the browser gets it. The body is read as bytes: a text
 * decoder would swallow the byte order mark that Excel needs.
 */
async function download(loader: typeof exportLoader, path: string, who?: string) {
  const request = get(path, who ? as(who) : {});
  const params = { kind: path.split("?")[0].split("/").at(-1) ?? "" };
  let response: Response;
  try {
    response = await loader({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    data: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
  };
}

/** What an organisation's team looks like in the database, to compare before and after. */
async function snapshot(organisationId: string) {
  return {
    members: await db.member.findMany({
      where: { organisationId },
      include: { roles: { orderBy: { roleId: "asc" } } },
      orderBy: { id: "asc" },
    }),
    assessments: await db.skillAssessment.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
  };
}

describe("GET /team/export/:kind", () => {
  it("sends anonymous visitors to sign in, refuses members and leads, and knows only two files", async () => {
    const anonymous = await download(exportLoader, "/team/export/members.csv");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fteam%2Fexport%2Fmembers.csv/);
    for (const who of ["member", "leadOps", "leadSupply"]) {
      expect((await download(exportLoader, "/team/export/members.csv", who)).status).toBe(403);
      expect((await download(exportLoader, "/team/export/assessments.csv", who)).status).toBe(403);
    }
    expect((await download(exportLoader, "/team/export/users.csv", "hr")).status).toBe(404);
  });

  it("gives HR, managers and admins the members as a dated UTF-8 attachment with a BOM", async () => {
    for (const who of ["hr", "manager", "admin"]) {
      const result = await download(exportLoader, "/team/export/members.csv", who);
      expect(result.status).toBe(200);
      expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(result.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="team-members-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(result.headers.get("Cache-Control")).toContain("no-store");
      expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const { records } = parseCsv(result.data);
      // labels in the reader's language (Chinese by default), the ids in their own columns
      expect(records).toEqual([
        [...EXPORT_COLUMNS.members],
        [
          "Émile Durand",
          "emile@export.example",
          '=HYPERLINK("x") ops, EU',
          "运营经理",
          "operations_manager",
          "运营经理:100",
          "operations_manager:100",
          "wang.fang@export.example",
          "FR",
          "",
          "",
        ],
        [
          "王芳 Wang Fang",
          "wang.fang@export.example",
          "创始人 Founder",
          "",
          "",
          "运营经理:50;产品经理:50",
          "operations_manager:50;product_manager:50",
          "",
          "US;DE",
          "zh;en",
          "2019-03-01",
        ],
      ]);
      // a spreadsheet must not run the title as a formula
      expect(result.data).toContain(`"'=HYPERLINK(""x"") ops, EU"`);
    }
  });

  it("gives the whole assessment history, and another organisation's HR only their own", async () => {
    const result = await download(exportLoader, "/team/export/assessments.csv", "hr");
    expect(result.headers.get("Content-Disposition")).toMatch(/filename="team-assessments-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(parseCsv(result.data).records).toEqual([
      [...EXPORT_COLUMNS.assessments],
      [
        "Émile Durand",
        "emile@export.example",
        "广告投放",
        "ad_buying",
        "2",
        "2025-01-10",
        "王芳 Wang Fang",
        "第一季度\nQ1 review, solid",
      ],
      [
        "王芳 Wang Fang",
        "wang.fang@export.example",
        skillLabel("market_insight", "zh"),
        "market_insight",
        "3",
        "2024-11-02",
        cast.hr.name,
        "",
      ],
    ]);
    const english = await download(exportLoader, "/team/export/assessments.csv?lang=en", "hr");
    expect(parseCsv(english.data).records[1].slice(2, 4)).toEqual(["Ad buying", "ad_buying"]);
    const otherHr = await createUser({ organisationId: cast.other.id, kind: "hr" });
    cookie.otherHr = await cookieFor(otherHr.id);
    const theirs = await download(exportLoader, "/team/export/members.csv", "otherHr");
    expect(
      parseCsv(theirs.data)
        .records.slice(1)
        .map((row) => row[1]),
    ).toEqual(["other@export.example"]);
    const theirAssessments = await download(exportLoader, "/team/export/assessments.csv", "otherAdmin");
    expect(
      parseCsv(theirAssessments.data)
        .records.slice(1)
        .map((row) => row[1]),
    ).toEqual(["other@export.example"]);
  });

  it("re-imports without any change (export → import round trip)", async () => {
    const before = await snapshot(cast.organisation.id);
    for (const kind of ["members", "assessments"] as const) {
      const exported = await download(exportLoader, `/team/export/${kind}.csv`, "hr");
      const form = new FormData();
      form.append("kind", kind);
      form.append("file", new Blob([exported.bytes]), `${kind}.csv`);
      const result = await callRoute<ImportAnswer>(
        importAction,
        new Request("http://localhost/team/import", { method: "POST", body: form, headers: as("hr") }),
      );
      expect(result.status).toBe(200);
      expect(result.data).toEqual(
        kind === "members"
          ? { status: "imported", kind, members: { created: 0, updated: 0, unchanged: 2, updatedNames: [] } }
          : { status: "imported", kind, assessments: { added: 0, alreadyRecorded: 2 } },
      );
    }
    expect(await snapshot(cast.organisation.id)).toEqual(before);
  });
});

describe("CSV round trip into a fresh organisation (issue 18)", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`export, import the same files into a fresh organisation, export again: identical (${lang})`, async () => {
      const fresh = await db.organisation.create({
        data: {
          name: `Fresh ${lang}`,
          slug: `fresh-${lang}-${Date.now()}`,
          operatingModel: "platform",
          stage: "growth",
        },
      });
      const freshHr = await createUser({ organisationId: fresh.id, kind: "hr" });
      cookie[`fresh-${lang}`] = await cookieFor(freshHr.id);
      const files: Record<string, string> = {};
      for (const kind of ["members", "assessments"] as const) {
        const exported = await download(exportLoader, `/team/export/${kind}.csv?lang=${lang}`, "hr");
        files[kind] = exported.data;
        const form = new FormData();
        form.append("kind", kind);
        form.append("file", new Blob([exported.bytes]), `${kind}.csv`);
        const imported = await callRoute<ImportAnswer>(
          importAction,
          new Request("http://localhost/team/import", { method: "POST", body: form, headers: as(`fresh-${lang}`) }),
        );
        expect(imported.data).toMatchObject({ status: "imported", kind });
      }
      for (const kind of ["members", "assessments"] as const) {
        const again = await download(exportLoader, `/team/export/${kind}.csv?lang=${lang}`, `fresh-${lang}`);
        expect(again.data).toBe(files[kind]);
      }
      expect(await db.member.count({ where: { organisationId: fresh.id } })).toBe(2);
      expect(await db.skillAssessment.count({ where: { organisationId: fresh.id } })).toBe(2);
    });
  }

  it("imports labels typed by hand in either language, any case and width, for members and assessment skills", async () => {
    const fresh = await db.organisation.create({
      data: { name: "Labels", slug: `labels-${Date.now()}`, operatingModel: "platform", stage: "growth" },
    });
    const freshHr = await createUser({ organisationId: fresh.id, kind: "hr" });
    cookie.labels = await cookieFor(freshHr.id);
    const send = async (kind: string, text: string) => {
      const form = new FormData();
      form.append("kind", kind);
      form.append("file", new Blob([text]), `${kind}.csv`);
      return callRoute<ImportAnswer>(
        importAction,
        new Request("http://localhost/team/import", { method: "POST", body: form, headers: as("labels") }),
      );
    };
    const members = await send(
      "members",
      `${MEMBER_COLUMNS.join(",")}\nAna,ana@x.cn,,营销,运营经理：60;MARKETING:40,,,,\nBo,bo@x.cn,,ｓｕｐｐｌｙ chain,SUPPLY CHAIN & LOGISTICS:100,,,,\n`,
    );
    expect(members.data).toMatchObject({ status: "imported", members: { created: 2 } });
    const ana = await db.member.findFirstOrThrow({
      where: { organisationId: fresh.id, email: "ana@x.cn" },
      include: { roles: { orderBy: { roleId: "asc" } } },
    });
    expect([ana.department, ana.roles.map((role) => `${role.roleId}:${role.sharePercent}`)]).toEqual([
      "marketing",
      ["marketing:40", "operations_manager:60"],
    ]);
    const assessments = await send(
      "assessments",
      `${ASSESSMENT_COLUMNS.join(",")}\nana@x.cn,广告投放,2,2025-01-10,,\nbo@x.cn,ＡＤ ＢＵＹＩＮＧ,3,2025-01-10,,\nbo@x.cn,erp_crm_tools,1,2025-01-10,,\n`,
    );
    expect(assessments.data).toMatchObject({ status: "imported", assessments: { added: 3 } });
    expect(
      (await db.skillAssessment.findMany({ where: { organisationId: fresh.id }, orderBy: { level: "asc" } })).map(
        (row) => row.skillId,
      ),
    ).toEqual(["erp_crm_tools", "ad_buying", "ad_buying"]);
  });
});

describe("GET /team/import/template/:kind", () => {
  it("is for those who may import", async () => {
    expect((await download(templateLoader, "/team/import/template/members.csv")).status).toBe(302);
    for (const who of ["member", "leadOps"])
      expect((await download(templateLoader, "/team/import/template/members.csv", who)).status).toBe(403);
    expect((await download(templateLoader, "/team/import/template/other.csv", "hr")).status).toBe(404);
  });

  it("has the header and two example rows, one with a Chinese name, which the import refuses as they are", async () => {
    const org = await db.organisation.create({
      data: { name: "Template Org", slug: `template-${Date.now()}`, operatingModel: "platform", stage: "growth" },
    });
    const hr = await createUser({ organisationId: org.id, kind: "hr", name: "Li Na 李娜" });
    const hrCookie = await cookieFor(hr.id);
    for (const kind of ["members", "assessments"] as const) {
      cookie.templateHr = hrCookie;
      const result = await download(templateLoader, `/team/import/template/${kind}.csv`, "templateHr");
      expect(result.status).toBe(200);
      expect(result.headers.get("Content-Disposition")).toBe(`attachment; filename="team-${kind}-template.csv"`);
      expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const { records } = parseCsv(result.data);
      expect(records).toEqual([
        kind === "members" ? [...MEMBER_COLUMNS] : [...ASSESSMENT_COLUMNS],
        ...TEMPLATE_ROWS[kind],
      ]);
      const form = new FormData();
      form.append("kind", kind);
      form.append("file", new Blob([result.bytes]), "template.csv");
      const imported = await callRoute<ImportAnswer>(
        importAction,
        new Request("http://localhost/team/import", { method: "POST", body: form, headers: { Cookie: hrCookie } }),
      );
      // the examples cannot become members (or assessments) by accident
      expect(imported.status).toBe(400);
      expect(imported.data).toMatchObject({ status: "invalid", kind, total: 2 });
      expect((imported.data as { errors: { code: string }[] }).errors.map((error) => error.code)).toEqual([
        "sample_row",
        "sample_row",
      ]);
    }
    expect(TEMPLATE_ROWS.members.some((row) => /\p{Script=Han}/u.test(row[0]))).toBe(true);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await db.skillAssessment.count({ where: { organisationId: org.id } })).toBe(0);
  });
});
