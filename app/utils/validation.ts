import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
// From @remix-run/react, not /node: the schemas below also ship to the browser.
import { data } from "@remix-run/react";
import { z } from "zod";

/**
 * Zod pieces shared by the forms, on the server and in the browser.
 *
 * Every message is an i18n key (under "auth.validation"), not text: the same
 * schema runs in both places and the page renders `t(error)` in the reader's
 * language.
 */

/** Single-line text: no control characters (NUL, line breaks, escapes). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
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

export const confirmPasswordField = z
  .string({ required_error: "auth.validation.confirmPassword.required", invalid_type_error: "auth.validation.password.invalid" })
  .max(PASSWORD_MAX, "auth.validation.password.tooLong");

/** For `.superRefine()` of a form with `password` and `confirmPassword`: the error goes on the second. */
export function passwordsMatch(value: { password: string; confirmPassword: string }, context: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    context.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth.validation.password.mismatch" });
  }
}

/** conform turns `field[i]` into a dense array of i + 1 entries: cap i. */
const MAX_INDEX = 999;

function isFieldOf(name: string, fields: ReadonlySet<string>): boolean {
  if (name.length > 200 || !fields.has(name.split(/[.[]/, 1)[0])) return false;
  return [...name.matchAll(/\[(\d*)\]/g)].every(([, index]) => index === "" || Number(index) <= MAX_INDEX);
}

function shapeOf(schema: z.ZodTypeAny): z.ZodRawShape {
  if (schema instanceof z.ZodEffects) return shapeOf(schema.innerType());
  if (schema instanceof z.ZodObject) return schema.shape;
  throw new Error("parseForm needs an object schema");
}

/**
 * Reads a form and parses it against an object schema (optionally refined).
 * Only the fields the schema names reach conform: a made-up name such as
 * `x[99999999]` would make it build a hundred-million-entry array, and a
 * broken `__intent__` would make it throw. So conform's own intent fields are
 * dropped too (these forms validate in the browser and submit plainly); a
 * form whose buttons need intents on the server must pass them on itself.
 * A body that is not a form reads as an empty one.
 */
export async function parseForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const received = await request.formData().catch(() => new FormData());
  const fields = new Set(Object.keys(shapeOf(schema)));
  const form = new FormData();
  for (const [name, value] of received) if (isFieldOf(name, fields)) form.append(name, value);
  return parseWithZod(form, { schema });
}

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
