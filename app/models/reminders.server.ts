import { can, isUserKind, type Actor } from "~/domain/permissions";
import { isoWeek, reminderFor } from "~/domain/notifications";
import { isTrainingStatus } from "~/domain/training-progress";
import { isModelId, isStageId } from "~/domain/vocabulary";
import type { Localized } from "~/domain/types";
import { parseDepartments } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { assessmentScopeFor } from "./member-write.server";
import { renderMail } from "~/utils/mail-content.server";
import { enqueueMail, notify } from "./notify.server";
import { openProposals } from "./ownership.server";
import { playbookForOrganisation } from "./playbook.server";
import { loadTrainingProgress } from "./training.server";

/**
 * The events of issue 16 and the scheduled job: who is told what. Every
 * message goes through notify() (one inbox entry and one email per person
 * and key), so running any of these twice changes nothing.
 */

async function skillLabels(organisationId: string): Promise<Map<string, Localized>> {
  const playbook = await playbookForOrganisation(organisationId);
  return new Map(playbook.skills.map((skill) => [skill.id, skill.label]));
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

async function actorsOf(organisationId: string): Promise<Actor[]> {
  const users = await db.user.findMany({
    where: { organisationId, disabledAt: null },
    select: { id: true, kind: true, departments: true },
  });
  return users.flatMap((user) =>
    isUserKind(user.kind)
      ? [{ userId: user.id, organisationId, kind: user.kind, departments: parseDepartments(user.departments) }]
      : [],
  );
}

/** Items planned for a member with an account: tell them. */
export async function notifyTrainingAssigned({
  organisationId,
  memberId,
}: {
  organisationId: string;
  memberId: string;
}) {
  const member = await db.member.findFirst({ where: { id: memberId, organisationId }, select: { userId: true } });
  if (!member?.userId) return;
  const items = await db.trainingItem.findMany({
    where: { organisationId, memberId, status: "planned" },
    select: { id: true, skillId: true, dueDate: true },
  });
  const labels = await skillLabels(organisationId);
  for (const item of items) {
    const label = labels.get(item.skillId) ?? { zh: item.skillId, en: item.skillId };
    await notify({
      organisationId,
      userId: member.userId,
      kind: "training_assigned",
      params: { date: item.dueDate ? dayOf(item.dueDate) : "", due: "" },
      localized: {
        skill: label,
        ...(item.dueDate ? { due: { zh: `（${dayOf(item.dueDate)}到期）`, en: ` (due ${dayOf(item.dueDate)})` } } : {}),
      },
      href: `/training/items/${item.id}`,
      dedupeKey: `training_assigned:${item.id}`,
    });
  }
}

/**
 * A finished item asks for a re-assessment: the leads of the member's
 * departments are told, or HR when no lead has them; never the member.
 */
export async function notifyReassessmentRequested({
  organisationId,
  itemId,
}: {
  organisationId: string;
  itemId: string;
}) {
  const item = await db.trainingItem.findFirst({
    where: { id: itemId, organisationId, status: "completed", reassessmentRequestedAt: { not: null } },
    select: {
      id: true,
      skillId: true,
      reassessmentRequestedAt: true,
      member: { select: { id: true, name: true, department: true, userId: true, roles: { select: { roleId: true } } } },
    },
  });
  if (!item) return;
  const scope = {
    organisationId,
    ...assessmentScopeFor({
      department: item.member.department as never,
      roles: item.member.roles.map((role) => ({ roleId: role.roleId as never })),
      userId: item.member.userId,
    }),
  };
  const actors = (await actorsOf(organisationId)).filter((actor) => can(actor, "assessments.write", scope));
  const leads = actors.filter((actor) => actor.kind === "lead");
  const recipients = leads.length > 0 ? leads : actors.filter((actor) => actor.kind === "hr");
  const label = (await skillLabels(organisationId)).get(item.skillId) ?? { zh: item.skillId, en: item.skillId };
  for (const recipient of recipients) {
    await notify({
      organisationId,
      userId: recipient.userId,
      kind: "reassessment_requested",
      params: { member: item.member.name },
      localized: { skill: label },
      href: `/team/${item.member.id}/assessments?${new URLSearchParams({ skill: item.skillId })}`,
      dedupeKey: `reassessment_requested:${item.id}:${item.reassessmentRequestedAt!.toISOString()}`,
    });
  }
}

/** A new ownership proposal: those who may decide it are told (never the proposer). */
export async function notifyProposal({ organisationId, proposalId }: { organisationId: string; proposalId: string }) {
  const proposal = (await openProposals({ organisationId })).find((candidate) => candidate.id === proposalId);
  if (!proposal) return;
  const row = await db.ownershipProposal.findUnique({ where: { id: proposalId }, select: { proposerName: true } });
  const playbook = await playbookForOrganisation(organisationId);
  const role = playbook.roles.find((candidate) => candidate.id === proposal.ownerRoleId)?.label ?? {
    zh: proposal.ownerRoleId,
    en: proposal.ownerRoleId,
  };
  const scope = { organisationId, departments: proposal.involved, userId: proposal.proposerUserId };
  const deciders = (await actorsOf(organisationId)).filter(
    (actor) => actor.kind !== "admin" && can(actor, "ownership.decide", scope),
  );
  for (const decider of deciders) {
    await notify({
      organisationId,
      userId: decider.userId,
      kind: "proposal_to_decide",
      params: { proposer: row?.proposerName ?? "" },
      localized: { step: proposal.stepName, role },
      href: `/ownership/steps/${proposal.stepKey}`,
      dedupeKey: `proposal_to_decide:${proposal.id}`,
    });
  }
}

/* ------------------------------------------------------------------ */
/* The scheduled job                                                    */
/* ------------------------------------------------------------------ */

const DAY = 86_400_000;

/** Due-soon and overdue reminders of every open item with a due date up to REMINDER_DAYS ahead. */
export async function runReminders(now = new Date()): Promise<number> {
  const items = await db.trainingItem.findMany({
    where: {
      status: { in: ["planned", "in_progress"] },
      dueDate: { not: null, lte: new Date(now.getTime() + 8 * DAY) },
      member: { userId: { not: null } },
    },
    select: {
      id: true,
      organisationId: true,
      skillId: true,
      status: true,
      dueDate: true,
      member: { select: { userId: true } },
    },
  });
  const labels = new Map<string, Map<string, Localized>>();
  let landed = 0;
  for (const item of items) {
    if (!isTrainingStatus(item.status) || !item.member.userId) continue;
    const reminder = reminderFor({ id: item.id, status: item.status, dueDate: item.dueDate }, now);
    if (!reminder) continue;
    if (!labels.has(item.organisationId)) labels.set(item.organisationId, await skillLabels(item.organisationId));
    const label = labels.get(item.organisationId)!.get(item.skillId) ?? { zh: item.skillId, en: item.skillId };
    const fresh = await notify({
      organisationId: item.organisationId,
      userId: item.member.userId,
      kind: reminder.kind,
      params: { date: reminder.dueDay },
      localized: { skill: label },
      href: `/training/items/${item.id}`,
      dedupeKey: reminder.dedupeKey,
    });
    if (fresh) landed += 1;
  }
  return landed;
}

/** Once per ISO week, HR and managers get the figures of the plans they may read. */
export async function runWeeklyDigest(now = new Date()): Promise<number> {
  const week = isoWeek(now);
  const readers = await db.user.findMany({
    where: { kind: { in: ["hr", "manager"] }, disabledAt: null },
    select: {
      id: true,
      kind: true,
      departments: true,
      organisation: { select: { id: true, operatingModel: true, stage: true } },
    },
  });
  let landed = 0;
  for (const reader of readers) {
    if (!isUserKind(reader.kind)) continue;
    const organisation = reader.organisation;
    const already = await db.notification.findUnique({
      where: { userId_dedupeKey: { userId: reader.id, dedupeKey: `weekly_digest:${week}` } },
      select: { id: true },
    });
    if (already) continue;
    const actor: Actor = {
      userId: reader.id,
      organisationId: organisation.id,
      kind: reader.kind,
      departments: parseDepartments(reader.departments),
    };
    const playbook = await playbookForOrganisation(organisation.id);
    const progress = await loadTrainingProgress({
      organisationId: organisation.id,
      actor,
      organisation: {
        operatingModel: isModelId(organisation.operatingModel) ? organisation.operatingModel : "platform",
        stage: isStageId(organisation.stage) ? organisation.stage : "startup",
      },
      playbook,
      today: now,
      withTexts: false,
    });
    const { figures } = progress;
    const fresh = await notify({
      organisationId: organisation.id,
      userId: reader.id,
      kind: "weekly_digest",
      params: {
        overdue: figures.overdue,
        dueSoon: figures.dueSoon,
        awaiting: figures.awaitingReassessment,
        uncovered: figures.membersWithUncoveredGap,
        week,
      },
      href: "/training",
      dedupeKey: `weekly_digest:${week}`,
    });
    if (fresh) landed += 1;
  }
  return landed;
}

/** The invitation email: to the address the admin typed, in the admin's language, with the same one-time link they can copy. */
export async function queueInvitationMail(input: {
  organisationId: string;
  inviteId: string;
  email: string;
  token: string;
  expiresAt: Date;
  inviterName: string;
  lang: "zh" | "en";
}) {
  const organisation = await db.organisation.findUnique({
    where: { id: input.organisationId },
    select: { name: true },
  });
  const mail = renderMail({
    kind: "invitation",
    lang: input.lang,
    params: { organisation: organisation?.name ?? "", inviter: input.inviterName, expires: dayOf(input.expiresAt) },
    href: `/invite/${input.token}`,
  });
  await enqueueMail({
    organisationId: input.organisationId,
    userId: null,
    toEmail: input.email,
    kind: "invitation",
    ...mail,
    dedupeKey: `invitation:${input.inviteId}`,
  });
}
