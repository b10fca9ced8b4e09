/**
 * Field-by-field differences between two playbooks (issue 13): what a
 * version changed against the previous one and against the shipped
 * playbook, and whether a number on a page comes from an edited value.
 * Pure.
 *
 * A playbook flattens to one text per leaf, under a path that names ids,
 * never positions, where the list has ids: `roles.operations_manager.skills.
 * ad_buying.levels.growth`, `sizing.marketing.ordersPerDay.perPerson.low`,
 * `collaborationLinks.product_manager~operations_manager.reason.zh`. Lists
 * of texts (responsibilities) keep their index.
 */
import type { Playbook } from "./types";

export interface PlaybookChange {
  path: string;
  /** the value before, as text; null when the field is new */
  before: string | null;
  /** the value after, as text; null when the field is gone */
  after: string | null;
}

function keyOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    if (typeof o.id === "string") return o.id;
    if (typeof o.skillId === "string") return o.skillId;
    if (typeof o.roleId === "string" && typeof o.driver === "string") return `${o.roleId}.${o.driver}`;
    if (typeof o.from === "string" && typeof o.to === "string") return `${o.from}~${o.to}`;
  }
  return String(index);
}

function flattenInto(out: Map<string, string>, path: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    // a list of plain values (applicability) is one field, and a set: its order carries no meaning
    if (value.every((v) => typeof v !== "object")) {
      out.set(path, value.map(String).sort().join(", "));
      return;
    }
    value.forEach((item, i) => flattenInto(out, `${path}.${keyOf(item, i)}`, item));
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flattenInto(out, path ? `${path}.${k}` : k, v);
    return;
  }
  out.set(path, String(value));
}

/** Every leaf of a playbook as path → text (the shipped `version` label left out: it is not an edit). */
export function flattenPlaybook(p: Playbook): Map<string, string> {
  const out = new Map<string, string>();
  flattenInto(out, "", { ...p, version: undefined });
  return out;
}

/** What changed from `before` to `after`, one row per field, in `after`'s order then the removed ones. */
export function diffPlaybooks(before: Playbook, after: Playbook): PlaybookChange[] {
  const a = flattenPlaybook(before);
  const b = flattenPlaybook(after);
  const changes: PlaybookChange[] = [];
  for (const [path, value] of b) {
    const old = a.get(path);
    if (old !== value) changes.push({ path, before: old ?? null, after: value });
  }
  for (const [path, value] of a) if (!b.has(path)) changes.push({ path, before: value, after: null });
  return changes;
}

/** The paths where `edited` differs from `shipped`: what pages mark as "edited". */
export function editedPaths(shipped: Playbook, edited: Playbook): Set<string> {
  return new Set(diffPlaybooks(shipped, edited).map((c) => c.path));
}

/** True when a field, or anything under it, is edited. */
export function isEditedUnder(edited: ReadonlySet<string>, prefix: string): boolean {
  if (edited.has(prefix)) return true;
  for (const path of edited) if (path.startsWith(`${prefix}.`)) return true;
  return false;
}

/** The path of a role's required level for a skill at a stage, as diffPlaybooks names it. */
export const requiredLevelPath = (roleId: string, skillId: string, stage: string) =>
  `roles.${roleId}.skills.${skillId}.levels.${stage}`;

/**
 * What a stale save meets (decision 0015): each field another save changed
 * since `loaded`, their value beside the one this person's edit (`next`)
 * would have given it.
 */
export function playbookConflict(
  loaded: Playbook,
  current: Playbook,
  next: Playbook,
): { field: string; theirs: string; yours: string }[] {
  const yours = new Map(diffPlaybooks(loaded, next).map((c) => [c.path, c.after]));
  return diffPlaybooks(loaded, current).map((c) => ({
    field: c.path,
    theirs: c.after ?? "",
    yours: yours.get(c.path) ?? c.before ?? "",
  }));
}
