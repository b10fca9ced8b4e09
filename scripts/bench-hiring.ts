/**
 * Hiring benchmark: the pure computations behind /hiring and /scenarios on
 * synthetic teams of 100, 1,000 and 5,000 members (four assessments each),
 * median of repeated runs. The pages add one team query (see bench:team).
 *
 *   npm run bench:hiring
 */
import { budgetByQuarter, type BudgetedPosition } from "../app/domain/hiring-budget";
import { hiringDelta, profileChoices, proposeHires } from "../app/domain/hiring-delta";
import { skillShortfalls } from "../app/domain/skill-shortfalls";
import { shippedPlaybook } from "../app/domain/playbook";
import { recommendOrgChart } from "../app/domain/recommendation";
import { compareScenarios } from "../app/domain/scenarios";
import type { SkillAssessmentRecord, TeamMember } from "../app/domain/team";
import { CORE_ROLE_IDS, type SkillLevel } from "../app/domain/types";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,5000").split(",").map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function team(size: number) {
  const members: TeamMember[] = [];
  const assessments: SkillAssessmentRecord[] = [];
  for (let i = 0; i < size; i++) {
    const roleId = CORE_ROLE_IDS[i % CORE_ROLE_IDS.length];
    const second = CORE_ROLE_IDS[(i * 3 + 1) % CORE_ROLE_IDS.length];
    members.push({
      id: `m${i}`,
      name: `Member ${i}`,
      department: roleId,
      managerId: null,
      roles:
        second === roleId
          ? [{ roleId, share: 1 }]
          : [
              { roleId, share: 0.6 },
              { roleId: second, share: 0.4 },
            ],
    });
    const skills = shippedPlaybook.roles.find((r) => r.id === roleId)!.skills;
    for (let s = 0; s < 4; s++) {
      const skill = skills[s % skills.length];
      assessments.push({
        memberId: `m${i}`,
        skillId: skill.skillId,
        level: ((i + s) % 5) as SkillLevel,
        assessedAt: new Date(2026, 0, 1 + s),
        recordedAt: new Date(2026, 0, 1 + s),
      });
    }
  }
  return { members, assessments };
}

const current = { model: "platform", stage: "growth" } as const;
const target = { model: "independent_site", stage: "mature" } as const;
for (const size of SIZES) {
  const t = team(size);
  const times: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const start = performance.now();
    const delta = hiringDelta(t, current, target, shippedPlaybook);
    proposeHires(delta, shippedPlaybook, "2027-Q1");
    times.push(performance.now() - start);
  }
  console.log(`delta + proposal, ${size} members: median ${median(times).toFixed(2)} ms over ${REPEAT} runs`);
}
// what /hiring computes since issue 12: both charts sized to a two-channel profile with drivers,
// the delta, the proposal, the skill shortfalls, and the budget of a 60-position plan per quarter
const profile = {
  channels: [
    { model: "platform", share: 70 },
    { model: "independent_site", share: 30 },
  ] as const,
  drivers: { stores: 8, skus: 3000, ordersPerDay: 600, markets: 4, languages: 3 },
};
const plan: BudgetedPosition[] = Array.from({ length: 60 }, (_, i) => ({
  targetQuarter: `2027-Q${(i % 4) + 1}`,
  headcount: 1 + (i % 3),
  status: i % 7 === 0 ? "cancelled" : "planned",
  budget: i % 5 === 0 ? null : { amount: 100_000 + i * 1000, currency: i % 2 ? "CNY" : "USD" },
}));
for (const size of SIZES) {
  const t = team(size);
  const times: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const start = performance.now();
    const choices = profileChoices({ channels: [...profile.channels], drivers: profile.drivers }, current, target);
    const delta = hiringDelta(t, choices.current, choices.target!, shippedPlaybook);
    proposeHires(delta, shippedPlaybook, "2027-Q1");
    skillShortfalls(delta, t, []);
    budgetByQuarter(plan);
    times.push(performance.now() - start);
  }
  console.log(
    `sized delta + proposal + skill shortfalls + budget, ${size} members: median ${median(times).toFixed(2)} ms over ${REPEAT} runs`,
  );
}
const times: number[] = [];
for (let r = 0; r < REPEAT * 10; r++) {
  const start = performance.now();
  compareScenarios(
    recommendOrgChart("platform", "growth", shippedPlaybook),
    recommendOrgChart("independent_site", "growth", shippedPlaybook),
  );
  times.push(performance.now() - start);
}
console.log(
  `scenario comparison (two recommendations and the diff): median ${median(times).toFixed(3)} ms over ${REPEAT * 10} runs`,
);
