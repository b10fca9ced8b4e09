/**
 * The process steps' default RACI as part of an organisation's playbook
 * (issue 13): what every saved playbook must hold, the edit of one model's
 * rows, and the completion of a document stored before the playbook held
 * it. Pure. The rule of a row is the ownership check's (flagsForRow): one
 * accountable role (A or A/R), at least one responsible role (R or A/R).
 */
import { playbookRoleIds } from "./extension-roles";
import { flagsForRow, type OwnershipFlag } from "./ownership-checks";
import {
  CORE_FLOWS,
  isRaciLetter,
  rowRoles,
  SHARED_STEPS,
  shippedDefaultRaci,
  type DefaultRaci,
  type RaciRow,
} from "./process-steps";
import { MODEL_IDS, type ModelId, type Playbook, type RoleId } from "./types";
import { isRoleId } from "./vocabulary";

/** The path of a step's default row, as diffPlaybooks and the validation name it. */
export function defaultRaciPath(stepKey: string, model: ModelId | null): string {
  return model ? `defaultRaci.byModel.${model}.${stepKey}` : `defaultRaci.shared.${stepKey}`;
}

/** The problems of one default row, by the ownership rule (every role counts as staffed: a default names no people). */
export function defaultRowFlags(row: RaciRow): OwnershipFlag[] {
  return flagsForRow(row, new Set(rowRoles(row))).filter((flag) => flag.code !== "unstaffed_owner");
}

const FLAG_REASONS: Record<string, (flag: OwnershipFlag) => string> = {
  no_accountable: () => "needs exactly one accountable role (A or A/R), has none",
  several_accountable: (flag) =>
    `needs exactly one accountable role (A or A/R), has ${"roles" in flag ? flag.roles.join(", ") : "several"}`,
  no_responsible: () => "needs a responsible role (R or A/R)",
};

function checkRows(
  problems: string[],
  where: string,
  rows: unknown,
  keys: readonly string[],
  heldRoles: ReadonlySet<string>,
): void {
  if (!rows || typeof rows !== "object" || Array.isArray(rows)) {
    problems.push(`${where}: must map each step to its row`);
    return;
  }
  const table = rows as Record<string, unknown>;
  for (const key of Object.keys(table)) if (!keys.includes(key)) problems.push(`${where}.${key}: unknown step`);
  for (const key of keys) {
    const w = `${where}.${key}`;
    const row = table[key];
    if (!row || typeof row !== "object" || Array.isArray(row)) {
      problems.push(`${w}: missing row`);
      continue;
    }
    const clean: RaciRow = {};
    for (const [roleId, letter] of Object.entries(row as Record<string, unknown>)) {
      if (!isRoleId(roleId)) problems.push(`${w}.${roleId}: unknown role`);
      else if (!heldRoles.has(roleId)) problems.push(`${w}.${roleId}: "${roleId}" is not in this playbook`);
      else if (!isRaciLetter(letter)) problems.push(`${w}.${roleId}: must be R, A, AR, C or I (got ${String(letter)})`);
      else clean[roleId] = letter;
    }
    for (const flag of defaultRowFlags(clean)) problems.push(`${w}: ${FLAG_REASONS[flag.code](flag)}`);
  }
}

/** What must hold of a playbook's default RACI: a row for every default step, each by the ownership rule. */
export function checkDefaultRaci(problems: string[], p: Playbook): void {
  const raci: unknown = p.defaultRaci;
  if (!raci || typeof raci !== "object") {
    problems.push("defaultRaci: missing");
    return;
  }
  const { byModel, shared } = raci as Partial<DefaultRaci>;
  const held = new Set((Array.isArray(p.roles) ? p.roles : []).map((r) => String(r.id)));
  if (!byModel || typeof byModel !== "object") problems.push("defaultRaci.byModel: missing");
  else
    for (const model of MODEL_IDS)
      checkRows(
        problems,
        `defaultRaci.byModel.${model}`,
        byModel[model],
        CORE_FLOWS[model].map((s) => s.key),
        held,
      );
  checkRows(
    problems,
    "defaultRaci.shared",
    shared,
    SHARED_STEPS.map((s) => s.key),
    held,
  );
}

/**
 * The playbook with one model's default rows replaced: its core steps'
 * rows and the shared steps' rows (the editor shows both for one model).
 * Rows of steps the edit does not name are kept.
 */
export function withDefaultRaciEdited(p: Playbook, model: ModelId, rows: Record<string, RaciRow>): Playbook {
  const raci = p.defaultRaci;
  const order = playbookRoleIds(p);
  const pick = (keys: readonly string[], current: Record<string, RaciRow>) =>
    Object.fromEntries(keys.map((key) => [key, rows[key] ? orderedRow(rows[key], order) : current[key]]));
  return {
    ...p,
    defaultRaci: {
      byModel: {
        ...raci.byModel,
        [model]: pick(
          CORE_FLOWS[model].map((s) => s.key),
          raci.byModel[model] ?? {},
        ),
      },
      shared: pick(
        SHARED_STEPS.map((s) => s.key),
        raci.shared,
      ),
    },
  };
}

/**
 * A row with its roles in the playbook's order, the empty cells left out. A
 * role the playbook does not hold stays in the row (after the held ones), so
 * the validation names it rather than the edit dropping it unseen.
 */
function orderedRow(row: RaciRow, order: readonly RoleId[]): RaciRow {
  const out: RaciRow = {};
  for (const roleId of order) if (row[roleId]) out[roleId] = row[roleId];
  for (const roleId of rowRoles(row)) if (!(roleId in out)) out[roleId] = row[roleId];
  return out;
}

/**
 * The default steps whose row gives a role a letter: the paths of the rows
 * (defaultRaciPath), every model's and the shared ones. Turning a role off
 * is refused while this is not empty (decision 0023).
 */
export function defaultRowsNaming(raci: DefaultRaci, roleId: RoleId): { stepKey: string; model: ModelId | null }[] {
  const out: { stepKey: string; model: ModelId | null }[] = [];
  for (const model of MODEL_IDS)
    for (const [stepKey, row] of Object.entries(raci.byModel[model] ?? {}))
      if (row[roleId]) out.push({ stepKey, model });
  for (const [stepKey, row] of Object.entries(raci.shared)) if (row[roleId]) out.push({ stepKey, model: null });
  return out;
}

/**
 * A playbook stored or exported before it held the default RACI gets the
 * shipped one, so such a document still validates and compares to the
 * shipped playbook without a difference it never made.
 */
export function withDefaultRaciCompleted<T>(p: T): T {
  if (!p || typeof p !== "object" || Array.isArray(p)) return p;
  const doc = p as unknown as Partial<Playbook>;
  return doc.defaultRaci === undefined ? ({ ...doc, defaultRaci: shippedDefaultRaci() } as unknown as T) : p;
}
