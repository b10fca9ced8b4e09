/**
 * UI strings under the key "extensionRoles" (see app/utils/i18n.ts): the
 * extension library on the playbook's overview and the page that turns one
 * role on or off. The roles' own texts live in app/domain/extension-roles.ts.
 */
export const extensionRolesStrings = {
  en: {
    title: "Extension roles",
    intro:
      "Roles that growing cross-border companies commonly add beside the seven. Each is a product default written from industry practice; once on, it is part of your playbook: the org chart, member roles, gaps, heat map and hiring plan measure against it, and you can edit it like any role.",
    default: "default",
    on: "On",
    off: "Off",
    turnOn: "Turn on…",
    turnOff: "Turn off…",
    turnOnOf: "Turn on {{role}}",
    turnOffOf: "Turn off {{role}}",
    pageIntroOn:
      "Turning this role on saves a new version of the playbook that holds it as shown here. It then appears on the org chart as a department, members can be assigned to it, and its skills count in the gaps.",
    pageIntroOff:
      "Turning this role off saves a new version without it: its links and sizing rows go, its skills stay in the catalogue so past assessments keep their names. Revert that version to bring it back with your edits.",
    isOn: "This role is on in your playbook.",
    isOff: "This role is off.",
    inUse_one:
      "{{count}} member holds this role or sits in its department. Move them to another role first: it cannot be turned off while anyone is assigned to it.",
    inUse_other:
      "{{count}} members hold this role or sit in its department. Move them to another role first: it cannot be turned off while anyone is assigned to it.",
    why: "Why companies add it",
    appliesTo: "Applies to",
    tier: "From stage",
    reportsTo: "Reports to",
    headcount: "Headcount when core",
    skills: "Skills and required levels (startup / growth / mature)",
    responsibilities: "Responsibilities",
    summaryLabel: "Summary of this version",
    summaryOn: "Turned on {{role}}",
    summaryOff: "Turned off {{role}}",
    submitOn: "Turn on and save a version",
    submitOff: "Turn off and save a version",
    saving: "Saving…",
    cancel: "Back to the playbook",
    readOnly: "Only an admin (or a manager, if the admin allows it) turns roles on or off.",
    saved: {
      on: "The role is on: a new version of the playbook holds it.",
      off: "The role is off: a new version of the playbook leaves it out.",
    },
    errors: {
      intent: "Choose to turn the role on or off.",
      roleNotInPlaybook: "This role is not in your playbook. Turn it on in the playbook first, or choose another role.",
      inUse: "Not turned off: members are still assigned to this role.",
      already: "Nothing to save: the role is already in that state.",
    },
  },
  zh: {
    title: "扩展岗位",
    intro:
      "成长中的跨境电商企业在七个核心岗位之外常增设的岗位。每个岗位都是本产品依据行业实践编写的默认值；启用后即成为组织手册的一部分：组织架构图、成员岗位、技能差距、热力图和招聘计划都以它为准，也可以像其他岗位一样编辑。",
    default: "默认值",
    on: "已启用",
    off: "未启用",
    turnOn: "启用…",
    turnOff: "停用…",
    turnOnOf: "启用{{role}}",
    turnOffOf: "停用{{role}}",
    pageIntroOn:
      "启用后会保存组织手册的新版本，按下方内容加入该岗位。之后它会作为部门出现在组织架构图中，可以为成员分配该岗位，其技能计入技能差距。",
    pageIntroOff:
      "停用后会保存不含该岗位的新版本：它的协作线和人数测算规则一并移除，技能保留在技能目录中，历史评估仍显示原名称。回退到之前的版本即可连同修改一起恢复。",
    isOn: "组织手册中已启用该岗位。",
    isOff: "该岗位未启用。",
    inUse_one: "有{{count}}名成员担任该岗位或归属该部门。请先将其调整到其他岗位：仍有成员时不能停用。",
    inUse_other: "有{{count}}名成员担任该岗位或归属该部门。请先将其调整到其他岗位：仍有成员时不能停用。",
    why: "企业为何增设",
    appliesTo: "适用模式",
    tier: "起始阶段",
    reportsTo: "汇报对象",
    headcount: "核心岗位时的人数",
    skills: "技能及所需等级（创业初期／成长期／成熟期）",
    responsibilities: "职责",
    summaryLabel: "本版本说明",
    summaryOn: "启用{{role}}",
    summaryOff: "停用{{role}}",
    submitOn: "启用并保存新版本",
    submitOff: "停用并保存新版本",
    saving: "正在保存…",
    cancel: "返回组织手册",
    readOnly: "只有管理员（或经管理员允许的管理者）可以启用或停用岗位。",
    saved: { on: "已启用该岗位：组织手册的新版本包含它。", off: "已停用该岗位：组织手册的新版本不再包含它。" },
    errors: {
      intent: "请选择启用或停用该岗位。",
      roleNotInPlaybook: "组织手册中没有该岗位。请先在组织手册中启用，或选择其他岗位。",
      inUse: "未停用：仍有成员担任该岗位。",
      already: "无需保存：该岗位已是此状态。",
    },
  },
};
