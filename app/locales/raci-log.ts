/**
 * UI strings of the RACI cell changes in a step's decision log (issue 18),
 * under the key "raciLog" (see app/utils/i18n.ts).
 */
const en = {
  title: "Cell changes",
  empty: "No cell of this row has been changed here yet.",
  entry: "{{role}}: {{from}} → {{to}}",
  undoEntry: "{{role}}: {{from}} → {{to}} (undo)",
  by: "by {{name}}",
  none: "no part",
  undo: "Undo",
  wasUndone: "undone",
  undone: "The change was undone: the cell has its earlier letter again, and the undo is logged.",
  undoConflict: "This cell has changed again since: undo its latest change first.",
};

const zh: typeof en = {
  title: "单元格变更",
  empty: "此行的单元格尚未在这里修改过。",
  entry: "{{role}}：{{from}} → {{to}}",
  undoEntry: "{{role}}：{{from}} → {{to}}（撤销）",
  by: "操作人：{{name}}",
  none: "不参与",
  undo: "撤销",
  wasUndone: "已撤销",
  undone: "已撤销该变更：单元格恢复为之前的字母，撤销操作已记入日志。",
  undoConflict: "该单元格此后又有修改：请先撤销最近一次变更。",
};

export const raciLogStrings = { en, zh };
