/**
 * The public API v1 shape of a recommendation (PRODUCT.md, "Public API v1"):
 * every text resolved to one language. Pure.
 */
import type { Channel, Drivers, SizedRecommendation } from "./sizing";
import type {
  DriverId,
  GeneralManagerId,
  Language,
  LinkKind,
  ModelId,
  OrgChartRecommendation,
  Priority,
  RoleId,
  SkillLevel,
  StageId,
} from "./types";
import { localize } from "./vocabulary";

export interface RecommendationRoleJson {
  id: RoleId;
  label: string;
  priority: Priority;
  tier: StageId;
  coreFrom: StageId | null;
  coveredBy: string | null;
  headcount: { min: number; max: number };
  responsibilities: string[];
  skills: { id: string; label: string; requiredLevel: SkillLevel }[];
  reportsTo: RoleId | GeneralManagerId;
  orgChallenge: string;
  rationale: string[];
}

export interface RecommendationLinkJson {
  from: RoleId | GeneralManagerId;
  to: RoleId;
  kind: LinkKind;
  reason: string;
}

export interface RecommendationJson {
  model: ModelId;
  stage: StageId;
  lang: Language;
  roles: RecommendationRoleJson[];
  links: RecommendationLinkJson[];
}

export function toRecommendationJson(rec: OrgChartRecommendation, lang: Language): RecommendationJson {
  return {
    model: rec.model,
    stage: rec.stage,
    lang,
    roles: rec.roles.map((r) => ({
      id: r.id,
      label: localize(r.label, lang),
      priority: r.priority,
      tier: r.tier,
      coreFrom: r.coreFrom,
      coveredBy: r.coveredBy ? localize(r.coveredBy, lang) : null,
      headcount: { min: r.headcount.min, max: r.headcount.max },
      responsibilities: r.responsibilities.map((x) => localize(x, lang)),
      skills: r.skills.map((s) => ({ id: s.id, label: localize(s.label, lang), requiredLevel: s.requiredLevel })),
      reportsTo: r.reportsTo,
      orgChallenge: localize(r.orgChallenge, lang),
      rationale: r.rationale.map((x) => localize(x.text, lang)),
    })),
    links: rec.links.map((l) => ({ from: l.from, to: l.to, kind: l.kind, reason: localize(l.reason, lang) })),
  };
}

/* ------------------------------------------------------------------ */
/* The sized answer (PRODUCT.md, "Business profile and sizing")         */
/* ------------------------------------------------------------------ */

export interface DriverSizingJson {
  driver: DriverId;
  value: number | null;
  ratio: string;
  perPerson: { low: number; high: number };
  productDefault: boolean;
  references: { id: string; trust: string; note: string }[];
  headcount: { min: number; max: number } | null;
  next: { value: number; headcount: { min: number; max: number } } | null;
}

export interface SizedRoleJson extends Omit<RecommendationRoleJson, "headcount"> {
  headcount: { min: number; max: number; isDefault: boolean };
  sizing: {
    applied: boolean;
    base: { min: number; max: number };
    setBy: DriverId | null;
    drivers: DriverSizingJson[];
  };
  addedBy: ModelId[];
  /** present when the channels word the role's responsibilities differently */
  responsibilitiesByChannel?: { model: ModelId; responsibilities: string[] }[];
}

export interface SizedRecommendationJson extends Omit<RecommendationJson, "roles"> {
  channels: Channel[];
  drivers: Drivers;
  roles: SizedRoleJson[];
}

/** The v1 shape plus channels, drivers and each role's sizing; every v1 field keeps its meaning. */
export function toSizedRecommendationJson(rec: SizedRecommendation, lang: Language): SizedRecommendationJson {
  const base = toRecommendationJson(rec, lang);
  return {
    ...base,
    channels: rec.channels.map((c) => ({ ...c })),
    drivers: { ...rec.drivers },
    roles: base.roles.map((role, i) => {
      const r = rec.roles[i];
      const out: SizedRoleJson = {
        ...role,
        headcount: { min: r.headcount.min, max: r.headcount.max, isDefault: r.headcount.isDefault },
        sizing: {
          applied: r.sizing.applied,
          base: { ...r.sizing.base },
          setBy: r.sizing.setBy,
          drivers: r.sizing.drivers.map((d) => ({
            driver: d.driver,
            value: d.value,
            ratio: localize(d.ratio, lang),
            perPerson: { ...d.perPerson },
            productDefault: d.productDefault,
            references: d.references.map((x) => ({ id: x.id, trust: x.trust, note: localize(x.note, lang) })),
            headcount: d.headcount ? { ...d.headcount } : null,
            next: d.next ? { value: d.next.value, headcount: { ...d.next.headcount } } : null,
          })),
        },
        addedBy: [...r.addedBy],
      };
      if (r.responsibilitiesDiffer) {
        out.responsibilitiesByChannel = r.channels
          .filter((c) => c.priority !== "not_needed")
          .map((c) => ({ model: c.model, responsibilities: c.responsibilities.map((x) => localize(x, lang)) }));
      }
      return out;
    }),
  };
}
