/** UI strings under the key "teamData" (see app/utils/i18n.ts). */
export const teamDataStrings = {
  en: {},
  zh: {},
};
