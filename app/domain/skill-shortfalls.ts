/**
 * Skills the team lacks at the level the target needs, as proposals with a
 * choice: train the member closest to the level, or hire for it. Pure: a
 * function of the hiring delta, the team and the plan's open positions. See
 * docs/decisions/0013-hiring-proposals-and-budgets.md.
 */
import type { CurrentTeam, HiringDelta } from "./hiring-delta";
import { latestLevels } from "./team";
import type { RoleId, SkillLevel } from "./types";

export interface SkillCandidate {
  memberId: string;
  name: string;
  /** the member's latest level in the skill; null when not assessed */
  level: SkillLevel | null;
  /** holds the role the skill is needed in */
  holdsRole: boolean;
}

export interface SkillShortfall {
  roleId: RoleId;
  skillId: string;
  /** the level the target requires of the role */
  required: SkillLevel;
  /** the best assessed level among the role's holders; null when nobody holds the role or no holder is assessed (decision 0014: not assessed is not level 0) */
  bestInRole: SkillLevel | null;
  /**
   * "role": nobody holding the role reaches the level, someone else on the team does;
   * "team": nobody on the team reaches it at all
   */
  nobodyIn: "role" | "team";
  /** the member closest to the level (to train, or to share the work); null when nobody is a candidate */
  closest: SkillCandidate | null;
  /** levels the closest member still has to gain; 0 when they reach it already in another role */
  levelsToGo: number | null;
}

/** A position still to be filled that hires for a skill of a role. */
export interface SkillPosition {
  roleId: string;
  skillId: string | null;
}

/** Rank of a level for "closest": not assessed sorts below an assessed 0. */
const rank = (level: SkillLevel | null) => (level === null ? -1 : level);

type Candidate = SkillCandidate & { share: number };

/** Is `a` closer to the level than `b`: a higher level, then holding the role, then the larger share, then the name, then the id. */
function closer(a: Candidate, b: Candidate): boolean {
  const order =
    rank(b.level) - rank(a.level) ||
    Number(b.holdsRole) - Number(a.holdsRole) ||
    b.share - a.share ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
  return order < 0;
}

/**
 * Per role and required skill of the target: the skills nobody holding the
 * role reaches, each with who on the team is closest. Not proposed:
 * - a role nobody holds while the delta proposes seats for it (the headcount
 *   hire is recruited for all of the role's skills);
 * - a role and skill a position in the pipeline already hires for.
 * Closest: the highest latest level, then holders of the role, then the
 * larger share of the role, then name. Members holding the role count as
 * candidates even when not assessed; others only with an assessment.
 * In the delta's role order, then the role's skill order.
 */
export function skillShortfalls(
  delta: HiringDelta,
  team: CurrentTeam,
  pipeline: readonly SkillPosition[],
): SkillShortfall[] {
  const levels = latestLevels(team.assessments);
  const planned = new Set(pipeline.filter((p) => p.skillId !== null).map((p) => `${p.roleId}\u0000${p.skillId}`));
  const out: SkillShortfall[] = [];
  for (const role of delta.roles) {
    if (role.fte === 0 && role.gap > 0) continue;
    const share = new Map<string, number>();
    for (const m of team.members) {
      const held = m.roles.filter((r) => r.roleId === role.roleId).reduce((sum, r) => sum + r.share, 0);
      if (held > 0) share.set(m.id, held);
    }
    for (const missing of role.missingSkills) {
      if (planned.has(`${role.roleId}\u0000${missing.skillId}`)) continue;
      // one pass: the closest so far, and whether anyone reaches the level
      let first: Candidate | null = null;
      let reachedElsewhere = false;
      for (const m of team.members) {
        const level = levels.get(m.id)?.get(missing.skillId) ?? null;
        const held = share.get(m.id) ?? 0;
        if (level === null && held === 0) continue;
        if (level !== null && level >= missing.required) reachedElsewhere = true;
        const candidate = { memberId: m.id, name: m.name, level, holdsRole: held > 0, share: held };
        if (first === null || closer(candidate, first)) first = candidate;
      }
      const closest = first
        ? { memberId: first.memberId, name: first.name, level: first.level, holdsRole: first.holdsRole }
        : null;
      out.push({
        roleId: role.roleId,
        skillId: missing.skillId,
        required: missing.required,
        bestInRole: missing.bestLevel,
        nobodyIn: reachedElsewhere ? "role" : "team",
        closest,
        levelsToGo: closest ? Math.max(0, missing.required - (closest.level ?? 0)) : null,
      });
    }
  }
  return out;
}
