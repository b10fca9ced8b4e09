import { z } from "zod";

/**
 * Zod pieces and limits shared by the forms of app/forms/. Every message is
 * an i18n key, not text: the same schema runs on the server and in the
 * browser, and the page renders `t(error)` in the reader's language.
 */

/** Single-line text: no control characters (NUL, line breaks, escapes). */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** A note may have line breaks and tabs, no other control characters. */
export const NOTE_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** An id from a select or a hidden input: shape only; the model checks that it exists here. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

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

/**
 * A record id from the address, or null when it cannot be one (ids are
 * cuids). Such a value never reaches a query: it is simply not found.
 */
export function recordIdParam(value: string | undefined): string | null {
  return value && /^[a-z0-9]{1,64}$/i.test(value) ? value : null;
}
