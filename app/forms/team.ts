import { z } from "zod";
import { parseDay } from "~/domain/calendar-day";
import { validateShares } from "~/domain/team";
import { ALL_ROLE_IDS, type RoleId, type SkillLevel } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { parseForm, versionField } from "~/utils/forms";
import { CONTROL_CHARACTERS, EMAIL_MAX, NAME_MAX, NOTE_CONTROL_CHARACTERS, textField } from "./common";

/**
 * The team forms: a member, an assessment, removing a member. The same
 * schemas check on the server (the check that counts) and in the browser
 * (early feedback). Messages are i18n keys under "members.errors".
 */

export const TITLE_MAX = 100;
export const NOTE_MAX = 2000;
/** one row per role at most: a person cannot hold a role twice */
export const MAX_ROLE_ROWS = ALL_ROLE_IDS.length;
/**
 * Rows a new member's form starts with: one (most people hold one role).
 * With JavaScript "Add a role" adds rows; without it, the edit form always
 * brings one empty row more than the member has, so a second role is one save away.
 */
export const DEFAULT_ROLE_ROWS = 1;
export const LIST_ITEM_MAX = 40;
export const LIST_MAX_ITEMS = 20;
const ID_MAX = 64;

const E = "members.errors";
/** How every team form is parsed: fallback messages, and list indexes up to the role rows. */
export const TEAM_FORM = { messages: E, maxIndex: MAX_ROLE_ROWS - 1 } as const;

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
    .string({ invalid_type_error: `${E}.${key}.invalid` })
    // the seven, the library's or an own role's id; the model checks the organisation's playbook holds it
    .refine((value): value is RoleId => isRoleId(value), `${E}.${key}.invalid`)
    .optional()
    .transform((value): RoleId | null => value ?? null);

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
    else if (problem.code === "duplicate_role")
      issues.push({ path: [filled[problem.index].index, "roleId"], message: `${E}.role.duplicate` });
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
  name: textField({
    max: NAME_MAX,
    messages: { required: `${E}.name.required`, tooLong: `${E}.name.tooLong`, invalid: `${E}.name.invalid` },
  }),
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

/** Editing a member: the same fields, and the version the form was loaded from. */
export const memberEditSchema = memberSchema.extend({ version: versionField() });

export function parseMemberForm(formData: FormData | URLSearchParams) {
  return parseForm(formData, memberSchema, TEAM_FORM);
}

export function parseMemberEditForm(formData: FormData | URLSearchParams) {
  return parseForm(formData, memberEditSchema, TEAM_FORM);
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

export function parseAssessmentForm(
  formData: FormData | URLSearchParams,
  options: { skillIds: readonly string[]; today: string },
) {
  return parseForm(formData, assessmentSchema(options), TEAM_FORM);
}

/* ------------------------------------------------------------------ */
/* Removing a member                                                    */
/* ------------------------------------------------------------------ */

export const deleteSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: `${E}.confirm.required` }) }),
});

export function parseDeleteForm(formData: FormData | URLSearchParams) {
  return parseForm(formData, deleteSchema, TEAM_FORM);
}

/* ------------------------------------------------------------------ */
/* Versions: what a refused stale save shows                            */
/* ------------------------------------------------------------------ */

export const MEMBER_FIELDS = [
  "name",
  "email",
  "title",
  "roles",
  "department",
  "managerId",
  "markets",
  "languages",
  "startDate",
  "userId",
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** A member (as saved, or as submitted) the way the conflict notice compares and shows it: one string per field. */
export function memberFormValues(member: {
  name: string;
  email: string | null;
  title: string;
  roles: readonly { roleId: string; sharePercent: number }[];
  department: string | null;
  managerId: string | null;
  markets: readonly string[];
  languages: readonly string[];
  startDate: Date | null;
  userId: string | null;
}): Record<MemberField, string> {
  const roles = [...member.roles].sort((a, b) => b.sharePercent - a.sharePercent || a.roleId.localeCompare(b.roleId));
  return {
    name: member.name,
    email: member.email ?? "",
    title: member.title,
    roles: roles.map((role) => `${role.roleId}:${role.sharePercent}`).join(","),
    department: member.department ?? "",
    managerId: member.managerId ?? "",
    markets: member.markets.join(", "),
    languages: member.languages.join(", "),
    startDate: member.startDate ? member.startDate.toISOString().slice(0, 10) : "",
    userId: member.userId ?? "",
  };
}
