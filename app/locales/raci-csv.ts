/**
 * Words of the RACI matrix's CSV export (issue 18) that the pages do not
 * already have: the status of a step as a spreadsheet reader sees it. Section,
 * problem and role names come from the ownership strings and the playbook.
 * Under the key "raciCsv" (see app/utils/i18n.ts).
 */
const en = {
  status: {
    ok: "OK",
    flagged: "Has problems",
    resolved: "Resolved by a decision",
    retired: "Retired",
  },
};

const zh: typeof en = {
  status: {
    ok: "正常",
    flagged: "有问题",
    resolved: "已由决定解决",
    retired: "已停用",
  },
};

export const raciCsvStrings = { en, zh };
