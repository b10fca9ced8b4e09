import type { GapBucket, HeatmapCellCode } from "~/domain/gaps";
import type { RoleId } from "~/domain/types";

/** What the heat-map page sends to the browser: one page of rows, cells aligned with the columns. */
export interface HeatmapColumn {
  skillId: string;
  label: string;
  /** index into the groups */
  group: number;
  /** a required level of this column comes from the organisation's edited playbook */
  edited?: boolean;
}

export interface HeatmapGroup {
  /** a role id, or "shared" for skills several roles require */
  key: RoleId | "shared";
  label: string;
  span: number;
}

export interface HeatmapPageRow {
  memberId: string;
  name: string;
  departmentLabel: string | null;
  totalGap: number;
  maxGap: number;
  bucket: GapBucket;
  /** aligned with the columns; `decodeHeatmapCell` reads them */
  cells: HeatmapCellCode[];
}

export type HeatmapSortKey = "name" | "totalGap" | "maxGap" | `skill:${string}`;
export type HeatmapDirection = "asc" | "desc";
