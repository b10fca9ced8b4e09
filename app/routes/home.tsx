import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, titleMeta, ui } from "~/components/ui";
import { NEXT_STEP_KINDS, type NextStep, type NextStepKind } from "~/domain/next-steps";
import { localize } from "~/domain/vocabulary";
import { nextStepsStrings } from "~/locales/next-steps";
import { loadHome } from "~/models/home.server";
import { playbookForRequest } from "~/models/playbook.server";
import { requireSignedIn } from "~/utils/auth.server";
import { languageFor } from "~/utils/i18n.server";

/** Entries shown per kind; the rest are counted ("and 12 more") behind the kind's own page. */
export const SHOWN_PER_KIND = 8;

/** Where "and N more" goes for each kind. */
const MORE_HREF: Record<NextStepKind, string> = {
  training_overdue: "/training",
  reassessment_to_do: "/training?status=completed",
  proposal_to_decide: "/ownership",
  training_due_soon: "/training",
  member_without_plan: "/training",
  training_awaiting_reassessment: "/training",
  position_owned: "/hiring",
};

/** The page after sign-in: what needs this person now, most urgent first (issue 16). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user, organisation } = await requireSignedIn({ request, context });
  const [playbook, lang] = await Promise.all([playbookForRequest({ request, context }), languageFor(request)]);
  const home = await loadHome({ actor, organisation, playbook, lang });
  const skill = new Map(playbook.skills.map((entry) => [entry.id, localize(entry.label, lang)]));
  const role = new Map<string, string>(playbook.roles.map((entry) => [entry.id, localize(entry.label, lang)]));
  const labelled = (step: NextStep) => ({
    ...step,
    skill: step.skillId ? (skill.get(step.skillId) ?? step.skillId) : undefined,
    role: step.roleId ? (role.get(step.roleId) ?? step.roleId) : undefined,
  });
  const sections = NEXT_STEP_KINDS.map((kind) => {
    const all = home.steps.filter((step) => step.kind === kind);
    return { kind, total: all.length, steps: all.slice(0, SHOWN_PER_KIND).map(labelled), moreHref: MORE_HREF[kind] };
  }).filter((section) => section.total > 0);
  return { lang, viewer: { name: user.name }, sections, setup: home.setup };
}

export const meta = titleMeta((lang) => [nextStepsStrings[lang].title]);

const TONE: Record<NextStepKind, "red" | "amber" | "indigo" | "sky" | "slate" | "orange"> = {
  training_overdue: "red",
  reassessment_to_do: "orange",
  proposal_to_decide: "amber",
  training_due_soon: "amber",
  member_without_plan: "indigo",
  training_awaiting_reassessment: "sky",
  position_owned: "slate",
};

type Step = ReturnType<typeof useLoaderData<typeof loader>>["sections"][number]["steps"][number];

function StepText({ step }: { step: Step }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case "training_overdue":
      return (
        <>{t("nextSteps.item.training_overdue", { skill: step.skill, date: step.date, count: -(step.days ?? 0) })}</>
      );
    case "training_due_soon":
      return (
        <>
          {step.days === 0
            ? t("nextSteps.item.training_due_today", { skill: step.skill })
            : t("nextSteps.item.training_due_soon", { skill: step.skill, date: step.date })}
        </>
      );
    case "reassessment_to_do":
      return (
        <>{t("nextSteps.item.reassessment_to_do", { member: step.memberName, skill: step.skill, date: step.date })}</>
      );
    case "proposal_to_decide":
      return <>{t("nextSteps.item.proposal_to_decide", { step: step.stepName, role: step.role, date: step.date })}</>;
    case "member_without_plan":
      return <>{t("nextSteps.item.member_without_plan", { member: step.memberName, count: step.gapCount })}</>;
    case "training_awaiting_reassessment":
      return <>{t("nextSteps.item.training_awaiting_reassessment", { skill: step.skill })}</>;
    case "position_owned":
      return (
        <>
          {t("nextSteps.item.position_owned", {
            title: step.title || step.role,
            quarter: step.quarter,
            status: t(`hiring.status.${step.status}`),
          })}
        </>
      );
  }
}

export default function HomePage() {
  const { viewer, sections, setup } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p className="text-sm font-semibold text-indigo-700">{t("nextSteps.greeting", { name: viewer.name })}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{t("nextSteps.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("nextSteps.intro")}</p>

      {setup ? (
        <section className={`${ui.card} mt-6`} aria-labelledby="setup-title" data-testid="setup-checklist">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="setup-title" className={ui.h2}>
              {t("nextSteps.setup.title")}
            </h2>
            <p className="text-sm text-slate-600">
              {t("nextSteps.setup.progress", { done: setup.done, total: setup.tasks.length })}
            </p>
          </div>
          <ol className="mt-4 space-y-2">
            {setup.tasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`setup-${task.id}`}>
                <Badge tone={task.done ? "green" : "slate"}>
                  {task.done ? t("nextSteps.setup.done") : t("nextSteps.setup.todo")}
                </Badge>
                {task.done ? (
                  <span className="text-slate-500 line-through">{t(`nextSteps.setup.task.${task.id}`)}</span>
                ) : (
                  <Link to={task.href} className={ui.link}>
                    {t(`nextSteps.setup.task.${task.id}`)}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {sections.length === 0 ? (
        <p className={`${ui.empty} mt-6`} data-testid="home-empty">
          {t("nextSteps.empty")}
        </p>
      ) : (
        <div className="mt-6 space-y-6">
          {sections.map((section) => (
            <section
              key={section.kind}
              className={ui.card}
              aria-labelledby={`section-${section.kind}`}
              data-testid={`home-${section.kind}`}
            >
              <h2
                id={`section-${section.kind}`}
                className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900"
              >
                {t(`nextSteps.section.${section.kind}`)}
                <Badge tone={TONE[section.kind]}>{section.total}</Badge>
              </h2>
              <ul className="mt-3 divide-y divide-slate-100">
                {section.steps.map((step) => (
                  <li
                    key={step.key}
                    className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm"
                  >
                    <span className="min-w-0 break-words text-slate-800">
                      <StepText step={step} />
                    </span>
                    <Link to={step.href} className={`${ui.secondaryButton} shrink-0 px-3 py-1`}>
                      {t(`nextSteps.action.${section.kind}`)}
                    </Link>
                  </li>
                ))}
              </ul>
              {section.total > section.steps.length ? (
                <p className="mt-2 text-sm">
                  <Link to={section.moreHref} className={ui.link}>
                    {t("nextSteps.more", { count: section.total - section.steps.length })}
                  </Link>
                </p>
              ) : null}
            </section>
          ))}
        </div>
      )}
      <p className="mt-8 text-sm">
        <Link to="/org" className={ui.link}>
          {t("nextSteps.orgLink")}
        </Link>
      </p>
    </main>
  );
}
