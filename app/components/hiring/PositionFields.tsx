import { useTranslation } from "react-i18next";
import { describedBy, Field, FieldErrors, ui } from "~/components/ui";
import { HEADCOUNT_MAX, POSITION_TITLE_MAX, REASON_MAX } from "~/forms/hiring";
import { BudgetFields } from "./budget";

/** A form's errors by field name, as conform's reply carries them. */
export type FormFieldErrors = Record<string, readonly string[] | null | undefined>;

/** What the fields show: as saved, or as typed before a refusal. */
export interface PositionFieldValues {
  title: string;
  headcount: string;
  targetQuarter: string;
  reason: string;
  budgetAmount: string;
  budgetCurrency: string;
  isPublic: boolean;
}

const errorsOf = (errors: FormFieldErrors, name: string) => errors[name] ?? undefined;

/**
 * The fields a position is made of, for the form that adds one by hand and
 * the form that edits one: title, headcount, target quarter, reason, budget
 * per person and the "public" mark. The forms put their own fields (role,
 * owner, notes) around it; the grid is the form's (two columns from sm).
 */
export function PositionFields({
  values,
  errors,
  titlePlaceholder,
  reasonPlaceholder,
  reasonRows = 3,
}: {
  values: PositionFieldValues;
  errors: FormFieldErrors;
  titlePlaceholder: string;
  reasonPlaceholder?: string;
  reasonRows?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field id="title" label={t("hiring.manual.title")} errorId="title-error" errors={errorsOf(errors, "title")}>
        {(control) => (
          <input
            {...control}
            name="title"
            type="text"
            maxLength={POSITION_TITLE_MAX}
            placeholder={titlePlaceholder}
            defaultValue={values.title}
            className={ui.input}
          />
        )}
      </Field>
      <Field
        id="headcount"
        label={t("hiring.plan.headcount")}
        errorId="headcount-error"
        errors={errorsOf(errors, "headcount")}
      >
        {(control) => (
          <input
            {...control}
            name="headcount"
            type="number"
            min={1}
            max={HEADCOUNT_MAX}
            defaultValue={values.headcount}
            className={`${ui.input} w-28`}
          />
        )}
      </Field>
      <Field
        id="targetQuarter"
        label={t("hiring.proposal.quarter")}
        errorId="targetQuarter-error"
        errors={errorsOf(errors, "targetQuarter")}
      >
        {(control) => (
          <input
            {...control}
            name="targetQuarter"
            type="text"
            placeholder="2027-Q1"
            defaultValue={values.targetQuarter}
            className={`${ui.input} w-36`}
          />
        )}
      </Field>
      <Field
        id="reason"
        label={t("hiring.manual.reason")}
        errorId="reason-error"
        errors={errorsOf(errors, "reason")}
        className="sm:col-span-2"
      >
        {(control) => (
          <textarea
            {...control}
            name="reason"
            rows={reasonRows}
            maxLength={REASON_MAX}
            placeholder={reasonPlaceholder}
            defaultValue={values.reason}
            className={ui.input}
          />
        )}
      </Field>
      <BudgetFields
        amount={values.budgetAmount}
        currency={values.budgetCurrency}
        errors={{ budgetAmount: errorsOf(errors, "budgetAmount"), budgetCurrency: errorsOf(errors, "budgetCurrency") }}
      />
      <PublicField checked={values.isPublic} errors={errorsOf(errors, "isPublic")} />
    </>
  );
}

/** The "public" mark, with who will see the position (PRODUCT.md "Privacy"). */
function PublicField({ checked, errors }: { checked: boolean; errors: readonly string[] | undefined }) {
  const { t } = useTranslation();
  const invalid = Boolean(errors?.length);
  return (
    <div className="sm:col-span-2">
      <label htmlFor="isPublic" className="flex items-start gap-2 text-sm font-medium text-slate-700">
        <input
          id="isPublic"
          name="isPublic"
          type="checkbox"
          defaultChecked={checked}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy("isPublic-hint", "isPublic-error", invalid)}
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        {t("hiringPublic.field.label")}
      </label>
      <p id="isPublic-hint" className={`${ui.hint} ml-6 max-w-2xl`}>
        {t("hiringPublic.field.hint")}
      </p>
      <FieldErrors id="isPublic-error" errors={errors} />
    </div>
  );
}
