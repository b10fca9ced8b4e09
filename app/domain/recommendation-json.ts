/**
 * The public API v1 shape of a recommendation (PRODUCT.md, "Public API v1"):
 * every text resolved to one language. Pure.
 */
import type {
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
