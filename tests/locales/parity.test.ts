import { describe, expect, it } from "vitest";
import { resources } from "../../app/utils/i18n";
import { LOCALE_MODULES, leaves, TABLES, type Table, type Tree } from "./tables";

/**
 * zh and en say the same things: every key of one table exists in the other,
 * with the same interpolation variables, and every plural key has the forms
 * each language's plural rules ask for (i18next picks `_one` / `_other` by
 * Intl.PluralRules: English needs both, Chinese only `_other`).
 */

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const LANGUAGES = ["en", "zh"] as const;
const categoriesOf = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

/** `{{name}}` and `{{name, format}}` variables, and `$t(key)` nestings. */
function variablesOf(text: string): string[] {
  const variables = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]);
  const nested = [...text.matchAll(/\$t\(([^),]+)/g)].map((match) => `$t(${match[1]})`);
  return [...new Set([...variables, ...nested])].sort();
}

/** Keys with an `_other` form in either language: the others of their suffixes are plural forms too. */
function pluralBasesOf(table: Table): Set<string> {
  const keys = [...leaves(table.en).keys(), ...leaves(table.zh).keys()];
  return new Set(keys.filter((key) => key.endsWith("_other")).map((key) => key.slice(0, -"_other".length)));
}

/** key without its plural suffix → { plural forms present, variables used in any form } */
function shapeOf(tree: Tree, pluralBases: Set<string>) {
  const shape = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of leaves(tree)) {
    const match = PLURAL_SUFFIX.exec(key);
    const plural = match && pluralBases.has(key.slice(0, match.index)) ? match : null;
    const base = plural ? key.slice(0, plural.index) : key;
    const entry = shape.get(base) ?? { forms: new Set<string>(), variables: new Set<string>() };
    if (plural) entry.forms.add(plural[1]);
    for (const variable of variablesOf(text)) entry.variables.add(variable);
    shape.set(base, entry);
  }
  return shape;
}

describe("the string tables found", () => {
  it("include every module of app/locales and the diagram's table", () => {
    expect(LOCALE_MODULES.length).toBeGreaterThanOrEqual(10);
    for (const module of LOCALE_MODULES) {
      expect(
        TABLES.some((table) => table.name.startsWith(module.replace("../../app/", ""))) ||
          /\/(en|zh)\.ts$/.test(module),
        module,
      ).toBe(true);
    }
    expect(TABLES.map((table) => table.name)).toContain("locales/en.ts + locales/zh.ts");
  });

  it("are every table the app loads: each one sits in the i18next resources", () => {
    const loaded = (lang: "en" | "zh", tree: Tree) => {
      const translation = resources[lang].translation as unknown as Record<string, unknown>;
      // merged under one key (diagram, auth, …), or spread at the top (the main table)
      return (
        Object.values(translation).includes(tree) ||
        Object.entries(tree).every(([key, value]) => translation[key] === value)
      );
    };
    for (const table of TABLES) {
      expect(loaded("en", table.en), table.name).toBe(true);
      expect(loaded("zh", table.zh), table.name).toBe(true);
    }
  });
});

describe.each(TABLES.map((table) => [table.name, table] as [string, Table]))("%s", (_name, table) => {
  const pluralBases = pluralBasesOf(table);
  const shapes = { en: shapeOf(table.en, pluralBases), zh: shapeOf(table.zh, pluralBases) };

  it("has the same keys in zh and en", () => {
    const keys = (lang: "en" | "zh") => [...shapes[lang].keys()].sort();
    expect(keys("zh")).toEqual(keys("en"));
  });

  it("uses the same interpolation variables in zh and en", () => {
    const different = [...shapes.en].flatMap(([key, en]) => {
      const zh = shapes.zh.get(key);
      if (!zh) return [];
      const a = [...en.variables].sort().join(", ");
      const b = [...zh.variables].sort().join(", ");
      return a === b ? [] : [`${key}: en {${a}} zh {${b}}`];
    });
    expect(different).toEqual([]);
  });

  it("has every plural form each language needs, on the same keys", () => {
    const problems: string[] = [];
    const pluralKeys = new Set(
      LANGUAGES.flatMap((lang) => [...shapes[lang]].filter(([, shape]) => shape.forms.size > 0).map(([key]) => key)),
    );
    for (const key of pluralKeys) {
      for (const lang of LANGUAGES) {
        const shape = shapes[lang].get(key);
        const missing = categoriesOf(lang).filter((category) => !shape?.forms.has(category));
        if (missing.length) problems.push(`${lang} ${key}: no ${missing.map((category) => `_${category}`).join(", ")}`);
        const known = new Set([...categoriesOf("en"), ...categoriesOf("zh"), "zero"]);
        const stray = [...(shape?.forms ?? [])].filter((form) => !known.has(form));
        if (stray.length) problems.push(`${lang} ${key}: unknown form ${stray.join(", ")}`);
        if (shape && [...shape.forms].length > 0 && leaves(table[lang]).has(key))
          problems.push(`${lang} ${key}: both plain and plural`);
      }
    }
    expect(problems).toEqual([]);
  });
});
