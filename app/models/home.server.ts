import { can, type Actor } from "~/domain/permissions";
import {
  nextSteps,
  setupChecklist,
  type NextStep,
  type ReassessmentCandidate,
  type SetupChecklist,
  type UncoveredCandidate,
} from "~/domain/next-steps";
import type { ModelId, Playbook, StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import type { Language } from "~/domain/types";
import { db } from "~/utils/db.server";
import { openProposals } from "./ownership.server";
import { keptTrainingFollowUps, memberTrainingRows, trainingScopeFor } from "./training.server";

/**
 * The reads behind a person's home page (issue 16). Every read is scoped by
 * the organisation; which entries the reader may see is decided by
 * app/domain/next-steps.ts with the rules of app/domain/permissions.ts.
 */

const OPEN_POSITION_STATUSES = ["planned", "open", "offer"];

async function ownItems(organisationId: string, userId: string, today: Date) {
  const member = await db.member.findFirst({ where: { organisationId, userId }, select: { id: true } });
  if (!member) return { memberId: null, items: [] };
  const rows = await memberTrainingRows({ organisationId, memberId: member.id, today });
  return {
    memberId: member.id,
    items: rows.map((row) => ({
      id: row.id,
      skillId: row.skillId,
      status: row.display === "overdue" ? ("planned" as const) : row.display,
      dueDate: row.dueDate,
      awaitingReassessment: row.awaiting,
    })),
  };
}

/**
 * The re-assessments and the members with a gap and no plan that the reader may act on: the
 * organisation's follow-ups are kept per worker for everyone (training.server.ts), and the
 * reader's share is decided here and in app/domain/next-steps.ts. No list of member ids is
 * bound into a query (SQLite takes at most 999 per statement; 5,000 members passed it).
 */
async function followUpsFor(
  actor: Actor,
  organisation: { id: string; operatingModel: ModelId; stage: StageId },
  playbook: Playbook,
): Promise<{ reassessments: ReassessmentCandidate[]; uncovered: UncoveredCandidate[] }> {
  const organisationId = organisation.id;
  const wantsReassessments = can(actor, "assessments.writeSome", { organisationId });
  const wantsUncovered = can(actor, "training.planSome", { organisationId });
  if (!wantsReassessments && !wantsUncovered) return { reassessments: [], uncovered: [] };
  const followUps = await keptTrainingFollowUps({ organisationId, organisation, playbook });
  const reassessments = wantsReassessments
    ? followUps.awaiting.map((entry) => ({
        itemId: entry.itemId,
        memberId: entry.member.id,
        memberName: entry.member.name,
        skillId: entry.skillId,
        requestedAt: entry.requestedAt,
        scope: trainingScopeFor(entry.member),
      }))
    : [];
  const uncovered = wantsUncovered
    ? followUps.uncovered.flatMap((entry) => {
        const scope = trainingScopeFor(entry.member);
        if (!can(actor, "training.read", { organisationId, ...scope })) return [];
        return [{ memberId: entry.member.id, memberName: entry.member.name, gapCount: entry.skillIds.length, scope }];
      })
    : [];
  return { reassessments, uncovered };
}

async function setupFacts(organisationId: string) {
  const [profile, memberCount, assessmentCount, trainingItemCount] = await Promise.all([
    db.businessProfile.findUnique({ where: { organisationId }, select: { organisationId: true } }),
    db.member.count({ where: { organisationId } }),
    db.skillAssessment.count({ where: { organisationId } }),
    db.trainingItem.count({ where: { organisationId } }),
  ]);
  return { hasBusinessProfile: profile !== null, memberCount, assessmentCount, trainingItemCount };
}

export interface HomeData {
  steps: NextStep[];
  setup: SetupChecklist | null;
}

/** What needs this person now, and the setup checklist when they set the organisation up and it is not done. */
export async function loadHome({
  actor,
  organisation,
  playbook,
  lang,
  today = new Date(),
}: {
  actor: Actor;
  organisation: { id: string; operatingModel: ModelId; stage: StageId };
  playbook: Playbook;
  lang: Language;
  today?: Date;
}): Promise<HomeData> {
  const organisationId = organisation.id;
  const setupWanted = can(actor, "organisation.update", { organisationId });
  const [own, { reassessments, uncovered }, proposals, positions, facts] = await Promise.all([
    ownItems(organisationId, actor.userId, today),
    followUpsFor(actor, organisation, playbook),
    can(actor, "ownership.propose", { organisationId }) ? openProposals({ organisationId }) : Promise.resolve([]),
    db.hiringPosition.findMany({
      where: { organisationId, ownerUserId: actor.userId, status: { in: OPEN_POSITION_STATUSES } },
      select: { id: true, roleId: true, title: true, status: true, targetQuarter: true },
    }),
    setupWanted ? setupFacts(organisationId) : Promise.resolve(null),
  ]);
  const steps = nextSteps({
    actor,
    today,
    ownItems: own.items,
    reassessments,
    proposals: proposals.map((proposal) => ({ ...proposal, stepName: localize(proposal.stepName, lang) })),
    positions,
    uncovered: uncovered.filter((member) => member.memberId !== own.memberId),
  });
  return { steps, setup: facts ? setupChecklist(actor, facts) : null };
}
