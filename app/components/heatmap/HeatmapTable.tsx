import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { decodeHeatmapCell } from "~/domain/gaps";
import { BUCKET_STYLES, NOT_ASSESSED_CLASS, NOT_ASSESSED_STYLE, gapCellClass } from "./colors";
import { useNumberFormat } from "./format";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import type { TFunction } from "i18next";
import type { HeatmapColumn, HeatmapDirection, HeatmapGroup, HeatmapPageRow, HeatmapSortKey } from "./types";

const GROUP_TONES = ["bg-slate-100", "bg-white"];

/** Placeholders the cells' texts are made from: translated once per column, not once per cell. */
const ASSESSED = "\u0001";
const REQUIRED = "\u0002";
const GAP = "\u0003";

/**
 * Each column's cell texts (the title and what a screen reader hears), from one
 * translation per column and message: a 100-row page has some 3,000 cells, and
 * a translation per cell was a tenth of the page's render.
 */
function cellTexts(t: TFunction, columns: readonly HeatmapColumn[]) {
  const fill = (template: string, assessed: number, required: number, gap: number) =>
    template.replace(ASSESSED, String(assessed)).replace(REQUIRED, String(required)).replace(GAP, String(gap));
  const gapSr = t("insights.heatmap.cellSr", { gap: GAP });
  const notAssessedSr = t("insights.heatmap.cellNotAssessedSr");
  return columns.map((column) => {
    const assessed = t("insights.heatmap.cell", {
      skill: column.label,
      assessed: ASSESSED,
      required: REQUIRED,
      gap: GAP,
    });
    const notAssessed = t("insights.heatmap.cellNotAssessed", { skill: column.label, required: REQUIRED });
    return {
      assessed: (a: number, r: number, g: number) => fill(assessed, a, r, g),
      notAssessed: (r: number) => fill(notAssessed, 0, r, 0),
      gapSr: (g: number) => `, ${fill(gapSr, 0, 0, g)}`,
      notAssessedSr,
    };
  });
}

/**
 * Members × skills. Header row and first column stay in place while the
 * table scrolls both ways inside its box; each cell shows assessed/required,
 * its colour the gap, with the gap also in words for screen readers.
 */
export function HeatmapTable({
  groups,
  columns,
  rows,
  sort,
  direction,
  sortHref,
  playbookVersion = 0,
}: {
  groups: HeatmapGroup[];
  columns: HeatmapColumn[];
  rows: HeatmapPageRow[];
  sort: HeatmapSortKey;
  direction: HeatmapDirection;
  sortHref: (key: HeatmapSortKey) => string;
  /** the organisation's playbook version, named by the "edited" marks */
  playbookVersion?: number;
}) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const cellText = useMemo(() => cellTexts(t, columns), [t, columns]);
  const ariaSort = (key: HeatmapSortKey) =>
    sort === key ? (direction === "asc" ? "ascending" : "descending") : undefined;
  const arrow = (key: HeatmapSortKey) => (sort === key ? (direction === "asc" ? "▲" : "▼") : "");
  const sortedLabel = (key: HeatmapSortKey) =>
    sort === key
      ? t("insights.heatmap.sortState", {
          state: direction === "asc" ? t("insights.heatmap.sortedAsc") : t("insights.heatmap.sortedDesc"),
        })
      : "";

  const headerLink = (key: HeatmapSortKey, label: string, className = "") => (
    <Link
      to={sortHref(key)}
      preventScrollReset
      className={`inline-flex items-center gap-1 hover:text-indigo-700 hover:underline ${className}`}
      aria-label={`${t("insights.heatmap.sortBy", { column: label })}${sortedLabel(key)}`}
    >
      <span>{label}</span>
      <span aria-hidden="true" className="text-[10px] text-indigo-700">
        {arrow(key)}
      </span>
    </Link>
  );

  return (
    <div
      className="relative max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white shadow-sm"
      data-testid="heatmap-scroll"
    >
      <table className="border-separate border-spacing-0 text-sm" data-testid="heatmap">
        <caption className="sr-only">{t("insights.heatmap.tableCaption")}</caption>
        <thead>
          <tr className="h-9">
            <th
              scope="col"
              rowSpan={2}
              className="sticky left-0 top-0 z-30 min-w-[13rem] border-b border-r border-slate-200 bg-slate-50 px-3 text-left align-bottom text-xs font-semibold text-slate-600"
              aria-sort={ariaSort("name")}
            >
              <div className="pb-2">{headerLink("name", t("insights.heatmap.member"))}</div>
            </th>
            <th
              scope="col"
              rowSpan={2}
              className="sticky top-0 z-20 whitespace-nowrap border-b border-slate-200 bg-slate-50 px-2 text-right align-bottom text-xs font-semibold text-slate-600"
              aria-sort={ariaSort("totalGap")}
            >
              <div className="pb-2">{headerLink("totalGap", t("insights.heatmap.totalGap"), "justify-end")}</div>
            </th>
            <th
              scope="col"
              rowSpan={2}
              className="sticky top-0 z-20 whitespace-nowrap border-b border-r border-slate-200 bg-slate-50 px-2 text-right align-bottom text-xs font-semibold text-slate-600"
              aria-sort={ariaSort("maxGap")}
            >
              <div className="pb-2">{headerLink("maxGap", t("insights.heatmap.maxGap"), "justify-end")}</div>
            </th>
            {groups.map((g, i) => (
              <th
                key={g.key}
                scope="colgroup"
                colSpan={g.span}
                className={`sticky top-0 z-20 h-9 border-b border-r border-slate-200 px-2 text-left text-xs font-semibold text-slate-700 ${GROUP_TONES[i % 2]}`}
              >
                <span className="block truncate" title={g.label}>
                  {g.label}
                </span>
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((c) => {
              const key: HeatmapSortKey = `skill:${c.skillId}`;
              return (
                <th
                  key={c.skillId}
                  scope="col"
                  data-skill={c.skillId}
                  aria-sort={ariaSort(key)}
                  className={`sticky top-9 z-20 min-w-[5.5rem] max-w-[8rem] border-b border-r border-slate-200 px-2 py-2 text-left align-bottom text-xs font-medium leading-4 text-slate-700 ${GROUP_TONES[c.group % 2]}`}
                >
                  {headerLink(key, c.label)}
                  <EditedBadge edited={c.edited === true} version={playbookVersion} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="heatmap-body">
          {rows.map((row) => (
            <tr key={row.memberId} data-member={row.memberId} className="group">
              <th
                scope="row"
                className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-1.5 text-left font-normal group-hover:bg-slate-50"
              >
                <Link
                  to={`/team/${row.memberId}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                >
                  {row.name}
                </Link>
                {row.departmentLabel ? (
                  <span className="block text-xs text-slate-500">{row.departmentLabel}</span>
                ) : null}
              </th>
              <td className="border-b border-slate-200 px-2 py-1.5 text-right tabular-nums" data-testid="total-gap">
                {num(row.totalGap)}
              </td>
              <td className="border-b border-r border-slate-200 px-2 py-1.5 text-right" data-testid="max-gap">
                <span
                  className={`inline-flex min-w-[2.5rem] items-center justify-center gap-1 rounded-full px-2 text-xs font-semibold tabular-nums ring-1 ring-inset ${BUCKET_STYLES[row.bucket].chip}`}
                  title={t(`insights.bucket.${row.bucket}`)}
                >
                  <span aria-hidden="true">{BUCKET_STYLES[row.bucket].symbol}</span>
                  {num(row.maxGap)}
                </span>
                <span className="sr-only"> {t(`insights.bucket.${row.bucket}`)}</span>
              </td>
              {row.cells.map((code, i) => {
                const cell = decodeHeatmapCell(code);
                // not required: a bare cell (the legend says what blank means; styled by .heatmap-body in app.css)
                if (!cell) return <td key={columns[i].skillId} />;
                const text = cellText[i];
                return cell.notAssessed ? (
                  <td
                    key={columns[i].skillId}
                    data-skill={columns[i].skillId}
                    data-gap={0}
                    data-not-assessed=""
                    title={text.notAssessed(cell.required)}
                    className={NOT_ASSESSED_CLASS}
                    style={NOT_ASSESSED_STYLE}
                  >
                    <span aria-hidden="true">{`–/${cell.required}`}</span>
                    <span className="sr-only">{text.notAssessedSr}</span>
                  </td>
                ) : (
                  <td
                    key={columns[i].skillId}
                    data-skill={columns[i].skillId}
                    data-gap={cell.gap}
                    title={text.assessed(cell.assessed, cell.required, cell.gap)}
                    className={gapCellClass(cell.gap)}
                  >
                    {`${cell.assessed}/${cell.required}`}
                    <span className="sr-only">{text.gapSr(cell.gap)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
