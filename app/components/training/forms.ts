import { TRAINING_KINDS, type TrainingKind } from "~/domain/training-advice";
import { EDITABLE_FIELDS, PROGRESS_FIELDS, TRAINING_STATUSES, type EditableField, type EditableValues, type TrainingStatus } from "~/domain/training-progress";

/**
 * The training forms' checks, on the server (the check that counts) and for
 * re-rendering what was typed. Messages are i18n keys under "training.errors".
 * Only the named fields are read; anything else in a body is ignored.
 */

export const PROVIDER_MAX = 200;
export const EVIDENCE_MAX = 2000;
export const HOURS_MAX = 2000;
/** rows of the plan form: one per skill of the playbook, plus one by hand */
export const MAX_PLAN_ROWS = 40;

const E = "training.errors";
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOTE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const EARLIEST = "2000-01-01";
const LATEST = "2100-12-31";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

/** One value per name: a field sent twice, or a file, is not a valid value. */
function single(form: FormData | URLSearchParams, name: string): string | undefined | null {
  const all = form.getAll(name);
  if (all.length === 0) return undefined;
  if (all.length > 1 || typeof all[0] !== "string") return null;
  return all[0];
}

export function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || value < EARLIEST || value > LATEST) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

export interface ItemFieldValues {
  targetLevel: number;
  kind: TrainingKind;
  provider: string;
  startDate: Date | null;
  dueDate: Date | null;
  hours: number;
  status: TrainingStatus;
  progressPercent: number;
  evidence: string;
}

/** Checks one field; `raw` undefined means missing, null means malformed (repeated, a file). */
function checkField(field: EditableField, raw: string | undefined | null, errors: FieldErrors, key: string): unknown {
  if (raw === null) {
    errors[key] = `${E}.invalid`;
    return undefined;
  }
  const value = (raw ?? "").trim();
  switch (field) {
    case "targetLevel": {
      const n = value === "" ? null : wholeNumber(value, 1, 4);
      if (n === null) errors[key] = value === "" ? `${E}.targetLevel.required` : `${E}.targetLevel.invalid`;
      return n;
    }
    case "kind":
      if (!(TRAINING_KINDS as readonly string[]).includes(value)) errors[key] = value === "" ? `${E}.kind.required` : `${E}.kind.invalid`;
      return value;
    case "status":
      if (!(TRAINING_STATUSES as readonly string[]).includes(value)) errors[key] = value === "" ? `${E}.status.required` : `${E}.status.invalid`;
      return value;
    case "provider":
      if (value.length > PROVIDER_MAX) errors[key] = `${E}.provider.tooLong`;
      else if (CONTROL.test(value)) errors[key] = `${E}.provider.invalid`;
      return value;
    case "evidence":
      if (value.length > EVIDENCE_MAX) errors[key] = `${E}.evidence.tooLong`;
      else if (NOTE_CONTROL.test(value)) errors[key] = `${E}.evidence.invalid`;
      return value;
    case "startDate":
    case "dueDate": {
      if (value === "") return null;
      const date = parseDay(value);
      if (!date) errors[key] = `${E}.date.invalid`;
      return date;
    }
    case "hours": {
      const n = value === "" ? 0 : wholeNumber(value, 0, HOURS_MAX);
      if (n === null) errors[key] = `${E}.hours.invalid`;
      return n;
    }
    case "progressPercent": {
      const n = value === "" ? 0 : wholeNumber(value.replace(/%$/, ""), 0, 100);
      if (n === null) errors[key] = `${E}.progress.invalid`;
      return n;
    }
  }
}

function datesInOrder(values: Partial<ItemFieldValues>, errors: FieldErrors, prefix = "") {
  if (values.startDate && values.dueDate && values.dueDate.getTime() < values.startDate.getTime() && !errors[`${prefix}dueDate`]) {
    errors[`${prefix}dueDate`] = `${E}.dueDate.beforeStart`;
  }
}

export type ItemFormResult =
  | { ok: true; version: number; changes: Partial<ItemFieldValues>; typed: Partial<EditableValues> }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * The item form: every editable field for those who plan; status, progress
 * and evidence only for the member themselves (`progressOnly`). The version
 * the form loaded is required.
 */
export function parseItemForm(form: FormData | URLSearchParams, { progressOnly }: { progressOnly: boolean }): ItemFormResult {
  const fields = progressOnly ? PROGRESS_FIELDS : EDITABLE_FIELDS;
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = single(form, field);
    values[field] = typeof raw === "string" ? raw.slice(0, EVIDENCE_MAX + 10) : "";
    changes[field] = checkField(field, raw, errors, field);
  }
  const versionRaw = single(form, "version");
  const version = typeof versionRaw === "string" ? wholeNumber(versionRaw, 1, 1_000_000) : null;
  values.version = typeof versionRaw === "string" ? versionRaw.slice(0, 20) : "";
  if (version === null) errors.version = `${E}.version`;
  datesInOrder(changes as Partial<ItemFieldValues>, errors);
  if (Object.keys(errors).length > 0 || version === null) return { ok: false, errors, values };
  const typed: Partial<EditableValues> = {};
  for (const field of fields) typed[field] = normalised(field, changes[field]);
  return { ok: true, version, changes: changes as Partial<ItemFieldValues>, typed };
}

/** A checked value as the item's editableValues() would show it, for comparing with the saved item. */
function normalised(field: EditableField, value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return "";
  return String(value);
}

/* ------------------------------------------------------------------ */
/* The plan form: proposed rows (ticked to include) and one by hand     */
/* ------------------------------------------------------------------ */

export interface PlanRow extends Omit<ItemFieldValues, "status" | "progressPercent" | "evidence"> {
  skillId: string;
}

const PLAN_FIELDS: readonly EditableField[] = ["targetLevel", "kind", "provider", "startDate", "dueDate", "hours"];

export type PlanFormResult = { ok: true; rows: PlanRow[] } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Rows `items[i].…` (i < MAX_PLAN_ROWS); a row counts when `items[i].include`
 * is "on" (a proposal ticked), or "if_skill" with a skill chosen (the by-hand row). The
 * skill must be one of `skillIds`; each skill once.
 */
export function parsePlanForm(form: FormData | URLSearchParams, { skillIds }: { skillIds: readonly string[] }): PlanFormResult {
  const known = new Set(skillIds);
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const rows: PlanRow[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < MAX_PLAN_ROWS; i++) {
    const prefix = `items[${i}].`;
    const include = single(form, `${prefix}include`);
    const skillRaw = single(form, `${prefix}skillId`);
    if (include === undefined && skillRaw === undefined) continue;
    for (const name of ["include", "skillId", ...PLAN_FIELDS]) {
      const raw = single(form, `${prefix}${name}`);
      values[`${prefix}${name}`] = typeof raw === "string" ? raw.slice(0, PROVIDER_MAX + 10) : "";
    }
    const skillId = typeof skillRaw === "string" ? skillRaw.trim() : "";
    // "on": a ticked proposal; "if_skill": the by-hand row, which counts once a skill is chosen
    if (!(include === "on" || (include === "if_skill" && skillId !== ""))) continue;
    if (!known.has(skillId)) errors[`${prefix}skillId`] = skillId === "" ? `${E}.skillId.required` : `${E}.skillId.unknown`;
    else if (seen.has(skillId)) errors[`${prefix}skillId`] = `${E}.skillId.duplicate`;
    seen.add(skillId);
    const row: Record<string, unknown> = { skillId };
    for (const field of PLAN_FIELDS) row[field] = checkField(field, single(form, `${prefix}${field}`), errors, `${prefix}${field}`);
    datesInOrder(row as Partial<ItemFieldValues>, errors, prefix);
    rows.push(row as unknown as PlanRow);
  }
  if (Object.keys(errors).length === 0 && rows.length === 0) errors.form = `${E}.plan.empty`;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, rows };
}
