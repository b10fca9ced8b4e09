export type BadgeTone = "green" | "slate" | "amber" | "red" | "indigo" | "sky" | "orange" | "white";

const TONES: Record<BadgeTone, string> = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  red: "bg-red-50 text-red-800 ring-red-600/20",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-600/20",
  sky: "bg-sky-100 text-sky-800 ring-sky-600/30",
  orange: "bg-orange-100 text-orange-900 ring-orange-600/30",
  white: "bg-white text-slate-500 ring-slate-300",
};

/**
 * A small rounded label. Say what it means in words too: a tone is never the
 * only signal. `className` adds to the look (e.g. a strike-through).
 */
export function Badge({
  children,
  tone,
  className = "",
  ...rest
}: { children: React.ReactNode; tone: BadgeTone; className?: string } & Omit<
  React.HTMLAttributes<HTMLSpanElement>,
  "className"
>) {
  return (
    <span
      {...rest}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
