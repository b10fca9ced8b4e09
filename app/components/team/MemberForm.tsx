import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { FormErrors, ui } from "~/components/settings/ui";
import type { FieldConflict } from "~/domain/conflicts";
import type { Language } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { describedBy, FieldError, textValue } from "./fields";
import type { Labelled } from "./format";
import { RoleShareInputs } from "./RoleShareInputs";
import { DEFAULT_ROLE_ROWS, MAX_ROLE_ROWS, parseMemberEditForm, parseMemberForm, type RoleRowValue } from "~/forms/team";

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

/** The role rows a form starts with: the member's roles, then empty rows to fill in without JavaScript. */
export function roleRowsFor(roles: readonly { roleId: string; sharePercent: number }[]): RoleRowValue[] {
  const rows: RoleRowValue[] = roles.map((role) => ({ roleId: role.roleId, share: String(role.sharePercent) }));
  const wanted = Math.min(MAX_ROLE_ROWS, Math.max(DEFAULT_ROLE_ROWS, rows.length + 1));
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
  const invalid = (errors: string[] | undefined) => Boolean(errors?.length);

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-8">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {conflict?.length ? <ConflictNotice conflict={conflict} label={(field) => t(`members.fields.${conflictLabel(field)}`)} show={(field, value) => shownValue(field, value, options, lang)} /> : null}
      <FormErrors id={form.errorId} errors={form.errors?.length ? form.errors : Object.keys(form.allErrors).length > 0 ? ["members.form.problems"] : undefined} />

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-person`}>
        <h2 id={`${id}-person`} className={ui.h2}>
          {t("members.form.sectionPerson")}
        </h2>
        <div>
          <label htmlFor={fields.name.id} className={ui.label}>
            {t("members.fields.name")}
          </label>
          <input
            id={fields.name.id}
            name={fields.name.name}
            defaultValue={textValue(fields.name.initialValue)}
            required
            maxLength={100}
            autoComplete="off"
            aria-invalid={invalid(fields.name.errors) || undefined}
            aria-describedby={describedBy(null, fields.name.errorId, invalid(fields.name.errors))}
            className={ui.input}
          />
          <FieldError id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor={fields.email.id} className={ui.label}>
              {t("members.fields.email")}
            </label>
            <input
              id={fields.email.id}
              name={fields.email.name}
              type="email"
              defaultValue={textValue(fields.email.initialValue)}
              autoComplete="off"
              aria-invalid={invalid(fields.email.errors) || undefined}
              aria-describedby={describedBy(`${fields.email.id}-hint`, fields.email.errorId, invalid(fields.email.errors))}
              className={ui.input}
            />
            <p id={`${fields.email.id}-hint`} className={ui.hint}>
              {t("members.fields.emailHint")}
            </p>
            <FieldError id={fields.email.errorId} errors={fields.email.errors} />
          </div>
          <div>
            <label htmlFor={fields.title.id} className={ui.label}>
              {t("members.fields.title")}
            </label>
            <input
              id={fields.title.id}
              name={fields.title.name}
              defaultValue={textValue(fields.title.initialValue)}
              maxLength={100}
              aria-invalid={invalid(fields.title.errors) || undefined}
              aria-describedby={describedBy(`${fields.title.id}-hint`, fields.title.errorId, invalid(fields.title.errors))}
              className={ui.input}
            />
            <p id={`${fields.title.id}-hint`} className={ui.hint}>
              {t("members.fields.titleHint")}
            </p>
            <FieldError id={fields.title.errorId} errors={fields.title.errors} />
          </div>
          <div>
            <label htmlFor={fields.startDate.id} className={ui.label}>
              {t("members.fields.startDate")}
            </label>
            <input
              id={fields.startDate.id}
              name={fields.startDate.name}
              type="date"
              defaultValue={textValue(fields.startDate.initialValue)}
              aria-invalid={invalid(fields.startDate.errors) || undefined}
              aria-describedby={describedBy(null, fields.startDate.errorId, invalid(fields.startDate.errors))}
              className={ui.input}
            />
            <FieldError id={fields.startDate.errorId} errors={fields.startDate.errors} />
          </div>
          <div>
            <label htmlFor={fields.userId.id} className={ui.label}>
              {t("members.fields.user")}
            </label>
            <select
              id={fields.userId.id}
              name={fields.userId.name}
              defaultValue={textValue(fields.userId.initialValue)}
              aria-invalid={invalid(fields.userId.errors) || undefined}
              aria-describedby={describedBy(`${fields.userId.id}-hint`, fields.userId.errorId, invalid(fields.userId.errors))}
              className={ui.input}
            >
              <option value="">{t("members.fields.noUser")}</option>
              {options.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </select>
            <p id={`${fields.userId.id}-hint`} className={ui.hint}>
              {t("members.fields.userHint")}
            </p>
            <FieldError id={fields.userId.errorId} errors={fields.userId.errors} />
          </div>
        </div>
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-roles`}>
        <h2 id={`${id}-roles`} className={ui.h2}>
          {t("members.form.sectionRoles")}
        </h2>
        <RoleShareInputs
          roles={fields.roles}
          onAdd={() => form.insert({ name: fields.roles.name, defaultValue: {} })}
          onRemove={(index) => form.remove({ name: fields.roles.name, index })}
          roleOptions={options.roles}
          lang={lang}
        />
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-org`}>
        <h2 id={`${id}-org`} className={ui.h2}>
          {t("members.form.sectionOrg")}
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor={fields.department.id} className={ui.label}>
              {t("members.fields.department")}
            </label>
            <select
              id={fields.department.id}
              name={fields.department.name}
              defaultValue={textValue(fields.department.initialValue)}
              aria-invalid={invalid(fields.department.errors) || undefined}
              aria-describedby={describedBy(`${fields.department.id}-hint`, fields.department.errorId, invalid(fields.department.errors))}
              className={ui.input}
            >
              <option value="">{t("members.noDepartment")}</option>
              {options.roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {localize(role.label, lang)}
                </option>
              ))}
            </select>
            <p id={`${fields.department.id}-hint`} className={ui.hint}>
              {t("members.fields.departmentHint")}
            </p>
            <FieldError id={fields.department.errorId} errors={fields.department.errors} />
          </div>
          <div>
            <label htmlFor={fields.managerId.id} className={ui.label}>
              {t("members.fields.manager")}
            </label>
            <select
              id={fields.managerId.id}
              name={fields.managerId.name}
              defaultValue={textValue(fields.managerId.initialValue)}
              aria-invalid={invalid(fields.managerId.errors) || undefined}
              aria-describedby={describedBy(`${fields.managerId.id}-hint`, fields.managerId.errorId, invalid(fields.managerId.errors))}
              className={ui.input}
            >
              <option value="">{t("members.fields.noManager")}</option>
              {options.managers.map((manager) => (
                <option key={manager.id} value={manager.id}>
                  {manager.title ? `${manager.name} · ${manager.title}` : manager.name}
                </option>
              ))}
            </select>
            <p id={`${fields.managerId.id}-hint`} className={ui.hint}>
              {t("members.fields.managerHint")}
            </p>
            <FieldError id={fields.managerId.errorId} errors={fields.managerId.errors} values={{ chain: (cycle ?? []).join(" → ") }} />
          </div>
        </div>
      </section>

      <section className={`${ui.card} space-y-5`} aria-labelledby={`${id}-more`}>
        <h2 id={`${id}-more`} className={ui.h2}>
          {t("members.form.sectionMore")}
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          {(["markets", "languages"] as const).map((key) => {
            const field = fields[key];
            return (
              <div key={key}>
                <label htmlFor={field.id} className={ui.label}>
                  {t(`members.fields.${key}`)}
                </label>
                <input
                  id={field.id}
                  name={field.name}
                  defaultValue={textValue(field.initialValue)}
                  autoComplete="off"
                  aria-invalid={invalid(field.errors) || undefined}
                  aria-describedby={describedBy(`${field.id}-hint`, field.errorId, invalid(field.errors))}
                  className={ui.input}
                />
                <p id={`${field.id}-hint`} className={ui.hint}>
                  {t(`members.fields.${key}Hint`)}
                </p>
                <FieldError id={field.errorId} errors={field.errors} />
              </div>
            );
          })}
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
