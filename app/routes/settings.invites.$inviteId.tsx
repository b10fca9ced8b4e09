import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmPanel } from "~/components/settings/Confirm";
import { SettingsErrorBoundary } from "~/components/settings/ErrorBoundary";
import { settingsMeta } from "~/components/settings/meta";
import { FormErrors, ui } from "~/components/settings/ui";
import { revokeInvite } from "~/models/invite.server";
import { getInviteForAdmin } from "~/models/user-admin.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { recordIdParam } from "~/forms/common";
import { confirmSchema as schema, SETTINGS_FORM } from "~/forms/settings";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";


export const meta = settingsMeta("people");

/** GET: the confirmation page for revoking one invitation (it changes nothing). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "users.manage");
  const inviteId = recordIdParam(params.inviteId);
  const invite = inviteId ? await getInviteForAdmin({ organisationId: actor.organisationId, inviteId }) : null;
  if (!invite) throw notFound();
  return { invite: { id: invite.id, email: invite.email, status: invite.status } };
}

/** POST with confirm=yes: revokes a pending invitation, so its link stops working. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "users.manage");
  const inviteId = recordIdParam(params.inviteId);
  const invite = inviteId ? await getInviteForAdmin({ organisationId: actor.organisationId, inviteId }) : null;
  if (!invite) throw notFound();
  const submission = parseForm(await readFormData(request), schema, SETTINGS_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  if (invite.status !== "pending") {
    return invalidSubmission(submission, { formErrors: [`admin.invites.notPending.${invite.status}`] });
  }
  const revoked = await revokeInvite({
    organisationId: actor.organisationId,
    inviteId: invite.id,
    actorUserId: actor.userId,
    ipAddress: clientAddress(request, context),
  });
  if (!revoked) return invalidSubmission(submission, { formErrors: ["admin.invites.notPending.revoked"] });
  return redirect("/settings/people?done=invite_revoked");
}

export default function RevokeInvite() {
  const { invite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData ? Object.values(actionData.lastResult.error ?? {}).flatMap((messages) => messages ?? []) : [];
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to="/settings/people" className={ui.link}>
          ← {t("admin.person.back")}
        </Link>
      </p>
      <FormErrors id="revoke-errors" errors={errors} />
      {invite.status === "pending" ? (
        <ConfirmPanel
          action={`/settings/invites/${invite.id}`}
          cancelHref="/settings/people"
          title={t("admin.invites.confirmTitle")}
          body={t("admin.invites.confirmText", { email: invite.email })}
          confirmLabel={t("admin.invites.confirm")}
        />
      ) : (
        <p className={ui.card}>{t(`admin.invites.notPending.${invite.status}`)}</p>
      )}
    </div>
  );
}

export { SettingsErrorBoundary as ErrorBoundary };
