import { z } from "zod";
import { RACI_LETTERS, STEP_KEY_PATTERN, STEP_SECTIONS } from "~/domain/process-steps";
import type { RoleId } from "~/domain/types";
import { parseForm, versionField } from "~/utils/forms";
import { CONTROL_CHARACTERS, ID_PATTERN, NOTE_CONTROL_CHARACTERS } from "./common";

/**
 * The ownership forms' schemas. Messages are i18n keys under
 * "ownership.errors"; the page renders t(key).
 */

const E = "ownership.errors";
export const STEP_NAME_MAX = 80;
export const REASON_MAX = 1000;
/** How every ownership form is parsed. */
export const OWNERSHIP_FORM = { messages: E } as const;

const stepKey = z
  .string({ required_error: `${E}.step` })
  .trim()
  .regex(STEP_KEY_PATTERN, `${E}.step`);
/** A role of the organisation's playbook (playbookRoleIds: the seven, then the extension roles it holds). */
const roleOf = (roleIds: readonly RoleId[]) =>
  z.enum(roleIds as [RoleId, ...RoleId[]], { errorMap: () => ({ message: `${E}.role` }) });

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
  .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), `${E}.invalid`);

/** One cell: an empty letter means "no part"; the role is one the playbook holds. */
export const cellSchemaFor = (roleIds: readonly RoleId[]) =>
  z.object({
    step: stepKey,
    role: roleOf(roleIds),
    letter: z
      .enum(RACI_LETTERS, { errorMap: () => ({ message: `${E}.letter` }) })
      .optional()
      .transform((value) => value ?? null),
  });

/** Proposing an owner: one of the playbook's roles, with a reason. */
export const proposeSchemaFor = (roleIds: readonly RoleId[]) => z.object({ owner: roleOf(roleIds), reason });

export const decideSchema = z.object({
  proposalId: z
    .string({ required_error: `${E}.invalid` })
    .trim()
    .regex(ID_PATTERN, `${E}.invalid`),
  reason,
});

export const addStepSchema = z.object({
  section: z.enum(STEP_SECTIONS, { errorMap: () => ({ message: `${E}.section` }) }),
  nameZh: stepName(`${E}.nameRequired`),
  nameEn: stepName(`${E}.nameRequired`),
});

export const renameStepSchema = z.object({
  step: stepKey,
  nameZh: stepName(`${E}.nameRequired`),
  nameEn: stepName(`${E}.nameRequired`),
  version: versionField(),
});

export const moveStepSchema = z.object({
  step: stepKey,
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: `${E}.invalid` }) }),
});

/** Undoing a logged cell change (issue 18): which change. */
export const undoSchema = z.object({
  change: z
    .string({ required_error: `${E}.invalid`, invalid_type_error: `${E}.invalid` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `${E}.invalid`),
});

export const retireSchema = z.object({ confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm` }) }) });

/** Parses one of the ownership forms (the one pipeline, with this feature's messages). */
export function parseOwnershipForm<Schema extends z.ZodTypeAny>(formData: FormData | URLSearchParams, schema: Schema) {
  return parseForm(formData, schema, OWNERSHIP_FORM);
}
