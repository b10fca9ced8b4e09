import { useCallback, useEffect, useMemo, useRef } from "react";
import { MarkerType } from "@xyflow/react";
import type { FitViewOptions, NodeChange } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { HANDLE_IDS, orgChartGraph } from "~/domain/layout";
import type { DiagramEdge, DiagramNode } from "~/domain/layout";
import type { Language, OrgChartRecommendation, RoleId } from "~/domain/types";
import { isRoleId } from "~/domain/vocabulary";
import { EDGE_COLORS, edgeTypes } from "./edges";
import type { EdgeEmphasis, HandOffFlowEdge, OrgChartFlowEdge } from "./edges";
import { DiagramFrame, toFlowHandle } from "./DiagramFrame";
import { DownloadPicture, usePictureHeading, type MakePicture, type PictureOptions } from "./DownloadPicture";
import { Legend } from "./Legend";
import { orgChartPicture } from "./pictures";
import { generalManagerSummary, nodeTypes, roleDetail, roleHeadcount } from "./nodes";
import type { OrgChartFlowNode, OwnershipPart } from "./nodes";

/**
 * Ownership of one process step drawn over the chart: each role's part is
 * highlighted, and the hand-offs to and from the neighbouring steps are
 * arrows between roles (the other links are muted).
 */
export interface OwnershipOverlay {
  parts: Partial<Record<RoleId, OwnershipPart>>;
  handOffs: { from: RoleId; to: RoleId; title: string }[];
}

export interface OrgChartDiagramProps {
  recommendation: OrgChartRecommendation;
  lang: Language;
  selectedRoleId: RoleId | null;
  onSelectRole(id: RoleId | null): void;
  /** height of the drawing area in px; default 560 */
  height?: number;
  /** show who owns a process step (the /ownership diagram) */
  ownership?: OwnershipOverlay;
  /** offer the chart as a PNG and an SVG with this title block */
  picture?: PictureOptions;
}

/** The width assumed for the server render's fitView; the browser fits again to the real width. */
const SERVER_RENDER_WIDTH = 960;
/**
 * Collaboration arcs hang under the row of roles, outside the nodes' bounds
 * that fitView fits, so the bottom padding keeps room for the deepest arc
 * (80 px, see collaborationArc) at the largest fitted zoom (1).
 */
const FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { top: "24px", left: "24px", right: "24px", bottom: "104px" },
  maxZoom: 1,
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

function ariaLabelFor(node: DiagramNode, t: Translate): string {
  if (node.type === "generalManager") {
    return t("diagram.aria.generalManager", {
      label: node.data.label,
      summary: generalManagerSummary(node.data, t),
    });
  }
  const d = node.data;
  return t("diagram.aria.role", {
    label: d.label,
    priority: t(`diagram.priority.${d.priority}`),
    detail: [roleHeadcount(d, t), roleDetail(d, t)].filter(Boolean).join(t("app.text.clauses")),
    responsibilities: d.responsibilities.join(t("app.text.items")),
    skills: d.skills
      .map((s) => t("diagram.aria.skill", { label: s.label, level: s.level, name: t(`diagram.level.${s.level}`) }))
      .join(t("app.text.items")),
  });
}

function toFlowNode(node: DiagramNode, t: Translate): OrgChartFlowNode {
  const common = {
    id: node.id,
    position: node.position,
    width: node.width,
    height: node.height,
    handles: node.handles.map(toFlowHandle),
    selectable: node.selectable,
    selected: false,
    ariaLabel: ariaLabelFor(node, t),
    // lets the node's content show a focus ring (React Flow removes the wrapper's outline)
    className: "group",
  };
  return node.type === "generalManager"
    ? { ...common, type: "generalManager", data: node.data }
    : { ...common, type: "role", data: node.data };
}

function toFlowEdge(edge: DiagramEdge, emphasis: EdgeEmphasis): OrgChartFlowEdge {
  const common = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    targetHandle: edge.targetHandle,
    selectable: false,
    focusable: false,
    data: { ...edge.data, emphasis },
  };
  return edge.type === "reporting" ? { ...common, type: "reporting" } : { ...common, type: "collaboration" };
}

function toHandOffEdge(handOff: OwnershipOverlay["handOffs"][number]): HandOffFlowEdge {
  return {
    id: `hand-off:${handOff.from}->${handOff.to}`,
    type: "handOff",
    source: handOff.from,
    target: handOff.to,
    sourceHandle: HANDLE_IDS.collaborationOut,
    targetHandle: HANDLE_IDS.collaborationIn,
    selectable: false,
    focusable: false,
    markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLORS.handOff, width: 16, height: 16 },
    data: { title: handOff.title },
  };
}

/**
 * The recommended org chart as an interactive diagram. Selection is
 * controlled by the page: clicking a role, or focusing it and pressing Enter
 * or Space, calls onSelectRole(id); Escape or a click on the background calls
 * onSelectRole(null).
 */
export function OrgChartDiagram({
  recommendation,
  lang,
  selectedRoleId,
  onSelectRole,
  height = 560,
  ownership,
  picture,
}: OrgChartDiagramProps) {
  const { t } = useTranslation();
  const graph = useMemo(() => orgChartGraph(recommendation, lang), [recommendation, lang]);
  const baseNodes = useMemo(
    () =>
      graph.nodes.map((n) => {
        const node = toFlowNode(n, t);
        const part = node.type === "role" ? ownership?.parts[node.data.roleId] : undefined;
        return part && node.type === "role" ? { ...node, data: { ...node.data, ownership: part } } : node;
      }),
    [graph, t, ownership],
  );
  // Only the selected node gets a new object, so React Flow re-renders one node on selection.
  const nodes = useMemo(
    () => baseNodes.map((n) => (n.id === selectedRoleId ? { ...n, selected: true } : n)),
    [baseNodes, selectedRoleId],
  );
  const edges = useMemo(() => {
    const drawn: OrgChartFlowEdge[] = graph.edges.map((e) =>
      toFlowEdge(
        e,
        ownership
          ? "muted"
          : selectedRoleId === null
            ? "normal"
            : e.source === selectedRoleId || e.target === selectedRoleId
              ? "strong"
              : "muted",
      ),
    );
    return ownership ? [...drawn, ...ownership.handOffs.map(toHandOffEdge)] : drawn;
  }, [graph, selectedRoleId, ownership]);

  // The latest callback, read by a handler that never changes identity.
  const onSelectRoleRef = useRef(onSelectRole);
  useEffect(() => {
    onSelectRoleRef.current = onSelectRole;
  }, [onSelectRole]);

  // Nodes are controlled: React Flow reports clicks and Enter/Space as "select"
  // changes and we pass them to the page instead of applying them.
  const onNodesChange = useCallback((changes: NodeChange<OrgChartFlowNode>[]) => {
    let deselected = false;
    for (const change of changes) {
      if (change.type !== "select") continue;
      if (change.selected && isRoleId(change.id)) {
        onSelectRoleRef.current(change.id);
        return;
      }
      if (!change.selected) deselected = true;
    }
    if (deselected) onSelectRoleRef.current(null);
  }, []);

  const heading = usePictureHeading({
    title: picture?.title ?? "",
    model: picture?.model ?? recommendation.model,
    stage: picture?.stage ?? recommendation.stage,
    subtitle: picture?.subtitle,
  });
  const makePicture = useCallback<MakePicture>(
    (measure, fontFamily) =>
      orgChartPicture(
        {
          recommendation,
          lang,
          t,
          heading,
          ownership: ownership ? { parts: ownership.parts, handOffs: ownership.handOffs } : undefined,
          sideBySide: picture?.sideBySide,
        },
        measure,
        fontFamily,
      ),
    [recommendation, lang, t, heading, ownership, picture?.sideBySide],
  );

  return (
    <DiagramFrame<OrgChartFlowNode, OrgChartFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      ariaLabel={t("diagram.ariaLabel")}
      ariaKeys="diagram.aria"
      height={height}
      serverWidth={SERVER_RENDER_WIDTH}
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      legend={<Legend />}
      toolbar={
        picture ? (
          <DownloadPicture makePicture={makePicture} fileStem={picture.fileStem} testId={picture.testId} />
        ) : undefined
      }
    />
  );
}
