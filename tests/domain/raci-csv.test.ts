import { describe, expect, it } from "vitest";
import { RACI_CSV_COLUMNS, raciExportRows, raciStepStatus, type RaciCsvLabels } from "../../app/domain/raci-csv";

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
});
