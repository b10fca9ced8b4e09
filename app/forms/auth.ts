import { z } from "zod";
import { MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "~/domain/types";
import { EMAIL_MAX, NAME_MAX, textField } from "./common";

/**
 * The account forms: signing in, signing up, accepting an invitation.
 * Messages are i18n keys under "auth.validation".
 */

export const AUTH_FORM = { messages: "auth.validation" } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** A person's name as they want to be addressed. */
export const personNameField = textField({
  max: NAME_MAX,
  messages: {
    required: "auth.validation.name.required",
    tooLong: "auth.validation.name.tooLong",
    invalid: "auth.validation.name.invalid",
  },
});

export const organisationNameField = textField({
  max: NAME_MAX,
  messages: {
    required: "auth.validation.organisationName.required",
    tooLong: "auth.validation.organisationName.tooLong",
    invalid: "auth.validation.organisationName.invalid",
  },
});

/** Trimmed and lowercased, so one address is one account however it is typed. */
export const emailField = z
  .string({ required_error: "auth.validation.email.required", invalid_type_error: "auth.validation.email.invalid" })
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, "auth.validation.email.tooLong")
  .email("auth.validation.email.invalid");

/** A password being chosen: the length rule applies. Never trimmed. */
export const newPasswordField = z
  .string({
    required_error: "auth.validation.password.required",
    invalid_type_error: "auth.validation.password.invalid",
  })
  .min(PASSWORD_MIN, "auth.validation.password.tooShort")
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

/**
 * A password being presented: only bounded, so nothing over the limit is
 * ever hashed (hashing is the slow part of a sign-in).
 */
export const currentPasswordField = z
  .string({
    required_error: "auth.validation.password.required",
    invalid_type_error: "auth.validation.password.invalid",
  })
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

export const confirmPasswordField = z
  .string({
    required_error: "auth.validation.confirmPassword.required",
    invalid_type_error: "auth.validation.password.invalid",
  })
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

/** For `.superRefine()` of a form with `password` and `confirmPassword`: the error goes on the second. */
export function passwordsMatch(value: { password: string; confirmPassword: string }, context: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    context.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth.validation.password.mismatch" });
  }
}

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  redirectTo: z.string().max(2000).optional(),
});

export const signupSchema = z.object({
  organisationName: organisationNameField,
  model: z.enum(MODEL_IDS, { errorMap: () => ({ message: "auth.validation.model.invalid" }) }),
  stage: z.enum(STAGE_IDS, { errorMap: () => ({ message: "auth.validation.stage.invalid" }) }),
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  // The founder as a team member: a checkbox, "on" when ticked, absent when not (the form ticks it by default).
  addAsMember: z.literal("on", { errorMap: () => ({ message: "auth.validation.addAsMember.invalid" }) }).optional(),
  founderRole: z
    .enum(CORE_ROLE_IDS, { errorMap: () => ({ message: "auth.validation.founderRole.invalid" }) })
    .optional(),
});

export const acceptInviteSchema = z
  .object({ name: personNameField, password: newPasswordField, confirmPassword: confirmPasswordField })
  .superRefine(passwordsMatch);
