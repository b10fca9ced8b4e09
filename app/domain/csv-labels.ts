/**
 * What a person types in a CSV for a role or a skill: the id, or its label in
 * either language, in any case and width ("营销", "Supply chain", "ＳＵＰＰＬＹ
 * chain", "运营经理：100"). Labels come from the shipped playbook (the seven
 * roles keep their ids and labels) and the extension library, plus a few
 * short names people use. Whether the organisation holds the role is the
 * importer's check.
 * Pure: no I/O, no framework imports.
 */
import { shippedPlaybook } from "./playbook";
import { EXTENSION_LIBRARY, isExtensionRoleId } from "./extension-roles";
import { ALL_ROLE_IDS } from "./types";
import type { Language, RoleId } from "./types";
import { localize } from "./vocabulary";

/** Width- and case-insensitive: NFKC folds full-width letters, digits and the colon; "_" and runs of spaces are one space. */
export function normaliseLabel(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}

/** Short names for the roles that are not their labels (data, not code branches). */
const ROLE_ALIASES: Record<RoleId, readonly string[]> = {
  product_manager: ["product", "产品"],
  operations_manager: ["operations", "运营"],
  tech_dev: ["tech", "technology", "development", "技术", "开发"],
  supply_chain: ["supply chain", "logistics", "供应链", "物流"],
  marketing: ["营销", "市场"],
  data_analysis: ["data", "数据"],
  compliance_risk: ["compliance", "risk", "合规", "风控"],
  customer_service: ["customer service", "support", "客服", "售后"],
  finance_tax: ["finance", "tax", "财务", "税务"],
  b2b_sales: ["sales", "account manager", "业务员", "外贸业务员", "销售"],
  advertising: ["ads", "ppc", "广告", "广告投放"],
};

function indexOf<Id extends string>(entries: readonly { id: Id; names: readonly string[] }[]): Map<string, Id> {
  const index = new Map<string, Id>();
  for (const { id, names } of entries)
    for (const name of [id, ...names]) if (!index.has(normaliseLabel(name))) index.set(normaliseLabel(name), id);
  return index;
}

const ROLE_INDEX = indexOf(
  ALL_ROLE_IDS.map((id) => {
    const label = isExtensionRoleId(id)
      ? EXTENSION_LIBRARY[id].role.label
      : shippedPlaybook.roles.find((r) => r.id === id)?.label;
    return { id, names: [...(label ? [label.zh, label.en] : []), ...ROLE_ALIASES[id]] };
  }),
);

/** The role id for an id or a label in either language; null when nothing matches. */
export function roleIdFromLabel(value: string): RoleId | null {
  return ROLE_INDEX.get(normaliseLabel(value)) ?? null;
}

/** A skill lookup over the organisation's skills: id or label in either language. */
export function skillIndex(
  skills: readonly { id: string; label?: { zh: string; en: string } }[],
): (value: string) => string | null {
  const index = indexOf(skills.map((s) => ({ id: s.id, names: s.label ? [s.label.zh, s.label.en] : [] })));
  return (value) => index.get(normaliseLabel(value)) ?? null;
}

/** How an export names roles and skills: in the reader's language. */
export interface ExportLabels {
  role: (id: string) => string;
  skill: (id: string) => string;
}

/**
 * The labels every CSV export writes beside the ids: the organisation's own
 * role and skill labels in the reader's language; an id the playbook does not
 * know (a retired skill) is written as itself.
 */
export function exportLabels(
  playbook: {
    roles: readonly { id: string; label: { zh: string; en: string } }[];
    skills: readonly { id: string; label: { zh: string; en: string } }[];
  },
  lang: Language,
): ExportLabels {
  const labeller = (entries: readonly { id: string; label: { zh: string; en: string } }[]) => {
    const byId = new Map(entries.map((entry) => [entry.id, localize(entry.label, lang)]));
    return (id: string) => byId.get(id) ?? id;
  };
  return { role: labeller(playbook.roles), skill: labeller(playbook.skills) };
}
