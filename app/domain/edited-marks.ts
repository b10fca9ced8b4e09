/**
 * Which numbers on a page come from the organisation's edited playbook
 * rather than the shipped default (issue 13): a role's headcount, a required
 * level, a default RACI row. Pure.
 *
 * It reads the set of edited paths (`editedPaths(shipped, org)` of
 * playbook-diff.ts), which the playbook cache computes once per version
 * (decision 0015), so a page never diffs two playbooks per request. The
 * answer names only what differs, so a loader sends no more than the marks
 * it shows.
 */
import { isEditedUnder, requiredLevelPath } from "./playbook-diff";
import type { DefaultRaci, RaciRow } from "./process-steps";
import type { ModelId, Playbook, StageId } from "./types";

export interface RoleEditedMarks {
  /** the headcount at this stage, for one of these models, differs from the shipped one */
  headcount: boolean;
  /** the skills whose required level at this stage differs from the shipped one */
  levels: string[];
}

export interface EditedMarks {
  /** only the roles with something edited */
  roles: Record<string, RoleEditedMarks>;
  /** the default RACI rows that differ, as `byModel.<model>.<step>` or `shared.<step>` */
  raciRows: string[];
}

export const NO_EDITED_MARKS: EditedMarks = { roles: {}, raciRows: [] };

/**
 * The marks for a page about `models` (a business's channels) at `stage`.
 * A role's headcount is edited when the table the recommendation reads for
 * a model differs at this stage: the model's own table where the
 * organisation's playbook has one (an added or dropped table counts), else
 * the default table; with `sized`, an edited sizing ratio of the role too.
 */
export function editedMarks(input: {
  edited: ReadonlySet<string>;
  playbook: Playbook;
  models: readonly ModelId[];
  stage: StageId;
  sized: boolean;
}): EditedMarks {
  const { edited, playbook, models, stage, sized } = input;
  if (edited.size === 0) return NO_EDITED_MARKS;
  const roles: Record<string, RoleEditedMarks> = {};
  for (const role of playbook.roles) {
    const base = `roles.${role.id}`;
    const headcount =
      models.some((model) =>
        isEditedUnder(edited, `${base}.headcountByModel.${model}.${stage}`)
          ? true
          : role.headcountByModel[model] === undefined &&
            (isEditedUnder(edited, `${base}.headcountByModel.${model}`) ||
              isEditedUnder(edited, `${base}.headcount.${stage}`)),
      ) ||
      (sized && isEditedUnder(edited, `sizing.${role.id}`));
    const levels = role.skills
      .filter((s) => edited.has(requiredLevelPath(role.id, s.skillId, stage)))
      .map((s) => s.skillId);
    if (headcount || levels.length > 0) roles[role.id] = { headcount, levels };
  }
  const raciRows = new Set<string>();
  const rowOf = (path: string) => path.split(".").slice(1, -1).join(".");
  for (const path of edited) {
    if (!path.startsWith("defaultRaci.")) continue;
    const row = rowOf(path);
    if (row.startsWith("shared.") || models.some((m) => row.startsWith(`byModel.${m}.`))) raciRows.add(row);
  }
  return { roles, raciRows: [...raciRows].sort() };
}

/** Is this role's required level for this skill marked? */
export const isLevelEdited = (marks: EditedMarks, roleId: string, skillId: string): boolean =>
  marks.roles[roleId]?.levels.includes(skillId) ?? false;

/** Is this role's headcount marked? */
export const isHeadcountEdited = (marks: EditedMarks, roleId: string): boolean =>
  marks.roles[roleId]?.headcount ?? false;

/**
 * The ownership matrix's rows that come from an edited default: the step's
 * default row (the model's core row, else the shared one) is edited, and the
 * team's row is still that default letter for letter (a row the team changed
 * is its own, not the playbook's).
 */
export function editedDefaultRows(input: { marks: EditedMarks; defaultRaci: DefaultRaci; model: ModelId }) {
  const { marks, defaultRaci, model } = input;
  const edited = new Set(marks.raciRows);
  return {
    fromRow(stepKey: string, row: RaciRow): boolean {
      const core = defaultRaci.byModel[model]?.[stepKey];
      const [key, defaultRow] = core
        ? [`byModel.${model}.${stepKey}`, core]
        : [`shared.${stepKey}`, defaultRaci.shared[stepKey]];
      if (!defaultRow || !edited.has(key)) return false;
      const roles = new Set([...Object.keys(defaultRow), ...Object.keys(row)]) as Set<keyof RaciRow>;
      return [...roles].every((role) => (defaultRow[role] ?? null) === (row[role] ?? null));
    },
  };
}
