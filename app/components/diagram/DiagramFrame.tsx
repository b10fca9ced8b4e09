import { useMemo } from "react";
import { Controls, Panel, Position, ReactFlow } from "@xyflow/react";
import type {
  Edge,
  EdgeTypes,
  FitViewOptions,
  Node,
  NodeChange,
  NodeHandle,
  NodeTypes,
  ProOptions,
  ReactFlowProps,
} from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui";
import type { DiagramHandle, HandleSide } from "~/domain/layout";

const PRO_OPTIONS: ProOptions = { hideAttribution: false };
const HANDLE_POSITIONS: Record<HandleSide, Position> = { top: Position.Top, bottom: Position.Bottom };

/** A laid-out handle (pure layout's "top"/"bottom") as React Flow's, so nodes render on the server with their handles. */
export function toFlowHandle(h: DiagramHandle): NodeHandle {
  return { ...h, position: HANDLE_POSITIONS[h.position] };
}

export interface DiagramFrameProps<N extends Node, E extends Edge> {
  nodes: N[];
  edges: E[];
  nodeTypes: NodeTypes;
  edgeTypes: EdgeTypes;
  onNodesChange(changes: NodeChange<N>[]): void;
  /** the accessible name of the whole diagram */
  ariaLabel: string;
  /** where the diagram's own aria strings live: `${prefix}.nodeDescription`, `.zoomIn`, … */
  ariaKeys: string;
  /** height of the drawing area in px */
  height: number;
  /** the width assumed for the server render's fitView; the browser fits again to the real width */
  serverWidth: number;
  fitViewOptions: FitViewOptions;
  minZoom: number;
  /** under the drawing: what the colours and lines mean */
  legend: React.ReactNode;
  /** top-right of the drawing once JavaScript runs (the picture downloads) */
  toolbar?: React.ReactNode;
  /** shown instead of the drawing when there are no nodes */
  empty?: React.ReactNode;
  /** more React Flow children (e.g. a component that refits on changes) */
  children?: React.ReactNode;
  testId?: string;
}

/**
 * The one React Flow frame every diagram uses: a labelled group, a drawing
 * area of a fixed height that also renders on the server (nodes carry their
 * width and height; `serverWidth` stands in for the unknown width), fitted
 * to its content, zoom controls, keyboard focus and selection of nodes (the
 * page decides what a selection means), no dragging, connecting or
 * deleting, page scrolling left alone, and the legend underneath.
 */
export function DiagramFrame<N extends Node, E extends Edge>({
  nodes,
  edges,
  nodeTypes,
  edgeTypes,
  onNodesChange,
  ariaLabel,
  ariaKeys,
  height,
  serverWidth,
  fitViewOptions,
  minZoom,
  legend,
  toolbar,
  empty,
  children,
  testId,
}: DiagramFrameProps<N, E>) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const ariaLabelConfig = useMemo<ReactFlowProps["ariaLabelConfig"]>(
    () => ({
      "node.a11yDescription.default": t(`${ariaKeys}.nodeDescription`),
      "node.a11yDescription.keyboardDisabled": t(`${ariaKeys}.nodeDescription`),
      "edge.a11yDescription.default": t(`${ariaKeys}.edgeDescription`),
      "controls.ariaLabel": t(`${ariaKeys}.controls`),
      "controls.zoomIn.ariaLabel": t(`${ariaKeys}.zoomIn`),
      "controls.zoomOut.ariaLabel": t(`${ariaKeys}.zoomOut`),
      "controls.fitView.ariaLabel": t(`${ariaKeys}.fitView`),
    }),
    [t, ariaKeys],
  );

  return (
    <div
      role="group"
      aria-label={ariaLabel}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
      data-testid={testId}
    >
      {nodes.length === 0 && empty ? (
        <div style={{ height }} className="flex w-full items-center justify-center p-6 text-sm text-slate-600">
          {empty}
        </div>
      ) : (
        <div style={{ height }} className="w-full">
          <ReactFlow<N, E>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            fitView
            fitViewOptions={fitViewOptions}
            width={serverWidth}
            height={height}
            minZoom={minZoom}
            maxZoom={1.5}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable
            edgesFocusable={false}
            elementsSelectable
            deleteKeyCode={null}
            zoomOnScroll={false}
            preventScrolling={false}
            zoomOnDoubleClick={false}
            proOptions={PRO_OPTIONS}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Controls showInteractive={false} />
            {children}
            {hydrated && toolbar ? <Panel position="top-right">{toolbar}</Panel> : null}
          </ReactFlow>
        </div>
      )}
      {legend}
    </div>
  );
}
