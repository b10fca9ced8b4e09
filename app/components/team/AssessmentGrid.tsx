import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, textValue, ui, useHydrated } from "~/components/ui";
import { latestToday } from "~/domain/calendar-day";
import { SKILL_LEVELS, type Language, type SkillLevel } from "~/domain/types";
import { NOTE_MAX } from "~/forms/team";
import { parseAssessmentGridForm, parseGridLevel } from "~/forms/assessment-grid";
import { AssessedOnField } from "./AssessedOnField";
import { formatDay, labelOf, levelName, type Labelled } from "./format";

export interface AssessmentGridRow {
  key: string;
  memberId: string;
  memberName: string;
  skillId: string;
  required: SkillLevel;
  last: { id: string; level: SkillLevel; assessedOn: string } | null;
  assessable: boolean;
}

const COLUMNS = ["level", "note"] as const;

/**
 * Moves between the grid's inputs as a spreadsheet does: ↑ ↓ to the same
 * column of the row above or below, ← → across when the caret is at the edge
 * of the text. Enter submits the form, as in any form.
 */
function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
  const input = event.target as HTMLInputElement;
  const row = Number(input.dataset.row);
  const column = COLUMNS.indexOf(input.dataset.column as (typeof COLUMNS)[number]);
  if (Number.isNaN(row) || column < 0) return;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  let target: [number, number] | null = null;
  if (event.key === "ArrowUp") target = [row - 1, column];
  else if (event.key === "ArrowDown") target = [row + 1, column];
  else if (event.key === "ArrowLeft" && atStart) target = [row, column - 1];
  else if (event.key === "ArrowRight" && atEnd) target = [row, column + 1];
  if (!target) return;
  const next = event.currentTarget.querySelector<HTMLInputElement>(
    `input[data-row="${target[0]}"][data-column="${COLUMNS[target[1]]}"]`,
  );
  if (!next) return;
  event.preventDefault();
  next.focus();
  next.select();
}

/**
 * The assessment grid: one row per cell (a member's skill), the last level
 * and its date beside an input for the new level and an optional note.
 * Every input is a plain form field, so the grid saves without JavaScript;
 * with it, typed changes are counted and highlighted before saving.
 */
export function AssessmentGrid({
  action,
  kind,
  rows,
  skills,
  lastResult,
  today,
  maxDay,
  lang,
}: {
  action: string;
  kind: "member" | "department";
  rows: readonly AssessmentGridRow[];
  skills: readonly Labelled[];
  lastResult: SubmissionResult<string[]> | undefined;
  today: string;
  maxDay: string;
  lang: Language;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "assessment-grid",
    lastResult,
    defaultValue: {
      assessedOn: today,
      cells: rows.map((row) => ({ level: row.last ? String(row.last.level) : "", note: "" })),
    },
    onValidate: ({ formData }) => parseAssessmentGridForm(formData, { today: latestToday() }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const cellFields = fields.cells.getFieldList();
  const initial = (index: number) => {
    const cell = cellFields[index]?.getFieldset();
    return {
      level: textValue(cell?.level.initialValue),
      note: textValue(cell?.note.initialValue),
      errors: [...(cell?.level.errors ?? []), ...(cell?.note.errors ?? []), ...(cellFields[index]?.errors ?? [])],
    };
  };
  const [typed, setTyped] = useState<Record<number, { level: string; note: string }>>({});
  const valueOf = (index: number) => typed[index] ?? { level: initial(index).level, note: initial(index).note };
  const changed = (index: number) => {
    const row = rows[index];
    const { level, note } = valueOf(index);
    const parsed = parseGridLevel(level);
    if (!row.assessable || parsed === null || parsed === "invalid") return false;
    return String(parsed) !== (row.last ? String(row.last.level) : "") || note.trim() !== "";
  };
  const changes = rows.filter((_, index) => changed(index)).length;
  const submitting = navigation.state === "submitting" && navigation.formAction === action;
  const skillName = (id: string) => labelOf(skills, id, lang);
  const hydrated = useHydrated();

  if (rows.length === 0) return null;

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap items-end gap-6">
        <AssessedOnField
          meta={fields.assessedOn}
          label={t("grid.date")}
          today={today}
          maxDay={maxDay}
          submitted={Boolean(lastResult)}
        />
        <p className="text-sm text-slate-500">
          {t("grid.legend", {
            levels: SKILL_LEVELS.map((level) => `${level} ${levelName(level, lang)}`).join(t("app.text.list")),
          })}
        </p>
      </div>
      <div className="scroll-cue relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {kind === "member" ? t("grid.columns.skill") : t("grid.columns.member")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("grid.columns.required")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("grid.columns.last")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("grid.columns.level")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("grid.columns.note")}
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={moveFocus}>
            {rows.map((row, index) => {
              const cell = initial(index);
              const errorId = `grid-cell-${index}-error`;
              const hasErrors = cell.errors.length > 0;
              const rowName = kind === "member" ? skillName(row.skillId) : row.memberName;
              const typedLevel = parseGridLevel(valueOf(index).level);
              return (
                <tr
                  key={row.key}
                  className={`border-t border-slate-100 ${changed(index) ? "bg-indigo-50" : ""}`}
                  data-testid={`grid-row-${row.memberId}-${row.skillId}`}
                >
                  <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                    {rowName}
                    <input type="hidden" name={`cells[${index}].memberId`} value={row.memberId} />
                    <input type="hidden" name={`cells[${index}].skillId`} value={row.skillId} />
                    <input type="hidden" name={`cells[${index}].was`} value={row.last ? String(row.last.level) : ""} />
                    <input type="hidden" name={`cells[${index}].seen`} value={row.last?.id ?? ""} />
                  </th>
                  <td className="px-3 py-2 text-slate-600">
                    {row.required > 0
                      ? t("members.level", { level: row.required, name: levelName(row.required, lang) })
                      : t("grid.notRequired")}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {row.last
                      ? t("grid.lastValue", {
                          level: row.last.level,
                          name: levelName(row.last.level, lang),
                          date: formatDay(row.last.assessedOn, lang),
                        })
                      : t("grid.notAssessed")}
                  </td>
                  <td className="px-3 py-2 align-top">
                    {row.assessable ? (
                      <>
                        <div className="flex items-center gap-2">
                          <input
                            name={`cells[${index}].level`}
                            defaultValue={cell.level}
                            inputMode="numeric"
                            autoComplete="off"
                            maxLength={2}
                            size={2}
                            data-row={index}
                            data-column="level"
                            aria-label={t("grid.levelLabel", { name: row.memberName, skill: skillName(row.skillId) })}
                            aria-invalid={hasErrors || undefined}
                            aria-describedby={hasErrors ? errorId : undefined}
                            onChange={(event) => {
                              const level = event.currentTarget.value;
                              setTyped((current) => ({ ...current, [index]: { ...valueOf(index), level } }));
                            }}
                            className={`${ui.input} w-14! shrink-0 text-center`}
                          />
                          <span className="inline-block w-16 text-xs text-slate-500" aria-hidden="true">
                            {typedLevel !== null && typedLevel !== "invalid" ? levelName(typedLevel, lang) : ""}
                          </span>
                        </div>
                        <FieldErrors id={errorId} errors={cell.errors} />
                      </>
                    ) : (
                      <span className="text-slate-500">{t("grid.self")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2 align-top">
                    {row.assessable ? (
                      <input
                        name={`cells[${index}].note`}
                        defaultValue={cell.note}
                        maxLength={NOTE_MAX}
                        autoComplete="off"
                        data-row={index}
                        data-column="note"
                        aria-label={t("grid.noteLabel", { name: row.memberName, skill: skillName(row.skillId) })}
                        onChange={(event) => {
                          const note = event.currentTarget.value;
                          setTyped((current) => ({ ...current, [index]: { ...valueOf(index), note } }));
                        }}
                        className={`${ui.input} min-w-48`}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={ui.primaryButton} disabled={submitting}>
          {submitting ? t("grid.saving") : t("grid.save")}
        </button>
        <p className="text-sm text-slate-600" aria-live="polite">
          {hydrated ? (changes > 0 ? t("grid.changes", { count: changes }) : t("grid.noChanges")) : null}
        </p>
      </div>
    </Form>
  );
}
