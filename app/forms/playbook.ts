import { z } from "zod";
import type { RoleEdit } from "~/domain/playbook-edit";
import {
  DRIVER_IDS,
  GENERAL_MANAGER,
  MODEL_IDS,
  STAGE_IDS,
  type GeneralManagerId,
  type Localized,
  type ModelId,
  type RoleId,
  type SkillLevel,
  type StageId,
} from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { CONTROL_CHARACTERS, NOTE_CONTROL_CHARACTERS } from "./common";

/**
 * The playbook forms (issue 13): a role, the skill catalogue, reverting,
 * importing, the managers setting. Messages are i18n keys under
 * "playbook.errors". The forms check shape and ranges; the playbook's own
 * invariants (levels never shrink with stage, …) are validatePlaybook's,
 * run by the model on the whole edited playbook.
 */

const E = "playbook.errors";
export const PLAYBOOK_FORM = { messages: E, maxIndex: 39 } as const;

export const SUMMARY_MAX = 200;
export const LABEL_MAX = 80;
export const TEXT_MAX = 400;
export const LIST_MAX = 4000;
export const HEADCOUNT_MAX = 999;
export const IMPORT_MAX = 500_000;

/** The playbook version the form was loaded from: 0 is the shipped one. */
export const playbookVersionField = z
  .string({ required_error: "forms.version", invalid_type_error: "forms.version" })
  .trim()
  .regex(/^\d{1,9}$/, "forms.version")
  .transform(Number);

export const summaryField = z
  .string({ required_error: `${E}.summary` })
  .trim()
  .min(1, `${E}.summary`)
  .max(SUMMARY_MAX, `${E}.tooLong`)
  .refine((v) => !CONTROL_CHARACTERS.test(v), `${E}.invalid`);

const line = (max: number) =>
  z
    .string({ required_error: `${E}.required` })
    .trim()
    .min(1, `${E}.required`)
    .max(max, `${E}.tooLong`)
    .refine((v) => !CONTROL_CHARACTERS.test(v), `${E}.invalid`);

/** A text required in both languages, e.g. a role's name. */
export const localized = (max: number) => z.object({ zh: line(max), en: line(max) });

/** A list typed one item per line, in each language. */
const lines = z
  .string()
  .max(LIST_MAX, `${E}.tooLong`)
  .refine((v) => !NOTE_CONTROL_CHARACTERS.test(v), `${E}.invalid`)
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
const localizedLines = z.object({ zh: lines, en: lines });

const whole = (min: number, max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

/** One stage's headcount range, whole numbers. */
export const range = z.object({
  min: whole(0, HEADCOUNT_MAX, `${E}.headcount`),
  max: whole(0, HEADCOUNT_MAX, `${E}.headcount`),
});
/** A model's own table: its fields count only when "own" is ticked (the page keeps them filled either way). */
const maybeRange = z.object({
  min: whole(0, HEADCOUNT_MAX, `${E}.headcount`).optional(),
  max: whole(0, HEADCOUNT_MAX, `${E}.headcount`).optional(),
});
const modelTable = z.object({
  own: z.literal("on", { errorMap: () => ({ message: `${E}.invalid` }) }).optional(),
  startup: maybeRange.optional(),
  growth: maybeRange.optional(),
  mature: maybeRange.optional(),
});
const level = whole(0, 4, `${E}.level`);
/** A skill's required level per stage, 0–4. */
export const levels = z.object({ startup: level, growth: level, mature: level });

/**
 * A reporting line: the general manager or a role id (the seven, the
 * library's, an own role's shape). Whether the playbook holds the role is
 * validatePlaybook's question, asked of the whole edited playbook.
 */
export const reportsToField = z
  .string({ required_error: `${E}.reportsTo` })
  .refine((v): v is RoleId | GeneralManagerId => v === GENERAL_MANAGER || isRoleId(v), `${E}.reportsTo`);

const perPerson = z
  .string({ required_error: `${E}.ratio` })
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, `${E}.ratio`)
  .transform(Number)
  .refine((n) => n > 0, `${E}.ratio`);

export const roleSchema = z
  .object({
    version: playbookVersionField,
    summary: summaryField,
    label: localized(LABEL_MAX),
    tier: z.enum(STAGE_IDS, { errorMap: () => ({ message: `${E}.tier` }) }),
    appliesTo: z.array(z.enum(MODEL_IDS, { errorMap: () => ({ message: `${E}.model` }) })).default([]),
    reportsTo: reportsToField,
    headcount: z.object({ startup: range, growth: range, mature: range }),
    headcountByModel: z
      .object(
        Object.fromEntries(MODEL_IDS.map((m) => [m, modelTable.optional()])) as Record<
          ModelId,
          z.ZodOptional<typeof modelTable>
        >,
      )
      .optional(),
    // a row left on "no skill" is dropped: that is how a skill is taken off the role, and how the spare row stays empty
    skills: z
      .array(
        z.object({
          skillId: z
            .string()
            .regex(/^[a-z][a-z0-9_]{0,63}$/, `${E}.skill`)
            .optional(),
          levels: levels.optional(),
        }),
      )
      .default([]),
    core: localizedLines,
    byModel: z
      .object(
        Object.fromEntries(MODEL_IDS.map((m) => [m, localizedLines.optional()])) as Record<
          ModelId,
          z.ZodOptional<typeof localizedLines>
        >,
      )
      .optional(),
    optionalCover: localized(TEXT_MAX),
    orgChallenge: localized(TEXT_MAX),
    sizing: z
      .array(
        z.object({
          driver: z.enum(DRIVER_IDS, { errorMap: () => ({ message: `${E}.invalid` }) }),
          low: perPerson,
          high: perPerson,
        }),
      )
      .default([]),
  })
  .superRefine((value, ctx) => {
    const paired = (list: { zh: string[]; en: string[] }, path: (string | number)[]) => {
      if (list.zh.length !== list.en.length)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "en"], message: `${E}.linesDiffer` });
    };
    paired(value.core, ["core"]);
    if (value.core.zh.length === 0)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["core", "zh"], message: `${E}.required` });
    for (const m of MODEL_IDS) {
      const list = value.byModel?.[m];
      if (list) paired(list, ["byModel", m]);
    }
    value.sizing.forEach((row, i) => {
      if (row.low > row.high)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sizing", i, "high"], message: `${E}.ratioOrder` });
    });
    for (const stage of STAGE_IDS) {
      const h = value.headcount[stage];
      if (h.min > h.max)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["headcount", stage, "max"],
          message: `${E}.headcountOrder`,
        });
    }
    for (const m of MODEL_IDS) {
      const table = value.headcountByModel?.[m];
      if (table?.own !== "on") continue;
      for (const stage of STAGE_IDS) {
        const h = table[stage];
        for (const end of ["min", "max"] as const)
          if (h?.[end] === undefined)
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ["headcountByModel", m, stage, end],
              message: `${E}.headcount`,
            });
        if (h?.min !== undefined && h.max !== undefined && h.min > h.max)
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["headcountByModel", m, stage, "max"],
            message: `${E}.headcountOrder`,
          });
      }
    }
    const seen = new Set<string>();
    value.skills.forEach((s, i) => {
      if (!s.skillId) return;
      if (!s.levels)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["skills", i, "levels", "startup"], message: `${E}.level` });
      if (seen.has(s.skillId))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["skills", i, "skillId"], message: `${E}.skillTwice` });
      seen.add(s.skillId);
    });
    if (seen.size === 0)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["skills", 0, "skillId"], message: `${E}.noSkill` });
  });

export type RoleForm = z.output<typeof roleSchema>;

const pair = (zh: string[], en: string[]): Localized[] => zh.map((z, i) => ({ zh: z, en: en[i] ?? "" }));

/** The form's values as an edit of the role. */
export function roleEditFromForm(value: RoleForm): RoleEdit {
  const responsibilitiesByModel: RoleEdit["responsibilitiesByModel"] = {};
  for (const m of MODEL_IDS) {
    const list = value.byModel?.[m];
    if (list && list.zh.length > 0) responsibilitiesByModel[m] = pair(list.zh, list.en);
  }
  const headcountByModel: RoleEdit["headcountByModel"] = {};
  for (const m of MODEL_IDS) {
    const table = value.headcountByModel?.[m];
    if (table?.own !== "on") continue;
    const range = (stage: StageId) => ({ min: table[stage]?.min ?? 0, max: table[stage]?.max ?? 0 });
    headcountByModel[m] = { startup: range("startup"), growth: range("growth"), mature: range("mature") };
  }
  return {
    label: value.label,
    tier: value.tier,
    appliesTo: value.appliesTo,
    reportsTo: value.reportsTo,
    headcount: value.headcount,
    headcountByModel,
    skills: value.skills.flatMap((s) =>
      s.skillId && s.levels ? [{ skillId: s.skillId, levels: s.levels as Record<StageId, SkillLevel> }] : [],
    ),
    coreResponsibilities: pair(value.core.zh, value.core.en),
    responsibilitiesByModel,
    optionalCover: value.optionalCover,
    orgChallenge: value.orgChallenge,
    sizing: value.sizing,
  };
}

/**
 * Where a problem of validatePlaybook about this role shows on the role
 * form: `roles.<id>.skills.<skill>.<stage>` on that skill's row, the
 * headcount on its stage; anything else on the form as a whole.
 */
export function roleFieldOfProblem(problemPath: string, roleId: string, skillOrder: readonly string[]): string | null {
  const prefix = `roles.${roleId}.`;
  if (!problemPath.startsWith(prefix)) return null;
  const rest = problemPath.slice(prefix.length).split(".");
  if (rest[0] === "skills" && rest[1]) {
    const i = skillOrder.indexOf(rest[1]);
    if (i >= 0) return rest[2] ? `skills[${i}].levels.${rest[2]}` : `skills[${i}].skillId`;
  }
  if (rest[0] === "headcount" && rest[1]) return `headcount.${rest[1]}.max`;
  if (rest[0] === "headcountByModel" && rest[1])
    return rest[2] ? `headcountByModel.${rest[1]}.${rest[2]}.max` : `headcountByModel.${rest[1]}.own`;
  if (rest[0] === "reportsTo" || rest[0] === "tier" || rest[0] === "appliesTo") return rest[0];
  return null;
}

const SKILL_ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** The skill catalogue page's forms, told apart by `intent`. */
export const skillSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      version: playbookVersionField,
      id: z
        .string({ required_error: `${E}.skillId` })
        .trim()
        .max(64, `${E}.tooLong`)
        .regex(SKILL_ID, `${E}.skillId`),
      label: localized(LABEL_MAX),
      description: localized(TEXT_MAX),
    }),
    z.object({
      intent: z.literal("rename"),
      version: playbookVersionField,
      skillId: z.string().regex(SKILL_ID, `${E}.skill`),
      label: localized(LABEL_MAX),
      description: localized(TEXT_MAX),
    }),
    z.object({
      intent: z.literal("retire"),
      version: playbookVersionField,
      skillId: z.string().regex(SKILL_ID, `${E}.skill`),
      confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm` }) }),
    }),
    z.object({
      intent: z.literal("restore"),
      version: playbookVersionField,
      skillId: z.string().regex(SKILL_ID, `${E}.skill`),
    }),
  ],
  { errorMap: () => ({ message: `${E}.invalid` }) },
);

/** Revert to a version: a new version with its content. */
export const revertSchema = z.object({
  version: playbookVersionField,
  confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm` }) }),
});

/** Import a playbook as JSON (pasted or from a file read by the page). */
export const importSchema = z.object({
  version: playbookVersionField,
  summary: summaryField,
  document: z
    .string({ required_error: `${E}.importEmpty` })
    .min(1, `${E}.importEmpty`)
    .max(IMPORT_MAX, `${E}.importTooLarge`),
});

export const settingsSchema = z.object({ managersEdit: z.enum(["on", "off"]).default("off") });
