/**
 * Skill gaps and staffing, per member, per role and for the whole team,
 * computed from the organisation's recommendation (current model and stage).
 * A gap is required level minus assessed level, where positive (PRODUCT.md).
 * A skill nobody has assessed yet is "not assessed", never a gap: a new team
 * shows what is unknown, not a total gap made of zeros.
 * Pure: no I/O, no framework imports. The rules are explained in
 * docs/decisions/0004-fractional-roles-and-gaps.md.
 */
import { SHARE_EPSILON, latestLevels, roundFte, usableShare } from "./team";
import type { LevelsByMember, SkillAssessmentRecord, TeamMember } from "./team";
import type { HeadcountRange, ModelId, OrgChartRecommendation, Priority, RoleId, SkillLevel, StageId } from "./types";

/* ------------------------------------------------------------------ */
/* Shapes                                                               */
/* ------------------------------------------------------------------ */

/**
 * Colour of a member in the org diagram: by the largest single gap (see
 * decision 0004); "unassessed" when no assessed skill is short and some
 * required skill is not assessed yet (nothing known, so not "no gap").
 */
export type GapBucket = "none" | "small" | "large" | "unassessed";
export const GAP_BUCKETS: readonly GapBucket[] = ["none", "small", "large", "unassessed"];

export interface MemberSkillGap {
  skillId: string;
  /** the highest level any of the member's roles requires (0: not required now) */
  required: SkillLevel;
  /** the latest assessed level; 0 when not assessed */
  assessed: SkillLevel;
  /** true when the member has no assessment of this skill (assessed is then 0, gap 0) */
  notAssessed: boolean;
  /** required − assessed where positive, else 0; 0 when not assessed (unknown is not a gap) */
  gap: number;
  /** every role of the member that lists the skill, with its own requirement */
  requiredBy: { roleId: RoleId; required: SkillLevel }[];
}

export interface MemberGaps {
  memberId: string;
  /** each skill of each role the member holds, once; in the member's role order */
  skills: MemberSkillGap[];
  totalGap: number;
  maxGap: number;
  bucket: GapBucket;
  /** skills required now (required > 0) that the member has no assessment of */
  notAssessedCount: number;
}

/**
 * How a role's holders stand on one skill, worst first: "below" while any
 * holder assessed is short of the requirement (one holder meeting it does
 * not hide another's gap), then "not_assessed" while some holder is not
 * assessed, "met" when every holder meets it.
 */
export type SkillCoverageStatus = "not_required" | "no_holders" | "below" | "not_assessed" | "met";

export interface RoleSkillCoverage {
  skillId: string;
  required: SkillLevel;
  /** the best assessed level among holders; null when nobody holds the role or no holder is assessed */
  bestLevel: SkillLevel | null;
  /** holders of the role */
  holders: number;
  /** holders whose assessed level ≥ required */
  holdersMeeting: number;
  /** holders assessed below the requirement */
  holdersBelow: number;
  /** holders with no assessment of the skill */
  holdersNotAssessed: number;
  status: SkillCoverageStatus;
  /** true only when every holder meets it (or it is not required now) */
  met: boolean;
}

export interface RoleHolder {
  memberId: string;
  name: string;
  share: number;
}

export interface RoleCoverage {
  roleId: RoleId;
  priority: Priority;
  /** the recommended headcount (0–0 for later and not_needed roles) */
  headcount: HeadcountRange;
  /** full-time equivalents: the sum of the holders' shares */
  fte: number;
  /** whole seats missing to reach headcount.min: ceil(min − fte) where positive, with SHARE_EPSILON */
  unfilledSeats: number;
  /** FTEs beyond headcount.max, where positive (any holder of a later or not_needed role counts) */
  overStaffedBy: number;
  holders: RoleHolder[];
  skills: RoleSkillCoverage[];
  /** ids of required skills some holder is assessed below, in the role's skill order: the role is flagged while any */
  skillsBelow: string[];
  /** ids of required skills some holder is not assessed in (and none is below) */
  skillsNotAssessed: string[];
}

export interface HeatmapCell {
  required: SkillLevel;
  assessed: SkillLevel;
  gap: number;
  notAssessed: boolean;
}

/**
 * A heat-map cell as the page sends it to the browser: one small number
 * instead of an object per cell (a 100-row page has some 3,000 cells).
 * `null`: not required; `required × 10 + assessed` when assessed (10…44);
 * `-required` when not assessed. The gap is derived, as `memberGaps` does.
 */
export type HeatmapCellCode = number | null;

export function encodeHeatmapCell(cell: HeatmapCell | null | undefined): HeatmapCellCode {
  if (!cell || cell.required <= 0) return null;
  return cell.notAssessed ? -cell.required : cell.required * 10 + cell.assessed;
}

export function decodeHeatmapCell(code: HeatmapCellCode): HeatmapCell | null {
  if (code === null || code === 0) return null;
  if (code < 0) return { required: -code as SkillLevel, assessed: 0, gap: 0, notAssessed: true };
  const required = Math.floor(code / 10) as SkillLevel;
  const assessed = (code % 10) as SkillLevel;
  return { required, assessed, gap: Math.max(0, required - assessed), notAssessed: false };
}

export interface HeatmapRow {
  memberId: string;
  name: string;
  department: RoleId | null;
  roleIds: RoleId[];
  /** one entry per heat-map column; null where none of the member's roles requires the skill now */
  cells: Record<string, HeatmapCell | null>;
  totalGap: number;
  maxGap: number;
  bucket: GapBucket;
}

export interface TeamHeatmap {
  /** column order: skill ids */
  skillIds: string[];
  rows: HeatmapRow[];
}

export interface TeamGapTotals {
  members: number;
  membersWithGaps: number;
  totalGap: number;
  buckets: Record<GapBucket, number>;
  /** required (member, skill) pairs with no assessment */
  notAssessed: number;
  unfilledSeats: number;
}

export interface TeamGaps {
  model: ModelId;
  stage: StageId;
  /** in the input order of members */
  members: MemberGaps[];
  /** all seven roles, in the recommendation's order */
  roles: RoleCoverage[];
  heatmap: TeamHeatmap;
  totals: TeamGapTotals;
}

/** A heat-map column: a skill id or anything with one (such as a playbook SkillDefinition). */
export type SkillColumn = string | { id: string };

/* ------------------------------------------------------------------ */
/* Small rules                                                          */
/* ------------------------------------------------------------------ */

/**
 * none: no gap; small: every gap is one level; large: some skill is two or
 * more levels short; unassessed: no gap among the assessed skills while some
 * required skill is not assessed.
 */
export function gapBucket(maxGap: number, notAssessed = 0): GapBucket {
  if (maxGap <= 0) return notAssessed > 0 ? "unassessed" : "none";
  if (maxGap < 2) return "small";
  return "large";
}

/** Whole seats missing to reach the recommended minimum; 0.999 FTE fills one seat. */
export function unfilledSeats(min: number, fte: number): number {
  const missing = min - fte;
  return missing > SHARE_EPSILON ? Math.ceil(missing - SHARE_EPSILON) : 0;
}

/** A skill's status for a role from the counts of its holders (see SkillCoverageStatus). */
export function skillCoverageStatus(
  required: number,
  counts: { holders: number; below: number; notAssessed: number },
): SkillCoverageStatus {
  if (required <= 0) return "not_required";
  if (counts.holders === 0) return "no_holders";
  if (counts.below > 0) return "below";
  if (counts.notAssessed > 0) return "not_assessed";
  return "met";
}

/** FTEs beyond the recommended maximum, where positive. */
export function overStaffing(max: number, fte: number): number {
  const over = fte - max;
  return over > SHARE_EPSILON ? roundFte(over) : 0;
}

/* ------------------------------------------------------------------ */
/* The recommendation, indexed once                                     */
/* ------------------------------------------------------------------ */

interface RoleIndex {
  roleId: RoleId;
  priority: Priority;
  headcount: HeadcountRange;
  skills: { skillId: string; required: SkillLevel }[];
}

type RecommendationIndex = Map<RoleId, RoleIndex>;

function indexRecommendation(rec: OrgChartRecommendation): RecommendationIndex {
  const index: RecommendationIndex = new Map();
  for (const r of rec.roles) {
    if (index.has(r.id)) continue;
    index.set(r.id, {
      roleId: r.id,
      priority: r.priority,
      headcount: r.headcount,
      skills: r.skills.map((s) => ({ skillId: s.id, required: s.requiredLevel })),
    });
  }
  return index;
}

const NO_LEVELS: ReadonlyMap<string, SkillLevel> = new Map();

interface Held {
  roleIds: RoleId[];
  roles: RoleIndex[];
  shares: number[];
}

/**
 * The member's roles known to the recommendation, each once (a repeated role
 * adds its shares). Members hold one to three roles, so arrays with a linear
 * search beat Maps here; the same goes for a member's handful of skills below.
 */
function heldRoles(member: TeamMember, index: RecommendationIndex): Held {
  const held: Held = { roleIds: [], roles: [], shares: [] };
  for (const r of member.roles) {
    const role = index.get(r.roleId);
    if (role === undefined) continue;
    const i = held.roleIds.indexOf(r.roleId);
    if (i >= 0) {
      held.shares[i] += usableShare(r.share);
    } else {
      held.roleIds.push(r.roleId);
      held.roles.push(role);
      held.shares.push(usableShare(r.share));
    }
  }
  return held;
}

function memberGaps(member: TeamMember, held: Held, levels: ReadonlyMap<string, SkillLevel>): MemberGaps {
  const skills: MemberSkillGap[] = [];
  for (const role of held.roles) {
    for (const { skillId, required } of role.skills) {
      let entry: MemberSkillGap | undefined;
      for (const s of skills) {
        if (s.skillId === skillId) {
          entry = s;
          break;
        }
      }
      if (entry === undefined) {
        const level = levels.get(skillId);
        entry = {
          skillId,
          required: 0,
          assessed: level ?? 0,
          notAssessed: level === undefined,
          gap: 0,
          requiredBy: [],
        };
        skills.push(entry);
      }
      entry.requiredBy.push({ roleId: role.roleId, required });
      if (required > entry.required) entry.required = required;
    }
  }
  let totalGap = 0;
  let maxGap = 0;
  let notAssessedCount = 0;
  for (const entry of skills) {
    entry.gap = !entry.notAssessed && entry.required > entry.assessed ? entry.required - entry.assessed : 0;
    totalGap += entry.gap;
    if (entry.gap > maxGap) maxGap = entry.gap;
    if (entry.required > 0 && entry.notAssessed) notAssessedCount += 1;
  }
  return {
    memberId: member.id,
    skills,
    totalGap,
    maxGap,
    bucket: gapBucket(maxGap, notAssessedCount),
    notAssessedCount,
  };
}

/* ------------------------------------------------------------------ */
/* Role coverage, accumulated member by member                          */
/* ------------------------------------------------------------------ */

interface RoleAccumulator {
  role: RoleIndex;
  fte: number;
  holders: RoleHolder[];
  best: (SkillLevel | null)[];
  meeting: number[];
  below: number[];
  notAssessed: number[];
}

function roleAccumulators(index: RecommendationIndex): RoleAccumulator[] {
  return [...index.values()].map((role) => ({
    role,
    fte: 0,
    holders: [],
    best: role.skills.map(() => null),
    meeting: role.skills.map(() => 0),
    below: role.skills.map(() => 0),
    notAssessed: role.skills.map(() => 0),
  }));
}

function addHolder(
  acc: Map<RoleId, RoleAccumulator>,
  member: TeamMember,
  held: Held,
  levels: ReadonlyMap<string, SkillLevel>,
): void {
  for (let h = 0; h < held.roleIds.length; h++) {
    const a = acc.get(held.roleIds[h]) as RoleAccumulator;
    const share = held.shares[h];
    a.fte += share;
    a.holders.push({ memberId: member.id, name: member.name, share: roundFte(share) });
    const skills = a.role.skills;
    for (let i = 0; i < skills.length; i++) {
      const level = levels.get(skills[i].skillId);
      if (level === undefined) {
        // unknown: neither meeting nor below; a skill not required counts as met
        if (skills[i].required > 0) a.notAssessed[i] += 1;
        else a.meeting[i] += 1;
        continue;
      }
      const best = a.best[i];
      if (best === null || level > best) a.best[i] = level;
      if (level >= skills[i].required) a.meeting[i] += 1;
      else a.below[i] += 1;
    }
  }
}

function finishRole(a: RoleAccumulator): RoleCoverage {
  const fte = roundFte(a.fte);
  const holders = a.holders.length;
  const skills: RoleSkillCoverage[] = a.role.skills.map(({ skillId, required }, i) => {
    const status = skillCoverageStatus(required, { holders, below: a.below[i], notAssessed: a.notAssessed[i] });
    return {
      skillId,
      required,
      bestLevel: a.best[i],
      holders,
      holdersMeeting: a.meeting[i],
      holdersBelow: a.below[i],
      holdersNotAssessed: a.notAssessed[i],
      status,
      met: status === "met" || status === "not_required",
    };
  });
  return {
    roleId: a.role.roleId,
    priority: a.role.priority,
    headcount: { ...a.role.headcount },
    fte,
    unfilledSeats: unfilledSeats(a.role.headcount.min, fte),
    overStaffedBy: overStaffing(a.role.headcount.max, fte),
    holders: a.holders,
    skills,
    skillsBelow: skills.filter((s) => s.status === "below").map((s) => s.skillId),
    skillsNotAssessed: skills.filter((s) => s.status === "not_assessed").map((s) => s.skillId),
  };
}

/* ------------------------------------------------------------------ */
/* Heat map                                                             */
/* ------------------------------------------------------------------ */

function columnsFor(index: RecommendationIndex, skills: readonly SkillColumn[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  };
  for (const s of skills ?? []) add(typeof s === "string" ? s : s.id);
  // a required skill missing from the given columns still gets one, so no gap is hidden
  for (const role of index.values()) for (const s of role.skills) if (s.required > 0) add(s.skillId);
  return out;
}

/** Every column set to null, copied per row so all rows share one object shape. */
function emptyCells(columns: string[]): Record<string, HeatmapCell | null> {
  const cells: Record<string, HeatmapCell | null> = {};
  for (const id of columns) cells[id] = null;
  return cells;
}

function heatmapRow(
  member: TeamMember,
  held: Held,
  gaps: MemberGaps,
  empty: Record<string, HeatmapCell | null>,
): HeatmapRow {
  const cells = { ...empty };
  for (const s of gaps.skills) {
    if (s.required > 0)
      cells[s.skillId] = { required: s.required, assessed: s.assessed, gap: s.gap, notAssessed: s.notAssessed };
  }
  return {
    memberId: member.id,
    name: member.name,
    department: member.department,
    roleIds: held.roleIds,
    cells,
    totalGap: gaps.totalGap,
    maxGap: gaps.maxGap,
    bucket: gaps.bucket,
  };
}

/* ------------------------------------------------------------------ */
/* Public computations                                                  */
/* ------------------------------------------------------------------ */

/**
 * One member's gaps: every skill of every role they hold, the higher
 * requirement when two roles list the same skill, a missing assessment
 * flagged "not assessed" (no gap). A part-time holder must meet the full requirement.
 */
export function skillGapsForMember(
  member: TeamMember,
  recommendation: OrgChartRecommendation,
  levels: LevelsByMember,
): MemberGaps {
  const index = indexRecommendation(recommendation);
  return memberGaps(member, heldRoles(member, index), levels.get(member.id) ?? NO_LEVELS);
}

/** Per role, in the recommendation's order: headcount vs FTE, holders, and skill coverage. */
export function roleCoverage(
  recommendation: OrgChartRecommendation,
  members: readonly TeamMember[],
  levels: LevelsByMember,
): RoleCoverage[] {
  const index = indexRecommendation(recommendation);
  const accs = roleAccumulators(index);
  const byRole = new Map(accs.map((a) => [a.role.roleId, a]));
  for (const m of members) addHolder(byRole, m, heldRoles(m, index), levels.get(m.id) ?? NO_LEVELS);
  return accs.map(finishRole);
}

/**
 * Members × skills. Columns: `skills` in the given order (e.g. the playbook's
 * skills), then any skill required now that the list lacks.
 */
export function teamHeatmap(
  recommendation: OrgChartRecommendation,
  members: readonly TeamMember[],
  levels: LevelsByMember,
  skills?: readonly SkillColumn[],
): TeamHeatmap {
  const index = indexRecommendation(recommendation);
  const columns = columnsFor(index, skills);
  const empty = emptyCells(columns);
  const rows = members.map((m) => {
    const held = heldRoles(m, index);
    return heatmapRow(m, held, memberGaps(m, held, levels.get(m.id) ?? NO_LEVELS), empty);
  });
  return { skillIds: columns, rows };
}

/** Everything the team pages need, in one pass over members and one over assessments. */
export function computeTeamGaps(
  recommendation: OrgChartRecommendation,
  members: readonly TeamMember[],
  assessments: readonly SkillAssessmentRecord[],
  skills?: readonly SkillColumn[],
): TeamGaps {
  const index = indexRecommendation(recommendation);
  const columns = columnsFor(index, skills);
  const empty = emptyCells(columns);
  const levels = latestLevels(assessments);
  const accs = roleAccumulators(index);
  const byRole = new Map(accs.map((a) => [a.role.roleId, a]));

  const memberResults: MemberGaps[] = [];
  const rows: HeatmapRow[] = [];
  const buckets: Record<GapBucket, number> = { none: 0, small: 0, large: 0, unassessed: 0 };
  let membersWithGaps = 0;
  let totalGap = 0;
  let notAssessed = 0;

  for (const m of members) {
    const own = levels.get(m.id) ?? NO_LEVELS;
    const held = heldRoles(m, index);
    const gaps = memberGaps(m, held, own);
    addHolder(byRole, m, held, own);
    memberResults.push(gaps);
    rows.push(heatmapRow(m, held, gaps, empty));
    buckets[gaps.bucket] += 1;
    if (gaps.totalGap > 0) membersWithGaps += 1;
    totalGap += gaps.totalGap;
    notAssessed += gaps.notAssessedCount;
  }

  const roles = accs.map(finishRole);
  return {
    model: recommendation.model,
    stage: recommendation.stage,
    members: memberResults,
    roles,
    heatmap: { skillIds: columns, rows },
    totals: {
      members: members.length,
      membersWithGaps,
      totalGap,
      buckets,
      notAssessed,
      unfilledSeats: roles.reduce((sum, r) => sum + r.unfilledSeats, 0),
    },
  };
}

/* ------------------------------------------------------------------ */
/* Heat-map filter and sort (pure; the page passes the query's values)  */
/* ------------------------------------------------------------------ */

export interface HeatmapFilter {
  /** rows of members holding this role */
  roleId?: RoleId;
  /** rows of members in this department; null selects members without one */
  department?: RoleId | null;
  /** rows whose largest single gap is at least this */
  minGap?: number;
}

export function filterHeatmapRows(rows: readonly HeatmapRow[], filter: HeatmapFilter): HeatmapRow[] {
  const { roleId, department, minGap } = filter;
  return rows.filter(
    (r) =>
      (roleId === undefined || r.roleIds.includes(roleId)) &&
      (department === undefined || r.department === department) &&
      (minGap === undefined || r.maxGap >= minGap),
  );
}

export type HeatmapSort = "name" | "totalGap" | "maxGap" | { skillId: string };
export type SortDirection = "asc" | "desc";

/**
 * A sorted copy. Ties fall back to name, then member id, both ascending, so
 * the order is stable whatever the direction. By skill: the gap in that skill;
 * rows where the skill is not required come last in either direction.
 * `locale` collates names (e.g. "zh-CN" sorts Chinese names by pinyin).
 */
export function sortHeatmapRows(
  rows: readonly HeatmapRow[],
  by: HeatmapSort,
  direction: SortDirection = "asc",
  locale?: string,
): HeatmapRow[] {
  const collator = new Intl.Collator(locale);
  const sign = direction === "asc" ? 1 : -1;
  const byName = (a: HeatmapRow, b: HeatmapRow): number =>
    collator.compare(a.name, b.name) || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

  let primary: (a: HeatmapRow, b: HeatmapRow) => number;
  if (by === "name") {
    primary = (a, b) => sign * collator.compare(a.name, b.name);
  } else if (by === "totalGap" || by === "maxGap") {
    primary = (a, b) => sign * (a[by] - b[by]);
  } else {
    const { skillId } = by;
    primary = (a, b) => {
      const ca = a.cells[skillId] ?? null;
      const cb = b.cells[skillId] ?? null;
      if (ca === null || cb === null) return ca === cb ? 0 : ca === null ? 1 : -1;
      return sign * (ca.gap - cb.gap);
    };
  }
  return [...rows].sort((a, b) => primary(a, b) || byName(a, b));
}
