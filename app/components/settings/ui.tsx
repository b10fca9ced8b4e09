import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "~/domain/types";
import type { loader as RootLoader } from "~/root";
import { fallbackLanguage, htmlLang } from "~/utils/i18n";
import { dateTimeFormat } from "~/utils/intl";
import { useHydrated } from "./useHydrated";

/** Class names shared by the settings pages, so they look alike. */
export const ui = {
  card: "rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6",
  tableWrap: "overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm",
  table: "min-w-full divide-y divide-slate-200 text-sm",
  thead: "bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500",
  th: "whitespace-nowrap px-4 py-3",
  td: "px-4 py-3 align-top",
  label: "block text-sm font-medium text-slate-700",
  input:
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600",
  hint: "mt-1 text-xs text-slate-500",
  primaryButton:
    "inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60",
  secondaryButton:
    "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50",
  dangerButton:
    "inline-flex items-center justify-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700",
  link: "font-medium text-indigo-700 underline-offset-2 hover:underline",
  dangerLink: "font-medium text-red-700 underline-offset-2 hover:underline",
  h2: "text-lg font-semibold text-slate-900",
  empty: "rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600",
};

/** A message about what just happened, announced to screen readers. */
export function StatusMessage({ children, tone = "success" }: { children: React.ReactNode; tone?: "success" | "info" }) {
  const colours = tone === "success" ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <p role="status" className={`rounded-lg border px-4 py-3 text-sm ${colours}`}>
      {children}
    </p>
  );
}

export { FieldErrors, FormErrors } from "~/components/forms";

export function Badge({ children, tone }: { children: React.ReactNode; tone: "green" | "slate" | "amber" | "red" | "indigo" }) {
  const colours = {
    green: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
    slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
    amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
    red: "bg-red-50 text-red-800 ring-red-600/20",
    indigo: "bg-indigo-50 text-indigo-800 ring-indigo-600/20",
  }[tone];
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours}`}>{children}</span>;
}

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

/** The reader's language, as the root loader decided it. */
export function useLang(): Language {
  const root = useRouteLoaderData<typeof RootLoader>("root");
  return root?.lang ?? fallbackLanguage;
}
