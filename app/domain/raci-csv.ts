/**
 * The RACI matrix as CSV rows (issue 18): like the members and assessments
 * exports, every label is written in the reader's language with its id in a
 * column of its own, so a person reads the file and a BI tool joins on the ids.
 * A column per role of the organisation's playbook (headed by the role's id:
 * the seven, then the extension roles it holds, then its own) holds its
 * letter, A/R written "AR"; the accountable and responsible roles are also
 * named by their labels.
 * Pure: no I/O, no framework imports.
 */
import type { ExportLabels } from "./csv-labels";
import { accountableRolesOf, responsibleRolesOf, type OwnershipFlag } from "./ownership-checks";
import type { RaciRow, StepSection } from "./process-steps";
import type { Language, Localized, RoleId } from "./types";
import { localize } from "./vocabulary";

export const RACI_STEP_STATUSES = ["ok", "flagged", "resolved", "retired"] as const;
export type RaciStepStatus = (typeof RACI_STEP_STATUSES)[number];

const STEP_COLUMNS = ["section", "section_id", "step", "step_id"] as const;
const OWNER_COLUMNS = [
  "accountable",
  "accountable_ids",
  "responsible",
  "responsible_ids",
  "status",
  "status_id",
  "problems",
  "problem_codes",
] as const;

/** The header: the step's columns, one per role of the playbook (playbookRoleIds order), then owners, status, problems. */
export function raciCsvColumns(roleIds: readonly RoleId[]): string[] {
  return [...STEP_COLUMNS, ...roleIds, ...OWNER_COLUMNS];
}

/** Several values in one cell, as the members export writes roles. */
const LIST_SEPARATOR = ";";

export interface RaciCsvStep {
  key: string;
  section: StepSection;
  name: Localized;
  resolved: boolean;
  retired: boolean;
}

/** The reader's words: roles from the organisation's playbook, the rest from the locale files. */
export interface RaciCsvLabels {
  role: ExportLabels["role"];
  section: (id: StepSection) => string;
  status: (id: RaciStepStatus) => string;
  flag: (code: OwnershipFlag["code"]) => string;
}

export function raciStepStatus(step: Pick<RaciCsvStep, "resolved" | "retired">, flagged: boolean): RaciStepStatus {
  if (step.retired) return "retired";
  if (step.resolved) return "resolved";
  return flagged ? "flagged" : "ok";
}

/** One row per step, in the given (matrix) order; retired steps too, marked. Columns as raciCsvColumns(roleIds). */
export function raciExportRows({
  roleIds,
  steps,
  rows,
  flags,
  labels,
  lang,
}: {
  roleIds: readonly RoleId[];
  steps: readonly RaciCsvStep[];
  rows: ReadonlyMap<string, RaciRow>;
  flags: ReadonlyMap<string, readonly OwnershipFlag[]>;
  labels: RaciCsvLabels;
  lang: Language;
}): string[][] {
  return steps.map((step) => {
    const row = rows.get(step.key) ?? {};
    const stepFlags = flags.get(step.key) ?? [];
    const status = raciStepStatus(step, stepFlags.length > 0);
    const accountable = accountableRolesOf(row);
    const responsible = responsibleRolesOf(row);
    return [
      labels.section(step.section),
      step.section,
      localize(step.name, lang),
      step.key,
      ...roleIds.map((roleId) => row[roleId] ?? ""),
      accountable.map(labels.role).join(LIST_SEPARATOR),
      accountable.join(LIST_SEPARATOR),
      responsible.map(labels.role).join(LIST_SEPARATOR),
      responsible.join(LIST_SEPARATOR),
      labels.status(status),
      status,
      stepFlags.map((flag) => labels.flag(flag.code)).join(LIST_SEPARATOR),
      stepFlags.map((flag) => flag.code).join(LIST_SEPARATOR),
    ];
  });
}
