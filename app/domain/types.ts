/**
 * The vocabulary of the product (see PRODUCT.md): stable ids, the playbook's
 * shape and the recommendation's shape. Pure types and id lists, no I/O.
 */
import type { DefaultRaci } from "./process-steps";

export const MODEL_IDS = ["platform", "independent_site", "distribution", "b2b", "managed_service"] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const STAGE_IDS = ["startup", "growth", "mature"] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** The seven roles of the source's team table: every playbook holds them, in this order. */
export const CORE_ROLE_IDS = [
  "product_manager",
  "operations_manager",
  "tech_dev",
  "supply_chain",
  "marketing",
  "data_analysis",
  "compliance_risk",
] as const;
export type CoreRoleId = (typeof CORE_ROLE_IDS)[number];

/**
 * The shipped library of optional roles (issue 13, extension-roles.ts): a
 * playbook holds one when the organisation has turned it on, and the
 * shipped playbook holds none.
 */
export const EXTENSION_ROLE_IDS = ["customer_service", "finance_tax", "b2b_sales", "advertising"] as const;
export type ExtensionRoleId = (typeof EXTENSION_ROLE_IDS)[number];

/** The ids of the seven and of the library, in this order (an organisation's own roles come after, per playbook). */
export const ALL_ROLE_IDS = [...CORE_ROLE_IDS, ...EXTENSION_ROLE_IDS] as const;

/**
 * An organisation's own role (issue 13): `custom_` and a slug of its English
 * name, made once when the role is created and never changed. The prefix
 * keeps it apart from the seven and the library, whatever the name.
 */
export const CUSTOM_ROLE_PREFIX = "custom_";
export type CustomRoleId = `custom_${string}`;
/** The longest own role id: the prefix and a slug of at most 40 characters. */
export const CUSTOM_ROLE_ID_MAX = 47;

/** A role a playbook may hold: one of the seven, of the library, or an organisation's own. */
export type RoleId = CoreRoleId | ExtensionRoleId | CustomRoleId;

/** The root of every org chart; not one of the seven roles. */
export const GENERAL_MANAGER = "general_manager" as const;
export type GeneralManagerId = typeof GENERAL_MANAGER;

export const PRIORITIES = ["core", "later", "optional", "not_needed"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Skill levels: 0 none, 1 basic, 2 working, 3 advanced, 4 expert. */
export const SKILL_LEVELS = [0, 1, 2, 3, 4] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** A text in both product languages. */
export interface Localized {
  zh: string;
  en: string;
}

export interface HeadcountRange {
  min: number;
  max: number;
}

/** The source's two rating tables (section 二). Stars run 1–3: more is higher / harder / riskier. */
export interface ModelRatings {
  startupCost: 1 | 2 | 3;
  returnRate: 1 | 2 | 3;
  managementDifficulty: 1 | 2 | 3;
  customerRetention: 1 | 2 | 3;
  riskLevel: 1 | 2 | 3;
  launchSpeed: "fast" | "medium" | "slow";
  trafficAcquisition: "easy" | "hard";
  brandBuilding: "easy" | "hard";
  profitRoom: "low" | "medium" | "high";
  dependency: "low" | "high";
}

export interface ProcessStepDefinition {
  /** stable snake_case id, e.g. "product_selection" */
  id: string;
  label: Localized;
}

export interface OperatingModel {
  id: ModelId;
  label: Localized;
  /** representative companies, e.g. "Amazon, eBay" */
  example: Localized;
  /** 业务结构 */
  structure: Localized;
  /** 适合主体 */
  suitedFor: Localized;
  /** 盈利模式 */
  profitModel: Localized;
  /** 风险点 */
  mainRisk: Localized;
  /** the model's core flow, in order */
  coreFlow: ProcessStepDefinition[];
  ratings: ModelRatings;
}

export interface Stage {
  id: StageId;
  label: Localized;
  /** the source's guidance for this stage (section 四) */
  guidance: Localized;
}

export interface SkillDefinition {
  /** stable snake_case id, e.g. "market_insight" */
  id: string;
  label: Localized;
  description: Localized;
  /**
   * A retired skill is no longer required by any role and cannot be chosen
   * for new assessments or training, but stays in the catalogue so the
   * assessments and plans that name it keep their label (issue 13).
   */
  retired?: boolean;
}

/** A skill a role needs, with the level required when the role is core at each stage. */
export interface RoleSkillRequirement {
  skillId: string;
  levels: Record<StageId, SkillLevel>;
}

export interface RoleDefinition {
  id: RoleId;
  label: Localized;
  /** the first stage in which the source adds this role */
  tier: StageId;
  /** the models the role applies to (source section 四, 适用模式) */
  appliesTo: ModelId[];
  /** core responsibilities as the source's table states them */
  coreResponsibilities: Localized[];
  /** responsibilities as they read for a given model; falls back to coreResponsibilities */
  responsibilitiesByModel: Partial<Record<ModelId, Localized[]>>;
  skills: RoleSkillRequirement[];
  /** recommended headcount when the role is core, per stage */
  headcount: Record<StageId, HeadcountRange>;
  /** per-model overrides of the core headcount */
  headcountByModel: Partial<Record<ModelId, Record<StageId, HeadcountRange>>>;
  /** who covers the role when it is optional (a generalist, a shared person, the provider) */
  optionalCover: Localized;
  optionalCoverByModel: Partial<Record<ModelId, Localized>>;
  /** the source's typical organisational challenge (组织挑战) */
  orgChallenge: Localized;
  /** reporting line: the general manager or another role */
  reportsTo: RoleId | GeneralManagerId;
}

export interface CollaborationLinkDefinition {
  from: RoleId;
  to: RoleId;
  /** the organisational problem of the source that calls for this link */
  reason: Localized;
}

/**
 * The workload drivers of a business profile (PRODUCT.md, "Business profile
 * and sizing"): whole numbers, `markets` and `languages` at least 1.
 */
export const DRIVER_IDS = ["stores", "skus", "ordersPerDay", "markets", "languages", "b2bAccounts"] as const;
export type DriverId = (typeof DRIVER_IDS)[number];

/**
 * Trust grades of SIZING-REFERENCES.md: A survey with a stated sample or
 * platform policy, B vendor data or consultancy experience, C practitioner
 * blog or anecdote (D-grade figures are never cited).
 */
export type TrustGrade = "A" | "A−" | "B" | "B/C" | "C";

/** A published figure behind a sizing ratio (an id of SIZING-REFERENCES.md, e.g. "G3"). */
export interface SizingReference {
  id: string;
  trust: TrustGrade;
  /** what the source says, in a few words */
  note: Localized;
}

/**
 * One row of the playbook's sizing table: a role's headcount scales with one
 * driver at `perPerson` units per person (low = a busy load, high = a light
 * one), so the driver alone asks for ceil(value ÷ high) to ceil(value ÷ low)
 * people. See docs/decisions/0012-sizing-by-workload-drivers.md.
 */
export interface SizingRule {
  roleId: RoleId;
  driver: DriverId;
  perPerson: { low: number; high: number };
  /** e.g. "one operator per 2–3 stores" */
  ratio: Localized;
  /** true where no published figure backs the ratio (the UI says "default") */
  productDefault: boolean;
  /** the figures the ratio rests on, or that bound it (none for a bare product default) */
  references: SizingReference[];
  /** how the ratio was derived */
  basis: Localized;
}

export interface Playbook {
  /** bumps when the shipped playbook changes */
  version: string;
  models: OperatingModel[];
  stages: Stage[];
  roles: RoleDefinition[];
  skills: SkillDefinition[];
  collaborationLinks: CollaborationLinkDefinition[];
  /** headcount per workload driver: one documented table (sizing.ts) */
  sizing: SizingRule[];
  /** the process steps' default RACI, per model for the core flows (process-steps.ts, issue 13) */
  defaultRaci: DefaultRaci;
}

/* ------------------------------------------------------------------ */
/* The recommendation (output of recommendOrgChart)                    */
/* ------------------------------------------------------------------ */

export type RationaleTopic = "priority" | "headcount" | "responsibilities" | "skills" | "reporting" | "collaboration";

export interface RationaleEntry {
  topic: RationaleTopic;
  text: Localized;
}

export interface RecommendedSkill {
  id: string;
  label: Localized;
  requiredLevel: SkillLevel;
}

export interface RecommendedRole {
  id: RoleId;
  label: Localized;
  priority: Priority;
  tier: StageId;
  /** for `later`: the stage from which the role becomes core (equals tier) */
  coreFrom: StageId | null;
  /** for `optional`: who covers the role */
  coveredBy: Localized | null;
  headcount: HeadcountRange;
  responsibilities: Localized[];
  skills: RecommendedSkill[];
  reportsTo: RoleId | GeneralManagerId;
  orgChallenge: Localized;
  rationale: RationaleEntry[];
}

export type LinkKind = "reporting" | "collaboration";

export interface RecommendedLink {
  from: RoleId | GeneralManagerId;
  to: RoleId;
  kind: LinkKind;
  /** why the link is there (source citation) */
  reason: Localized;
}

export interface OrgChartRecommendation {
  model: ModelId;
  stage: StageId;
  /** the seven roles in CORE_ROLE_IDS order, every time, then the extension roles the playbook holds */
  roles: RecommendedRole[];
  links: RecommendedLink[];
}
