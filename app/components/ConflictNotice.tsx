import { useTranslation } from "react-i18next";
import type { FieldConflict } from "~/domain/conflicts";

/**
 * The notice of a refused stale save (409, decision 0009): each field where
 * the saved record differs from what this person submitted. Their entries
 * stay in the form below; saving again is a deliberate choice.
 */
export function ConflictNotice({
  conflict,
  label,
  show = (_field, value) => value,
}: {
  conflict: readonly FieldConflict[];
  /** the field's label, in the reader's language */
  label: (field: string) => string;
  /** a value as the reader knows it (a name for an id, a label for a code) */
  show?: (field: string, value: string) => string;
}) {
  const { t } = useTranslation();
  const shown = (field: string, value: string) => (value === "" ? t("forms.conflict.empty") : show(field, value));
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="conflict"
    >
      <p className="font-semibold">{t("forms.conflict.title")}</p>
      <p className="mt-1">{t("forms.conflict.text")}</p>
      <table className="mt-3 text-left">
        <thead>
          <tr>
            <th className="pr-4">{t("forms.conflict.field")}</th>
            <th className="pr-4">{t("forms.conflict.theirs")}</th>
            <th>{t("forms.conflict.yours")}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <th scope="row" className="pr-4 font-medium">
                {label(change.field)}
              </th>
              <td className="pr-4">{shown(change.field, change.theirs)}</td>
              <td>{shown(change.field, change.yours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
