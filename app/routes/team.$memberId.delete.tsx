import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, ui, sectionErrorBoundary, titleMeta } from "~/components/ui";
import type { MemberPageHandle } from "~/components/team/memberPage";
import { getMember } from "~/models/member.server";
import { deleteMember, findMemberToAuthorise, isRecordId } from "~/models/member-write.server";
import { notFound, requirePermission, requireRecord } from "~/utils/auth.server";
import { parseDeleteForm } from "~/forms/team";
import { allMessagesOf, invalidSubmission, readFormData } from "~/utils/forms";
import { teamMembersStrings } from "~/locales/team-members";

export const handle: MemberPageHandle = { memberPage: "replace" };

/** The confirmation page: what goes with the member, and who loses their manager. Works without JavaScript. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const memberId = params.memberId ?? "";
  const member = isRecordId(memberId) ? await getMember({ organisationId: organisation.id, memberId }) : null;
  // unknown here or another organisation's: the same 404
  if (!member) throw notFound();
  return {
    member: { id: member.id, name: member.name, linked: member.userId !== null },
    assessments: member.assessments.length,
    reports: member.reports,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // another organisation's member: 404, the same as an unknown id
  const { organisation, found: member } = await requireRecord(
    { request, context },
    {
      find: () => findMemberToAuthorise({ memberId: params.memberId ?? "" }),
      permission: "members.write",
    },
  );
  const submission = parseDeleteForm(await readFormData(request));
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await deleteMember({ organisationId: organisation.id, memberId: member.id });
  if (!result.ok) throw notFound();
  return redirect("/team?done=removed");
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.member.name,
  teamMembersStrings[lang].meta.remove,
  teamMembersStrings[lang].title,
]);

export default function RemoveMember() {
  const { member, assessments, reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const here = `/team/${member.id}`;
  const errors = allMessagesOf(actionData?.lastResult);
  return (
    <section
      aria-labelledby="remove-title"
      className="max-w-2xl space-y-4 rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="remove-title" className={ui.h2}>
        {t("members.remove.title", { name: member.name })}
      </h2>
      <p className="text-sm text-slate-600">{t("members.remove.intro")}</p>
      <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
        <li>
          {assessments > 0
            ? t("members.remove.assessments", { count: assessments })
            : t("members.remove.noAssessments")}
        </li>
        <li>
          {reports.length > 0 ? (
            <>
              {t("members.remove.reportsTitle")}
              <ul className="mt-1 list-[circle] pl-5">
                {reports.map((report) => (
                  <li key={report.id}>{report.name}</li>
                ))}
              </ul>
            </>
          ) : (
            t("members.remove.noReports")
          )}
        </li>
        {member.linked ? <li>{t("members.remove.account")}</li> : null}
      </ul>
      <FormErrors id="remove-errors" errors={errors} />
      <Form method="post" action={`${here}/delete`} className="flex flex-wrap gap-3 pt-2">
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className={ui.dangerButton}>
          {t("members.remove.confirm", { name: member.name })}
        </button>
        <Link to={here} className={ui.secondaryButton}>
          {t("members.remove.cancel")}
        </Link>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
