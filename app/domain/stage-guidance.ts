/**
 * What the chosen stage adds, for the chosen model, read from the
 * recommendation's own priorities. The source's stage guidance is one
 * sentence for every model ("add tech, marketing and data analysis"); where a
 * model marks some of those roles optional the page must not say "add" them.
 * Pure: no I/O, no framework imports.
 */
import type { OrgChartRecommendation, RoleId } from "./types";

export interface StageGuidance {
  /** roles the stage brings in that this model needs: hire for them (core) */
  add: RoleId[];
  /** roles the stage brings in that this model does not need: covered by someone else (optional) */
  optional: RoleId[];
  /** roles this model will need from a later stage */
  later: RoleId[];
}

export function stageGuidanceFor(recommendation: OrgChartRecommendation): StageGuidance {
  const guidance: StageGuidance = { add: [], optional: [], later: [] };
  for (const role of recommendation.roles) {
    if (role.priority === "later") guidance.later.push(role.id);
    else if (role.tier !== recommendation.stage) continue;
    else if (role.priority === "core") guidance.add.push(role.id);
    else if (role.priority === "optional") guidance.optional.push(role.id);
  }
  return guidance;
}
