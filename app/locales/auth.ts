/** Strings of the sign-up, sign-in, sign-out and invitation pages (key "auth"). Filled by the accounts work. */
export const authStrings = {
  en: {},
  zh: {},
};
