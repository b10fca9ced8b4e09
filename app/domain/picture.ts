/**
 * A diagram as a picture to share: laid-out boxes with their texts, the lines
 * between them, a title block on top and the legend underneath, as plain
 * shapes that one renderer turns into an SVG string and another draws on a
 * canvas for a PNG. Pure: the caller measures text (a canvas in the browser,
 * a fixed table in tests), so every box is sized to its text and no text is
 * ever cut: lines wrap within the box and boxes grow downwards, pushing the
 * rows below them down.
 */

export interface Font {
  size: number;
  weight?: 400 | 600 | 700;
  italic?: boolean;
}
/** The width of a text in px when drawn in `font` (the family is the caller's). */
export type Measure = (text: string, font: Font) => number;

export interface TextLine extends Font {
  text: string;
  fill: string;
}
export interface BoxStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: number[];
  radius: number;
  /** a coloured bar down the left side (the member boxes' gap colour) */
  accent?: string;
}
export interface BoxInput {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  style: BoxStyle;
  lines: TextLine[];
  /** a chip in the top-right corner, beside the first line */
  badge?: { text: string; fill: string; color: string };
  align?: "start" | "center";
}
export type EdgeKind = "reporting" | "collaboration" | "alsoHolds" | "handOff";
export interface EdgeInput {
  source: string;
  target: string;
  kind: EdgeKind;
}
export interface EdgeStyle {
  stroke: string;
  width: number;
  dash?: number[];
  opacity?: number;
}
export type Swatch =
  | { kind: "box"; fill: string; stroke: string; dash?: number[]; accent?: string; symbol?: string }
  | { kind: "line"; stroke: string; dash?: number[] };
export interface LegendSection {
  heading: string;
  entries: { label: string; swatch: Swatch }[];
}
export interface PictureInput {
  title: string;
  /** the lines under the title: organisation, model · stage · profile, date */
  details: string[];
  boxes: BoxInput[];
  edges: EdgeInput[];
  edgeStyles: Record<EdgeKind, EdgeStyle>;
  legend: LegendSection[];
  fontFamily: string;
  /** the alsoHolds line ends this far left of its target's right edge */
  alsoHoldsInset?: number;
  /**
   * Reporting lines turn this far under their source, onto one bus (default:
   * halfway to the target). A chart in rows sets the gap under the GM, so a
   * line to the second row runs along the bus and down a gap of the first.
   */
  reportingBusDrop?: number;
}

export type Shape =
  | {
      kind: "rect";
      x: number;
      y: number;
      width: number;
      height: number;
      radius: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: number[];
    }
  | { kind: "path"; d: string; stroke: string; width: number; dash?: number[]; opacity?: number; fill?: string }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      weight: number;
      italic?: boolean;
      fill: string;
      anchor: "start" | "middle";
    }
  | { kind: "group"; role: "node" | "title" | "legend" | "edges"; id?: string; children: Shape[] };

export interface Picture {
  width: number;
  height: number;
  title: string;
  fontFamily: string;
  shapes: Shape[];
}

const PAD_X = 12;
const PAD_Y = 10;
const LINE_GAP = 1.4;
const BADGE_HEIGHT = 18;
/**
 * The smallest text in any picture (px at 1×): with the widest chart that is
 * shared side by side (two scenarios, about 1,030 px each), it still reads at
 * 10 px when each picture gets half of a 1,920 px screen.
 */
export const MIN_PICTURE_FONT = 11;
const BADGE_FONT: Font = { size: MIN_PICTURE_FONT, weight: 600 };
const MARGIN = 32;
/** Room under the lowest boxes for the collaboration arcs (they dip up to 80 px). */
const ARC_ROOM = 88;
const MIN_WIDTH = 640;
const TITLE_FONT: Font = { size: 20, weight: 700 };
const DETAIL_FONT: Font = { size: 13, weight: 400 };
const HEADING_FONT: Font = { size: 12, weight: 600 };
const ENTRY_FONT: Font = { size: 12, weight: 400 };
const SWATCH_W = 28;
const SWATCH_H = 14;
export const PICTURE_COLOURS = { text: "#0f172a", muted: "#475569", background: "#ffffff", rule: "#e2e8f0" } as const;

const lineHeight = (font: Font) => Math.round(font.size * LINE_GAP);

/**
 * Each CJK character may start a line, except closing punctuation (，。、；：！？ and closing brackets),
 * which stays with the character before it; other words break at spaces (or, when too long, anywhere).
 */
const TOKENS =
  /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF][，。、；：！？）》」』】〉”’]*|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+[，。、；：！？）》」』】〉”’]*\s*|\s+/gu;

/** `text` in lines no wider than `maxWidth`; nothing is left out (a lone character wider than the box gets a line of its own). */
export function wrapText(text: string, maxWidth: number, font: Font, measure: Measure): string[] {
  if (measure(text, font) <= maxWidth) return [text];
  const lines: string[] = [];
  let current = "";
  const fits = (s: string) => measure(s.trimEnd(), font) <= maxWidth;
  for (const token of text.match(TOKENS) ?? []) {
    if (fits(current + token)) {
      current += token;
      continue;
    }
    if (current.trim() !== "") lines.push(current.trimEnd());
    current = token.trimStart();
    // a word wider than the box: cut it into pieces that fit
    while (current !== "" && !fits(current)) {
      const chars = Array.from(current);
      let n = 1;
      while (n < chars.length && fits(chars.slice(0, n + 1).join(""))) n += 1;
      lines.push(chars.slice(0, n).join(""));
      current = chars.slice(n).join("");
    }
  }
  if (current.trim() !== "") lines.push(current.trimEnd());
  return lines;
}

interface LaidOutBox extends BoxInput {
  wrapped: { line: TextLine; parts: string[] }[];
  badgeWidth: number;
  /** the text starts under the badge rather than beside it */
  underBadge: boolean;
}

function wrapBox(box: BoxInput, measure: Measure): { laid: LaidOutBox; needed: number } {
  const badgeWidth = box.badge ? measure(box.badge.text, BADGE_FONT) + 10 : 0;
  const inner = box.width - 2 * PAD_X - (box.style.accent ? 4 : 0);
  const beside = inner - badgeWidth - 6;
  // The first line goes beside the badge unless one of its words would have to be cut there: then under it.
  const first = box.lines[0];
  const underBadge = Boolean(
    box.badge && first && (first.text.match(TOKENS) ?? []).some((token) => measure(token.trimEnd(), first) > beside),
  );
  const wrapped = box.lines.map((line, i) => ({
    line,
    parts: wrapText(line.text, Math.max(8, i === 0 && box.badge && !underBadge ? beside : inner), line, measure),
  }));
  const textHeight =
    wrapped.reduce((sum, w) => sum + w.parts.length * lineHeight(w.line), 0) + (underBadge ? BADGE_HEIGHT : 0);
  const needed = Math.max(textHeight, box.badge ? BADGE_HEIGHT : 0) + 2 * PAD_Y;
  return { laid: { ...box, wrapped, badgeWidth, underBadge }, needed };
}

/**
 * Grows every box that its wrapped text does not fit, and moves what lies
 * below it down by as much: each row of boxes (boxes with the same top) grows
 * by its largest need, every box under a row moves down by that row's growth,
 * and a box that spans rows (a department's background) grows by theirs.
 */
export function fitBoxes(boxes: readonly BoxInput[], measure: Measure): LaidOutBox[] {
  const wrapped = boxes.map((box) => wrapBox(box, measure));
  const rowGrowth = new Map<number, number>();
  for (const { laid, needed } of wrapped) {
    const grow = Math.max(0, Math.ceil(needed - laid.height));
    rowGrowth.set(laid.y, Math.max(rowGrowth.get(laid.y) ?? 0, grow));
  }
  const rows = [...rowGrowth.entries()];
  return wrapped.map(({ laid }) => {
    let shift = 0;
    let inside = 0;
    for (const [top, grow] of rows) {
      if (top < laid.y) shift += grow;
      else if (top > laid.y && top < laid.y + laid.height) inside += grow;
    }
    return { ...laid, y: laid.y + shift, height: laid.height + (rowGrowth.get(laid.y) ?? 0) + inside };
  });
}

function boxShapes(box: LaidOutBox): Shape {
  const { x, y, width, height, style } = box;
  const children: Shape[] = [
    {
      kind: "rect",
      x,
      y,
      width,
      height,
      radius: style.radius,
      fill: style.fill,
      stroke: style.stroke,
      strokeWidth: style.strokeWidth,
      dash: style.dash,
    },
  ];
  if (style.accent)
    children.push({ kind: "rect", x, y: y + 1, width: 4, height: height - 2, radius: 0, fill: style.accent });
  const left = x + PAD_X + (style.accent ? 4 : 0);
  if (box.badge) {
    const bx = x + width - PAD_X - box.badgeWidth + 4;
    const by = y + PAD_Y - 2;
    children.push({
      kind: "rect",
      x: bx,
      y: by,
      width: box.badgeWidth,
      height: BADGE_HEIGHT,
      radius: 4,
      fill: box.badge.fill,
    });
    children.push({
      kind: "text",
      x: bx + 5,
      y: by + 13,
      text: box.badge.text,
      size: BADGE_FONT.size,
      weight: 600,
      fill: box.badge.color,
      anchor: "start",
    });
  }
  const textHeight = box.wrapped.reduce((sum, w) => sum + w.parts.length * lineHeight(w.line), 0);
  let cursor = box.align === "center" ? y + (height - textHeight) / 2 : y + PAD_Y + (box.underBadge ? BADGE_HEIGHT : 0);
  for (const { line, parts } of box.wrapped) {
    const lh = lineHeight(line);
    for (const part of parts) {
      children.push({
        kind: "text",
        x: box.align === "center" ? x + width / 2 : left,
        y: cursor + lh / 2 + line.size * 0.36,
        text: part,
        size: line.size,
        weight: line.weight ?? 400,
        italic: line.italic,
        fill: line.fill,
        anchor: box.align === "center" ? "middle" : "start",
      });
      cursor += lh;
    }
  }
  return { kind: "group", role: "node", id: box.id, children };
}

/**
 * Where a collaboration arc leaves and meets the bottom of its two roles, and
 * how deep it dips (24 to 80 px). Longer arcs dip deeper and end nearer the
 * middle of a node, so arcs that share a node nest instead of crossing. The
 * diagram's edges and the pictures draw the same arc.
 */
export function collaborationArc(sourceX: number, sourceY: number, targetX: number, targetY: number) {
  const dx = Math.abs(targetX - sourceX);
  const direction = targetX >= sourceX ? 1 : -1;
  const inset = Math.min(40, Math.max(6, 40 - dx * 0.025));
  const depth = Math.min(80, Math.max(24, 20 + dx * 0.04));
  const x1 = sourceX + direction * inset;
  const x2 = targetX - direction * inset;
  // A cubic Bézier with both control points `c` below its ends dips 0.75·c.
  const c = depth / 0.75;
  const path = `M ${x1},${sourceY} C ${x1},${sourceY + c} ${x2},${targetY + c} ${x2},${targetY}`;
  return { path, x1, x2, labelX: (x1 + x2) / 2, labelY: (sourceY + targetY) / 2 + depth, depth };
}

/**
 * A collaboration between roles in two rows: from the bottom of the upper one
 * to the top of the lower one, an S-curve within the gap between the rows
 * (never across a box), ending beside the reporting line's end, not on it.
 */
function crossRowLink(upper: LaidOutBox, lower: LaidOutBox): string {
  const ux = upper.x + upper.width / 2;
  const lx = lower.x + lower.width / 2;
  const direction = lx >= ux ? 1 : -1;
  const x1 = ux + direction * 12;
  const x2 = lx - direction * 12;
  const y1 = upper.y + upper.height;
  const y2 = lower.y;
  const middle = (y1 + y2) / 2;
  return `M ${x1},${y1} C ${x1},${middle} ${x2},${middle} ${x2},${y2}`;
}

function edgeShapes(
  edge: EdgeInput,
  byId: ReadonlyMap<string, LaidOutBox>,
  style: EdgeStyle,
  inset: number,
  busDrop: number | undefined,
): Shape[] {
  const s = byId.get(edge.source);
  const t = byId.get(edge.target);
  if (!s || !t) return [];
  const common = { stroke: style.stroke, width: style.width, dash: style.dash, opacity: style.opacity };
  const bottom = (b: LaidOutBox) => b.y + b.height;
  const centre = (b: LaidOutBox) => b.x + b.width / 2;
  switch (edge.kind) {
    case "reporting": {
      const sy = bottom(s);
      const mid = sy + Math.min(busDrop ?? Infinity, (t.y - sy) / 2);
      return [
        {
          kind: "path",
          d: `M ${centre(s)},${sy} L ${centre(s)},${mid} L ${centre(t)},${mid} L ${centre(t)},${t.y}`,
          ...common,
        },
      ];
    }
    case "collaboration":
      if (Math.abs(s.y - t.y) > 1)
        return [{ kind: "path", d: s.y < t.y ? crossRowLink(s, t) : crossRowLink(t, s), ...common }];
      return [{ kind: "path", d: collaborationArc(centre(s), bottom(s), centre(t), bottom(t)).path, ...common }];
    case "handOff": {
      const arc = collaborationArc(centre(s), bottom(s), centre(t), bottom(t));
      const tip = bottom(t);
      return [
        { kind: "path", d: arc.path, ...common },
        {
          kind: "path",
          d: `M ${arc.x2},${tip} L ${arc.x2 - 5},${tip + 10} L ${arc.x2 + 5},${tip + 10} Z`,
          stroke: style.stroke,
          width: 1,
          fill: style.stroke,
          opacity: style.opacity,
        },
      ];
    }
    case "alsoHolds": {
      const sx = centre(s);
      const sy = s.y;
      const tx = t.x + t.width - inset;
      const ty = bottom(t);
      const bend = Math.max(40, (sy - ty) / 2);
      return [{ kind: "path", d: `M ${sx},${sy} C ${sx},${sy - bend} ${tx},${ty + bend} ${tx},${ty}`, ...common }];
    }
  }
}

function textBlock(
  lines: readonly string[],
  font: Font,
  fill: string,
  x: number,
  top: number,
  maxWidth: number,
  measure: Measure,
) {
  const shapes: Shape[] = [];
  let cursor = top;
  for (const line of lines) {
    for (const part of wrapText(line, maxWidth, font, measure)) {
      const lh = lineHeight(font);
      shapes.push({
        kind: "text",
        x,
        y: cursor + lh / 2 + font.size * 0.36,
        text: part,
        size: font.size,
        weight: font.weight ?? 400,
        fill,
        anchor: "start",
      });
      cursor += lh;
    }
  }
  return { shapes, bottom: cursor };
}

function swatchShapes(swatch: Swatch, x: number, y: number): Shape[] {
  if (swatch.kind === "line") {
    return [
      {
        kind: "path",
        d: `M ${x},${y + SWATCH_H / 2} L ${x + SWATCH_W},${y + SWATCH_H / 2}`,
        stroke: swatch.stroke,
        width: 2,
        dash: swatch.dash,
      },
    ];
  }
  const shapes: Shape[] = [
    {
      kind: "rect",
      x,
      y,
      width: SWATCH_W,
      height: SWATCH_H,
      radius: 2,
      fill: swatch.fill,
      stroke: swatch.stroke,
      strokeWidth: 1.5,
      dash: swatch.dash,
    },
  ];
  if (swatch.accent) shapes.push({ kind: "rect", x, y, width: 4, height: SWATCH_H, radius: 0, fill: swatch.accent });
  if (swatch.symbol)
    shapes.push({
      kind: "text",
      x: x + SWATCH_W - 6,
      y: y + 11,
      text: swatch.symbol,
      size: MIN_PICTURE_FONT,
      weight: 700,
      fill: swatch.stroke,
      anchor: "middle",
    });
  return shapes;
}

/** The legend's sections one under another, each heading over a row of entries that wraps at `width`. */
function legendShapes(sections: readonly LegendSection[], left: number, top: number, width: number, measure: Measure) {
  const shapes: Shape[] = [];
  let cursor = top;
  for (const section of sections) {
    const heading = textBlock([section.heading], HEADING_FONT, PICTURE_COLOURS.text, left, cursor, width, measure);
    shapes.push(...heading.shapes);
    cursor = heading.bottom + 4;
    let x = left;
    const rowHeight = Math.max(SWATCH_H, lineHeight(ENTRY_FONT)) + 6;
    for (const entry of section.entries) {
      const labelWidth = Math.min(measure(entry.label, ENTRY_FONT), width - SWATCH_W - 8);
      const entryWidth = SWATCH_W + 8 + labelWidth;
      if (x > left && x + entryWidth > left + width) {
        x = left;
        cursor += rowHeight;
      }
      shapes.push(...swatchShapes(entry.swatch, x, cursor + (rowHeight - 6 - SWATCH_H) / 2));
      const label = textBlock(
        [entry.label],
        ENTRY_FONT,
        PICTURE_COLOURS.muted,
        x + SWATCH_W + 8,
        cursor,
        labelWidth + 1,
        measure,
      );
      shapes.push(...label.shapes);
      const labelRows = Math.max(1, label.shapes.length);
      if (labelRows > 1) cursor += (labelRows - 1) * lineHeight(ENTRY_FONT);
      x += entryWidth + 24;
    }
    cursor += rowHeight + 8;
  }
  return { shapes, bottom: cursor };
}

/** Lays the whole picture out: title block, the diagram (boxes fitted to their text), the legend. */
export function composePicture(input: PictureInput, measure: Measure): Picture {
  const boxes = fitBoxes(input.boxes, measure);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (!Number.isFinite(minX)) {
    minX = 0;
    minY = 0;
    maxX = 0;
    maxY = 0;
  }
  const arcs = input.edges.some((e) => e.kind === "collaboration" || e.kind === "handOff");
  const diagramWidth = maxX - minX;
  const diagramHeight = maxY - minY + (arcs ? ARC_ROOM : 0);
  const width = Math.ceil(Math.max(MIN_WIDTH, diagramWidth + 2 * MARGIN));
  const inner = width - 2 * MARGIN;

  const title = textBlock([input.title], TITLE_FONT, PICTURE_COLOURS.text, MARGIN, MARGIN - 8, inner, measure);
  const details = textBlock(
    input.details,
    DETAIL_FONT,
    PICTURE_COLOURS.muted,
    MARGIN,
    title.bottom + 2,
    inner,
    measure,
  );
  const diagramTop = details.bottom + 24;
  const dx = MARGIN + (inner - diagramWidth) / 2 - minX;
  const dy = diagramTop - minY;
  const moved = boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy }));
  const byId = new Map(moved.map((b) => [b.id, b]));
  const edges = input.edges.flatMap((e) =>
    edgeShapes(e, byId, input.edgeStyles[e.kind], input.alsoHoldsInset ?? 0, input.reportingBusDrop),
  );

  const legendTop = diagramTop + diagramHeight + 24;
  const legend = legendShapes(input.legend, MARGIN, legendTop + 12, inner, measure);
  const height = Math.ceil(legend.bottom + MARGIN - 16);

  return {
    width,
    height,
    title: input.title,
    fontFamily: input.fontFamily,
    shapes: [
      { kind: "group", role: "title", children: [...title.shapes, ...details.shapes] },
      { kind: "group", role: "edges", children: edges },
      ...moved.map(boxShapes),
      {
        kind: "group",
        role: "legend",
        children: [
          {
            kind: "path",
            d: `M ${MARGIN},${legendTop} L ${width - MARGIN},${legendTop}`,
            stroke: PICTURE_COLOURS.rule,
            width: 1,
          },
          ...legend.shapes,
        ],
      },
    ],
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (v: number) => String(Math.round(v * 100) / 100);

function shapeToSvg(shape: Shape): string {
  switch (shape.kind) {
    case "group": {
      const attrs =
        shape.role === "node" ? ` class="node" data-id="${escapeXml(shape.id ?? "")}"` : ` class="${shape.role}"`;
      return `<g${attrs}>${shape.children.map(shapeToSvg).join("")}</g>`;
    }
    case "rect": {
      const stroke = shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : "";
      const dash = shape.dash?.length ? ` stroke-dasharray="${shape.dash.join(" ")}"` : "";
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" rx="${n(shape.radius)}" fill="${shape.fill}"${stroke}${dash}/>`;
    }
    case "path": {
      const dash = shape.dash?.length ? ` stroke-dasharray="${shape.dash.join(" ")}"` : "";
      const opacity = shape.opacity !== undefined && shape.opacity !== 1 ? ` opacity="${shape.opacity}"` : "";
      return `<path d="${shape.d}" fill="${shape.fill ?? "none"}" stroke="${shape.stroke}" stroke-width="${n(shape.width)}" stroke-linecap="round" stroke-linejoin="round"${dash}${opacity}/>`;
    }
    case "text": {
      const anchor = shape.anchor === "middle" ? ` text-anchor="middle"` : "";
      const italic = shape.italic ? ` font-style="italic"` : "";
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.size}" font-weight="${shape.weight}" fill="${shape.fill}"${anchor}${italic} xml:space="preserve">${escapeXml(shape.text)}</text>`;
    }
  }
}

/** The picture as a standalone SVG document. */
export function pictureToSvg(picture: Picture): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${picture.width}" height="${picture.height}" viewBox="0 0 ${picture.width} ${picture.height}" font-family="${escapeXml(picture.fontFamily)}">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<rect width="100%" height="100%" fill="${PICTURE_COLOURS.background}"/>`,
    ...picture.shapes.map(shapeToSvg),
    `</svg>`,
  ].join("\n");
}

/** Every text of the picture, in drawing order (what a reader of the image can read). */
export function pictureTexts(picture: Picture): string[] {
  const out: string[] = [];
  const walk = (shape: Shape) => {
    if (shape.kind === "text") out.push(shape.text);
    else if (shape.kind === "group") shape.children.forEach(walk);
  };
  picture.shapes.forEach(walk);
  return out;
}

/** `org-chart-2026-05-14`, in the reader's local date. */
export function pictureFileName(stem: string, date: Date, extension: "png" | "svg"): string {
  const pad = (v: number) => String(v).padStart(2, "0");
  return `${stem}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
