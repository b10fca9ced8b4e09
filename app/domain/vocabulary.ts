/**
 * Small pure helpers over the product vocabulary: id guards, stage order and
 * text localisation. No I/O, no framework imports.
 */
import {
  ALL_ROLE_IDS,
  CUSTOM_ROLE_ID_MAX,
  GENERAL_MANAGER,
  LANGUAGES,
  MODEL_IDS,
  PRIORITIES,
  SKILL_LEVELS,
  STAGE_IDS,
} from "./types";
import type {
  CustomRoleId,
  GeneralManagerId,
  Language,
  Localized,
  ModelId,
  Priority,
  RoleId,
  SkillLevel,
  StageId,
} from "./types";

export function isModelId(x: unknown): x is ModelId {
  return typeof x === "string" && (MODEL_IDS as readonly string[]).includes(x);
}

export function isStageId(x: unknown): x is StageId {
  return typeof x === "string" && (STAGE_IDS as readonly string[]).includes(x);
}

/** `custom_` then snake_case: the shape of an organisation's own role id. */
const CUSTOM_ROLE_ID = /^custom_[a-z0-9]+(_[a-z0-9]+)*$/;

/** An id of the shape an organisation's own role has (whether a playbook holds it is the playbook's question). */
export function isCustomRoleId(x: unknown): x is CustomRoleId {
  return typeof x === "string" && x.length <= CUSTOM_ROLE_ID_MAX && CUSTOM_ROLE_ID.test(x);
}

/**
 * One of the seven, of the extension library, or of an own role's shape.
 * Whether a playbook holds it is the playbook's question: where the
 * organisation is known, check `playbookHoldsRole` too.
 */
export function isRoleId(x: unknown): x is RoleId {
  return typeof x === "string" && ((ALL_ROLE_IDS as readonly string[]).includes(x) || isCustomRoleId(x));
}

/** A role id this playbook holds (the seven, its extension roles, its own roles). */
export function playbookHoldsRole(playbook: { roles: readonly { id: string }[] }, x: unknown): x is RoleId {
  return isRoleId(x) && playbook.roles.some((r) => r.id === x);
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
