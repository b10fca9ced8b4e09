/** UI strings under the key "insights" (see app/utils/i18n.ts). */
export const teamInsightsStrings = {
  en: {},
  zh: {},
};
