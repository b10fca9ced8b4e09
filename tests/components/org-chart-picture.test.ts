import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { orgChartPicture } from "~/components/diagram/pictures";
import { MIN_PICTURE_FONT, type Measure, type Picture, type Shape } from "~/domain/picture";
import { shippedPlaybook } from "~/domain/playbook";
import { recommendOrgChart } from "~/domain/recommendation";
import { i18nOptions } from "~/utils/i18n";

/** A fixed-width measure: 0.6 × size a Latin character, 1 × size a CJK one (as in tests/domain/picture.test.ts). */
const measure: Measure = (text, font) =>
  Array.from(text).reduce((sum, ch) => sum + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/u.test(ch) ? 1 : 0.6) * font.size, 0);

/** Half of a 1,920 px screen, and the smallest text a reader reads there without zooming. */
const HALF_SCREEN = 960;
const LEGIBLE = 10;

async function picture(
  lang: "en" | "zh",
  sideBySide: boolean,
  recommendation = recommendOrgChart("independent_site", "mature", shippedPlaybook),
): Promise<Picture> {
  const i18n = i18next.createInstance();
  await i18n.init(i18nOptions(lang));
  return orgChartPicture(
    {
      recommendation,
      lang,
      t: i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string,
      heading: { title: "Scenario B", details: ["Organisation: Acme", "Made on 7 December 2026"] },
      sideBySide,
    },
    measure,
    "sans-serif",
  );
}

const flat = (shapes: Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === "group" ? [s, ...flat(s.children)] : [s]));
const nodeFrames = (p: Picture) =>
  flat(p.shapes).flatMap((s) =>
    s.kind === "group" && s.role === "node" && s.children[0]?.kind === "rect" ? [{ id: s.id, ...s.children[0] }] : [],
  );

describe("a scenario's picture, to read side by side", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`puts the seven roles in two rows, and its smallest text reads at ${LEGIBLE} px on half a screen (${lang})`, async () => {
      const wide = await picture(lang, false);
      const narrow = await picture(lang, true);
      const texts = flat(narrow.shapes).filter((s) => s.kind === "text");
      const smallest = Math.min(...texts.map((s) => (s.kind === "text" ? s.size : Infinity)));
      expect(smallest).toBeGreaterThanOrEqual(MIN_PICTURE_FONT);
      expect((smallest * HALF_SCREEN) / narrow.width).toBeGreaterThanOrEqual(LEGIBLE);
      // the one-row picture does not: that is why the scenarios use the other
      expect((smallest * HALF_SCREEN) / wide.width).toBeLessThan(LEGIBLE);
      const roleTops = new Set(
        nodeFrames(narrow)
          .filter((f) => f.id !== "general_manager")
          .map((f) => f.y),
      );
      expect(roleTops.size).toBe(2);
      // the same words, only laid out differently
      const words = (p: Picture) =>
        flat(p.shapes)
          .flatMap((s) => (s.kind === "text" ? [s.text] : []))
          .join("")
          .replace(/\s/g, "");
      expect(words(narrow)).toBe(words(wide));
    });
  }

  it("runs no reporting line across a box: lines to the second row go down a gap of the first", async () => {
    const narrow = await picture("en", true);
    const frames = nodeFrames(narrow);
    const edges = narrow.shapes.find((s) => s.kind === "group" && s.role === "edges");
    if (edges?.kind !== "group") throw new Error("a picture has its edges");
    const reporting = edges.children.filter((s) => s.kind === "path" && s.d.includes(" L "));
    expect(reporting).toHaveLength(7);
    for (const line of reporting) {
      if (line.kind !== "path") continue;
      // M x,y L x,mid L x2,mid L x2,top: the last leg is vertical and ends on its target's top
      const points = line.d
        .replace(/[ML]/g, "")
        .trim()
        .split(/\s+/)
        .map((point) => point.split(",").map(Number));
      const [x, from] = points[2];
      const [, to] = points[3];
      const target = frames.find((f) => Math.abs(f.y - to) < 0.5 && x > f.x && x < f.x + f.width);
      expect(target).toBeDefined();
      const down = frames.filter(
        (f) => f !== target && x > f.x && x < f.x + f.width && f.y < to && f.y + f.height > from,
      );
      expect(down.map((f) => f.id)).toEqual([]);
      // the bus: the horizontal leg at `from`, from the GM's centre to the target's
      const [left, right] = [points[1][0], x].sort((a, b) => a - b);
      const along = frames.filter((f) => f.y < from && f.y + f.height > from && f.x < right && f.x + f.width > left);
      expect(along.map((f) => f.id)).toEqual([]);
    }
  });

  it("says a later role's skills are not required at this stage, never level 0 (en, zh)", async () => {
    const platformStartup = recommendOrgChart("platform", "startup", shippedPlaybook);
    expect(platformStartup.roles.find((r) => r.id === "compliance_risk")?.priority).toBe("later");
    for (const [lang, notRequired, levelZero] of [
      ["en", "Not required at this stage", /Level 0/],
      ["zh", "当前阶段不要求", /等级0/],
    ] as const) {
      const texts = flat((await picture(lang, true, platformStartup)).shapes)
        .flatMap((s) => (s.kind === "text" ? [s.text] : []))
        .join(" ");
      expect(texts).toContain(notRequired);
      expect(texts).not.toMatch(levelZero);
    }
  });
});
