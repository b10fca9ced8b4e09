/**
 * Which kind of activity closes which skill gap: the playbook's advice for
 * training plans, from the source's capability-building advice (§四
 * 能力建设建议 and 团队搭建关键点):
 *
 *   - 定期开展跨境电商行业培训 (regular industry training)
 *   - 引入外部专家与顾问，加强专业能力 (bring in outside experts and advisers)
 *   - 重视数据分析人才，优先培养BI工具应用能力 (train BI-tool skills first)
 *   - 建立敏捷团队，快速响应市场变化 (agile teams: learn on real projects)
 *   - 持续学习，紧跟平台、政策、技术变化 (keep up with platforms, policy, tech)
 *   - 多语言多文化能力 (languages and cultures)
 *
 * Keyed by the playbook's skill ids. Pure: no I/O, no framework imports.
 */
import type { Localized, SkillLevel } from "./types";
import { t } from "./playbook-text";

export const TRAINING_KINDS = [
  "course",
  "mentoring",
  "outside_expert",
  "certification",
  "on_the_job",
  "industry_training",
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export function isTrainingKind(value: unknown): value is TrainingKind {
  return typeof value === "string" && (TRAINING_KINDS as readonly string[]).includes(value);
}

export interface SkillTrainingAdvice {
  /** for a gap of one level: close it close to the work */
  small: TrainingKind;
  /** for a gap of two or more levels: bring knowledge in from outside */
  large: TrainingKind;
  /** why, citing the source */
  reason: Localized;
}

const KEEP_UP = t(
  "原文第四节：“持续学习，紧跟平台、政策、技术变化”；“定期开展跨境电商行业培训”。",
  "The source (§四): keep learning to follow platform, policy and technology changes; hold regular cross-border e-commerce industry training.",
);
const EXPERTS = t(
  "原文第四节“能力建设建议”：“引入外部专家与顾问，加强专业能力”。",
  "The source (§四, capability building): bring in outside experts and advisers to strengthen professional skills.",
);
const BI_FIRST = t(
  "原文第四节：“重视数据分析人才，优先培养BI工具应用能力”。",
  "The source (§四): value data-analysis talent and train BI-tool skills first.",
);
const AGILE = t(
  "原文第四节：“建立敏捷团队，快速响应市场变化”——在真实项目中边做边学。",
  "The source (§四): build agile teams that respond quickly to the market — learn on a real project.",
);
const CULTURE = t(
  "原文第四节“团队搭建关键点”：“多语言多文化能力，适应不同市场”。",
  "The source (§四, keys to building the team): languages and cultures, to fit different markets.",
);

/** Per skill of the shipped playbook. A skill missing here falls back to DEFAULT_ADVICE. */
export const SKILL_TRAINING_ADVICE: Readonly<Record<string, SkillTrainingAdvice>> = {
  market_insight: { small: "mentoring", large: "industry_training", reason: KEEP_UP },
  data_analytics: { small: "on_the_job", large: "course", reason: BI_FIRST },
  platform_rules: { small: "industry_training", large: "certification", reason: KEEP_UP },
  ad_buying: { small: "on_the_job", large: "certification", reason: KEEP_UP },
  frontend_dev: { small: "on_the_job", large: "course", reason: AGILE },
  backend_dev: { small: "on_the_job", large: "outside_expert", reason: EXPERTS },
  supply_chain_management: { small: "mentoring", large: "outside_expert", reason: EXPERTS },
  digital_marketing: { small: "on_the_job", large: "course", reason: KEEP_UP },
  content_creation: { small: "mentoring", large: "course", reason: CULTURE },
  bi_tools: { small: "course", large: "certification", reason: BI_FIRST },
  data_modelling: { small: "on_the_job", large: "outside_expert", reason: BI_FIRST },
  international_regulation: { small: "industry_training", large: "outside_expert", reason: EXPERTS },
  risk_control: { small: "mentoring", large: "outside_expert", reason: EXPERTS },
  multi_language_culture: { small: "mentoring", large: "course", reason: CULTURE },
  customs_logistics: { small: "industry_training", large: "outside_expert", reason: EXPERTS },
  erp_crm_tools: { small: "on_the_job", large: "course", reason: AGILE },
};

export const DEFAULT_ADVICE: SkillTrainingAdvice = { small: "mentoring", large: "course", reason: KEEP_UP };

export function adviceFor(skillId: string): SkillTrainingAdvice {
  return Object.hasOwn(SKILL_TRAINING_ADVICE, skillId) ? SKILL_TRAINING_ADVICE[skillId] : DEFAULT_ADVICE;
}

/** The suggested kind for a gap of `gap` levels (none for no gap). */
export function suggestedKind(skillId: string, gap: number): TrainingKind | null {
  if (gap <= 0) return null;
  const advice = adviceFor(skillId);
  return gap >= 2 ? advice.large : advice.small;
}

/** Hours per level of gap, by kind: a rule of thumb the user adjusts. */
const HOURS_PER_LEVEL: Record<TrainingKind, number> = {
  course: 16,
  mentoring: 10,
  outside_expert: 12,
  certification: 24,
  on_the_job: 20,
  industry_training: 8,
};

/** Weeks per level of gap, for the proposed due date. */
const WEEKS_PER_LEVEL = 6;

export interface GapForPlan {
  skillId: string;
  /** latest assessed level (0 when not assessed) */
  assessed: SkillLevel;
  required: SkillLevel;
  gap: number;
}

export interface ProposedItem {
  skillId: string;
  fromLevel: SkillLevel;
  targetLevel: SkillLevel;
  kind: TrainingKind;
  hours: number;
  /** YYYY-MM-DD */
  startDate: string;
  dueDate: string;
  reason: Localized;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * One proposed item per open gap that no open item already covers, largest
 * gap first (then the member's skill order).
 */
export function proposePlan(gaps: readonly GapForPlan[], covered: ReadonlySet<string>, today: string): ProposedItem[] {
  return gaps
    .map((gap, index) => ({ gap, index }))
    .filter(({ gap }) => gap.gap > 0 && !covered.has(gap.skillId))
    .sort((a, b) => b.gap.gap - a.gap.gap || a.index - b.index)
    .map(({ gap }) => {
      const kind = suggestedKind(gap.skillId, gap.gap) as TrainingKind;
      return {
        skillId: gap.skillId,
        fromLevel: gap.assessed,
        targetLevel: gap.required,
        kind,
        hours: HOURS_PER_LEVEL[kind] * gap.gap,
        startDate: today,
        dueDate: addDays(today, WEEKS_PER_LEVEL * 7 * gap.gap),
        reason: adviceFor(gap.skillId).reason,
      };
    });
}
