import { getCollectionProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { USER_KINDS } from "~/domain/permissions";
import type { Language, Localized, RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { FieldErrors, ui } from "~/components/ui";

export interface RoleOption {
  id: RoleId;
  label: Localized;
}

/**
 * A kind of account and, for team leads, the departments they lead. Without
 * JavaScript the departments are always shown (the server says when they do
 * not apply); with it, only while "team lead" is chosen.
 *
 * `hydrated` comes from the component that calls useForm: conform subscribes
 * a field's value only while that component's render is current, so the
 * re-render after hydration must start there.
 */
export function KindFields({
  kind,
  departments,
  roles,
  lang,
  hydrated,
}: {
  kind: FieldMetadata<string | undefined>;
  departments: FieldMetadata<string[] | undefined>;
  roles: RoleOption[];
  lang: Language;
  hydrated: boolean;
}) {
  const { t } = useTranslation();
  // read before the short-circuit below: reading a field's value is what subscribes to its changes
  const chosenKind = kind.value;
  const departmentErrors = departments.errors;
  const showDepartments = !hydrated || chosenKind === "lead" || Boolean(departmentErrors?.length);
  const hintId = `${departments.id}-hint`;
  return (
    <>
      <div>
        <label htmlFor={kind.id} className={ui.label}>
          {t("admin.fields.kind")}
        </label>
        <select {...getSelectProps(kind)} className={ui.input}>
          {USER_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`app.kind.${option}`)} — {t(`admin.kindHelp.${option}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={kind.errorId} errors={kind.errors} />
      </div>
      {showDepartments ? (
        <fieldset aria-describedby={`${hintId} ${departments.errorId}`}>
          <legend className={ui.label}>{t("admin.fields.departments")}</legend>
          <p id={hintId} className={ui.hint}>
            {t("admin.fields.departmentsHint")}
          </p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {getCollectionProps(departments, { type: "checkbox", options: roles.map((role) => role.id) }).map(
              ({ key, ...props }) => (
                <label key={key} className="flex items-center gap-2 text-sm text-slate-700">
                  <input {...props} className="h-4 w-4 accent-indigo-600" />
                  {localize(roles.find((role) => role.id === props.value)!.label, lang)}
                </label>
              ),
            )}
          </div>
          <FieldErrors id={departments.errorId} errors={departments.errors} />
        </fieldset>
      ) : null}
    </>
  );
}

/** Department ids as their labels, for tables. */
export function departmentLabels(ids: readonly string[], roles: RoleOption[], lang: Language): string {
  return ids
    .map((id) => {
      const role = roles.find((candidate) => candidate.id === id);
      return role ? localize(role.label, lang) : id;
    })
    .join(lang === "zh" ? "、" : ", ");
}
