/**
 * The demo organisation's training plans (issue 5): most members with a gap
 * get a plan from their gaps; some items are completed and re-assessed
 * (level before and after, most closing the gap), a few completed ones still
 * wait for their re-assessment, some are in progress, a few are overdue, a
 * couple cancelled, and some members with gaps have no plan at all.
 *
 * Deterministic (a seeded generator), dates count back from the day of
 * seeding. Runs only while the organisation has no training items, so it
 * never touches plans someone edited.
 */
import { computeTeamGaps } from "../app/domain/gaps";
import { shippedPlaybook } from "../app/domain/playbook";
import { recommendOrgChart } from "../app/domain/recommendation";
import { proposePlan } from "../app/domain/training-advice";
import type { ModelId, StageId } from "../app/domain/types";
import { latestAssessments, listMembers } from "../app/models/member.server";
import { db } from "../app/utils/db.server";

const DAY = 86_400_000;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVIDERS: Record<string, string> = {
  course: "https://learn.example/cross-border",
  mentoring: "内部导师 Internal mentor",
  outside_expert: "外部顾问 Outside adviser",
  certification: "Amazon Ads certification",
  on_the_job: "Q3 项目 Q3 project",
  industry_training: "跨境电商行业峰会 Cross-border e-commerce summit",
};

function dayAt(today: Date, offsetDays: number): Date {
  const start = Math.floor(today.getTime() / DAY) * DAY;
  return new Date(start + offsetDays * DAY);
}

export async function seedDemoTraining(
  organisationId: string,
  today: Date = new Date(),
): Promise<{ items: number; reassessed: number } | null> {
  if ((await db.trainingItem.count({ where: { organisationId } })) > 0) return null;
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { operatingModel: true, stage: true },
  });
  if (!organisation) return null;
  const [members, assessments, hr] = await Promise.all([
    listMembers({ organisationId }),
    latestAssessments({ organisationId }),
    db.user.findFirst({ where: { organisationId, kind: "hr" }, select: { id: true, name: true } }),
  ]);
  if (members.length === 0) return null;
  const recommendation = recommendOrgChart(
    organisation.operatingModel as ModelId,
    organisation.stage as StageId,
    shippedPlaybook,
  );
  const gaps = computeTeamGaps(recommendation, members, assessments);
  const latestDay = new Map(assessments.map((a) => [`${a.memberId}:${a.skillId}`, a.assessedAt.getTime()]));
  const memberAccounts = new Set(
    (await db.user.findMany({ where: { organisationId, kind: "member" }, select: { id: true } })).map(
      (user) => user.id,
    ),
  );
  const noPlan = new Set(
    members.filter((member) => member.userId !== null && memberAccounts.has(member.userId)).map((member) => member.id),
  );
  const random = generator(20_261_125);
  const todayText = dayAt(today, 0).toISOString().slice(0, 10);

  const items: Parameters<typeof db.trainingItem.create>[0]["data"][] = [];
  const reassessments: { memberId: string; skillId: string; level: number; assessedOn: Date }[] = [];
  let index = 0;
  for (const member of gaps.members) {
    const open = member.skills.filter((skill) => skill.gap > 0);
    if (open.length === 0) continue;
    index += 1;
    // every fifth member with a gap has no plan yet, nor has the demo member account's
    // own record (so signing in as member@demo.example shows plan-from-gaps from the start)
    if (index % 5 === 0 || noPlan.has(member.memberId)) continue;
    const proposals = proposePlan(
      member.skills.map((skill) => ({
        skillId: skill.skillId,
        assessed: skill.assessed,
        required: skill.required,
        gap: skill.gap,
      })),
      new Set(),
      todayText,
    ).slice(0, 3);
    for (const proposal of proposals) {
      const roll = random();
      const startedDaysAgo = 30 + Math.floor(random() * 180);
      const base = {
        organisationId,
        memberId: member.memberId,
        skillId: proposal.skillId,
        fromLevel: proposal.fromLevel,
        targetLevel: proposal.targetLevel,
        kind: proposal.kind,
        provider: PROVIDERS[proposal.kind] ?? "",
        hours: proposal.hours,
        createdById: hr?.id ?? null,
      };
      if (roll < 0.3) {
        // completed and re-assessed: most reach the target
        const completedDaysAgo = Math.max(10, startedDaysAgo - 20 - Math.floor(random() * 60));
        const completedAt = dayAt(today, -completedDaysAgo);
        const closed = random() < 0.8;
        const after = closed ? proposal.targetLevel : Math.max(proposal.fromLevel, proposal.targetLevel - 1);
        const earliest = Math.max(
          completedAt.getTime() + 7 * DAY,
          (latestDay.get(`${member.memberId}:${proposal.skillId}`) ?? 0) + DAY,
        );
        const assessedOn = new Date(Math.min(earliest, dayAt(today, 0).getTime()));
        items.push({
          ...base,
          startDate: dayAt(today, -startedDaysAgo),
          dueDate: dayAt(today, -completedDaysAgo + 10),
          status: "completed",
          progressPercent: 100,
          completedAt,
          levelBefore: proposal.fromLevel,
          reassessmentRequestedAt: completedAt,
          evidence: "结业证书 Certificate of completion",
        });
        reassessments.push({ memberId: member.memberId, skillId: proposal.skillId, level: after, assessedOn });
      } else if (roll < 0.4) {
        // completed, re-assessment still to come
        const completedAt = dayAt(today, -Math.floor(3 + random() * 10));
        items.push({
          ...base,
          startDate: dayAt(today, -startedDaysAgo),
          dueDate: dayAt(today, 5),
          status: "completed",
          progressPercent: 100,
          completedAt,
          levelBefore: proposal.fromLevel,
          reassessmentRequestedAt: completedAt,
          evidence: "https://learn.example/certificates/demo",
        });
      } else if (roll < 0.52) {
        // overdue: due date passed, still in progress
        items.push({
          ...base,
          startDate: dayAt(today, -startedDaysAgo),
          dueDate: dayAt(today, -Math.floor(3 + random() * 40)),
          status: "in_progress",
          progressPercent: 20 + Math.floor(random() * 50),
        });
      } else if (roll < 0.8) {
        items.push({
          ...base,
          startDate: dayAt(today, -Math.floor(random() * 40)),
          dueDate: dayAt(today, Math.floor(7 + random() * 80)),
          status: "in_progress",
          progressPercent: 10 + Math.floor(random() * 70),
        });
      } else if (roll < 0.95) {
        items.push({
          ...base,
          startDate: dayAt(today, 7),
          dueDate: dayAt(today, 20 + Math.floor(random() * 100)),
          status: "planned",
          progressPercent: 0,
        });
      } else {
        items.push({
          ...base,
          startDate: dayAt(today, -startedDaysAgo),
          dueDate: dayAt(today, -10),
          status: "cancelled",
          progressPercent: 10,
        });
      }
    }
  }

  await db.$transaction(
    async (tx) => {
      for (const data of items) await tx.trainingItem.create({ data });
      if (reassessments.length > 0) {
        await tx.skillAssessment.createMany({
          data: reassessments.map((r) => ({
            organisationId,
            memberId: r.memberId,
            skillId: r.skillId,
            level: r.level,
            assessedOn: r.assessedOn,
            assessorUserId: hr?.id ?? null,
            assessorName: hr?.name ?? "HR",
            note: "培训后复评 Re-assessed after training",
          })),
        });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  console.log(`Demo training: ${items.length} items, ${reassessments.length} re-assessed after training.`);
  return { items: items.length, reassessed: reassessments.length };
}
