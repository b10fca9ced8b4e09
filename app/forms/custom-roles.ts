import { z } from "zod";
import type { NewCustomRole } from "~/domain/custom-roles";
import { MODEL_IDS, STAGE_IDS, type SkillLevel, type StageId } from "~/domain/types";
import {
  LABEL_MAX,
  levels,
  localized,
  playbookVersionField,
  range,
  reportsToField,
  summaryField,
  TEXT_MAX,
} from "./playbook";

/**
 * An organisation's own role (issue 13). The "New role" form: both names,
 * the stage tier, the reporting line, the models it applies to, the
 * headcount per stage, a first responsibility and a first skill (a role
 * lists at least one of each); the role page edits the rest. Field names
 * are the role form's, so the playbook's problems land on the same fields.
 * Messages are i18n keys under "playbook.errors".
 */
const E = "playbook.errors";
export const CUSTOM_ROLE_FORM = { messages: E, maxIndex: 0 } as const;

export const newRoleSchema = z
  .object({
    version: playbookVersionField,
    // left empty, the version says "Added role <name>" in the person's language
    summary: summaryField.optional(),
    label: localized(LABEL_MAX),
    tier: z.enum(STAGE_IDS, { errorMap: () => ({ message: `${E}.tier` }) }),
    appliesTo: z.array(z.enum(MODEL_IDS, { errorMap: () => ({ message: `${E}.model` }) })).default([]),
    reportsTo: reportsToField,
    headcount: z.object({ startup: range, growth: range, mature: range }),
    responsibility: localized(TEXT_MAX),
    skills: z
      .array(
        z.object({
          skillId: z.string({ required_error: `${E}.noSkill` }).regex(/^[a-z][a-z0-9_]{0,63}$/, `${E}.noSkill`),
          levels,
        }),
      )
      .length(1, `${E}.noSkill`),
  })
  .superRefine((value, ctx) => {
    for (const stage of STAGE_IDS) {
      const h = value.headcount[stage];
      if (h.min > h.max)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["headcount", stage, "max"],
          message: `${E}.headcountOrder`,
        });
    }
  });

export type NewRoleForm = z.output<typeof newRoleSchema>;

/** The form's values as a new role. */
export function newRoleFromForm(value: NewRoleForm): NewCustomRole {
  const skill = value.skills[0];
  return {
    label: value.label,
    tier: value.tier,
    appliesTo: value.appliesTo,
    reportsTo: value.reportsTo,
    headcount: value.headcount,
    responsibility: value.responsibility,
    skill: { skillId: skill.skillId, levels: skill.levels as Record<StageId, SkillLevel> },
  };
}

/** Removing an own role: the version the page was loaded from, the confirmation, and a summary ("Removed role <name>" when empty). */
export const removeRoleSchema = z.object({
  version: playbookVersionField,
  summary: summaryField.optional(),
  confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm` }) }),
});
