/**
 * UI strings under the key "raciRoles" (see app/utils/i18n.ts): an
 * extension role's place in the RACI (issue 13). Turning a role off is
 * refused while a RACI row gives it a letter; the page says where.
 */
export const raciRolesStrings = {
  en: {
    /** two sentences side by side */
    sentences: "{{first}} {{second}}",
    inRaci:
      "Process steps still give this role a letter (R, A, C or I) in the RACI. Clear those cells first: turned off, it would leave those steps without their owner unseen.",
    teamSteps: "Steps of your RACI matrix",
    defaultRows: "Rows of the playbook's default RACI",
    everyModel: "every model",
    errors: {
      inRaci: "Not turned off: process steps still give this role a letter in the RACI.",
    },
  },
  zh: {
    sentences: "{{first}}{{second}}",
    inRaci:
      "RACI 中仍有流程环节为该岗位分配了角色（R、A、C 或 I）。请先清空这些单元格，否则停用后这些环节会悄然失去负责岗位。",
    teamSteps: "本团队 RACI 矩阵中的环节",
    defaultRows: "组织手册默认 RACI 中的环节",
    everyModel: "所有模式",
    errors: {
      inRaci: "未停用：RACI 中仍有流程环节为该岗位分配了角色。",
    },
  },
};
