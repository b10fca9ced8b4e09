/**
 * The real team as a diagram: the general manager, the seven departments
 * (one per role) with their staffing, and the members under the role they
 * hold, coloured by their gap bucket; open seats as empty nodes; a dashed
 * "also holds" link from a member to each other role they hold; the
 * recommendation's collaboration links between roles.
 *
 * Pure: no React, Remix, Prisma or @xyflow imports. The output is plain,
 * positioned nodes and edges with sizes (so React Flow draws them on the
 * server too); the component only maps them. Gaps come from computeTeamGaps
 * (app/domain/gaps.ts) and are never recomputed here.
 *
 * Big teams: a collapsed department leaves its members out of the layout
 * input, and an expanded one shows at most a capped number of members plus
 * one "N more" node, so the diagram mounts a few hundred nodes at most
 * whatever the size of the team (React Flow is comfortable below ~1,000).
 */
import { usableShare } from "./team";
import type { TeamMember } from "./team";
import type { GapBucket, MemberGaps, RoleCoverage } from "./gaps";
import { layoutTree } from "./layout";
import type { DiagramHandle, HandleSide, TreeInput, XYPosition } from "./layout";
import { ALL_ROLE_IDS, GENERAL_MANAGER } from "./types";
import type { HeadcountRange, Language, OrgChartRecommendation, Priority, RecommendedRole, RoleId } from "./types";
import { GENERAL_MANAGER_LABEL, isRoleId, localize } from "./vocabulary";

/* ------------------------------------------------------------------ */
/* Sizes and limits                                                     */
/* ------------------------------------------------------------------ */

/** Teams larger than this open with every department collapsed. */
export const COLLAPSE_THRESHOLD = 150;
/**
 * At most this many member nodes under one expanded department; the rest are one "more" node,
 * which links to the member list (paged). Each drawn member costs about 2 KB of HTML (the node
 * drawn on the server, the department list, the loader data) and its share of the browser's
 * work: these caps keep the fully expanded chart under 300 KB and its longest task short (issue 15).
 */
export const MEMBER_NODES_PER_DEPARTMENT = 60;
/** At most this many member nodes in the whole diagram; shared fairly between expanded departments. */
export const MEMBER_NODES_TOTAL = 90;
/** At most this many open-seat nodes under one department; the role node states the full number. */
export const OPEN_SEAT_NODES_PER_DEPARTMENT = 24;

export const TEAM_GM_NODE_SIZE = { width: 240, height: 72 } as const;
export const TEAM_ROLE_NODE_SIZE = { width: 240, height: 144 } as const;
/** Members and open seats share one cell size, so a department is a regular grid. */
export const TEAM_MEMBER_NODE_SIZE = { width: 168, height: 44 } as const;
export const TEAM_MORE_NODE_HEIGHT = 52;
/** Space inside a department box around its grid, and between grid cells. */
export const DEPARTMENT_PADDING = 12;
export const CELL_GAP = 8;
/** Wide enough below the row of roles for the collaboration arcs (they dip up to 80 px). */
const LEVEL_GAP = 112;
const SUBTREE_GAP = 40;
const MAX_GRID_COLUMNS = 10;

export const TEAM_HANDLE_IDS = {
  reportingIn: "reporting-in",
  reportingOut: "reporting-out",
  collaborationOut: "collaboration-out",
  collaborationIn: "collaboration-in",
  /** on a role: where the "also holds" links of members of other departments arrive */
  alsoHoldsIn: "also-holds-in",
  /** on a member: where their "also holds" links leave */
  alsoHoldsOut: "also-holds-out",
} as const;

const HANDLE_SIZE = 6;
/** Where the "also holds" handle sits on a role node: this far from its right edge. */
export const ALSO_HOLDS_INSET = 20;

/* ------------------------------------------------------------------ */
/* Where a member sits, and which departments are open                  */
/* ------------------------------------------------------------------ */

/** The roles a member really holds (known ids, usable share), each once, in the member's order. */
function heldRoles(member: Pick<TeamMember, "roles">): { roleId: RoleId; share: number }[] {
  const out: { roleId: RoleId; share: number }[] = [];
  for (const r of member.roles) {
    if (!isRoleId(r.roleId) || usableShare(r.share) <= 0) continue;
    const existing = out.find((o) => o.roleId === r.roleId);
    if (existing) existing.share += usableShare(r.share);
    else out.push({ roleId: r.roleId, share: usableShare(r.share) });
  }
  return out;
}

/**
 * The department a member is drawn under: their department when they hold
 * that role, else the role with the largest share (the first listed on a
 * tie), else their department even without a share (someone seated there
 * with no role yet); null for a member with neither (e.g. the founder).
 */
export function homeRoleOf(member: Pick<TeamMember, "department" | "roles">): RoleId | null {
  const held = heldRoles(member);
  if (member.department && held.some((r) => r.roleId === member.department)) return member.department;
  let best: { roleId: RoleId; share: number } | null = null;
  for (const r of held) if (best === null || r.share > best.share) best = r;
  if (best) return best.roleId;
  return member.department && isRoleId(member.department) ? member.department : null;
}

/** The roles a member holds besides their home department. */
export function otherRolesOf(member: Pick<TeamMember, "department" | "roles">): RoleId[] {
  const home = homeRoleOf(member);
  return heldRoles(member)
    .map((r) => r.roleId)
    .filter((id) => id !== home);
}

/**
 * The expanded departments from the `expanded` query parameter: a
 * comma-separated list of role ids (unknown ids are ignored; an empty value
 * collapses all). Without the parameter, a team of up to `threshold` members
 * opens with every department expanded, a larger one with none.
 */
export function expandedFromQuery(
  value: string | null | undefined,
  memberCount: number,
  threshold: number = COLLAPSE_THRESHOLD,
  /** the playbook's roles (playbookRoleIds): what "every department" opens, own roles included */
  roleIds: readonly RoleId[] = ALL_ROLE_IDS,
): RoleId[] {
  if (value === null || value === undefined) return memberCount > threshold ? [] : [...roleIds];
  return inRoleOrder(value.split(",").map((part) => part.trim()));
}

/**
 * Role ids once each in the stable order: the seven and the library's in
 * ALL_ROLE_IDS order, then own roles (custom_…) as given; anything else left out.
 */
function inRoleOrder(ids: readonly string[]): RoleId[] {
  const set = new Set(ids.filter(isRoleId));
  const own = [...set].filter((id) => !(ALL_ROLE_IDS as readonly string[]).includes(id));
  return [...ALL_ROLE_IDS.filter((id) => set.has(id)), ...own];
}

/** The query value for a set of expanded departments, in the stable ALL_ROLE_IDS order (own roles after). */
export function expandedQueryValue(expanded: readonly RoleId[]): string {
  return inRoleOrder(expanded).join(",");
}

/** The expanded set with one department opened or closed. */
export function toggleExpanded(expanded: readonly RoleId[], roleId: RoleId): RoleId[] {
  const set = new Set<string>(expanded);
  if (set.has(roleId)) set.delete(roleId);
  else set.add(roleId);
  return inRoleOrder([...set]);
}

/**
 * How many member nodes each expanded department shows: all of them up to
 * `perDepartment`, with `total` shared fairly (small departments take what
 * they need, the rest is split evenly among the larger ones).
 */
export function memberNodeQuotas(
  counts: ReadonlyMap<RoleId, number>,
  perDepartment: number = MEMBER_NODES_PER_DEPARTMENT,
  total: number = MEMBER_NODES_TOTAL,
): Map<RoleId, number> {
  const entries = [...counts.entries()].sort((a, b) => a[1] - b[1]);
  const quotas = new Map<RoleId, number>();
  let remaining = Math.max(0, Math.floor(total));
  entries.forEach(([roleId, count], i) => {
    const fair = Math.floor(remaining / (entries.length - i));
    const quota = Math.max(0, Math.min(count, Math.floor(perDepartment), fair));
    quotas.set(roleId, quota);
    remaining -= quota;
  });
  return quotas;
}

/* ------------------------------------------------------------------ */
/* Shapes                                                               */
/* ------------------------------------------------------------------ */

export type TeamGmNodeData = {
  label: string;
  memberCount: number;
  /** full-time equivalents over the seven roles */
  fte: number;
  unfilledSeats: number;
  /** members drawn under no department (no role, no department) */
  withoutRole: number;
};

export type TeamRoleNodeData = {
  roleId: RoleId;
  label: string;
  priority: Priority;
  headcount: HeadcountRange;
  fte: number;
  unfilledSeats: number;
  overStaffedBy: number;
  /** required skills some holder is assessed below: the role is flagged while any; null when withheld from this reader (too few holders, app/domain/visibility.ts) */
  skillsBelow: number | null;
  /** required skills some holder is not assessed in (none below); null when withheld */
  skillsNotAssessed: number | null;
  /** members drawn under this department (their home) */
  memberCount: number;
  /** holders of the role, wherever they sit */
  holderCount: number;
  expanded: boolean;
};

export type TeamMemberNodeData = {
  memberId: string;
  name: string;
  /** "hidden": the reader may not see this person's gaps (their maxGap and totalGap are then 0) */
  bucket: GapBucket | "hidden";
  maxGap: number;
  totalGap: number;
  homeRoleId: RoleId;
  /** labels of the other roles the member holds */
  alsoHolds: string[];
};

export type OpenSeatNodeData = { roleId: RoleId; seat: number; of: number };
export type MoreMembersNodeData = { roleId: RoleId; hidden: number; shown: number };
export type DepartmentNodeData = { roleId: RoleId; label: string; memberCount: number };

interface TeamNodeBase {
  id: string;
  /** top-left corner in whole pixels */
  position: XYPosition;
  width: number;
  height: number;
}

export type TeamDiagramNode =
  | (TeamNodeBase & { type: "teamGm"; data: TeamGmNodeData })
  | (TeamNodeBase & { type: "teamRole"; data: TeamRoleNodeData })
  | (TeamNodeBase & { type: "teamMember"; data: TeamMemberNodeData })
  | (TeamNodeBase & { type: "openSeat"; data: OpenSeatNodeData })
  | (TeamNodeBase & { type: "moreMembers"; data: MoreMembersNodeData })
  | (TeamNodeBase & { type: "department"; data: DepartmentNodeData });

export type TeamNodeType = TeamDiagramNode["type"];

export type TeamEdgeKind = "reporting" | "collaboration" | "alsoHolds";

export interface TeamDiagramEdge {
  id: string;
  source: string;
  target: string;
  type: TeamEdgeKind;
  sourceHandle: string;
  targetHandle: string;
  data: { kind: TeamEdgeKind; reason: string };
}

export interface TeamGraph {
  /** departments first, so they are drawn under their members */
  nodes: TeamDiagramNode[];
  edges: TeamDiagramEdge[];
  expanded: RoleId[];
  /** per department: members drawn there (home), and how many of them have a node */
  departments: { roleId: RoleId; memberCount: number; shown: number }[];
}

export interface TeamGraphInput {
  recommendation: OrgChartRecommendation;
  members: readonly TeamMember[];
  /** from computeTeamGaps for the same recommendation and members */
  /** as the reader may see them (app/domain/visibility.ts): a member without gaps here is drawn "hidden" */
  gaps: { members: readonly MemberGaps[]; roles: readonly (RoleCoverage & { withheld?: boolean })[] };
  expanded: readonly RoleId[];
  lang: Language;
  /** a member whose node is shown even beyond the department's cap (the selection) */
  selectedMemberId?: string | null;
}

export interface TeamGraphOptions {
  perDepartment?: number;
  total?: number;
}

/* ------------------------------------------------------------------ */
/* Node ids                                                             */
/* ------------------------------------------------------------------ */

export const teamNodeId = {
  generalManager: GENERAL_MANAGER as string,
  role: (roleId: RoleId) => roleId as string,
  department: (roleId: RoleId) => `department:${roleId}`,
  member: (memberId: string) => `member:${memberId}`,
  seat: (roleId: RoleId, seat: number) => `seat:${roleId}:${seat}`,
  more: (roleId: RoleId) => `more:${roleId}`,
};

/** The member id of a member node id, or null. */
export function memberIdOfNode(nodeId: string): string | null {
  return nodeId.startsWith("member:") ? nodeId.slice("member:".length) : null;
}

/* ------------------------------------------------------------------ */
/* Geometry                                                             */
/* ------------------------------------------------------------------ */

function handle(id: string, type: "source" | "target", side: HandleSide, x: number, height: number): DiagramHandle {
  return {
    id,
    type,
    position: side,
    x: x - HANDLE_SIZE / 2,
    y: side === "top" ? -HANDLE_SIZE / 2 : height - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  };
}

/**
 * The connection points of a node, by type and size (the same for every
 * node of a type, so they are not sent with each node). The node components
 * render handles with the same ids and sides; React Flow needs these up
 * front to draw edges in the server render.
 */
export function teamNodeHandles(type: TeamNodeType, width: number, height: number): DiagramHandle[] {
  switch (type) {
    case "teamGm":
      return [handle(TEAM_HANDLE_IDS.reportingOut, "source", "bottom", width / 2, height)];
    case "teamRole":
      return [
        handle(TEAM_HANDLE_IDS.reportingIn, "target", "top", width / 2, height),
        handle(TEAM_HANDLE_IDS.reportingOut, "source", "bottom", width / 2, height),
        handle(TEAM_HANDLE_IDS.collaborationOut, "source", "bottom", width / 2, height),
        handle(TEAM_HANDLE_IDS.collaborationIn, "target", "bottom", width / 2, height),
        // off-centre, so the dashed "also holds" lines do not merge with the reporting line
        handle(TEAM_HANDLE_IDS.alsoHoldsIn, "target", "bottom", width - ALSO_HOLDS_INSET, height),
      ];
    case "teamMember":
      return [handle(TEAM_HANDLE_IDS.alsoHoldsOut, "source", "top", width / 2, height)];
    case "department":
      return [handle(TEAM_HANDLE_IDS.reportingIn, "target", "top", width / 2, height)];
    default:
      return [];
  }
}

/** Columns of a department's grid: roughly square on screen (cells are ~4× wider than tall). */
export function gridColumns(cells: number): number {
  return Math.max(1, Math.min(MAX_GRID_COLUMNS, Math.ceil(Math.sqrt(cells / 4))));
}

interface DepartmentBlock {
  roleId: RoleId;
  members: TeamMember[];
  seats: number;
  seatTotal: number;
  hidden: number;
  columns: number;
  width: number;
  height: number;
}

function departmentBlock(roleId: RoleId, members: TeamMember[], seatTotal: number, hidden: number): DepartmentBlock {
  const seats = Math.min(seatTotal, OPEN_SEAT_NODES_PER_DEPARTMENT);
  const cells = members.length + seats;
  const columns = gridColumns(cells);
  const rows = Math.ceil(cells / columns);
  const { width: cw, height: ch } = TEAM_MEMBER_NODE_SIZE;
  const innerWidth = columns * cw + (columns - 1) * CELL_GAP;
  let innerHeight = rows > 0 ? rows * ch + (rows - 1) * CELL_GAP : 0;
  if (hidden > 0) innerHeight += (rows > 0 ? CELL_GAP : 0) + TEAM_MORE_NODE_HEIGHT;
  return {
    roleId,
    members,
    seats,
    seatTotal,
    hidden,
    columns,
    width: innerWidth + 2 * DEPARTMENT_PADDING,
    height: innerHeight + 2 * DEPARTMENT_PADDING,
  };
}

/* ------------------------------------------------------------------ */
/* The graph                                                            */
/* ------------------------------------------------------------------ */

type TreeData =
  { kind: "gm" } | { kind: "role"; role: RecommendedRole } | { kind: "department"; block: DepartmentBlock };

/**
 * The team diagram for the expanded departments, laid out top-down with
 * layoutTree: the GM, the playbook's roles in ALL_ROLE_IDS order in one row, and
 * under each expanded role one block (its members, then its open seats, in
 * a grid, and a "more" node when the cap hides some). Linear in the number
 * of members; the layout itself only sees the visible nodes.
 */
export function teamGraph(input: TeamGraphInput, options: TeamGraphOptions = {}): TeamGraph {
  const { recommendation, members, gaps, lang } = input;
  const order = new Map<string, number>(ALL_ROLE_IDS.map((id, i) => [id, i]));
  // own roles (not in ALL_ROLE_IDS) after the others, in the recommendation's order (the sort is stable)
  const at = (id: string) => order.get(id) ?? ALL_ROLE_IDS.length;
  const roles = [...recommendation.roles].sort((a, b) => at(a.id) - at(b.id));
  const roleLabel = new Map(roles.map((r) => [r.id, localize(r.label, lang)]));
  const coverage = new Map(gaps.roles.map((c) => [c.roleId, c]));
  const expanded = new Set(input.expanded.filter((id) => roleLabel.has(id)));

  // Members by home department, in input order (the caller passes them by name).
  const byHome = new Map<RoleId, TeamMember[]>(roles.map((r) => [r.id, []]));
  let withoutRole = 0;
  for (const m of members) {
    const home = homeRoleOf(m);
    const list = home ? byHome.get(home) : undefined;
    if (list) list.push(m);
    else withoutRole += 1;
  }

  const expandedCounts = new Map<RoleId, number>();
  for (const id of expanded) expandedCounts.set(id, byHome.get(id)?.length ?? 0);
  const quotas = memberNodeQuotas(expandedCounts, options.perDepartment, options.total);

  const root: TreeInput<TreeData> = {
    id: teamNodeId.generalManager,
    ...TEAM_GM_NODE_SIZE,
    data: { kind: "gm" },
    children: [],
  };
  const departments: TeamGraph["departments"] = [];
  for (const role of roles) {
    const home = byHome.get(role.id) ?? [];
    const roleInput: TreeInput<TreeData> = {
      id: teamNodeId.role(role.id),
      ...TEAM_ROLE_NODE_SIZE,
      data: { kind: "role", role },
    };
    let shown = 0;
    if (expanded.has(role.id)) {
      const quota = quotas.get(role.id) ?? 0;
      const visible = home.slice(0, quota);
      const selected = input.selectedMemberId;
      if (selected && quota > 0 && home.length > quota && !visible.some((m) => m.id === selected)) {
        const member = home.find((m) => m.id === selected);
        if (member) visible[visible.length - 1] = member;
      }
      shown = visible.length;
      const block = departmentBlock(
        role.id,
        visible,
        coverage.get(role.id)?.unfilledSeats ?? 0,
        home.length - visible.length,
      );
      if (block.members.length + block.seats + (block.hidden > 0 ? 1 : 0) > 0) {
        roleInput.children = [
          {
            id: teamNodeId.department(role.id),
            width: block.width,
            height: block.height,
            data: { kind: "department", block },
          },
        ];
      }
    }
    departments.push({ roleId: role.id, memberCount: home.length, shown });
    root.children?.push(roleInput);
  }

  const positioned = layoutTree(root, { siblingGap: SUBTREE_GAP, subtreeGap: SUBTREE_GAP, levelGap: LEVEL_GAP });

  let gapsByMember: Map<string, MemberGaps> | undefined;
  const departmentNodes: TeamDiagramNode[] = [];
  const nodes: TeamDiagramNode[] = [];
  const edges: TeamDiagramEdge[] = [];
  const reportingReason = new Map<string, string>();
  for (const link of recommendation.links) {
    if (link.kind === "reporting" && link.from === GENERAL_MANAGER)
      reportingReason.set(link.to, localize(link.reason, lang));
  }
  let totalFte = 0;
  let totalSeats = 0;
  for (const c of gaps.roles) {
    totalFte += c.fte;
    totalSeats += c.unfilledSeats;
  }

  for (const p of positioned) {
    const data = p.data;
    // whole pixels: shorter to send, and the grid inside a department stays aligned
    const position = { x: Math.round(p.position.x), y: Math.round(p.position.y) };
    if (data.kind === "gm") {
      nodes.push({
        id: p.id,
        type: "teamGm",
        position,
        width: p.width,
        height: p.height,
        data: {
          label: localize(GENERAL_MANAGER_LABEL, lang),
          memberCount: members.length,
          fte: Math.round(totalFte * 100) / 100,
          unfilledSeats: totalSeats,
          withoutRole,
        },
      });
      continue;
    }
    if (data.kind === "role") {
      const role = data.role;
      const c = coverage.get(role.id);
      nodes.push({
        id: p.id,
        type: "teamRole",
        position,
        width: p.width,
        height: p.height,
        data: {
          roleId: role.id,
          label: roleLabel.get(role.id) ?? role.id,
          priority: role.priority,
          headcount: role.headcount,
          fte: c?.fte ?? 0,
          unfilledSeats: c?.unfilledSeats ?? 0,
          overStaffedBy: c?.overStaffedBy ?? 0,
          skillsBelow: c?.withheld ? null : (c?.skillsBelow.length ?? 0),
          skillsNotAssessed: c?.withheld ? null : (c?.skillsNotAssessed.length ?? 0),
          memberCount: byHome.get(role.id)?.length ?? 0,
          holderCount: c?.holders.length ?? 0,
          expanded: expanded.has(role.id),
        },
      });
      edges.push({
        id: `reporting:${GENERAL_MANAGER}->${role.id}`,
        source: teamNodeId.generalManager,
        target: p.id,
        type: "reporting",
        sourceHandle: TEAM_HANDLE_IDS.reportingOut,
        targetHandle: TEAM_HANDLE_IDS.reportingIn,
        data: { kind: "reporting", reason: reportingReason.get(role.id) ?? "" },
      });
      continue;
    }
    const block = data.block;
    departmentNodes.push({
      id: p.id,
      type: "department",
      position,
      width: p.width,
      height: p.height,
      data: {
        roleId: block.roleId,
        label: roleLabel.get(block.roleId) ?? block.roleId,
        memberCount: block.members.length + block.hidden,
      },
    });
    edges.push({
      id: `reporting:${block.roleId}->${p.id}`,
      source: teamNodeId.role(block.roleId),
      target: p.id,
      type: "reporting",
      sourceHandle: TEAM_HANDLE_IDS.reportingOut,
      targetHandle: TEAM_HANDLE_IDS.reportingIn,
      data: { kind: "reporting", reason: "" },
    });
    // Indexed only when some department is open: a collapsed chart of a big team skips it.
    gapsByMember ??= new Map(gaps.members.map((g) => [g.memberId, g]));
    placeBlock(block, position, gapsByMember, roleLabel, nodes, edges);
  }

  edges.push(...collaborationEdges(recommendation, lang, order));
  return {
    nodes: [...departmentNodes, ...nodes],
    edges,
    // own roles (custom_…) too, after the others: the department list and its links read this set
    expanded: inRoleOrder([...expanded]),
    departments,
  };
}

/** Members, then open seats, row by row in the block's grid; the "more" node spans the last row. */
function placeBlock(
  block: DepartmentBlock,
  origin: XYPosition,
  gapsByMember: ReadonlyMap<string, MemberGaps>,
  roleLabel: ReadonlyMap<RoleId, string>,
  nodes: TeamDiagramNode[],
  edges: TeamDiagramEdge[],
): void {
  const { width: cw, height: ch } = TEAM_MEMBER_NODE_SIZE;
  const cell = (i: number): XYPosition => ({
    x: origin.x + DEPARTMENT_PADDING + (i % block.columns) * (cw + CELL_GAP),
    y: origin.y + DEPARTMENT_PADDING + Math.floor(i / block.columns) * (ch + CELL_GAP),
  });
  block.members.forEach((m, i) => {
    const g = gapsByMember.get(m.id);
    const others = otherRolesOf(m).filter((id) => roleLabel.has(id));
    const id = teamNodeId.member(m.id);
    nodes.push({
      id,
      type: "teamMember",
      position: cell(i),
      width: cw,
      height: ch,
      data: {
        memberId: m.id,
        name: m.name,
        bucket: g?.bucket ?? "hidden",
        maxGap: g?.maxGap ?? 0,
        totalGap: g?.totalGap ?? 0,
        homeRoleId: block.roleId,
        alsoHolds: others.map((r) => roleLabel.get(r) ?? r),
      },
    });
    for (const other of others) {
      edges.push({
        id: `also:${m.id}->${other}`,
        source: id,
        target: teamNodeId.role(other),
        type: "alsoHolds",
        sourceHandle: TEAM_HANDLE_IDS.alsoHoldsOut,
        targetHandle: TEAM_HANDLE_IDS.alsoHoldsIn,
        data: { kind: "alsoHolds", reason: roleLabel.get(other) ?? other },
      });
    }
  });
  for (let s = 0; s < block.seats; s++) {
    nodes.push({
      id: teamNodeId.seat(block.roleId, s + 1),
      type: "openSeat",
      position: cell(block.members.length + s),
      width: cw,
      height: ch,
      data: { roleId: block.roleId, seat: s + 1, of: block.seatTotal },
    });
  }
  if (block.hidden > 0) {
    const cells = block.members.length + block.seats;
    const rows = Math.ceil(cells / block.columns);
    nodes.push({
      id: teamNodeId.more(block.roleId),
      type: "moreMembers",
      position: { x: origin.x + DEPARTMENT_PADDING, y: origin.y + DEPARTMENT_PADDING + rows * (ch + CELL_GAP) },
      width: block.width - 2 * DEPARTMENT_PADDING,
      height: TEAM_MORE_NODE_HEIGHT,
      data: { roleId: block.roleId, hidden: block.hidden, shown: block.members.length },
    });
  }
}

/** Role ↔ role links of the recommendation, once per pair (left role first), reasons joined. */
function collaborationEdges(
  rec: OrgChartRecommendation,
  lang: Language,
  order: ReadonlyMap<string, number>,
): TeamDiagramEdge[] {
  const byId = new Map<string, TeamDiagramEdge>();
  for (const link of rec.links) {
    if (link.kind !== "collaboration" || link.from === GENERAL_MANAGER || link.from === link.to) continue;
    if (!order.has(link.from) || !order.has(link.to)) continue;
    const [a, b] = [link.from, link.to].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    const id = `collaboration:${a}--${b}`;
    const reason = localize(link.reason, lang);
    const existing = byId.get(id);
    if (existing) {
      if (reason && !existing.data.reason.split("\n").includes(reason)) {
        existing.data.reason = existing.data.reason ? `${existing.data.reason}\n${reason}` : reason;
      }
      continue;
    }
    byId.set(id, {
      id,
      source: a,
      target: b,
      type: "collaboration",
      sourceHandle: TEAM_HANDLE_IDS.collaborationOut,
      targetHandle: TEAM_HANDLE_IDS.collaborationIn,
      data: { kind: "collaboration", reason },
    });
  }
  return [...byId.values()];
}
