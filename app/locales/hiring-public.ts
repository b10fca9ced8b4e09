/**
 * UI strings under the key "hiringPublic" (see app/utils/i18n.ts): the
 * "public" mark of a hiring position and the open positions every member of
 * the organisation sees (PRODUCT.md, "Privacy"). Role labels come from the
 * playbook, statuses from "hiring.status".
 */
export const hiringPublicStrings = {
  en: {
    nav: "Open positions",
    field: {
      label: "Public: show this position to everyone in the organisation",
      hint: "Members and team leads will see its title, role, target quarter, number of people and status under Open positions. The budget, reason, notes and owner stay with managers, HR and admins.",
    },
    badge: "Public",
    notPublic: "Not public",
    open: {
      metaTitle: "Open positions",
      title: "Open positions",
      intro:
        "Positions the company is hiring for, or plans to, that it has chosen to share with the whole team. Know someone, or interested in moving? Talk to HR.",
      empty: "No open positions are shared with the team right now.",
      caption: "Open positions, in the order the company plans to hire",
      position: "Position",
      role: "Role",
      quarter: "Target quarter",
      people: "People",
      status: "Status",
      planLink: "Open the full hiring plan",
    },
    planPrivateLink: "See the positions shared with the team",
  },
  zh: {
    nav: "在招岗位",
    field: {
      label: "公开：向组织内所有人展示该岗位",
      hint: "成员和团队主管将在“在招岗位”中看到它的名称、岗位类别、目标季度、人数和状态；预算、招聘理由、备注和负责人仍仅对管理者、HR 和管理员可见。",
    },
    badge: "公开",
    notPublic: "不公开",
    open: {
      metaTitle: "在招岗位",
      title: "在招岗位",
      intro: "公司正在招聘或计划招聘、并选择向全员公开的岗位。想推荐人选或申请内部转岗，请联系 HR。",
      empty: "目前没有向团队公开的在招岗位。",
      caption: "在招岗位，按公司计划的招聘顺序排列",
      position: "岗位名称",
      role: "岗位类别",
      quarter: "目标季度",
      people: "人数",
      status: "状态",
      planLink: "查看完整招聘计划",
    },
    planPrivateLink: "查看向团队公开的岗位",
  },
};
