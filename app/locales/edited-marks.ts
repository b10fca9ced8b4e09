/**
 * UI strings under the key "editedMarks" (see app/utils/i18n.ts): the mark
 * beside a number that comes from the organisation's edited playbook rather
 * than the shipped default (issue 13).
 */
export const editedMarksStrings = {
  en: {
    badge: "edited",
    title: "From your playbook, version {{version}}: differs from the shipped default. Open the differences.",
    note: "Numbers marked “edited” come from your organisation's playbook (version {{version}}), not the shipped default.",
    seeDiff: "See what differs",
  },
  zh: {
    badge: "已修改",
    title: "取自本组织的组织手册第{{version}}版，与内置默认值不同。点击查看差异。",
    note: "标有“已修改”的数值取自本组织的组织手册（第{{version}}版），而非内置默认值。",
    seeDiff: "查看差异",
  },
} as const;
