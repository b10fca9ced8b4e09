import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
// From @remix-run/react, not /node: the parsing below also runs in the browser (conform's onValidate).
import { data } from "@remix-run/react";
import { z } from "zod";
import type { FieldConflict } from "~/domain/conflicts";

/**
 * The one form pipeline: reading a body, parsing it against a schema of
 * app/forms/ with conform, and answering. Used by every action and by the
 * browser's live validation, so both read a form the same way.
 *
 * The rule it enforces: **only a plain submission writes.** conform's own
 * requests (`__intent__`: "validate" on blur, "insert"/"remove" of list
 * rows) are kept, so the parse answers them with `status` undefined; every
 * action returns the reply for anything that is not `status: "success"`, and
 * so writes nothing for them.
 */

/** conform's reserved inputs. */
export const INTENT = "__intent__";
const STATE = "__state__";
/** What any other or malformed intent becomes: a request to validate, which never writes. */
const VALIDATE_ONLY = JSON.stringify({ type: "validate", payload: {} });
/** conform turns `field[i]` into a dense array of i + 1 entries: cap i. */
const DEFAULT_MAX_INDEX = 99;
const MAX_NAME_LENGTH = 200;
const MAX_JSON_LENGTH = 1000;

/**
 * The body of a form POST. A body that is not a form (JSON, a broken
 * multipart) is the client's mistake: it reads as an empty form, which then
 * fails validation with a 400 like any other incomplete one.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** The app's own `intent` (which of a page's forms or buttons sent it), when it is one of `intents` and sent once. */
export function intentOf<I extends string>(formData: FormData | URLSearchParams, intents: readonly I[]): I | null {
  const values = formData.getAll("intent");
  if (values.length !== 1 || typeof values[0] !== "string") return null;
  return (intents as readonly string[]).includes(values[0]) ? (values[0] as I) : null;
}

/** True when the body carries one of conform's requests (validate, list changes): never a submission. */
export function isConformIntent(formData: FormData | URLSearchParams): boolean {
  return formData.has(INTENT);
}

/**
 * The error map of every form. A message the schema chose (an i18n key) is
 * kept; whatever the schema did not name becomes a key under the feature's
 * `messages` namespace (`<namespace>.required`, `.tooLong`, `.invalid`),
 * never zod's English text.
 */
export function formErrorMap(messages: string): z.ZodErrorMap {
  return (issue, ctx) => {
    if (ctx.defaultError !== z.defaultErrorMap(issue, ctx).message) return { message: ctx.defaultError };
    if (issue.code === z.ZodIssueCode.invalid_type && issue.received === z.ZodParsedType.undefined)
      return { message: `${messages}.required` };
    if (issue.code === z.ZodIssueCode.too_big) return { message: `${messages}.tooLong` };
    return { message: `${messages}.invalid` };
  };
}

/** The top-level field names a schema reads (through refinements, unions and pipes). */
export function fieldNamesOf(schema: z.ZodTypeAny): Set<string> {
  if (schema instanceof z.ZodEffects) return fieldNamesOf(schema.innerType());
  if (schema instanceof z.ZodPipeline) return fieldNamesOf(schema._def.in);
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    const names = new Set<string>();
    for (const option of schema.options as z.ZodTypeAny[]) for (const name of fieldNamesOf(option)) names.add(name);
    return names;
  }
  if (schema instanceof z.ZodIntersection)
    return new Set([...fieldNamesOf(schema._def.left), ...fieldNamesOf(schema._def.right)]);
  throw new Error("parseForm needs an object schema");
}

function isFieldOf(name: string, fields: ReadonlySet<string>, maxIndex: number): boolean {
  if (name.length > MAX_NAME_LENGTH || !fields.has(name.split(/[.[]/, 1)[0])) return false;
  return [...name.matchAll(/\[(\d*)\]/g)].every(([, index]) => index !== "" && Number(index) <= maxIndex);
}

function parseJson(value: FormDataEntryValue): unknown {
  if (typeof value !== "string" || value.length > MAX_JSON_LENGTH) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const isIndex = (value: unknown, maxIndex: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= maxIndex;

/**
 * conform's intent, rebuilt from what it may say here: "validate" of a known
 * field (or the whole form), and "insert" / "remove" / "reorder" of a known
 * list at a bounded index (without a default value). Anything else, or
 * anything malformed, becomes "validate": it can neither rewrite a field nor
 * count as a submission.
 */
function sanitisedIntent(value: FormDataEntryValue, fields: ReadonlySet<string>, maxIndex: number): string {
  const intent = parseJson(value) as { type?: unknown; payload?: Record<string, unknown> } | null;
  const payload = intent?.payload;
  if (!intent || typeof payload !== "object" || payload === null) return VALIDATE_ONLY;
  const name = payload.name;
  switch (intent.type) {
    case "validate":
      if (name === undefined) return VALIDATE_ONLY;
      return typeof name === "string" && isFieldOf(name, fields, maxIndex)
        ? JSON.stringify({ type: "validate", payload: { name } })
        : VALIDATE_ONLY;
    case "insert":
      if (typeof name !== "string" || !fields.has(name)) return VALIDATE_ONLY;
      if (payload.index !== undefined && !isIndex(payload.index, maxIndex)) return VALIDATE_ONLY;
      return JSON.stringify({ type: "insert", payload: { name, index: payload.index } });
    case "remove":
      if (typeof name !== "string" || !fields.has(name) || !isIndex(payload.index, maxIndex)) return VALIDATE_ONLY;
      return JSON.stringify({ type: "remove", payload: { name, index: payload.index } });
    case "reorder":
      if (
        typeof name !== "string" ||
        !fields.has(name) ||
        !isIndex(payload.from, maxIndex) ||
        !isIndex(payload.to, maxIndex)
      )
        return VALIDATE_ONLY;
      return JSON.stringify({ type: "reorder", payload: { name, from: payload.from, to: payload.to } });
    default:
      return VALIDATE_ONLY;
  }
}

/** conform's state is `{ validated: { [field]: boolean } }`; anything else is dropped. */
function isValidatedState(value: FormDataEntryValue, fields: ReadonlySet<string>, maxIndex: number): boolean {
  const state = parseJson(value) as { validated?: unknown } | null;
  if (!state || typeof state !== "object" || Object.keys(state).some((key) => key !== "validated")) return false;
  const validated = state.validated;
  return (
    typeof validated === "object" &&
    validated !== null &&
    !Array.isArray(validated) &&
    Object.entries(validated).every(
      ([key, flag]) => (key === "" || isFieldOf(key, fields, maxIndex)) && typeof flag === "boolean",
    )
  );
}

export interface ParseOptions {
  /** the i18n namespace of the fallback messages, e.g. "members.errors" */
  messages: string;
  /** the highest list index a field name may carry (`roles[6].share`) */
  maxIndex?: number;
}

/**
 * Parses a form against an object schema (optionally refined) with conform.
 * Only the fields the schema names are read, as plain strings: files,
 * made-up names (`x[99999999]` would make conform build a hundred-million
 * entry array) and indexes over `maxIndex` are dropped. conform's intent is
 * kept, rebuilt (see sanitisedIntent), so a validation request parses as
 * one and never as a submission.
 */
export function parseForm<Schema extends z.ZodTypeAny>(
  formData: FormData | URLSearchParams,
  schema: Schema,
  options: ParseOptions,
) {
  const maxIndex = options.maxIndex ?? DEFAULT_MAX_INDEX;
  const fields = fieldNamesOf(schema);
  const clean = new URLSearchParams();
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && isFieldOf(name, fields, maxIndex)) clean.append(name, value);
  }
  const intents = formData.getAll(INTENT);
  if (intents.length > 0)
    clean.set(INTENT, intents.length === 1 ? sanitisedIntent(intents[0], fields, maxIndex) : VALIDATE_ONLY);
  const state = formData.getAll(STATE);
  if (state.length === 1 && isValidatedState(state[0], fields, maxIndex)) clean.set(STATE, state[0] as string);
  const errorMap = formErrorMap(options.messages);
  try {
    return parseWithZod(clean, { schema, errorMap });
  } catch {
    // a list change on a field that holds one value (conform throws): validate only
    clean.set(INTENT, VALIDATE_ONLY);
    return parseWithZod(clean, { schema, errorMap });
  }
}

/** For `useForm({ onValidate })`: the same parsing in the browser. */
export function validateWith<Schema extends z.ZodTypeAny>(schema: Schema | (() => Schema), options: ParseOptions) {
  return ({ formData }: { formData: FormData }) =>
    parseForm(formData, typeof schema === "function" ? schema() : schema, options);
}

/** The keys `hideFields` should list: what a person typed here never comes back. */
export const SECRET_FIELDS = ["password", "confirmPassword"];

/**
 * The answer to anything that did not write: a form that did not pass (400,
 * the errors per field and what was typed, minus the secret fields), or one
 * of conform's requests (the validation result). `extra` goes beside
 * `lastResult` for the page (e.g. which of its forms sent it).
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

/**
 * Every message of an answer, field and form errors together, for pages
 * whose form has one field or none (a confirmation) and lists them in one
 * place. An absent answer (nothing submitted yet) has none.
 */
export function allMessagesOf(lastResult: { error?: Record<string, string[] | null> | null } | undefined): string[] {
  return Object.values(lastResult?.error ?? {}).flatMap((messages) => messages ?? []);
}

/* ------------------------------------------------------------------ */
/* Versions: no silent lost update                                      */
/* ------------------------------------------------------------------ */

/** The version a form was loaded from (a hidden input), required by every form that edits an existing record. */
export const versionField = (message = "forms.version") =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .refine((version) => version >= 1, message);

export type { FieldConflict };

/**
 * The 409 answer to a stale save: nothing was written; the form comes back
 * with what the person typed, the fields that differ, and the current
 * version, so saving again is a deliberate choice.
 */
export function conflictSubmission<Extra extends Record<string, unknown> = Record<never, never>>(
  submission: Pick<Submission<unknown>, "reply">,
  options: { conflict: FieldConflict[]; version: number; extra?: Extra },
) {
  return data(
    {
      ...(options.extra as Extra),
      lastResult: submission.reply({ formErrors: ["forms.conflict.title"] }),
      conflict: options.conflict,
      version: options.version,
    },
    { status: 409 },
  );
}
