/**
 * UI strings under the key "scale" (see app/utils/i18n.ts): what large teams
 * need (issue 15): the member list in pages.
 */
export const scaleStrings = {
  en: {
    members: {
      range: "Members {{from}}–{{to}} of {{total}}",
      page: "Page {{page}} of {{pages}}",
      previous: "Previous page",
      next: "Next page",
      pagesLabel: "Pages of the member list",
    },
  },
  zh: {
    members: {
      range: "第{{from}}–{{to}}名，共{{total}}名成员",
      page: "第{{page}}页，共{{pages}}页",
      previous: "上一页",
      next: "下一页",
      pagesLabel: "成员列表分页",
    },
  },
} as const;
