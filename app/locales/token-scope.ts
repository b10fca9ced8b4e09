/**
 * Strings of an API token's scope (key "tokenScope", issue 14): what a token
 * may read, chosen when it is made. See decision 0011's addendum.
 */
const en = {
  legend: "What it may read",
  options: {
    recommendation: {
      label: "Recommendation only",
      hint: "The organisation's recommended org chart, from its own playbook. Nothing about any person.",
    },
    training: {
      label: "Recommendation and training progress",
      hint: "Also every person's training items and progress, as HR reads them (no skill levels or assessors' notes). Only for a tool that HR trusts.",
    },
  },
  column: "May read",
  badge: { recommendation: "Recommendation", training: "Recommendation + training" },
  invalid: "Choose what the token may read.",
};

const zh: typeof en = {
  legend: "可读取范围",
  options: {
    recommendation: {
      label: "仅组织架构建议",
      hint: "按本组织的规划手册生成的组织架构建议，不含任何个人信息。",
    },
    training: {
      label: "组织架构建议和培训进度",
      hint: "另含每个人的培训项目和进度，与HR看到的相同（不含技能等级和评估人备注）。仅授予HR信任的工具。",
    },
  },
  column: "可读取",
  badge: { recommendation: "组织架构建议", training: "组织架构建议＋培训进度" },
  invalid: "请选择该令牌的可读取范围。",
};

export const tokenScopeStrings = { en, zh };
