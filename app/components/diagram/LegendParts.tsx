import { useTranslation } from "react-i18next";
import { PRIORITIES, type Priority } from "~/domain/types";
import { PRIORITY_STYLES } from "./nodes";

export const PRIORITY_LEGEND_KEYS: Record<Priority, string> = {
  core: "diagram.legend.core",
  later: "diagram.legend.later",
  optional: "diagram.legend.optional",
  not_needed: "diagram.legend.notNeeded",
};

/** A short sample of a line's colour and dash pattern. */
export function LineSample({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="32" height="10" aria-hidden="true" className="shrink-0">
      <line x1="0" y1="5" x2="32" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/** The frame of a diagram's legend: its sections side by side, wrapping. */
export function LegendFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex flex-wrap gap-x-8 gap-y-3 border-t border-slate-200 bg-white px-4 py-3 text-xs text-slate-700"
    >
      {children}
    </div>
  );
}

/** One section of a legend: a heading over its entries. */
export function LegendSection({
  heading,
  children,
  columns = false,
}: {
  heading: string;
  children: React.ReactNode;
  columns?: boolean;
}) {
  return (
    <div>
      <p className="mb-1 font-semibold text-slate-900">{heading}</p>
      <ul className={`grid gap-1 ${columns ? "sm:grid-cols-2 sm:gap-x-6" : ""}`}>{children}</ul>
    </div>
  );
}

export function LegendEntry({ sample, children }: { sample: React.ReactNode; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      {sample}
      {children}
    </li>
  );
}

/** What a role's border and fill say about its priority (the org charts and the team chart alike). */
export function PriorityLegend({ heading }: { heading: string }) {
  const { t } = useTranslation();
  return (
    <LegendSection heading={heading} columns>
      {PRIORITIES.map((p) => (
        <LegendEntry
          key={p}
          sample={<span aria-hidden="true" className={`h-3.5 w-5 shrink-0 rounded-sm ${PRIORITY_STYLES[p].swatch}`} />}
        >
          {t(PRIORITY_LEGEND_KEYS[p])}
        </LegendEntry>
      ))}
    </LegendSection>
  );
}
