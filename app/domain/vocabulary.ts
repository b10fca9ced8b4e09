/**
 * Small pure helpers over the product vocabulary: id guards, stage order and
 * text localisation. No I/O, no framework imports.
 */
import { ALL_ROLE_IDS, GENERAL_MANAGER, LANGUAGES, MODEL_IDS, PRIORITIES, SKILL_LEVELS, STAGE_IDS } from "./types";
import type { GeneralManagerId, Language, Localized, ModelId, Priority, RoleId, SkillLevel, StageId } from "./types";

export function isModelId(x: unknown): x is ModelId {
  return typeof x === "string" && (MODEL_IDS as readonly string[]).includes(x);
}

export function isStageId(x: unknown): x is StageId {
  return typeof x === "string" && (STAGE_IDS as readonly string[]).includes(x);
}

/** One of the seven or of the extension library (whether a playbook holds it is the playbook's question). */
export function isRoleId(x: unknown): x is RoleId {
  return typeof x === "string" && (ALL_ROLE_IDS as readonly string[]).includes(x);
}

export function isLanguage(x: unknown): x is Language {
  return typeof x === "string" && (LANGUAGES as readonly string[]).includes(x);
}

export function isPriority(x: unknown): x is Priority {
  return typeof x === "string" && (PRIORITIES as readonly string[]).includes(x);
}

export function isSkillLevel(x: unknown): x is SkillLevel {
  return typeof x === "number" && (SKILL_LEVELS as readonly number[]).includes(x);
}

/** 0 for startup, 1 for growth, 2 for mature. */
export function stageIndex(stage: StageId): number {
  return STAGE_IDS.indexOf(stage);
}

/** The text in the requested language; falls back to the other language if empty. */
export function localize(text: Localized, lang: Language): string {
  const primary = text[lang];
  if (primary && primary.trim() !== "") return primary;
  return lang === "zh" ? text.en : text.zh;
}

/** The root of every org chart (not part of the editable playbook). */
export const GENERAL_MANAGER_LABEL: Localized = { zh: "总经理", en: "General manager" };

export function isGeneralManager(x: unknown): x is GeneralManagerId {
  return x === GENERAL_MANAGER;
}

export const SKILL_LEVEL_LABELS: Record<SkillLevel, Localized> = {
  0: { zh: "无", en: "none" },
  1: { zh: "入门", en: "basic" },
  2: { zh: "熟练", en: "working" },
  3: { zh: "精通", en: "advanced" },
  4: { zh: "专家", en: "expert" },
};

export const PRIORITY_LABELS: Record<Priority, Localized> = {
  core: { zh: "核心", en: "Core" },
  later: { zh: "后续补充", en: "Later" },
  optional: { zh: "可兼任或外包", en: "Optional" },
  not_needed: { zh: "暂不需要", en: "Not needed" },
};
