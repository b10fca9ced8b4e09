import { z } from "zod";
import { API_TOKEN_SCOPES, USER_KINDS } from "~/domain/permissions";
import { MODEL_IDS, STAGE_IDS } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { emailField, organisationNameField } from "./auth";
import { textField } from "./common";
import { versionField } from "~/utils/forms";

/**
 * The settings forms: the organisation, invitations, people, API tokens.
 * Messages are i18n keys under "admin.errors" unless a shared field brings
 * its own.
 */

export const SETTINGS_FORM = { messages: "admin.errors" } as const;

export const TOKEN_NAME_MAX = 80;

export const kindField = z.enum(USER_KINDS, { errorMap: () => ({ message: "admin.errors.kind" }) });

/** One or more of the seven role ids; repeated ones count once. One message for the whole list. */
export const departmentsField = z
  .array(z.string(), { invalid_type_error: "admin.errors.department" })
  .default([])
  .refine((departments) => departments.every(isRoleId), "admin.errors.department")
  .transform((departments) => [...new Set(departments.filter(isRoleId))]);

/** Leads lead one or more departments; nobody else has any. */
export function departmentsMatchKind(value: { kind: string; departments: readonly string[] }, ctx: z.RefinementCtx) {
  if (value.kind === "lead" && value.departments.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["departments"], message: "admin.errors.departmentsRequired" });
  }
  if (value.kind !== "lead" && value.departments.length > 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["departments"], message: "admin.errors.departmentsForbidden" });
  }
}

/** A confirmation step: the second POST says `confirm=yes`. */
export const confirmField = z.literal("yes", { errorMap: () => ({ message: "admin.errors.confirm" }) });

/** Revoking a token or an invitation. */
export const confirmSchema = z.object({ confirm: confirmField });

export const organisationSchema = z.object({
  name: organisationNameField,
  operatingModel: z.enum(MODEL_IDS, { errorMap: () => ({ message: "admin.errors.model" }) }),
  stage: z.enum(STAGE_IDS, { errorMap: () => ({ message: "admin.errors.stage" }) }),
  version: versionField(),
});

export const tokenSchema = z.object({
  name: textField({
    max: TOKEN_NAME_MAX,
    messages: {
      required: "admin.errors.tokenName.required",
      tooLong: "admin.errors.tokenName.tooLong",
      invalid: "admin.errors.tokenName.invalid",
    },
  }),
  // the narrowest when none is chosen (decision 0011's addendum)
  scope: z.enum(API_TOKEN_SCOPES, { errorMap: () => ({ message: "tokenScope.invalid" }) }).default("recommendation"),
});

export const inviteSchema = z
  .object({ email: emailField, kind: kindField, departments: departmentsField })
  .superRefine(departmentsMatchKind);

const changeKindFields = z.object({
  intent: z.literal("change_kind"),
  kind: kindField,
  departments: departmentsField,
  version: versionField(),
});

/** The forms of one person's page, told apart by `intent` (unlock: lift the sign-in blocks, decision 0010; issue_reset: a password-reset link shown once). */
export const userChangeSchema = z
  .discriminatedUnion(
    "intent",
    [
      changeKindFields,
      z.object({ intent: z.literal("disable"), confirm: confirmField }),
      z.object({ intent: z.literal("enable") }),
      z.object({ intent: z.literal("unlock") }),
      z.object({ intent: z.literal("issue_reset") }),
    ],
    { errorMap: () => ({ message: "admin.errors.intent" }) },
  )
  .superRefine((value, ctx) => {
    if (value.intent === "change_kind") departmentsMatchKind(value, ctx);
  });

/** The kind form alone, for live validation in the browser. */
export const changeKindSchema = changeKindFields.superRefine(departmentsMatchKind);
