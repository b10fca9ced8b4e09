/**
 * Strings of a person's home page ("what needs me now"), the inbox, email
 * preferences and the calendar feed (key "nextSteps"; issue 16).
 */
const en = {
  nav: "Home",
  title: "What needs you now",
  greeting: "Hello, {{name}}",
  intro: "Most urgent first. Each line opens the page where you act on it.",
  empty: "Nothing needs you right now. Your training items, re-assessments, decisions and positions will appear here when they do.",
  more_one: "and {{count}} more",
  more_other: "and {{count}} more",
  open: "Open",
  section: {
    training_overdue: "Your overdue training",
    reassessment_to_do: "Re-assessments asked of you",
    proposal_to_decide: "Ownership proposals for you to decide",
    training_due_soon: "Your training due within 7 days",
    member_without_plan: "People with a skill gap and no training plan",
    training_awaiting_reassessment: "Your finished training waiting for a re-assessment",
    position_owned: "Hiring positions you own",
  },
  item: {
    training_overdue_one: "{{skill}}: was due {{date}} ({{count}} day ago)",
    training_overdue_other: "{{skill}}: was due {{date}} ({{count}} days ago)",
    training_due_soon: "{{skill}}: due {{date}}",
    training_due_today: "{{skill}}: due today",
    reassessment_to_do: "Re-assess {{member}} in {{skill}} (asked {{date}})",
    proposal_to_decide: "{{step}}: {{role}} proposed as the owner ({{date}})",
    member_without_plan_one: "{{member}}: {{count}} skill with a gap",
    member_without_plan_other: "{{member}}: {{count}} skills with a gap",
    training_awaiting_reassessment: "{{skill}}: finished, waiting for your re-assessment",
    position_owned: "{{title}} · {{quarter}} · {{status}}",
  },
  action: {
    training_overdue: "Update progress",
    training_due_soon: "Update progress",
    reassessment_to_do: "Assess",
    proposal_to_decide: "Decide",
    member_without_plan: "Plan training",
    training_awaiting_reassessment: "View",
    position_owned: "Open position",
  },
  setup: {
    title: "Set up your organisation",
    progress: "{{done}} of {{total}} done",
    done: "Done",
    todo: "To do",
    task: {
      profile: "Describe the business: channels, stores, orders, markets",
      members: "Add your first team members",
      assessments: "Record the first skill assessments",
      plan: "Plan the first training",
    },
  },
  orgLink: "Organisation overview",
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  nav: "首页",
  title: "待办事项",
  greeting: "{{name}}，您好",
  intro: "按紧急程度排列，点击即可前往处理。",
  empty: "目前没有需要您处理的事项。培训任务、复评、待决事项和招聘岗位有动态时会显示在这里。",
  more_one: "另有{{count}}项",
  more_other: "另有{{count}}项",
  open: "打开",
  section: {
    training_overdue: "您已逾期的培训",
    reassessment_to_do: "待您复评",
    proposal_to_decide: "待您决定的归属提议",
    training_due_soon: "您7天内到期的培训",
    member_without_plan: "有能力差距但无培训计划的成员",
    training_awaiting_reassessment: "您已完成、等待复评的培训",
    position_owned: "您负责的招聘岗位",
  },
  item: {
    training_overdue_one: "{{skill}}：应于{{date}}完成（已逾期{{count}}天）",
    training_overdue_other: "{{skill}}：应于{{date}}完成（已逾期{{count}}天）",
    training_due_soon: "{{skill}}：{{date}}到期",
    training_due_today: "{{skill}}：今天到期",
    reassessment_to_do: "复评{{member}}的{{skill}}（{{date}}提出）",
    proposal_to_decide: "{{step}}：提议由{{role}}负责（{{date}}）",
    member_without_plan_one: "{{member}}：{{count}}项技能有差距",
    member_without_plan_other: "{{member}}：{{count}}项技能有差距",
    training_awaiting_reassessment: "{{skill}}：已完成，等待复评",
    position_owned: "{{title}} · {{quarter}} · {{status}}",
  },
  action: {
    training_overdue: "更新进度",
    training_due_soon: "更新进度",
    reassessment_to_do: "去评估",
    proposal_to_decide: "去决定",
    member_without_plan: "制定培训计划",
    training_awaiting_reassessment: "查看",
    position_owned: "查看岗位",
  },
  setup: {
    title: "完成组织设置",
    progress: "已完成{{done}}/{{total}}",
    done: "已完成",
    todo: "待完成",
    task: {
      profile: "填写业务概况：渠道、店铺、订单量、市场",
      members: "添加首批团队成员",
      assessments: "录入首批能力评估",
      plan: "制定首个培训计划",
    },
  },
  orgLink: "组织概览",
};

export const nextStepsStrings = { en, zh };
