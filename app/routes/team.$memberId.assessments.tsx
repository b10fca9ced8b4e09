import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useRouteLoaderData } from "@remix-run/react";
import { useLang, sectionErrorBoundary } from "~/components/ui";
import { AssessmentForm } from "~/components/team/AssessmentForm";
import { MEMBER_PAGE_ROUTE, type MemberPageHandle } from "~/components/team/memberPage";
import { assessmentScopeFor, findMemberToAuthorise, recordAssessment } from "~/models/member-write.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { notFound, requireRecord } from "~/utils/auth.server";
import { latestToday } from "~/domain/calendar-day";
import { parseAssessmentForm } from "~/forms/team";
import { invalidSubmission, readFormData } from "~/utils/forms";
import type { MemberPageLoader } from "./team.$memberId";

/** Shown in the member page's assessment section, so a refused assessment keeps its errors in place. */
export const handle: MemberPageHandle = { memberPage: "assess" };

/**
 * The page here is the member page, with this route's form in its assessment
 * section. No redirect to it: after a refused POST (without JavaScript) Remix
 * runs this loader before rendering, and a redirect would drop the 400 answer
 * with its messages and what was typed. The member page's loader does the
 * checks and the loading.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRecord(
    { request, context },
    {
      find: () => findMemberToAuthorise({ memberId: params.memberId ?? "" }),
      permission: "members.read",
    },
  );
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const {
    user,
    organisation,
    found: member,
  } = await requireRecord(
    { request, context },
    {
      find: () => findMemberToAuthorise({ memberId: params.memberId ?? "" }),
      permission: "assessments.write",
      scope: assessmentScopeFor,
    },
  );

  const playbook = await playbookForOrganisation(organisation.id);
  const submission = parseAssessmentForm(await readFormData(request), {
    skillIds: playbook.skills.map((skill) => skill.id),
    today: latestToday(),
  });
  if (submission.status !== "success") return invalidSubmission(submission);
  const { skillId, level, assessedOn, note } = submission.value;
  const result = await recordAssessment({
    organisationId: organisation.id,
    memberId: member.id,
    input: { skillId, level, assessedOn, note, assessor: { userId: user.id, name: user.name } },
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    return invalidSubmission(submission, {
      formErrors: [result.reason === "self_assessment" ? "members.errors.self" : "members.errors.invalid"],
    });
  }
  return redirect(`/team/${encodeURIComponent(member.id)}?done=assessed#skill-${encodeURIComponent(skillId)}`);
}

export default function AssessmentAnswer() {
  const page = useRouteLoaderData<MemberPageLoader>(MEMBER_PAGE_ROUTE);
  const actionData = useActionData<typeof action>();
  const lang = useLang();
  if (!page) return null;
  return (
    <AssessmentForm
      action={`/team/${page.member.id}/assessments`}
      lastResult={actionData?.lastResult}
      roleSkills={page.assessSkills.roleSkills}
      otherSkills={page.assessSkills.otherSkills}
      today={page.today}
      maxDay={page.maxDay}
      assessorName={page.viewer.name}
      lang={lang}
    />
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
