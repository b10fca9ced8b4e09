import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { ASSESSMENT_NOTE_MAX, validateShares } from "~/domain/team";
import { ROLE_IDS, type RoleId, type SkillLevel } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { EMAIL_MAX, NAME_MAX, textField } from "~/utils/validation";

/**
 * The team forms' schemas, shared by the server (the check that counts) and
 * the browser (early feedback). Messages are i18n keys under
 * "members.errors"; the page renders t(key).
 */

export const TITLE_MAX = 100;
export const NOTE_MAX = ASSESSMENT_NOTE_MAX;
/** one row per role at most: a person cannot hold a role twice */
export const MAX_ROLE_ROWS = ROLE_IDS.length;
/** rows the form shows without JavaScript (which can add more) */
export const DEFAULT_ROLE_ROWS = 3;
export const LIST_ITEM_MAX = 40;
export const LIST_MAX_ITEMS = 20;
const ID_MAX = 64;

const E = "members.errors";
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** a note may have line breaks and tabs, no other control characters */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOTE_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Fields whose "missing" has a message of its own (conform turns an empty input into a missing value). */
const REQUIRED_MESSAGES: Readonly<Record<string, string>> = {
  name: `${E}.name.required`,
  skillId: `${E}.skillId.required`,
  level: `${E}.level.required`,
  assessedOn: `${E}.assessedOn.required`,
  confirm: `${E}.confirm.required`,
};

/**
 * Whatever a schema did not name: a key, never zod's English text. A key the
 * schema gave (a field's own invalid_type_error or errorMap) comes through as
 * the default and wins; the map passed to the parse would otherwise override it.
 */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === z.ZodIssueCode.invalid_type && issue.received === z.ZodParsedType.undefined) {
    const field = issue.path.length === 1 ? String(issue.path[0]) : "";
    return { message: REQUIRED_MESSAGES[field] ?? `${E}.required` };
  }
  if (ctx.defaultError.startsWith(`${E}.`)) return { message: ctx.defaultError };
  if (issue.code === z.ZodIssueCode.too_big) return { message: `${E}.tooLong` };
  return { message: `${E}.invalid` };
};

/**
 * Parses a submitted form with conform, reading only the named fields as
 * plain strings: conform's path syntax (`roles[99999999].share`), its reserved
 * inputs and uploaded files would only open ways to slow down or crash the
 * parser. In the browser, `keepIntent` lets conform's list buttons through.
 */
function parseForm<Schema extends z.ZodTypeAny>(
  formData: FormData | URLSearchParams,
  options: { schema: Schema; accepts: (name: string) => boolean; keepIntent?: boolean },
) {
  const clean = new URLSearchParams();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (options.accepts(name) || (options.keepIntent && (name === "__intent__" || name === "__state__"))) clean.append(name, value);
  }
  return parseWithZod(clean, { schema: options.schema, errorMap });
}

/**
 * The body of a form POST, or an empty form when it cannot be read (a wrong
 * content type, a broken multipart body): that is the client's mistake, and
 * the empty form then fails validation like any other incomplete one.
 */
export async function readFormData(request: Request): Promise<FormData | URLSearchParams> {
  try {
    return await request.formData();
  } catch {
    return new URLSearchParams();
  }
}

/* ------------------------------------------------------------------ */
/* Small fields                                                         */
/* ------------------------------------------------------------------ */

const optionalText = (max: number, key: string) =>
  z
    .string({ invalid_type_error: `${E}.${key}.invalid` })
    .trim()
    .max(max, `${E}.${key}.tooLong`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${E}.${key}.invalid`)
    .optional()
    .transform((value) => value ?? "");

/** An id from a select (a member, a user): shape only; the model checks it exists here. */
const optionalId = (key: string) =>
  z
    .string({ invalid_type_error: `${E}.${key}.invalid` })
    .trim()
    .max(ID_MAX, `${E}.${key}.invalid`)
    .regex(/^[A-Za-z0-9_-]+$/, `${E}.${key}.invalid`)
    .optional()
    .transform((value) => value ?? null);

const roleIdField = (key: string) =>
  z
    .enum(ROLE_IDS, { errorMap: () => ({ message: `${E}.${key}.invalid` }) })
    .optional()
    .transform((value): RoleId | null => value ?? null);

/** A calendar day as the date input sends it (YYYY-MM-DD), at midnight UTC, or null. */
export function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest day that is already today somewhere on Earth (UTC+14): an
 * assessment dated today in Shanghai or Auckland is not "in the future" for a
 * server on UTC.
 */
export function latestToday(now: Date = new Date()): string {
  return dayString(new Date(now.getTime() + 14 * 60 * 60 * 1000));
}

const EARLIEST_DAY = "1900-01-01";
const LATEST_START_DAY = "2100-12-31";

const startDateField = z
  .string({ invalid_type_error: `${E}.startDate.invalid` })
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return null;
    const date = parseDay(value);
    if (!date || value < EARLIEST_DAY || value > LATEST_START_DAY) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.startDate.invalid` });
      return z.NEVER;
    }
    return date;
  });

/** Splits "US, DE，JP、FR" (commas of either script, semicolons, line breaks), trimmed, each once. */
export function splitList(values: readonly (string | undefined)[]): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    for (const raw of (value ?? "").split(/[,，、;；\n]/)) {
      const item = raw.trim().normalize("NFC");
      const key = item.toLocaleLowerCase();
      if (item === "" || seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

/** Markets or languages: one comma-separated input, or the same input repeated. */
const listField = z
  .union([z.string(), z.array(z.string().optional())], { errorMap: () => ({ message: `${E}.list.invalid` }) })
  .optional()
  .transform((value, ctx) => {
    const items = splitList(value === undefined ? [] : typeof value === "string" ? [value] : value);
    const fail = (message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    };
    if (items.some((item) => CONTROL_CHARACTERS.test(item))) return fail(`${E}.list.invalid`);
    if (items.some((item) => item.length > LIST_ITEM_MAX)) return fail(`${E}.list.itemTooLong`);
    if (items.length > LIST_MAX_ITEMS) return fail(`${E}.list.tooMany`);
    return items;
  });

/* ------------------------------------------------------------------ */
/* Roles with shares                                                    */
/* ------------------------------------------------------------------ */

export type RoleRowValue = {
  roleId?: string;
  share?: string;
};

interface RowIssue {
  path: (string | number)[];
  message: string;
}

/** "50", "50 %" or "50%": a whole percent; anything else is not a share. */
export function parseSharePercent(text: string): number | null {
  const match = /^(\d{1,3})\s*%?$/.exec(text.trim());
  if (!match) return null;
  const percent = Number(match[1]);
  return percent >= 1 && percent <= 100 ? percent : null;
}

/**
 * The role rows as typed: an empty row is skipped; a role without a share or
 * a share without a role is an error on that row; then the rules of
 * validateShares (each role once, at most 100 % together) and at least one
 * role. Paths keep the row's index, so the message sits beside the row.
 */
export function readRoleRows(rows: readonly (RoleRowValue | undefined)[]): {
  roles: { roleId: RoleId; sharePercent: number }[];
  issues: RowIssue[];
} {
  const issues: RowIssue[] = [];
  const filled: { index: number; roleId: RoleId; sharePercent: number }[] = [];
  rows.forEach((row, index) => {
    const roleId = row?.roleId?.trim() ?? "";
    const share = row?.share?.trim() ?? "";
    if (roleId === "" && share === "") return;
    let complete = true;
    if (roleId === "") {
      issues.push({ path: [index, "roleId"], message: `${E}.role.required` });
      complete = false;
    } else if (!isRoleId(roleId)) {
      issues.push({ path: [index, "roleId"], message: `${E}.role.unknown` });
      complete = false;
    }
    const percent = share === "" ? null : parseSharePercent(share);
    if (percent === null) {
      issues.push({ path: [index, "share"], message: share === "" ? `${E}.share.required` : `${E}.share.invalid` });
      complete = false;
    }
    if (complete && percent !== null && isRoleId(roleId)) filled.push({ index, roleId, sharePercent: percent });
  });
  if (filled.length === 0 && issues.length === 0) issues.push({ path: [], message: `${E}.roles.required` });
  for (const problem of validateShares(filled.map((row) => ({ roleId: row.roleId, share: row.sharePercent / 100 })))) {
    if (problem.code === "total_over_one") issues.push({ path: [], message: `${E}.roles.totalOver` });
    else if (problem.code === "duplicate_role") issues.push({ path: [filled[problem.index].index, "roleId"], message: `${E}.role.duplicate` });
    else issues.push({ path: [filled[problem.index].index, "share"], message: `${E}.share.invalid` });
  }
  return { roles: filled.map(({ roleId, sharePercent }) => ({ roleId, sharePercent })), issues };
}

const roleRowField = z
  .object(
    {
      roleId: z.string({ invalid_type_error: `${E}.role.unknown` }).optional(),
      share: z.string({ invalid_type_error: `${E}.share.invalid` }).optional(),
    },
    { invalid_type_error: `${E}.roles.invalid` },
  )
  .optional();

const rolesField = z
  .array(roleRowField, { invalid_type_error: `${E}.roles.invalid` })
  .max(MAX_ROLE_ROWS, `${E}.roles.invalid`)
  .optional()
  .transform((rows, ctx) => {
    const { roles, issues } = readRoleRows(rows ?? []);
    for (const issue of issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
    return roles;
  });

/* ------------------------------------------------------------------ */
/* The member form                                                      */
/* ------------------------------------------------------------------ */

export const memberSchema = z.object({
  name: textField({ max: NAME_MAX, messages: { required: `${E}.name.required`, tooLong: `${E}.name.tooLong`, invalid: `${E}.name.invalid` } }),
  email: z
    .string({ invalid_type_error: `${E}.email.invalid` })
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, `${E}.email.tooLong`)
    .email(`${E}.email.invalid`)
    .optional()
    .transform((value) => value ?? null),
  title: optionalText(TITLE_MAX, "title"),
  roles: rolesField,
  department: roleIdField("department"),
  managerId: optionalId("managerId"),
  markets: listField,
  languages: listField,
  startDate: startDateField,
  userId: optionalId("userId"),
});

export type MemberFormValue = z.output<typeof memberSchema>;

const MEMBER_FIELDS: ReadonlySet<string> = new Set(["name", "email", "title", "department", "managerId", "markets", "languages", "startDate", "userId"]);
const ROLE_ROW_FIELD = new RegExp(`^roles\\[[0-${MAX_ROLE_ROWS - 1}]\\]\\.(roleId|share)$`);

export function parseMemberForm(formData: FormData | URLSearchParams, options: { keepIntent?: boolean } = {}) {
  return parseForm(formData, {
    schema: memberSchema,
    accepts: (name) => MEMBER_FIELDS.has(name) || ROLE_ROW_FIELD.test(name),
    keepIntent: options.keepIntent,
  });
}

/* ------------------------------------------------------------------ */
/* The assessment form                                                  */
/* ------------------------------------------------------------------ */

/** Built per request: the skills are the organisation's playbook's, "today" is the request's. */
export function assessmentSchema({ skillIds, today }: { skillIds: readonly string[]; today: string }) {
  const known = new Set(skillIds);
  return z.object({
    skillId: z
      .string({ required_error: `${E}.skillId.required`, invalid_type_error: `${E}.skillId.unknown` })
      .trim()
      .refine((value) => known.has(value), `${E}.skillId.unknown`),
    level: z
      .string({ required_error: `${E}.level.required`, invalid_type_error: `${E}.level.invalid` })
      .trim()
      .regex(/^[0-4]$/, `${E}.level.invalid`)
      .transform((value) => Number(value) as SkillLevel),
    assessedOn: z
      .string({ required_error: `${E}.assessedOn.required`, invalid_type_error: `${E}.assessedOn.invalid` })
      .trim()
      .transform((value, ctx) => {
        const date = parseDay(value);
        if (!date || value < EARLIEST_DAY) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.assessedOn.invalid` });
          return z.NEVER;
        }
        if (value > today) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.assessedOn.future` });
          return z.NEVER;
        }
        return date;
      }),
    note: z
      .string({ invalid_type_error: `${E}.note.invalid` })
      .trim()
      .max(NOTE_MAX, `${E}.note.tooLong`)
      .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), `${E}.note.invalid`)
      .optional()
      .transform((value) => value ?? ""),
  });
}

const ASSESSMENT_FIELDS: ReadonlySet<string> = new Set(["skillId", "level", "assessedOn", "note"]);

export function parseAssessmentForm(formData: FormData | URLSearchParams, options: { skillIds: readonly string[]; today: string }) {
  return parseForm(formData, { schema: assessmentSchema(options), accepts: (name) => ASSESSMENT_FIELDS.has(name) });
}

/* ------------------------------------------------------------------ */
/* Removing a member                                                    */
/* ------------------------------------------------------------------ */

export const deleteSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm.required` }) }),
});

export function parseDeleteForm(formData: FormData | URLSearchParams) {
  return parseForm(formData, { schema: deleteSchema, accepts: (name) => name === "confirm" });
}
