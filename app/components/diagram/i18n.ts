/**
 * UI strings of the org-chart diagram, merged into the i18next resources
 * under the key "diagram" (so components call t("diagram.legend.core")).
 * Texts that come from the playbook (role, skill and responsibility labels)
 * are not here: the recommendation carries them in both languages.
 */
export const diagramStrings = {
  en: {
    ariaLabel: "Recommended org chart diagram",
    priority: {
      core: "Core",
      later: "Later",
      optional: "Optional",
      not_needed: "Not needed",
    },
    level: {
      "0": "none",
      "1": "basic",
      "2": "working",
      "3": "advanced",
      "4": "expert",
    },
    stage: {
      startup: "start-up",
      growth: "growth",
      mature: "mature",
    },
    node: {
      headcount: "{{min}}–{{max}} people",
      headcountSingle: "{{n}} people",
      coreFrom: "Core from the {{stage}} stage",
      coveredBy: "Covered by {{who}}",
      notNeeded: "Not needed at this stage",
      responsibilities: "Key responsibilities",
      skills: "Skills · required level",
      more: "+{{n}} more",
      generalManagerSummary: "{{roles}} core roles · {{min}}–{{max}} people",
      levelValue: "Level {{level}} of 4: {{name}}",
    },
    aria: {
      role: "{{label}}. Priority: {{priority}}. {{detail}}. Key responsibilities: {{responsibilities}}. Skills: {{skills}}.",
      skill: "{{label}} level {{level}} ({{name}})",
      generalManager: "{{label}}. {{summary}}.",
      nodeDescription: "Press Enter or Space to show this role's details.",
      edgeDescription: "A link between two roles.",
      controls: "Diagram zoom controls",
      zoomIn: "Zoom in",
      zoomOut: "Zoom out",
      fitView: "Fit the chart to the view",
    },
    edge: {
      reporting: "Reporting line",
      collaboration: "Collaboration",
    },
    legend: {
      title: "Legend",
      priorities: "Priority of a role",
      links: "Links",
      levels: "Skill level",
      core: "Core: needed now",
      later: "Later: core at a later stage",
      optional: "Optional: covered by someone else",
      notNeeded: "Not needed",
      reporting: "Reporting line (general manager → role)",
      collaboration: "Collaboration (role ↔ role)",
      levelScale: "0 none · 1 basic · 2 working · 3 advanced · 4 expert",
    },
  },
  zh: {
    ariaLabel: "推荐组织架构图",
    priority: {
      core: "核心",
      later: "后续补充",
      optional: "可选",
      not_needed: "不需要",
    },
    level: {
      "0": "无",
      "1": "入门",
      "2": "熟练",
      "3": "精通",
      "4": "专家",
    },
    stage: {
      startup: "创业初期",
      growth: "成长期",
      mature: "成熟期",
    },
    node: {
      headcount: "{{min}}–{{max}} 人",
      headcountSingle: "{{n}} 人",
      coreFrom: "自{{stage}}起为核心岗位",
      coveredBy: "由{{who}}兼任",
      notNeeded: "当前阶段不需要",
      responsibilities: "主要职责",
      skills: "能力 · 要求等级",
      more: "另有 {{n}} 项",
      generalManagerSummary: "{{roles}} 个核心岗位 · {{min}}–{{max}} 人",
      levelValue: "等级 {{level}}/4：{{name}}",
    },
    aria: {
      role: "{{label}}。优先级：{{priority}}。{{detail}}。主要职责：{{responsibilities}}。能力：{{skills}}。",
      skill: "{{label}} 等级 {{level}}（{{name}}）",
      generalManager: "{{label}}。{{summary}}。",
      nodeDescription: "按 Enter 或空格键查看该岗位详情。",
      edgeDescription: "两个岗位之间的连线。",
      controls: "图表缩放控件",
      zoomIn: "放大",
      zoomOut: "缩小",
      fitView: "适应视图",
    },
    edge: {
      reporting: "汇报关系",
      collaboration: "协作关系",
    },
    legend: {
      title: "图例",
      priorities: "岗位优先级",
      links: "连线",
      levels: "能力等级",
      core: "核心：现在就需要",
      later: "后续补充：后续阶段成为核心",
      optional: "可选：由他人兼任或外包",
      notNeeded: "不需要",
      reporting: "汇报关系（总经理 → 岗位）",
      collaboration: "协作关系（岗位 ↔ 岗位）",
      levelScale: "0 无 · 1 入门 · 2 熟练 · 3 精通 · 4 专家",
    },
  },
} as const;

export type DiagramStrings = (typeof diagramStrings)["en"];
