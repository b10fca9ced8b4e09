import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { USER_KINDS } from "~/domain/permissions";
import { isRoleId } from "~/domain/vocabulary";

/**
 * Zod pieces and parsing for the settings forms, shared by the server and
 * the browser. Messages are i18n keys (under "admin.errors" unless a shared
 * field of app/utils/validation.ts brings its own); the page renders t(key).
 */

/**
 * Whatever a schema did not name: a key, never zod's English text. Zod
 * applies this map last, so a message the schema chose is kept as it is.
 */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  const zodDefault = z.defaultErrorMap(issue, ctx).message;
  if (ctx.defaultError !== zodDefault) return { message: ctx.defaultError };
  if (issue.code === z.ZodIssueCode.invalid_type && issue.received === z.ZodParsedType.undefined) {
    return { message: "admin.errors.required" };
  }
  if (issue.code === z.ZodIssueCode.too_big) return { message: "admin.errors.tooLong" };
  if (issue.code === z.ZodIssueCode.invalid_enum_value) return { message: "admin.errors.invalidChoice" };
  return { message: "admin.errors.invalid" };
};

/** Conform's own inputs: the "validate" intent of live validation, and its state. */
const INTENT = "__intent__";
const STATE = "__state__";
/** What any other or malformed intent becomes: a request to validate, which never writes. */
const VALIDATE_ONLY = JSON.stringify({ type: "validate", payload: {} });

/**
 * Parses a submitted form with conform. Only the named fields are read, as
 * plain strings: conform's path syntax (`departments[999999999]`) and
 * uploaded files mean nothing to these forms and would only open ways to
 * crash or exhaust the parser. Of conform's intents only "validate" (what
 * live validation sends) passes; any other or malformed one is read as
 * "validate" too, so it can neither rewrite a field nor count as a submission.
 */
export function parseSettingsForm<Schema extends z.ZodTypeAny>(
  formData: FormData | URLSearchParams,
  options: { schema: Schema; fields: readonly string[] },
) {
  const clean = new URLSearchParams();
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && options.fields.includes(name)) clean.append(name, value);
  }
  const intents = formData.getAll(INTENT);
  if (intents.length > 0) clean.set(INTENT, intents.length === 1 ? validateIntent(intents[0], options.fields) : VALIDATE_ONLY);
  const state = formData.getAll(STATE);
  if (state.length === 1 && typeof state[0] === "string" && isValidatedState(state[0], options.fields)) clean.set(STATE, state[0]);
  return parseWithZod(clean, { schema: options.schema, errorMap });
}

function parseJson(value: FormDataEntryValue): unknown {
  if (typeof value !== "string" || value.length > 1000) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function validateIntent(value: FormDataEntryValue, fields: readonly string[]): string {
  const intent = parseJson(value) as { type?: unknown; payload?: { name?: unknown } } | null;
  const name = intent?.payload?.name;
  if (intent?.type === "validate" && (name === undefined || (typeof name === "string" && fields.includes(name)))) {
    return JSON.stringify({ type: "validate", payload: name === undefined ? {} : { name } });
  }
  return VALIDATE_ONLY;
}

/** Conform's state is `{ validated: { [field]: boolean } }`; anything else is dropped. */
function isValidatedState(value: string, fields: readonly string[]): boolean {
  const state = parseJson(value) as { validated?: unknown } | null;
  if (!state || typeof state !== "object" || Object.keys(state).some((key) => key !== "validated")) return false;
  const validated = state.validated;
  return (
    typeof validated === "object" &&
    validated !== null &&
    !Array.isArray(validated) &&
    Object.entries(validated).every(([key, flag]) => fields.includes(key) && typeof flag === "boolean")
  );
}

/** For `useForm({ onValidate })` in the browser: the same parsing. */
export function validateSettingsForm<Schema extends z.ZodTypeAny>(schema: Schema, fields: readonly string[]) {
  return ({ formData }: { formData: FormData }) => parseSettingsForm(formData, { schema, fields });
}

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

/**
 * The body of a form POST. A body that is not a form (JSON, a broken
 * multipart) is the client's mistake: 400, not a crash.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The request body is not a form.", { status: 400 });
  }
}

/**
 * A record id from the address, or null when it cannot be one (ids are
 * cuids). Such a value never reaches a query: it is simply not found.
 */
export function recordIdParam(value: string | undefined): string | null {
  return value && /^[a-z0-9]{1,64}$/i.test(value) ? value : null;
}
