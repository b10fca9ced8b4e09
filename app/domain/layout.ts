/**
 * Diagram layout: a generic top-down tree layout, and the recommended org
 * chart turned into plain nodes and edges that React Flow can draw.
 *
 * Pure: no React, Remix, Prisma or @xyflow imports. The output objects are
 * structurally compatible with React Flow's Node / Edge, so the component
 * only maps them (and adds what needs i18n, such as aria labels).
 */
import { hierarchy, tree } from "d3-hierarchy";
import type { HierarchyNode, HierarchyPointNode } from "d3-hierarchy";
import { ALL_ROLE_IDS, GENERAL_MANAGER } from "./types";
import type {
  GeneralManagerId,
  HeadcountRange,
  Language,
  LinkKind,
  OrgChartRecommendation,
  Priority,
  RecommendedRole,
  RoleId,
  SkillLevel,
  StageId,
} from "./types";
import { GENERAL_MANAGER_LABEL, localize } from "./vocabulary";

/* ------------------------------------------------------------------ */
/* Generic tree layout                                                 */
/* ------------------------------------------------------------------ */

export interface TreeInput<T> {
  id: string;
  width: number;
  height: number;
  data: T;
  /** Leave out (or pass []) the children of a collapsed node: only visible nodes are laid out. */
  children?: TreeInput<T>[];
}

export interface XYPosition {
  x: number;
  y: number;
}

export interface PositionedNode<T> {
  id: string;
  /** top-left corner, as React Flow expects with its default nodeOrigin [0, 0] */
  position: XYPosition;
  width: number;
  height: number;
  data: T;
  /**
   * The node's parent in the input tree. Not React Flow's `parentId` (which
   * makes positions relative to a sub-flow parent): do not copy it onto a
   * React Flow node.
   */
  parentId?: string;
  /** 0 for the root */
  depth: number;
}

export interface TreeLayoutOptions {
  /** horizontal gap between siblings (px); default 24 */
  siblingGap?: number;
  /** horizontal gap between neighbouring nodes of different parents (px); default 48 */
  subtreeGap?: number;
  /** vertical gap between the bottom of the tallest node of a level and the next level (px); default 64 */
  levelGap?: number;
  /**
   * When a node's children are all leaves and there are more than this many,
   * they are packed in a grid with this many columns instead of one very
   * wide row (a role with hundreds of members). Default: no wrapping.
   */
  maxLeafColumns?: number;
  /** vertical gap between the rows of such a grid (px); default siblingGap */
  gridRowGap?: number;
}

/** What d3 lays out: an input node, or a block standing for a grid of leaves. */
type LayoutItem<T> =
  | { kind: "node"; node: TreeInput<T>; width: number; height: number }
  | {
      kind: "grid";
      parent: TreeInput<T>;
      leaves: TreeInput<T>[];
      columns: number;
      cellWidth: number;
      cellHeight: number;
      width: number;
      height: number;
    };

/**
 * Lays a tree out top-down: levels are rows (each row as tall as its tallest
 * node, so nodes of one level are top-aligned and lines between levels never
 * cross a node), the root is centred on x = 0, and siblings keep `siblingGap`
 * between their borders whatever their widths.
 *
 * Uses d3-hierarchy's Reingold–Tilford `tree()` with `nodeSize([1, 1])` and a
 * separation equal to the distance in pixels that two neighbours' centres
 * need; d3 applies the separation to every pair of neighbours on the
 * subtrees' contours, which is what keeps nodes of different widths apart.
 * Linear in the number of nodes (about 5 ms for 5,000 leaves).
 */
export function layoutTree<T>(root: TreeInput<T>, options: TreeLayoutOptions = {}): PositionedNode<T>[] {
  const siblingGap = options.siblingGap ?? 24;
  const subtreeGap = options.subtreeGap ?? 48;
  const levelGap = options.levelGap ?? 64;
  const maxLeafColumns = options.maxLeafColumns ?? Number.POSITIVE_INFINITY;
  const gridRowGap = options.gridRowGap ?? siblingGap;

  const childItems = (item: LayoutItem<T>): LayoutItem<T>[] | undefined => {
    if (item.kind === "grid") return undefined;
    const children = item.node.children;
    if (!children || children.length === 0) return undefined;
    const allLeaves = children.every((c) => !c.children || c.children.length === 0);
    if (allLeaves && children.length > maxLeafColumns) {
      const columns = Math.max(1, Math.floor(maxLeafColumns));
      const rows = Math.ceil(children.length / columns);
      let cellWidth = 0;
      let cellHeight = 0;
      for (const c of children) {
        cellWidth = Math.max(cellWidth, c.width);
        cellHeight = Math.max(cellHeight, c.height);
      }
      return [
        {
          kind: "grid",
          parent: item.node,
          leaves: children,
          columns,
          cellWidth,
          cellHeight,
          width: columns * cellWidth + (columns - 1) * siblingGap,
          height: rows * cellHeight + (rows - 1) * gridRowGap,
        },
      ];
    }
    return children.map((node) => ({ kind: "node", node, width: node.width, height: node.height }));
  };

  const rootItem: LayoutItem<T> = { kind: "node", node: root, width: root.width, height: root.height };
  const h: HierarchyNode<LayoutItem<T>> = hierarchy(rootItem, childItems);

  const laidOut: HierarchyPointNode<LayoutItem<T>> = tree<LayoutItem<T>>()
    .nodeSize([1, 1])
    .separation((a, b) => (a.data.width + b.data.width) / 2 + (a.parent === b.parent ? siblingGap : subtreeGap))(h);

  // Each level is a row as tall as its tallest node.
  const rowHeights: number[] = [];
  laidOut.each((n) => {
    rowHeights[n.depth] = Math.max(rowHeights[n.depth] ?? 0, n.data.height);
  });
  const rowTops: number[] = [0];
  for (let d = 1; d < rowHeights.length; d++) rowTops[d] = rowTops[d - 1] + rowHeights[d - 1] + levelGap;

  const out: PositionedNode<T>[] = [];
  laidOut.eachBefore((n) => {
    const item = n.data;
    const top = rowTops[n.depth];
    const parentId = n.parent && n.parent.data.kind === "node" ? n.parent.data.node.id : undefined;
    if (item.kind === "node") {
      out.push({
        id: item.node.id,
        position: { x: n.x - item.width / 2, y: top },
        width: item.width,
        height: item.height,
        data: item.node.data,
        parentId,
        depth: n.depth,
      });
      return;
    }
    const left = n.x - item.width / 2;
    const rowCount = Math.ceil(item.leaves.length / item.columns);
    item.leaves.forEach((leaf, i) => {
      const row = Math.floor(i / item.columns);
      const col = i % item.columns;
      // The last, partly filled row is centred under the parent.
      const inRow = row === rowCount - 1 ? item.leaves.length - row * item.columns : item.columns;
      const rowOffset = ((item.columns - inRow) * (item.cellWidth + siblingGap)) / 2;
      out.push({
        id: leaf.id,
        position: {
          x: left + rowOffset + col * (item.cellWidth + siblingGap) + (item.cellWidth - leaf.width) / 2,
          y: top + row * (item.cellHeight + gridRowGap),
        },
        width: leaf.width,
        height: leaf.height,
        data: leaf.data,
        parentId: item.parent.id,
        depth: n.depth,
      });
    });
  });
  return out;
}

/* ------------------------------------------------------------------ */
/* The recommended org chart as a diagram                              */
/* ------------------------------------------------------------------ */

/**
 * Node sizes are constants so that the server render has them (React Flow
 * only draws nodes whose size it knows, and cannot measure on the server).
 * The node components clip their content to these boxes.
 */
export const GENERAL_MANAGER_NODE_SIZE = { width: 224, height: 64 } as const;
export const ROLE_NODE_SIZE = { width: 224, height: 252 } as const;
/** How many responsibilities and skills a role node shows; the side panel has the rest. */
export const ROLE_NODE_MAX_RESPONSIBILITIES = 3;
export const ROLE_NODE_MAX_SKILLS = 4;

/** Handle ids; the node components render handles with the same ids and sides. */
export const HANDLE_IDS = {
  /** top: where a reporting line arrives */
  reportingIn: "reporting-in",
  /** bottom: where reporting lines to subordinates leave */
  reportingOut: "reporting-out",
  /** bottom: collaboration arcs run under the row of roles */
  collaborationOut: "collaboration-out",
  collaborationIn: "collaboration-in",
} as const;

/** Same size as React Flow's default handle, so server and browser agree on where edges end. */
const HANDLE_SIZE = 6;

export type HandleSide = "top" | "bottom";

/** Structurally React Flow's NodeHandle, with the side as a plain string (the component maps it to `Position`). */
export interface DiagramHandle {
  id: string;
  type: "source" | "target";
  position: HandleSide;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type GeneralManagerNodeData = {
  label: string;
  /** core roles and the summed core headcount, shown under the title */
  coreRoleCount: number;
  coreHeadcount: HeadcountRange;
};

export type RoleNodeSkill = { id: string; label: string; level: SkillLevel };

export type RoleNodeData = {
  roleId: RoleId;
  label: string;
  priority: Priority;
  tier: StageId;
  /** for `later`: the stage from which the role is core */
  coreFrom: StageId | null;
  /** for `optional`: who covers the role, localized */
  coveredBy: string | null;
  headcount: HeadcountRange;
  /** the first ROLE_NODE_MAX_RESPONSIBILITIES, localized */
  responsibilities: string[];
  /** how many more the side panel shows */
  moreResponsibilities: number;
  /** the first ROLE_NODE_MAX_SKILLS, localized, with the required level */
  skills: RoleNodeSkill[];
  moreSkills: number;
};

interface DiagramNodeBase {
  id: string;
  position: XYPosition;
  width: number;
  height: number;
  handles: DiagramHandle[];
  /** the GM is focusable but not selectable: the side panel is about roles */
  selectable: boolean;
}

export interface GeneralManagerDiagramNode extends DiagramNodeBase {
  type: "generalManager";
  data: GeneralManagerNodeData;
}

export interface RoleDiagramNode extends DiagramNodeBase {
  type: "role";
  data: RoleNodeData;
}

export type DiagramNode = GeneralManagerDiagramNode | RoleDiagramNode;

export type DiagramEdgeData = {
  kind: LinkKind;
  /** why the link is there, localized (several reasons joined when a pair was listed twice) */
  reason: string;
};

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  /** the custom edge type that draws it */
  type: LinkKind;
  sourceHandle: string;
  targetHandle: string;
  data: DiagramEdgeData;
}

export interface OrgChartGraph {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface OrgChartGraphOptions {
  /** gap between role nodes (px); default 24 */
  siblingGap?: number;
  /** gap between the GM and the row of roles (px); default 56 */
  levelGap?: number;
  /**
   * Roles per row: the pictures of two charts read side by side (scenarios)
   * put the roles in rows of this many, the second row centred so that each
   * of its reporting lines runs down a gap of the first. Default: one row.
   */
  roleColumns?: number;
  /** gap between those rows (px), room for the arcs under the first; default 112 */
  roleRowGap?: number;
}

function handle(id: string, type: "source" | "target", side: HandleSide, width: number, height: number): DiagramHandle {
  return {
    id,
    type,
    position: side,
    x: width / 2 - HANDLE_SIZE / 2,
    y: side === "top" ? -HANDLE_SIZE / 2 : height - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  };
}

function generalManagerHandles(): DiagramHandle[] {
  const { width, height } = GENERAL_MANAGER_NODE_SIZE;
  return [handle(HANDLE_IDS.reportingOut, "source", "bottom", width, height)];
}

function roleHandles(): DiagramHandle[] {
  const { width, height } = ROLE_NODE_SIZE;
  return [
    handle(HANDLE_IDS.reportingIn, "target", "top", width, height),
    handle(HANDLE_IDS.reportingOut, "source", "bottom", width, height),
    handle(HANDLE_IDS.collaborationOut, "source", "bottom", width, height),
    handle(HANDLE_IDS.collaborationIn, "target", "bottom", width, height),
  ];
}

function roleNodeData(role: RecommendedRole, lang: Language): RoleNodeData {
  return {
    roleId: role.id,
    label: localize(role.label, lang),
    priority: role.priority,
    tier: role.tier,
    coreFrom: role.coreFrom,
    coveredBy: role.coveredBy ? localize(role.coveredBy, lang) : null,
    headcount: role.headcount,
    responsibilities: role.responsibilities.slice(0, ROLE_NODE_MAX_RESPONSIBILITIES).map((r) => localize(r, lang)),
    moreResponsibilities: Math.max(0, role.responsibilities.length - ROLE_NODE_MAX_RESPONSIBILITIES),
    skills: role.skills
      .slice(0, ROLE_NODE_MAX_SKILLS)
      .map((s) => ({ id: s.id, label: localize(s.label, lang), level: s.requiredLevel })),
    moreSkills: Math.max(0, role.skills.length - ROLE_NODE_MAX_SKILLS),
  };
}

/**
 * The parent of each role in the layout: its reporting line, or the GM when
 * the line points at an unknown role or would make a cycle. Every role gets a
 * place, including `not_needed` ones (drawn faded, without a reporting edge).
 */
function layoutParents(roles: RecommendedRole[]): Map<RoleId, RoleId | GeneralManagerId> {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const parents = new Map<RoleId, RoleId | GeneralManagerId>();
  for (const role of roles) {
    let parent: RoleId | GeneralManagerId = role.reportsTo;
    const seen = new Set<RoleId>([role.id]);
    let cursor: RoleId | GeneralManagerId = parent;
    while (cursor !== GENERAL_MANAGER) {
      const next = byId.get(cursor);
      if (!next || seen.has(cursor)) {
        parent = GENERAL_MANAGER;
        break;
      }
      seen.add(cursor);
      cursor = next.reportsTo;
    }
    parents.set(role.id, parent);
  }
  return parents;
}

type OrgTreeData = { kind: "generalManager" } | { kind: "role"; role: RecommendedRole };

/**
 * The recommendation as diagram nodes and edges, localized into `lang`.
 *
 * Arrangement: the GM on top and the seven roles in one row under it, in the
 * stable ALL_ROLE_IDS order (about 1,700 px wide). A second row was considered and
 * rejected: reporting lines to it would cross the first row, and the
 * collaboration links (data with every role) would cross nodes. In one row,
 * reporting lines share one bus and collaboration links are arcs under the
 * row that never cross a node; fitView zooms the row to the viewport, the
 * controls zoom in, and the side panel shows each role in full. Positions
 * also stay put across models and stages, so two charts compare at a glance.
 */
export function orgChartGraph(
  rec: OrgChartRecommendation,
  lang: Language,
  options: OrgChartGraphOptions = {},
): OrgChartGraph {
  const order = new Map<string, number>(ALL_ROLE_IDS.map((id, i) => [id, i]));
  // own roles (not in ALL_ROLE_IDS) after the others, in the recommendation's order (the sort is stable)
  const at = (id: string) => order.get(id) ?? ALL_ROLE_IDS.length;
  const roles = [...rec.roles].sort((a, b) => at(a.id) - at(b.id));
  const parents = layoutParents(roles);

  const inputs = new Map<string, TreeInput<OrgTreeData>>();
  const root: TreeInput<OrgTreeData> = {
    id: GENERAL_MANAGER,
    ...GENERAL_MANAGER_NODE_SIZE,
    data: { kind: "generalManager" },
    children: [],
  };
  inputs.set(GENERAL_MANAGER, root);
  for (const role of roles) {
    inputs.set(role.id, { id: role.id, ...ROLE_NODE_SIZE, data: { kind: "role", role }, children: [] });
  }
  for (const role of roles) {
    const parent = inputs.get(parents.get(role.id) ?? GENERAL_MANAGER) ?? root;
    const self = inputs.get(role.id);
    if (self) parent.children?.push(self);
  }

  const positioned = layoutTree(root, {
    siblingGap: options.siblingGap ?? 24,
    subtreeGap: options.siblingGap ?? 24,
    levelGap: options.levelGap ?? 56,
    maxLeafColumns: options.roleColumns,
    gridRowGap: options.roleRowGap ?? 112,
  });

  const coreRoles = roles.filter((r) => r.priority === "core");
  const nodes: DiagramNode[] = positioned.map((p): DiagramNode => {
    const base = { id: p.id, position: p.position, width: p.width, height: p.height };
    if (p.data.kind === "generalManager") {
      return {
        ...base,
        type: "generalManager",
        handles: generalManagerHandles(),
        selectable: false,
        data: {
          label: localize(GENERAL_MANAGER_LABEL, lang),
          coreRoleCount: coreRoles.length,
          coreHeadcount: {
            min: coreRoles.reduce((sum, r) => sum + r.headcount.min, 0),
            max: coreRoles.reduce((sum, r) => sum + r.headcount.max, 0),
          },
        },
      };
    }
    return { ...base, type: "role", handles: roleHandles(), selectable: true, data: roleNodeData(p.data.role, lang) };
  });

  return { nodes, edges: orgChartEdges(rec, lang, new Set(inputs.keys()), order) };
}

function orgChartEdges(
  rec: OrgChartRecommendation,
  lang: Language,
  nodeIds: Set<string>,
  order: Map<string, number>,
): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const byId = new Map<string, DiagramEdge>();
  for (const link of rec.links) {
    if (!nodeIds.has(link.from) || !nodeIds.has(link.to) || link.from === link.to) continue;
    const reason = localize(link.reason, lang);
    if (link.kind === "reporting") {
      const id = `reporting:${link.from}->${link.to}`;
      if (byId.has(id)) continue;
      const edge: DiagramEdge = {
        id,
        source: link.from,
        target: link.to,
        type: "reporting",
        sourceHandle: HANDLE_IDS.reportingOut,
        targetHandle: HANDLE_IDS.reportingIn,
        data: { kind: "reporting", reason },
      };
      byId.set(id, edge);
      edges.push(edge);
      continue;
    }
    // A collaboration goes both ways: A↔B once, whichever way it was listed, left role first.
    const [a, b] = [link.from, link.to].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    const id = `collaboration:${a}--${b}`;
    const existing = byId.get(id);
    if (existing) {
      if (reason && !existing.data.reason.split("\n").includes(reason)) {
        existing.data.reason = existing.data.reason ? `${existing.data.reason}\n${reason}` : reason;
      }
      continue;
    }
    const edge: DiagramEdge = {
      id,
      source: a,
      target: b,
      type: "collaboration",
      sourceHandle: HANDLE_IDS.collaborationOut,
      targetHandle: HANDLE_IDS.collaborationIn,
      data: { kind: "collaboration", reason },
    };
    byId.set(id, edge);
    edges.push(edge);
  }
  return edges;
}
