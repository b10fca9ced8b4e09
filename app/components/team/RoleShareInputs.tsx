import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ui } from "~/components/settings/ui";
import { useHydrated } from "~/components/settings/useHydrated";
import type { Language } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { describedBy, FieldError, textValue } from "./fields";
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
 * Without JavaScript the form brings a fixed number of rows (empty ones are
 * ignored); with it, rows can be added and removed.
 */
export function RoleShareInputs({
  roles,
  onAdd,
  onRemove,
  roleOptions,
  lang,
}: {
  roles: RolesField;
  /** conform's list intents, given by the form (JavaScript only) */
  onAdd: () => void;
  onRemove: (index: number) => void;
  roleOptions: readonly Labelled[];
  lang: Language;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
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
                <FieldError id={roleId.errorId} errors={roleId.errors} />
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
                <FieldError id={share.errorId} errors={share.errors} />
              </div>
              {hydrated && rows.length > 1 ? (
                <button
                  type="button"
                  className={`${ui.secondaryButton} sm:mt-5`}
                  onClick={() => onRemove(index)}
                >
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
        {hydrated && rows.length < MAX_ROLE_ROWS ? (
          <button type="button" className={ui.secondaryButton} onClick={onAdd}>
            {t("members.fields.addRole")}
          </button>
        ) : null}
      </div>
      <FieldError id={roles.errorId} errors={roles.errors} />
    </fieldset>
  );
}
