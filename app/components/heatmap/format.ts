import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { numberFormat } from "~/utils/intl";

/** Numbers in the reader's language: "1,800", "2.5" (FTEs keep up to two decimals). */
export function useNumberFormat(): (value: number, maximumFractionDigits?: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === "zh" ? "zh-CN" : "en";
  return useMemo(
    () =>
      (value: number, digits = 2) =>
        numberFormat(locale, { maximumFractionDigits: digits }).format(value),
    [locale],
  );
}
