import { sizedForOrganisation } from "~/models/business-profile.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusMessage, ui, useLang, sectionErrorBoundary, titleMeta } from "~/components/ui";
import { GapBadge } from "~/components/team/GapBadge";
import { byShare, labelOf } from "~/components/team/format";
import { can } from "~/domain/permissions";
import { visibleTeamGaps } from "~/domain/visibility";
import type { RoleId } from "~/domain/types";
import { isRoleId, localize } from "~/domain/vocabulary";
import { keptTeam, keptTeamGaps } from "~/models/team-state.server";
import { playbookForRequest } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { htmlLang } from "~/utils/i18n";
import { languageFor } from "~/utils/i18n.server";
import { teamMembersStrings } from "~/locales/team-members";

const SEARCH_MAX = 100;
/** the department filter's value for members without a department */
const NO_DEPARTMENT = "none";

/** The query's filters; an unknown role or department filters nothing (the form offers only valid ones). */
function readFilters(search: URLSearchParams) {
  const q = (search.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const role = search.get("role");
  const department = search.get("department");
  return {
    q,
    role: isRoleId(role) ? role : null,
    department: department === NO_DEPARTMENT ? NO_DEPARTMENT : isRoleId(department) ? department : null,
  } satisfies { q: string; role: RoleId | null; department: RoleId | typeof NO_DEPARTMENT | null };
}

/** Rows per page of the member list. */
export const PAGE_SIZE = 100;

/** The page asked for: a whole number from 1; anything else is the first page. */
function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The list's address for another page, with the same filters. */
function pageHref(filters: { q: string; role: string | null; department: string | null }, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.department) params.set("department", filters.department);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/team${search ? `?${search}` : ""}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "members.read");
  const url = new URL(request.url);
  const filters = readFilters(url.searchParams);
  const [team, playbook, lang] = await Promise.all([
    keptTeam(organisation.id),
    playbookForRequest({ request, context }),
    languageFor(request),
  ]);
  const recommendation = (
    await sizedForOrganisation({
      organisationId: organisation.id,
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      playbook,
    })
  ).recommendation;
  const { gaps: teamGaps } = await keptTeamGaps(organisation.id, recommendation);
  // Privacy (issue 14): only the gaps of people this reader may read reach the page.
  const gaps = visibleTeamGaps(actor, organisation.id, team.members, teamGaps);
  const gapsById = new Map(gaps.members.map((member) => [member.memberId, member]));
  const names = new Map(team.members.map((member) => [member.id, member.name]));
  const collator = new Intl.Collator(htmlLang(lang));
  const needle = filters.q.toLocaleLowerCase();

  const matching = team.members
    .filter(
      (member) =>
        (needle === "" || member.name.toLocaleLowerCase().includes(needle)) &&
        (filters.role === null || member.roles.some((role) => role.roleId === filters.role)) &&
        (filters.department === null ||
          (filters.department === NO_DEPARTMENT
            ? member.department === null
            : member.department === filters.department)),
    )
    .sort((a, b) => collator.compare(a.name, b.name));
  // A 5,000-member team answers with one page of rows, not the whole list (issue 15).
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(readPage(url.searchParams.get("page")), pages);
  const rows = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((member) => {
    const memberGaps = gapsById.get(member.id);
    return {
      id: member.id,
      name: member.name,
      title: member.title,
      roles: byShare(member.roles).map((role) => ({ roleId: role.roleId, percent: Math.round(role.share * 100) })),
      department: member.department,
      manager: member.managerId ? { id: member.managerId, name: names.get(member.managerId) ?? "" } : null,
      gaps: memberGaps
        ? {
            totalGap: memberGaps.totalGap,
            maxGap: memberGaps.maxGap,
            bucket: memberGaps.bucket,
            notAssessed: memberGaps.notAssessedCount,
          }
        : null,
    };
  });

  return {
    rows,
    total: team.members.length,
    matching: matching.length,
    page,
    pages,
    filters,
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    canWrite: can(actor, "members.write", { organisationId: organisation.id }),
    removed: url.searchParams.get("done") === "removed",
  };
}

export const meta = titleMeta((lang) => [teamMembersStrings[lang].meta.list, teamMembersStrings[lang].title]);

export default function MemberList() {
  const { rows, total, matching, page, pages, filters, roles, canWrite, removed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const filtered = filters.q !== "" || filters.role !== null || filters.department !== null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className={ui.h2}>{t("members.list.title")}</h2>
          <p className="text-sm text-slate-500">{t("members.list.count", { count: total })}</p>
        </div>
        {canWrite ? (
          <Link to="/team/new" className={ui.primaryButton}>
            {t("members.list.add")}
          </Link>
        ) : null}
      </div>

      {removed ? <StatusMessage>{t("members.list.removed")}</StatusMessage> : null}

      {total === 0 ? (
        <div className={ui.empty} data-testid="members-empty">
          <h3 className="text-base font-semibold text-slate-900">{t("members.list.emptyTitle")}</h3>
          <p className="mx-auto mt-2 max-w-xl">
            {canWrite ? t("members.list.emptyText") : t("members.list.emptyTextReadOnly")}
          </p>
          {canWrite ? (
            <div className="mt-5 flex flex-wrap justify-center gap-3">
              <Link to="/team/new" className={ui.primaryButton}>
                {t("members.list.emptyAdd")}
              </Link>
              <Link to="/team/import" className={ui.secondaryButton}>
                {t("members.list.emptyImport")}
              </Link>
            </div>
          ) : null}
        </div>
      ) : (
        <>
          <Form
            method="get"
            action="/team"
            className={`${ui.card} flex flex-wrap items-end gap-4`}
            aria-label={t("members.list.filtersLabel")}
          >
            <div className="min-w-48 flex-1">
              <label htmlFor="members-q" className={ui.label}>
                {t("members.list.search")}
              </label>
              <input
                id="members-q"
                name="q"
                type="search"
                defaultValue={filters.q}
                maxLength={SEARCH_MAX}
                placeholder={t("members.list.searchPlaceholder")}
                className={ui.input}
              />
            </div>
            <div>
              <label htmlFor="members-role" className={ui.label}>
                {t("members.list.role")}
              </label>
              <select id="members-role" name="role" defaultValue={filters.role ?? ""} className={ui.input}>
                <option value="">{t("members.list.all")}</option>
                {roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {localize(role.label, lang)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="members-department" className={ui.label}>
                {t("members.list.department")}
              </label>
              <select
                id="members-department"
                name="department"
                defaultValue={filters.department ?? ""}
                className={ui.input}
              >
                <option value="">{t("members.list.all")}</option>
                {roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {localize(role.label, lang)}
                  </option>
                ))}
                <option value={NO_DEPARTMENT}>{t("members.noDepartment")}</option>
              </select>
            </div>
            <div className="flex items-center gap-3">
              <button type="submit" className={ui.primaryButton}>
                {t("members.list.apply")}
              </button>
              {filtered ? (
                <Link to="/team" className={ui.link}>
                  {t("members.list.clear")}
                </Link>
              ) : null}
            </div>
          </Form>

          {rows.length === 0 ? (
            <p className={ui.empty} role="status">
              {t("members.list.noMatches")}
            </p>
          ) : (
            <>
              {pages > 1 ? (
                <nav
                  aria-label={t("scale.members.pagesLabel")}
                  className="flex flex-wrap items-center justify-between gap-3 text-sm"
                  data-testid="members-pages"
                >
                  <p className="text-slate-600">
                    {t("scale.members.range", {
                      from: (page - 1) * PAGE_SIZE + 1,
                      to: Math.min(matching, page * PAGE_SIZE),
                      total: matching,
                    })}
                  </p>
                  <div className="flex items-center gap-2">
                    {page > 1 ? (
                      <Link to={pageHref(filters, page - 1)} rel="prev" className={ui.secondaryButton}>
                        {t("scale.members.previous")}
                      </Link>
                    ) : null}
                    <span className="text-slate-600" aria-current="page">
                      {t("scale.members.page", { page, pages })}
                    </span>
                    {page < pages ? (
                      <Link to={pageHref(filters, page + 1)} rel="next" className={ui.secondaryButton}>
                        {t("scale.members.next")}
                      </Link>
                    ) : null}
                  </div>
                </nav>
              ) : null}
              <div className={ui.tableWrap} tabIndex={0}>
                <table className={ui.table}>
                  <caption className="sr-only">{t("members.list.caption")}</caption>
                  <thead className={ui.thead}>
                    <tr>
                      {(["name", "title", "roles", "department", "manager", "gap"] as const).map((column) => (
                        <th key={column} scope="col" className={ui.th}>
                          {t(`members.list.columns.${column}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((row) => (
                      <tr key={row.id}>
                        <th scope="row" className={`${ui.td} text-left font-medium`}>
                          <Link to={`/team/${row.id}`} className={ui.link}>
                            {row.name}
                          </Link>
                        </th>
                        <td className={ui.td}>{row.title || t("members.none")}</td>
                        <td className={ui.td}>
                          {row.roles.length === 0 ? (
                            t("members.none")
                          ) : (
                            <ul>
                              {row.roles.map((role) => (
                                <li key={role.roleId} className="whitespace-nowrap">
                                  {labelOf(roles, role.roleId, lang)}{" "}
                                  <span className="text-slate-500">
                                    {t("members.share", { percent: role.percent })}
                                  </span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className={ui.td}>
                          {row.department ? labelOf(roles, row.department, lang) : t("members.none")}
                        </td>
                        <td className={ui.td}>
                          {row.manager ? (
                            <Link to={`/team/${row.manager.id}`} className={ui.link}>
                              {row.manager.name}
                            </Link>
                          ) : (
                            t("members.none")
                          )}
                        </td>
                        <td className={ui.td}>
                          {row.gaps ? (
                            <GapBadge {...row.gaps} />
                          ) : (
                            <span className="text-xs text-slate-500">{t("members.gap.hidden")}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
