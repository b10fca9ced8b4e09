import { z } from "zod";
import { parseDayBetween } from "~/domain/calendar-day";
import { TRAINING_KINDS, type TrainingKind } from "~/domain/training-advice";
import {
  EDITABLE_FIELDS,
  PROGRESS_FIELDS,
  TRAINING_STATUSES,
  type EditableField,
  type EditableValues,
  type TrainingStatus,
} from "~/domain/training-progress";
import { parseForm, versionField } from "~/utils/forms";
import { CONTROL_CHARACTERS, NOTE_CONTROL_CHARACTERS } from "./common";

/**
 * The training forms: saving an item (all its fields for those who plan;
 * status, progress and evidence for the member themselves) and planning
 * from gaps. The same schemas check on the server (the check that counts)
 * and in the browser (early feedback). Messages are i18n keys under
 * "training.errors". Only the fields a schema names are read.
 */

export const PROVIDER_MAX = 200;
export const EVIDENCE_MAX = 2000;
export const HOURS_MAX = 2000;
/** rows of the plan form: one per skill of the playbook, plus one by hand */
export const MAX_PLAN_ROWS = 40;

const E = "training.errors";
/** How every training form is parsed: fallback messages, and list indexes up to the plan rows. */
export const TRAINING_FORM = { messages: E, maxIndex: MAX_PLAN_ROWS - 1 } as const;

const EARLIEST = "2000-01-01";
const LATEST = "2100-12-31";

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

type Issue = { path: (string | number)[]; message: string };

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/**
 * One field as typed (conform reads an empty input as undefined): its value,
 * or an issue at `path`. The checks are written once for both forms.
 */
function checkField(
  field: EditableField,
  raw: string | undefined,
  issues: Issue[],
  path: (string | number)[],
): unknown {
  const value = (raw ?? "").trim();
  const fail = (message: string) => {
    issues.push({ path, message });
    return undefined;
  };
  switch (field) {
    case "targetLevel": {
      const n = value === "" ? null : wholeNumber(value, 1, 4);
      return n === null ? fail(value === "" ? `${E}.targetLevel.required` : `${E}.targetLevel.invalid`) : n;
    }
    case "kind":
      return (TRAINING_KINDS as readonly string[]).includes(value)
        ? value
        : fail(value === "" ? `${E}.kind.required` : `${E}.kind.invalid`);
    case "status":
      return (TRAINING_STATUSES as readonly string[]).includes(value)
        ? value
        : fail(value === "" ? `${E}.status.required` : `${E}.status.invalid`);
    case "provider":
      if (value.length > PROVIDER_MAX) return fail(`${E}.provider.tooLong`);
      return CONTROL_CHARACTERS.test(value) ? fail(`${E}.provider.invalid`) : value;
    case "evidence":
      if (value.length > EVIDENCE_MAX) return fail(`${E}.evidence.tooLong`);
      return NOTE_CONTROL_CHARACTERS.test(value) ? fail(`${E}.evidence.invalid`) : value;
    case "startDate":
    case "dueDate": {
      if (value === "") return null;
      return parseDayBetween(value, EARLIEST, LATEST) ?? fail(`${E}.date.invalid`);
    }
    case "hours": {
      const n = value === "" ? 0 : wholeNumber(value, 0, HOURS_MAX);
      return n === null ? fail(`${E}.hours.invalid`) : n;
    }
    case "progressPercent": {
      const n = value === "" ? 0 : wholeNumber(value.replace(/%$/, ""), 0, 100);
      return n === null ? fail(`${E}.progress.invalid`) : n;
    }
  }
}

/** The fields of one item or row, checked together: each on its own, then a due date not before the start. */
function checkFields(
  fields: readonly EditableField[],
  raw: Partial<Record<string, string | undefined>>,
  issues: Issue[],
  prefix: (string | number)[],
) {
  const values: Record<string, unknown> = {};
  const failed = new Set<string>();
  for (const field of fields) {
    const before = issues.length;
    values[field] = checkField(field, raw[field], issues, [...prefix, field]);
    if (issues.length > before) failed.add(field);
  }
  const start = values.startDate;
  const due = values.dueDate;
  if (start instanceof Date && due instanceof Date && due.getTime() < start.getTime() && !failed.has("dueDate")) {
    issues.push({ path: [...prefix, "dueDate"], message: `${E}.dueDate.beforeStart` });
  }
  return values;
}

/** A field as conform gives it: one string (or nothing); sent twice, it is an array and not valid. */
const rawText = z.string({ invalid_type_error: `${E}.invalid` }).optional();

/** A checked value as the item's editableValues() shows it, for comparing with the saved item. */
function shown(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return "";
  return String(value);
}

/* ------------------------------------------------------------------ */
/* Saving an item                                                       */
/* ------------------------------------------------------------------ */

function itemSchemaFor(fields: readonly EditableField[]) {
  const shape = Object.fromEntries(fields.map((field) => [field, rawText])) as Record<EditableField, typeof rawText>;
  return z.object({ ...shape, version: versionField(`${E}.version`) }).transform((raw, ctx) => {
    const issues: Issue[] = [];
    const { version, ...typedRaw } = raw;
    const values = checkFields(fields, typedRaw, issues, []);
    for (const issue of issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
    if (issues.length > 0) return z.NEVER;
    const typed: Partial<EditableValues> = {};
    for (const field of fields) typed[field] = shown(values[field]);
    return { version, changes: values as Partial<ItemFieldValues>, typed };
  });
}

/** Those who plan: every editable field. */
export const itemSchema = itemSchemaFor(EDITABLE_FIELDS);
/** The member themselves: status, progress and evidence only (anything else in the body is not read). */
export const itemProgressSchema = itemSchemaFor(PROGRESS_FIELDS);

export function parseItemForm(formData: FormData | URLSearchParams, { progressOnly }: { progressOnly: boolean }) {
  return parseForm(formData, progressOnly ? itemProgressSchema : itemSchema, TRAINING_FORM);
}

/* ------------------------------------------------------------------ */
/* Planning from gaps: proposed rows (ticked to include) and one by hand */
/* ------------------------------------------------------------------ */

export interface PlanRow extends Omit<ItemFieldValues, "status" | "progressPercent" | "evidence"> {
  skillId: string;
}

const PLAN_FIELDS: readonly EditableField[] = ["targetLevel", "kind", "provider", "startDate", "dueDate", "hours"];

const planRow = z
  .object(
    {
      include: rawText,
      skillId: rawText,
      ...(Object.fromEntries(PLAN_FIELDS.map((field) => [field, rawText])) as Record<EditableField, typeof rawText>),
    },
    { invalid_type_error: `${E}.invalid` },
  )
  .optional();

/**
 * Built per request: the skills are the organisation's playbook's. Rows
 * `items[i].…` (i < MAX_PLAN_ROWS); a row counts when `items[i].include` is
 * "on" (a proposal ticked), or "if_skill" with a skill chosen (the by-hand
 * row). The skill must be one of `skillIds`; each skill once; one row at least.
 */
export function planSchema({ skillIds }: { skillIds: readonly string[] }) {
  const known = new Set(skillIds);
  return z
    .object({
      items: z
        .array(planRow, { invalid_type_error: `${E}.invalid` })
        .max(MAX_PLAN_ROWS, `${E}.invalid`)
        .optional(),
    })
    .transform(({ items }, ctx) => {
      const issues: Issue[] = [];
      const planned: PlanRow[] = [];
      const seen = new Set<string>();
      (items ?? []).forEach((row, i) => {
        if (!row) return;
        const skillId = (row.skillId ?? "").trim();
        if (!(row.include === "on" || (row.include === "if_skill" && skillId !== ""))) return;
        if (!known.has(skillId))
          issues.push({
            path: ["items", i, "skillId"],
            message: skillId === "" ? `${E}.skillId.required` : `${E}.skillId.unknown`,
          });
        else if (seen.has(skillId)) issues.push({ path: ["items", i, "skillId"], message: `${E}.skillId.duplicate` });
        seen.add(skillId);
        planned.push({ skillId, ...(checkFields(PLAN_FIELDS, row, issues, ["items", i]) as Omit<PlanRow, "skillId">) });
      });
      // a form-level message: nothing was chosen
      if (issues.length === 0 && planned.length === 0) issues.push({ path: [], message: `${E}.plan.empty` });
      for (const issue of issues)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
      return issues.length > 0 ? z.NEVER : { rows: planned };
    });
}

export function parsePlanForm(formData: FormData | URLSearchParams, options: { skillIds: readonly string[] }) {
  return parseForm(formData, planSchema(options), TRAINING_FORM);
}

/** What a form sent back shows for `name` ("provider", "items[0].kind"): the typed value, or undefined. */
export function typedValue(initialValue: unknown, name: string): string | undefined {
  let at: unknown = initialValue;
  for (const key of name.split(/[.[\]]+/).filter(Boolean)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === "string" ? at : undefined;
}
