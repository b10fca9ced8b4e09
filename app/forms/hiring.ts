import { z } from "zod";
import { BUDGET_MAX, BUDGET_MIN, CURRENCIES, type Budget } from "~/domain/hiring-budget";
import { POSITION_STATUSES, QUARTER_PATTERN } from "~/domain/hiring-delta";
import { ALL_ROLE_IDS, MODEL_IDS, STAGE_IDS, type RoleId } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { parseForm, versionField } from "~/utils/forms";
import { CONTROL_CHARACTERS, EMAIL_MAX, ID_PATTERN, NAME_MAX, NOTE_CONTROL_CHARACTERS } from "./common";

/**
 * The hiring forms' schemas. Messages are i18n keys under "hiring.errors";
 * the page renders t(key). Each form names its `intent`, so one route can
 * take several forms.
 */

export const HEADCOUNT_MAX = 50;
export const NOTES_MAX = 1000;
export const TITLE_MAX = 100;
export const POSITION_TITLE_MAX = 100;
export const REASON_MAX = 500;
/** one proposal row per role at most */
export const MAX_PROPOSAL_ROWS = ALL_ROLE_IDS.length;

/** A role of a position: the seven, the library's or an own role's id (custom_…). */
const roleIdField = z
  .string({ required_error: "hiring.errors.role", invalid_type_error: "hiring.errors.role" })
  .refine((value): value is RoleId => isRoleId(value), "hiring.errors.role");

const E = "hiring.errors";
/** How every hiring form is parsed: fallback messages, and list indexes up to the proposal rows. */
export const HIRING_FORM = { messages: E, maxIndex: MAX_PROPOSAL_ROWS - 1 } as const;

function parse<Schema extends z.ZodTypeAny>(formData: FormData | URLSearchParams, schema: Schema) {
  return parseForm(formData, schema, HIRING_FORM);
}

const headcountField = z
  .string({ required_error: `${E}.headcount` })
  .trim()
  .regex(/^\d{1,3}$/, `${E}.headcount`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= HEADCOUNT_MAX, `${E}.headcount`);

const quarterField = z
  .string({ required_error: `${E}.quarter` })
  .trim()
  .toUpperCase()
  .regex(QUARTER_PATTERN, `${E}.quarter`);

const idField = (message: string) => z.string({ required_error: message }).trim().regex(ID_PATTERN, message);

const singleLine = (max: number, invalid: string) =>
  z
    .string()
    .trim()
    .max(max, `${E}.tooLong`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), invalid);

const notesField = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${E}.tooLong`)
    .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), `${E}.invalid`);

/* A budget per person: whole units, thousands separators allowed ("300,000"); empty means none. */

const budgetAmountField = z
  .string()
  .trim()
  .transform((value) => value.replace(/[,，\s_]/g, ""))
  .refine(
    (value) => /^\d{1,10}$/.test(value) && Number(value) >= BUDGET_MIN && Number(value) <= BUDGET_MAX,
    `${E}.budgetAmount`,
  )
  .transform(Number);

const budgetFields = {
  budgetAmount: budgetAmountField.optional(),
  budgetCurrency: z.enum(CURRENCIES, { errorMap: () => ({ message: `${E}.currency` }) }).optional(),
};

/** The "public" checkbox: sent as "on" when ticked, absent when not. */
const publicField = z
  .literal("on", { errorMap: () => ({ message: `${E}.invalid` }) })
  .optional()
  .transform((value) => value === "on");

/** An amount without a currency is refused on the currency; a currency without an amount is no budget. */
function requireCurrency(value: { budgetAmount?: number; budgetCurrency?: string }, ctx: z.RefinementCtx) {
  if (value.budgetAmount !== undefined && value.budgetCurrency === undefined) {
    ctx.addIssue({ code: "custom", path: ["budgetCurrency"], message: `${E}.currency` });
  }
}

function budgetFrom(value: { budgetAmount?: number; budgetCurrency?: (typeof CURRENCIES)[number] }): Budget | null {
  return value.budgetAmount !== undefined && value.budgetCurrency !== undefined
    ? { amount: value.budgetAmount, currency: value.budgetCurrency }
    : null;
}

/** A position form: its own fields, then the public mark and the budget per person (read as one `budget`). */
function positionFormSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, isPublic: publicField, ...budgetFields })
    .superRefine(requireCurrency)
    .transform(({ budgetAmount, budgetCurrency, ...value }) => ({
      ...value,
      budget: budgetFrom({ budgetAmount, budgetCurrency }),
    }));
}

/* The target --------------------------------------------------------- */

export const targetSchema = z.object({
  intent: z.literal("set_target"),
  model: z.enum(MODEL_IDS, { errorMap: () => ({ message: `${E}.model` }) }),
  stage: z.enum(STAGE_IDS, { errorMap: () => ({ message: `${E}.stage` }) }),
});

export function parseTargetForm(formData: FormData | URLSearchParams) {
  return parse(formData, targetSchema);
}

/* The proposal, confirmed into the plan ------------------------------- */

const proposalRow = z.object({
  roleId: roleIdField,
  include: z.literal("on", { errorMap: () => ({ message: `${E}.invalid` }) }).optional(),
  // checked below, only for the rows that are included
  headcount: z.string().optional(),
  targetQuarter: z.string().optional(),
});

export const planSchema = z
  .object({
    intent: z.literal("create_plan"),
    rows: z.array(proposalRow, { required_error: `${E}.noRows` }).max(MAX_PROPOSAL_ROWS, `${E}.invalid`),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    let included = 0;
    value.rows.forEach((row, i) => {
      if (seen.has(row.roleId))
        ctx.addIssue({ code: "custom", path: ["rows", i, "roleId"], message: `${E}.duplicateRole` });
      seen.add(row.roleId);
      if (row.include !== "on") return;
      included += 1;
      const headcount = headcountField.safeParse(row.headcount ?? undefined);
      if (!headcount.success)
        ctx.addIssue({ code: "custom", path: ["rows", i, "headcount"], message: `${E}.headcount` });
      const quarter = quarterField.safeParse(row.targetQuarter ?? undefined);
      if (!quarter.success)
        ctx.addIssue({ code: "custom", path: ["rows", i, "targetQuarter"], message: `${E}.quarter` });
    });
    if (included === 0) ctx.addIssue({ code: "custom", path: [], message: `${E}.noRows` });
  })
  .transform((value) => ({
    positions: value.rows
      .filter((row) => row.include === "on")
      .map((row) => ({
        roleId: row.roleId,
        headcount: Number(row.headcount!.trim()),
        targetQuarter: row.targetQuarter!.trim().toUpperCase(),
      })),
  }));

export function parsePlanForm(formData: FormData | URLSearchParams) {
  return parse(formData, planSchema);
}

/* Order and status ----------------------------------------------------- */

export const moveSchema = z.object({
  intent: z.literal("move"),
  positionId: idField(`${E}.position`),
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: `${E}.invalid` }) }),
});

export function parseMoveForm(formData: FormData | URLSearchParams) {
  return parse(formData, moveSchema);
}

/** Every status but "filled": filling names the member (the fill form). */
export const SETTABLE_STATUSES = POSITION_STATUSES.filter((status) => status !== "filled");

export const statusSchema = z.object({
  intent: z.literal("status"),
  positionId: idField(`${E}.position`),
  status: z.enum(["planned", "open", "offer", "cancelled"], { errorMap: () => ({ message: `${E}.status` }) }),
});

export function parseStatusForm(formData: FormData | URLSearchParams) {
  return parse(formData, statusSchema);
}

/* One position: details and filling ----------------------------------- */

export const positionSchema = positionFormSchema({
  intent: z.literal("update"),
  version: versionField(),
  headcount: headcountField,
  targetQuarter: quarterField,
  ownerUserId: idField(`${E}.owner`).optional(),
  notes: notesField(NOTES_MAX)
    .optional()
    .transform((value) => value ?? ""),
  title: singleLine(POSITION_TITLE_MAX, `${E}.invalid`)
    .optional()
    .transform((value) => value ?? ""),
  reason: notesField(REASON_MAX)
    .optional()
    .transform((value) => value ?? ""),
});

export function parsePositionForm(formData: FormData | URLSearchParams) {
  return parse(formData, positionSchema);
}

/* A position added by hand, and one hired for a skill ------------------- */

export const manualPositionSchema = positionFormSchema({
  intent: z.literal("add_position"),
  roleId: roleIdField,
  title: z
    .string({ required_error: `${E}.title` })
    .pipe(singleLine(POSITION_TITLE_MAX, `${E}.invalid`).refine((value) => value !== "", `${E}.title`)),
  headcount: headcountField,
  targetQuarter: quarterField,
  reason: z
    .string({ required_error: `${E}.reason` })
    .pipe(notesField(REASON_MAX).refine((value) => value !== "", `${E}.reason`)),
});

export function parseManualPositionForm(formData: FormData | URLSearchParams) {
  return parse(formData, manualPositionSchema);
}

/** "Hire" on a skill nobody has at the level: the server re-derives the level from the target. */
export const skillHireSchema = z.object({
  intent: z.literal("hire_for_skill"),
  roleId: roleIdField,
  skillId: idField(`${E}.skill`),
  targetQuarter: quarterField,
});

export function parseSkillHireForm(formData: FormData | URLSearchParams) {
  return parse(formData, skillHireSchema);
}

export const fillSchema = z
  .object({
    intent: z.literal("fill"),
    how: z.enum(["existing", "new"], { errorMap: () => ({ message: `${E}.how` }) }),
    memberId: idField(`${E}.member`).optional(),
    name: singleLine(NAME_MAX, `${E}.invalid`).optional(),
    email: z.string().trim().toLowerCase().max(EMAIL_MAX, `${E}.email`).email(`${E}.email`).optional(),
    title: singleLine(TITLE_MAX, `${E}.invalid`).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.how === "existing" && !value.memberId)
      ctx.addIssue({ code: "custom", path: ["memberId"], message: `${E}.member` });
    if (value.how === "new" && !value.name) ctx.addIssue({ code: "custom", path: ["name"], message: `${E}.name` });
  });

export function parseFillForm(formData: FormData | URLSearchParams) {
  return parse(formData, fillSchema);
}

/* Versions: what a refused stale save of a position shows ------------- */

export const POSITION_FIELDS = [
  "headcount",
  "targetQuarter",
  "ownerUserId",
  "notes",
  "title",
  "reason",
  "budgetAmount",
  "budgetCurrency",
  "isPublic",
] as const;
export type PositionField = (typeof POSITION_FIELDS)[number];

/** A position's form fields (as saved, or as submitted), one string per field. */
export function positionFormValues(position: {
  headcount: number;
  targetQuarter: string;
  ownerUserId: string | null;
  notes: string;
  title: string;
  reason: string;
  budget: Budget | null;
  isPublic: boolean;
}): Record<PositionField, string> {
  return {
    headcount: String(position.headcount),
    targetQuarter: position.targetQuarter,
    ownerUserId: position.ownerUserId ?? "",
    notes: position.notes,
    title: position.title,
    reason: position.reason,
    budgetAmount: position.budget ? String(position.budget.amount) : "",
    budgetCurrency: position.budget?.currency ?? "",
    isPublic: position.isPublic ? "on" : "",
  };
}
