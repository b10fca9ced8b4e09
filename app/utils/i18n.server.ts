import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import type { Language } from "~/domain/types";
import { fallbackLanguage, isLanguage, LANGUAGE_PARAM, resources, supportedLanguages } from "./i18n";

/** Remembers the language a person picked; a preference, not a secret. */
export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    searchParamKey: LANGUAGE_PARAM,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { resources, supportedLngs: [...supportedLanguages], fallbackLng: fallbackLanguage },
});

/** `?lang=` overrides the cookie, which overrides Accept-Language. */
export async function languageFor(request: Request): Promise<Language> {
  const detected = await i18nServer.getLocale(request);
  return isLanguage(detected) ? detected : fallbackLanguage;
}
