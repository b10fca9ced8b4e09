/**
 * "What needs me now": the one place that decides what a person's home page
 * lists, in which order, and where each entry's one click goes (issue 16).
 *
 * Pure: the model (app/models/home.server.ts) reads the candidates; this
 * module keeps only those the reader may act on or read (`can()` of
 * ./permissions.ts, the same rules as the pages the links open), ranks them
 * by urgency and builds the links. Nothing here names a colleague's levels:
 * an entry about someone else carries their name, a skill id and dates only.
 */
import { can, type Actor, type ResourceScope } from "./permissions";
import { dayStart, isOpen, type TrainingStatus } from "./training-progress";

const DAY = 86_400_000;

/** Own items due within this many days (today included) are listed as "due soon" (the reminder's window too). */
export const HOME_DUE_SOON_DAYS = 7;

export const NEXT_STEP_KINDS = [
  "training_overdue",
  "reassessment_to_do",
  "proposal_to_decide",
  "training_due_soon",
  "member_without_plan",
  "training_awaiting_reassessment",
  "position_owned",
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/** The reader's own training item. */
export interface OwnItem {
  id: string;
  skillId: string;
  status: TrainingStatus;
  dueDate: Date | null;
  /** completed, a re-assessment asked for and not yet recorded */
  awaitingReassessment: boolean;
}

/** A completed item of someone else whose re-assessment was asked for and not yet recorded. */
export interface ReassessmentCandidate {
  itemId: string;
  memberId: string;
  memberName: string;
  skillId: string;
  requestedAt: Date;
  /** the member's scope: their departments and account */
  scope: Omit<ResourceScope, "organisationId">;
}

/** An ownership proposal waiting for a decision. */
export interface ProposalCandidate {
  id: string;
  stepKey: string;
  stepName: string;
  ownerRoleId: string;
  createdAt: Date;
  /** the roles involved (the row's R and A, and the proposed owner) */
  involved: readonly string[];
  proposerUserId: string | null;
}

/** A position of the hiring plan the reader owns. */
export interface OwnedPosition {
  id: string;
  roleId: string;
  title: string;
  status: string;
  targetQuarter: string;
}

/** A member with an open skill gap that no item covers. */
export interface UncoveredCandidate {
  memberId: string;
  memberName: string;
  gapCount: number;
  scope: Omit<ResourceScope, "organisationId">;
}

export interface NextStepInput {
  actor: Actor;
  today: Date;
  ownItems: readonly OwnItem[];
  reassessments: readonly ReassessmentCandidate[];
  proposals: readonly ProposalCandidate[];
  positions: readonly OwnedPosition[];
  uncovered: readonly UncoveredCandidate[];
}

export interface NextStep {
  kind: NextStepKind;
  /** stable key for lists */
  key: string;
  /** where the one click goes */
  href: string;
  /** values the sentence names (never a level) */
  skillId?: string;
  memberName?: string;
  stepName?: string;
  roleId?: string;
  title?: string;
  status?: string;
  quarter?: string;
  gapCount?: number;
  /** YYYY-MM-DD of the due date or the request */
  date?: string;
  /** whole days until the due date (negative: overdue by that many) */
  days?: number;
}

const RANK: Record<NextStepKind, number> = Object.fromEntries(
  NEXT_STEP_KINDS.map((kind, index) => [kind, index]),
) as Record<NextStepKind, number>;
const POSITION_ORDER: Record<string, number> = { offer: 0, open: 1, planned: 2 };

function day(date: Date): string {
  return new Date(dayStart(date)).toISOString().slice(0, 10);
}

function daysUntil(date: Date, today: Date): number {
  return Math.round((dayStart(date) - dayStart(today)) / DAY);
}

/**
 * The entries of a person's home page, most urgent first: own overdue items,
 * re-assessments asked of them, proposals for them to decide, own items due
 * within HOME_DUE_SOON_DAYS, members of theirs with a gap and no plan, own
 * items waiting for a re-assessment, hiring positions they own. Within a kind,
 * the earliest date (or the largest gap) first.
 */
export function nextSteps(input: NextStepInput): NextStep[] {
  const { actor, today } = input;
  const scope = (rest: Omit<ResourceScope, "organisationId">): ResourceScope => ({
    organisationId: actor.organisationId,
    ...rest,
  });
  const steps: (NextStep & { sort: number })[] = [];

  for (const item of input.ownItems) {
    const href = `/training/items/${encodeURIComponent(item.id)}`;
    if (item.awaitingReassessment) {
      steps.push({
        kind: "training_awaiting_reassessment",
        key: `awaiting:${item.id}`,
        href,
        skillId: item.skillId,
        sort: 0,
      });
      continue;
    }
    if (!isOpen(item.status) || item.dueDate === null) continue;
    const days = daysUntil(item.dueDate, today);
    if (days < 0)
      steps.push({
        kind: "training_overdue",
        key: `overdue:${item.id}`,
        href,
        skillId: item.skillId,
        date: day(item.dueDate),
        days,
        sort: days,
      });
    else if (days <= HOME_DUE_SOON_DAYS)
      steps.push({
        kind: "training_due_soon",
        key: `due:${item.id}`,
        href,
        skillId: item.skillId,
        date: day(item.dueDate),
        days,
        sort: days,
      });
  }

  for (const candidate of input.reassessments) {
    if (!can(actor, "assessments.write", scope(candidate.scope))) continue;
    steps.push({
      kind: "reassessment_to_do",
      key: `reassess:${candidate.itemId}`,
      href: `/team/${encodeURIComponent(candidate.memberId)}/assessments?${new URLSearchParams({ skill: candidate.skillId })}`,
      memberName: candidate.memberName,
      skillId: candidate.skillId,
      date: day(candidate.requestedAt),
      sort: candidate.requestedAt.getTime(),
    });
  }

  for (const proposal of input.proposals) {
    if (
      !can(
        actor,
        "ownership.decide",
        scope({ departments: proposal.involved as ResourceScope["departments"], userId: proposal.proposerUserId }),
      )
    )
      continue;
    steps.push({
      kind: "proposal_to_decide",
      key: `proposal:${proposal.id}`,
      href: `/ownership/steps/${encodeURIComponent(proposal.stepKey)}`,
      stepName: proposal.stepName,
      roleId: proposal.ownerRoleId,
      date: day(proposal.createdAt),
      sort: proposal.createdAt.getTime(),
    });
  }

  for (const candidate of input.uncovered) {
    if (!can(actor, "training.plan", scope(candidate.scope))) continue;
    steps.push({
      kind: "member_without_plan",
      key: `uncovered:${candidate.memberId}`,
      href: `/training/plan/${encodeURIComponent(candidate.memberId)}`,
      memberName: candidate.memberName,
      gapCount: candidate.gapCount,
      sort: -candidate.gapCount,
    });
  }

  if (can(actor, "hiring.read", scope({}))) {
    for (const position of input.positions) {
      if (!(position.status in POSITION_ORDER)) continue;
      steps.push({
        kind: "position_owned",
        key: `position:${position.id}`,
        href: `/hiring/positions/${encodeURIComponent(position.id)}`,
        roleId: position.roleId,
        title: position.title,
        status: position.status,
        quarter: position.targetQuarter,
        sort: POSITION_ORDER[position.status] ?? 9,
      });
    }
  }

  return steps
    .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.sort - b.sort || a.key.localeCompare(b.key))
    .map(({ sort: _sort, ...step }) => step);
}

/* ------------------------------------------------------------------ */
/* A new organisation's setup checklist                                 */
/* ------------------------------------------------------------------ */

export const SETUP_TASKS = ["profile", "members", "assessments", "plan"] as const;
export type SetupTask = (typeof SETUP_TASKS)[number];

export interface SetupFacts {
  hasBusinessProfile: boolean;
  /** members other than the person who signed the organisation up */
  memberCount: number;
  assessmentCount: number;
  trainingItemCount: number;
}

export interface SetupChecklist {
  tasks: { id: SetupTask; done: boolean; href: string }[];
  done: number;
}

const SETUP_HREF: Record<SetupTask, string> = {
  profile: "/settings/profile",
  members: "/team/new",
  assessments: "/team",
  plan: "/training",
};

/**
 * The setup checklist for those who set the organisation up (admins and
 * managers), or null: for everyone else, and once every task is done (it
 * disappears then).
 */
export function setupChecklist(actor: Actor, facts: SetupFacts): SetupChecklist | null {
  if (!can(actor, "organisation.update", { organisationId: actor.organisationId })) return null;
  const done: Record<SetupTask, boolean> = {
    profile: facts.hasBusinessProfile,
    members: facts.memberCount >= 2,
    assessments: facts.assessmentCount > 0,
    plan: facts.trainingItemCount > 0,
  };
  const tasks = SETUP_TASKS.map((id) => ({ id, done: done[id], href: SETUP_HREF[id] }));
  const count = tasks.filter((task) => task.done).length;
  return count === tasks.length ? null : { tasks, done: count };
}
