/**
 * Hiring by stage: how far today's team is from the org chart of a target
 * operating model and stage, the hires that close the distance in the order
 * the playbook gives, and the hiring plan's figures. Pure: a function of
 * (current team, current choice, target choice, playbook, and the business
 * profile that sizes both org charts), no I/O. See
 * docs/decisions/0007-hiring-by-stage-and-scenarios.md and 0013.
 */
import { roleCoverage } from "./gaps";
import { latestLevels, fteByRole } from "./team";
import type { SkillAssessmentRecord, TeamMember } from "./team";
import { sizedRecommendation, type Channel, type Drivers, type SizedRecommendation } from "./sizing";
import { isRoleId, stageIndex } from "./vocabulary";
import type { HeadcountRange, ModelId, Playbook, Priority, RoleId, SkillLevel, StageId } from "./types";

/* ------------------------------------------------------------------ */
/* Vocabulary of the plan                                               */
/* ------------------------------------------------------------------ */

export const POSITION_STATUSES = ["planned", "open", "offer", "filled", "cancelled"] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/** Statuses of a position still to be filled: they count as seats in the pipeline. */
export const PIPELINE_STATUSES: readonly PositionStatus[] = ["planned", "open", "offer"];

export function isPositionStatus(value: unknown): value is PositionStatus {
  return typeof value === "string" && (POSITION_STATUSES as readonly string[]).includes(value);
}

/** Where a position came from: the proposed hires (headcount gap), a skill nobody has at the level, or by hand. */
export const POSITION_ORIGINS = ["delta", "skill", "manual"] as const;
export type PositionOrigin = (typeof POSITION_ORIGINS)[number];

export function isPositionOrigin(value: unknown): value is PositionOrigin {
  return typeof value === "string" && (POSITION_ORIGINS as readonly string[]).includes(value);
}

export interface Choice {
  model: ModelId;
  stage: StageId;
  /** the business profile's channels; absent: the model alone (channels = model:100) */
  channels?: Channel[];
  /** the business profile's workload drivers; absent: the stage's ranges */
  drivers?: Drivers;
}

/** The recommendation a choice stands for: sized to its channels and drivers (sizing.ts). */
export function recommendationForChoice(choice: Choice, playbook: Playbook): SizedRecommendation {
  return sizedRecommendation({
    playbook,
    channels: choice.channels && choice.channels.length > 0 ? choice.channels : [{ model: choice.model, share: 100 }],
    stage: choice.stage,
    drivers: choice.drivers,
  });
}

/**
 * Today's choice and the target as the hiring delta sees them, for an
 * organisation with a business profile: today is the profile's channels at
 * the current stage; the target keeps those channels when its model is one
 * of them (growing a channel the company already sells through: the other
 * channels stay), and is its model alone otherwise (a move to another model;
 * adding a channel is what scenarios compare). Both are sized to the
 * profile's drivers.
 */
export function profileChoices(
  profile: { channels: Channel[]; drivers: Drivers },
  current: { model: ModelId; stage: StageId },
  target: { model: ModelId; stage: StageId } | null,
): { current: Choice; target: Choice | null } {
  const channels = profile.channels.length > 0 ? profile.channels : [{ model: current.model, share: 100 }];
  const primary = channels[0].model;
  return {
    current: { model: primary, stage: current.stage, channels, drivers: profile.drivers },
    target: target
      ? {
          ...target,
          channels: channels.some((channel) => channel.model === target.model)
            ? channels
            : [{ model: target.model, share: 100 }],
          drivers: profile.drivers,
        }
      : null,
  };
}

/** "2027-Q1": a year from 2000 to 2099 and a quarter. */
export const QUARTER_PATTERN = /^(20\d{2})-Q([1-4])$/;

export function isQuarter(value: string): boolean {
  return QUARTER_PATTERN.test(value);
}

/** The quarter a date falls in (UTC), e.g. 2026-11-25 → "2026-Q4". */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter `n` quarters after `quarter` ("2026-Q4" + 1 → "2027-Q1"). */
export function addQuarters(quarter: string, n: number): string {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const index = Number(match[1]) * 4 + (Number(match[2]) - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/* ------------------------------------------------------------------ */
/* The delta                                                            */
/* ------------------------------------------------------------------ */

/** How a role's priority moves from today's choice to the target: a rank of need, core highest. */
export type PriorityChange = "raised" | "lowered" | "same";

const PRIORITY_RANK: Record<Priority, number> = { core: 3, optional: 2, later: 1, not_needed: 0 };

export function priorityChange(from: Priority, to: Priority): PriorityChange {
  const d = PRIORITY_RANK[to] - PRIORITY_RANK[from];
  return d > 0 ? "raised" : d < 0 ? "lowered" : "same";
}

export interface MissingSkill {
  skillId: string;
  /** the level the target requires of the role */
  required: SkillLevel;
  /** the best latest level among today's holders of the role; null when nobody holds it or nobody is assessed */
  bestLevel: SkillLevel | null;
  /** holders of the role today (0: nobody holds it) */
  holders: number;
  /** holders not assessed in the skill: unknown, shown apart from the gap */
  holdersNotAssessed: number;
}

export interface RoleDelta {
  roleId: RoleId;
  /** today's full-time equivalents (fteByRole) */
  fte: number;
  currentPriority: Priority;
  targetPriority: Priority;
  change: PriorityChange;
  /** the recommended headcount today and at the target */
  currentHeadcount: HeadcountRange;
  targetHeadcount: HeadcountRange;
  /** whole people missing to reach the target's minimum (gaps.unfilledSeats) */
  gap: number;
  /** FTEs beyond the target's maximum */
  overBy: number;
  /** skills the target requires of the role that no holder meets today */
  missingSkills: MissingSkill[];
}

export interface HiringDelta {
  current: Choice;
  target: Choice;
  /** the seven roles, then the extension roles the playbook holds (the target's recommendation order) */
  roles: RoleDelta[];
  totals: {
    fte: number;
    gap: number;
    missingSkills: number;
    priorityChanges: number;
  };
}

export interface CurrentTeam {
  members: readonly TeamMember[];
  assessments: readonly SkillAssessmentRecord[];
}

/**
 * The distance from today's team to the target: per role, today's FTE, the
 * target's recommended headcount and the gap to its minimum, the skills the
 * target needs that nobody holding the role has, and how the role's priority
 * moves from today's choice to the target's. Skill coverage is gaps.ts's
 * roleCoverage against the target's recommendation, both sized to the
 * choices' channels and drivers (recommendationForChoice).
 */
export function hiringDelta(team: CurrentTeam, current: Choice, target: Choice, playbook: Playbook): HiringDelta {
  const now = recommendationForChoice(current, playbook);
  const then = recommendationForChoice(target, playbook);
  const fte = fteByRole(team.members);
  const coverage = new Map(roleCoverage(then, team.members, latestLevels(team.assessments)).map((c) => [c.roleId, c]));
  const nowById = new Map(now.roles.map((r) => [r.id, r]));
  const thenById = new Map(then.roles.map((r) => [r.id, r]));

  const roles: RoleDelta[] = then.roles.map(({ id: roleId }) => {
    const a = nowById.get(roleId)!;
    const b = thenById.get(roleId)!;
    const c = coverage.get(roleId)!;
    return {
      roleId,
      fte: fte[roleId],
      currentPriority: a.priority,
      targetPriority: b.priority,
      change: priorityChange(a.priority, b.priority),
      currentHeadcount: { min: a.headcount.min, max: a.headcount.max },
      targetHeadcount: { min: b.headcount.min, max: b.headcount.max },
      gap: c.unfilledSeats,
      overBy: c.overStaffedBy,
      // missing: required and no holder meets it (nobody holding the role: every required skill)
      missingSkills: c.skills
        .filter((s) => s.required > 0 && s.holdersMeeting === 0)
        .map((s) => ({
          skillId: s.skillId,
          required: s.required,
          bestLevel: s.bestLevel,
          holders: s.holders,
          holdersNotAssessed: s.holdersNotAssessed,
        })),
    };
  });
  return {
    current: { model: current.model, stage: current.stage },
    target: { model: target.model, stage: target.stage },
    roles,
    totals: {
      fte: Math.round(roles.reduce((sum, r) => sum + r.fte, 0) * 1e6) / 1e6,
      gap: roles.reduce((sum, r) => sum + r.gap, 0),
      missingSkills: roles.reduce((sum, r) => sum + r.missingSkills.length, 0),
      priorityChanges: roles.filter((r) => r.change !== "same").length,
    },
  };
}

/* ------------------------------------------------------------------ */
/* The proposed hires                                                   */
/* ------------------------------------------------------------------ */

export interface ProposedHire {
  roleId: RoleId;
  /** people to hire for this role */
  headcount: number;
  priority: Priority;
  /** the role's stage tier in the playbook */
  tier: StageId;
  targetQuarter: string;
}

/**
 * The hires that close the gap, in the playbook's order: core roles before
 * optional ones, then by stage tier (the source adds startup roles first,
 * then growth, then mature), then in the playbook's role order. Seats
 * already in the pipeline (planned, open, offer) are not proposed again.
 * Quarters: the first tier hired in `startQuarter`, each later tier one
 * quarter after the one before, for the manager to adjust.
 */
export function proposeHires(
  delta: HiringDelta,
  playbook: Playbook,
  startQuarter: string,
  inPipeline: Partial<Record<RoleId, number>> = {},
): ProposedHire[] {
  const roleOrder = new Map(playbook.roles.map((r, i) => [r.id, i]));
  const tierOf = new Map(playbook.roles.map((r) => [r.id, r.tier]));
  const wanted = delta.roles
    .map((r) => ({ r, headcount: r.gap - Math.max(0, inPipeline[r.roleId] ?? 0) }))
    .filter(({ headcount }) => headcount > 0)
    .map(({ r, headcount }) => ({
      roleId: r.roleId,
      headcount,
      priority: r.targetPriority,
      tier: tierOf.get(r.roleId) ?? "startup",
    }));
  wanted.sort(
    (x, y) =>
      PRIORITY_RANK[y.priority] - PRIORITY_RANK[x.priority] ||
      stageIndex(x.tier) - stageIndex(y.tier) ||
      (roleOrder.get(x.roleId) ?? 99) - (roleOrder.get(y.roleId) ?? 99),
  );
  const tiers = [...new Set(wanted.map((w) => `${w.priority}:${w.tier}`))];
  return wanted.map((w) => ({
    ...w,
    targetQuarter: addQuarters(startQuarter, tiers.indexOf(`${w.priority}:${w.tier}`)),
  }));
}

/* ------------------------------------------------------------------ */
/* The plan's figures                                                   */
/* ------------------------------------------------------------------ */

export interface PositionFigures {
  roleId: string;
  headcount: number;
  status: PositionStatus;
}

export interface PlanFigures {
  positions: number;
  /** people planned in all positions that are not cancelled */
  seats: number;
  filled: number;
  /** seats still planned, open or at offer */
  inPipeline: number;
  byStatus: Record<PositionStatus, number>;
  /** seats in the pipeline per role */
  pipelineByRole: Partial<Record<RoleId, number>>;
}

export function planFigures(positions: readonly PositionFigures[]): PlanFigures {
  const byStatus = Object.fromEntries(POSITION_STATUSES.map((s) => [s, 0])) as Record<PositionStatus, number>;
  const pipelineByRole: Partial<Record<RoleId, number>> = {};
  let seats = 0;
  let filled = 0;
  let inPipeline = 0;
  for (const p of positions) {
    byStatus[p.status] += p.headcount;
    if (p.status === "cancelled") continue;
    seats += p.headcount;
    if (p.status === "filled") filled += p.headcount;
    else {
      inPipeline += p.headcount;
      if (isRoleId(p.roleId)) {
        const id = p.roleId as RoleId;
        pipelineByRole[id] = (pipelineByRole[id] ?? 0) + p.headcount;
      }
    }
  }
  return { positions: positions.length, seats, filled, inPipeline, byStatus, pipelineByRole };
}

/**
 * The order after moving the position at `index` one place up (-1) or down
 * (+1); unchanged when it would leave the list.
 */
export function moveInOrder<T>(items: readonly T[], index: number, direction: -1 | 1): T[] {
  const to = index + direction;
  const out = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return out;
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}
