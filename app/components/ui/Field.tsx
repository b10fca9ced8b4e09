import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ui } from "./styles";

/**
 * The errors of one field, as i18n keys from the schema or the model (one
 * key, or a list). `values` fills placeholders such as the reporting loop's
 * chain of names. Always rendered, so aria-describedby has a target and
 * aria-live announces what appears.
 */
export function FieldErrors({
  id,
  errors,
  values,
}: {
  id: string;
  errors: readonly string[] | string | undefined;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const list = typeof errors === "string" ? [errors] : (errors ?? []);
  return (
    <div id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {list.map((error) => (
        <p key={error}>{t(error, values)}</p>
      ))}
    </div>
  );
}

/** The form-level errors, as an alert box (announced when it appears). */
export function FormErrors({ id, errors }: { id: string; errors: readonly string[] | undefined }) {
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

/** The ids an input points at with aria-describedby: its hint, and its errors when it has some. */
export function describedBy(hintId: string | null | undefined, errorId: string, invalid: boolean): string | undefined {
  const ids = [hintId, invalid ? errorId : null].filter((id): id is string => Boolean(id));
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A text value for an input's defaultValue: conform hands back arrays for repeated inputs. */
export function textValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").join(", ");
  return "";
}

/** What a control needs to point at its label, hint and errors. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled control with an optional hint and its errors, for controls that
 * are not a plain input or select: `children` gets the id and aria props.
 */
export function Field({
  id,
  label,
  hint,
  errorId,
  errors,
  errorValues,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errorId: string;
  errors: readonly string[] | string | undefined;
  errorValues?: Record<string, string>;
  className?: string;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const invalid = typeof errors === "string" ? errors !== "" : Boolean(errors?.length);
  const hintId = hint ? `${id}-hint` : null;
  return (
    <div className={className}>
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      {children({
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy(hintId, errorId, invalid),
      })}
      {hint ? (
        <p id={hintId ?? undefined} className={ui.hint}>
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} values={errorValues} />
    </div>
  );
}

type Meta = FieldMetadata<string | undefined> | FieldMetadata<unknown>;
type InputRest = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "defaultValue" | "type" | "form">;

/**
 * A labelled conform text input (its id, name, value, constraints and
 * aria-invalid/aria-describedby from the field), with a hint and its errors.
 */
export function TextField({
  meta,
  label,
  hint,
  type = "text",
  errorValues,
  className = ui.input,
  ...rest
}: {
  meta: Meta;
  label: React.ReactNode;
  hint?: React.ReactNode;
  type?: "text" | "email" | "password" | "date" | "number" | "url";
  errorValues?: Record<string, string>;
} & InputRest) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...input } = getInputProps(meta as FieldMetadata<string | undefined>, { type, ariaDescribedBy: hintId });
  return (
    <Field id={meta.id} label={label} hint={hint} errorId={meta.errorId} errors={meta.errors} errorValues={errorValues}>
      {() => <input {...input} key={key} defaultValue={textValue(meta.initialValue)} {...rest} className={className} />}
    </Field>
  );
}

/** A labelled conform select with a hint and its errors; the options are the children. */
export function SelectField({
  meta,
  label,
  hint,
  errorValues,
  className = ui.input,
  children,
  ...rest
}: {
  meta: Meta;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errorValues?: Record<string, string>;
  children: React.ReactNode;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "defaultValue" | "form" | "children">) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...select } = getSelectProps(meta as FieldMetadata<string | undefined>, { ariaDescribedBy: hintId });
  return (
    <Field id={meta.id} label={label} hint={hint} errorId={meta.errorId} errors={meta.errors} errorValues={errorValues}>
      {() => (
        <select {...select} key={key} defaultValue={textValue(meta.initialValue)} {...rest} className={className}>
          {children}
        </select>
      )}
    </Field>
  );
}
