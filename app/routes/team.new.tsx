import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui, useLang, sectionErrorBoundary, titleMeta } from "~/components/ui";
import { EMPTY_MEMBER, MemberForm } from "~/components/team/MemberForm";
import { refusalErrors } from "~/components/team/refusals";
import { createMember, memberFormOptions } from "~/models/member-write.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { parseMemberForm } from "~/forms/team";
import { invalidSubmission, readFormData } from "~/utils/forms";
import { teamMembersStrings } from "~/locales/team-members";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const [options, playbook] = await Promise.all([
    memberFormOptions({ organisationId: organisation.id }),
    playbookForOrganisation(organisation.id),
  ]);
  return { ...options, roles: playbook.roles.map(({ id, label }) => ({ id, label })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const submission = parseMemberForm(await readFormData(request));
  if (submission.status !== "success")
    return invalidSubmission(submission, { extra: { cycle: null as string[] | null } });
  const result = await createMember({ organisationId: organisation.id, input: submission.value });
  if (!result.ok) {
    const { fieldErrors, cycle } =
      result.reason === "refused" ? refusalErrors(result.refusals) : { fieldErrors: {}, cycle: null };
    return invalidSubmission(submission, { fieldErrors, extra: { cycle } });
  }
  return redirect(`/team/${encodeURIComponent(result.memberId)}?done=created`);
}

export const meta = titleMeta((lang) => [teamMembersStrings[lang].meta.new, teamMembersStrings[lang].title]);

export default function NewMember() {
  const { roles, managers, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h2 className={ui.h2}>{t("members.form.newTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("members.form.newIntro")}</p>
      </div>
      <MemberForm
        id="member-new"
        action="/team/new"
        lastResult={actionData?.lastResult}
        cycle={actionData?.cycle ?? undefined}
        defaults={EMPTY_MEMBER}
        options={{ roles, managers, users }}
        lang={lang}
        submitLabel={t("members.form.create")}
        cancelHref="/team"
      />
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
