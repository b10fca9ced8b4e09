import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RoleId } from "~/domain/types";
import type { HeatmapColumn, HeatmapDirection, HeatmapSortKey } from "./types";

export interface HeatmapFilterValues {
  role: RoleId | null;
  department: RoleId | "none" | null;
  minGap: number | null;
  sort: HeatmapSortKey;
  direction: HeatmapDirection;
}

const MIN_GAPS = [1, 2, 3, 4] as const;

/**
 * A GET form: the filters and the sort are the address, so a view works
 * without JavaScript and can be shared. Submitting starts again at page 1.
 */
export function HeatmapFilters({
  values,
  roles,
  columns,
  action,
}: {
  values: HeatmapFilterValues;
  roles: { id: RoleId; label: string }[];
  columns: HeatmapColumn[];
  action: string;
}) {
  const { t } = useTranslation();
  const field = "flex flex-col gap-1 text-xs font-medium text-slate-600";
  const select = "min-w-[9rem] rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  return (
    <Form
      method="get"
      action={action}
      preventScrollReset
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={t("insights.heatmap.filters")}
    >
      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("insights.heatmap.filters")}</legend>
        <div className="flex flex-wrap items-end gap-4">
          <label className={field}>
            {t("insights.heatmap.role")}
            <select name="role" defaultValue={values.role ?? ""} className={select}>
              <option value="">{t("insights.heatmap.anyRole")}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <label className={field}>
            {t("insights.heatmap.department")}
            <select name="department" defaultValue={values.department ?? ""} className={select}>
              <option value="">{t("insights.heatmap.anyDepartment")}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
              <option value="none">{t("insights.heatmap.noDepartment")}</option>
            </select>
          </label>
          <label className={field}>
            {t("insights.heatmap.minGap")}
            <select name="minGap" defaultValue={values.minGap === null ? "" : String(values.minGap)} className={select}>
              <option value="">{t("insights.heatmap.anyGap")}</option>
              {MIN_GAPS.map((g) => (
                <option key={g} value={g}>
                  {t("insights.heatmap.gapAtLeast", { count: g })}
                </option>
              ))}
            </select>
          </label>
          <label className={field}>
            {t("insights.heatmap.sort")}
            <select name="sort" defaultValue={values.sort} className={select}>
              <option value="totalGap">{t("insights.heatmap.sortTotalGap")}</option>
              <option value="maxGap">{t("insights.heatmap.sortMaxGap")}</option>
              <option value="name">{t("insights.heatmap.sortName")}</option>
              {columns.map((c) => (
                <option key={c.skillId} value={`skill:${c.skillId}`}>
                  {t("insights.heatmap.sortSkill", { skill: c.label })}
                </option>
              ))}
            </select>
          </label>
          <label className={field}>
            {t("insights.heatmap.direction")}
            <select name="dir" defaultValue={values.direction} className={select}>
              <option value="desc">{t("insights.heatmap.desc")}</option>
              <option value="asc">{t("insights.heatmap.asc")}</option>
            </select>
          </label>
          <div className="flex items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
            >
              {t("insights.heatmap.apply")}
            </button>
            <Link to={action} className="text-sm text-slate-600 underline-offset-2 hover:underline">
              {t("insights.heatmap.reset")}
            </Link>
          </div>
        </div>
      </fieldset>
    </Form>
  );
}
