import { memo } from "react";
import type { CSSProperties, KeyboardEvent, MouseEvent } from "react";
import { Link } from "@remix-run/react";
import { Handle, Position } from "@xyflow/react";
import type { Node, NodeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { PRIORITY_STYLES } from "~/components/diagram/nodes";
import { BUCKET_STYLES } from "~/components/heatmap/colors";
import { useNumberFormat } from "~/components/heatmap/format";
import { ALSO_HOLDS_INSET, TEAM_HANDLE_IDS } from "~/domain/team-graph";
import type {
  DepartmentNodeData,
  MoreMembersNodeData,
  OpenSeatNodeData,
  TeamGmNodeData,
  TeamMemberNodeData,
  TeamRoleNodeData,
} from "~/domain/team-graph";
import type { HeadcountRange } from "~/domain/types";

export type TeamGmFlowNode = Node<TeamGmNodeData, "teamGm">;
export type TeamRoleFlowNode = Node<TeamRoleNodeData & { toggleHref: string }, "teamRole">;
export type TeamMemberFlowNode = Node<TeamMemberNodeData, "teamMember">;
export type OpenSeatFlowNode = Node<OpenSeatNodeData, "openSeat">;
export type MoreMembersFlowNode = Node<MoreMembersNodeData & { listHref: string }, "moreMembers">;
export type DepartmentFlowNode = Node<DepartmentNodeData, "department">;
export type TeamFlowNode =
  TeamGmFlowNode | TeamRoleFlowNode | TeamMemberFlowNode | OpenSeatFlowNode | MoreMembersFlowNode | DepartmentFlowNode;

/** Edges end on these, but nobody connects by hand: keep them out of sight. */
const HIDDEN_HANDLE: CSSProperties = { opacity: 0, pointerEvents: "none" };
const ALSO_HOLDS_HANDLE: CSSProperties = { ...HIDDEN_HANDLE, left: `calc(100% - ${ALSO_HOLDS_INSET}px)` };

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Format = (value: number, digits?: number) => string;

/**
 * Links inside a node: a click or Enter must follow the link, not also
 * select the node (React Flow handles both on the node's wrapper), hence
 * stopPropagation and the `nokey` class React Flow's key handler skips.
 */
const stop = (event: MouseEvent | KeyboardEvent) => event.stopPropagation();

/** A recommended headcount as a bare range ("1–2", "0"); the sentence around it says "people". */
export function headcountLabel(range: HeadcountRange): string {
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

/** The staffing line of a role: open seats, over-staffing, staffed, or nobody. */
export function roleStaffingStatus(
  data: TeamRoleNodeData,
  t: Translate,
  num: Format,
): { text: string; tone: "bad" | "warn" | "ok" | "muted" } {
  if (data.unfilledSeats > 0)
    return { text: t("insights.chart.role.seats", { count: data.unfilledSeats }), tone: "bad" };
  if (data.overStaffedBy > 0)
    return { text: t("insights.chart.role.over", { value: num(data.overStaffedBy) }), tone: "warn" };
  if (data.holderCount === 0) return { text: t("insights.chart.role.noHolders"), tone: "muted" };
  return { text: t("insights.chart.role.staffed"), tone: "ok" };
}

export function roleSkillStatus(
  data: TeamRoleNodeData,
  t: Translate,
): { text: string; tone: "bad" | "ok" | "muted" } | null {
  if (data.skillsBelow === null || data.skillsNotAssessed === null) return null;
  if (data.skillsBelow > 0) return { text: t("insights.chart.role.below", { count: data.skillsBelow }), tone: "bad" };
  if (data.skillsNotAssessed > 0)
    return { text: t("insights.chart.role.notAssessed", { count: data.skillsNotAssessed }), tone: "muted" };
  if (data.holderCount > 0) return { text: t("insights.chart.role.allMet"), tone: "ok" };
  return null;
}

export function memberGapText(data: Pick<TeamMemberNodeData, "maxGap" | "bucket">, t: Translate): string {
  if (data.bucket === "hidden") return t("insights.bucket.hidden");
  if (data.maxGap > 0) return t("insights.chart.gap.some", { count: data.maxGap });
  return data.bucket === "unassessed" ? t("insights.chart.gap.unassessed") : t("insights.chart.gap.none");
}

const TONE: Record<"bad" | "warn" | "ok" | "muted", string> = {
  bad: "text-red-700",
  warn: "text-amber-800",
  ok: "text-emerald-800",
  muted: "text-slate-500",
};
const TONE_SYMBOL: Record<"bad" | "warn" | "ok" | "muted", string> = { bad: "⚠", warn: "↑", ok: "✓", muted: "·" };

export const TeamGmNode = memo(function TeamGmNode({ data }: NodeProps<TeamGmFlowNode>) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  return (
    <div className="flex h-full w-full flex-col justify-center rounded-lg border-2 border-slate-700 bg-slate-800 px-3 text-white shadow-sm group-focus-visible:ring-4 group-focus-visible:ring-indigo-400">
      <p className="truncate text-sm font-semibold">{data.label}</p>
      <p className="truncate text-xs text-slate-300">
        {t("insights.chart.gm.members", { count: data.memberCount, n: num(data.memberCount), fte: num(data.fte) })}
      </p>
      <p className={`truncate text-xs ${data.unfilledSeats > 0 ? "text-amber-300" : "text-slate-300"}`}>
        {data.unfilledSeats > 0
          ? t("insights.chart.gm.seats", { count: data.unfilledSeats })
          : t("insights.chart.gm.staffed")}
        {data.withoutRole > 0
          ? ` · ${t("insights.chart.withoutRole", { count: data.withoutRole, n: num(data.withoutRole) })}`
          : ""}
      </p>
      <Handle
        type="source"
        position={Position.Bottom}
        id={TEAM_HANDLE_IDS.reportingOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
    </div>
  );
});

export const TeamRoleNode = memo(function TeamRoleNode({ data, selected }: NodeProps<TeamRoleFlowNode>) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const style = PRIORITY_STYLES[data.priority];
  const staffing = roleStaffingStatus(data, t, num);
  const skills = roleSkillStatus(data, t);
  const toggleable = data.memberCount > 0 || data.unfilledSeats > 0;
  const toggleText = data.expanded
    ? t("insights.chart.hide")
    : data.memberCount > 0
      ? t("insights.chart.show", { count: data.memberCount, n: num(data.memberCount) })
      : t("insights.chart.showSeats");
  return (
    <div
      className={`flex h-full w-full flex-col gap-1 overflow-hidden rounded-lg p-3 text-left shadow-sm ${style.card} ${
        selected ? "shadow-lg ring-4 ring-indigo-500" : ""
      } group-focus-visible:ring-4 group-focus-visible:ring-indigo-400`}
      data-role={data.roleId}
    >
      <Handle
        type="target"
        position={Position.Top}
        id={TEAM_HANDLE_IDS.reportingIn}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <p className="truncate text-sm font-semibold leading-5" title={data.label}>
        {data.label}
      </p>
      <p className="flex items-center gap-1.5 text-xs leading-5">
        <span className={`shrink-0 rounded px-1.5 font-medium ${style.badge}`}>
          {t(`diagram.priority.${data.priority}`)}
        </span>
        <span className="truncate tabular-nums text-slate-700">
          {t("insights.chart.role.recommendedVsActual", {
            recommended: headcountLabel(data.headcount),
            fte: num(data.fte),
          })}
        </span>
      </p>
      <p className={`truncate text-xs font-medium leading-4 ${TONE[staffing.tone]}`}>
        <span aria-hidden="true">{TONE_SYMBOL[staffing.tone]} </span>
        {staffing.text}
      </p>
      <p className={`h-4 truncate text-xs leading-4 ${skills ? TONE[skills.tone] : ""}`}>
        {skills ? (
          <>
            <span aria-hidden="true">{TONE_SYMBOL[skills.tone]} </span>
            {skills.text}
          </>
        ) : null}
      </p>
      <div className="mt-auto">
        {toggleable ? (
          <Link
            to={data.toggleHref}
            replace
            preventScrollReset
            onClick={stop}
            onKeyDown={stop}
            aria-expanded={data.expanded}
            aria-label={t("insights.chart.aria.toggle", { action: toggleText, role: data.label })}
            data-testid={`toggle-${data.roleId}`}
            className="nokey nodrag nopan flex h-7 w-full items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white/80 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span aria-hidden="true">{data.expanded ? "▾" : "▸"}</span>
            {toggleText}
          </Link>
        ) : (
          <p className="flex h-7 items-center justify-center text-xs text-slate-500">{t("insights.chart.noMembers")}</p>
        )}
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        id={TEAM_HANDLE_IDS.reportingOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <Handle
        type="source"
        position={Position.Bottom}
        id={TEAM_HANDLE_IDS.collaborationOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <Handle
        type="target"
        position={Position.Bottom}
        id={TEAM_HANDLE_IDS.collaborationIn}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <Handle
        type="target"
        position={Position.Bottom}
        id={TEAM_HANDLE_IDS.alsoHoldsIn}
        isConnectable={false}
        style={ALSO_HOLDS_HANDLE}
      />
    </div>
  );
});

export const TeamMemberNode = memo(function TeamMemberNode({ data, selected }: NodeProps<TeamMemberFlowNode>) {
  const { t } = useTranslation();
  const style = BUCKET_STYLES[data.bucket];
  const detail = [
    memberGapText(data, t),
    data.alsoHolds.length > 0
      ? t("insights.chart.alsoHolds", { roles: data.alsoHolds.join(t("insights.listSeparator")) })
      : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div
      className={`flex h-full w-full flex-col justify-center overflow-hidden rounded-md border border-l-4 px-2 text-left ${style.node} ${
        selected ? "ring-4 ring-indigo-500" : ""
      } group-focus-visible:ring-4 group-focus-visible:ring-indigo-400`}
      data-bucket={data.bucket}
    >
      <Handle
        type="source"
        position={Position.Top}
        id={TEAM_HANDLE_IDS.alsoHoldsOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <p className="flex items-center gap-1 text-xs font-semibold leading-4 text-slate-900">
        <span className="min-w-0 flex-1 truncate" title={data.name}>
          {data.name}
        </span>
        <span
          aria-hidden="true"
          className={`shrink-0 rounded px-1 text-[10px] font-bold leading-4 ring-1 ring-inset ${style.chip}`}
        >
          {style.symbol}
          {data.maxGap > 0 ? data.maxGap : ""}
        </span>
      </p>
      <p className="truncate text-[11px] leading-4 text-slate-600" title={detail}>
        {detail}
      </p>
    </div>
  );
});

export const OpenSeatNode = memo(function OpenSeatNode() {
  const { t } = useTranslation();
  return (
    <div className="flex h-full w-full items-center justify-center rounded-md border-2 border-dashed border-slate-400 bg-white/60 text-xs italic text-slate-500">
      {t("insights.chart.openSeat")}
    </div>
  );
});

export const MoreMembersNode = memo(function MoreMembersNode({ data }: NodeProps<MoreMembersFlowNode>) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  return (
    <div className="flex h-full w-full flex-col items-center justify-center rounded-md border border-slate-300 bg-slate-100 px-2 text-center text-xs text-slate-700">
      <p className="font-semibold">{t("insights.chart.moreMembers", { count: data.hidden, n: num(data.hidden) })}</p>
      <Link
        to={data.listHref}
        onClick={stop}
        onKeyDown={stop}
        className="nokey nodrag nopan text-indigo-700 underline underline-offset-2"
      >
        {t("insights.chart.seeList")}
      </Link>
    </div>
  );
});

/** The box behind a department's members (drawn first, so under them). */
export const DepartmentNode = memo(function DepartmentNode() {
  return (
    <div className="h-full w-full rounded-xl border border-slate-200 bg-slate-50">
      <Handle
        type="target"
        position={Position.Top}
        id={TEAM_HANDLE_IDS.reportingIn}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
    </div>
  );
});

/** Declared once at module scope: a new object per render would remount every node. */
export const teamNodeTypes = {
  teamGm: TeamGmNode,
  teamRole: TeamRoleNode,
  teamMember: TeamMemberNode,
  openSeat: OpenSeatNode,
  moreMembers: MoreMembersNode,
  department: DepartmentNode,
};
