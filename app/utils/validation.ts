import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { z } from "zod";

/**
 * Zod pieces shared by the forms, on the server and in the browser.
 *
 * Every message is an i18n key (under "auth.validation"), not text: the same
 * schema runs in both places and the page renders `t(error)` in the reader's
 * language.
 */

/** Single-line text: no control characters (NUL, line breaks, escapes). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A required single-line text, trimmed, 1 to `max` characters. */
export function textField(options: { max: number; messages: { required: string; tooLong: string; invalid: string } }) {
  const { max, messages } = options;
  return z
    .string({ required_error: messages.required, invalid_type_error: messages.invalid })
    .trim()
    .min(1, messages.required)
    .max(max, messages.tooLong)
    .refine((value) => !CONTROL_CHARACTERS.test(value), messages.invalid);
}

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
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
  .string({ required_error: "auth.validation.password.required", invalid_type_error: "auth.validation.password.invalid" })
  .min(PASSWORD_MIN, "auth.validation.password.tooShort")
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

/**
 * A password being presented: only bounded, so nothing over the limit is
 * ever hashed (hashing is the slow part of a sign-in).
 */
export const currentPasswordField = z
  .string({ required_error: "auth.validation.password.required", invalid_type_error: "auth.validation.password.invalid" })
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

/** The keys `hideFields` should list: what a person typed here never comes back. */
export const SECRET_FIELDS = ["password", "confirmPassword"];

/**
 * The 400 answer to a form that did not pass: the errors per field, and what
 * was typed, minus the secret fields. `extra` goes beside `lastResult` for the
 * page (e.g. a throttle notice).
 */
export function invalidSubmission<Extra extends Record<string, unknown> = Record<never, never>>(
  submission: Pick<Submission<unknown>, "reply">,
  options: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
    status?: number;
    headers?: HeadersInit;
    extra?: Extra;
  } = {},
) {
  const { formErrors, fieldErrors, hideFields = SECRET_FIELDS, status = 400, headers, extra } = options;
  return data(
    { ...(extra as Extra), lastResult: submission.reply({ formErrors, fieldErrors, hideFields }) },
    { status, headers },
  );
}
