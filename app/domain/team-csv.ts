/**
 * The team's CSV formats (members, and skill assessments): what the columns
 * mean, every row checked against them and against the organisation, and a
 * plan of the writes when nothing is wrong. Also the reverse: the organisation
 * as rows, so an export re-imports without changes.
 *
 * Pure: the records come from app/utils/csv.ts (text ⇄ rows), the
 * organisation from app/models/team-import.server.ts. A file with one bad row
 * plans nothing; every problem is listed as a RowError with a code that the
 * page translates.
 */
import { z } from "zod";
import { dayString, parseDay } from "./calendar-day";
import { findReportingCycle, validateShares } from "./team";
import type { RoleId, SkillLevel } from "./types";
import { roleIdFromLabel, skillIndex, type ExportLabels } from "./csv-labels";
import { isRoleId, isSkillLevel } from "./vocabulary";

/* ------------------------------------------------------------------ */
/* Formats                                                              */
/* ------------------------------------------------------------------ */

export const MEMBER_COLUMNS = [
  "name",
  "email",
  "title",
  "department",
  "roles",
  "manager_email",
  "markets",
  "languages",
  "start_date",
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

export const ASSESSMENT_COLUMNS = ["member_email", "skill", "level", "assessed_on", "assessor", "note"] as const;
export type AssessmentColumn = (typeof ASSESSMENT_COLUMNS)[number];

export const IMPORT_KINDS = ["members", "assessments"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const COLUMNS: Record<ImportKind, readonly string[]> = {
  members: MEMBER_COLUMNS,
  assessments: ASSESSMENT_COLUMNS,
};

/**
 * Columns a file may have besides the required ones (issue 18): the ids beside
 * the labels an export writes, and the member's name for the reader of an
 * assessments file. An id column wins over its label column; both filled and
 * naming different things is an error.
 */
export const OPTIONAL_COLUMNS: Record<ImportKind, readonly string[]> = {
  members: ["department_id", "role_ids"],
  assessments: ["member_name", "skill_id"],
};

/** The columns of an export: labels in the reader's language, the ids in their own columns. */
export const EXPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  members: [
    "name",
    "email",
    "title",
    "department",
    "department_id",
    "roles",
    "role_ids",
    "manager_email",
    "markets",
    "languages",
    "start_date",
  ],
  assessments: ["member_name", "member_email", "skill", "skill_id", "level", "assessed_on", "assessor", "note"],
};

export type { ExportLabels } from "./csv-labels";

/**
 * The limits of the member and assessment forms (a test keeps them equal), and
 * how many data rows one file may hold: enough for a large company, small
 * enough for one transaction.
 */
export const IMPORT_LIMITS = {
  name: 100,
  title: 100,
  email: 254,
  assessor: 100,
  note: 2000,
  listItem: 40,
  listItems: 20,
  rows: 5000,
} as const;

/** How much of a bad value an error repeats: enough to find it in the file. */
const SHOWN_VALUE_MAX = 100;

const EARLIEST_DAY = "1900-01-01";
const LATEST_START_DAY = "2100-12-31";

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

export const ROW_ERROR_CODES = [
  // the file as a whole
  "not_text",
  "empty_file",
  "no_rows",
  "too_many_rows",
  "csv_unclosed_quote",
  "csv_bad_quote",
  "missing_column",
  "unknown_column",
  "duplicate_column",
  "looks_like_members",
  "looks_like_assessments",
  "extra_cells",
  // one cell
  "required",
  "too_long",
  "invalid_text",
  "invalid_email",
  "duplicate_email",
  "roles_format",
  "role_unknown",
  "role_duplicate",
  "share_invalid",
  "shares_over_100",
  "department_unknown",
  "manager_unknown",
  "manager_self",
  "manager_cycle",
  "list_item_too_long",
  "list_too_many",
  "date_invalid",
  "date_future",
  "member_unknown",
  "skill_unknown",
  "level_invalid",
  "self_assessment",
  // a label column and its id column name different things
  "label_id_mismatch",
  // a row of the template's examples, left in the file
  "sample_row",
  // the organisation changed while the file was being written: nothing was imported
  "conflict",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

/**
 * One problem of an import. `row` is 1-based and counts the header as row 1,
 * as a spreadsheet numbers them; `column` is the column's name in the file
 * (empty for the file or the row as a whole); `params` fill the message.
 */
export interface RowError {
  row: number;
  column: string;
  value: string;
  code: RowErrorCode;
  params?: Record<string, string | number>;
}

export type PlanResult<Plan> = { ok: true; plan: Plan } | { ok: false; errors: RowError[] };

function shown(value: string): string {
  return value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value;
}

function rowError(
  row: number,
  column: string,
  value: string,
  code: RowErrorCode,
  params?: RowError["params"],
): RowError {
  return params ? { row, column, value: shown(value), code, params } : { row, column, value: shown(value), code };
}

/* ------------------------------------------------------------------ */
/* Cells                                                                */
/* ------------------------------------------------------------------ */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** a note may have line breaks and tabs, no other control characters */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOTE_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "invalid_text");

const requiredLine = (max: number) => singleLine(max).refine((value) => value !== "", "required");

const emailCell = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value !== "", "required")
  .refine((value) => value.length <= IMPORT_LIMITS.email, "too_long")
  .pipe(z.string().email("invalid_email"));

const optionalEmailCell = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value.length <= IMPORT_LIMITS.email, "too_long")
  .pipe(z.union([z.literal(""), z.string().email("invalid_email")], { errorMap: () => ({ message: "invalid_email" }) }))
  .transform((value) => (value === "" ? null : value));

const noteCell = z
  .string()
  .trim()
  .max(IMPORT_LIMITS.note, "too_long")
  .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), "invalid_text");

const levelCell = z
  .string()
  .trim()
  .refine((value) => value !== "", "required")
  .pipe(z.string().regex(/^[0-4]$/, "level_invalid"))
  .transform((value) => Number(value))
  .refine(isSkillLevel, "level_invalid");

/** A calendar day of a cell ("2024-03-01", or "2024/3/1" as a spreadsheet saves it), as the ISO day. */
function parseCsvDay(text: string): string | null {
  const date = parseDay(text, { spreadsheet: true });
  return date ? dayString(date) : null;
}

const dayCell = (latest: string) =>
  z
    .string()
    .trim()
    .refine((value) => value !== "", "required")
    .transform((value, ctx) => {
      const day = parseCsvDay(value);
      if (day === null || day < EARLIEST_DAY) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "date_invalid" });
        return z.NEVER;
      }
      if (day > latest) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "date_future" });
        return z.NEVER;
      }
      return day;
    });

const startDateCell = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const day = parseCsvDay(value);
    if (day === null || day < EARLIEST_DAY || day > LATEST_START_DAY) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "date_invalid" });
      return z.NEVER;
    }
    return day;
  });

/**
 * Splits "US;DE", "US, DE，JP、FR" (semicolons and commas of either script,
 * line breaks), trimmed, each once: the member form's rule for markets and
 * languages.
 */
function splitCsvList(value: string): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(/[,，、;；\n]/)) {
    const item = raw.trim().normalize("NFC");
    const key = item.toLocaleLowerCase();
    if (item === "" || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

const listCell = z
  .string()
  .transform((value) => splitCsvList(value))
  .refine((items) => !items.some((item) => CONTROL_CHARACTERS.test(item)), "invalid_text")
  .refine((items) => items.every((item) => item.length <= IMPORT_LIMITS.listItem), "list_item_too_long")
  .refine((items) => items.length <= IMPORT_LIMITS.listItems, "list_too_many");

/** An id or a label in either language (see csv-labels.ts); empty: no department. */
const departmentCell = z
  .string()
  .trim()
  .refine((value) => value === "" || roleIdFromLabel(value) !== null, "department_unknown")
  .transform((value): RoleId | null => (value === "" ? null : roleIdFromLabel(value)));

const COLUMN_MAX: Record<string, number> = {
  name: IMPORT_LIMITS.name,
  title: IMPORT_LIMITS.title,
  email: IMPORT_LIMITS.email,
  member_email: IMPORT_LIMITS.email,
  manager_email: IMPORT_LIMITS.email,
  assessor: IMPORT_LIMITS.assessor,
  note: IMPORT_LIMITS.note,
};

/** The numbers a message names. */
const MESSAGE_PARAMS: Partial<Record<RowErrorCode, (column: string) => Record<string, number>>> = {
  too_long: (column) => ({ max: COLUMN_MAX[column] ?? 0 }),
  list_item_too_long: () => ({ max: IMPORT_LIMITS.listItem }),
  list_too_many: () => ({ max: IMPORT_LIMITS.listItems }),
};

function isRowErrorCode(value: string): value is RowErrorCode {
  return (ROW_ERROR_CODES as readonly string[]).includes(value);
}

/** Reads one cell with its schema; a failure becomes the cell's RowError (the first problem only). */
function readCell<Out>(
  schema: z.ZodType<Out, z.ZodTypeDef, string>,
  row: number,
  column: string,
  value: string,
  errors: RowError[],
): { ok: true; value: Out } | { ok: false } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "";
  const code: RowErrorCode = isRowErrorCode(message) ? message : "invalid_text";
  errors.push(rowError(row, column, value, code, MESSAGE_PARAMS[code]?.(column)));
  return { ok: false };
}

/* ------------------------------------------------------------------ */
/* Roles with shares: "product_manager:50;operations_manager:50"         */
/* ------------------------------------------------------------------ */

export interface RoleShare {
  roleId: RoleId;
  /** a whole percent, 1–100 */
  sharePercent: number;
}

/** "product_manager:50;operations_manager:50" (a full-width colon or a "%" after the number is fine too). */
function readRoles(row: number, value: string, errors: RowError[], column = "roles"): RoleShare[] | null {
  // NFKC first: full-width digits, colon and semicolon become their ASCII forms
  const entries = value
    .normalize("NFKC")
    .split(/[;；\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    errors.push(rowError(row, column, value, "required"));
    return null;
  }
  const before = errors.length;
  const parsed: { roleId: string; share: number }[] = [];
  for (const entry of entries) {
    const match = /^([^:：]*)[:：]\s*([^:：]*)$/.exec(entry);
    if (!match) {
      errors.push(rowError(row, column, value, "roles_format", { entry: shown(entry) }));
      continue;
    }
    const typed = match[1].trim();
    const roleId = roleIdFromLabel(typed) ?? typed;
    const share = /^(\d{1,3})\s*%?$/.exec(match[2].trim());
    const percent = share ? Number(share[1]) : Number.NaN;
    if (!(percent >= 1 && percent <= 100)) {
      errors.push(rowError(row, column, value, "share_invalid", { entry: shown(entry) }));
      continue;
    }
    parsed.push({ roleId, share: percent / 100 });
  }
  for (const problem of validateShares(parsed)) {
    if (problem.code === "unknown_role")
      errors.push(rowError(row, column, value, "role_unknown", { role: shown(problem.roleId) }));
    else if (problem.code === "duplicate_role")
      errors.push(rowError(row, column, value, "role_duplicate", { role: problem.roleId }));
    else if (problem.code === "total_over_one")
      errors.push(rowError(row, column, value, "shares_over_100", { total: Math.round(problem.total * 100) }));
    else errors.push(rowError(row, column, value, "share_invalid", { entry: shown(problem.roleId) }));
  }
  if (errors.length > before) return null;
  return parsed.map(({ roleId, share }) => ({ roleId: roleId as RoleId, sharePercent: Math.round(share * 100) }));
}

function formatRoles(roles: readonly RoleShare[], name: (id: string) => string = (id) => id): string {
  return [...roles]
    .sort((a, b) => b.sharePercent - a.sharePercent || a.roleId.localeCompare(b.roleId))
    .map((role) => `${name(role.roleId)}:${role.sharePercent}`)
    .join(";");
}

/* ------------------------------------------------------------------ */
/* The header and the data rows                                        */
/* ------------------------------------------------------------------ */

/** "Manager Email", " manager-email " → "manager_email". */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === "");

interface DataRow {
  /** 1-based, the header being row 1 */
  row: number;
  cell: (column: string) => string;
}

/**
 * The header's columns and the data rows (blank rows skipped, but counted, so
 * row numbers stay those of the spreadsheet), or the errors that make the
 * rows unreadable.
 */
function readTable(
  records: readonly (readonly string[])[],
  kind: ImportKind,
): { ok: true; rows: DataRow[] } | { ok: false; errors: RowError[] } {
  const headerAt = records.findIndex((record) => !isBlank(record));
  if (headerAt === -1) return { ok: false, errors: [rowError(1, "", "", "empty_file")] };
  const headerRow = headerAt + 1;
  const header = records[headerAt].map(columnName);
  const expected = COLUMNS[kind];
  const accepted = [...expected, ...OPTIONAL_COLUMNS[kind]];
  const other: ImportKind = kind === "members" ? "assessments" : "members";
  const present = new Set(header.filter((name) => name !== ""));
  if (COLUMNS[other].every((name) => present.has(name)) && !expected.every((name) => present.has(name))) {
    return {
      ok: false,
      errors: [rowError(headerRow, "", "", other === "members" ? "looks_like_members" : "looks_like_assessments")],
    };
  }

  const errors: RowError[] = [];
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    if (name === "") return;
    if (!accepted.includes(name))
      errors.push(
        rowError(headerRow, name, records[headerAt][position], "unknown_column", { expected: accepted.join(", ") }),
      );
    else if (index.has(name)) errors.push(rowError(headerRow, name, records[headerAt][position], "duplicate_column"));
    else index.set(name, position);
  });
  for (const name of expected) if (!index.has(name)) errors.push(rowError(headerRow, name, "", "missing_column"));
  if (errors.length > 0) return { ok: false, errors };

  const rows: DataRow[] = [];
  const known = new Set(index.values());
  for (let at = headerAt + 1; at < records.length; at += 1) {
    const record = records[at];
    if (isBlank(record)) continue;
    const row = at + 1;
    if (rows.length === IMPORT_LIMITS.rows)
      return { ok: false, errors: [rowError(row, "", "", "too_many_rows", { max: IMPORT_LIMITS.rows })] };
    // cells beyond the named columns: empty ones are a spreadsheet's habit, others are data that would be lost
    record.forEach((cell, position) => {
      if (!known.has(position) && cell.trim() !== "")
        errors.push(rowError(row, "", cell, "extra_cells", { position: position + 1 }));
    });
    rows.push({ row, cell: (column) => record[index.get(column) ?? -1] ?? "" });
  }
  if (rows.length === 0 && errors.length === 0) return { ok: false, errors: [rowError(headerRow, "", "", "no_rows")] };
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows };
}

/* ------------------------------------------------------------------ */
/* Members                                                              */
/* ------------------------------------------------------------------ */

/** A member of the organisation as the import compares and the export writes it. */
export interface ExistingMember {
  id: string;
  name: string;
  email: string | null;
  title: string;
  department: string | null;
  managerId: string | null;
  roles: readonly { roleId: string; sharePercent: number }[];
  markets: readonly string[];
  languages: readonly string[];
  /** ISO day, or null */
  startDate: string | null;
}

/** One member row of the file, read. */
export interface MemberImportRow {
  name: string;
  email: string;
  title: string;
  department: RoleId | null;
  roles: RoleShare[];
  managerEmail: string | null;
  markets: string[];
  languages: string[];
  startDate: string | null;
}

export interface MembersPlan {
  /** new members, each manager before the people who report to them */
  create: { row: number; member: MemberImportRow }[];
  update: { row: number; memberId: string; member: MemberImportRow }[];
  unchanged: { row: number; memberId: string }[];
}

function readMemberRow({ row, cell }: DataRow, errors: RowError[]): MemberImportRow | null {
  const before = errors.length;
  const name = readCell(requiredLine(IMPORT_LIMITS.name), row, "name", cell("name"), errors);
  const email = readCell(emailCell, row, "email", cell("email"), errors);
  const title = readCell(singleLine(IMPORT_LIMITS.title), row, "title", cell("title"), errors);
  const department = readDepartment(row, cell, errors);
  const roles = readRoleColumns(row, cell, errors);
  const managerEmail = readCell(optionalEmailCell, row, "manager_email", cell("manager_email"), errors);
  const markets = readCell(listCell, row, "markets", cell("markets"), errors);
  const languages = readCell(listCell, row, "languages", cell("languages"), errors);
  const startDate = readCell(startDateCell, row, "start_date", cell("start_date"), errors);
  if (errors.length > before) return null;
  if (!(
    name.ok &&
    email.ok &&
    title.ok &&
    department.ok &&
    roles &&
    managerEmail.ok &&
    markets.ok &&
    languages.ok &&
    startDate.ok
  ))
    return null;
  return {
    name: name.value,
    email: email.value,
    title: title.value,
    department: department.value,
    roles,
    managerEmail: managerEmail.value,
    markets: markets.value,
    languages: languages.value,
    startDate: startDate.value,
  };
}

/** The department from `department_id` when filled (an id), else from `department` (an id or a label). */
function readDepartment(
  row: number,
  cell: DataRow["cell"],
  errors: RowError[],
): { ok: true; value: RoleId | null } | { ok: false } {
  const idText = cell("department_id").trim();
  if (idText === "") return readCell(departmentCell, row, "department", cell("department"), errors);
  if (!isRoleId(idText)) {
    errors.push(rowError(row, "department_id", cell("department_id"), "department_unknown"));
    return { ok: false };
  }
  // a label this playbook does not know (an organisation's own wording) defers to the id
  const byLabel = roleIdFromLabel(cell("department").trim());
  if (byLabel !== null && byLabel !== idText) {
    errors.push(rowError(row, "department", cell("department"), "label_id_mismatch", { id: idText }));
    return { ok: false };
  }
  return { ok: true, value: idText };
}

/** The roles from `role_ids` when filled, else from `roles`; both filled must name the same roles and shares. */
function readRoleColumns(row: number, cell: DataRow["cell"], errors: RowError[]): RoleShare[] | null {
  if (cell("role_ids").trim() === "") return readRoles(row, cell("roles"), errors);
  const byId = readRoles(row, cell("role_ids"), errors, "role_ids");
  if (cell("roles").trim() === "" || byId === null) return byId;
  const byLabel = readRoles(row, cell("roles"), [], "roles");
  if (byLabel !== null && !sameRoles(byLabel, byId)) {
    errors.push(rowError(row, "roles", cell("roles"), "label_id_mismatch", { id: cell("role_ids") }));
    return null;
  }
  return byId;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

function sameRoles(a: readonly { roleId: string; sharePercent: number }[], b: readonly RoleShare[]): boolean {
  const key = (roles: readonly { roleId: string; sharePercent: number }[]) =>
    [...roles].sort((x, y) => x.roleId.localeCompare(y.roleId)).map((role) => `${role.roleId}:${role.sharePercent}`);
  return sameList(key(a), key(b));
}

function isUnchanged(existing: ExistingMember, member: MemberImportRow, managerId: string | null): boolean {
  return (
    existing.name === member.name &&
    existing.email === member.email &&
    existing.title === member.title &&
    existing.department === member.department &&
    existing.managerId === managerId &&
    existing.startDate === member.startDate &&
    sameRoles(existing.roles, member.roles) &&
    sameList(existing.markets, member.markets) &&
    sameList(existing.languages, member.languages)
  );
}

const normalEmail = (email: string | null) => (email === null ? null : email.trim().toLowerCase());

/**
 * The members file against the organisation: each row read, each email once
 * in the file, each manager a member of the file or of the organisation, and
 * no reporting loop in the organisation that would result. Rows whose email
 * is a member's update that member; the others create one.
 */
export function planMembersImport(
  records: readonly (readonly string[])[],
  existing: readonly ExistingMember[],
): PlanResult<MembersPlan> {
  const table = readTable(records, "members");
  if (!table.ok) return table;

  const errors: RowError[] = [];
  const read: { row: number; member: MemberImportRow }[] = [];
  /** every row's manager, also on rows with other problems: an unknown manager is one more to list */
  const managers: { row: number; email: string; value: string }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const dataRow of table.rows) {
    if (SAMPLE_EMAILS.has(normalEmail(dataRow.cell("email")) ?? "")) {
      errors.push(rowError(dataRow.row, "email", dataRow.cell("email"), "sample_row"));
      continue;
    }
    const member = readMemberRow(dataRow, errors);
    const manager = optionalEmailCell.safeParse(dataRow.cell("manager_email"));
    if (manager.success && manager.data !== null)
      managers.push({ row: dataRow.row, email: manager.data, value: dataRow.cell("manager_email") });
    const email = normalEmail(dataRow.cell("email"));
    if (email !== null && email !== "") {
      const first = firstRowOf.get(email);
      if (first !== undefined)
        errors.push(rowError(dataRow.row, "email", dataRow.cell("email"), "duplicate_email", { firstRow: first }));
      else firstRowOf.set(email, dataRow.row);
    }
    if (member) read.push({ row: dataRow.row, member });
  }

  // the organisation as it would be: existing members, file rows applied (new ones under a made-up id)
  const existingByEmail = new Map<string, ExistingMember>();
  for (const member of existing) {
    const email = normalEmail(member.email);
    if (email) existingByEmail.set(email, member);
  }
  const idOf = new Map<string, string>();
  for (const [email, member] of existingByEmail) idOf.set(email, member.id);
  // every email of the file counts as a member, even on a row with errors: a report's manager is not "unknown" for that
  for (const [email, row] of firstRowOf) if (!idOf.has(email)) idOf.set(email, `new:${row}`);
  const managerOf = new Map<string, string | null>(existing.map((member) => [member.id, member.managerId]));
  const nameOf = new Map<string, string>(existing.map((member) => [member.id, member.name]));
  for (const { member } of read) {
    const id = idOf.get(member.email) ?? "";
    nameOf.set(id, member.name);
    const managerId = member.managerEmail === null ? null : (idOf.get(member.managerEmail) ?? null);
    managerOf.set(id, managerId);
  }

  for (const { row, email, value } of managers) {
    if (!idOf.has(email)) errors.push(rowError(row, "manager_email", value, "manager_unknown"));
    else if (firstRowOf.get(email) === row) errors.push(rowError(row, "manager_email", value, "manager_self"));
  }
  const graph = [...managerOf].map(([id, managerId]) => ({ id, managerId }));
  const readById = new Map(read.map((entry) => [idOf.get(entry.member.email) ?? "", entry]));
  for (const id of membersOnLoops(managerOf)) {
    const entry = readById.get(id);
    if (!entry || entry.member.managerEmail === entry.member.email) continue;
    const chain = findReportingCycle(graph, id, managerOf.get(id) ?? null);
    if (chain)
      errors.push(
        rowError(entry.row, "manager_email", entry.member.managerEmail ?? "", "manager_cycle", {
          chain: chain.map((step) => nameOf.get(step) ?? step).join(" → "),
        }),
      );
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  const plan: MembersPlan = { create: [], update: [], unchanged: [] };
  const created: { row: number; member: MemberImportRow }[] = [];
  for (const entry of read) {
    const current = existingByEmail.get(entry.member.email);
    if (!current) {
      created.push(entry);
      continue;
    }
    const managerId = entry.member.managerEmail === null ? null : (idOf.get(entry.member.managerEmail) ?? null);
    if (isUnchanged(current, entry.member, managerId)) plan.unchanged.push({ row: entry.row, memberId: current.id });
    else plan.update.push({ row: entry.row, memberId: current.id, member: entry.member });
  }
  plan.create = managersFirst(created);
  return { ok: true, plan };
}

/**
 * The ids that sit on a reporting loop, in one pass over the manager links
 * (findReportingCycle then names the loop of each). A walk stops at the top,
 * at an unknown id, or at a member already known to lead to the top.
 */
function membersOnLoops(managerOf: ReadonlyMap<string, string | null>): string[] {
  const settled = new Set<string>();
  const onLoop: string[] = [];
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const inPath = new Map<string, number>();
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && !settled.has(current) && managerOf.has(current)) {
      const seenAt = inPath.get(current);
      if (seenAt !== undefined) {
        onLoop.push(...path.slice(seenAt));
        break;
      }
      inPath.set(current, path.length);
      path.push(current);
      current = managerOf.get(current);
    }
    for (const id of path) settled.add(id);
  }
  return onLoop;
}

/** New members ordered so that a new manager is created before the new members who report to them. */
function managersFirst(rows: { row: number; member: MemberImportRow }[]): { row: number; member: MemberImportRow }[] {
  const byEmail = new Map(rows.map((entry) => [entry.member.email, entry]));
  const ordered: { row: number; member: MemberImportRow }[] = [];
  const placed = new Set<string>();
  for (const entry of rows) {
    // the chain of new managers above this row, top first (no loops: checked before)
    const chain: { row: number; member: MemberImportRow }[] = [];
    let current: { row: number; member: MemberImportRow } | undefined = entry;
    while (current && !placed.has(current.member.email)) {
      chain.unshift(current);
      placed.add(current.member.email);
      current = current.member.managerEmail === null ? undefined : byEmail.get(current.member.managerEmail);
    }
    ordered.push(...chain);
  }
  return ordered;
}

/** The organisation's members as rows of the members file (header not included), by name. */
export function memberExportRows(members: readonly ExistingMember[], labels: ExportLabels): string[][] {
  const emailOf = new Map(members.map((member) => [member.id, member.email ?? ""]));
  return [...members]
    .sort((a, b) => a.name.localeCompare(b.name) || (a.email ?? "").localeCompare(b.email ?? ""))
    .map((member) => [
      member.name,
      member.email ?? "",
      member.title,
      member.department === null ? "" : labels.role(member.department),
      member.department ?? "",
      formatRoles(
        member.roles.filter((role): role is RoleShare => isRoleId(role.roleId)),
        labels.role,
      ),
      formatRoles(member.roles.filter((role): role is RoleShare => isRoleId(role.roleId))),
      member.managerId === null ? "" : (emailOf.get(member.managerId) ?? ""),
      member.markets.join(";"),
      member.languages.join(";"),
      member.startDate ?? "",
    ]);
}

/* ------------------------------------------------------------------ */
/* Assessments                                                          */
/* ------------------------------------------------------------------ */

export interface AssessmentImportContext {
  members: readonly { id: string; email: string | null; userId: string | null }[];
  /** the organisation's accounts: an assessor named like exactly one of them is linked to it */
  users: readonly { id: string; name: string }[];
  skillIds: readonly string[];
  /** the skills' labels, so a file may name a skill by its label in either language */
  skills?: readonly { id: string; label: { zh: string; en: string } }[];
  /** the latest day that is not in the future (ISO) */
  today: string;
  /** who imports: the assessor of rows that name none */
  importer: { userId: string; name: string };
  /** assessmentKey() of the assessments already recorded: a row equal to one of them is skipped */
  existingKeys: ReadonlySet<string>;
}

export interface AssessmentImportRow {
  memberId: string;
  skillId: string;
  level: SkillLevel;
  /** ISO day */
  assessedOn: string;
  assessorName: string;
  assessorUserId: string | null;
  note: string;
}

export interface AssessmentsPlan {
  add: { row: number; assessment: AssessmentImportRow }[];
  /** rows equal to an assessment already recorded (or to an earlier row): nothing to add */
  alreadyRecorded: number[];
}

/** What makes two assessments the same record: importing an export again adds nothing. */
export function assessmentKey(a: {
  memberId: string;
  skillId: string;
  level: number;
  assessedOn: string;
  assessorName: string;
  note: string;
}): string {
  return JSON.stringify([a.memberId, a.skillId, a.level, a.assessedOn, a.assessorName, a.note]);
}

/**
 * The assessments file against the organisation: each member by email (they
 * must exist: import members first), each skill of the playbook, a level
 * 0–4, a day not in the future, and nobody assessing themselves.
 */
export function planAssessmentsImport(
  records: readonly (readonly string[])[],
  context: AssessmentImportContext,
): PlanResult<AssessmentsPlan> {
  const table = readTable(records, "assessments");
  if (!table.ok) return table;

  const memberByEmail = new Map<string, { id: string; userId: string | null }>();
  for (const member of context.members) {
    const email = normalEmail(member.email);
    if (email) memberByEmail.set(email, member);
  }
  const usersByName = new Map<string, string[]>();
  for (const user of context.users) usersByName.set(user.name, [...(usersByName.get(user.name) ?? []), user.id]);
  const skillOf = skillIndex([...context.skillIds.map((id) => ({ id })), ...(context.skills ?? [])]);
  const skillCell = z
    .string()
    .trim()
    .refine((value) => value !== "", "required")
    .refine((value) => skillOf(value) !== null, "skill_unknown")
    .transform((value) => skillOf(value) ?? value);
  const skillIdCell = z
    .string()
    .trim()
    .refine((value) => context.skillIds.includes(value), "skill_unknown");
  const assessedOnCell = dayCell(context.today);
  /** The skill from `skill_id` when filled, else from `skill` (an id or a label); both filled must agree. */
  const readSkill = (
    row: number,
    cell: DataRow["cell"],
    errors: RowError[],
  ): { ok: true; value: string } | { ok: false } => {
    if (cell("skill_id").trim() === "") return readCell(skillCell, row, "skill", cell("skill"), errors);
    const byId = readCell(skillIdCell, row, "skill_id", cell("skill_id"), errors);
    if (!byId.ok || cell("skill").trim() === "") return byId;
    const byLabel = skillOf(cell("skill"));
    if (byLabel !== null && byLabel !== byId.value) {
      errors.push(rowError(row, "skill", cell("skill"), "label_id_mismatch", { id: byId.value }));
      return { ok: false };
    }
    return byId;
  };

  const errors: RowError[] = [];
  const plan: AssessmentsPlan = { add: [], alreadyRecorded: [] };
  const seen = new Set(context.existingKeys);
  for (const { row, cell } of table.rows) {
    const before = errors.length;
    if (SAMPLE_EMAILS.has(normalEmail(cell("member_email")) ?? "")) {
      errors.push(rowError(row, "member_email", cell("member_email"), "sample_row"));
      continue;
    }
    const email = readCell(emailCell, row, "member_email", cell("member_email"), errors);
    const member = email.ok ? memberByEmail.get(email.value) : undefined;
    if (email.ok && !member) errors.push(rowError(row, "member_email", cell("member_email"), "member_unknown"));
    const skill = readSkill(row, cell, errors);
    const level = readCell(levelCell, row, "level", cell("level"), errors);
    const assessedOn = readCell(assessedOnCell, row, "assessed_on", cell("assessed_on"), errors);
    const assessor = readCell(singleLine(IMPORT_LIMITS.assessor), row, "assessor", cell("assessor"), errors);
    const note = readCell(noteCell, row, "note", cell("note"), errors);
    if (errors.length > before || !member || !skill.ok || !level.ok || !assessedOn.ok || !assessor.ok || !note.ok)
      continue;

    const named = assessor.value !== "";
    const sameName = named ? (usersByName.get(assessor.value) ?? []) : [];
    const assessorUserId = named ? (sameName.length === 1 ? sameName[0] : null) : context.importer.userId;
    if (assessorUserId !== null && assessorUserId === member.userId) {
      errors.push(rowError(row, "assessor", assessor.value || context.importer.name, "self_assessment"));
      continue;
    }
    const assessment: AssessmentImportRow = {
      memberId: member.id,
      skillId: skill.value,
      level: level.value as SkillLevel,
      assessedOn: assessedOn.value,
      assessorName: named ? assessor.value : context.importer.name,
      assessorUserId,
      note: note.value,
    };
    const key = assessmentKey(assessment);
    if (seen.has(key)) {
      plan.alreadyRecorded.push(row);
      continue;
    }
    seen.add(key);
    plan.add.push({ row, assessment });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan };
}

/** One recorded assessment, as the export writes it. */
export interface ExistingAssessment {
  memberId: string;
  skillId: string;
  level: number;
  assessedOn: string;
  assessorName: string;
  note: string;
}

/** The organisation's assessments as rows of the assessments file: by member name, then day, oldest first. */
export function assessmentExportRows(
  assessments: readonly ExistingAssessment[],
  members: readonly Pick<ExistingMember, "id" | "name" | "email">[],
  labels: ExportLabels,
): string[][] {
  const memberOf = new Map(members.map((member) => [member.id, member]));
  return [...assessments]
    .sort((a, b) => {
      const nameA = memberOf.get(a.memberId)?.name ?? "";
      const nameB = memberOf.get(b.memberId)?.name ?? "";
      return (
        nameA.localeCompare(nameB) ||
        a.memberId.localeCompare(b.memberId) ||
        a.assessedOn.localeCompare(b.assessedOn) ||
        a.skillId.localeCompare(b.skillId)
      );
    })
    .map((a) => [
      memberOf.get(a.memberId)?.name ?? "",
      memberOf.get(a.memberId)?.email ?? "",
      labels.skill(a.skillId),
      a.skillId,
      String(a.level),
      a.assessedOn,
      a.assessorName,
      a.note,
    ]);
}

/* ------------------------------------------------------------------ */
/* Templates                                                            */
/* ------------------------------------------------------------------ */

/**
 * Two example rows per format: a founder who holds two roles, and a specialist
 * who reports to her. Their emails mark them: an import refuses a row with one
 * of them ("sample_row"), so the examples never become members by accident.
 */
export const TEMPLATE_ROWS: Record<ImportKind, readonly (readonly string[])[]> = {
  members: [
    [
      "王芳 Wang Fang",
      "wang.fang@example.com",
      "创始人兼总经理 Founder & GM",
      "",
      "product_manager:50;operations_manager:50",
      "",
      "US;DE;JP",
      "zh;en",
      "2019-03-01",
    ],
    [
      "Emma Schmidt",
      "emma.schmidt@example.com",
      "Amazon EU Operations Specialist",
      "operations_manager",
      "operations_manager:100",
      "wang.fang@example.com",
      "DE;FR",
      "de;en",
      "2023-06-15",
    ],
  ],
  assessments: [
    [
      "wang.fang@example.com",
      "market_insight",
      "3",
      "2025-01-15",
      "Li Na 李娜",
      "选品复盘表现突出 Strong product review",
    ],
    [
      "emma.schmidt@example.com",
      "ad_buying",
      "2",
      "2025-02-10",
      "王芳 Wang Fang",
      "Runs Sponsored Products alone; needs DSP practice",
    ],
  ],
};

/** The emails of the template's example rows (see TEMPLATE_ROWS). */
const SAMPLE_EMAILS: ReadonlySet<string> = new Set(TEMPLATE_ROWS.members.map((row) => row[1].toLowerCase()));
