/**
 * An organisation's own roles (issue 13): a role the seven and the
 * extension library do not have, defined by the organisation. Its id is
 * `custom_` and a slug of its English name, made once when the role is
 * created and never changed (a rename changes the labels, not the id), so
 * members, assessments and positions that name it keep pointing at it.
 * See docs/decisions/0015 (addendum "own roles").
 *
 * Pure functions from one playbook to the next, no I/O.
 */
import type {
  CustomRoleId,
  GeneralManagerId,
  HeadcountRange,
  Localized,
  ModelId,
  Playbook,
  RoleDefinition,
  RoleId,
  SkillLevel,
  StageId,
} from "./types";
import { CUSTOM_ROLE_ID_MAX, CUSTOM_ROLE_PREFIX, MODEL_IDS } from "./types";
import { isCustomRoleId } from "./vocabulary";

/** The slug's longest length: the id stays short enough for a CSV cell and an address. */
const SLUG_MAX = CUSTOM_ROLE_ID_MAX - CUSTOM_ROLE_PREFIX.length;

/**
 * "Cross-border compliance officer" → "cross_border_compliance_officer":
 * lower case, accents folded, every run of other characters one "_", cut
 * at a word boundary when long. A name with no Latin letter or digit gives
 * "role".
 */
export function roleSlug(englishName: string): string {
  const words = englishName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}_${word}`;
    if (next.length > SLUG_MAX) {
      if (slug === "") slug = word.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug === "" ? "role" : slug;
}

/**
 * The id a new own role gets: `custom_<slug>`, with `_2`, `_3`, … when the
 * playbook already holds that id. Never one of the seven or the library's
 * (none starts with `custom_`).
 */
export function newCustomRoleId(p: Pick<Playbook, "roles">, englishName: string): CustomRoleId {
  const taken = new Set<string>(p.roles.map((r) => r.id));
  const base = `${CUSTOM_ROLE_PREFIX}${roleSlug(englishName)}`;
  if (!taken.has(base)) return base as CustomRoleId;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const id = `${base.slice(0, CUSTOM_ROLE_ID_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!taken.has(id)) return id as CustomRoleId;
  }
}

/** The own roles a playbook holds, in the order they were added. */
export function customRoleIds(p: Pick<Playbook, "roles">): CustomRoleId[] {
  return p.roles.map((r) => r.id).filter(isCustomRoleId);
}

/**
 * The two texts every role carries that the "New role" form does not ask
 * for: who covers the role while it is optional, and its organisational
 * challenge. Starting texts the role page edits.
 */
export const STARTING_TEXTS: { optionalCover: Localized; orgChallenge: Localized } = {
  optionalCover: { zh: "其他岗位兼任，或外包给服务商", en: "Another role, or an outside provider" },
  orgChallenge: {
    zh: "与相关部门划清职责边界",
    en: "Drawing clear lines of responsibility with the departments around it",
  },
};

/** What the "New role" form gives; the role page edits the rest afterwards. */
export interface NewCustomRole {
  label: Localized;
  tier: StageId;
  appliesTo: ModelId[];
  reportsTo: RoleId | GeneralManagerId;
  headcount: Record<StageId, HeadcountRange>;
  /** the first responsibility, in both languages */
  responsibility: Localized;
  /** the first skill from the catalogue, with its level per stage */
  skill: { skillId: string; levels: Record<StageId, SkillLevel> };
}

/**
 * The playbook with a new own role: its id made from the English name, no
 * per-model headcount table, no links and no sizing rows (its headcount is
 * its ranges until someone gives it a driver). Returns the id it got.
 */
export function withCustomRoleAdded(p: Playbook, input: NewCustomRole): { playbook: Playbook; roleId: CustomRoleId } {
  const roleId = newCustomRoleId(p, input.label.en);
  const role: RoleDefinition = {
    id: roleId,
    label: input.label,
    tier: input.tier,
    appliesTo: MODEL_IDS.filter((m) => input.appliesTo.includes(m)),
    coreResponsibilities: [input.responsibility],
    responsibilitiesByModel: {},
    skills: [input.skill],
    headcount: input.headcount,
    headcountByModel: {},
    optionalCover: STARTING_TEXTS.optionalCover,
    optionalCoverByModel: {},
    orgChallenge: STARTING_TEXTS.orgChallenge,
    reportsTo: input.reportsTo,
  };
  return { playbook: { ...p, roles: [...p.roles, role] }, roleId };
}

/**
 * The playbook without an own role: the role, its links and its sizing rows
 * go; skills stay in the catalogue. A role that reports to it keeps that
 * line, which validation then refuses with the field (nothing re-pointed
 * silently), as for an extension role turned off. The seven and the
 * library's roles are not removed here.
 */
export function withCustomRoleRemoved(p: Playbook, roleId: CustomRoleId): Playbook {
  return {
    ...p,
    roles: p.roles.filter((r) => r.id !== roleId),
    collaborationLinks: p.collaborationLinks.filter((l) => l.from !== roleId && l.to !== roleId),
    sizing: p.sizing.filter((r) => r.roleId !== roleId),
  };
}

/** The roles `after` holds that `before` does not, and the other way round: a version's "role added / removed". */
export function rolesAddedAndRemoved(
  before: Pick<Playbook, "roles">,
  after: Pick<Playbook, "roles">,
): { added: RoleDefinition[]; removed: RoleDefinition[] } {
  const had = new Set(before.roles.map((r) => r.id));
  const has = new Set(after.roles.map((r) => r.id));
  return {
    added: after.roles.filter((r) => !had.has(r.id)),
    removed: before.roles.filter((r) => !has.has(r.id)),
  };
}
