import { z } from "zod";
import { defaultRowFlags } from "~/domain/playbook-raci";
import { defaultStepsFor, RACI_LETTERS, rowRoles, type RaciRow } from "~/domain/process-steps";
import { CORE_ROLE_IDS, MODEL_IDS, type RoleId } from "~/domain/types";
import { playbookVersionField, summaryField } from "./playbook";

/**
 * The default RACI of one model's steps (its core flow and the shared
 * steps): `cells.<step>.<role>` is a letter, empty for no part, with a
 * column for every role of the organisation's playbook (the seven, the
 * extension roles it holds, its own: playbookRoleIds). Each row follows the
 * ownership rule (defaultRowFlags): one accountable role, at least one
 * responsible one; a row that breaks it is refused on that row.
 */

const E = "playbook.errors";
const raciLetter = z.enum(RACI_LETTERS, { errorMap: () => ({ message: `${E}.raciLetter` }) });
type RaciCell = z.ZodOptional<typeof raciLetter>;

/** Every default step's key, of every model's core flow and the shared steps. */
const ALL_STEP_KEYS = [...new Set([...MODEL_IDS.flatMap((m) => defaultStepsFor(m).map((step) => step.key))])];

/**
 * The form's schema for a playbook holding `roleIds`. A cell of a role the
 * playbook does not hold is not a field of the form and is left out.
 */
export function raciSchemaFor(roleIds: readonly RoleId[]) {
  const raciRow = z.object(
    Object.fromEntries(roleIds.map((r) => [r, raciLetter.optional()])) as Record<RoleId, RaciCell>,
  );
  return z
    .object({
      version: playbookVersionField,
      summary: summaryField,
      model: z.enum(MODEL_IDS, { errorMap: () => ({ message: `${E}.model` }) }),
      // an object of the known steps (not a record): conform reads an empty select of a known field as no letter
      cells: z
        .object(
          Object.fromEntries(ALL_STEP_KEYS.map((key) => [key, raciRow.optional()])) as Record<
            string,
            z.ZodOptional<typeof raciRow>
          >,
        )
        .default({}),
    })
    .superRefine((value, ctx) => {
      const keys = new Set(defaultStepsFor(value.model).map((step) => step.key));
      // on the row's first cell: conform shows (and the browser checks) errors of fields, not of a row object
      for (const key of keys) {
        for (const flag of defaultRowFlags((value.cells[key] ?? {}) as RaciRow))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: raciRowErrorPath(key), message: `${E}.raci.${flag.code}` });
      }
    });
}

export type RaciForm = z.output<ReturnType<typeof raciSchemaFor>>;

/** Where a row's error sits: its first cell's field (`cells.<step>.<first role>`, a role every playbook holds). */
export function raciRowErrorPath(stepKey: string): [string, string, string] {
  return ["cells", stepKey, CORE_ROLE_IDS[0]];
}

/** The rows the form sets, every step of the model present (a row left empty is an empty row). */
export function raciRowsFromForm(value: RaciForm): Record<string, RaciRow> {
  return Object.fromEntries(
    defaultStepsFor(value.model).map((step) => {
      const cells = (value.cells[step.key] ?? {}) as RaciRow;
      const row: RaciRow = {};
      for (const roleId of rowRoles(cells)) row[roleId] = cells[roleId];
      return [step.key, row];
    }),
  );
}
