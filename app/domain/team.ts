/**
 * The team as the gap computation sees it: members holding one or more of the
 * seven roles with a share of their time, and skill assessments kept as
 * history. Pure: no I/O, no framework imports. See
 * docs/decisions/0004-fractional-roles-and-gaps.md.
 */
import { ALL_ROLE_IDS } from "./types";
import { isRoleId } from "./vocabulary";
import type { RoleId, SkillLevel } from "./types";

/**
 * Tolerance for sums of shares. Shares are fractions of working time; a
 * thousandth of a full-time equivalent (about half a minute an hour) is
 * rounding noise, so three people at 0.333 still make one seat and
 * 0.5 + 0.5000001 is not "over 100 %".
 */
export const SHARE_EPSILON = 1e-3;

export interface MemberRole {
  roleId: RoleId;
  /** the share of the member's time spent in this role, in (0, 1] */
  share: number;
}

export interface TeamMember {
  id: string;
  name: string;
  /** the department the member sits in (named after one of the seven roles), if any */
  department: RoleId | null;
  managerId: string | null;
  roles: MemberRole[];
}

export interface SkillAssessmentRecord {
  memberId: string;
  skillId: string;
  level: SkillLevel;
  /** when the skill was assessed: decides which assessment is the latest */
  assessedAt: Date;
  /** when the assessment was entered: breaks ties between equal assessedAt */
  recordedAt: Date;
}

/** memberId → skillId → level of the latest assessment. A missing entry means "not assessed". */
export type LevelsByMember = ReadonlyMap<string, ReadonlyMap<string, SkillLevel>>;

function time(d: Date): number {
  const t = d.getTime();
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * The level of the latest assessment per member and skill. Latest = greatest
 * assessedAt; ties go to the greater recordedAt, and a full tie to the record
 * that comes later in the input (the caller passes creation / id order).
 * An invalid date counts as older than any valid one.
 */
export function latestLevels(assessments: readonly SkillAssessmentRecord[]): Map<string, Map<string, SkillLevel>> {
  // one pass; an entry is created once per (member, skill) and updated in place
  const latest = new Map<string, Map<string, { at: number; rec: number; level: SkillLevel }>>();
  for (const a of assessments) {
    let bySkill = latest.get(a.memberId);
    if (bySkill === undefined) {
      bySkill = new Map();
      latest.set(a.memberId, bySkill);
    }
    const at = time(a.assessedAt);
    const rec = time(a.recordedAt);
    const current = bySkill.get(a.skillId);
    if (current === undefined) {
      bySkill.set(a.skillId, { at, rec, level: a.level });
    } else if (at > current.at || (at === current.at && rec >= current.rec)) {
      current.at = at;
      current.rec = rec;
      current.level = a.level;
    }
  }
  const out = new Map<string, Map<string, SkillLevel>>();
  for (const [memberId, bySkill] of latest) {
    const levels = new Map<string, SkillLevel>();
    for (const [skillId, v] of bySkill) levels.set(skillId, v.level);
    out.set(memberId, levels);
  }
  return out;
}

/* ------------------------------------------------------------------ */
/* Shares                                                               */
/* ------------------------------------------------------------------ */

/** What is wrong with a member's roles; `index` points at the offending entry. Texts are the UI's job (i18n). */
export type ShareProblem =
  | { code: "unknown_role"; index: number; roleId: string }
  | { code: "duplicate_role"; index: number; roleId: string }
  | { code: "share_not_a_number"; index: number; roleId: string }
  | { code: "share_out_of_range"; index: number; roleId: string; share: number }
  | { code: "total_over_one"; total: number };

/**
 * Problems with a member's roles: each role known and held once, each share a
 * number in (0, 1], and the shares together at most one full-time equivalent
 * (with SHARE_EPSILON). An empty list is not a problem here: a general manager
 * may hold none of the seven roles; a form that wants at least one role says so itself.
 */
export function validateShares(roles: readonly { roleId: string; share: number }[]): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const seen = new Set<string>();
  let total = 0;
  roles.forEach(({ roleId, share }, index) => {
    if (!isRoleId(roleId)) problems.push({ code: "unknown_role", index, roleId });
    else if (seen.has(roleId)) problems.push({ code: "duplicate_role", index, roleId });
    seen.add(roleId);
    if (typeof share !== "number" || Number.isNaN(share)) {
      problems.push({ code: "share_not_a_number", index, roleId });
    } else if (!(share > 0 && share <= 1)) {
      problems.push({ code: "share_out_of_range", index, roleId, share });
    } else {
      total += share;
    }
  });
  if (total > 1 + SHARE_EPSILON) problems.push({ code: "total_over_one", total: roundFte(total) });
  return problems;
}

/** FTEs are shown and compared at a millionth; float noise such as 0.1 + 0.2 is rounded away. */
export function roundFte(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A share that can count toward headcount: finite and positive, at most one. */
export function usableShare(share: number): number {
  return Number.isFinite(share) && share > 0 ? Math.min(share, 1) : 0;
}

/**
 * Full-time equivalents per role: the sum of the shares of the members holding
 * it, every known role present (an extension role the playbook does not hold counts 0 unless someone holds it). Unusable shares (≤ 0, NaN) count as 0, a share
 * above 1 as 1; validateShares keeps such values out of the data.
 */
export function fteByRole(members: readonly TeamMember[]): Record<RoleId, number> {
  const out = Object.fromEntries(ALL_ROLE_IDS.map((id) => [id, 0])) as Record<RoleId, number>;
  for (const m of members) {
    for (const r of m.roles) {
      // an own role (custom_…) gets its entry from its first holder
      if (isRoleId(r.roleId)) out[r.roleId] = (out[r.roleId] ?? 0) + usableShare(r.share);
    }
  }
  for (const id of Object.keys(out) as RoleId[]) out[id] = roundFte(out[id]);
  return out;
}

/* ------------------------------------------------------------------ */
/* Reporting lines                                                      */
/* ------------------------------------------------------------------ */

/**
 * The cycle that making `newManagerId` the manager of `memberId` would create,
 * or null if none. The path starts and ends with `memberId` and follows
 * manager links: self-management gives [A, A]; if B reports to A, making B the
 * manager of A gives [A, B, A]. Unknown manager ids end the chain, and an
 * existing cycle that does not pass through `memberId` is not reported here.
 */
export function findReportingCycle(
  members: readonly Pick<TeamMember, "id" | "managerId">[],
  memberId: string,
  newManagerId: string | null,
): string[] | null {
  if (newManagerId === null) return null;
  if (newManagerId === memberId) return [memberId, memberId];
  const managerOf = new Map<string, string | null>();
  for (const m of members) managerOf.set(m.id, m.managerId);

  const path = [memberId];
  const visited = new Set<string>([memberId]);
  let current: string | null | undefined = newManagerId;
  while (current !== null && current !== undefined) {
    path.push(current);
    if (current === memberId) return path;
    if (visited.has(current)) return null;
    visited.add(current);
    current = managerOf.get(current);
  }
  return null;
}
