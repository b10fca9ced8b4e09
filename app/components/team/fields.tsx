import { useTranslation } from "react-i18next";

/**
 * The errors of one field, as i18n keys from the schema or the model;
 * `values` fills placeholders such as the reporting loop's chain of names.
 */
export function FieldError({ id, errors, values }: { id: string; errors: string[] | undefined; values?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {errors?.map((error) => <p key={error}>{t(error, values)}</p>)}
    </div>
  );
}

/** The ids an input points at with aria-describedby: its hint, and its errors when it has some. */
export function describedBy(hintId: string | null, errorId: string, invalid: boolean): string | undefined {
  const ids = [hintId, invalid ? errorId : null].filter((id): id is string => id !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A text value for an input's defaultValue: conform hands back arrays for repeated inputs. */
export function textValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").join(", ");
  return "";
}
