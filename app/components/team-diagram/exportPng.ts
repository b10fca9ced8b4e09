/**
 * The team diagram drawn onto a canvas, for the PNG download.
 *
 * Why not html-to-image on React Flow's viewport (React Flow's "download
 * image" example): it copies every computed style of every element, which
 * measured ~2 s of blocked main thread for a 26-node chart and ~50 s for the
 * 600-node one on our machines (and html-to-image 1.11.12+ drops SVG edge
 * styles). Drawing the already laid-out nodes and edges takes milliseconds,
 * the PNG is encoded off the main thread (canvas.toBlob), and the picture is
 * the same: same positions, colours, lines and texts as the diagram.
 */
import { collaborationArc } from "~/components/diagram/edges";
import { ALSO_HOLDS_INSET } from "~/domain/team-graph";
import type { TeamDiagramEdge, TeamDiagramNode } from "~/domain/team-graph";
import type { Priority } from "~/domain/types";
import type { GapBucket } from "~/domain/gaps";

/** The texts of each node, in the reader's language (the caller owns i18n). */
export interface NodeTexts {
  lines: { text: string; tone?: Tone; bold?: boolean }[];
  /** a short badge (a role's priority, a member's gap) */
  badge?: string;
}
export type Tone = "normal" | "muted" | "bad" | "warn" | "ok" | "light" | "inverse";

const COLOURS = {
  text: "#0f172a",
  muted: "#475569",
  light: "#cbd5e1",
  bad: "#b91c1c",
  warn: "#92400e",
  ok: "#065f46",
  reporting: "#94a3b8",
  collaboration: "#7c3aed",
  alsoHolds: "#0e7490",
} as const;

const PRIORITY: Record<Priority, { stroke: string; fill: string; dash: number[]; width: number; badge: string; badgeText: string }> = {
  core: { stroke: "#059669", fill: "#ffffff", dash: [], width: 2, badge: "#d1fae5", badgeText: "#064e3b" },
  later: { stroke: "#f59e0b", fill: "#fffbeb", dash: [6, 4], width: 2, badge: "#fef3c7", badgeText: "#78350f" },
  optional: { stroke: "#0ea5e9", fill: "#f0f9ff", dash: [2, 3], width: 2, badge: "#e0f2fe", badgeText: "#0c4a6e" },
  not_needed: { stroke: "#cbd5e1", fill: "#f1f5f9", dash: [], width: 1, badge: "#e2e8f0", badgeText: "#334155" },
};

const BUCKET: Record<GapBucket | "hidden", { stroke: string; fill: string; chip: string; chipText: string }> = {
  hidden: { stroke: "#94a3b8", fill: "#f8fafc", chip: "#f1f5f9", chipText: "#334155" },
  none: { stroke: "#10b981", fill: "#ecfdf5", chip: "#d1fae5", chipText: "#064e3b" },
  small: { stroke: "#f59e0b", fill: "#fffbeb", chip: "#fef3c7", chipText: "#78350f" },
  large: { stroke: "#ef4444", fill: "#fef2f2", chip: "#fee2e2", chipText: "#7f1d1d" },
};

const TONES: Record<Tone, string> = {
  normal: COLOURS.text,
  muted: COLOURS.muted,
  light: COLOURS.light,
  inverse: "#ffffff",
  bad: COLOURS.bad,
  warn: COLOURS.warn,
  ok: COLOURS.ok,
};

/** Longest side of the image in device pixels; browsers refuse much larger canvases. */
const MAX_SIDE = 8192;
const PADDING = 32;
/** Room under the row of roles for the collaboration arcs (they dip up to 80 px). */
const ARC_ROOM = 88;

type Ctx = CanvasRenderingContext2D;

function roundedRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** The text cut to fit `maxWidth`, with an ellipsis. */
function fit(ctx: Ctx, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function drawEdges(ctx: Ctx, edges: readonly TeamDiagramEdge[], byId: ReadonlyMap<string, TeamDiagramNode>) {
  ctx.lineJoin = "round";
  ctx.lineCap = "round";
  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    ctx.beginPath();
    if (e.type === "reporting") {
      const sx = s.position.x + s.width / 2;
      const sy = s.position.y + s.height;
      const tx = t.position.x + t.width / 2;
      const ty = t.position.y;
      const mid = sy + (ty - sy) / 2;
      ctx.moveTo(sx, sy);
      ctx.lineTo(sx, mid);
      ctx.lineTo(tx, mid);
      ctx.lineTo(tx, ty);
      ctx.setLineDash([]);
      ctx.strokeStyle = COLOURS.reporting;
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
    } else if (e.type === "collaboration") {
      const { path } = collaborationArc(s.position.x + s.width / 2, s.position.y + s.height, t.position.x + t.width / 2, t.position.y + t.height);
      const p = new Path2D(path);
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = COLOURS.collaboration;
      ctx.globalAlpha = 0.8;
      ctx.lineWidth = 1.5;
      ctx.stroke(p);
      continue;
    } else {
      const sx = s.position.x + s.width / 2;
      const sy = s.position.y;
      const tx = t.position.x + t.width - ALSO_HOLDS_INSET;
      const ty = t.position.y + t.height;
      const bend = Math.max(40, (sy - ty) / 2);
      ctx.moveTo(sx, sy);
      ctx.bezierCurveTo(sx, sy - bend, tx, ty + bend, tx, ty);
      ctx.setLineDash([2, 4]);
      ctx.strokeStyle = COLOURS.alsoHolds;
      ctx.globalAlpha = 0.55;
      ctx.lineWidth = 1.25;
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

function drawLines(ctx: Ctx, texts: NodeTexts, x: number, y: number, maxWidth: number, font: string, size: number, gap: number) {
  let baseline = y;
  for (const line of texts.lines) {
    ctx.font = `${line.bold ? 600 : 400} ${line.bold ? size + 2 : size}px ${font}`;
    ctx.fillStyle = TONES[line.tone ?? "normal"];
    ctx.fillText(fit(ctx, line.text, maxWidth), x, baseline);
    baseline += (line.bold ? size + 2 : size) + gap;
  }
}

function drawBadge(ctx: Ctx, text: string, right: number, top: number, fill: string, colour: string, font: string) {
  ctx.font = `600 11px ${font}`;
  const w = ctx.measureText(text).width + 10;
  roundedRect(ctx, right - w, top, w, 17, 4);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.fillStyle = colour;
  ctx.fillText(text, right - w + 5, top + 12.5);
}

function drawNode(ctx: Ctx, n: TeamDiagramNode, texts: NodeTexts, font: string) {
  const { x, y } = n.position;
  const { width: w, height: h } = n;
  ctx.setLineDash([]);
  ctx.textBaseline = "alphabetic";
  switch (n.type) {
    case "department":
      roundedRect(ctx, x, y, w, h, 12);
      ctx.fillStyle = "#f8fafc";
      ctx.fill();
      ctx.strokeStyle = "#e2e8f0";
      ctx.lineWidth = 1;
      ctx.stroke();
      return;
    case "teamGm":
      roundedRect(ctx, x, y, w, h, 8);
      ctx.fillStyle = "#1e293b";
      ctx.fill();
      drawLines(ctx, texts, x + 12, y + 22, w - 24, font, 12, 5);
      return;
    case "teamRole": {
      const style = PRIORITY[n.data.priority];
      roundedRect(ctx, x, y, w, h, 8);
      ctx.fillStyle = style.fill;
      ctx.fill();
      ctx.setLineDash(style.dash);
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = style.width;
      ctx.stroke();
      ctx.setLineDash([]);
      if (texts.badge) drawBadge(ctx, texts.badge, x + w - 10, y + 10, style.badge, style.badgeText, font);
      const badgeWidth = texts.badge ? ctx.measureText(texts.badge).width + 18 : 0;
      const [title, ...rest] = texts.lines;
      if (title) drawLines(ctx, { lines: [title] }, x + 12, y + 26, w - 24 - badgeWidth, font, 12, 0);
      drawLines(ctx, { lines: rest }, x + 12, y + 50, w - 24, font, 12, 9);
      return;
    }
    case "teamMember": {
      const style = BUCKET[n.data.bucket];
      roundedRect(ctx, x, y, w, h, 6);
      ctx.fillStyle = style.fill;
      ctx.fill();
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = style.stroke;
      ctx.fillRect(x, y + 1, 4, h - 2);
      let badgeWidth = 0;
      if (texts.badge) {
        drawBadge(ctx, texts.badge, x + w - 6, y + 5, style.chip, style.chipText, font);
        badgeWidth = ctx.measureText(texts.badge).width + 16;
      }
      const [name, ...rest] = texts.lines;
      if (name) {
        ctx.font = `600 12px ${font}`;
        ctx.fillStyle = COLOURS.text;
        ctx.fillText(fit(ctx, name.text, w - 20 - badgeWidth), x + 11, y + 18);
      }
      drawLines(ctx, { lines: rest }, x + 11, y + 35, w - 18, font, 11, 4);
      return;
    }
    case "openSeat":
      roundedRect(ctx, x + 1, y + 1, w - 2, h - 2, 6);
      ctx.fillStyle = "#ffffff";
      ctx.fill();
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = "#94a3b8";
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `italic 400 12px ${font}`;
      ctx.fillStyle = COLOURS.muted;
      ctx.textAlign = "center";
      ctx.fillText(fit(ctx, texts.lines[0]?.text ?? "", w - 16), x + w / 2, y + h / 2 + 4);
      ctx.textAlign = "left";
      return;
    case "moreMembers":
      roundedRect(ctx, x, y, w, h, 6);
      ctx.fillStyle = "#f1f5f9";
      ctx.fill();
      ctx.strokeStyle = "#cbd5e1";
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.textAlign = "center";
      ctx.font = `600 12px ${font}`;
      ctx.fillStyle = COLOURS.text;
      ctx.fillText(fit(ctx, texts.lines.map((l) => l.text).join(" — "), w - 16), x + w / 2, y + h / 2 + 4);
      ctx.textAlign = "left";
      return;
  }
}

/**
 * The chart as a PNG blob: every node and edge, fitted into one image (up
 * to MAX_SIDE device pixels a side, at up to twice the CSS size).
 */
export async function teamChartPng(
  nodes: readonly TeamDiagramNode[],
  edges: readonly TeamDiagramEdge[],
  textsOf: (node: TeamDiagramNode) => NodeTexts,
  fontFamily: string,
): Promise<Blob> {
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
  if (!Number.isFinite(minX)) throw new Error("empty chart");
  maxY += ARC_ROOM;
  const width = maxX - minX + 2 * PADDING;
  const height = maxY - minY + 2 * PADDING;
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height);

  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.translate(PADDING - minX, PADDING - minY);

  const byId = new Map(nodes.map((n) => [n.id, n]));
  // edges under the nodes, departments first (under their members), as in the diagram
  drawEdges(ctx, edges, byId);
  for (const n of nodes) drawNode(ctx, n, textsOf(n), fontFamily);

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png");
  });
}
