import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { RACI_LETTERS, STEP_KEY_PATTERN, STEP_SECTIONS } from "~/domain/process-steps";
import { ROLE_IDS } from "~/domain/types";

/**
 * The ownership forms' schemas. Messages are i18n keys under
 * "ownership.errors"; the page renders t(key).
 */

const E = "ownership.errors";
export const STEP_NAME_MAX = 80;
export const REASON_MAX = 1000;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** a reason may have line breaks and tabs, no other control characters */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const REASON_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whatever a field did not name itself: a key, never zod's English text. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  if (ctx.defaultError.startsWith(`${E}.`)) return { message: ctx.defaultError };
  if (issue.code === z.ZodIssueCode.invalid_type && issue.received === z.ZodParsedType.undefined) return { message: `${E}.required` };
  if (issue.code === z.ZodIssueCode.too_big) return { message: `${E}.tooLong` };
  return { message: `${E}.invalid` };
};

const stepKey = z.string({ required_error: `${E}.step` }).trim().regex(STEP_KEY_PATTERN, `${E}.step`);
const roleId = z.enum(ROLE_IDS, { errorMap: () => ({ message: `${E}.role` }) });

const stepName = (required: string) =>
  z
    .string({ required_error: required, invalid_type_error: `${E}.invalid` })
    .trim()
    .min(1, required)
    .max(STEP_NAME_MAX, `${E}.tooLong`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${E}.invalid`);

const reason = z
  .string({ required_error: `${E}.reasonRequired`, invalid_type_error: `${E}.invalid` })
  .trim()
  .min(1, `${E}.reasonRequired`)
  .max(REASON_MAX, `${E}.tooLong`)
  .refine((value) => !REASON_CONTROL_CHARACTERS.test(value), `${E}.invalid`);

/** One cell: an empty letter means "no part". */
export const cellSchema = z.object({
  step: stepKey,
  role: roleId,
  letter: z
    .enum(RACI_LETTERS, { errorMap: () => ({ message: `${E}.letter` }) })
    .optional()
    .transform((value) => value ?? null),
});

export const proposeSchema = z.object({ owner: roleId, reason });

export const decideSchema = z.object({
  proposalId: z.string({ required_error: `${E}.invalid` }).trim().regex(/^[A-Za-z0-9_-]{1,64}$/, `${E}.invalid`),
  reason,
});

export const addStepSchema = z.object({
  section: z.enum(STEP_SECTIONS, { errorMap: () => ({ message: `${E}.section` }) }),
  nameZh: stepName(`${E}.nameRequired`),
  nameEn: stepName(`${E}.nameRequired`),
});

export const renameStepSchema = z.object({ step: stepKey, nameZh: stepName(`${E}.nameRequired`), nameEn: stepName(`${E}.nameRequired`) });

export const moveStepSchema = z.object({ step: stepKey, direction: z.enum(["up", "down"], { errorMap: () => ({ message: `${E}.invalid` }) }) });

export const retireSchema = z.object({ confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm` }) }) });

/**
 * Parses a submitted form against an object schema, reading only the fields
 * it names, as plain strings (files and conform's reserved names are dropped).
 */
export function parseOwnershipForm<Schema extends z.AnyZodObject>(formData: FormData | URLSearchParams, schema: Schema) {
  const names = new Set(Object.keys(schema.shape));
  const clean = new URLSearchParams();
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && names.has(name)) clean.append(name, value);
  }
  return parseWithZod(clean, { schema, errorMap });
}

/** The intent of a form with several buttons; "" when missing or not one string. */
export function intentOf(formData: FormData | URLSearchParams): string {
  const values = formData.getAll("intent");
  return values.length === 1 && typeof values[0] === "string" ? values[0] : "";
}
