import type { HeadcountRange, Localized, SkillLevel, StageId } from "./types";

/**
 * Shorthands for writing playbook data (the shipped playbook, the extension
 * library, sizing rows, process steps, training advice) as compact literals.
 */

/** A text in both languages, Chinese first as the source is. */
export const t = (zh: string, en: string): Localized => ({ zh, en });

type Pair = readonly [number, number];

/** Headcount ranges per stage: `hc([1, 1], [1, 2], [2, 3])`. */
export const hc = (startup: Pair, growth: Pair, mature: Pair): Record<StageId, HeadcountRange> => ({
  startup: { min: startup[0], max: startup[1] },
  growth: { min: growth[0], max: growth[1] },
  mature: { min: mature[0], max: mature[1] },
});

/** Required skill levels per stage. */
export const lv = (startup: SkillLevel, growth: SkillLevel, mature: SkillLevel): Record<StageId, SkillLevel> => ({
  startup,
  growth,
  mature,
});
