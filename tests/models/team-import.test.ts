import { describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import { ASSESSMENT_COLUMNS, EXPORT_COLUMNS, MEMBER_COLUMNS, TEMPLATE_ROWS } from "../../app/domain/team-csv";
import {
  exportAssessments,
  exportMembers,
  importAssessments,
  importMembers,
  importProgress,
  ImportWriteFailed,
} from "../../app/models/team-import.server";
import type { ImportJobMessage } from "../../app/models/team-import-job.server";
import { loader as healthz } from "../../app/routes/healthz";
import { parseCsv, toCsv } from "../../app/utils/csv";
import { db } from "../../app/utils/db.server";
import { createOrganisation, createUser } from "../utils/actors";

const H = [...MEMBER_COLUMNS];
const A = [...ASSESSMENT_COLUMNS];
const skillIds = shippedPlaybook.skills.map((skill) => skill.id);

/** Everything of one organisation's team, to compare before and after. */
async function snapshot(organisationId: string) {
  const members = await db.member.findMany({
    where: { organisationId },
    include: { roles: { orderBy: { roleId: "asc" } } },
    orderBy: { id: "asc" },
  });
  const assessments = await db.skillAssessment.findMany({ where: { organisationId }, orderBy: { id: "asc" } });
  return { members, assessments };
}

describe("importMembers", () => {
  it("creates new members with roles, lists, start dates and managers (a new manager listed after their report too)", async () => {
    const org = await createOrganisation();
    const result = await importMembers({
      organisationId: org.id,
      records: [
        H,
        [
          "陈杰 Chen Jie",
          "chen.jie@x.cn",
          "供应链主管",
          "supply_chain",
          "supply_chain:100",
          "wang.fang@x.cn",
          "CN;US",
          "zh",
          "2021-05-10",
        ],
        [
          "王芳 Wang Fang",
          "wang.fang@x.cn",
          "Founder",
          "",
          "product_manager:50;operations_manager:50",
          "",
          "US;DE;JP",
          "zh;en",
          "2019-03-01",
        ],
      ],
    });
    expect(result).toEqual({ ok: true, summary: { created: 2, updated: 0, unchanged: 0, updatedNames: [] } });
    const chen = await db.member.findFirstOrThrow({
      where: { organisationId: org.id, email: "chen.jie@x.cn" },
      include: { manager: true, roles: true },
    });
    expect(chen).toMatchObject({
      name: "陈杰 Chen Jie",
      title: "供应链主管",
      department: "supply_chain",
      markets: '["CN","US"]',
      languages: '["zh"]',
    });
    expect(chen.manager?.name).toBe("王芳 Wang Fang");
    expect(chen.startDate?.toISOString()).toBe("2021-05-10T00:00:00.000Z");
    const wang = await db.member.findFirstOrThrow({
      where: { organisationId: org.id, email: "wang.fang@x.cn" },
      include: { roles: { orderBy: { roleId: "asc" } } },
    });
    expect(wang.roles.map((role) => [role.roleId, role.sharePercent])).toEqual([
      ["operations_manager", 50],
      ["product_manager", 50],
    ]);
  });

  it("updates members found by email, replacing their roles, keeping their account and history; says who was updated", async () => {
    const org = await createOrganisation();
    const user = await createUser({ organisationId: org.id, kind: "member" });
    const ana = await db.member.create({
      data: {
        organisationId: org.id,
        name: "Ana",
        email: "ana@x.com",
        userId: user.id,
        roles: { create: [{ roleId: "marketing", sharePercent: 100 }] },
      },
    });
    await db.skillAssessment.create({
      data: {
        organisationId: org.id,
        memberId: ana.id,
        skillId: "ad_buying",
        level: 2,
        assessedOn: new Date("2025-01-01"),
        assessorName: "X",
      },
    });
    const result = await importMembers({
      organisationId: org.id,
      records: [
        H,
        ["Ana Li", "ANA@x.com", "Growth lead", "marketing", "marketing:60;data_analysis:40", "", "", "", ""],
      ],
    });
    expect(result).toEqual({ ok: true, summary: { created: 0, updated: 1, unchanged: 0, updatedNames: ["Ana Li"] } });
    const after = await db.member.findUniqueOrThrow({
      where: { id: ana.id },
      include: { roles: { orderBy: { roleId: "asc" } }, assessments: true },
    });
    expect(after).toMatchObject({ name: "Ana Li", title: "Growth lead", userId: user.id });
    expect(after.roles.map((role) => [role.roleId, role.sharePercent])).toEqual([
      ["data_analysis", 40],
      ["marketing", 60],
    ]);
    expect(after.assessments).toHaveLength(1);
  });

  it("imports nothing when one row is bad, and lists it", async () => {
    const org = await createOrganisation();
    await db.member.create({ data: { organisationId: org.id, name: "Keep", email: "keep@x.com" } });
    const before = await snapshot(org.id);
    const result = await importMembers({
      organisationId: org.id,
      records: [
        H,
        ["Good", "good@x.com", "", "", "tech_dev:100", "", "", "", ""],
        ["Keep", "keep@x.com", "changed", "", "tech_dev:100", "", "", "", ""],
        ["Bad", "bad@x.com", "", "", "tech_dev:150", "", "", "", ""],
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 4, column: "roles", value: "tech_dev:150", code: "share_invalid", params: { entry: "tech_dev:150" } },
      ],
    });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("sees only its organisation: another's email is a new member here, and another's member is no manager", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    await db.member.create({ data: { organisationId: other.id, name: "Elsewhere", email: "same@x.com" } });
    const refused = await importMembers({
      organisationId: org.id,
      records: [H, ["Report", "r@x.com", "", "", "tech_dev:100", "same@x.com", "", "", ""]],
    });
    expect(refused.ok ? [] : refused.errors.map((error) => error.code)).toEqual(["manager_unknown"]);
    const result = await importMembers({
      organisationId: org.id,
      records: [H, ["Here", "same@x.com", "", "", "tech_dev:100", "", "", "", ""]],
    });
    expect(result.ok && result.summary.created).toBe(1);
    expect(await db.member.findFirst({ where: { organisationId: other.id, email: "same@x.com" } })).toMatchObject({
      name: "Elsewhere",
    });
  });

  it("refuses a reporting loop through members who are not in the file", async () => {
    const org = await createOrganisation();
    const top = await db.member.create({ data: { organisationId: org.id, name: "Top", email: "top@x.com" } });
    await db.member.create({ data: { organisationId: org.id, name: "Mid", email: "mid@x.com", managerId: top.id } });
    const result = await importMembers({
      organisationId: org.id,
      records: [H, ["Top", "top@x.com", "", "", "tech_dev:100", "mid@x.com", "", "", ""]],
    });
    expect(result.ok ? null : result.errors).toEqual([
      {
        row: 2,
        column: "manager_email",
        value: "mid@x.com",
        code: "manager_cycle",
        params: { chain: "Top → Mid → Top" },
      },
    ]);
  });
});

describe("importAssessments", () => {
  it("adds the rows, with the importer as the assessor of rows that name none, and skips what is recorded", async () => {
    const org = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr", name: "Li Na 李娜" });
    // the template filled in for real (its own example rows are refused: tests/domain/team-csv.test.ts)
    const real = (rows: readonly (readonly string[])[]) =>
      rows.map((row) => row.map((cell) => cell.replace("@example.com", "@x.cn")));
    await importMembers({ organisationId: org.id, records: [MEMBER_COLUMNS, ...real(TEMPLATE_ROWS.members)] });
    const template = await importAssessments({
      organisationId: org.id,
      records: [A, ...real(TEMPLATE_ROWS.assessments)],
      skillIds,
      today: "2025-06-30",
      importer: { userId: hr.id, name: hr.name },
    });
    expect(template).toEqual({ ok: true, summary: { added: 2, alreadyRecorded: 0 } });
    const result = await importAssessments({
      organisationId: org.id,
      records: [
        A,
        ...real(TEMPLATE_ROWS.assessments),
        ["emma.schmidt@x.cn", "platform_rules", "3", "2025-06-01", "", "Passed the account-health review"],
      ],
      skillIds,
      today: "2025-06-30",
      importer: { userId: hr.id, name: hr.name },
    });
    expect(result).toEqual({ ok: true, summary: { added: 1, alreadyRecorded: 2 } });
    const added = await db.skillAssessment.findFirstOrThrow({
      where: { organisationId: org.id, skillId: "platform_rules" },
    });
    expect(added).toMatchObject({
      level: 3,
      assessorName: "Li Na 李娜",
      assessorUserId: hr.id,
      note: "Passed the account-health review",
    });
    expect(added.assessedOn.toISOString()).toBe("2025-06-01T00:00:00.000Z");
    // the template's first row names HR as the assessor: linked to her account
    expect(
      await db.skillAssessment.findFirstOrThrow({ where: { organisationId: org.id, skillId: "market_insight" } }),
    ).toMatchObject({ assessorUserId: hr.id });
  });

  it("imports nothing when a row names a member of another organisation", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr" });
    await importMembers({
      organisationId: org.id,
      records: [H, ["Ana", "ana@x.com", "", "", "tech_dev:100", "", "", "", ""]],
    });
    await db.member.create({ data: { organisationId: other.id, name: "Foreign", email: "foreign@x.com" } });
    const result = await importAssessments({
      organisationId: org.id,
      records: [
        A,
        ["ana@x.com", "bi_tools", "2", "2025-01-01", "", ""],
        ["foreign@x.com", "bi_tools", "2", "2025-01-01", "", ""],
      ],
      skillIds,
      today: "2025-06-30",
      importer: { userId: hr.id, name: hr.name },
    });
    expect(result.ok ? [] : result.errors.map((error) => `${error.row}:${error.code}`)).toEqual(["3:member_unknown"]);
    expect(await db.skillAssessment.count({ where: { organisationId: org.id } })).toBe(0);
  });
});

describe("export → import", () => {
  it("changes nothing", async () => {
    const org = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr", name: "HR Person" });
    await importMembers({
      organisationId: org.id,
      records: [
        H,
        [
          "王芳 Wang Fang",
          "wang@x.cn",
          "=Founder",
          "",
          "product_manager:50;operations_manager:50",
          "",
          "US;DE",
          "zh;en",
          "2019-03-01",
        ],
        [
          "Émile, Jr.",
          "emile@x.fr",
          'Ops "EU"',
          "operations_manager",
          "operations_manager:80;marketing:20",
          "wang@x.cn",
          "FR",
          "fr;en",
          "",
        ],
      ],
    });
    await importAssessments({
      organisationId: org.id,
      records: [
        A,
        ["emile@x.fr", "ad_buying", "2", "2025-01-10", "", "line one\nline two, with comma"],
        ["wang@x.cn", "market_insight", "4", "2024-12-01", "-board-", ""],
      ],
      skillIds,
      today: "2025-06-30",
      importer: { userId: hr.id, name: hr.name },
    });
    const before = await snapshot(org.id);
    const labels = { role: (id: string) => `R ${id}`, skill: (id: string) => `S ${id}` };
    const members = parseCsv(toCsv(EXPORT_COLUMNS.members, await exportMembers({ organisationId: org.id, labels })));
    const assessments = parseCsv(
      toCsv(EXPORT_COLUMNS.assessments, await exportAssessments({ organisationId: org.id, labels })),
    );
    expect(await importMembers({ organisationId: org.id, records: members.records })).toEqual({
      ok: true,
      summary: { created: 0, updated: 0, unchanged: 2, updatedNames: [] },
    });
    expect(
      await importAssessments({
        organisationId: org.id,
        records: assessments.records,
        skillIds,
        today: "2025-06-30",
        importer: { userId: hr.id, name: hr.name },
      }),
    ).toEqual({
      ok: true,
      summary: { added: 0, alreadyRecorded: 2 },
    });
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("importMembers at scale (issue 15)", () => {
  it("writes a file larger than one write batch, managers linked across batches, roles and updates included", async () => {
    const org = await createOrganisation();
    const existing = await db.member.create({
      data: {
        organisationId: org.id,
        name: "Old Name",
        email: "p0005@x.cn",
        roles: { create: [{ roleId: "marketing", sharePercent: 100 }] },
      },
    });
    const row = (i: number) => {
      const email = `p${String(i).padStart(4, "0")}@x.cn`;
      // everyone reports to the last person of the file: a manager listed after every report
      const manager = i === 1199 ? "" : "p1199@x.cn";
      return [
        `Person ${i}`,
        email,
        "",
        "supply_chain",
        i % 2 === 0 ? "supply_chain:100" : "supply_chain:50;marketing:50",
        manager,
        "",
        "",
        "",
      ];
    };
    const result = await importMembers({
      organisationId: org.id,
      records: [H, ...Array.from({ length: 1200 }, (_, i) => row(i))],
    });
    expect(result).toEqual({
      ok: true,
      summary: { created: 1199, updated: 1, unchanged: 0, updatedNames: ["Person 5"] },
    });
    const members = await db.member.findMany({
      where: { organisationId: org.id },
      include: { roles: true, manager: true },
    });
    expect(members).toHaveLength(1200);
    expect(members.filter((member) => member.manager?.email === "p1199@x.cn")).toHaveLength(1199);
    expect(members.reduce((sum, member) => sum + member.roles.length, 0)).toBe(600 + 600 * 2);
    const updated = members.find((member) => member.id === existing.id)!;
    expect(updated).toMatchObject({ name: "Person 5", version: 2 });
    expect(updated.roles.map((role) => role.roleId).sort()).toEqual(["marketing", "supply_chain"]);
  });
});

describe("the import in its worker thread (issue 15)", () => {
  const person = (i: number, name = `Person ${i}`) => [
    name,
    `w${String(i).padStart(4, "0")}@x.cn`,
    "",
    "marketing",
    "marketing:100",
    "",
    "",
    "",
    "",
  ];
  const teamRevision = async (organisationId: string) =>
    (await db.teamRevision.findUnique({ where: { organisationId } }))?.team ?? 0;

  it("writes nothing when a row fails at write time, after a thousand rows were written in the same transaction", async () => {
    const org = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr" });
    const existing = await db.member.create({
      data: {
        organisationId: org.id,
        name: "Kept As Is",
        email: "w0000@x.cn",
        roles: { create: [{ roleId: "tech_dev", sharePercent: 100 }] },
      },
    });
    const before = await snapshot(org.id);
    const revision = await teamRevision(org.id);
    // the database refuses one row the file check accepts: the failure comes in the middle of the writes
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_refuse_member" BEFORE INSERT ON "Member" WHEN NEW."name" = 'Refused At Write'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    try {
      const records = [
        H,
        ...Array.from({ length: 1500 }, (_, i) => person(i, i === 1100 ? "Refused At Write" : undefined)),
      ];
      await expect(importMembers({ organisationId: org.id, records, startedBy: hr.id })).rejects.toBeInstanceOf(
        ImportWriteFailed,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_member"`);
    }
    expect(await snapshot(org.id)).toEqual(before);
    expect(await teamRevision(org.id)).toBe(revision);
    expect((await db.member.findUniqueOrThrow({ where: { id: existing.id } })).version).toBe(1);
    expect(await importProgress({ organisationId: org.id, userId: hr.id })).toEqual({
      kind: "members",
      status: "failed",
      rows: 1500,
    });
  });

  it("serves other requests while it runs: /healthz answers while the import holds its write transaction open", async () => {
    const org = await createOrganisation();
    const hr = await createUser({ organisationId: org.id, kind: "hr" });
    const events: string[] = [];
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const hold = new Int32Array(new SharedArrayBuffer(4));
    const onProgress = (message: ImportJobMessage) => {
      events.push(message.type === "phase" ? message.phase : message.type);
      if (message.type === "holding") holding();
    };
    const running = importMembers({
      organisationId: org.id,
      records: [H, ...Array.from({ length: 2000 }, (_, i) => person(i))],
      startedBy: hr.id,
      onProgress,
      hold,
    }).then((result) => {
      events.push("result");
      return result;
    });
    await held;
    // every row is written but not committed: the worker waits, and this thread goes on serving
    for (let i = 0; i < 5; i++) {
      const response = await healthz();
      events.push(`healthz ${response.status}`);
    }
    // readers see the team as it was (WAL), and the person who started it sees that it is writing
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await importProgress({ organisationId: org.id, userId: hr.id })).toEqual({
      kind: "members",
      status: "writing",
      rows: 2000,
    });
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
    expect(await running).toEqual({
      ok: true,
      summary: { created: 2000, updated: 0, unchanged: 0, updatedNames: [] },
    });
    expect(events).toEqual([
      "checking",
      "writing",
      "holding",
      ...Array.from({ length: 5 }, () => "healthz 200"),
      "result",
    ]);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(2000);
    expect(await importProgress({ organisationId: org.id, userId: hr.id })).toMatchObject({ status: "done" });
  });
});
