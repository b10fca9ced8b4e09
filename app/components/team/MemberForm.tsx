import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { FormErrors, ui } from "~/components/ui";
import type { FieldConflict } from "~/domain/conflicts";
import { SelectField, TextField } from "~/components/ui";
import type { Language } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import type { Labelled } from "./format";
import { RoleShareInputs } from "./RoleShareInputs";
import {
  DEFAULT_ROLE_ROWS,
  MAX_ROLE_ROWS,
  parseMemberEditForm,
  parseMemberForm,
  type RoleRowValue,
} from "~/forms/team";

export type MemberFormDefaults = {
  name: string;
  email: string;
  title: string;
  roles: RoleRowValue[];
  department: string;
  managerId: string;
  markets: string;
  languages: string;
  startDate: string;
  userId: string;
};

export interface MemberFormOptions {
  roles: readonly Labelled[];
  managers: readonly { id: string; name: string; title: string }[];
  users: readonly { id: string; name: string; email: string }[];
}

/** The role rows a form starts with: one for a new member; the member's roles and one empty row when editing. */
export function roleRowsFor(roles: readonly { roleId: string; sharePercent: number }[]): RoleRowValue[] {
  const rows: RoleRowValue[] = roles.map((role) => ({ roleId: role.roleId, share: String(role.sharePercent) }));
  const wanted = Math.min(MAX_ROLE_ROWS, rows.length === 0 ? DEFAULT_ROLE_ROWS : rows.length + 1);
  while (rows.length < wanted) rows.push({});
  return rows;
}

/** The label key of a member field (the form's keys, except the two named after the person they point to). */
function conflictLabel(field: string): string {
  return field === "managerId" ? "manager" : field === "userId" ? "user" : field;
}

/** A compared value as the reader knows it: names for ids, labels for roles. */
function shownValue(field: string, value: string, options: MemberFormOptions, lang: Language): string {
  const role = (id: string) => {
    const found = options.roles.find((candidate) => candidate.id === id);
    return found ? localize(found.label, lang) : id;
  };
  if (field === "managerId") return options.managers.find((manager) => manager.id === value)?.name ?? value;
  if (field === "userId") return options.users.find((user) => user.id === value)?.name ?? value;
  if (field === "department") return role(value);
  if (field === "roles") {
    return value
      .split(",")
      .map((entry) => {
        const [roleId, share] = entry.split(":");
        return `${role(roleId)} ${share}%`;
      })
      .join(" · ");
  }
  return value;
}

export const EMPTY_MEMBER: MemberFormDefaults = {
  name: "",
  email: "",
  title: "",
  roles: roleRowsFor([]),
  department: "",
  managerId: "",
  markets: "",
  languages: "",
  startDate: "",
  userId: "",
};

/**
 * Adding or editing a member. Posts to `action`; the server answers 400 with
 * an error per field and what was typed, or redirects to the member page.
 */
export function MemberForm({
  id,
  action,
  lastResult,
  cycle,
  defaults,
  options,
  lang,
  submitLabel,
  cancelHref,
  version,
  conflict,
}: {
  id: string;
  action: string;
  lastResult: SubmissionResult<string[]> | undefined;
  /** the names of the reporting loop the server refused, for its message */
  cycle: string[] | undefined;
  defaults: MemberFormDefaults;
  options: MemberFormOptions;
  lang: Language;
  submitLabel: string;
  cancelHref: string;
  /** editing: the version the form was loaded from (or, after a refused stale save, the current one) */
  version?: number;
  /** after a refused stale save: what differs between the saved member and this form */
  conflict?: readonly FieldConflict[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => (version === undefined ? parseMemberForm(formData) : parseMemberEditForm(formData)),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting" && navigation.formAction === action;

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-8">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {conflict?.length ? (
        <ConflictNotice
          conflict={conflict}
          label={(field) => t(`members.fields.${conflictLabel(field)}`)}
          show={(field, value) => shownValue(field, value, options, lang)}
        />
      ) : null}
      <FormErrors
        id={form.errorId}
        errors={
          form.errors?.length
            ? form.errors
            : Object.keys(form.allErrors).length > 0
              ? ["members.form.problems"]
              : undefined
        }
      />

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-person`}>
        <h2 id={`${id}-person`} className={ui.h2}>
          {t("members.form.sectionPerson")}
        </h2>
        <TextField meta={fields.name} label={t("members.fields.name")} required maxLength={100} autoComplete="off" />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            meta={fields.email}
            type="email"
            label={t("members.fields.email")}
            hint={t("members.fields.emailHint")}
            autoComplete="off"
          />
          <TextField
            meta={fields.title}
            label={t("members.fields.title")}
            hint={t("members.fields.titleHint")}
            maxLength={100}
          />
          <TextField meta={fields.startDate} type="date" label={t("members.fields.startDate")} />
          <SelectField meta={fields.userId} label={t("members.fields.user")} hint={t("members.fields.userHint")}>
            <option value="">{t("members.fields.noUser")}</option>
            {options.users.map((user) => (
              <option key={user.id} value={user.id}>
                {t("app.text.withDetail", { text: user.name, detail: user.email })}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-roles`}>
        <h2 id={`${id}-roles`} className={ui.h2}>
          {t("members.form.sectionRoles")}
        </h2>
        <RoleShareInputs
          roles={fields.roles}
          addButton={form.insert.getButtonProps({ name: fields.roles.name, defaultValue: {} })}
          removeButton={(index) => form.remove.getButtonProps({ name: fields.roles.name, index })}
          roleOptions={options.roles}
          lang={lang}
        />
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-org`}>
        <h2 id={`${id}-org`} className={ui.h2}>
          {t("members.form.sectionOrg")}
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField
            meta={fields.department}
            label={t("members.fields.department")}
            hint={t("members.fields.departmentHint")}
          >
            <option value="">{t("members.noDepartment")}</option>
            {options.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {localize(role.label, lang)}
              </option>
            ))}
          </SelectField>
          <SelectField
            meta={fields.managerId}
            label={t("members.fields.manager")}
            hint={t("members.fields.managerHint")}
            errorValues={{ chain: (cycle ?? []).join(" → ") }}
          >
            <option value="">{t("members.fields.noManager")}</option>
            {options.managers.map((manager) => (
              <option key={manager.id} value={manager.id}>
                {manager.title ? `${manager.name} · ${manager.title}` : manager.name}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-more`}>
        <h2 id={`${id}-more`} className={ui.h2}>
          {t("members.form.sectionMore")}
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          {(["markets", "languages"] as const).map((key) => (
            <TextField
              key={key}
              meta={fields[key]}
              label={t(`members.fields.${key}`)}
              hint={t(`members.fields.${key}Hint`)}
              autoComplete="off"
            />
          ))}
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={ui.primaryButton} disabled={submitting}>
          {submitting ? t("members.form.saving") : submitLabel}
        </button>
        <Link to={cancelHref} className={ui.secondaryButton}>
          {t("members.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
