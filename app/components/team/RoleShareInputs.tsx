import type { FieldMetadata } from "@conform-to/react";
import type { ButtonHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { ui } from "~/components/ui";
import type { Language } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { describedBy, FieldErrors, textValue } from "~/components/ui";
import type { Labelled } from "./format";
import type { MemberFormDefaults } from "./MemberForm";
import { MAX_ROLE_ROWS, parseSharePercent, type RoleRowValue } from "~/forms/team";

type RolesField = FieldMetadata<RoleRowValue[], MemberFormDefaults>;

/** The sum of the shares typed so far (unreadable ones count 0), for the running total. */
function typedTotal(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  return value.reduce<number>((sum, row: unknown) => {
    const share = row && typeof row === "object" ? (row as { share?: unknown }).share : undefined;
    return sum + (typeof share === "string" ? (parseSharePercent(share) ?? 0) : 0);
  }, 0);
}

/**
 * The role rows of the member form: a role and its share of time per row.
 * Rows are added and removed with conform's intent buttons, with or without
 * JavaScript (without it, a round trip that writes nothing); empty rows are ignored.
 */
export function RoleShareInputs({
  roles,
  addButton,
  removeButton,
  roleOptions,
  lang,
}: {
  roles: RolesField;
  /**
   * conform's list intents as submit buttons' props, given by the form: with
   * JavaScript conform handles them in the browser; without it they are
   * posted and the server answers with the form and one row more or less,
   * writing nothing (app/utils/forms.ts).
   */
  addButton: ButtonHTMLAttributes<HTMLButtonElement>;
  removeButton: (index: number) => ButtonHTMLAttributes<HTMLButtonElement>;
  roleOptions: readonly Labelled[];
  lang: Language;
}) {
  const { t } = useTranslation();
  const rows = roles.getFieldList();
  const total = typedTotal(roles.value);
  const groupInvalid = Boolean(roles.errors?.length);

  return (
    <fieldset className="space-y-3" aria-describedby={describedBy(`${roles.id}-hint`, roles.errorId, groupInvalid)}>
      <legend className={ui.label}>{t("members.fields.roles")}</legend>
      <p id={`${roles.id}-hint`} className={ui.hint}>
        {t("members.fields.rolesHint")}
      </p>
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const { roleId, share } = row.getFieldset();
          const number = index + 1;
          const roleInvalid = Boolean(roleId.errors?.length);
          const shareInvalid = Boolean(share.errors?.length);
          return (
            <li key={row.key} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:items-start">
              <div>
                <label htmlFor={roleId.id} className="text-xs font-medium text-slate-600">
                  {t("members.fields.role", { number })}
                </label>
                <select
                  id={roleId.id}
                  name={roleId.name}
                  defaultValue={textValue(roleId.initialValue)}
                  aria-invalid={roleInvalid || undefined}
                  aria-describedby={describedBy(null, roleId.errorId, roleInvalid)}
                  className={ui.input}
                >
                  <option value="">{t("members.fields.chooseRole")}</option>
                  {roleOptions.map((option) => (
                    <option key={option.id} value={option.id}>
                      {localize(option.label, lang)}
                    </option>
                  ))}
                </select>
                <FieldErrors id={roleId.errorId} errors={roleId.errors} />
              </div>
              <div>
                <label htmlFor={share.id} className="text-xs font-medium text-slate-600">
                  {t("members.fields.share", { number })}
                </label>
                <input
                  id={share.id}
                  name={share.name}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={textValue(share.initialValue)}
                  aria-invalid={shareInvalid || undefined}
                  aria-describedby={describedBy(null, share.errorId, shareInvalid)}
                  className={ui.input}
                />
                <FieldErrors id={share.errorId} errors={share.errors} />
              </div>
              {rows.length > 1 ? (
                <button {...removeButton(index)} className={`${ui.secondaryButton} sm:mt-5`}>
                  <span aria-hidden>×</span>
                  <span className="sr-only">{t("members.fields.removeRole", { number })}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        <p className={`text-sm ${total > 100 ? "font-medium text-red-700" : "text-slate-600"}`} aria-live="polite">
          {t("members.fields.totalShare", { total })}
        </p>
        {rows.length < MAX_ROLE_ROWS ? (
          <button {...addButton} className={ui.secondaryButton}>
            {t("members.fields.addRole")}
          </button>
        ) : null}
      </div>
      <FieldErrors id={roles.errorId} errors={roles.errors} />
    </fieldset>
  );
}
