import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui, useLang, sectionErrorBoundary, titleMeta } from "~/components/ui";
import { byShare, dayValue } from "~/components/team/format";
import { MemberForm, roleRowsFor } from "~/components/team/MemberForm";
import type { MemberPageHandle } from "~/components/team/memberPage";
import { refusalErrors } from "~/components/team/refusals";
import { getMember } from "~/models/member.server";
import { findMemberToAuthorise, isRecordId, memberFormOptions, updateMember } from "~/models/member-write.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { notFound, requirePermission, requireRecord } from "~/utils/auth.server";
import { conflictingFields, type FieldConflict } from "~/domain/conflicts";
import { MEMBER_FIELDS, memberFormValues, parseMemberEditForm } from "~/forms/team";
import { conflictSubmission, invalidSubmission, readFormData } from "~/utils/forms";
import { teamMembersStrings } from "~/locales/team-members";

export const handle: MemberPageHandle = { memberPage: "replace" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const memberId = params.memberId ?? "";
  const member = isRecordId(memberId) ? await getMember({ organisationId: organisation.id, memberId }) : null;
  // unknown here or another organisation's: the same 404
  if (!member) throw notFound();
  const [options, playbook] = await Promise.all([
    memberFormOptions({ organisationId: organisation.id, memberId: member.id }),
    playbookForOrganisation(organisation.id),
  ]);
  return {
    member: { id: member.id, name: member.name, version: member.version },
    defaults: {
      name: member.name,
      email: member.email ?? "",
      title: member.title,
      roles: roleRowsFor(
        byShare(member.roles).map((role) => ({ roleId: role.roleId, sharePercent: Math.round(role.share * 100) })),
      ),
      department: member.department ?? "",
      managerId: member.managerId ?? "",
      markets: member.markets.join(", "),
      languages: member.languages.join(", "),
      startDate: dayValue(member.startDate),
      userId: member.userId ?? "",
    },
    ...options,
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
  };
}

/** Every answer names these, so the page's type keeps them. */
const NOT_CONFLICTING = {
  cycle: null as string[] | null,
  conflict: null as FieldConflict[] | null,
  version: null as number | null,
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  // another organisation's member: 404, the same as an unknown id
  const { organisation, found: member } = await requireRecord(
    { request, context },
    {
      find: () => findMemberToAuthorise({ memberId: params.memberId ?? "" }),
      permission: "members.write",
    },
  );
  const submission = parseMemberEditForm(await readFormData(request));
  if (submission.status !== "success") return invalidSubmission(submission, { extra: NOT_CONFLICTING });
  const { version, ...input } = submission.value;
  const result = await updateMember({ organisationId: organisation.id, memberId: member.id, version, input });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    if (result.reason === "conflict") {
      const conflict = conflictingFields(memberFormValues(result.current), memberFormValues(input), MEMBER_FIELDS);
      return conflictSubmission(submission, { conflict, version: result.current.version, extra: NOT_CONFLICTING });
    }
    const { fieldErrors, cycle } = refusalErrors(result.refusals);
    return invalidSubmission(submission, { fieldErrors, extra: { ...NOT_CONFLICTING, cycle } });
  }
  return redirect(`/team/${encodeURIComponent(member.id)}?done=updated`);
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.member.name,
  teamMembersStrings[lang].meta.edit,
  teamMembersStrings[lang].title,
]);

export default function EditMember() {
  const { member, defaults, roles, managers, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const here = `/team/${member.id}`;
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link to={here} className={ui.link}>
          ← {member.name}
        </Link>
      </p>
      <h2 className={ui.h2}>{t("members.form.editTitle", { name: member.name })}</h2>
      <MemberForm
        id="member-edit"
        action={`${here}/edit`}
        lastResult={actionData?.lastResult}
        cycle={actionData?.cycle ?? undefined}
        defaults={defaults}
        options={{ roles, managers, users }}
        lang={lang}
        submitLabel={t("members.form.save")}
        cancelHref={here}
        version={actionData?.version ?? member.version}
        conflict={actionData?.conflict ?? undefined}
      />
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
