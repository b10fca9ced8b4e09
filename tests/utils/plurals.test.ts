import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, resources } from "~/utils/i18n";

/**
 * "1 open seats", "1 roles added": every English string that puts a number
 * before a countable noun must go through i18next's plural rules (_one /
 * _other). Each key is rendered with every placeholder set to 1 (and
 * count = 1) and must not read "1 <plural noun>".
 */
const PLURAL_NOUNS =
  "members|seats|roles|items|gaps|problems|skills|levels|holders|entries|positions|steps|people|days|hours|weeks|months|plans|assessments|hires|changes|decisions|conflicts|tokens|users|invites|scenarios";
// (a range such as "1–1 people" is not a single number)
const ONE_THEN_PLURAL = new RegExp(`(?<![–\\d-])\\b1\\s+(?:[a-z-]+\\s+)?(?:${PLURAL_NOUNS})\\b`, "i");

/** Limits written into messages; they are constants well above 1. */
const CONSTANT_LIMITS = new Set([
  "teamData.codes.too_many_rows",
  "teamData.codes.too_long",
  "teamData.codes.list_too_many",
]);

function keysOf(tree: Record<string, unknown>, prefix = ""): string[] {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.add(path.replace(/_(zero|one|two|few|many|other)$/, ""));
    else if (value && typeof value === "object")
      for (const k of keysOf(value as Record<string, unknown>, path)) out.add(k);
  }
  return [...out];
}

function placeholders(tree: Record<string, unknown>, key: string): string[] {
  const parts = key.split(".");
  const last = parts.pop() as string;
  let node: unknown = tree;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  const strings = Object.entries(node as Record<string, unknown>)
    .filter(([k]) => k === last || k.startsWith(`${last}_`))
    .map(([, v]) => String(v));
  return [...new Set(strings.flatMap((s) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])))];
}

describe("English plurals", () => {
  it("no string reads '1 <plural noun>' when its numbers are 1", async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions("en"));
    const tree = resources.en.translation as unknown as Record<string, unknown>;
    const wrong: string[] = [];
    for (const key of keysOf(tree)) {
      if (CONSTANT_LIMITS.has(key)) continue;
      const names = placeholders(tree, key);
      if (names.length === 0) continue;
      const values = Object.fromEntries(names.map((n) => [n, 1]));
      const text = i18n.t(key, { ...values, count: 1 });
      if (ONE_THEN_PLURAL.test(text)) wrong.push(`${key}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it("uses the singular and plural forms where they were missing", async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions("en"));
    expect(i18n.t("hiring.scenarios.countAdded", { count: 1 })).toBe("1 role added");
    expect(i18n.t("hiring.scenarios.countAdded", { count: 2 })).toBe("2 roles added");
    expect(i18n.t("insights.chart.gm.seats", { count: 1 })).toBe("1 open seat");
    expect(i18n.t("planner.countCore", { count: 1 })).toBe("1 core role");
  });
});
