/**
 * The browser half of a diagram picture: measuring text with a canvas, drawing
 * the picture's shapes on a canvas for the PNG, and handing a file to the
 * reader. The layout and the SVG are pure (app/domain/picture.ts).
 *
 * Why draw rather than copy the DOM (html-to-image on React Flow's viewport,
 * React Flow's "download image" example): it copies every computed style of
 * every element, which measured ~2 s of blocked main thread for a 26-node
 * chart and ~50 s for the 600-node one on our machines (and html-to-image
 * 1.11.12+ drops SVG edge styles). Drawing the already laid-out boxes and
 * lines takes milliseconds and the PNG is encoded off the main thread
 * (canvas.toBlob).
 */
import type { Font, Measure, Picture, Shape } from "~/domain/picture";

/** Longest side of the PNG in device pixels; browsers refuse much larger canvases. */
const MAX_SIDE = 8192;

const cssFont = (font: Font, family: string) =>
  `${font.italic ? "italic " : ""}${font.weight ?? 400} ${font.size}px ${family}`;

/** Text widths as the browser draws them in `family` (cached: a chart measures the same strings often). */
export function canvasMeasure(family: string): Measure {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) throw new Error("no canvas");
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${cssFont(font, family)}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      ctx.font = cssFont(font, family);
      width = ctx.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}

function drawShape(ctx: CanvasRenderingContext2D, shape: Shape, family: string) {
  switch (shape.kind) {
    case "group":
      for (const child of shape.children) drawShape(ctx, child, family);
      return;
    case "rect":
      ctx.beginPath();
      ctx.roundRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
      ctx.fillStyle = shape.fill;
      ctx.fill();
      if (shape.stroke) {
        ctx.setLineDash(shape.dash ?? []);
        ctx.strokeStyle = shape.stroke;
        ctx.lineWidth = shape.strokeWidth ?? 1;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      return;
    case "path": {
      const path = new Path2D(shape.d);
      ctx.globalAlpha = shape.opacity ?? 1;
      if (shape.fill) {
        ctx.fillStyle = shape.fill;
        ctx.fill(path);
      }
      ctx.setLineDash(shape.dash ?? []);
      ctx.strokeStyle = shape.stroke;
      ctx.lineWidth = shape.width;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.stroke(path);
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      return;
    }
    case "text":
      ctx.font = cssFont({ size: shape.size, weight: shape.weight as Font["weight"], italic: shape.italic }, family);
      ctx.fillStyle = shape.fill;
      ctx.textAlign = shape.anchor === "middle" ? "center" : "left";
      ctx.textBaseline = "alphabetic";
      ctx.fillText(shape.text, shape.x, shape.y);
      return;
  }
}

/** The picture as a PNG, at up to twice its size (and at most MAX_SIDE device pixels a side). */
export function pictureToPng(picture: Picture): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / picture.width, MAX_SIDE / picture.height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(picture.width * scale);
  canvas.height = Math.ceil(picture.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  for (const shape of picture.shapes) drawShape(ctx, shape, picture.fontFamily);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png");
  });
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.download = fileName;
  a.href = url;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
