import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmPanel } from "~/components/ui";
import { FormErrors, ui } from "~/components/ui";
import { getApiToken, revokeApiToken } from "~/models/api-token.server";
import { notFound, requireOwnRecord, type RequestArgs } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { recordIdParam } from "~/forms/common";
import { confirmSchema as schema, SETTINGS_FORM } from "~/forms/settings";
import { allMessagesOf, invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { adminStrings } from "~/locales/admin";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.tokens, adminStrings[lang].title]);

/** GET: the confirmation page for revoking one token (it changes nothing). */
const requireToken = (args: RequestArgs, tokenId: string | undefined) =>
  requireOwnRecord(args, {
    permission: "tokens.manage",
    id: recordIdParam(tokenId),
    find: ({ organisationId, id }) => getApiToken({ organisationId, tokenId: id }),
  });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { found: token } = await requireToken({ request, context }, params.tokenId);
  return { token: { id: token.id, name: token.name, prefix: token.prefix, revoked: Boolean(token.revokedAt) } };
}

/** POST with confirm=yes: revokes the token; programs using it get 401 from then on. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, found: token } = await requireToken({ request, context }, params.tokenId);
  const submission = parseForm(await readFormData(request), schema, SETTINGS_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await revokeApiToken({
    organisationId: actor.organisationId,
    tokenId: token.id,
    actorUserId: actor.userId,
    ipAddress: clientAddress(request, context),
  });
  if (result === "not_found") throw notFound();
  if (result === "already_revoked")
    return invalidSubmission(submission, { formErrors: ["admin.tokens.alreadyRevoked"] });
  return redirect("/settings/tokens?done=revoked");
}

export default function RevokeToken() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = allMessagesOf(actionData?.lastResult);
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to="/settings/tokens" className={ui.link}>
          ← {t("admin.tokens.back")}
        </Link>
      </p>
      <FormErrors id="revoke-errors" errors={errors} />
      {token.revoked ? (
        <p className={ui.card}>{t("admin.tokens.alreadyRevoked")}</p>
      ) : (
        <ConfirmPanel
          action={`/settings/tokens/${token.id}`}
          cancelHref="/settings/tokens"
          title={t("admin.tokens.confirmTitle", { name: token.name })}
          body={t("admin.tokens.confirmText")}
          confirmLabel={t("admin.tokens.confirm")}
        />
      )}
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
