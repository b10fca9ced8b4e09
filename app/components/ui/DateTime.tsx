import type { Language } from "~/domain/types";
import { htmlLang } from "~/utils/i18n";
import { dateTimeFormat } from "~/utils/intl";
import { useHydrated } from "./useHydrated";

/**
 * A moment in the reader's language. The server does not know the reader's
 * time zone, so the first render says UTC (the same on both sides, no
 * hydration mismatch) and the browser then shows its local time.
 */
export function DateTime({ value, lang }: { value: Date | string; lang: Language }) {
  const hydrated = useHydrated();
  const date = typeof value === "string" ? new Date(value) : value;
  const text = formatDateTime(date, lang, hydrated ? undefined : "UTC");
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {text}
    </time>
  );
}

/** Date and time in the reader's language; with `timeZone`, in that zone and saying so. */
export function formatDateTime(date: Date, lang: Language, timeZone?: string): string {
  return dateTimeFormat(htmlLang(lang), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone ? { timeZone, timeZoneName: "short" } : {}),
  }).format(date);
}
