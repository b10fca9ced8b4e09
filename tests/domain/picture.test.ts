import { describe, expect, it } from "vitest";
import {
  composePicture,
  fitBoxes,
  pictureFileName,
  pictureTexts,
  pictureToSvg,
  wrapText,
  type BoxInput,
  type Measure,
  type PictureInput,
  type Shape,
} from "~/domain/picture";

/** A fixed-width measure: 0.6 × size a Latin character, 1 × size a CJK one (enough to reason about by hand). */
const measure: Measure = (text, font) =>
  Array.from(text).reduce((sum, ch) => sum + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/u.test(ch) ? 1 : 0.6) * font.size, 0);
const font = { size: 10 };

const box = (over: Partial<BoxInput> & { id: string }): BoxInput => ({
  x: 0,
  y: 0,
  width: 100,
  height: 40,
  style: { fill: "#fff", stroke: "#000", strokeWidth: 1, radius: 4 },
  lines: [],
  ...over,
});
const line = (text: string, size = 10) => ({ text, size, fill: "#000" });

describe("wrapText", () => {
  it("keeps a text that fits on one line", () => {
    expect(wrapText("Ana Li", 60, font, measure)).toEqual(["Ana Li"]);
  });

  it("breaks at spaces, never wider than the box, nothing left out", () => {
    // each character is 6 px: 10 characters fit in 60 px
    const lines = wrapText("Operations manager for Europe", 60, font, measure);
    expect(lines).toEqual(["Operations", "manager", "for Europe"]);
    for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
  });

  it("cuts a word longer than the box into pieces that fit", () => {
    expect(wrapText("Abcdefghijklmnop", 60, font, measure)).toEqual(["Abcdefghij", "klmnop"]);
  });

  it("breaks Chinese between any two characters", () => {
    // 10 px a character: 4 fit in 40 px
    expect(wrapText("跨境电商运营经理", 40, font, measure)).toEqual(["跨境电商", "运营经理"]);
  });

  it("never starts a line with closing punctuation: a comma or bracket stays with what comes before it", () => {
    // six characters a line: "维护账号健康" fits, but would leave a line starting with "，"
    expect(wrapText("维护账号健康，避免违规", 60, font, measure)).toEqual(["维护账号健", "康，避免违规"]);
    expect(wrapText("如欧盟 VAT）合规", 60, font, measure)).toEqual(["如欧盟", "VAT）合规"]);
  });
});

describe("fitBoxes", () => {
  it("grows a box whose text needs more lines, and moves the rows below it down by as much", () => {
    const name = "A very long member name that cannot fit";
    const boxes = fitBoxes(
      [
        box({ id: "a", y: 0, lines: [line(name)] }),
        box({ id: "b", x: 120, y: 0, lines: [line("Bo")] }),
        box({ id: "c", y: 60, lines: [line("Cy")] }),
      ],
      measure,
    );
    const [a, b, c] = boxes;
    // 76 px of text width (100 - 2 × 12): 12 characters a line → 4 lines of 14 px + 20 px padding = 76
    expect(a.wrapped[0].parts).toEqual(["A very long", "member name", "that cannot", "fit"]);
    expect(a.height).toBe(76);
    expect(b.height).toBe(76); // the row grows as one
    expect(c.y).toBe(60 + 36);
    expect(c.height).toBe(40);
  });

  it("grows a box that spans rows (a department) by the growth of the rows inside it", () => {
    const boxes = fitBoxes(
      [
        box({ id: "dept", y: 50, height: 200 }),
        box({ id: "m1", y: 60, lines: [line("A very long member name that cannot fit")] }),
        box({ id: "m2", y: 110, lines: [line("Short")] }),
      ],
      measure,
    );
    expect(boxes[0].height).toBe(236);
    expect(boxes[2].y).toBe(146);
  });

  it("leaves boxes alone when their text fits", () => {
    const boxes = fitBoxes([box({ id: "a", lines: [line("Ok")] }), box({ id: "b", y: 60 })], measure);
    expect(boxes.map((b) => [b.y, b.height])).toEqual([
      [0, 40],
      [60, 40],
    ]);
  });
});

const input: PictureInput = {
  title: "Team org chart",
  details: [
    "Organisation: Acme & Co",
    "Operating model: Independent DTC site · Stage: Growth",
    "Made on 7 December 2026",
  ],
  boxes: [
    box({ id: "gm", x: 100, y: 0, width: 160, lines: [line("General manager", 14)] }),
    box({
      id: "r1",
      x: 0,
      y: 100,
      width: 120,
      lines: [line("Operations manager with a long name")],
      badge: { text: "Core", fill: "#dfd", color: "#030" },
    }),
    box({ id: "r2", x: 240, y: 100, width: 120, lines: [line("跨境电商运营经理，负责多个市场")] }),
  ],
  edges: [
    { source: "gm", target: "r1", kind: "reporting" },
    { source: "gm", target: "r2", kind: "reporting" },
    { source: "r1", target: "r2", kind: "collaboration" },
  ],
  edgeStyles: {
    reporting: { stroke: "#999", width: 1.5 },
    collaboration: { stroke: "#70f", width: 1.5, dash: [6, 4] },
    alsoHolds: { stroke: "#077", width: 1 },
    handOff: { stroke: "#e50", width: 2 },
  },
  legend: [{ heading: "Links", entries: [{ label: "Reporting line", swatch: { kind: "line", stroke: "#999" } }] }],
  fontFamily: "Inter, sans-serif",
};

function nodes(shapes: Shape[]): Extract<Shape, { kind: "group" }>[] {
  return shapes.filter((s): s is Extract<Shape, { kind: "group" }> => s.kind === "group" && s.role === "node");
}

describe("composePicture", () => {
  const picture = composePicture(input, measure);

  it("keeps every text of every box, in full, inside its box", () => {
    for (const node of nodes(picture.shapes)) {
      const [frame, ...rest] = node.children;
      if (frame.kind !== "rect") throw new Error("a node starts with its box");
      for (const text of rest.filter((s) => s.kind === "text")) {
        if (text.kind !== "text") continue;
        const width = measure(text.text, { size: text.size });
        const left = text.anchor === "middle" ? text.x - width / 2 : text.x;
        expect(left).toBeGreaterThanOrEqual(frame.x);
        expect(left + width).toBeLessThanOrEqual(frame.x + frame.width);
        expect(text.y).toBeLessThanOrEqual(frame.y + frame.height);
        expect(text.y - text.size).toBeGreaterThanOrEqual(frame.y);
      }
    }
    const all = pictureTexts(picture).join(" ");
    expect(all).toContain("Operations");
    expect(all.replace(/ /g, "")).toContain("跨境电商运营经理，负责多个市场");
  });

  it("puts the title block above the chart and the legend under it", () => {
    const texts = pictureTexts(picture);
    expect(texts.slice(0, 4)).toEqual(["Team org chart", ...input.details]);
    expect(texts.at(-1)).toBe("Reporting line");
    const title = picture.shapes.find((s) => s.kind === "group" && s.role === "title");
    const top = Math.min(...nodes(picture.shapes).map((n) => (n.children[0].kind === "rect" ? n.children[0].y : 0)));
    const lastTitle = title?.kind === "group" ? title.children.at(-1) : undefined;
    expect(lastTitle?.kind === "text" && lastTitle.y < top).toBe(true);
  });

  it("writes an SVG with every text escaped, the title and the legend", () => {
    const svg = pictureToSvg(picture);
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg).toContain("<title>Team org chart</title>");
    expect(svg).toContain("Organisation: Acme &amp; Co");
    expect(svg).toContain(">Reporting line</text>");
    expect(svg.match(/<g class="node"/g)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });
});

describe("pictureFileName", () => {
  it("names the file by its stem and the local date", () => {
    expect(pictureFileName("org-chart", new Date(2026, 4, 14, 23, 0), "svg")).toBe("org-chart-2026-05-14.svg");
  });
});
