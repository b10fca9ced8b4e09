import { z } from "zod";
import { GRID_MAX_CELLS, type SubmittedCell } from "~/domain/assessment-grid";
import { parseDay } from "~/domain/calendar-day";
import type { SkillLevel } from "~/domain/types";
import { parseForm } from "~/utils/forms";
import { ID_PATTERN, NOTE_CONTROL_CHARACTERS } from "./common";
import { NOTE_MAX } from "./team";

/**
 * The assessment grid's form (issue 18): one date for the whole submit, and
 * per cell the member, the skill, the level typed (empty: left alone), an
 * optional note, and what the form showed when it was loaded (`was`, `seen`:
 * see app/domain/assessment-grid.ts). Messages are i18n keys under "grid.errors".
 */

const E = "grid.errors";
export const GRID_FORM = { messages: E, maxIndex: GRID_MAX_CELLS - 1 } as const;
const EARLIEST_DAY = "1900-01-01";

/** A level as typed: 0 to 4, full-width digits too (an IME types those); empty is "left alone". */
export function parseGridLevel(text: string): SkillLevel | null | "invalid" {
  const value = text.normalize("NFKC").trim();
  if (value === "") return null;
  return /^[0-4]$/.test(value) ? (Number(value) as SkillLevel) : "invalid";
}

const idField = z
  .string({ required_error: `${E}.cell`, invalid_type_error: `${E}.cell` })
  .trim()
  .regex(ID_PATTERN, `${E}.cell`);

const cellField = z.object(
  {
    memberId: idField,
    skillId: idField,
    level: z
      .string({ invalid_type_error: `${E}.level` })
      .optional()
      .transform((value, ctx) => {
        const level = parseGridLevel(value ?? "");
        if (level === "invalid") {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.level` });
          return z.NEVER;
        }
        return level;
      }),
    note: z
      .string({ invalid_type_error: `${E}.note` })
      .trim()
      .max(NOTE_MAX, `${E}.noteTooLong`)
      .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), `${E}.note`)
      .optional()
      .transform((value) => value ?? ""),
    was: z
      .string({ invalid_type_error: `${E}.cell` })
      .regex(/^[0-4]?$/, `${E}.cell`)
      .optional()
      .transform((value) => value ?? ""),
    seen: z
      .string({ invalid_type_error: `${E}.cell` })
      .regex(/^([A-Za-z0-9_-]{1,64})?$/, `${E}.cell`)
      .optional()
      .transform((value) => value ?? ""),
  },
  { invalid_type_error: `${E}.cell` },
);

/** Built per request: "today" is the request's. */
export function assessmentGridSchema({ today }: { today: string }) {
  return z.object({
    assessedOn: z
      .string({ required_error: `${E}.dateRequired`, invalid_type_error: `${E}.date` })
      .trim()
      .transform((value, ctx) => {
        const date = parseDay(value);
        if (value === "") {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.dateRequired` });
          return z.NEVER;
        }
        if (!date || value < EARLIEST_DAY) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.date` });
          return z.NEVER;
        }
        if (value > today) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.dateFuture` });
          return z.NEVER;
        }
        return date;
      }),
    cells: z
      .array(cellField.optional(), { invalid_type_error: `${E}.cell` })
      .max(GRID_MAX_CELLS, `${E}.cell`)
      .optional()
      .transform((cells) =>
        // each cell keeps its place in the form, where its messages go
        (cells ?? []).flatMap((cell, index): SubmittedCell[] => (cell === undefined ? [] : [{ ...cell, index }])),
      ),
  });
}

export function parseAssessmentGridForm(formData: FormData | URLSearchParams, options: { today: string }) {
  return parseForm(formData, assessmentGridSchema(options), GRID_FORM);
}
