/**
 * Two model × stage choices side by side: what differs between their
 * recommended org charts, role by role. Pure: no I/O. The source's own
 * cases (section 二, 实战案例) ship as one-click examples.
 */
import type { Choice } from "./hiring-delta";
import { priorityChange, type PriorityChange } from "./hiring-delta";
import type { HeadcountRange, Localized, OrgChartRecommendation, Priority, RoleId, SkillLevel } from "./types";

/** added: core in B, not in A; dropped: core in A, not in B; changed: something else differs. */
export type RoleDifferenceKind = "added" | "dropped" | "changed" | "same";

export interface SkillDifference {
  skillId: string;
  label: Localized;
  /** 0 when the side does not require the skill */
  levelA: SkillLevel;
  levelB: SkillLevel;
}

export interface RoleDifference {
  roleId: RoleId;
  label: Localized;
  kind: RoleDifferenceKind;
  priorityA: Priority;
  priorityB: Priority;
  change: PriorityChange;
  headcountA: HeadcountRange;
  headcountB: HeadcountRange;
  /** skills whose required level differs (in the playbook's order of B, then A) */
  skills: SkillDifference[];
  /** responsibilities only one side has */
  responsibilitiesOnlyA: Localized[];
  responsibilitiesOnlyB: Localized[];
}

export interface ScenarioComparison {
  a: Choice;
  b: Choice;
  roles: RoleDifference[];
  /** counts per kind, for the summary line */
  counts: Record<RoleDifferenceKind, number>;
  headcountA: HeadcountRange;
  headcountB: HeadcountRange;
}

const sameRange = (x: HeadcountRange, y: HeadcountRange) => x.min === y.min && x.max === y.max;
const sumRanges = (rs: readonly HeadcountRange[]): HeadcountRange =>
  rs.reduce((acc, r) => ({ min: acc.min + r.min, max: acc.max + r.max }), { min: 0, max: 0 });

export function compareScenarios(a: OrgChartRecommendation, b: OrgChartRecommendation): ScenarioComparison {
  const byIdA = new Map(a.roles.map((r) => [r.id, r]));
  const roles: RoleDifference[] = [];
  for (const rb of b.roles) {
    const ra = byIdA.get(rb.id);
    if (!ra) continue;
    const levelsA = new Map(ra.skills.map((s) => [s.id, s]));
    const levelsB = new Map(rb.skills.map((s) => [s.id, s]));
    const skills: SkillDifference[] = [];
    for (const id of [...new Set([...rb.skills.map((s) => s.id), ...ra.skills.map((s) => s.id)])]) {
      const sa = levelsA.get(id);
      const sb = levelsB.get(id);
      const levelA = sa?.requiredLevel ?? 0;
      const levelB = sb?.requiredLevel ?? 0;
      if (levelA !== levelB) skills.push({ skillId: id, label: (sb ?? sa)!.label, levelA, levelB });
    }
    const textsA = new Set(ra.responsibilities.map((x) => x.en));
    const textsB = new Set(rb.responsibilities.map((x) => x.en));
    const responsibilitiesOnlyA = ra.responsibilities.filter((x) => !textsB.has(x.en));
    const responsibilitiesOnlyB = rb.responsibilities.filter((x) => !textsA.has(x.en));
    const coreA = ra.priority === "core";
    const coreB = rb.priority === "core";
    const differs =
      ra.priority !== rb.priority ||
      !sameRange(ra.headcount, rb.headcount) ||
      skills.length > 0 ||
      responsibilitiesOnlyA.length > 0 ||
      responsibilitiesOnlyB.length > 0;
    const kind: RoleDifferenceKind =
      coreB && !coreA ? "added" : coreA && !coreB ? "dropped" : differs ? "changed" : "same";
    roles.push({
      roleId: rb.id,
      label: rb.label,
      kind,
      priorityA: ra.priority,
      priorityB: rb.priority,
      change: priorityChange(ra.priority, rb.priority),
      headcountA: { ...ra.headcount },
      headcountB: { ...rb.headcount },
      skills,
      responsibilitiesOnlyA,
      responsibilitiesOnlyB,
    });
  }
  const counts: Record<RoleDifferenceKind, number> = { added: 0, dropped: 0, changed: 0, same: 0 };
  for (const r of roles) counts[r.kind] += 1;
  return {
    a: { model: a.model, stage: a.stage },
    b: { model: b.model, stage: b.stage },
    roles,
    counts,
    headcountA: sumRanges(a.roles.map((r) => r.headcount)),
    headcountB: sumRanges(b.roles.map((r) => r.headcount)),
  };
}

export interface ScenarioExample {
  id: string;
  a: Choice;
  b: Choice;
  /** the source's case, in both languages */
  title: Localized;
  story: Localized;
}

/**
 * The source's three cases (section 二, 实战案例). The stages are the
 * project's reading of each story: the Shenzhen brand had grown on Amazon
 * before it built its own site; the Dongguan factory lacked the risk control
 * that the playbook adds at the mature stage; the solo seller started small.
 */
export const SCENARIO_EXAMPLES: readonly ScenarioExample[] = [
  {
    id: "marketplace_to_dtc",
    a: { model: "platform", stage: "growth" },
    b: { model: "independent_site", stage: "growth" },
    title: { zh: "亚马逊卖家转型独立站", en: "Marketplace seller moving to a DTC site" },
    story: {
      zh: "某深圳品牌企业 2022 年从亚马逊平台型自营转型独立站：前期广告投入高、技术团队搭建成本大，一年后复购率提升至 40%，利润率提升 30%。",
      en: "A Shenzhen brand moved from selling on Amazon to its own site in 2022: heavy ad spend and the cost of building a tech team at first; a year later repeat purchases reached 40 % and margins rose 30 %.",
    },
  },
  {
    id: "b2b_risk_control",
    a: { model: "b2b", stage: "growth" },
    b: { model: "b2b", stage: "mature" },
    title: { zh: "缺少风控的 B2B 工厂", en: "A B2B factory without risk control" },
    story: {
      zh: "某东莞工厂专注跨境 B2B，交易金额大但回款周期长，因未建立完善的风控体系，曾遭遇客户拖欠货款，导致现金流紧张。",
      en: "A Dongguan factory selling B2B had large orders but long payment cycles; without a proper risk-control system a customer's unpaid invoices left it short of cash.",
    },
  },
  {
    id: "distributor_to_marketplace",
    a: { model: "distribution", stage: "startup" },
    b: { model: "platform", stage: "startup" },
    title: { zh: "个人分销卖家转型平台自营", en: "A solo distributor moving to a marketplace" },
    story: {
      zh: "某个人卖家依托分销代理模式前期快速变现，但因客户粘性不足，三个月后收入大幅下滑，转型平台型自营后获得稳定增长。",
      en: "A solo seller made money fast as a distributor, but with little customer loyalty income fell sharply after three months; moving to selling on a marketplace brought steady growth.",
    },
  },
];
