import type { GapBucket } from "~/domain/gaps";

/**
 * One colour scale for every gap view (heat map, gap page, org diagram):
 * green = no gap, amber = one level, red = two or more. Colour is never the
 * only signal: each use also shows a symbol or the numbers.
 */
export const BUCKET_STYLES: Record<GapBucket | "hidden", { chip: string; node: string; bar: string; symbol: string }> =
  {
    // a person whose gaps the reader may not see (app/domain/visibility.ts)
    hidden: {
      chip: "bg-slate-100 text-slate-700 ring-slate-400/40",
      node: "border-slate-400 bg-slate-50",
      bar: "bg-slate-400",
      symbol: "·",
    },
    none: {
      chip: "bg-emerald-100 text-emerald-900 ring-emerald-600/40",
      node: "border-emerald-500 bg-emerald-50",
      bar: "bg-emerald-500",
      symbol: "✓",
    },
    small: {
      chip: "bg-amber-100 text-amber-900 ring-amber-600/40",
      node: "border-amber-500 bg-amber-50",
      bar: "bg-amber-500",
      symbol: "!",
    },
    large: {
      chip: "bg-red-100 text-red-900 ring-red-600/40",
      node: "border-red-500 bg-red-50",
      bar: "bg-red-600",
      symbol: "‼",
    },
    unassessed: {
      chip: "bg-slate-100 text-slate-800 ring-slate-500/40",
      node: "border-dashed border-slate-400 bg-slate-50",
      bar: "bg-slate-400",
      symbol: "?",
    },
  };

/** A heat-map cell's colour by its gap. */
export function gapCellClass(gap: number): string {
  if (gap <= 0) return "bg-emerald-100 text-emerald-950";
  if (gap < 2) return "bg-amber-100 text-amber-950";
  return "bg-red-200 text-red-950";
}

/** A "not assessed" cell: grey, not a gap colour (unknown is neither met nor short). */
export const NOT_ASSESSED_CLASS = "bg-slate-100 text-slate-700";

/** Diagonal hatching for "not assessed", drawn over the grey. */
export const NOT_ASSESSED_STYLE = {
  backgroundImage: "repeating-linear-gradient(135deg, rgba(71, 85, 105, 0.28) 0 2px, transparent 2px 6px)",
} as const;
