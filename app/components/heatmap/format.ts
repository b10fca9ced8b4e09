import { useMemo } from "react";
import { useTranslation } from "react-i18next";

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits });
    cache.set(key, f);
  }
  return f;
}

/** Numbers in the reader's language: "1,800", "2.5" (FTEs keep up to two decimals). */
export function useNumberFormat(): (value: number, maximumFractionDigits?: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === "zh" ? "zh-CN" : "en";
  return useMemo(() => (value: number, digits = 2) => formatter(locale, digits).format(value), [locale]);
}

/** The BCP 47 tag of the current UI language, for Intl and sorting. */
export function localeOf(lang: string): string {
  return lang === "zh" ? "zh-CN" : "en";
}
