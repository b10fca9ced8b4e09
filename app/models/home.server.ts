import { can, type Actor } from "~/domain/permissions";
import { nextSteps, setupChecklist, type NextStep, type SetupChecklist } from "~/domain/next-steps";
import { itemOutcome, type LatestLevel } from "~/domain/training-progress";
import type { ModelId, Playbook, StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import type { Language } from "~/domain/types";
import { db } from "~/utils/db.server";
import { assessmentScopeFor } from "./member-write.server";
import { openProposals } from "./ownership.server";
import { loadTrainingProgress, memberTrainingRows } from "./training.server";

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

/** Completed items of the organisation still waiting for their re-assessment, with each member's scope. */
async function awaitingReassessments(organisationId: string) {
  const items = await db.trainingItem.findMany({
    where: { organisationId, status: "completed", reassessmentRequestedAt: { not: null } },
    select: {
      id: true,
      skillId: true,
      targetLevel: true,
      status: true,
      reassessmentRequestedAt: true,
      member: { select: { id: true, name: true, department: true, userId: true, roles: { select: { roleId: true } } } },
    },
  });
  if (items.length === 0) return [];
  const earliest = new Date(Math.min(...items.map((item) => item.reassessmentRequestedAt!.getTime())));
  // Only an assessment recorded after the earliest request can answer one; the latest per member and skill decides (as on the item page).
  const recent = await db.skillAssessment.findMany({
    where: {
      organisationId,
      memberId: { in: [...new Set(items.map((item) => item.member.id))] },
      createdAt: { gte: earliest },
    },
    select: { memberId: true, skillId: true, level: true, assessedOn: true, createdAt: true },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  const latest = new Map<string, LatestLevel>();
  for (const row of recent) {
    const key = `${row.memberId}:${row.skillId}`;
    if (!latest.has(key)) latest.set(key, { level: row.level, assessedAt: row.assessedOn, recordedAt: row.createdAt });
  }
  return items
    .filter(
      (item) =>
        itemOutcome(
          { status: "completed", reassessmentRequestedAt: item.reassessmentRequestedAt, targetLevel: item.targetLevel },
          latest.get(`${item.member.id}:${item.skillId}`),
        ).awaitingReassessment,
    )
    .map((item) => ({
      itemId: item.id,
      memberId: item.member.id,
      memberName: item.member.name,
      skillId: item.skillId,
      requestedAt: item.reassessmentRequestedAt!,
      scope: assessmentScopeFor({
        department: item.member.department as never,
        roles: item.member.roles.map((role) => ({ roleId: role.roleId as never })),
        userId: item.member.userId,
      }),
    }));
}

async function uncoveredMembers(
  actor: Actor,
  organisation: { id: string; operatingModel: ModelId; stage: StageId },
  playbook: Playbook,
) {
  if (!can(actor, "training.planSome", { organisationId: organisation.id })) return [];
  const progress = await loadTrainingProgress({
    organisationId: organisation.id,
    actor,
    organisation,
    playbook,
    withTexts: false,
  });
  if (progress.uncovered.length === 0) return [];
  const members = await db.member.findMany({
    where: { organisationId: organisation.id, id: { in: progress.uncovered.map((member) => member.memberId) } },
    select: { id: true, department: true, userId: true, roles: { select: { roleId: true } } },
  });
  const byId = new Map(members.map((member) => [member.id, member]));
  return progress.uncovered.flatMap((member) => {
    const row = byId.get(member.memberId);
    if (!row) return [];
    return [
      {
        memberId: member.memberId,
        memberName: member.name,
        gapCount: member.skillIds.length,
        scope: assessmentScopeFor({
          department: row.department as never,
          roles: row.roles.map((role) => ({ roleId: role.roleId as never })),
          userId: row.userId,
        }),
      },
    ];
  });
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
  const [own, reassessments, proposals, positions, uncovered, facts] = await Promise.all([
    ownItems(organisationId, actor.userId, today),
    can(actor, "assessments.writeSome", { organisationId })
      ? awaitingReassessments(organisationId)
      : Promise.resolve([]),
    can(actor, "ownership.propose", { organisationId }) ? openProposals({ organisationId }) : Promise.resolve([]),
    db.hiringPosition.findMany({
      where: { organisationId, ownerUserId: actor.userId, status: { in: OPEN_POSITION_STATUSES } },
      select: { id: true, roleId: true, title: true, status: true, targetQuarter: true },
    }),
    uncoveredMembers(actor, organisation, playbook),
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
