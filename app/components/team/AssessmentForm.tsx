import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, ui } from "~/components/ui";
import { SKILL_LEVELS, type Language } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { describedBy, FieldErrors, textValue } from "~/components/ui";
import { AssessedOnField } from "./AssessedOnField";
import { levelName, type Labelled } from "./format";
import { latestToday } from "~/domain/calendar-day";
import { NOTE_MAX, parseAssessmentForm } from "~/forms/team";

/**
 * Records one assessment of one skill. The skills of the member's roles come
 * first; any other skill of the playbook can be assessed too. The assessor is
 * whoever is signed in; the server records that, not a field of the form.
 */
export function AssessmentForm({
  action,
  lastResult,
  roleSkills,
  otherSkills,
  skillId = null,
  today,
  maxDay,
  assessorName,
  lang,
}: {
  action: string;
  lastResult: SubmissionResult<string[]> | undefined;
  roleSkills: readonly Labelled[];
  otherSkills: readonly Labelled[];
  /** the skill chosen when the form opens (a re-assessment request names it) */
  skillId?: string | null;
  /** the server's today (UTC), the default date before the browser knows better */
  today: string;
  /** the latest day that is today somewhere (see latestToday), for the date input's max */
  maxDay: string;
  assessorName: string;
  lang: Language;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const skillIds = [...roleSkills, ...otherSkills].map((skill) => skill.id);
  const [form, fields] = useForm({
    id: "assessment-form",
    lastResult,
    defaultValue: { skillId: skillId ?? "", level: "", assessedOn: today, note: "" },
    onValidate: ({ formData }) => parseAssessmentForm(formData, { skillIds, today: latestToday() }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting" && navigation.formAction === action;
  const invalid = (errors: string[] | undefined) => Boolean(errors?.length);
  const chosenLevel = textValue(fields.level.initialValue);

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-5">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor={fields.skillId.id} className={ui.label}>
            {t("members.assess.skill")}
          </label>
          <select
            id={fields.skillId.id}
            name={fields.skillId.name}
            defaultValue={textValue(fields.skillId.initialValue)}
            required
            aria-invalid={invalid(fields.skillId.errors) || undefined}
            aria-describedby={describedBy(null, fields.skillId.errorId, invalid(fields.skillId.errors))}
            className={ui.input}
          >
            <option value="">{t("members.assess.chooseSkill")}</option>
            {roleSkills.length > 0 ? (
              <optgroup label={t("members.assess.roleSkills")}>
                {roleSkills.map((skill) => (
                  <option key={skill.id} value={skill.id}>
                    {localize(skill.label, lang)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("members.assess.otherSkills")}>
              {otherSkills.map((skill) => (
                <option key={skill.id} value={skill.id}>
                  {localize(skill.label, lang)}
                </option>
              ))}
            </optgroup>
          </select>
          <FieldErrors id={fields.skillId.errorId} errors={fields.skillId.errors} />
        </div>
        <AssessedOnField
          meta={fields.assessedOn}
          label={t("members.assess.date")}
          today={today}
          maxDay={maxDay}
          submitted={Boolean(lastResult)}
        />
      </div>
      <fieldset aria-describedby={describedBy(null, fields.level.errorId, invalid(fields.level.errors))}>
        <legend className={ui.label}>{t("members.assess.level")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {SKILL_LEVELS.map((level) => (
            <label
              key={level}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600/40"
            >
              <input
                type="radio"
                name={fields.level.name}
                value={String(level)}
                defaultChecked={chosenLevel === String(level)}
                required
                aria-invalid={invalid(fields.level.errors) || undefined}
                className="accent-indigo-600"
              />
              {t("members.level", { level, name: levelName(level, lang) })}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.level.errorId} errors={fields.level.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.note.id} className={ui.label}>
          {t("members.assess.note")}
        </label>
        <textarea
          id={fields.note.id}
          name={fields.note.name}
          rows={3}
          maxLength={NOTE_MAX}
          defaultValue={textValue(fields.note.initialValue)}
          aria-invalid={invalid(fields.note.errors) || undefined}
          aria-describedby={describedBy(`${fields.note.id}-hint`, fields.note.errorId, invalid(fields.note.errors))}
          className={ui.input}
        />
        <p id={`${fields.note.id}-hint`} className={ui.hint}>
          {t("members.assess.noteHint")}
        </p>
        <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={ui.primaryButton} disabled={submitting}>
          {submitting ? t("members.form.saving") : t("members.assess.submit")}
        </button>
        <p className="text-sm text-slate-500">{t("members.assess.assessor", { name: assessorName })}</p>
      </div>
    </Form>
  );
}
