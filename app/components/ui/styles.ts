/** Class names shared by every page, so cards, tables, inputs and buttons look alike. */
export const ui = {
  card: "rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6",
  tableWrap: "scroll-cue relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm",
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

/** The look of a text input on the sign-in pages (rounder than the settings inputs). */
export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600";
