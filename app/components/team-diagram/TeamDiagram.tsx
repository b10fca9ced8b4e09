import { useCallback, useEffect, useMemo, useRef } from "react";
import { getViewportForBounds, useReactFlow, useStore } from "@xyflow/react";
import type { FitViewOptions, NodeChange, Rect } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { useNumberFormat } from "~/components/heatmap/format";
import { memberIdOfNode, teamNodeHandles, teamNodeId } from "~/domain/team-graph";
import type { TeamDiagramEdge, TeamDiagramNode } from "~/domain/team-graph";
import type { RoleId } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { DiagramFrame, toFlowHandle } from "~/components/diagram/DiagramFrame";
import {
  DownloadPicture,
  usePictureHeading,
  type MakePicture,
  type PictureOptions,
} from "~/components/diagram/DownloadPicture";
import type { EdgeEmphasis } from "~/components/diagram/edges";
import { teamEdgeTypes } from "./edges";
import type { TeamFlowEdge } from "./edges";
import { headcountLabel, memberGapText, roleSkillStatus, roleStaffingStatus, teamNodeTypes } from "./nodes";
import type { TeamFlowNode } from "./nodes";
import { TeamLegend } from "./TeamLegend";
import { teamPicture } from "./teamPicture";

export type TeamSelection = { kind: "member"; id: string } | { kind: "role"; id: RoleId } | null;

export interface TeamDiagramProps {
  nodes: TeamDiagramNode[];
  edges: TeamDiagramEdge[];
  selection: TeamSelection;
  onSelect(selection: TeamSelection): void;
  /** the address that opens or closes a department (keeps the rest of the view) */
  toggleHref(roleId: RoleId): string;
  /** where the "N more" node of a department leads */
  moreHref(roleId: RoleId): string;
  /** height of the drawing area in px; default: from the chart's proportions, 420 to 720 */
  height?: number;
  /** the title block and file name of the PNG and SVG downloads */
  picture: PictureOptions;
}

/** The width assumed for the server render's fitView; the browser fits again to the real width. */
const SERVER_RENDER_WIDTH = 1200;
/** The bottom padding leaves room for the collaboration arcs under the row of roles (up to 80 px). */
const FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { top: "24px", left: "24px", right: "24px", bottom: "96px" },
  maxZoom: 1,
};
const MIN_ZOOM = 0.05;

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Format = (value: number, digits?: number) => string;

function ariaLabelFor(node: TeamDiagramNode, t: Translate, num: Format): string | undefined {
  switch (node.type) {
    case "teamGm":
      return t("insights.chart.aria.gm", {
        label: node.data.label,
        summary: [
          t("insights.chart.gm.members", {
            count: node.data.memberCount,
            n: num(node.data.memberCount),
            fte: num(node.data.fte),
          }),
          node.data.unfilledSeats > 0
            ? t("insights.chart.gm.seats", { count: node.data.unfilledSeats })
            : t("insights.chart.gm.staffed"),
        ].join(t("app.text.clauses")),
      });
    case "teamRole": {
      const d = node.data;
      return t("insights.chart.aria.role", {
        label: d.label,
        priority: t(`diagram.priority.${d.priority}`),
        staffing: t("insights.chart.role.recommendedVsActual", {
          recommended: headcountLabel(d.headcount),
          fte: num(d.fte),
        }),
        status: roleStaffingStatus(d, t, num).text,
        skills: roleSkillStatus(d, t)?.text ?? "",
        members: t("insights.chart.membersHere", { count: d.memberCount, n: num(d.memberCount) }),
        state: d.expanded ? t("insights.chart.aria.expanded") : t("insights.chart.aria.collapsed"),
      });
    }
    case "teamMember":
      return t("insights.chart.aria.member", {
        name: node.data.name,
        gap: memberGapText(node.data, t),
        also:
          node.data.alsoHolds.length > 0
            ? t("insights.chart.alsoHolds", { roles: node.data.alsoHolds.join(t("insights.listSeparator")) })
            : "",
      });
    case "openSeat":
      return t("insights.chart.openSeat");
    default:
      return undefined;
  }
}

function toFlowNode(
  node: TeamDiagramNode,
  props: Pick<TeamDiagramProps, "toggleHref" | "moreHref">,
  t: Translate,
  num: Format,
): TeamFlowNode {
  const interactive = node.type === "teamRole" || node.type === "teamMember" || node.type === "teamGm";
  const common = {
    id: node.id,
    position: node.position,
    width: node.width,
    height: node.height,
    handles: teamNodeHandles(node.type, node.width, node.height).map(toFlowHandle),
    selectable: node.type === "teamRole" || node.type === "teamMember",
    focusable: interactive,
    selected: false,
    ariaLabel: ariaLabelFor(node, t, num),
    // lets the node's content show a focus ring (React Flow removes the wrapper's outline)
    className: "group",
  };
  switch (node.type) {
    case "teamGm":
      return { ...common, type: "teamGm", data: node.data };
    case "teamRole":
      return { ...common, type: "teamRole", data: { ...node.data, toggleHref: props.toggleHref(node.data.roleId) } };
    case "teamMember":
      return { ...common, type: "teamMember", data: node.data };
    case "openSeat":
      return { ...common, type: "openSeat", data: node.data };
    case "moreMembers":
      return { ...common, type: "moreMembers", data: { ...node.data, listHref: props.moreHref(node.data.roleId) } };
    case "department":
      return { ...common, type: "department", data: node.data, zIndex: -1 };
  }
}

function emphasisOf(edge: TeamDiagramEdge, selection: TeamSelection): EdgeEmphasis {
  if (selection === null) return "normal";
  const id = selection.kind === "member" ? teamNodeId.member(selection.id) : teamNodeId.role(selection.id);
  return edge.source === id || edge.target === id ? "strong" : "muted";
}

function toFlowEdge(edge: TeamDiagramEdge, emphasis: EdgeEmphasis): TeamFlowEdge {
  const common = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    targetHandle: edge.targetHandle,
    selectable: false,
    focusable: false,
  };
  switch (edge.type) {
    case "reporting":
      return { ...common, type: "reporting", data: { kind: "reporting", reason: edge.data.reason, emphasis } };
    case "collaboration":
      return { ...common, type: "collaboration", data: { kind: "collaboration", reason: edge.data.reason, emphasis } };
    case "alsoHolds":
      return { ...common, type: "alsoHolds", data: { kind: "alsoHolds", reason: edge.data.reason, emphasis } };
  }
}

/**
 * Keeps an object per id while its content is unchanged, so a new page of
 * loader data (after a selection or a toggle) re-renders only the nodes that
 * changed: React Flow re-renders a node when its object changes.
 */
function useStableById<T extends { id: string }>(items: T[], keyOf: (item: T) => string): T[] {
  const cache = useRef(new Map<string, { key: string; item: T }>());
  return useMemo(() => {
    const next = new Map<string, { key: string; item: T }>();
    const out = items.map((item) => {
      const key = keyOf(item);
      const previous = cache.current.get(item.id);
      const kept = previous && previous.key === key ? previous.item : item;
      next.set(item.id, { key, item: kept });
      return kept;
    });
    cache.current = next;
    return out;
  }, [items, keyOf]);
}

const nodeKey = (n: TeamFlowNode) => JSON.stringify([n.position, n.data, n.selected, n.ariaLabel]);
const edgeKey = (e: TeamFlowEdge) => JSON.stringify([e.source, e.target, e.data]);

function boundsOf(nodes: readonly TeamDiagramNode[]): Rect | null {
  if (nodes.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + n.width);
    maxY = Math.max(maxY, n.position.y + n.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Refits the chart when it changes shape: after a department opens, brings it
 * into view; after one closes, or when the drawing area is resized (a side
 * panel opens or closes), fits the whole chart. The viewport is computed from
 * the laid-out positions and set directly (fitView in a controlled flow waits
 * for a node change that a refit does not bring).
 */
function FitOnChange({ nodes, expandedKey }: { nodes: readonly TeamDiagramNode[]; expandedKey: string }) {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const previous = useRef({ expandedKey, width, height });
  useEffect(() => {
    const before = previous.current;
    previous.current = { expandedKey, width, height };
    if (before.expandedKey === expandedKey && before.width === width && before.height === height) return;
    if (width === 0 || height === 0) return;
    const wasOpen = new Set(before.expandedKey.split(","));
    const opened = expandedKey.split(",").filter((id) => id !== "" && !wasOpen.has(id));
    const focus = opened.length === 1 && isRoleId(opened[0]) ? opened[0] : null;
    const focusIds = focus ? new Set([teamNodeId.role(focus), teamNodeId.department(focus)]) : null;
    const bounds = boundsOf(focusIds ? nodes.filter((n) => focusIds.has(n.id)) : nodes);
    if (!bounds) return;
    const viewport = getViewportForBounds(
      bounds,
      width,
      height,
      MIN_ZOOM,
      FIT_VIEW_OPTIONS.maxZoom ?? 1,
      FIT_VIEW_OPTIONS.padding ?? 0.1,
    );
    void setViewport(viewport, { duration: before.expandedKey === expandedKey ? 0 : 300 });
  }, [nodes, expandedKey, width, height, setViewport]);
  return null;
}

/**
 * The team's org chart. Selection is controlled by the page (it lives in the
 * address): clicking a member or a role, or focusing it and pressing Enter
 * or Space, calls onSelect; Escape or a click on the background clears it.
 * Each role node has a link that opens or closes its department.
 */
/** A drawing area about as tall as the fitted chart needs at the server render's width. */
function heightFor(nodes: TeamDiagramNode[]): number {
  const bounds = boundsOf(nodes);
  if (!bounds) return 420;
  const fitted = (SERVER_RENDER_WIDTH * (bounds.height + 120)) / (bounds.width + 48);
  return Math.round(Math.min(720, Math.max(420, fitted)));
}

export function TeamDiagram({
  nodes,
  edges,
  selection,
  onSelect,
  toggleHref,
  moreHref,
  height: fixedHeight,
  picture,
}: TeamDiagramProps) {
  const height = useMemo(() => fixedHeight ?? heightFor(nodes), [fixedHeight, nodes]);
  const { t } = useTranslation();
  const num = useNumberFormat();

  const selectedNodeId =
    selection === null
      ? null
      : selection.kind === "member"
        ? teamNodeId.member(selection.id)
        : teamNodeId.role(selection.id);
  const freshNodes = useMemo(
    () =>
      nodes.map((n) => {
        const flow = toFlowNode(n, { toggleHref, moreHref }, t, num);
        return flow.id === selectedNodeId ? { ...flow, selected: true } : flow;
      }),
    [nodes, toggleHref, moreHref, t, num, selectedNodeId],
  );
  const flowNodes = useStableById(freshNodes, nodeKey);
  const freshEdges = useMemo(() => edges.map((e) => toFlowEdge(e, emphasisOf(e, selection))), [edges, selection]);
  const flowEdges = useStableById(freshEdges, edgeKey);

  const expandedKey = nodes
    .filter((n) => n.type === "teamRole" && n.data.expanded)
    .map((n) => n.id)
    .join(",");

  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  // Controlled nodes: React Flow reports clicks and Enter/Space as "select" changes; the page decides.
  const onNodesChange = useCallback((changes: NodeChange<TeamFlowNode>[]) => {
    let deselected = false;
    for (const change of changes) {
      if (change.type !== "select") continue;
      if (change.selected) {
        const memberId = memberIdOfNode(change.id);
        if (memberId) return onSelectRef.current({ kind: "member", id: memberId });
        if (isRoleId(change.id)) return onSelectRef.current({ kind: "role", id: change.id });
      } else {
        deselected = true;
      }
    }
    if (deselected) onSelectRef.current(null);
  }, []);

  const heading = usePictureHeading(picture);
  const makePicture = useCallback<MakePicture>(
    (measure, fontFamily) => teamPicture({ nodes, edges, t, num, heading }, measure, fontFamily),
    [nodes, edges, t, num, heading],
  );

  return (
    <DiagramFrame<TeamFlowNode, TeamFlowEdge>
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={teamNodeTypes}
      edgeTypes={teamEdgeTypes}
      onNodesChange={onNodesChange}
      ariaLabel={t("insights.chart.ariaLabel")}
      ariaKeys="insights.chart.aria"
      height={height}
      serverWidth={SERVER_RENDER_WIDTH}
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={MIN_ZOOM}
      legend={<TeamLegend />}
      toolbar={<DownloadPicture makePicture={makePicture} fileStem={picture.fileStem} testId={picture.testId} />}
      testId="team-diagram"
    >
      <FitOnChange nodes={nodes} expandedKey={expandedKey} />
    </DiagramFrame>
  );
}
