/**
 * Strings of the one form pipeline (key "forms"): the notice of a refused
 * stale save, shown by every form that edits an existing record.
 */
const en = {
  conflict: {
    title: "Someone else saved this while you were editing it.",
    text: "Nothing was overwritten. Here is what differs between their saved version and yours; your entries are kept in the form. Save again to replace theirs with yours.",
    field: "Field",
    theirs: "Saved by them",
    yours: "Yours",
    empty: "(empty)",
  },
  version: "This form is out of date. Reload the page and try again.",
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  conflict: {
    title: "在你编辑期间，其他人保存了此内容。",
    text: "没有任何内容被覆盖。以下是对方已保存的版本与你的输入之间的差异；你的输入保留在表单中。再次保存将用你的内容替换对方的内容。",
    field: "字段",
    theirs: "对方已保存",
    yours: "你的输入",
    empty: "（空）",
  },
  version: "此表单已过期，请刷新页面后重试。",
};

export const formsStrings = { en, zh };
