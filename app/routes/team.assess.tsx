import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssessmentGrid } from "~/components/team/AssessmentGrid";
import { labelOf } from "~/components/team/format";
import { sectionErrorBoundary, StatusMessage, titleMeta, ui, useLang } from "~/components/ui";
import { gridHref, gridSubjectFrom, type CellRefusal } from "~/domain/assessment-grid";
import { dayString, latestToday } from "~/domain/calendar-day";
import { parseAssessmentGridForm } from "~/forms/assessment-grid";
import { gridStrings } from "~/locales/assessment-grid";
import { loadAssessmentGrid } from "~/models/assessment-grid.server";
import { recordAssessmentGrid } from "~/models/member-write.server";
import { playbookForRequest } from "~/models/playbook.server";
import { forbidden, notFound, requirePermission, type RequestArgs } from "~/utils/auth.server";
import { invalidSubmission, readFormData } from "~/utils/forms";

/**
 * The assessment grid (issue 18): `?member=<id>` assesses one member on
 * every skill of their roles, `?department=<role>&skill=<skill>` everyone of
 * a department on one skill; without either, a choice of department and
 * skill. One submit saves every changed cell in one transaction.
 */

async function gridFor({ request, context }: RequestArgs) {
  // who may assess anyone at all; the grid's own subject is checked below, as a single assessment is
  const signedIn = await requirePermission({ request, context }, "assessments.writeSome");
  const playbook = await playbookForRequest({ request, context });
  const url = new URL(request.url);
  const subject = gridSubjectFrom(url.searchParams, {
    departments: playbook.roles.map((role) => role.id),
    skills: playbook.skills.map((skill) => skill.id),
  });
  if (!subject) return { ...signedIn, playbook, url, grid: null };
  const grid = await loadAssessmentGrid({
    actor: signedIn.actor,
    organisation: signedIn.organisation,
    playbook,
    subject,
  });
  if (!grid.ok) throw grid.reason === "not_found" ? notFound() : forbidden();
  return { ...signedIn, playbook, url, grid };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { playbook, url, grid } = await gridFor({ request, context });
  const savedParam = url.searchParams.get("saved");
  const saved = savedParam !== null && /^\d{1,4}$/.test(savedParam) ? Number(savedParam) : null;
  return {
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    skills: playbook.skills.map(({ id, label }) => ({ id, label })),
    chosen: { department: url.searchParams.get("department") ?? "", skill: url.searchParams.get("skill") ?? "" },
    grid: grid
      ? {
          subject: grid.subject,
          href: gridHref(grid.subject),
          memberName: grid.memberName,
          truncated: grid.truncated,
          rows: grid.rows.map((row) => ({
            ...row,
            last: row.last
              ? { id: row.last.id, level: row.last.level, assessedOn: dayString(row.last.assessedOn) }
              : null,
          })),
        }
      : null,
    saved,
    today: dayString(new Date()),
    maxDay: latestToday(),
  };
}

export type AssessmentGridLoader = typeof loader;

const REFUSAL_MESSAGE: Record<CellRefusal["code"], string> = {
  not_in_grid: "grid.errors.notInGrid",
  self: "grid.errors.self",
  duplicate: "grid.errors.duplicate",
  changed_meanwhile: "grid.errors.changedMeanwhile",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, organisation, grid } = await gridFor({ request, context });
  if (!grid) throw notFound();
  const submission = parseAssessmentGridForm(await readFormData(request), { today: latestToday() });
  // a refused submit says so above the grid too (a cell's message may be out of sight); conform's validation requests do not
  if (submission.status !== "success")
    return invalidSubmission(submission, submission.status === "error" ? { formErrors: ["grid.errors.refused"] } : {});
  const result = await recordAssessmentGrid({
    organisationId: organisation.id,
    assessor: { userId: user.id, name: user.name },
    assessedOn: submission.value.assessedOn,
    grid: new Map(grid.rows.map((row) => [row.key, { assessable: row.assessable }])),
    cells: submission.value.cells,
  });
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const refusal of result.refusals)
      fieldErrors[`cells[${refusal.index}].level`] = [REFUSAL_MESSAGE[refusal.code]];
    const conflict = result.refusals.some((refusal) => refusal.code === "changed_meanwhile");
    return invalidSubmission(submission, {
      formErrors: ["grid.errors.refused"],
      fieldErrors,
      status: conflict ? 409 : 400,
    });
  }
  return redirect(`${gridHref(grid.subject)}&saved=${result.written}`);
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.grid?.memberName
    ? gridStrings[lang].memberTitle.replace("{{name}}", data.grid.memberName)
    : gridStrings[lang].title,
]);

export default function AssessmentGridPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const { grid, roles, skills, chosen } = data;

  const chooser = (
    <section className={ui.card} aria-labelledby="grid-chooser">
      <h3 id="grid-chooser" className="font-semibold text-slate-900">
        {t("grid.chooserTitle")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("grid.chooserIntro")}</p>
      <Form method="get" action="/team/assess" className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="grid-department" className={ui.label}>
            {t("grid.department")}
          </label>
          <select id="grid-department" name="department" defaultValue={chosen.department} required className={ui.input}>
            <option value="">{t("grid.chooseDepartment")}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {labelOf(roles, role.id, lang)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grid-skill" className={ui.label}>
            {t("grid.skill")}
          </label>
          <select id="grid-skill" name="skill" defaultValue={chosen.skill} required className={ui.input}>
            <option value="">{t("grid.chooseSkill")}</option>
            {skills.map((skill) => (
              <option key={skill.id} value={skill.id}>
                {labelOf(skills, skill.id, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={ui.secondaryButton}>
          {t("grid.open")}
        </button>
      </Form>
    </section>
  );

  if (!grid) return <div className="space-y-6">{chooser}</div>;

  const subject = grid.subject;
  const title =
    subject.kind === "member"
      ? t("grid.memberTitle", { name: grid.memberName })
      : t("grid.departmentTitle", {
          department: labelOf(roles, subject.department, lang),
          skill: labelOf(skills, subject.skillId, lang),
        });

  return (
    <div className="space-y-6">
      {subject.kind === "member" ? (
        <p className="text-sm">
          <Link to={`/team/${subject.memberId}`} className={ui.link}>
            ← {t("grid.back", { name: grid.memberName })}
          </Link>
        </p>
      ) : null}
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("grid.intro")}</p>
      </div>
      {data.saved !== null ? (
        <StatusMessage>{data.saved === 0 ? t("grid.savedNone") : t("grid.saved", { count: data.saved })}</StatusMessage>
      ) : null}
      {grid.rows.length === 0 ? (
        <p className={ui.card + " text-sm text-slate-600"}>
          {subject.kind === "member" ? t("grid.emptyMember", { name: grid.memberName }) : t("grid.emptyDepartment")}
        </p>
      ) : null}
      <AssessmentGrid
        // a fresh form after each save: the cells show what is saved now
        key={grid.rows.map((row) => row.last?.id ?? "").join(",")}
        action={grid.href}
        kind={subject.kind}
        rows={grid.rows}
        skills={skills}
        lastResult={actionData?.lastResult}
        today={data.today}
        maxDay={data.maxDay}
        lang={lang}
      />
      {grid.truncated ? (
        <p className="text-sm text-slate-500">{t("grid.truncated", { count: grid.rows.length })}</p>
      ) : null}
      {subject.kind === "department" ? chooser : null}
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
