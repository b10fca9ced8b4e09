import { describe, expect, it } from "vitest";
import { domainTexts, leaves, TABLES } from "./tables";

/**
 * Chinese text uses Chinese punctuation: full-width ：；？（），！ next to
 * Chinese characters, and no space between a Chinese character and an
 * inserted value ("由{{name}}负责", not "由 {{name}} 负责"). Checked over
 * every zh string of every table and every zh text held as data.
 */

const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const HALF_WIDTH = ":;?()!,";
const INSERT = "\\{\\{[^}]+\\}\\}";

/** What is wrong with one zh string, each problem with a little of its context. */
export function chinesePunctuationProblems(text: string): string[] {
  const problems: string[] = [];
  const around = (index: number) => text.slice(Math.max(0, index - 6), index + 7);
  // a half-width mark with a Chinese character (or full-width mark) on either side, a space allowed between
  const halfWidth = new RegExp(`(?<=[${CJK}] ?)[${HALF_WIDTH}]|[${HALF_WIDTH}](?= ?[${CJK}])`, "gu");
  for (const match of text.matchAll(halfWidth)) problems.push(`half-width "${match[0]}" in "${around(match.index)}"`);
  // an inserted value set apart by spaces from the Chinese around it
  const spaced = new RegExp(`[${CJK}] +${INSERT}|${INSERT} +[${CJK}]`, "gu");
  for (const match of text.matchAll(spaced)) problems.push(`space around an inserted value in "${match[0]}"`);
  return problems;
}

describe("the check itself", () => {
  it.each([
    ["交接: 采购", ['half-width ":"']],
    ["（例如 API）? 好", ['half-width "?"']],
    ["由 {{name}} 负责", ["space around"]],
    ["{{count}} 个核心岗位", ["space around"]],
    ["核心岗位 (可选)", ['half-width "("', 'half-width ")"']],
  ])("finds what is wrong in %s", (text, expected) => {
    const problems = chinesePunctuationProblems(text);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(problems[index]).toContain(start));
  });

  it.each([
    "交接：{{from}} → {{to}}",
    "由{{name}}负责",
    "API（JSON）",
    "{{min}}–{{max}}人",
    "{{count}}/3",
    "Amazon, eBay",
    "1. 打开",
  ])("lets correct text through: %s", (text) => expect(chinesePunctuationProblems(text)).toEqual([]));
});

describe.each(TABLES.map((table) => [table.name, table] as const))("zh strings of %s", (_name, table) => {
  it("use full-width punctuation and no spaces around inserted values", () => {
    const problems = [...leaves(table.zh)].flatMap(([key, text]) =>
      chinesePunctuationProblems(text).map((problem) => `${key}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});

describe("zh texts held as data (playbook, vocabulary, examples) and built by the domain (recommendation reasons)", () => {
  const texts = domainTexts();

  it("are found", () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  it("use full-width punctuation", () => {
    const problems = texts.flatMap(({ where, zh }) =>
      chinesePunctuationProblems(zh).map((problem) => `${where}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
