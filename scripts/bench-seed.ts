/**
 * The benchmarks' team: one organisation of `size` members spread over the
 * seven departments, every fifth member split 50/50 between two roles, and
 * ten assessments per member over the year (the skills of their role),
 * each recorded on the day it was made.
 * Written with createMany in batches, straight to the database.
 */
import { shippedPlaybook } from "../app/domain/playbook";
import type { db as appDb } from "../app/utils/db.server";

export const BENCH_ROLES = [
  "product_manager",
  "operations_manager",
  "tech_dev",
  "supply_chain",
  "marketing",
  "data_analysis",
  "compliance_risk",
] as const;

export interface BenchTeam {
  id: string;
  /** the HR user the benchmark signs in as */
  email: string;
  members: { id: string; department: (typeof BENCH_ROLES)[number] }[];
}

export async function seedBenchTeam(
  db: typeof appDb,
  size: number,
  options: {
    slug: string;
    passwordHash: string;
    /** everyone in a department reports to its first member */
    reportingLines?: boolean;
  },
): Promise<BenchTeam> {
  const skillsOf = new Map(shippedPlaybook.roles.map((role) => [role.id, role.skills.map((skill) => skill.skillId)]));
  const organisation = await db.organisation.create({
    data: { name: `Bench ${size}`, slug: options.slug, operatingModel: "independent_site", stage: "growth" },
  });
  const email = `hr-${size}@bench.example`;
  await db.user.create({
    data: { organisationId: organisation.id, email, name: "Bench HR", kind: "hr", passwordHash: options.passwordHash },
  });
  const members = Array.from({ length: size }, (_, i) => ({
    id: `m-${size}-${i}`,
    organisationId: organisation.id,
    name: `Member ${String(i).padStart(5, "0")}`,
    department: BENCH_ROLES[i % BENCH_ROLES.length],
    title: "Specialist",
    // the managers are the first rows of the first batch
    managerId: options.reportingLines && i >= BENCH_ROLES.length ? `m-${size}-${i % BENCH_ROLES.length}` : null,
  }));
  for (let i = 0; i < members.length; i += 500) await db.member.createMany({ data: members.slice(i, i + 500) });
  const roles = members.flatMap((member, i) =>
    i % 5 === 0
      ? [
          { memberId: member.id, roleId: BENCH_ROLES[i % BENCH_ROLES.length], sharePercent: 50 },
          { memberId: member.id, roleId: BENCH_ROLES[(i + 1) % BENCH_ROLES.length], sharePercent: 50 },
        ]
      : [{ memberId: member.id, roleId: BENCH_ROLES[i % BENCH_ROLES.length], sharePercent: 100 }],
  );
  for (let i = 0; i < roles.length; i += 1000) await db.memberRole.createMany({ data: roles.slice(i, i + 1000) });
  const assessments = members.flatMap((member, i) => {
    const skills = skillsOf.get(BENCH_ROLES[i % BENCH_ROLES.length]) ?? [];
    return Array.from({ length: 10 }, (_, k) => {
      const assessedOn = new Date(Date.UTC(2026, k, 1 + (i % 28)));
      // recorded on the day assessed, as a real history is: a re-assessment asked for since is still to do
      return {
        organisationId: organisation.id,
        memberId: member.id,
        skillId: skills[k % skills.length],
        level: (i + k) % 5,
        assessedOn,
        createdAt: assessedOn,
        assessorName: "Bench",
      };
    });
  });
  for (let i = 0; i < assessments.length; i += 2000)
    await db.skillAssessment.createMany({ data: assessments.slice(i, i + 2000) });
  return {
    id: organisation.id,
    email,
    members: members.map((member) => ({ id: member.id, department: member.department })),
  };
}

const DAY = 86_400_000;

export interface BenchPeople {
  admin: string;
  hr: string;
  /** leads the marketing department (its first member, whom every marketing member reports to) */
  lead: string;
  /** a marketing member with their own training items: overdue, due soon, awaiting re-assessment */
  member: string;
  /** the member page and training plan the browser part opens */
  memberId: string;
}

/**
 * The people whose home pages the benchmark opens (issue 16): an admin, a
 * lead of marketing (its first member, with every marketing member reporting
 * to them when the team was seeded with reporting lines) and a member of
 * marketing, plus the training work that fills their home pages: the
 * member's own items (one overdue, one due in three days, one completed and
 * waiting for its re-assessment), and across the organisation one member in
 * twenty with a completed item awaiting re-assessment and one in thirty with
 * an overdue item. Dates are relative to now, as the home page's are.
 */
export async function seedBenchPeople(
  db: typeof appDb,
  team: BenchTeam,
  size: number,
  options: { passwordHash: string; now?: Date },
): Promise<BenchPeople> {
  const now = (options.now ?? new Date()).getTime();
  const skillsOf = new Map(shippedPlaybook.roles.map((role) => [role.id, role.skills.map((skill) => skill.skillId)]));
  const organisationId = team.id;
  const leadMember = team.members.find((member) => member.department === "marketing")!;
  const ownMember = team.members.filter((member) => member.department === "marketing")[1] ?? leadMember;
  const people = {
    admin: `admin-${size}@bench.example`,
    lead: `lead-${size}@bench.example`,
    member: `member-${size}@bench.example`,
  };
  await db.user.create({
    data: {
      organisationId,
      email: people.admin,
      name: "Bench admin",
      kind: "admin",
      passwordHash: options.passwordHash,
    },
  });
  const lead = await db.user.create({
    data: {
      organisationId,
      email: people.lead,
      name: "Bench lead",
      kind: "lead",
      departments: JSON.stringify(["marketing"]),
      passwordHash: options.passwordHash,
    },
  });
  const member = await db.user.create({
    data: {
      organisationId,
      email: people.member,
      name: "Bench member",
      kind: "member",
      passwordHash: options.passwordHash,
    },
  });
  await db.member.update({ where: { id: leadMember.id }, data: { userId: lead.id } });
  await db.member.update({ where: { id: ownMember.id }, data: { userId: member.id } });
  const item = (memberId: string, skillId: string, status: string, dueInDays: number, completed = false) => ({
    organisationId,
    memberId,
    skillId,
    fromLevel: 1,
    targetLevel: 3,
    kind: "course",
    startDate: new Date(now - 60 * DAY),
    dueDate: new Date(now + dueInDays * DAY),
    hours: 8,
    status,
    ...(completed
      ? {
          progressPercent: 100,
          completedAt: new Date(now - 2 * DAY),
          levelBefore: 1,
          reassessmentRequestedAt: new Date(now - 2 * DAY),
        }
      : {}),
  });
  const ownSkills = skillsOf.get("marketing") ?? [];
  const items = [
    item(ownMember.id, ownSkills[0], "in_progress", -5),
    item(ownMember.id, ownSkills[1 % ownSkills.length], "planned", 3),
    item(ownMember.id, ownSkills[2 % ownSkills.length], "completed", -1, true),
  ];
  team.members.forEach((other, i) => {
    if (other.id === ownMember.id) return;
    const skills = skillsOf.get(other.department) ?? [];
    if (i % 20 === 3) items.push(item(other.id, skills[1 % skills.length], "completed", -3, true));
    if (i % 30 === 5) items.push(item(other.id, skills[2 % skills.length], "planned", -10));
  });
  for (let i = 0; i < items.length; i += 2000) await db.trainingItem.createMany({ data: items.slice(i, i + 2000) });
  return { ...people, hr: team.email, memberId: ownMember.id };
}
