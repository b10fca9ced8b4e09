import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/** The look of a text input across the app's forms. */
export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600";

/** The errors of one field (or of the form), as i18n keys from the schema. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {errors?.map((error) => <p key={error}>{t(error)}</p>)}
    </div>
  );
}

/** The form-level errors, as an alert box (announced when it appears). */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {errors.map((error) => (
        <p key={error}>{t(error)}</p>
      ))}
    </div>
  );
}

/** A labelled conform text input with an optional hint and its errors. */
export function TextField({
  meta,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...input } = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input {...input} key={key} autoComplete={autoComplete} className={inputClass} />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
