/**
 * The default process steps and their default RACI, per operating model.
 * Pure data and functions: no I/O, no framework imports.
 *
 * The steps come from the source: each model's core flow (PRODUCT.md, the
 * same ids as the playbook's coreFlow) and the shared steps of its
 * logistics / customs clearance / localised promotion section and its
 * digital systems table. The source names the steps, not their owners: the
 * default letters below follow the role table's core responsibilities
 * (supply chain ships, compliance manages legal and policy, marketing runs
 * brand and content, tech builds and maintains systems, data analyses, the
 * product manager selects and lists). See docs/decisions/0008.
 */
import type { Localized, ModelId, RoleId } from "./types";
import { ALL_ROLE_IDS } from "./types";
import { t } from "./playbook-text";

/** A cell of the matrix. "AR" is the usual "A/R": accountable and doing the work. */
export const RACI_LETTERS = ["R", "A", "AR", "C", "I"] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export function isRaciLetter(value: unknown): value is RaciLetter {
  return typeof value === "string" && (RACI_LETTERS as readonly string[]).includes(value);
}

export const isAccountable = (letter: RaciLetter | null | undefined) => letter === "A" || letter === "AR";
export const isResponsible = (letter: RaciLetter | null | undefined) => letter === "R" || letter === "AR";

/**
 * Where a step sits. A section's steps follow one another (hand-offs run
 * between neighbours), except the systems, which are owned rather than done in order.
 */
export const STEP_SECTIONS = ["core", "logistics", "localisation", "data_compliance", "systems"] as const;
export type StepSection = (typeof STEP_SECTIONS)[number];

export function isStepSection(value: unknown): value is StepSection {
  return typeof value === "string" && (STEP_SECTIONS as readonly string[]).includes(value);
}

/** Sections whose steps form a flow with hand-offs between consecutive steps. */
export const FLOW_SECTIONS: ReadonlySet<StepSection> = new Set([
  "core",
  "logistics",
  "localisation",
  "data_compliance",
]);

/** A role's letter per role; roles without a part are left out. */
export type RaciRow = Partial<Record<RoleId, RaciLetter>>;

const LIBRARY_ORDER = new Map<string, number>(ALL_ROLE_IDS.map((id, i) => [id, i]));

/**
 * The roles a row gives a letter, in a stable order: the seven, then the
 * extension library's, then any other role (an organisation's own) by id.
 * A row names whichever roles its playbook holds, so the row itself, not a
 * fixed list, says which roles to look at.
 */
export function rowRoles(row: RaciRow): RoleId[] {
  const rank = (id: string) => LIBRARY_ORDER.get(id) ?? LIBRARY_ORDER.size;
  return (Object.keys(row) as RoleId[])
    .filter((roleId) => isRaciLetter(row[roleId]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface DefaultStep {
  key: string;
  section: StepSection;
  name: Localized;
  raci: RaciRow;
}

/** Each model's core flow, in order, with the RACI a team of that model starts from. */
export const CORE_FLOWS: Record<ModelId, Omit<DefaultStep, "section">[]> = {
  platform: [
    {
      key: "product_selection",
      name: t("选品", "Product selection"),
      raci: { product_manager: "AR", data_analysis: "C", supply_chain: "C", operations_manager: "C" },
    },
    {
      key: "listing",
      name: t("上架", "Listing"),
      raci: { product_manager: "A", operations_manager: "R", compliance_risk: "C" },
    },
    {
      key: "operations",
      name: t("运营", "Operations"),
      raci: { operations_manager: "AR", marketing: "C", data_analysis: "C" },
    },
    { key: "shipping", name: t("发货", "Shipping"), raci: { supply_chain: "AR", operations_manager: "I" } },
    {
      key: "after_sales",
      name: t("售后", "After-sales"),
      raci: { operations_manager: "AR", supply_chain: "C", product_manager: "I" },
    },
  ],
  independent_site: [
    {
      key: "site_building",
      name: t("建站", "Site building"),
      raci: { tech_dev: "AR", marketing: "C", product_manager: "C" },
    },
    {
      key: "traffic_acquisition",
      name: t("引流", "Traffic acquisition"),
      raci: { marketing: "A", operations_manager: "R", data_analysis: "C" },
    },
    {
      key: "conversion",
      name: t("转化", "Conversion"),
      raci: { operations_manager: "A", tech_dev: "R", marketing: "C", data_analysis: "C" },
    },
    { key: "shipping", name: t("发货", "Shipping"), raci: { supply_chain: "AR", operations_manager: "I" } },
    {
      key: "repurchase",
      name: t("复购", "Repurchase"),
      raci: { marketing: "A", operations_manager: "R", data_analysis: "C" },
    },
  ],
  distribution: [
    {
      key: "sourcing",
      name: t("对接货源", "Sourcing"),
      raci: { supply_chain: "A", product_manager: "R", data_analysis: "I" },
    },
    {
      key: "distribution_promotion",
      name: t("分销推广", "Distribution promotion"),
      raci: { product_manager: "AR", marketing: "C", data_analysis: "C" },
    },
    {
      key: "customer_management",
      name: t("客户管理", "Customer management"),
      raci: { product_manager: "AR", data_analysis: "C" },
    },
    {
      key: "settlement",
      name: t("结算", "Settlement"),
      raci: { product_manager: "A", data_analysis: "R", compliance_risk: "C" },
    },
  ],
  b2b: [
    {
      key: "negotiation",
      name: t("谈判", "Negotiation"),
      raci: { product_manager: "AR", supply_chain: "C", compliance_risk: "C" },
    },
    {
      key: "contract",
      name: t("合同", "Contract"),
      raci: { compliance_risk: "A", product_manager: "R", supply_chain: "C" },
    },
    { key: "shipping", name: t("发货", "Shipping"), raci: { supply_chain: "AR", compliance_risk: "C" } },
    {
      key: "payment_collection",
      name: t("回款", "Payment collection"),
      raci: { product_manager: "A", data_analysis: "R", compliance_risk: "C" },
    },
    {
      key: "customer_maintenance",
      name: t("客户维护", "Customer maintenance"),
      raci: { product_manager: "AR", data_analysis: "C", tech_dev: "I" },
    },
  ],
  managed_service: [
    { key: "signing", name: t("签约", "Signing"), raci: { product_manager: "AR", compliance_risk: "C" } },
    {
      key: "managed_operations",
      name: t("托管运营", "Managed operations"),
      raci: { product_manager: "A", supply_chain: "R", data_analysis: "I" },
    },
    { key: "data_feedback", name: t("数据反馈", "Data feedback"), raci: { data_analysis: "AR", product_manager: "I" } },
    {
      key: "optimisation",
      name: t("优化", "Optimisation"),
      raci: { product_manager: "A", data_analysis: "R", supply_chain: "C" },
    },
  ],
};

/** The steps every model shares, from the source's logistics, clearance, localisation and systems sections. */
export const SHARED_STEPS: DefaultStep[] = [
  // 物流环节 and the 清关流程表 (customs clearance, in its order)
  {
    key: "logistics_choice",
    section: "logistics",
    name: t("物流方式选择", "Logistics choice"),
    raci: { supply_chain: "AR", operations_manager: "C", data_analysis: "I" },
  },
  {
    key: "customs_documents",
    section: "logistics",
    name: t("报关资料准备", "Customs documents"),
    raci: { supply_chain: "AR", compliance_risk: "C" },
  },
  {
    key: "duties_taxes",
    section: "logistics",
    name: t("申报税费", "Duties and taxes"),
    raci: { compliance_risk: "A", supply_chain: "R", data_analysis: "I" },
  },
  {
    key: "clearance_agent",
    section: "logistics",
    name: t("清关代理", "Clearance agent"),
    raci: { supply_chain: "AR", compliance_risk: "C" },
  },
  {
    key: "inspection_release",
    section: "logistics",
    name: t("查验放行", "Inspection and release"),
    raci: { compliance_risk: "A", supply_chain: "R", product_manager: "C" },
  },
  // 本地化推广
  {
    key: "localised_site_payment",
    section: "localisation",
    name: t("本地化网站与支付", "Localised site and payment"),
    raci: { marketing: "A", tech_dev: "R", operations_manager: "C" },
  },
  {
    key: "social_media_kols",
    section: "localisation",
    name: t("社媒运营与本地KOL", "Social media and KOLs"),
    raci: { marketing: "AR", operations_manager: "C", data_analysis: "I" },
  },
  {
    key: "campaign_calendar",
    section: "localisation",
    name: t("节日营销日历", "Campaign calendar"),
    raci: { marketing: "A", operations_manager: "R", supply_chain: "C", product_manager: "C" },
  },
  // 全流程数据监控, and compliance (合规风控: 法律/政策管理)
  {
    key: "data_monitoring",
    section: "data_compliance",
    name: t("全流程数据监控", "Data monitoring"),
    raci: { data_analysis: "AR", tech_dev: "C", operations_manager: "I", supply_chain: "I" },
  },
  {
    key: "compliance_review",
    section: "data_compliance",
    name: t("合规审查", "Compliance review"),
    raci: { compliance_risk: "AR", product_manager: "C", operations_manager: "I" },
  },
  // 必备系统全景表: who owns each system
  {
    key: "system_erp",
    section: "systems",
    name: t("ERP 系统归属", "ERP ownership"),
    raci: { supply_chain: "A", tech_dev: "R", data_analysis: "C" },
  },
  {
    key: "system_crm",
    section: "systems",
    name: t("CRM 系统归属", "CRM ownership"),
    raci: { marketing: "A", tech_dev: "R", operations_manager: "C" },
  },
  {
    key: "system_bi",
    section: "systems",
    name: t("BI 系统归属", "BI ownership"),
    raci: { data_analysis: "A", tech_dev: "R", operations_manager: "I" },
  },
  {
    key: "system_scm",
    section: "systems",
    name: t("SCM 系统归属", "SCM ownership"),
    raci: { supply_chain: "A", tech_dev: "R" },
  },
  {
    key: "system_customer_service",
    section: "systems",
    name: t("客服系统归属", "Customer service system ownership"),
    raci: { operations_manager: "A", tech_dev: "R", marketing: "I" },
  },
];

/**
 * The default RACI as an organisation's playbook holds it (issue 13): each
 * model's core steps by step key, and the shared steps once for every model.
 * The steps themselves (keys, names, sections) stay the ones above.
 */
export interface DefaultRaci {
  byModel: Record<ModelId, Record<string, RaciRow>>;
  shared: Record<string, RaciRow>;
}

/** The default RACI the product ships: the rows of CORE_FLOWS and SHARED_STEPS. */
export function shippedDefaultRaci(): DefaultRaci {
  const rows = (steps: readonly { key: string; raci: RaciRow }[]) =>
    Object.fromEntries(steps.map((step) => [step.key, { ...step.raci }]));
  return {
    byModel: Object.fromEntries(
      (Object.keys(CORE_FLOWS) as ModelId[]).map((model) => [model, rows(CORE_FLOWS[model])]),
    ) as Record<ModelId, Record<string, RaciRow>>,
    shared: rows(SHARED_STEPS),
  };
}

/**
 * The steps an organisation of this model starts with, in order: its core
 * flow, then the shared steps; with the RACI of `raci` (the organisation's
 * playbook) where it has a row for the step, else the shipped one.
 */
export function defaultStepsFor(model: ModelId, raci?: DefaultRaci): DefaultStep[] {
  return [
    ...CORE_FLOWS[model].map((step) => ({
      ...step,
      section: "core" as const,
      raci: raci?.byModel[model]?.[step.key] ?? step.raci,
    })),
    ...SHARED_STEPS.map((step) => ({ ...step, raci: raci?.shared[step.key] ?? step.raci })),
  ];
}

/**
 * The default steps not stored yet, keyed against every stored key (retired
 * ones included, so a retired step stays retired). A new organisation gets
 * all of them; one that changed its model gets the new model's core steps
 * and keeps its old ones (an admin retires what no longer applies).
 */
export function missingDefaultSteps(model: ModelId, storedKeys: Iterable<string>, raci?: DefaultRaci): DefaultStep[] {
  const stored = new Set(storedKeys);
  return defaultStepsFor(model, raci).filter((step) => !stored.has(step.key));
}

/** A key for a step an admin adds: "custom_" and a random part the caller supplies. */
export function customStepKey(random: string): string {
  return `custom_${random
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 24)}`;
}

export const STEP_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The row after the proposed owner is accepted: the owner becomes the one
 * accountable role (A/R if it already did the work); every other role that
 * was accountable keeps the work and loses the accountability (R); the
 * others keep their letters.
 */
export function rowWithOwner(row: RaciRow, owner: RoleId): RaciRow {
  const next: RaciRow = {};
  const roles = rowRoles(row);
  for (const roleId of roles.includes(owner) ? roles : [...roles, owner]) {
    const letter = row[roleId];
    if (roleId === owner) next[roleId] = isResponsible(letter) ? "AR" : "A";
    else if (isAccountable(letter)) next[roleId] = "R";
    else if (letter) next[roleId] = letter;
  }
  return next;
}

/** The roles holding a row: responsible or accountable (what a lead must lead to edit it). */
export function rowHolders(row: RaciRow): RoleId[] {
  return rowRoles(row).filter((roleId) => isAccountable(row[roleId]) || isResponsible(row[roleId]));
}
