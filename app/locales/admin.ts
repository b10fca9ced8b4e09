/** Strings of the organisation settings pages (key "admin"). Filled by the accounts work. */
export const adminStrings = {
  en: {},
  zh: {},
};
