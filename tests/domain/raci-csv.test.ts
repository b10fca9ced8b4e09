import { describe, expect, it } from "vitest";
import { raciCsvColumns, raciExportRows, raciStepStatus, type RaciCsvLabels } from "../../app/domain/raci-csv";
import { CORE_ROLE_IDS } from "../../app/domain/types";

const RACI_CSV_COLUMNS = raciCsvColumns(CORE_ROLE_IDS);

const labels: RaciCsvLabels = {
  role: (id) => `role:${id}`,
  section: (id) => `section:${id}`,
  status: (id) => `status:${id}`,
  flag: (code) => `flag:${code}`,
};

describe("raciStepStatus", () => {
  it("a retired step reads retired, then a resolved one resolved, then flagged or ok", () => {
    expect(raciStepStatus({ retired: true, resolved: true }, true)).toBe("retired");
    expect(raciStepStatus({ retired: false, resolved: true }, true)).toBe("resolved");
    expect(raciStepStatus({ retired: false, resolved: false }, true)).toBe("flagged");
    expect(raciStepStatus({ retired: false, resolved: false }, false)).toBe("ok");
  });
});

describe("raciExportRows", () => {
  it("writes each label beside its id, in the reader's language, with one column per role", () => {
    const rows = raciExportRows({
      roleIds: CORE_ROLE_IDS,
      steps: [
        { key: "a", section: "core", name: { zh: "甲", en: "Alpha" }, resolved: false, retired: false },
        { key: "b", section: "systems", name: { zh: "乙", en: "" }, resolved: false, retired: true },
      ],
      rows: new Map([["a", { marketing: "AR" as const, product_manager: "A" as const, tech_dev: "R" as const }]]),
      flags: new Map([
        ["a", [{ code: "several_accountable" as const, roles: ["product_manager" as const, "marketing" as const] }]],
      ]),
      labels,
      lang: "en",
    });
    const byColumn = rows.map((row) => Object.fromEntries(RACI_CSV_COLUMNS.map((column, i) => [column, row[i]])));
    expect(rows.every((row) => row.length === RACI_CSV_COLUMNS.length)).toBe(true);
    expect(byColumn[0]).toMatchObject({
      section: "section:core",
      section_id: "core",
      step: "Alpha",
      step_id: "a",
      product_manager: "A",
      tech_dev: "R",
      marketing: "AR",
      operations_manager: "",
      // in the roles' order, not the cells'
      accountable: "role:product_manager;role:marketing",
      accountable_ids: "product_manager;marketing",
      responsible: "role:tech_dev;role:marketing",
      responsible_ids: "tech_dev;marketing",
      status: "status:flagged",
      status_id: "flagged",
      problems: "flag:several_accountable",
      problem_codes: "several_accountable",
    });
    // a step without an English name falls back to its Chinese one; a retired step has no owners
    expect(byColumn[1]).toMatchObject({
      step: "乙",
      step_id: "b",
      accountable: "",
      accountable_ids: "",
      status: "status:retired",
      status_id: "retired",
      problems: "",
    });
  });

  it("has a column for each role of the playbook: an extension role it holds comes after the seven", () => {
    const roleIds = [...CORE_ROLE_IDS, "customer_service" as const];
    const columns = raciCsvColumns(roleIds);
    expect(columns.slice(4, 12)).toEqual(roleIds);
    expect(columns[12]).toBe("accountable");
    const [line] = raciExportRows({
      roleIds,
      steps: [
        {
          key: "after_sales",
          section: "core",
          name: { zh: "售后", en: "After-sales" },
          resolved: false,
          retired: false,
        },
      ],
      rows: new Map([["after_sales", { customer_service: "R" as const, operations_manager: "A" as const }]]),
      flags: new Map(),
      labels,
      lang: "zh",
    });
    const byColumn = Object.fromEntries(columns.map((column, i) => [column, line[i]]));
    expect(line).toHaveLength(columns.length);
    expect(byColumn).toMatchObject({
      customer_service: "R",
      operations_manager: "A",
      responsible_ids: "customer_service",
      responsible: "role:customer_service",
      accountable_ids: "operations_manager",
    });
    // the seven-column export of a playbook without it has no such column
    expect(raciCsvColumns(CORE_ROLE_IDS)).not.toContain("customer_service");
  });
});
