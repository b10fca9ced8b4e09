import { adminStrings } from "~/locales/admin";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction } from "~/components/ui";
import { CopyField } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { departmentLabels, KindFields, type RoleOption } from "~/components/settings/KindFields";
import { useHydrated } from "~/components/ui";
import { Badge, DateTime, FieldErrors, FormErrors, StatusMessage, ui, useLang } from "~/components/ui";
import { permissionsOf } from "~/domain/permissions";
import { safely } from "~/models/notify.server";
import { languageFor } from "~/utils/i18n.server";
import { queueInvitationMail } from "~/models/reminders.server";
import { createInvite, inviteUrl, listInvites, type InviteStatus } from "~/models/invite.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { listUsers } from "~/models/user-admin.server";
import { emailIsTakenInOrganisation } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { inviteSchema, SETTINGS_FORM } from "~/forms/settings";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";

/** Messages that other pages send people back here with. */
const DONE = ["invite_revoked"] as const;

const NOTHING_CREATED = { created: null };

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.people, adminStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "users.read");
  const [users, invites, playbook] = await Promise.all([
    listUsers({ organisationId: actor.organisationId }),
    listInvites(actor.organisationId),
    playbookForOrganisation(actor.organisationId),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return {
    viewerId: actor.userId,
    canManage: permissionsOf(actor).includes("users.manage"),
    users,
    // never the token hash: only what the table shows
    invites: invites.map(({ id, email, kind, departments, status, createdAt, expiresAt }) => ({
      id,
      email,
      kind,
      departments,
      status,
      createdAt,
      expiresAt,
    })),
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    done: DONE.find((value) => value === done) ?? null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, user } = await requirePermission({ request, context }, "users.manage");
  const submission = parseForm(await readFormData(request), inviteSchema, SETTINGS_FORM);
  if (submission.status !== "success") return invalidSubmission(submission, { extra: NOTHING_CREATED });
  const { email, kind, departments } = submission.value;
  // Only this organisation's people are checked: whether an email has an account elsewhere is not
  // this admin's to learn (issue 14). Such an invitation fails neutrally when accepted.
  if (await emailIsTakenInOrganisation({ email, organisationId: actor.organisationId })) {
    return invalidSubmission(submission, {
      fieldErrors: { email: ["admin.errors.emailTaken"] },
      extra: NOTHING_CREATED,
    });
  }
  const invite = await createInvite({
    organisationId: actor.organisationId,
    createdById: actor.userId,
    email,
    kind,
    departments,
    ipAddress: clientAddress(request, context),
  });
  const lang = await languageFor(request);
  await safely("invitation email", () =>
    queueInvitationMail({
      organisationId: actor.organisationId,
      inviteId: invite.id,
      email,
      token: invite.token,
      expiresAt: invite.expiresAt,
      inviterName: user.name,
      lang,
    }),
  );
  return data(
    {
      lastResult: submission.reply({ resetForm: true }),
      // shown this once: only the hash is stored
      created: { email, url: inviteUrl(new URL(request.url).origin, invite.token), expiresAt: invite.expiresAt },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * /settings/people/$userId is a child of this route (its file name nests
 * it): there the person's page replaces the list.
 */
export default function PeopleRoute() {
  const outlet = useOutlet();
  return outlet ?? <PeopleSettings />;
}

function PeopleSettings() {
  const { users, invites, roles, viewerId, canManage, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();

  return (
    <div className="space-y-10">
      <section aria-labelledby="people-title" className="space-y-4">
        <div>
          <h2 id="people-title" className={ui.h2}>
            {t("admin.people.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("admin.people.intro")}</p>
        </div>
        {done ? <StatusMessage>{t(`admin.people.done.${done}`)}</StatusMessage> : null}
        {users.length === 0 ? (
          <p className={ui.empty}>{t("admin.people.empty")}</p>
        ) : (
          <div className={ui.tableWrap} tabIndex={0}>
            <table className={ui.table} data-testid="users-table">
              <caption className="sr-only">{t("admin.people.title")}</caption>
              <thead className={ui.thead}>
                <tr>
                  <th scope="col" className={ui.th}>
                    {t("admin.people.columns.name")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.people.columns.email")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.people.columns.kind")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.people.columns.departments")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.people.columns.status")}
                  </th>
                  {canManage ? (
                    <th scope="col" className={ui.th}>
                      <span className="sr-only">{t("admin.common.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.map((user) => (
                  <tr key={user.id} data-user={user.id} className={user.disabledAt ? "text-slate-500" : undefined}>
                    <th scope="row" className={`${ui.td} text-left font-semibold`}>
                      {user.name}
                      {user.id === viewerId ? (
                        <span className="ml-2 text-xs font-normal text-slate-500">{t("admin.common.you")}</span>
                      ) : null}
                    </th>
                    <td className={`${ui.td} break-all`}>{user.email}</td>
                    <td className={`${ui.td} whitespace-nowrap`}>{t(`app.kind.${user.kind}`)}</td>
                    <td className={ui.td}>
                      {user.kind === "lead" ? departmentLabels(user.departments, roles, lang) : "—"}
                    </td>
                    <td className={ui.td}>
                      {user.disabledAt ? (
                        <Badge tone="slate">{t("admin.people.status.disabled")}</Badge>
                      ) : (
                        <Badge tone="green">{t("admin.people.status.active")}</Badge>
                      )}
                    </td>
                    {canManage ? (
                      <td className={`${ui.td} whitespace-nowrap text-right`}>
                        <Link
                          to={`/settings/people/${user.id}`}
                          className={ui.link}
                          aria-label={t("admin.people.manageLabel", { name: user.name })}
                        >
                          {t("admin.people.manage")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="invites-title" className="space-y-4">
        <div>
          <h2 id="invites-title" className={ui.h2}>
            {t("admin.invites.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("admin.invites.intro")}</p>
        </div>
        {invites.length === 0 ? (
          <p className={ui.empty}>{t("admin.invites.empty")}</p>
        ) : (
          <div className={ui.tableWrap} tabIndex={0}>
            <table className={ui.table} data-testid="invites-table">
              <caption className="sr-only">{t("admin.invites.title")}</caption>
              <thead className={ui.thead}>
                <tr>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.email")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.kind")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.departments")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.status")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.created")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.invites.columns.expires")}
                  </th>
                  {canManage ? (
                    <th scope="col" className={ui.th}>
                      <span className="sr-only">{t("admin.common.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invites.map((invite) => (
                  <tr key={invite.id} data-invite={invite.id} data-status={invite.status}>
                    <th scope="row" className={`${ui.td} break-all text-left font-medium`}>
                      {invite.email}
                    </th>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {t(`app.kind.${invite.kind}`, { defaultValue: invite.kind })}
                    </td>
                    <td className={ui.td}>
                      {invite.departments.length ? departmentLabels(invite.departments, roles, lang) : "—"}
                    </td>
                    <td className={ui.td}>
                      <InviteStatusBadge status={invite.status} />
                    </td>
                    <td className={ui.td}>
                      <DateTime value={invite.createdAt} lang={lang} />
                    </td>
                    <td className={ui.td}>
                      <DateTime value={invite.expiresAt} lang={lang} />
                    </td>
                    {canManage ? (
                      <td className={`${ui.td} whitespace-nowrap text-right`}>
                        {invite.status === "pending" ? (
                          <ConfirmAction
                            confirmHref={`/settings/invites/${invite.id}`}
                            action={`/settings/invites/${invite.id}`}
                            triggerLabel={t("admin.invites.revoke")}
                            triggerAriaLabel={t("admin.invites.revokeLabel", { email: invite.email })}
                            title={t("admin.invites.confirmTitle")}
                            body={t("admin.invites.confirmText", { email: invite.email })}
                            confirmLabel={t("admin.invites.confirm")}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canManage ? <InviteForm roles={roles} /> : null}
    </div>
  );
}

function InviteStatusBadge({ status }: { status: InviteStatus }) {
  const { t } = useTranslation();
  const tone = ({ pending: "indigo", used: "green", expired: "amber", revoked: "slate" } as const)[status];
  return <Badge tone={tone}>{t(`admin.invites.status.${status}`)}</Badge>;
}

function InviteForm({ roles }: { roles: RoleOption[] }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    defaultValue: { kind: "member" },
    onValidate: validateWith(inviteSchema, SETTINGS_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const created = actionData?.created ?? null;

  return (
    <section aria-labelledby="invite-form-title" className="max-w-2xl space-y-4">
      <div>
        <h2 id="invite-form-title" className={ui.h2}>
          {t("admin.inviteForm.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("admin.inviteForm.intro")}</p>
      </div>
      {created ? (
        <div
          className="space-y-3 rounded-xl border border-emerald-200 bg-emerald-50/60 p-5"
          data-testid="invite-created"
        >
          <StatusMessage>{t("admin.inviteForm.created", { email: created.email })}</StatusMessage>
          <p className="text-sm text-slate-700">
            {t("admin.inviteForm.createdOnce")} <DateTime value={created.expiresAt} lang={lang} />
          </p>
          <CopyField id="invite-link" label={t("admin.inviteForm.link")} value={created.url} />
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className={`${ui.card} space-y-5`}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div>
          <label htmlFor={fields.email.id} className={ui.label}>
            {t("admin.fields.email")}
          </label>
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="off"
            maxLength={254}
            className={ui.input}
          />
          <FieldErrors id={fields.email.errorId} errors={fields.email.errors} />
        </div>
        <KindFields kind={fields.kind} departments={fields.departments} roles={roles} lang={lang} hydrated={hydrated} />
        <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
          {t("admin.inviteForm.submit")}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
