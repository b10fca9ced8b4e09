import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui, useLang, titleMeta } from "~/components/ui";
import { formatDay, labelOf } from "~/components/team/format";
import { assessHref } from "~/components/team/memberPage";
import { ProgressBar, ProgressChart, StatusBadge } from "~/components/training/ui";
import { can } from "~/domain/permissions";
import { TRAINING_KINDS } from "~/domain/training-advice";
import {
  filterAndSortRows,
  NO_DEPARTMENT,
  parseTrainingFilter,
  SORTS,
  STATUS_FILTERS,
  type Breakdown,
} from "~/domain/training-progress";
import { playbookRoleIds } from "~/domain/extension-roles";
import { playbookForOrganisation } from "~/models/playbook.server";
import { loadTrainingProgress } from "~/models/training.server";
import { requirePermission } from "~/utils/auth.server";
import { trainingStrings } from "~/locales/training";

/** Rows per page of the list; the CSV export has them all. */
export const PAGE_SIZE = 100;
const UNCOVERED_LIMIT = 20;
const REASSESS_LIMIT = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "training.overview");
  const playbook = await playbookForOrganisation(organisation.id);
  const progress = await loadTrainingProgress({
    organisationId: organisation.id,
    actor,
    organisation,
    playbook,
    withTexts: false,
  });
  const params = new URL(request.url).searchParams;
  const filter = parseTrainingFilter(params, {
    skills: playbook.skills.map((skill) => skill.id),
    roles: playbookRoleIds(playbook),
    kinds: TRAINING_KINDS,
  });
  const rows = filterAndSortRows(progress.rows, filter);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const requested = Number(params.get("page"));
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
  const here = { organisationId: organisation.id };
  const canAssessAny = can(actor, "assessments.writeSome", here);
  return {
    // whose plans the figures cover: everyone's, a lead's departments', or one's own
    scope: can(actor, "training.read", here) ? "all" : can(actor, "training.planSome", here) ? "lead" : "member",
    figures: progress.figures,
    roleIds: playbookRoleIds(playbook),
    byRole: progress.byRole,
    byDepartment: progress.byDepartment,
    bySkill: progress.bySkill,
    series: progress.series,
    total: rows.length,
    page,
    pages,
    rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => ({
      id: row.id,
      memberId: row.memberId,
      memberName: row.memberName,
      department: row.department,
      skillId: row.skillId,
      kind: row.kind,
      display: row.display,
      dueDate: row.dueDate,
      progressPercent: row.progressPercent,
      targetLevel: row.targetLevel,
      levelBefore: row.levelBefore,
      levelAfter: row.levelAfter,
      awaiting: row.awaitingReassessment,
      gapClosed: row.gapClosed,
    })),
    // the oldest requests first; the rest are counted (and listed by the "awaiting" filter)
    reassessments: canAssessAny
      ? progress.rows
          .filter((row) => row.awaitingReassessment)
          .sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0))
          .slice(0, REASSESS_LIMIT)
          .map((row) => ({
            id: row.id,
            memberId: row.memberId,
            memberName: row.memberName,
            skillId: row.skillId,
            completedAt: row.completedAt,
            levelBefore: row.levelBefore,
          }))
      : [],
    reassessmentsMore: canAssessAny ? Math.max(0, progress.figures.awaitingReassessment - REASSESS_LIMIT) : 0,
    uncovered: progress.uncovered.slice(0, UNCOVERED_LIMIT),
    uncoveredMore: Math.max(0, progress.uncovered.length - UNCOVERED_LIMIT),
    canPlan: can(actor, "training.planSome", here),
    filter,
    query: params.toString(),
    skills: playbook.skills.map(({ id, label }) => ({ id, label })),
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
  };
}

export const meta = titleMeta((lang) => [trainingStrings[lang].page.metaTitle]);

function percentText(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}`;
}

export default function TrainingProgressPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const { figures, filter } = data;
  const roleLabel = (id: string) =>
    id === NO_DEPARTMENT ? t("training.page.noDepartment") : labelOf(data.roles, id, lang);
  const skillLabel = (id: string) => labelOf(data.skills, id, lang);
  const totals = data.series.reduce(
    (sum, point) => ({ completed: sum.completed + point.completed, closed: sum.closed + point.gapsClosed }),
    { completed: 0, closed: 0 },
  );
  const figureCards: { key: string; label: string; value: string; tone?: string }[] = [
    {
      key: "completionRate",
      label: t("training.page.completionRate"),
      value:
        figures.completionRate === null
          ? "—"
          : t("training.page.percent", { value: percentText(figures.completionRate) }),
    },
    { key: "items", label: t("training.page.items"), value: String(figures.items) },
    {
      key: "overdue",
      label: t("training.page.overdue"),
      value: String(figures.overdue),
      tone: figures.overdue > 0 ? "text-red-700" : undefined,
    },
    { key: "dueSoon", label: t("training.page.dueSoon"), value: String(figures.dueSoon) },
    { key: "gapsClosed", label: t("training.page.gapsClosed"), value: String(figures.gapsClosed) },
    { key: "awaitingReassessment", label: t("training.page.awaiting"), value: String(figures.awaitingReassessment) },
    {
      key: "membersWithUncoveredGap",
      label: t("training.page.uncovered"),
      value: String(figures.membersWithUncoveredGap),
    },
  ];

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("training.page.title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("training.page.intro")}</p>
          {data.scope !== "all" ? (
            <p className="mt-1 text-sm text-slate-600">
              {t(data.scope === "lead" ? "training.page.scopeLead" : "training.page.scopeMember")}
            </p>
          ) : null}
        </div>
        <a href={`/training/export${data.query ? `?${data.query}` : ""}`} className={ui.secondaryButton} download>
          {t("training.page.export")}
        </a>
      </div>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="sr-only">
          {t("training.page.figures")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7" data-testid="figures">
          {figureCards.map((card) => (
            <div
              key={card.key}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
              data-figure={card.key}
            >
              <dt className="text-xs text-slate-500">{card.label}</dt>
              <dd className={`mt-1 text-2xl font-semibold tabular-nums ${card.tone ?? "text-slate-900"}`} data-value>
                {card.value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {figures.items === 0 ? (
        <div className={ui.empty}>
          <p className="font-semibold text-slate-900">{t("training.page.emptyTitle")}</p>
          <p className="mt-1">{t("training.page.emptyText")}</p>
        </div>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <section className={`${ui.card} space-y-3`} aria-labelledby="reassess-title">
          <h2 id="reassess-title" className={ui.h2}>
            {t("training.page.reassessments")}
          </h2>
          <p className="text-sm text-slate-600">{t("training.page.reassessmentsIntro")}</p>
          {data.reassessments.length === 0 ? (
            <p className="text-sm text-slate-600">{t("training.page.noReassessments")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="reassessments">
              {data.reassessments.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link to={`/training/items/${row.id}`} className={ui.link}>
                      {row.memberName}
                    </Link>{" "}
                    · {skillLabel(row.skillId)}
                    {row.completedAt ? (
                      <span className="text-slate-500"> · {formatDay(row.completedAt, lang)}</span>
                    ) : null}
                  </span>
                  <Link to={assessHref(row.memberId, row.skillId)} className={ui.link}>
                    {t("training.page.assess")}
                  </Link>
                </li>
              ))}
              {data.reassessmentsMore > 0 ? (
                <li className="py-2">
                  <Link to="/training?status=awaiting" className={ui.link}>
                    {t("training.page.moreReassessments", { count: data.reassessmentsMore })}
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </section>
        <section className={`${ui.card} space-y-3`} aria-labelledby="uncovered-title">
          <h2 id="uncovered-title" className={ui.h2}>
            {t("training.page.uncovered")}
          </h2>
          <p className="text-sm text-slate-600">{t("training.page.uncoveredIntro")}</p>
          {data.uncovered.length === 0 ? (
            <p className="text-sm text-slate-600">{t("training.page.noUncovered")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="uncovered">
              {data.uncovered.map((member) => (
                <li key={member.memberId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link to={`/team/${member.memberId}#training`} className={ui.link}>
                      {member.name}
                    </Link>{" "}
                    <span className="text-slate-600">
                      · {member.skillIds.map(skillLabel).join(lang === "zh" ? "、" : ", ")}
                    </span>
                  </span>
                  {data.canPlan ? (
                    <Link to={`/training/plan/${member.memberId}`} className={ui.link}>
                      {t("training.page.plan")}
                    </Link>
                  ) : null}
                </li>
              ))}
              {data.uncoveredMore > 0 ? (
                <li className="py-2 text-slate-500">
                  {t("training.page.moreUncovered", { count: data.uncoveredMore })}
                </li>
              ) : null}
            </ul>
          )}
        </section>
      </div>

      <section className={`${ui.card} space-y-3`} aria-labelledby="chart-title">
        <h2 id="chart-title" className={ui.h2}>
          {t("training.page.chart")}
        </h2>
        <p className="text-sm text-slate-600">
          {t("training.page.chartSummary", {
            completed: t("training.page.itemsCompleted", { count: totals.completed }),
            closed: t("training.page.closedGaps", { count: totals.closed }),
          })}
        </p>
        <ProgressChart series={data.series} title={t("training.page.chart")} />
      </section>

      <section className="space-y-3" aria-labelledby="breakdowns-title">
        <h2 id="breakdowns-title" className={ui.h2}>
          {t("training.page.breakdowns")}
        </h2>
        <div className="grid items-start gap-6 lg:grid-cols-2 2xl:grid-cols-3">
          <BreakdownTable id="by-role" title={t("training.page.byRole")} rows={data.byRole} label={roleLabel} />
          <BreakdownTable
            id="by-department"
            title={t("training.page.byDepartment")}
            rows={data.byDepartment}
            label={roleLabel}
          />
          <BreakdownTable id="by-skill" title={t("training.page.bySkill")} rows={data.bySkill} label={skillLabel} />
        </div>
      </section>

      <section className="space-y-4" aria-labelledby="list-title">
        <h2 id="list-title" className={ui.h2}>
          {t("training.page.list")}
        </h2>
        <Form
          method="get"
          className={`${ui.card} grid gap-4 sm:grid-cols-3 lg:grid-cols-7`}
          aria-label={t("training.page.filters")}
        >
          <Select
            name="status"
            label={t("training.fields.status")}
            value={filter.status}
            options={STATUS_FILTERS.map((id) => ({ id, label: t(`training.statusFilter.${id}`) }))}
          />
          <Select
            name="department"
            label={t("training.fields.department")}
            value={filter.department}
            options={[
              ...data.roleIds.map((id) => ({ id, label: roleLabel(id) })),
              { id: NO_DEPARTMENT, label: roleLabel(NO_DEPARTMENT) },
            ]}
          />
          <Select
            name="role"
            label={t("training.page.byRole")}
            value={filter.role}
            options={data.roleIds.map((id) => ({ id, label: roleLabel(id) }))}
          />
          <Select
            name="skill"
            label={t("training.fields.skill")}
            value={filter.skill}
            options={data.skills.map((skill) => ({ id: skill.id, label: skillLabel(skill.id) }))}
          />
          <Select
            name="kind"
            label={t("training.fields.kind")}
            value={filter.kind}
            options={TRAINING_KINDS.map((id) => ({ id, label: t(`training.kind.${id}`) }))}
          />
          <div>
            <label htmlFor="filter-q" className={ui.label}>
              {t("training.page.search")}
            </label>
            <input id="filter-q" name="q" defaultValue={filter.q ?? ""} className={ui.input} maxLength={100} />
          </div>
          <div>
            <label htmlFor="filter-sort" className={ui.label}>
              {t("training.page.sort")}
            </label>
            <select id="filter-sort" name="sort" defaultValue={filter.sort ?? "due"} className={ui.input}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`training.page.sortBy.${sort}`)}
                </option>
              ))}
            </select>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="dir"
                value="desc"
                defaultChecked={filter.desc === true}
                className="accent-indigo-600"
              />
              {t("training.page.descending")}
            </label>
          </div>
          <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
            <button type="submit" className={ui.primaryButton}>
              {t("training.page.apply")}
            </button>
            <Link to="/training" className={ui.link}>
              {t("training.page.reset")}
            </Link>
          </div>
        </Form>
        <p className="text-sm text-slate-600" data-testid="shown">
          {t("training.page.shown", { shown: data.rows.length, count: data.total })}
        </p>
        {data.pages > 1 ? <Pager page={data.page} pages={data.pages} query={data.query} /> : null}
        {data.rows.length === 0 ? (
          <p className={ui.empty}>{t("training.page.noItems")}</p>
        ) : (
          <div className={ui.tableWrap} tabIndex={0}>
            <table className={ui.table} data-testid="training-list">
              <thead className={ui.thead}>
                <tr>
                  {(["member", "skill", "kind", "status", "dueDate", "progress", "levels"] as const).map((column) => (
                    <th key={column} scope="col" className={ui.th}>
                      {t(`training.fields.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.rows.map((row) => (
                  <tr key={row.id} data-item={row.id} data-status={row.display}>
                    <th scope="row" className={`${ui.td} text-left font-medium`}>
                      <Link to={`/team/${row.memberId}#training`} className={ui.link}>
                        {row.memberName}
                      </Link>
                    </th>
                    <td className={ui.td}>
                      <Link to={`/training/items/${row.id}`} className={ui.link}>
                        {skillLabel(row.skillId)}
                      </Link>
                    </td>
                    <td className={ui.td}>{t(`training.kind.${row.kind}`)}</td>
                    <td className={ui.td}>
                      <StatusBadge status={row.display} />
                      {row.awaiting ? (
                        <span className="mt-1 block text-xs text-amber-800">{t("training.awaiting")}</span>
                      ) : null}
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {row.dueDate ? formatDay(row.dueDate, lang) : t("training.none")}
                    </td>
                    <td className={ui.td}>
                      <ProgressBar percent={row.progressPercent} label={t("training.fields.progress")} />
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {row.levelBefore !== null
                        ? row.levelAfter === null
                          ? t("training.beforeAwaiting", { before: row.levelBefore })
                          : t("training.beforeAfter", { before: row.levelBefore, after: row.levelAfter })
                        : t("training.none")}
                      {row.gapClosed ? (
                        <span className="block text-xs text-emerald-700">{t("training.gapClosed")}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Pager({ page, pages, query }: { page: number; pages: number; query: string }) {
  const { t } = useTranslation();
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(target));
    return `/training?${params}`;
  };
  return (
    <nav aria-label={t("training.page.pages")} className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} className={ui.link}>
          ← {t("training.page.previous")}
        </Link>
      ) : null}
      <span className="text-slate-600">{t("training.page.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} className={ui.link}>
          {t("training.page.next")} →
        </Link>
      ) : null}
    </nav>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={ui.label}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={ui.input}>
        <option value="">{t("training.page.any")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function BreakdownTable({
  id,
  title,
  rows,
  label,
}: {
  id: string;
  title: string;
  rows: Breakdown[];
  label: (key: string) => string;
}) {
  const { t } = useTranslation();
  return (
    // focusable: a box that scrolls sideways on a phone must be reachable from the keyboard
    <div className={ui.tableWrap} tabIndex={0} role="region" aria-label={title}>
      <table className={ui.table} data-testid={id}>
        <caption className="px-4 py-3 text-left text-sm font-semibold text-slate-900">{title}</caption>
        <thead className={ui.thead}>
          <tr>
            <th scope="col" className="px-4 py-3"></th>
            <th scope="col" className="px-4 py-3">
              {t("training.page.items")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("training.page.completionRate")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("training.page.overdue")}
            </th>
            <th scope="col" className={ui.th}>
              {t("training.page.gapsClosed")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className={`${ui.td} text-slate-500`}>
                {t("training.none")}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row" className={`${ui.td} whitespace-nowrap text-left font-medium`}>
                  {label(row.key)}
                </th>
                <td className={`${ui.td} tabular-nums`}>{row.items}</td>
                <td className={`${ui.td} tabular-nums`}>
                  {row.completionRate === null
                    ? "—"
                    : t("training.page.percent", { value: percentText(row.completionRate) })}
                </td>
                <td className={`${ui.td} tabular-nums ${row.overdue > 0 ? "text-red-700" : ""}`}>{row.overdue}</td>
                <td className={`${ui.td} tabular-nums`}>{row.gapsClosed}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
