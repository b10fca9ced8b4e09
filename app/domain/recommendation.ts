/**
 * The recommendation rule (PRODUCT.md, "The recommendation rule"): for a
 * chosen operating model and company stage, the recommended org chart of the
 * seven roles (and the extension roles the playbook holds), computed from a playbook. Pure: no I/O, no framework imports.
 */
import { GENERAL_MANAGER, MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "./types";
import { playbookRoleIds } from "./extension-roles";
import type {
  CollaborationLinkDefinition,
  GeneralManagerId,
  HeadcountRange,
  Localized,
  ModelId,
  OperatingModel,
  OrgChartRecommendation,
  Playbook,
  Priority,
  RationaleEntry,
  RecommendedLink,
  RecommendedRole,
  RecommendedSkill,
  RoleDefinition,
  RoleId,
  SkillLevel,
  Stage,
  StageId,
} from "./types";
import { GENERAL_MANAGER_LABEL, SKILL_LEVEL_LABELS, stageIndex } from "./vocabulary";

export { isModelId, isStageId, isRoleId, isLanguage, stageIndex, localize } from "./vocabulary";

/* ------------------------------------------------------------------ */
/* The rule itself                                                      */
/* ------------------------------------------------------------------ */

/** core / later / optional / not_needed = applicability × (tier ≤ stage). */
export function priorityFor(role: RoleDefinition, model: ModelId, stage: StageId): Priority {
  const applies = role.appliesTo.includes(model);
  const reached = stageIndex(role.tier) <= stageIndex(stage);
  if (applies) return reached ? "core" : "later";
  return reached ? "optional" : "not_needed";
}

/** The core headcount of a role for a model and stage (model override, else default). */
export function coreHeadcount(role: RoleDefinition, model: ModelId, stage: StageId): HeadcountRange {
  const table = role.headcountByModel[model] ?? role.headcount;
  return { ...table[stage] };
}

export const OPTIONAL_HEADCOUNT: HeadcountRange = { min: 0, max: 1 };
/** A generalist covering an optional role needs working knowledge (2), not more. */
export const OPTIONAL_LEVEL_CAP: SkillLevel = 2;

function headcountFor(role: RoleDefinition, model: ModelId, stage: StageId, priority: Priority): HeadcountRange {
  switch (priority) {
    case "core":
      return coreHeadcount(role, model, stage);
    case "optional":
      return { ...OPTIONAL_HEADCOUNT };
    default:
      return { min: 0, max: 0 };
  }
}

function requiredLevel(levels: Record<StageId, SkillLevel>, stage: StageId, priority: Priority): SkillLevel {
  switch (priority) {
    case "core":
      return levels[stage];
    case "optional":
      return levels[stage] < OPTIONAL_LEVEL_CAP ? levels[stage] : OPTIONAL_LEVEL_CAP;
    default:
      return 0;
  }
}

function coveredByFor(role: RoleDefinition, model: ModelId): Localized {
  return role.optionalCoverByModel[model] ?? role.optionalCover;
}

/* ------------------------------------------------------------------ */
/* Text helpers for the rationale                                       */
/* ------------------------------------------------------------------ */

const idText = (id: string): Localized => ({ zh: id, en: id });

function joinZh(items: string[], sep = "、"): string {
  return items.join(sep);
}

function joinEn(items: string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function rangeText(h: HeadcountRange): string {
  return h.min === h.max ? `${h.min}` : `${h.min}–${h.max}`;
}

function peopleEn(h: HeadcountRange): string {
  return `${rangeText(h)} ${h.max === 1 ? "person" : "people"}`;
}

/** Strip a final full stop so a text can be embedded in a sentence. */
function clause(s: string): string {
  return s.replace(/[。.]\s*$/u, "");
}

const LEADING_WORDS = /^(The|A|An|One|Outside|Material|Whoever|Someone|Each|Any|Upstream|Shared)\b/;

/** An English text embedded mid-sentence: its leading article or plain word in lower case. */
function midSentence(s: string): string {
  const c = clause(s);
  return LEADING_WORDS.test(c) ? c.charAt(0).toLowerCase() + c.slice(1) : c;
}

interface Context {
  playbook: Playbook;
  model: OperatingModel | undefined;
  modelId: ModelId;
  stageId: StageId;
  stagesById: Map<StageId, Stage>;
  rolesById: Map<RoleId, RoleDefinition>;
  priorities: Map<RoleId, Priority>;
}

function modelLabel(ctx: Context, id: ModelId): Localized {
  return ctx.playbook.models.find((m) => m.id === id)?.label ?? idText(id);
}

function stageLabel(ctx: Context, id: StageId): Localized {
  return ctx.stagesById.get(id)?.label ?? idText(id);
}

function stageGuidance(ctx: Context, id: StageId): Localized {
  return ctx.stagesById.get(id)?.guidance ?? idText(id);
}

function roleLabel(ctx: Context, id: RoleId | GeneralManagerId): Localized {
  if (id === GENERAL_MANAGER) return GENERAL_MANAGER_LABEL;
  return ctx.rolesById.get(id)?.label ?? idText(id);
}

function skillLabel(ctx: Context, id: string): Localized {
  return ctx.playbook.skills.find((s) => s.id === id)?.label ?? idText(id);
}

function appliesToText(ctx: Context, role: RoleDefinition): Localized {
  const all = MODEL_IDS.every((m) => role.appliesTo.includes(m));
  if (all) return { zh: "全模式", en: "all models" };
  if (role.appliesTo.length === 0) return { zh: "无", en: "no model" };
  const labels = role.appliesTo.map((m) => modelLabel(ctx, m));
  return { zh: joinZh(labels.map((l) => l.zh)), en: joinEn(labels.map((l) => l.en)) };
}

function skillLevelsText(ctx: Context, items: { id: string; level: SkillLevel }[]): Localized {
  return {
    zh: joinZh(items.map((s) => `${skillLabel(ctx, s.id).zh}${s.level}级（${SKILL_LEVEL_LABELS[s.level].zh}）`)),
    en: joinEn(items.map((s) => `${skillLabel(ctx, s.id).en} ${s.level} (${SKILL_LEVEL_LABELS[s.level].en})`)),
  };
}

/* ------------------------------------------------------------------ */
/* Rationale per topic                                                  */
/* ------------------------------------------------------------------ */

function priorityRationale(ctx: Context, role: RoleDefinition, priority: Priority): RationaleEntry[] {
  const m = modelLabel(ctx, ctx.modelId);
  const s = stageLabel(ctx, ctx.stageId);
  const tier = stageLabel(ctx, role.tier);
  const tierGuide = stageGuidance(ctx, role.tier);
  const applies = appliesToText(ctx, role);
  const out: RationaleEntry[] = [];

  switch (priority) {
    case "core":
      out.push({
        topic: "priority",
        text: {
          zh: `原文第四节“典型团队结构表”中${role.label.zh}的适用模式为“${applies.zh}”，包含${m.zh}；其阶段层级为${tier.zh}（原文${tier.zh}建议：“${clause(tierGuide.zh)}”），不晚于所选的${s.zh} → 核心岗位。`,
          en: `Applies to ${m.en} per the source's team table (§四; ${role.label.en} applies to ${applies.en}); its tier is ${tier.en} (the source's ${tier.en} guidance: "${clause(tierGuide.en)}"), which is at or before the chosen stage ${s.en} → core.`,
        },
      });
      break;
    case "later":
      out.push({
        topic: "priority",
        text: {
          zh: `原文第四节“典型团队结构表”中${role.label.zh}的适用模式为“${applies.zh}”，包含${m.zh}；但其阶段层级为${tier.zh}，晚于所选的${s.zh} → 后续补充，自${tier.zh}起成为核心岗位（原文${tier.zh}建议：“${clause(tierGuide.zh)}”）。`,
          en: `Applies to ${m.en} per the source's team table (§四; ${role.label.en} applies to ${applies.en}), but its tier is ${tier.en}, after the chosen stage ${s.en} → later; it becomes core from the ${tier.en} stage (the source's ${tier.en} guidance: "${clause(tierGuide.en)}").`,
        },
      });
      break;
    case "optional": {
      const cover = coveredByFor(role, ctx.modelId);
      out.push({
        topic: "priority",
        text: {
          zh: `原文第四节“典型团队结构表”中${role.label.zh}的适用模式为“${applies.zh}”，不含${m.zh}；但其阶段层级为${tier.zh}，不晚于所选的${s.zh} → 可兼任或外包，不必专职配置（承担方式：${clause(cover.zh)}）。`,
          en: `Does not apply to ${m.en} per the source's team table (§四; ${role.label.en} applies to ${applies.en}), but its tier ${tier.en} is at or before the chosen stage ${s.en} → optional, no dedicated hire; covered by ${midSentence(cover.en)}.`,
        },
      });
      break;
    }
    case "not_needed": {
      const cover = coveredByFor(role, ctx.modelId);
      out.push({
        topic: "priority",
        text: {
          zh: `原文第四节“典型团队结构表”中${role.label.zh}的适用模式为“${applies.zh}”，不含${m.zh}；且其阶段层级为${tier.zh}，晚于所选的${s.zh} → 暂不需要。到${tier.zh}时可兼任或外包（承担方式：${clause(cover.zh)}）。`,
          en: `Does not apply to ${m.en} per the source's team table (§四; ${role.label.en} applies to ${applies.en}), and its tier ${tier.en} comes after the chosen stage ${s.en} → not needed. From the ${tier.en} stage it becomes optional, covered by ${midSentence(cover.en)}.`,
        },
      });
      break;
    }
  }

  if (role.tier !== ctx.stageId)
    out.push({
      topic: "priority",
      text: {
        zh: `原文“企业发展阶段与团队扩展建议”对${s.zh}的建议：“${clause(stageGuidance(ctx, ctx.stageId).zh)}”。`,
        en: `The source's team-expansion guidance for the ${s.en} stage: "${clause(stageGuidance(ctx, ctx.stageId).en)}".`,
      },
    });
  return out;
}

function headcountRationale(
  ctx: Context,
  role: RoleDefinition,
  priority: Priority,
  headcount: HeadcountRange,
): RationaleEntry[] {
  const m = modelLabel(ctx, ctx.modelId);
  const s = stageLabel(ctx, ctx.stageId);
  const tier = stageLabel(ctx, role.tier);
  const overridden = role.headcountByModel[ctx.modelId] !== undefined;

  switch (priority) {
    case "core": {
      const source: Localized = overridden
        ? { zh: `组织手册针对${m.zh}的专门设定`, en: `the playbook's figure specific to ${m.en}` }
        : { zh: "组织手册通用默认值", en: "the playbook's general default" };
      const out: RationaleEntry[] = [
        {
          topic: "headcount",
          text: {
            zh: `${m.zh}在${s.zh}建议配置${rangeText(headcount)}人（${source.zh}；原文未给出人数，此为本产品的默认值，管理员可调整）。`,
            en: `${peopleEn(headcount)} for ${m.en} at the ${s.en} stage (${source.en}; the source gives no headcounts: this is the product's default, which an admin can change).`,
          },
        },
      ];
      const idx = stageIndex(ctx.stageId);
      if (idx > 0) {
        const prev = STAGE_IDS[idx - 1];
        const prevLabel = stageLabel(ctx, prev);
        if (stageIndex(role.tier) <= idx - 1) {
          const before = coreHeadcount(role, ctx.modelId, prev);
          const same = before.min === headcount.min && before.max === headcount.max;
          out.push({
            topic: "headcount",
            text: same
              ? {
                  zh: `与${prevLabel.zh}的${rangeText(before)}人持平，人数不随阶段减少。`,
                  en: `Same as the ${prevLabel.en} stage (${rangeText(before)}); headcounts never shrink from one stage to the next.`,
                }
              : {
                  zh: `由${prevLabel.zh}的${rangeText(before)}人增至${rangeText(headcount)}人，人数不随阶段减少。`,
                  en: `Up from ${rangeText(before)} at the ${prevLabel.en} stage; headcounts never shrink from one stage to the next.`,
                },
          });
        } else {
          out.push({
            topic: "headcount",
            text: {
              zh: `${s.zh}是该岗位首次专职配置的阶段。`,
              en: `The ${s.en} stage is the first in which this role is staffed.`,
            },
          });
        }
      }
      return out;
    }
    case "optional": {
      const cover = coveredByFor(role, ctx.modelId);
      return [
        {
          topic: "headcount",
          text: {
            zh: `0–1人：可兼任或外包的岗位不设专职，只占一个人的部分时间（承担方式：${clause(cover.zh)}）。`,
            en: `0–1: an optional role gets no dedicated hire, only a share of one person's time (${midSentence(cover.en)}).`,
          },
        },
      ];
    }
    case "later": {
      const future = coreHeadcount(role, ctx.modelId, role.tier);
      return [
        {
          topic: "headcount",
          text: {
            zh: `当前0人；自${tier.zh}起按组织手册配置${rangeText(future)}人。`,
            en: `None yet; from the ${tier.en} stage the playbook plans ${peopleEn(future)}.`,
          },
        },
      ];
    }
    case "not_needed":
      return [
        {
          topic: "headcount",
          text: {
            zh: `0人：该岗位在${m.zh}的${s.zh}暂不需要。`,
            en: `None: the role is not needed for ${m.en} at the ${s.en} stage.`,
          },
        },
      ];
  }
}

function responsibilitiesRationale(ctx: Context, role: RoleDefinition, priority: Priority): RationaleEntry[] {
  const m = modelLabel(ctx, ctx.modelId);
  const core = role.coreResponsibilities;
  const coreText: Localized = { zh: core.map((c) => c.zh).join("/"), en: joinEn(core.map((c) => c.en.toLowerCase())) };
  const flow = ctx.model?.coreFlow ?? [];
  const flowText: Localized = {
    zh: flow.map((f) => f.label.zh).join("→"),
    en: flow.map((f) => f.label.en).join(" → "),
  };
  const out: RationaleEntry[] = [];

  if (role.responsibilitiesByModel[ctx.modelId]) {
    out.push({
      topic: "responsibilities",
      text: {
        zh: `职责按${m.zh}的核心流程（${flowText.zh}）改写；原文表中的核心职责为“${coreText.zh}”。`,
        en: `Responsibilities as they read for ${m.en}, whose core flow is ${flowText.en}; the source's table gives the role's core responsibilities as ${coreText.en}.`,
      },
    });
  } else {
    out.push({
      topic: "responsibilities",
      text: {
        zh: `采用原文表中的核心职责“${coreText.zh}”（组织手册未针对${m.zh}改写）。`,
        en: `The source's core responsibilities (${coreText.en}); the playbook has no wording specific to ${m.en}.`,
      },
    });
  }

  if (priority === "optional") {
    const cover = coveredByFor(role, ctx.modelId);
    out.push({
      topic: "responsibilities",
      text: {
        zh: `这些职责仍需有人负责（承担方式：${clause(cover.zh)}）。`,
        en: `These duties still need an owner: ${midSentence(cover.en)}.`,
      },
    });
  } else if (priority === "later") {
    const tier = stageLabel(ctx, role.tier);
    out.push({
      topic: "responsibilities",
      text: {
        zh: `列出这些职责，便于团队了解该岗位自${tier.zh}起将承担的工作。`,
        en: `Listed so the team knows what the role will own from the ${tier.en} stage.`,
      },
    });
  }

  out.push({
    topic: "responsibilities",
    text: {
      zh: `原文列出的该岗位组织挑战：“${clause(role.orgChallenge.zh)}”。`,
      en: `The source's typical organisational challenge for this role: ${clause(role.orgChallenge.en).toLowerCase()}.`,
    },
  });
  return out;
}

function skillsRationale(
  ctx: Context,
  role: RoleDefinition,
  priority: Priority,
  skills: RecommendedSkill[],
): RationaleEntry[] {
  const s = stageLabel(ctx, ctx.stageId);
  const tier = stageLabel(ctx, role.tier);
  const capabilities = { zh: joinZh(skills.map((k) => k.label.zh)), en: joinEn(skills.map((k) => k.label.en)) };

  switch (priority) {
    case "core": {
      const out: RationaleEntry[] = [
        {
          topic: "skills",
          text: {
            zh: `${s.zh}所需等级（0–4 级，组织手册默认值）：${
              skillLevelsText(
                ctx,
                skills.map((k) => ({ id: k.id, level: k.requiredLevel })),
              ).zh
            }。`,
            en: `Levels required at the ${s.en} stage (0–4, playbook defaults): ${
              skillLevelsText(
                ctx,
                skills.map((k) => ({ id: k.id, level: k.requiredLevel })),
              ).en
            }.`,
          },
        },
      ];
      const idx = stageIndex(ctx.stageId);
      if (idx > 0 && stageIndex(role.tier) <= idx - 1) {
        const prev = STAGE_IDS[idx - 1];
        const raised = role.skills.filter((r) => r.levels[prev] !== r.levels[ctx.stageId]);
        if (raised.length > 0) {
          const prevLabel = stageLabel(ctx, prev);
          out.push({
            topic: "skills",
            text: {
              zh: `较${prevLabel.zh}提高：${joinZh(raised.map((r) => `${skillLabel(ctx, r.skillId).zh} ${r.levels[prev]}→${r.levels[ctx.stageId]}`))}。`,
              en: `Raised since the ${prevLabel.en} stage: ${joinEn(raised.map((r) => `${skillLabel(ctx, r.skillId).en} ${r.levels[prev]}→${r.levels[ctx.stageId]}`))}.`,
            },
          });
        }
      }
      return out;
    }
    case "optional": {
      const capped = role.skills.filter((r) => r.levels[ctx.stageId] > OPTIONAL_LEVEL_CAP);
      const cappedText: Localized =
        capped.length === 0
          ? { zh: "本阶段各项等级均未超过 2 级", en: "no level at this stage is above 2" }
          : {
              zh: `${joinZh(capped.map((r) => `${skillLabel(ctx, r.skillId).zh} ${r.levels[ctx.stageId]}→${OPTIONAL_LEVEL_CAP}`))}`,
              en: joinEn(
                capped.map((r) => `${skillLabel(ctx, r.skillId).en} ${r.levels[ctx.stageId]}→${OPTIONAL_LEVEL_CAP}`),
              ),
            };
      return [
        {
          topic: "skills",
          text: {
            zh: `兼任者需达到熟练水平即可：所需等级取组织手册等级与 2 级（熟练）中的较小者（${cappedText.zh}）。`,
            en: `Whoever covers the role needs working knowledge, not a specialist's depth: each level is the playbook's level capped at 2 (working) (${cappedText.en}).`,
          },
        },
      ];
    }
    case "later": {
      const future = skillLevelsText(
        ctx,
        role.skills.map((r) => ({ id: r.skillId, level: r.levels[role.tier] })),
      );
      return [
        {
          topic: "skills",
          text: {
            zh: `当前不要求（0 级）；自${tier.zh}起要求：${future.zh}。`,
            en: `Not required yet (0); from the ${tier.en} stage: ${future.en}.`,
          },
        },
      ];
    }
    case "not_needed":
      return [
        {
          topic: "skills",
          text: {
            zh: `该岗位暂不需要，所需等级均为 0（涉及技能：${capabilities.zh}）。`,
            en: `The role is not needed, so every required level is 0 (its capabilities: ${capabilities.en}).`,
          },
        },
      ];
  }
}

function effectiveManager(ctx: Context, role: RoleDefinition): RoleId | GeneralManagerId {
  const boss = role.reportsTo;
  if (boss === GENERAL_MANAGER || boss === role.id) return GENERAL_MANAGER;
  const p = ctx.priorities.get(boss);
  if (p === undefined || p === "not_needed") return GENERAL_MANAGER;
  return boss;
}

function reportingRationale(
  ctx: Context,
  role: RoleDefinition,
  priority: Priority,
  manager: RoleId | GeneralManagerId,
): RationaleEntry[] {
  const boss = roleLabel(ctx, manager);
  if (priority === "not_needed") {
    return [
      {
        topic: "reporting",
        text: {
          zh: `不画汇报线：该岗位在此阶段暂不需要（组织手册汇报线为向${roleLabel(ctx, role.reportsTo).zh}汇报）。`,
          en: `No reporting line drawn: the role is not needed at this stage (its playbook line is to the ${roleLabel(ctx, role.reportsTo).en.toLowerCase()}).`,
        },
      },
    ];
  }
  const out: RationaleEntry[] = [
    {
      topic: "reporting",
      text: {
        zh: `向${boss.zh}汇报（组织手册汇报线；原文未规定汇报关系，此为本产品的默认设置）。`,
        en: `Reports to the ${boss.en.toLowerCase()} (the playbook's reporting line; the source sets none: this is the product's default).`,
      },
    },
  ];
  if (manager !== role.reportsTo) {
    out.push({
      topic: "reporting",
      text: {
        zh: `组织手册设定的上级${roleLabel(ctx, role.reportsTo).zh}在此阶段暂不需要，因此改为向总经理汇报。`,
        en: `Its playbook manager, the ${roleLabel(ctx, role.reportsTo).en.toLowerCase()}, is not needed at this stage, so it reports to the general manager instead.`,
      },
    });
  }
  if (priority === "optional") {
    out.push({
      topic: "reporting",
      text: {
        zh: `兼任者就这部分工作向${boss.zh}汇报。`,
        en: `Whoever covers it answers to the ${boss.en.toLowerCase()} for this share of their work.`,
      },
    });
  } else if (priority === "later") {
    const tier = stageLabel(ctx, role.tier);
    out.push({
      topic: "reporting",
      text: {
        zh: `自${tier.zh}配置后生效。`,
        en: `Takes effect once the role is staffed from the ${tier.en} stage.`,
      },
    });
  }
  return out;
}

function collaborationRationale(ctx: Context, role: RoleDefinition, priority: Priority): RationaleEntry[] {
  const mine = ctx.playbook.collaborationLinks.filter((l) => l.from === role.id || l.to === role.id);
  if (mine.length === 0) return [];
  const partner = (l: CollaborationLinkDefinition): RoleId => (l.from === role.id ? l.to : l.from);

  if (priority === "not_needed") {
    const names = mine.map((l) => roleLabel(ctx, partner(l)));
    return [
      {
        topic: "collaboration",
        text: {
          zh: `该岗位暂不需要，因此不画与${joinZh(names.map((n) => n.zh))}的协作线。`,
          en: `The role is not needed, so no collaboration links are drawn with ${joinEn(names.map((n) => n.en.toLowerCase()))}.`,
        },
      },
    ];
  }

  return mine.map((l): RationaleEntry => {
    const other = partner(l);
    const otherLabel = roleLabel(ctx, other);
    const otherPriority = ctx.priorities.get(other);
    if (otherPriority === undefined || otherPriority === "not_needed") {
      return {
        topic: "collaboration",
        text: {
          zh: `与${otherLabel.zh}的协作暂不画出：${otherLabel.zh}在此阶段暂不需要。`,
          en: `No link with ${otherLabel.en.toLowerCase()} yet: that role is not needed at this stage.`,
        },
      };
    }
    return {
      topic: "collaboration",
      text: {
        zh: `与${otherLabel.zh}协作：${l.reason.zh}`,
        en: `Works with ${otherLabel.en.toLowerCase()}: ${l.reason.en}`,
      },
    };
  });
}

/* ------------------------------------------------------------------ */
/* The recommendation                                                   */
/* ------------------------------------------------------------------ */

export function recommendOrgChart(model: ModelId, stage: StageId, playbook: Playbook): OrgChartRecommendation {
  const rolesById = new Map<RoleId, RoleDefinition>();
  for (const r of playbook.roles) if (!rolesById.has(r.id)) rolesById.set(r.id, r);
  const stagesById = new Map<StageId, Stage>();
  for (const s of playbook.stages) if (!stagesById.has(s.id)) stagesById.set(s.id, s);

  for (const id of CORE_ROLE_IDS)
    if (!rolesById.has(id)) throw new Error(`The playbook has no definition for role "${id}"`);
  // the seven, then the extension roles this playbook holds (PRODUCT.md: "the seven roles first")
  const roleIds = playbookRoleIds(playbook);
  const priorities = new Map<RoleId, Priority>();
  for (const id of roleIds) priorities.set(id, priorityFor(rolesById.get(id) as RoleDefinition, model, stage));

  const ctx: Context = {
    playbook,
    model: playbook.models.find((m) => m.id === model),
    modelId: model,
    stageId: stage,
    stagesById,
    rolesById,
    priorities,
  };

  const roles: RecommendedRole[] = roleIds.map((id) => {
    const def = rolesById.get(id) as RoleDefinition;
    const priority = priorities.get(id) as Priority;
    const headcount = headcountFor(def, model, stage, priority);
    const skills: RecommendedSkill[] = def.skills.map((req) => ({
      id: req.skillId,
      label: skillLabel(ctx, req.skillId),
      requiredLevel: requiredLevel(req.levels, stage, priority),
    }));
    const manager = effectiveManager(ctx, def);
    const rationale: RationaleEntry[] = [
      ...priorityRationale(ctx, def, priority),
      ...headcountRationale(ctx, def, priority, headcount),
      ...responsibilitiesRationale(ctx, def, priority),
      ...skillsRationale(ctx, def, priority, skills),
      ...reportingRationale(ctx, def, priority, manager),
      ...collaborationRationale(ctx, def, priority),
    ];
    return {
      id,
      label: def.label,
      priority,
      tier: def.tier,
      coreFrom: priority === "later" ? def.tier : null,
      coveredBy: priority === "optional" ? coveredByFor(def, model) : null,
      headcount,
      responsibilities: def.responsibilitiesByModel[model] ?? def.coreResponsibilities,
      skills,
      reportsTo: manager,
      orgChallenge: def.orgChallenge,
      rationale,
    };
  });

  const links: RecommendedLink[] = [];
  for (const role of roles) {
    if (role.priority === "not_needed") continue;
    const boss = roleLabel(ctx, role.reportsTo);
    const from: Localized =
      role.priority === "later"
        ? {
            zh: `${role.label.zh}向${boss.zh}汇报（自${stageLabel(ctx, role.tier).zh}配置后）`,
            en: `${role.label.en} reports to the ${boss.en.toLowerCase()} (once staffed from the ${stageLabel(ctx, role.tier).en} stage)`,
          }
        : role.priority === "optional"
          ? {
              zh: `${role.label.zh}（兼任）就这部分工作向${boss.zh}汇报`,
              en: `${role.label.en} (covered part-time) answers to the ${boss.en.toLowerCase()}`,
            }
          : {
              zh: `${role.label.zh}向${boss.zh}汇报`,
              en: `${role.label.en} reports to the ${boss.en.toLowerCase()}`,
            };
    links.push({ from: role.reportsTo, to: role.id, kind: "reporting", reason: from });
  }
  for (const l of playbook.collaborationLinks) {
    const a = priorities.get(l.from);
    const b = priorities.get(l.to);
    if (a === undefined || b === undefined || a === "not_needed" || b === "not_needed") continue;
    links.push({ from: l.from, to: l.to, kind: "collaboration", reason: l.reason });
  }

  return { model, stage, roles, links };
}
