/** UI strings under the key "members" (see app/utils/i18n.ts). */
export const teamMembersStrings = {
  en: {},
  zh: {},
};
