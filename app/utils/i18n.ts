import type { InitOptions } from "i18next";
import { diagramStrings } from "~/components/diagram/i18n";
import { editedMarksStrings } from "~/locales/edited-marks";
import { extensionRolesStrings } from "~/locales/extension-roles";
import { customRolesStrings } from "~/locales/custom-roles";
import { LANGUAGES, type Language } from "~/domain/types";
import { accessStrings } from "~/locales/access";
import { adminStrings } from "~/locales/admin";
import { formsStrings } from "~/locales/forms";
import { authStrings } from "~/locales/auth";
import { en } from "~/locales/en";
import { hiringStrings } from "~/locales/hiring";
import { hiringPublicStrings } from "~/locales/hiring-public";
import { invitationStrings } from "~/locales/invitation";
import { tokenScopeStrings } from "~/locales/token-scope";
import { mobileStrings } from "~/locales/mobile";
import { nextStepsStrings } from "~/locales/next-steps";
import { ownershipStrings } from "~/locales/ownership";
import { playbookStrings } from "~/locales/playbook";
import { sizingStrings } from "~/locales/sizing";
import { scaleStrings } from "~/locales/scale";
import { importJobStrings } from "~/locales/team-import-job";
import { securityStrings } from "~/locales/security";
import { teamDataStrings } from "~/locales/team-data";
import { gridStrings } from "~/locales/assessment-grid";
import { raciCsvStrings } from "~/locales/raci-csv";
import { raciLogStrings } from "~/locales/raci-log";
import { raciRolesStrings } from "~/locales/raci-roles";
import { teamInsightsStrings } from "~/locales/team-insights";
import { teamMembersStrings } from "~/locales/team-members";
import { trainingStrings } from "~/locales/training";
import { zh } from "~/locales/zh";

/**
 * The one i18n set-up, shared by the server render and the browser.
 * Resources are bundled (they are small), so no backend is needed.
 */
export const supportedLanguages: readonly Language[] = LANGUAGES;
/** The product's home market is Chinese-speaking. */
export const fallbackLanguage: Language = "zh";
/** The query parameter that overrides the remembered language on any page. */
export const LANGUAGE_PARAM = "lang";

export const resources = {
  en: {
    translation: {
      ...en,
      diagram: diagramStrings.en,
      auth: authStrings.en,
      admin: adminStrings.en,
      members: teamMembersStrings.en,
      insights: teamInsightsStrings.en,
      teamData: teamDataStrings.en,
      hiring: hiringStrings.en,
      hiringPublic: hiringPublicStrings.en,
      ownership: ownershipStrings.en,
      training: trainingStrings.en,
      sizing: sizingStrings.en,
      forms: formsStrings.en,
      security: securityStrings.en,
      playbook: playbookStrings.en,
      scale: scaleStrings.en,
      grid: gridStrings.en,
      raciLog: raciLogStrings.en,
      raciCsv: raciCsvStrings.en,
      raciRoles: raciRolesStrings.en,
      nextSteps: nextStepsStrings.en,
      mobile: mobileStrings.en,
      access: accessStrings.en,
      editedMarks: editedMarksStrings.en,
      extensionRoles: extensionRolesStrings.en,
      customRoles: customRolesStrings.en,
      invitation: invitationStrings.en,
      tokenScope: tokenScopeStrings.en,
      importJob: importJobStrings.en,
    },
  },
  zh: {
    translation: {
      ...zh,
      diagram: diagramStrings.zh,
      auth: authStrings.zh,
      admin: adminStrings.zh,
      members: teamMembersStrings.zh,
      insights: teamInsightsStrings.zh,
      teamData: teamDataStrings.zh,
      hiring: hiringStrings.zh,
      hiringPublic: hiringPublicStrings.zh,
      ownership: ownershipStrings.zh,
      training: trainingStrings.zh,
      sizing: sizingStrings.zh,
      forms: formsStrings.zh,
      security: securityStrings.zh,
      playbook: playbookStrings.zh,
      scale: scaleStrings.zh,
      grid: gridStrings.zh,
      raciLog: raciLogStrings.zh,
      raciCsv: raciCsvStrings.zh,
      raciRoles: raciRolesStrings.zh,
      nextSteps: nextStepsStrings.zh,
      mobile: mobileStrings.zh,
      access: accessStrings.zh,
      editedMarks: editedMarksStrings.zh,
      extensionRoles: extensionRolesStrings.zh,
      customRoles: customRolesStrings.zh,
      invitation: invitationStrings.zh,
      tokenScope: tokenScopeStrings.zh,
      importJob: importJobStrings.zh,
    },
  },
};

export function i18nOptions(lng: Language): InitOptions {
  return {
    lng,
    supportedLngs: [...supportedLanguages],
    fallbackLng: fallbackLanguage,
    defaultNS: "translation",
    resources,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** BCP 47 tag for <html lang> and Intl. */
export function htmlLang(lang: Language): string {
  return lang === "zh" ? "zh-CN" : "en";
}
