import { memo } from "react";
import type { CSSProperties } from "react";
import { getSmoothStepPath } from "@xyflow/react";
import type { Edge, EdgeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import type { DiagramEdgeData } from "~/domain/layout";
import { collaborationArc } from "~/domain/picture";

export { collaborationArc };

/** How an edge relates to the selected role: drawn normally, stronger (touches it) or muted (does not). */
export type EdgeEmphasis = "normal" | "strong" | "muted";
export type FlowEdgeData = DiagramEdgeData & { emphasis: EdgeEmphasis };
export type ReportingFlowEdge = Edge<FlowEdgeData, "reporting">;
export type CollaborationFlowEdge = Edge<FlowEdgeData, "collaboration">;
/** A hand-off between the roles doing consecutive steps (the ownership view); `title` says which steps. */
export type HandOffFlowEdge = Edge<{ title: string }, "handOff">;
export type OrgChartFlowEdge = ReportingFlowEdge | CollaborationFlowEdge | HandOffFlowEdge;

/*
 * Colours are inline styles, not Tailwind classes: React Flow's stylesheet
 * (unlayered) would win over Tailwind's layered utilities on .react-flow__edge-path.
 */
export const EDGE_COLORS = {
  reporting: "#94a3b8", // slate-400
  collaboration: "#7c3aed", // violet-600
  handOff: "#ea580c", // orange-600
} as const;
export const COLLABORATION_DASH = "6 4";

function strokeStyle(kind: "reporting" | "collaboration", emphasis: EdgeEmphasis): CSSProperties {
  return {
    stroke: EDGE_COLORS[kind],
    strokeWidth: emphasis === "strong" ? 2.5 : 1.5,
    strokeDasharray: kind === "collaboration" ? COLLABORATION_DASH : undefined,
    opacity: emphasis === "muted" ? 0.3 : 1,
  };
}

/** The visible path, a wider invisible one that is easier to hover, and a tooltip. */
function EdgeShape({ path, title, style }: { path: string; title: string; style: CSSProperties }) {
  return (
    <>
      <title>{title}</title>
      <path d={path} fill="none" className="react-flow__edge-path" style={style} />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={16} className="react-flow__edge-interaction" />
    </>
  );
}

function edgeTitle(
  t: (key: string, options?: Record<string, unknown>) => string,
  kindLabel: string,
  reason: string | undefined,
): string {
  return reason ? t("app.text.labelled", { label: kindLabel, value: reason }) : kindLabel;
}

/** GM → role: solid grey steps; siblings share one horizontal bus halfway down. */
export const ReportingEdge = memo(function ReportingEdge(props: EdgeProps<ReportingFlowEdge>) {
  const { t } = useTranslation();
  const [path] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 8,
  });
  return (
    <EdgeShape
      path={path}
      title={edgeTitle(t, t("diagram.edge.reporting"), props.data?.reason)}
      style={strokeStyle("reporting", props.data?.emphasis ?? "normal")}
    />
  );
});

/** Role ↔ role: a dashed violet arc under the row, no arrow (it goes both ways). */
export const CollaborationEdge = memo(function CollaborationEdge(props: EdgeProps<CollaborationFlowEdge>) {
  const { t } = useTranslation();
  const { path } = collaborationArc(props.sourceX, props.sourceY, props.targetX, props.targetY);
  return (
    <EdgeShape
      path={path}
      title={edgeTitle(t, t("diagram.edge.collaboration"), props.data?.reason)}
      style={strokeStyle("collaboration", props.data?.emphasis ?? "normal")}
    />
  );
});

/** Role → role in the ownership view: a solid orange arc with an arrow at the role that takes over. */
export const HandOffEdge = memo(function HandOffEdge(props: EdgeProps<HandOffFlowEdge>) {
  const { path } = collaborationArc(props.sourceX, props.sourceY, props.targetX, props.targetY);
  return (
    <>
      <title>{props.data?.title ?? ""}</title>
      <path
        d={path}
        fill="none"
        className="react-flow__edge-path"
        markerEnd={props.markerEnd}
        style={{ stroke: EDGE_COLORS.handOff, strokeWidth: 2.5 }}
        data-hand-off={`${props.source}->${props.target}`}
      />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={16} className="react-flow__edge-interaction" />
    </>
  );
});

/** Declared once at module scope, like nodeTypes. */
export const edgeTypes = {
  reporting: ReportingEdge,
  collaboration: CollaborationEdge,
  handOff: HandOffEdge,
};
