/**
 * The benchmarks' team: one organisation of `size` members spread over the
 * seven departments, every fifth member split 50/50 between two roles, and
 * ten assessments per member over the year (the skills of their role).
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
    return Array.from({ length: 10 }, (_, k) => ({
      organisationId: organisation.id,
      memberId: member.id,
      skillId: skills[k % skills.length],
      level: (i + k) % 5,
      assessedOn: new Date(Date.UTC(2026, k, 1 + (i % 28))),
      assessorName: "Bench",
    }));
  });
  for (let i = 0; i < assessments.length; i += 2000)
    await db.skillAssessment.createMany({ data: assessments.slice(i, i + 2000) });
  return {
    id: organisation.id,
    email,
    members: members.map((member) => ({ id: member.id, department: member.department })),
  };
}
