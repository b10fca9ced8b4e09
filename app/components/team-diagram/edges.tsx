import { memo } from "react";
import { getBezierPath } from "@xyflow/react";
import type { Edge, EdgeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { CollaborationEdge, ReportingEdge } from "~/components/diagram/edges";
import type { CollaborationFlowEdge, EdgeEmphasis, ReportingFlowEdge } from "~/components/diagram/edges";

export type AlsoHoldsEdgeData = { kind: "alsoHolds"; reason: string; emphasis: EdgeEmphasis };
export type AlsoHoldsFlowEdge = Edge<AlsoHoldsEdgeData, "alsoHolds">;
export type TeamFlowEdge = ReportingFlowEdge | CollaborationFlowEdge | AlsoHoldsFlowEdge;

/* Inline styles, like the planner's edges: React Flow's unlayered CSS would beat Tailwind's classes. */
export const ALSO_HOLDS_COLOR = "#0e7490"; // cyan-700
export const ALSO_HOLDS_DASH = "2 4";

/** Member → another role they hold: a thin dotted curve up to the role's corner. */
export const AlsoHoldsEdge = memo(function AlsoHoldsEdge(props: EdgeProps<AlsoHoldsFlowEdge>) {
  const { t } = useTranslation();
  const [path] = getBezierPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
  });
  const emphasis = props.data?.emphasis ?? "normal";
  return (
    <>
      <title>{t("insights.chart.edge.alsoHolds", { role: props.data?.reason ?? "" })}</title>
      <path
        d={path}
        fill="none"
        className="react-flow__edge-path"
        style={{
          stroke: ALSO_HOLDS_COLOR,
          strokeWidth: emphasis === "strong" ? 2.5 : 1.25,
          strokeDasharray: ALSO_HOLDS_DASH,
          opacity: emphasis === "muted" ? 0.15 : emphasis === "strong" ? 1 : 0.55,
        }}
      />
    </>
  );
});

/** Declared once at module scope; reporting and collaboration edges are the planner's. */
export const teamEdgeTypes = {
  reporting: ReportingEdge,
  collaboration: CollaborationEdge,
  alsoHolds: AlsoHoldsEdge,
};
