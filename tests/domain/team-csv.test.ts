import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIST_ITEM_MAX, LIST_MAX_ITEMS, NOTE_MAX, TITLE_MAX } from "../../app/forms/team";
import { shippedPlaybook } from "../../app/domain/playbook";
import {
  ASSESSMENT_COLUMNS,
  EXPORT_COLUMNS,
  assessmentExportRows,
  assessmentKey,
  IMPORT_LIMITS,
  MEMBER_COLUMNS,
  memberExportRows,
  planAssessmentsImport,
  planMembersImport,
  ROW_ERROR_CODES,
  TEMPLATE_ROWS,
  type AssessmentImportContext,
  type ExistingMember,
  type RowError,
} from "../../app/domain/team-csv";
import { teamDataStrings } from "../../app/locales/team-data";
import { decodeCsvBytes, parseCsv, toCsv } from "../../app/utils/csv";
import { EMAIL_MAX, NAME_MAX } from "../../app/forms/common";

const H = [...MEMBER_COLUMNS];
/** How an export names roles and skills, per language: the shipped playbook's labels. */
const LABELS = Object.fromEntries(
  (["zh", "en"] as const).map((lang) => [
    lang,
    {
      role: (id: string) => shippedPlaybook.roles.find((role) => role.id === id)?.label[lang] ?? id,
      skill: (id: string) => shippedPlaybook.skills.find((skill) => skill.id === id)?.label[lang] ?? id,
    },
  ]),
) as Record<"zh" | "en", { role: (id: string) => string; skill: (id: string) => string }>;
const A = [...ASSESSMENT_COLUMNS];

/** A members row by column name; unnamed columns empty, roles one full-time role. */
function m(values: Partial<Record<(typeof MEMBER_COLUMNS)[number], string>>): string[] {
  const row: Record<string, string> = { roles: "operations_manager:100", ...values };
  return MEMBER_COLUMNS.map((column) => row[column] ?? "");
}

function a(values: Partial<Record<(typeof ASSESSMENT_COLUMNS)[number], string>>): string[] {
  const row: Record<string, string> = { skill: "ad_buying", level: "2", assessed_on: "2025-01-10", ...values };
  return ASSESSMENT_COLUMNS.map((column) => row[column] ?? "");
}

function existing(values: Partial<ExistingMember> & { id: string; email: string | null }): ExistingMember {
  return {
    name: values.id,
    title: "",
    department: null,
    managerId: null,
    roles: [{ roleId: "operations_manager", sharePercent: 100 }],
    markets: [],
    languages: [],
    startDate: null,
    ...values,
  };
}

function errorsOf(result: ReturnType<typeof planMembersImport> | ReturnType<typeof planAssessmentsImport>): RowError[] {
  if (result.ok) throw new Error("expected errors, the file was accepted");
  return result.errors;
}

const codes = (errors: RowError[]) => errors.map((error) => `${error.row}:${error.column}:${error.code}`);

describe("planMembersImport: a good file", () => {
  it("plans the template's two members filled in for real, the founder (two roles at 50 %) before the specialist who reports to her", () => {
    const real = TEMPLATE_ROWS.members.map((row) => row.map((cell) => cell.replace("@example.com", "@x.cn")));
    const result = planMembersImport([MEMBER_COLUMNS, ...real], []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.create.map(({ row, member }) => [row, member.name])).toEqual([
      [2, "王芳 Wang Fang"],
      [3, "Emma Schmidt"],
    ]);
    expect(result.plan.create[0].member).toMatchObject({
      email: "wang.fang@x.cn",
      roles: [
        { roleId: "product_manager", sharePercent: 50 },
        { roleId: "operations_manager", sharePercent: 50 },
      ],
      markets: ["US", "DE", "JP"],
      languages: ["zh", "en"],
      startDate: "2019-03-01",
      department: null,
      managerEmail: null,
    });
    expect(result.plan.create[1].member.managerEmail).toBe("wang.fang@x.cn");
  });

  it("refuses the template's example rows left in a file, members and assessments alike", () => {
    const members = planMembersImport(
      [MEMBER_COLUMNS, ...TEMPLATE_ROWS.members, m({ name: "Real", email: "real@x.cn" })],
      [],
    );
    expect(codes(errorsOf(members))).toEqual(["2:email:sample_row", "3:email:sample_row"]);
    const context = assessmentContext({ members: [{ id: "w", email: "wang.fang@example.com", userId: null }] });
    expect(codes(errorsOf(planAssessmentsImport([ASSESSMENT_COLUMNS, ...TEMPLATE_ROWS.assessments], context)))).toEqual(
      ["2:member_email:sample_row", "3:member_email:sample_row"],
    );
  });

  it("reads the export's label and id columns: the id wins, a label the playbook does not know defers to it, a label naming something else is refused", () => {
    const header = [...MEMBER_COLUMNS, "department_id", "role_ids"];
    const row = (department: string, departmentId: string, roles: string, roleIds: string, email: string) => [
      ...m({ name: email, email, department, roles }),
      departmentId,
      roleIds,
    ];
    const result = planMembersImport(
      [
        header,
        row(
          "运营经理",
          "operations_manager",
          "运营经理:60;Marketing:40",
          "operations_manager:60;marketing:40",
          "a@x.cn",
        ),
        row("Our own wording", "supply_chain", "", "supply_chain:100", "b@x.cn"),
        row("ＳＵＰＰＬＹ chain", "", "supply chain:100", "", "c@x.cn"),
      ],
      [],
    );
    expect(
      result.ok &&
        result.plan.create.map(({ member }) => [
          member.department,
          member.roles.map((r) => `${r.roleId}:${r.sharePercent}`).join(";"),
        ]),
    ).toEqual([
      ["operations_manager", "operations_manager:60;marketing:40"],
      ["supply_chain", "supply_chain:100"],
      ["supply_chain", "supply_chain:100"],
    ]);
    const mismatch = planMembersImport([header, row("营销", "tech_dev", "运营经理:100", "tech_dev:100", "d@x.cn")], []);
    expect(codes(errorsOf(mismatch))).toEqual(["2:department:label_id_mismatch", "2:roles:label_id_mismatch"]);
  });

  it("creates a manager listed below the people who report to them first", () => {
    const result = planMembersImport(
      [
        H,
        m({ name: "李雷 Li Lei", email: "li.lei@x.cn", manager_email: "han.meimei@x.cn" }),
        m({ name: "韩梅梅 Han Meimei", email: "han.meimei@x.cn", manager_email: "boss@x.cn" }),
        m({ name: "Boss", email: "boss@x.cn" }),
      ],
      [],
    );
    expect(result.ok && result.plan.create.map(({ member }) => member.email)).toEqual([
      "boss@x.cn",
      "han.meimei@x.cn",
      "li.lei@x.cn",
    ]);
  });

  it("matches emails of the organisation whatever their case, updates changed members and leaves equal ones alone", () => {
    const org = [
      existing({ id: "m1", email: "ana@x.com", name: "Ana", title: "Buyer", markets: ["US"] }),
      existing({ id: "m2", email: "bo@x.com", name: "Bo" }),
    ];
    const result = planMembersImport(
      [
        H,
        m({ name: "Ana", email: " ANA@x.com ", title: "Buyer", markets: "US" }),
        m({ name: "Bo", email: "bo@x.com", title: "Lead", manager_email: "ana@x.com" }),
        m({ name: "Cy", email: "cy@x.com" }),
      ],
      org,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.unchanged).toEqual([{ row: 2, memberId: "m1" }]);
    expect(result.plan.update.map(({ memberId, member }) => [memberId, member.title, member.managerEmail])).toEqual([
      ["m2", "Lead", "ana@x.com"],
    ]);
    expect(result.plan.create.map(({ member }) => member.email)).toEqual(["cy@x.com"]);
  });

  it("reads lenient spellings: header case and spaces, 50 %, full-width separators, 2024/3/1, markets with commas", () => {
    const header = [
      "Name",
      "EMAIL",
      "Title",
      "Department",
      "Roles",
      "Manager Email",
      "markets",
      "languages",
      "start-date",
    ];
    const result = planMembersImport(
      [
        header,
        [
          "Zoë",
          "zoe@x.com",
          "",
          "marketing",
          "marketing：60 %；data_analysis:40",
          "",
          "US, DE，JP、us",
          "en;中文",
          "2024/3/1",
        ],
      ],
      [],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.create[0].member).toMatchObject({
      department: "marketing",
      roles: [
        { roleId: "marketing", sharePercent: 60 },
        { roleId: "data_analysis", sharePercent: 40 },
      ],
      markets: ["US", "DE", "JP"],
      languages: ["en", "中文"],
      startDate: "2024-03-01",
    });
  });
});

describe("planMembersImport: labels instead of ids", () => {
  const header = [...MEMBER_COLUMNS];
  const row = (department: string, roles: string) => ["Zoë", "zoe@x.com", "", department, roles, "", "", "", ""];
  const table: [string, string, string, { roleId: string; sharePercent: number }[]][] = [
    ["营销", "市场营销:100", "marketing", [{ roleId: "marketing", sharePercent: 100 }]],
    ["supply chain", "Supply chain & logistics:100", "supply_chain", [{ roleId: "supply_chain", sharePercent: 100 }]],
    ["运营经理", "运营经理：100", "operations_manager", [{ roleId: "operations_manager", sharePercent: 100 }]],
    [
      "OPERATIONS MANAGER",
      "Operations manager:60;产品经理:40",
      "operations_manager",
      [
        { roleId: "operations_manager", sharePercent: 60 },
        { roleId: "product_manager", sharePercent: 40 },
      ],
    ],
    // full-width letters, digits and colon (NFKC)
    [
      "ｄａｔａ ａｎａｌｙｓｉｓ",
      "Ｄａｔａ ａｎａｌｙｓｉｓ：１００",
      "data_analysis",
      [{ roleId: "data_analysis", sharePercent: 100 }],
    ],
  ];
  it.each(table)("department %s, roles %s", (department, roles, wantDepartment, wantRoles) => {
    const result = planMembersImport([header, row(department, roles)], []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.create[0].member.department).toBe(wantDepartment);
    expect(result.plan.create[0].member.roles).toEqual(wantRoles);
  });

  it("still refuses a label that is no role, naming what was typed", () => {
    const result = planMembersImport([header, row("astrology", "星象:100")], []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.column, e.code])).toEqual([
      ["department", "department_unknown"],
      ["roles", "role_unknown"],
    ]);
  });
});

describe("planMembersImport: errors", () => {
  it("lists only the bad row of a file with good ones, numbered as in the spreadsheet (header 1, blank lines counted)", () => {
    const result = planMembersImport(
      [
        H,
        m({ name: "Good One", email: "one@x.com" }),
        [""],
        m({ name: "", email: "two@x.com" }),
        m({ name: "Good Three", email: "three@x.com" }),
      ],
      [],
    );
    expect(codes(errorsOf(result))).toEqual(["4:name:required"]);
  });

  it("names every problem of every cell, with its value", () => {
    const errors = errorsOf(
      planMembersImport(
        [
          H,
          m({
            name: "x".repeat(101),
            email: "not-an-email",
            department: "ceo",
            roles: "tech_dev:60;marketing:50",
            markets: Array.from({ length: 21 }, (_, i) => `M${i}`).join(";"),
            start_date: "2024-02-30",
          }),
          m({
            name: "Tab\there",
            email: "t@x.com",
            roles: "tech_dev",
            title: "t".repeat(101),
            languages: "x".repeat(41),
          }),
          m({ name: "R", email: "r@x.com", roles: "ceo:50;tech_dev:0;tech_dev:20;marketing:abc" }),
          m({ name: "R2", email: "r2@x.com", roles: "tech_dev:20;tech_dev:20" }),
          m({ name: "E", email: "e@x.com", roles: " ; " }),
        ],
        [],
      ),
    );
    expect(codes(errors)).toEqual([
      "2:name:too_long",
      "2:email:invalid_email",
      "2:department:department_unknown",
      "2:roles:shares_over_100",
      "2:markets:list_too_many",
      "2:start_date:date_invalid",
      "3:name:invalid_text",
      "3:title:too_long",
      "3:roles:roles_format",
      "3:languages:list_item_too_long",
      "4:roles:share_invalid",
      "4:roles:share_invalid",
      "4:roles:role_unknown",
      "5:roles:role_duplicate",
      "6:roles:required",
    ]);
    expect(errors[0]).toMatchObject({ value: `${"x".repeat(100)}…`, params: { max: 100 } });
    expect(errors[3].params).toEqual({ total: 110 });
    expect(errors.find((error) => error.code === "role_unknown")?.params).toEqual({ role: "ceo" });
  });

  it("refuses an email twice in the file, naming the first row", () => {
    const errors = errorsOf(
      planMembersImport(
        [
          H,
          m({ name: "A", email: "a@x.com" }),
          m({ name: "B", email: "b@x.com" }),
          m({ name: "A again", email: "A@x.com" }),
        ],
        [],
      ),
    );
    expect(errors).toEqual([
      { row: 4, column: "email", value: "A@x.com", code: "duplicate_email", params: { firstRow: 2 } },
    ]);
  });

  it("refuses managers who are nobody, the member themselves, or who close a loop in the file or through the organisation", () => {
    const org = [
      existing({ id: "top", email: "top@x.com" }),
      existing({ id: "mid", email: "mid@x.com", managerId: "top", name: "Mid" }),
    ];
    const errors = errorsOf(
      planMembersImport(
        [
          H,
          m({ name: "Ghost's report", email: "g@x.com", manager_email: "ghost@x.com" }),
          m({ name: "Self", email: "self@x.com", manager_email: "self@x.com" }),
          m({ name: "A", email: "a@x.com", manager_email: "b@x.com" }),
          m({ name: "B", email: "b@x.com", manager_email: "a@x.com" }),
          // the top of the organisation would report to someone who reports (through Mid) to it
          m({ name: "Top", email: "top@x.com", manager_email: "c@x.com" }),
          m({ name: "C", email: "c@x.com", manager_email: "mid@x.com" }),
        ],
        org,
      ),
    );
    expect(codes(errors)).toEqual([
      "2:manager_email:manager_unknown",
      "3:manager_email:manager_self",
      "4:manager_email:manager_cycle",
      "5:manager_email:manager_cycle",
      "6:manager_email:manager_cycle",
      "7:manager_email:manager_cycle",
    ]);
    expect(errors.find((error) => error.row === 4)?.params).toEqual({ chain: "A → B → A" });
    expect(errors.find((error) => error.row === 6)?.params).toEqual({ chain: "Top → C → Mid → Top" });
  });

  it("lists an unknown manager on a row that has other problems too", () => {
    const errors = errorsOf(
      planMembersImport([H, m({ name: "", email: "x@x.com", manager_email: " Ghost@X.com " })], []),
    );
    expect(codes(errors)).toEqual(["2:name:required", "2:manager_email:manager_unknown"]);
    expect(errors[1].value).toBe(" Ghost@X.com ");
  });

  it("does not call a manager unknown when their own row has a problem", () => {
    const errors = errorsOf(
      planMembersImport(
        [H, m({ name: "", email: "boss@x.com" }), m({ name: "Report", email: "r@x.com", manager_email: "boss@x.com" })],
        [],
      ),
    );
    expect(codes(errors)).toEqual(["2:name:required"]);
  });

  it("checks the header: missing, unknown and repeated columns; the other kind of file; data without a header", () => {
    expect(
      codes(
        errorsOf(
          planMembersImport(
            [
              ["name", "email", "roles", "emial", "name"],
              ["A", "a@x.com", "tech_dev:100", "", ""],
            ],
            [],
          ),
        ),
      ),
    ).toEqual([
      "1:emial:unknown_column",
      "1:name:duplicate_column",
      "1:title:missing_column",
      "1:department:missing_column",
      "1:manager_email:missing_column",
      "1:markets:missing_column",
      "1:languages:missing_column",
      "1:start_date:missing_column",
    ]);
    expect(codes(errorsOf(planMembersImport([A, a({ member_email: "a@x.com" })], [])))).toEqual([
      "1::looks_like_assessments",
    ]);
    expect(
      codes(errorsOf(planAssessmentsImport([H, m({ name: "A", email: "a@x.com" })], assessmentContext()))),
    ).toEqual(["1::looks_like_members"]);
    expect(codes(errorsOf(planMembersImport([H, [...m({ name: "A", email: "a@x.com" }), "", "lost"]], [])))).toEqual([
      "2::extra_cells",
    ]);
  });

  it("refuses an empty file, a header alone and more rows than the limit", () => {
    expect(codes(errorsOf(planMembersImport([], [])))).toEqual(["1::empty_file"]);
    expect(codes(errorsOf(planMembersImport([[""], [" ", ""]], [])))).toEqual(["1::empty_file"]);
    expect(codes(errorsOf(planMembersImport([H, [""]], [])))).toEqual(["1::no_rows"]);
    const many = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => m({ name: `P${i}`, email: `p${i}@x.com` }));
    expect(errorsOf(planMembersImport([H, ...many], []))).toEqual([
      {
        row: IMPORT_LIMITS.rows + 2,
        column: "",
        value: "",
        code: "too_many_rows",
        params: { max: IMPORT_LIMITS.rows },
      },
    ]);
  });

  it("never throws, whatever the records", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...MEMBER_COLUMNS, "a@x.com", "tech_dev:100", "2024-01-01", "x@x.com"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 8 }), fc.boolean(), (rows, withHeader) => {
        const records = withHeader ? [H, ...rows] : rows;
        const result = planMembersImport(records, [existing({ id: "e", email: "x@x.com" })]);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        const assessed = planAssessmentsImport(withHeader ? [A, ...rows] : rows, assessmentContext());
        if (!assessed.ok) expect(assessed.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

function assessmentContext(overrides: Partial<AssessmentImportContext> = {}): AssessmentImportContext {
  return {
    members: [
      { id: "m-ana", email: "ana@x.com", userId: null },
      { id: "m-hr", email: "hr@x.com", userId: "u-hr" },
      { id: "m-ops", email: "ops@x.com", userId: "u-lead" },
    ],
    users: [
      { id: "u-hr", name: "Li Na 李娜" },
      { id: "u-lead", name: "Zhang Wei 张伟" },
      { id: "u-twin1", name: "Sam" },
      { id: "u-twin2", name: "Sam" },
    ],
    skillIds: shippedPlaybook.skills.map((skill) => skill.id),
    today: "2025-06-30",
    importer: { userId: "u-hr", name: "Li Na 李娜" },
    existingKeys: new Set(),
    ...overrides,
  };
}

describe("planAssessmentsImport", () => {
  it("adds each row; an empty assessor is the importer, a named one is linked to the one account of that name", () => {
    const result = planAssessmentsImport(
      [
        A,
        a({ member_email: "ANA@x.com", note: "多行\n备注" }),
        a({ member_email: "hr@x.com", assessor: "Zhang Wei 张伟", level: "4", assessed_on: "2025/6/30" }),
        a({ member_email: "ana@x.com", assessor: "Sam", skill: "bi_tools" }),
        a({ member_email: "ana@x.com", assessor: "Outside Coach" }),
      ],
      assessmentContext(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.plan.add.map(({ row, assessment }) => [
        row,
        assessment.memberId,
        assessment.assessorName,
        assessment.assessorUserId,
      ]),
    ).toEqual([
      [2, "m-ana", "Li Na 李娜", "u-hr"],
      [3, "m-hr", "Zhang Wei 张伟", "u-lead"],
      [4, "m-ana", "Sam", null],
      [5, "m-ana", "Outside Coach", null],
    ]);
    expect(result.plan.add[0].assessment.note).toBe("多行\n备注");
    expect(result.plan.add[1].assessment).toMatchObject({ level: 4, assessedOn: "2025-06-30" });
  });

  it("skips rows equal to a recorded assessment or to an earlier row", () => {
    const recorded = assessmentKey({
      memberId: "m-ana",
      skillId: "ad_buying",
      level: 2,
      assessedOn: "2025-01-10",
      assessorName: "Li Na 李娜",
      note: "",
    });
    const result = planAssessmentsImport(
      [
        A,
        a({ member_email: "ana@x.com" }),
        a({ member_email: "ana@x.com", level: "3" }),
        a({ member_email: "ana@x.com", level: "3" }),
      ],
      assessmentContext({ existingKeys: new Set([recorded]) }),
    );
    expect(result.ok && [result.plan.add.map(({ row }) => row), result.plan.alreadyRecorded]).toEqual([[3], [2, 4]]);
  });

  it("refuses unknown members and skills, levels outside 0–4, bad or future days, and self-assessment", () => {
    const errors = errorsOf(
      planAssessmentsImport(
        [
          A,
          a({ member_email: "nobody@x.com" }),
          a({ member_email: "", skill: "" }),
          a({ member_email: "ana@x.com", skill: "Juggling", level: "5" }),
          a({ member_email: "ana@x.com", level: "2.0", assessed_on: "2025-07-01" }),
          a({ member_email: "ana@x.com", level: "", assessed_on: "yesterday" }),
          a({ member_email: "hr@x.com" }),
          a({ member_email: "ops@x.com", assessor: "Zhang Wei 张伟" }),
          a({ member_email: "ana@x.com", note: "bell\u0007" }),
        ],
        assessmentContext(),
      ),
    );
    expect(codes(errors)).toEqual([
      "2:member_email:member_unknown",
      "3:member_email:required",
      "3:skill:required",
      "4:skill:skill_unknown",
      "4:level:level_invalid",
      "5:level:level_invalid",
      "5:assessed_on:date_future",
      "6:level:required",
      "6:assessed_on:date_invalid",
      "7:assessor:self_assessment",
      "8:assessor:self_assessment",
      "9:note:invalid_text",
    ]);
  });
});

describe("export rows", () => {
  it("re-import as unchanged: members with two roles, Chinese names, markets and a manager", () => {
    const org = [
      existing({
        id: "f",
        email: "wang.fang@x.cn",
        name: "王芳 Wang Fang",
        roles: [
          { roleId: "operations_manager", sharePercent: 50 },
          { roleId: "product_manager", sharePercent: 50 },
        ],
        markets: ["US", "DE"],
        languages: ["zh", "en"],
        startDate: "2019-03-01",
        title: "=GM",
      }),
      existing({
        id: "e",
        email: "emma@x.de",
        name: "Emma",
        managerId: "f",
        department: "operations_manager",
        title: "-",
      }),
    ];
    const rows = memberExportRows(org, LABELS.zh);
    expect(rows[0]).toEqual([
      "Emma",
      "emma@x.de",
      "-",
      "运营经理",
      "operations_manager",
      "运营经理:100",
      "operations_manager:100",
      "wang.fang@x.cn",
      "",
      "",
      "",
    ]);
    expect(rows[1][6]).toBe("operations_manager:50;product_manager:50");
    expect(memberExportRows(org, LABELS.en)[1][5]).toBe("Operations manager:50;Product manager:50");
    const { records, errors } = parseCsv(toCsv(EXPORT_COLUMNS.members, rows));
    expect(errors).toEqual([]);
    const result = planMembersImport(records, org);
    expect(result.ok && result.plan).toEqual({
      create: [],
      update: [],
      unchanged: [
        { row: 2, memberId: "e" },
        { row: 3, memberId: "f" },
      ],
    });
  });

  it("write assessments by member, oldest first, and re-import as already recorded", () => {
    const members = [{ id: "m-ana", name: "Ana", email: "ana@x.com" }];
    const recorded = [
      {
        memberId: "m-ana",
        skillId: "bi_tools",
        level: 3,
        assessedOn: "2025-03-01",
        assessorName: "Zhang Wei 张伟",
        note: "+1 from last time",
      },
      {
        memberId: "m-ana",
        skillId: "ad_buying",
        level: 1,
        assessedOn: "2024-11-01",
        assessorName: "Li Na 李娜",
        note: "",
      },
    ];
    const rows = assessmentExportRows(recorded, members, LABELS.en);
    expect(rows.map((row) => row[5])).toEqual(["2024-11-01", "2025-03-01"]);
    expect(rows[0].slice(0, 4)).toEqual(["Ana", "ana@x.com", "Ad buying", "ad_buying"]);
    const { records } = parseCsv(toCsv(EXPORT_COLUMNS.assessments, rows));
    const result = planAssessmentsImport(
      records,
      assessmentContext({ existingKeys: new Set(recorded.map(assessmentKey)) }),
    );
    expect(result.ok && result.plan).toEqual({ add: [], alreadyRecorded: [2, 3] });
  });
});

describe("CSV text ⇄ records (app/utils/csv.ts)", () => {
  it("writes a BOM, CRLF and quotes, and escapes cells that a spreadsheet would run as formulas", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["=1+1", "x,y"],
        ["'=2", "多\n行"],
        ["@me", "-"],
      ],
    );
    expect(text.startsWith("\uFEFFa,b\r\n")).toBe(true);
    expect(text).toContain(`"'=1+1","x,y"`);
    expect(parseCsv(text).records).toEqual([
      ["a", "b"],
      ["=1+1", "x,y"],
      ["'=2", "多\n行"],
      ["@me", "-"],
    ]);
  });

  it("reads UTF-8 with or without a BOM, and GB18030 from a Chinese Excel", () => {
    const utf8 = new TextEncoder().encode("\uFEFFname\r\n王芳\r\n");
    expect(decodeCsvBytes(utf8)).toBe("name\r\n王芳\r\n");
    expect(decodeCsvBytes(new TextEncoder().encode("name\n王芳"))).toBe("name\n王芳");
    // "王芳" in GB18030
    expect(decodeCsvBytes(new Uint8Array([0x6e, 0x0a, 0xcd, 0xf5, 0xb7, 0xbc]))).toBe("n\n王芳");
    expect(parseCsv("\uFEFFname,email\n").records).toEqual([["name", "email"]]);
  });

  it("detects semicolons and tabs as separators from the header line", () => {
    expect(parseCsv("name;email\nA;a@x.com").records).toEqual([
      ["name", "email"],
      ["A", "a@x.com"],
    ]);
    expect(parseCsv("name\temail\nA, B\ta@x.com").records).toEqual([
      ["name", "email"],
      ["A, B", "a@x.com"],
    ]);
  });

  it("keeps blank lines so rows keep their numbers, and reports an unclosed quote on its row", () => {
    expect(parseCsv("h\n\nx\n").records).toEqual([["h"], [""], ["x"]]);
    expect(parseCsv('h,i\n1,2\n"3,4\n5,6').errors).toEqual([
      { row: 3, column: "", value: "", code: "csv_unclosed_quote" },
    ]);
  });
});

describe("the formats' rules", () => {
  it("use the member and assessment forms' limits", () => {
    expect(IMPORT_LIMITS).toMatchObject({
      name: NAME_MAX,
      title: TITLE_MAX,
      email: EMAIL_MAX,
      note: NOTE_MAX,
      listItem: LIST_ITEM_MAX,
      listItems: LIST_MAX_ITEMS,
      assessor: NAME_MAX,
    });
  });

  it("explain every error code and column in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      const strings = teamDataStrings[lang];
      for (const code of ROW_ERROR_CODES) expect(strings.codes[code], `${lang} ${code}`).toMatch(/\S/);
      for (const column of [...MEMBER_COLUMNS, ...ASSESSMENT_COLUMNS])
        expect(strings.import.columns[column], `${lang} ${column}`).toMatch(/\S/);
    }
  });
});
