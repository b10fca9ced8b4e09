import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmPanel } from "~/components/ui";
import { FormErrors, ui } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { revokeInvite } from "~/models/invite.server";
import { getInviteForAdmin } from "~/models/user-admin.server";
import { requireOwnRecord, type RequestArgs } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { recordIdParam } from "~/forms/common";
import { confirmSchema as schema, SETTINGS_FORM } from "~/forms/settings";
import { allMessagesOf, invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { adminStrings } from "~/locales/admin";

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.people, adminStrings[lang].title]);

/** GET: the confirmation page for revoking one invitation (it changes nothing). */
const requireInvite = (args: RequestArgs, inviteId: string | undefined) =>
  requireOwnRecord(args, {
    permission: "users.manage",
    id: recordIdParam(inviteId),
    find: ({ organisationId, id }) => getInviteForAdmin({ organisationId, inviteId: id }),
  });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { found: invite } = await requireInvite({ request, context }, params.inviteId);
  return { invite: { id: invite.id, email: invite.email, status: invite.status } };
}

/** POST with confirm=yes: revokes a pending invitation, so its link stops working. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, found: invite } = await requireInvite({ request, context }, params.inviteId);
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
  const errors = allMessagesOf(actionData?.lastResult);
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

export const ErrorBoundary = sectionErrorBoundary("settings");
