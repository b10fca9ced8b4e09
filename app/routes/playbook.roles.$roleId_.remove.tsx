import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictNotice } from "~/components/ConflictNotice";
import { PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { ConfirmPanel, FormErrors, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import type { CustomRoleId } from "~/domain/types";
import { isCustomRoleId, localize } from "~/domain/vocabulary";
import { CUSTOM_ROLE_FORM, removeRoleSchema } from "~/forms/custom-roles";
import { customRolesStrings } from "~/locales/custom-roles";
import { playbookStrings } from "~/locales/playbook";
import {
  membersInRole,
  playbookAtVersion,
  readPlaybookPage,
  removeCustomRole,
  requirePlaybookEditor,
} from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { allMessagesOf, conflictSubmission, invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";

export const meta = titleMeta<typeof loader>((lang, data) => [
  data ? customRolesStrings[lang].removeOf.replace("{{role}}", localize(data.label, lang)) : undefined,
  playbookStrings[lang].title,
]);

/** Only an organisation's own role is removed; the seven and the library's are not (404). */
function roleIdOf(params: { roleId?: string }): CustomRoleId {
  if (!isCustomRoleId(params.roleId)) throw notFound();
  return params.roleId;
}

/** The confirmation of removing an own role (the page a no-JavaScript "Remove role…" opens), with who still holds it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const roleId = roleIdOf(params);
  const { organisationId, state, canEdit } = await readPlaybookPage({ request, context });
  const role = state.playbook.roles.find((r) => r.id === roleId);
  if (!role) throw notFound();
  return {
    roleId,
    label: role.label,
    version: state.version,
    members: await membersInRole({ organisationId, roleId }),
    canEdit,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const roleId = roleIdOf(params);
  const organisationId = signedIn.actor.organisationId;
  const submission = parseForm(await readFormData(request), removeRoleSchema, CUSTOM_ROLE_FORM);
  const none = { problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  const { version } = submission.value;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  const label = loaded?.roles.find((r) => r.id === roleId)?.label;
  const lang = await languageFor(request);
  const result = await removeCustomRole({
    organisationId,
    version,
    roleId,
    summary:
      submission.value.summary ??
      customRolesStrings[lang].summaryRemoved.replace("{{role}}", label ? label[lang] : roleId),
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect("/playbook?saved=role-removed");
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict")
    return conflictSubmission(submission, { conflict: [], version: result.current.version, extra: none });
  if (result.reason === "in_use")
    return invalidSubmission(submission, { formErrors: ["customRoles.errors.inUse"], extra: none });
  // e.g. a role that reports to this one: the playbook's own words, each with its path
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    extra: { problems: result.problems },
  });
}

type Answer = {
  lastResult?: { error?: Record<string, string[] | null> | null };
  conflict?: { field: string; theirs: string; yours: string }[] | null;
  version?: number | null;
  problems?: string[];
};

export default function RemoveRolePage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const lang = useLang();
  const label = localize(data.label, lang);
  const version = answer?.conflict && typeof answer.version === "number" ? answer.version : data.version;
  const messages = allMessagesOf(answer?.lastResult).filter((m) => m !== "forms.conflict.title");

  return (
    <main id="main" className="mx-auto max-w-screen-lg space-y-6 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to={`/playbook/roles/${data.roleId}`} className={ui.link}>
          ← {label}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{t("customRoles.removeOf", { role: label })}</h1>
      <PlaybookNav canEdit={data.canEdit} />
      {answer?.conflict ? <ConflictNotice conflict={answer.conflict} label={(field) => field} /> : null}
      <FormErrors id="remove-errors" errors={messages.length > 0 ? messages : undefined} />
      <ProblemList problems={answer?.problems ?? []} />
      {data.members > 0 ? (
        <p role="status" className="text-sm font-medium text-amber-800" data-testid="role-in-use">
          {t("customRoles.inUse", { count: data.members })}
        </p>
      ) : null}
      {!data.canEdit ? (
        <p className="text-sm text-slate-600">{t("customRoles.readOnly")}</p>
      ) : data.members === 0 ? (
        <ConfirmPanel
          action={`/playbook/roles/${data.roleId}/remove`}
          cancelHref={`/playbook/roles/${data.roleId}`}
          fields={{ version: String(version) }}
          title={t("customRoles.removeTitle", { role: label })}
          body={t("customRoles.removeBody")}
          confirmLabel={t("customRoles.removeConfirm")}
        />
      ) : null}
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
