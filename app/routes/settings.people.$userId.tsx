import { adminStrings } from "~/locales/admin";
import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction, ConfirmPanel } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { departmentLabels, KindFields } from "~/components/settings/KindFields";
import { useHydrated } from "~/components/ui";
import { Badge, CopyField, DateTime, formatDateTime, FormErrors, StatusMessage, ui, useLang } from "~/components/ui";
import { playbookForOrganisation } from "~/models/playbook.server";
import { accountBlocks } from "~/models/sign-in-throttle.server";
import { issuePasswordReset } from "~/models/password-reset.server";
import {
  changeKind,
  disableUser,
  enableUser,
  getUserForAdmin,
  unlockSignIn,
  type AdminChangeResult,
} from "~/models/user-admin.server";
import { notFound, requireOwnRecord, type RequestArgs } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { recordIdParam } from "~/forms/common";
import { changeKindSchema, SETTINGS_FORM, userChangeSchema } from "~/forms/settings";
import {
  allMessagesOf,
  conflictSubmission,
  invalidSubmission,
  parseForm,
  readFormData,
  validateWith,
} from "~/utils/forms";
import { conflictingFields } from "~/domain/conflicts";
import { ConflictNotice } from "~/components/ConflictNotice";

const DONE = ["kind_changed", "unchanged", "disabled", "enabled", "unlocked"] as const;
type Done = (typeof DONE)[number];

/** The model's refusals as the message the admin reads. */
const REFUSALS = { self: "admin.errors.disableSelf", last_admin: "admin.errors.lastAdmin" } as const;

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.people, adminStrings[lang].title]);

/** The person in the address, of the admin's own organisation: unknown here or another organisation's, the same 404. */
const requirePerson = (args: RequestArgs, userId: string | undefined, permission: "users.read" | "users.manage") => {
  const id = recordIdParam(userId);
  return requireOwnRecord(args, {
    permission,
    id,
    scope: { userId: id },
    find: ({ organisationId, id }) => getUserForAdmin({ organisationId, userId: id }),
  });
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, found: user } = await requirePerson({ request, context }, params.userId, "users.read");
  const playbook = await playbookForOrganisation(actor.organisationId);
  const search = new URL(request.url).searchParams;
  const blocks = await accountBlocks({ email: user.email });
  return {
    user,
    blocks: { addresses: blocks.addresses, until: blocks.until?.toISOString() ?? null },
    isSelf: user.id === actor.userId,
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    confirmDisable: search.get("confirm") === "disable" && !user.disabledAt && user.id !== actor.userId,
    done: DONE.find((value) => value === search.get("done")) ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, found: target } = await requirePerson({ request, context }, params.userId, "users.manage");
  const userId = target.id;
  const formData = await readFormData(request);
  const submission = parseForm(formData, userChangeSchema, SETTINGS_FORM);
  // which of the page's forms sent it, so its errors show beside it
  const sentIntent = formData.get("intent");
  const extra = {
    intent:
      sentIntent === "change_kind" ||
      sentIntent === "disable" ||
      sentIntent === "enable" ||
      sentIntent === "unlock" ||
      sentIntent === "issue_reset"
        ? sentIntent
        : null,
    conflict: null,
    version: null,
    resetLink: null as string | null,
  };
  if (submission.status !== "success") return invalidSubmission(submission, { extra });

  const input = {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    userId,
    ipAddress: clientAddress(request, context),
  };
  const value = submission.value;
  if (value.intent === "issue_reset") {
    // answered on the page, not by a redirect: the link is shown this once and kept nowhere
    const issued = await issuePasswordReset(input);
    if (!issued) return invalidSubmission(submission, { formErrors: ["access.adminReset.disabled"], extra });
    return {
      ...extra,
      resetLink: `${new URL(request.url).origin}/reset-password/${issued.token}`,
      lastResult: submission.reply({ resetForm: true }),
    };
  }
  let result: AdminChangeResult;
  let done: Done;
  if (value.intent === "change_kind") {
    result = await changeKind({ ...input, kind: value.kind, departments: value.departments, version: value.version });
    done = result.ok && !result.changed ? "unchanged" : "kind_changed";
  } else if (value.intent === "disable") {
    result = await disableUser(input);
    done = "disabled";
  } else if (value.intent === "unlock") {
    result = await unlockSignIn(input);
    done = "unlocked";
  } else {
    result = await enableUser(input);
    done = "enabled";
  }
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    if (result.reason === "conflict") {
      const shown = (kind: string, departments: readonly string[]) => ({
        kind,
        departments: [...departments].sort().join(","),
      });
      const theirs = shown(result.current.kind, result.current.departments);
      const yours =
        value.intent === "change_kind" ? shown(value.kind, value.kind === "lead" ? value.departments : []) : theirs;
      const conflict = conflictingFields(theirs, yours, ["kind", "departments"] as const);
      return conflictSubmission(submission, { conflict, version: result.current.version, extra });
    }
    return invalidSubmission(submission, { formErrors: [REFUSALS[result.reason]], extra });
  }
  // an admin who gave themselves another kind may no longer see this page
  if (value.intent === "change_kind" && userId === actor.userId && value.kind !== "admin") return redirect("/settings");
  return redirect(`/settings/people/${encodeURIComponent(userId)}?done=${done}`);
}

export default function PersonSettings() {
  const { user, isSelf, roles, confirmDisable, done, blocks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const here = `/settings/people/${user.id}`;
  const otherErrors = actionData && actionData.intent !== "change_kind" ? allMessagesOf(actionData.lastResult) : [];

  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/settings/people" className={ui.link}>
          ← {t("admin.person.back")}
        </Link>
      </p>
      <section aria-labelledby="person-title" className={ui.card}>
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="person-title" className={ui.h2}>
            {user.name}
          </h2>
          {user.disabledAt ? (
            <Badge tone="slate">{t("admin.people.status.disabled")}</Badge>
          ) : (
            <Badge tone="green">{t("admin.people.status.active")}</Badge>
          )}
          {isSelf ? <span className="text-xs text-slate-500">{t("admin.common.you")}</span> : null}
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">{t("admin.fields.email")}</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-slate-500">{t("admin.fields.kind")}</dt>
          <dd>{t(`app.kind.${user.kind}`)}</dd>
          {user.kind === "lead" ? (
            <>
              <dt className="text-slate-500">{t("admin.fields.departments")}</dt>
              <dd>{departmentLabels(user.departments, roles, lang)}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t("admin.person.since")}</dt>
          <dd>
            <DateTime value={user.createdAt} lang={lang} />
          </dd>
          {user.disabledAt ? (
            <>
              <dt className="text-slate-500">{t("admin.person.disabledSince")}</dt>
              <dd>
                <DateTime value={user.disabledAt} lang={lang} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {done === "unlocked" ? (
        <StatusMessage>{t("security.unlock.done", { name: user.name })}</StatusMessage>
      ) : done ? (
        <StatusMessage tone={done === "unchanged" ? "info" : "success"}>
          {t(`admin.person.done.${done}`, { name: user.name })}
        </StatusMessage>
      ) : null}
      <FormErrors id="person-errors" errors={otherErrors} />

      {confirmDisable ? (
        <ConfirmPanel
          id="confirm-disable"
          action={here}
          fields={{ intent: "disable" }}
          cancelHref={here}
          title={t("admin.person.confirmDisableTitle", { name: user.name })}
          body={t("admin.person.confirmDisableText")}
          confirmLabel={t("admin.person.confirmDisable")}
        />
      ) : null}

      <section aria-labelledby="unlock-title" className={`${ui.card} space-y-3`} data-testid="sign-in-blocks">
        <h3 id="unlock-title" className="font-semibold text-slate-900">
          {t("security.unlock.title")}
        </h3>
        <p className="text-sm text-slate-600">
          {blocks.addresses > 0 && blocks.until
            ? t("security.unlock.some", {
                count: blocks.addresses,
                until: formatDateTime(new Date(blocks.until), lang),
              })
            : t("security.unlock.none")}
        </p>
        {blocks.addresses > 0 ? (
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="unlock" />
            <button type="submit" className={ui.primaryButton}>
              {t("security.unlock.submit")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="reset-title" className={`${ui.card} space-y-3`} data-testid="admin-reset">
        <h3 id="reset-title" className="font-semibold text-slate-900">
          {t("access.adminReset.title")}
        </h3>
        <p className="text-sm text-slate-600">{t("access.adminReset.text")}</p>
        {actionData?.resetLink ? (
          <div className="space-y-2">
            <StatusMessage>{t("access.adminReset.shownOnce", { name: user.name })}</StatusMessage>
            <CopyField id="reset-link" label={t("access.adminReset.copy")} value={actionData.resetLink} />
          </div>
        ) : user.disabledAt ? (
          <p className="text-sm text-slate-600">{t("access.adminReset.disabled")}</p>
        ) : (
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="issue_reset" />
            <button type="submit" className={ui.secondaryButton}>
              {t("access.adminReset.submit")}
            </button>
          </Form>
        )}
      </section>

      <ChangeKindForm key={`${user.kind}:${user.departments.join(",")}`} user={user} roles={roles} />

      <section aria-labelledby="access-title" className={`${ui.card} space-y-3`}>
        <h3 id="access-title" className="font-semibold text-slate-900">
          {user.disabledAt ? t("admin.person.enableTitle") : t("admin.person.disableTitle")}
        </h3>
        {user.disabledAt ? (
          <>
            <p className="text-sm text-slate-600">{t("admin.person.enableText")}</p>
            <Form method="post" action={here}>
              <input type="hidden" name="intent" value="enable" />
              <button type="submit" className={ui.primaryButton}>
                {t("admin.person.enable")}
              </button>
            </Form>
          </>
        ) : isSelf ? (
          <p className="text-sm text-slate-600">{t("admin.person.selfNote")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("admin.person.disableText")}</p>
            <ConfirmAction
              confirmHref={`${here}?confirm=disable#confirm-disable`}
              action={here}
              fields={{ intent: "disable" }}
              triggerStyle="button"
              triggerLabel={t("admin.person.disable")}
              title={t("admin.person.confirmDisableTitle", { name: user.name })}
              body={t("admin.person.confirmDisableText")}
              confirmLabel={t("admin.person.confirmDisable")}
            />
          </>
        )}
      </section>
    </div>
  );
}

type PersonData = ReturnType<typeof useLoaderData<typeof loader>>;

function ChangeKindForm({ user, roles }: Pick<PersonData, "user" | "roles">) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const kindConflict = actionData?.intent === "change_kind" && actionData.conflict ? actionData.conflict : null;
  const [form, fields] = useForm({
    id: "change-kind",
    lastResult: actionData?.intent === "change_kind" ? actionData.lastResult : undefined,
    defaultValue: { intent: "change_kind", kind: user.kind, departments: user.departments },
    onValidate: validateWith(changeKindSchema, SETTINGS_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="kind-title" className={`${ui.card} space-y-4`}>
      <div>
        <h3 id="kind-title" className="font-semibold text-slate-900">
          {t("admin.person.changeKindTitle")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("admin.person.changeKindText")}</p>
      </div>
      <Form method="post" action={`/settings/people/${user.id}`} {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="change_kind" />
        {/* the version this form was loaded from; after a refused save, the one saved now */}
        <input type="hidden" name="version" value={(kindConflict ? actionData?.version : null) ?? user.version} />
        {kindConflict ? (
          <ConflictNotice
            conflict={kindConflict}
            label={(field) => t(`admin.fields.${field}`)}
            show={(field, value) =>
              field === "kind" ? t(`app.kind.${value}`) : departmentLabels(value ? value.split(",") : [], roles, lang)
            }
          />
        ) : (
          <FormErrors id={form.errorId} errors={form.errors} />
        )}
        <KindFields kind={fields.kind} departments={fields.departments} roles={roles} lang={lang} hydrated={hydrated} />
        <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
          {t("admin.person.saveKind")}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
