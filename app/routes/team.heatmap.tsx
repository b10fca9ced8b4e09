import { editedMarksForProfile, sizedForOrganisation } from "~/models/business-profile.server";
import { data } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyTeamCard } from "~/components/team/EmptyTeamCard";
import { z } from "zod";
import { HeatmapFilters } from "~/components/heatmap/HeatmapFilters";
import { HeatmapLegend } from "~/components/heatmap/HeatmapLegend";
import { HeatmapTable } from "~/components/heatmap/HeatmapTable";
import { useNumberFormat } from "~/components/heatmap/format";
import type {
  HeatmapColumn,
  HeatmapDirection,
  HeatmapGroup,
  HeatmapPageRow,
  HeatmapSortKey,
} from "~/components/heatmap/types";
import { encodeHeatmapCell, filterHeatmapRows, sortHeatmapRows } from "~/domain/gaps";
import type { HeatmapFilter, HeatmapSort } from "~/domain/gaps";
import type { OrgChartRecommendation, RoleId } from "~/domain/types";
import { isRoleId, localize } from "~/domain/vocabulary";
import { teamInsightsStrings } from "~/locales/team-insights";
import { keptDerived, keptTeamView } from "~/models/team-state.server";
import { playbookStateForOrganisation } from "~/models/playbook.server";
import { isLevelEdited } from "~/domain/edited-marks";
import { requirePermission } from "~/utils/auth.server";
import { htmlLang } from "~/utils/i18n";
import { languageFor } from "~/utils/i18n.server";

/**
 * Rows per page: a 5,000-member team answers with one page, not the whole table. 50 rows
 * (about 1,500 cells, 100 KB of HTML) fill the table's scrolling box twice over; 100 rows
 * made the page's render most of its cost (decision 0017's addendum).
 */
export const PAGE_SIZE = 50;

/** The query's fields; an empty value (a form's "any") means "not set". */
const querySchema = {
  // the seven, the library's or an own role's id (custom_…): a role the playbook does not hold matches nobody
  role: z.string().refine((value): value is RoleId => isRoleId(value)),
  department: z.union([z.string().refine((value): value is RoleId => isRoleId(value)), z.literal("none")]),
  minGap: z.coerce.number().int().min(0).max(4),
  sort: z.union([z.enum(["name", "totalGap", "maxGap"]), z.string().regex(/^skill:[a-z0-9_]+$/)]),
  dir: z.enum(["asc", "desc"]),
  page: z.coerce.number().int().min(1).max(1_000_000),
} as const;
type QueryField = keyof typeof querySchema;

function readParam<F extends QueryField>(
  params: URLSearchParams,
  name: F,
  invalid: string[],
): z.infer<(typeof querySchema)[F]> | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return null;
  const parsed = querySchema[name].safeParse(raw.trim());
  if (parsed.success) return parsed.data as z.infer<(typeof querySchema)[F]>;
  invalid.push(name);
  return null;
}

/**
 * Heat-map columns grouped by role: each role's own required skills in the
 * recommendation's order, then the skills several roles require ("shared").
 * With a role filter, only that role's skills. Skills nobody requires now are
 * left out: their column would be blank.
 */
function columnsFor(
  recommendation: OrgChartRecommendation,
  roleFilter: RoleId | null,
  label: (id: string) => string,
  sharedLabel: string,
  roleLabel: (id: RoleId) => string,
) {
  const requiredBy = new Map<string, RoleId[]>();
  for (const role of recommendation.roles) {
    for (const s of role.skills)
      if (s.requiredLevel > 0) requiredBy.set(s.id, [...(requiredBy.get(s.id) ?? []), role.id]);
  }
  const groups: HeatmapGroup[] = [];
  const columns: HeatmapColumn[] = [];
  const addGroup = (key: RoleId | "shared", groupLabel: string, skillIds: string[]) => {
    if (skillIds.length === 0) return;
    const index = groups.length;
    groups.push({ key, label: groupLabel, span: skillIds.length });
    for (const skillId of skillIds) columns.push({ skillId, label: label(skillId), group: index });
  };
  if (roleFilter) {
    const role = recommendation.roles.find((r) => r.id === roleFilter);
    addGroup(
      roleFilter,
      roleLabel(roleFilter),
      (role?.skills ?? []).filter((s) => s.requiredLevel > 0).map((s) => s.id),
    );
    return { groups, columns };
  }
  const shared: string[] = [];
  for (const role of recommendation.roles) {
    const own: string[] = [];
    for (const s of role.skills) {
      const holders = requiredBy.get(s.id) ?? [];
      if (s.requiredLevel === 0) continue;
      if (holders.length === 1) own.push(s.id);
      else if (holders[0] === role.id) shared.push(s.id);
    }
    addGroup(role.id, roleLabel(role.id), own);
  }
  addGroup("shared", sharedLabel, shared);
  return { groups, columns };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "members.read");
  const url = new URL(request.url);
  const invalid: string[] = [];
  const role = readParam(url.searchParams, "role", invalid);
  const department = readParam(url.searchParams, "department", invalid);
  const minGap = readParam(url.searchParams, "minGap", invalid);
  let sort = readParam(url.searchParams, "sort", invalid) ?? "totalGap";
  const dirParam = readParam(url.searchParams, "dir", invalid);
  const pageParam = readParam(url.searchParams, "page", invalid) ?? 1;

  const [state, lang] = await Promise.all([playbookStateForOrganisation(organisation.id), languageFor(request)]);
  const { playbook } = state;
  const { recommendation, profile } = await sizedForOrganisation({
    organisationId: organisation.id,
    operatingModel: organisation.operatingModel,
    stage: organisation.stage,
    playbook,
  });
  const marks = editedMarksForProfile({
    state,
    profile,
    operatingModel: organisation.operatingModel,
    stage: organisation.stage,
  });
  // Privacy (issue 14): the rows of the people this reader may read (their own; a lead's departments'; all for HR,
  // managers, admins), filtered once per reader and team revision (decision 0017).
  const { team, visible: gaps } = await keptTeamView(actor, organisation.id, recommendation, playbook.skills);

  const strings = teamInsightsStrings[lang];
  const skillLabels = new Map(playbook.skills.map((s) => [s.id, localize(s.label, lang)]));
  const roleLabels = new Map(recommendation.roles.map((r) => [r.id, localize(r.label, lang)]));
  const roleLabel = (id: RoleId) => roleLabels.get(id) ?? id;
  const laidOut = columnsFor(
    recommendation,
    role,
    (id) => skillLabels.get(id) ?? id,
    strings.heatmap.shared,
    roleLabel,
  );
  const groups = laidOut.groups;
  // a column whose required level some role takes from the organisation's edited playbook says so
  const columns = laidOut.columns.map((c) => ({
    ...c,
    edited: recommendation.roles.some(
      (r) => r.skills.some((s) => s.id === c.skillId) && isLevelEdited(marks, r.id, c.skillId),
    ),
  }));

  // A skill column that is not on the page (e.g. another role's, with a role filter) sorts by total gap.
  if (sort.startsWith("skill:") && !columns.some((c) => `skill:${c.skillId}` === sort)) {
    invalid.push("sort");
    sort = "totalGap";
  }
  const sortKey = sort as HeatmapSortKey;
  const direction: HeatmapDirection = dirParam ?? (sortKey === "name" ? "asc" : "desc");

  const filter: HeatmapFilter = {};
  if (role) filter.roleId = role;
  if (department) filter.department = department === "none" ? null : department;
  if (minGap !== null && minGap > 0) filter.minGap = minGap;
  const by: HeatmapSort = sortKey.startsWith("skill:")
    ? { skillId: sortKey.slice("skill:".length) }
    : (sortKey as "name" | "totalGap" | "maxGap");
  // the reader's rows filtered and sorted once per team revision, query and language; a page is a slice of them
  const matching = keptDerived(gaps, JSON.stringify([filter, by, direction, lang]), () =>
    sortHeatmapRows(filterHeatmapRows(gaps.heatmap.rows, filter), by, direction, htmlLang(lang)),
  );

  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(pageParam, pages);
  const rows: HeatmapPageRow[] = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({
    memberId: r.memberId,
    name: r.name,
    departmentLabel: r.department ? roleLabel(r.department) : null,
    totalGap: r.totalGap,
    maxGap: r.maxGap,
    bucket: r.bucket,
    cells: columns.map((c) => encodeHeatmapCell(r.cells[c.skillId])),
  }));

  return data(
    {
      lang,
      query: {
        role,
        department,
        minGap: minGap !== null && minGap > 0 ? minGap : null,
        sort: sortKey,
        direction,
        page,
      },
      invalid: [...new Set(invalid)],
      roles: recommendation.roles.map((r) => ({ id: r.id, label: roleLabel(r.id) })),
      groups,
      columns,
      playbookVersion: state.version,
      rows,
      total: matching.length,
      memberCount: team.members.length,
      /** some people's rows are not this reader's to see */
      rowsLimited: gaps.heatmap.rows.length < team.members.length,
      pages,
      pageSize: PAGE_SIZE,
    },
    { status: invalid.length > 0 ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  const lang = loaderData?.lang ?? "zh";
  return [{ title: teamInsightsStrings[lang].heatmap.metaTitle }];
};

type Query = ReturnType<typeof useLoaderData<typeof loader>>["query"];

/** The address of the heat map with `changes` applied; defaults are left out, so links stay short. */
function heatmapHref(query: Query, changes: Partial<Query>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.role) params.set("role", next.role);
  if (next.department) params.set("department", next.department);
  if (next.minGap) params.set("minGap", String(next.minGap));
  const naturalDirection = next.sort === "name" ? "asc" : "desc";
  if (next.sort !== "totalGap" || next.direction !== naturalDirection) params.set("sort", next.sort);
  if (next.direction !== naturalDirection) params.set("dir", next.direction);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return `/team/heatmap${search ? `?${search}` : ""}`;
}

export default function TeamHeatmapPage() {
  const { query, invalid, roles, groups, columns, playbookVersion, rows, total, memberCount, pages, rowsLimited } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const num = useNumberFormat();
  const sortHref = (key: HeatmapSortKey) => {
    const natural: HeatmapDirection = key === "name" ? "asc" : "desc";
    const direction: HeatmapDirection = query.sort === key ? (query.direction === "asc" ? "desc" : "asc") : natural;
    return heatmapHref(query, { sort: key, direction, page: 1 });
  };
  const from = total === 0 ? 0 : (query.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, query.page * PAGE_SIZE);

  return (
    <div className="space-y-6" data-testid="team-heatmap">
      <header>
        <h2 className="text-xl font-semibold tracking-tight">{t("insights.heatmap.title")}</h2>
        <p className="mt-2 max-w-3xl text-slate-600">{t("insights.heatmap.intro")}</p>
        {rowsLimited ? (
          <p className="mt-2 max-w-3xl text-sm text-slate-500" data-testid="heatmap-rows-limited">
            {t("insights.heatmap.rowsLimited")}
          </p>
        ) : null}
      </header>

      {invalid.length > 0 ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("insights.heatmap.invalid", { names: invalid.join(t("insights.listSeparator")) })}
        </p>
      ) : null}

      {memberCount === 0 ? (
        <EmptyTeamCard testId="heatmap-empty" />
      ) : (
        <>
          <HeatmapFilters
            key={heatmapHref(query, { page: 1 })}
            values={{
              role: query.role,
              department: query.department,
              minGap: query.minGap,
              sort: query.sort,
              direction: query.direction,
            }}
            roles={roles}
            columns={columns}
            action="/team/heatmap"
          />
          <HeatmapLegend />
          {total === 0 ? (
            <p
              className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
              data-testid="heatmap-no-match"
            >
              {t("insights.heatmap.noMatch")}
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="heatmap-showing">
                {t("insights.heatmap.showing", { from: num(from), to: num(to), total: num(total) })}
              </p>
              <HeatmapTable
                groups={groups}
                columns={columns}
                rows={rows}
                sort={query.sort}
                direction={query.direction}
                sortHref={sortHref}
                playbookVersion={playbookVersion}
              />
              {pages > 1 ? (
                <nav
                  aria-label={t("insights.heatmap.pagination")}
                  className="flex items-center justify-between gap-4 text-sm"
                >
                  {query.page > 1 ? (
                    <Link
                      to={heatmapHref(query, { page: query.page - 1 })}
                      rel="prev"
                      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
                    >
                      ← {t("insights.heatmap.previous")}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-slate-600" aria-current="page">
                    {t("insights.heatmap.page", { page: num(query.page), pages: num(pages) })}
                  </span>
                  {query.page < pages ? (
                    <Link
                      to={heatmapHref(query, { page: query.page + 1 })}
                      rel="next"
                      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
                    >
                      {t("insights.heatmap.next")} →
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
