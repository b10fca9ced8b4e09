import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, ui } from "~/components/ui";
import { SUMMARY_MAX } from "~/forms/playbook";

/**
 * The end of every playbook form that saves a version: the version's
 * summary (what the version list shows), its errors, and the submit button
 * that says "saving…" while the save runs. Inside the page's <Form>.
 */
export function SaveVersionSection({
  defaultSummary,
  errors,
  submitLabel,
  label,
  hint,
}: {
  /** what the person typed (after a refused save) or the page's suggestion */
  defaultSummary: string;
  errors: string[] | undefined;
  submitLabel: string;
  /** the summary field's label; the playbook's "Summary of the change" by default */
  label?: string;
  /** the hint under the field; the playbook's example of a summary by default */
  hint?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <section className={`${ui.card} space-y-3`}>
      <label htmlFor="summary" className={ui.label}>
        {label ?? t("playbook.summary")}
      </label>
      <input
        id="summary"
        name="summary"
        maxLength={SUMMARY_MAX}
        defaultValue={defaultSummary}
        className={ui.input}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "summary-error" : undefined}
      />
      <p className={ui.hint}>{hint ?? t("playbook.summaryHint")}</p>
      <FieldErrors id="summary-error" errors={errors} />
      <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? t("playbook.saving") : submitLabel}
      </button>
    </section>
  );
}
