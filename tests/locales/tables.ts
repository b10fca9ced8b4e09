/**
 * Every string table of the app, found rather than listed: each module under
 * app/locales (and the diagram's table) is loaded, and every exported
 * `{ en, zh }` pair (or the `en` / `zh` pair of en.ts and zh.ts) is a table.
 * The Chinese texts that live as data ({ zh, en } values in app/domain: the
 * playbook, vocabulary, scenario examples) are collected too, for the
 * punctuation check, and so are the texts the domain builds from parts (the
 * reasons of every recommendation).
 */
import { shippedPlaybook } from "../../app/domain/playbook";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { MODEL_IDS, STAGE_IDS } from "../../app/domain/types";

export type Tree = { [key: string]: string | Tree };
export interface Table {
  name: string;
  en: Tree;
  zh: Tree;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const locales = import.meta.glob<Record<string, unknown>>(
  ["../../app/locales/*.ts", "../../app/components/diagram/i18n.ts"],
  {
    eager: true,
  },
);

export const LOCALE_MODULES = Object.keys(locales);

export const TABLES: Table[] = Object.entries(locales).flatMap(([path, module]) => {
  const name = path.replace("../../app/", "");
  const pairs = Object.entries(module).flatMap(([exported, value]): Table[] =>
    isObject(value) && isObject(value.en) && isObject(value.zh)
      ? [{ name: `${name} ${exported}`, en: value.en as Tree, zh: value.zh as Tree }]
      : [],
  );
  if (isObject(module.en) && isObject(module.zh)) pairs.push({ name, en: module.en as Tree, zh: module.zh as Tree });
  return pairs;
});

// en.ts and zh.ts each export one half of the main table
const main = { en: locales["../../app/locales/en.ts"]?.en, zh: locales["../../app/locales/zh.ts"]?.zh };
if (isObject(main.en) && isObject(main.zh))
  TABLES.push({ name: "locales/en.ts + locales/zh.ts", en: main.en as Tree, zh: main.zh as Tree });

/** Leaf strings of a table, by dotted key. */
export function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") found.set(`${prefix}${key}`, value);
    else for (const [child, text] of leaves(value, `${prefix}${key}.`)) found.set(child, text);
  }
  return found;
}

const domain = import.meta.glob<Record<string, unknown>>("../../app/domain/*.ts", { eager: true });

/** Every `{ zh, en }` text held as data in app/domain (the playbook included), with where it was found. */
export function domainTexts(): { where: string; zh: string; en: string }[] {
  const found: { where: string; zh: string; en: string }[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, where: string) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.zh === "string" && typeof record.en === "string")
      found.push({ where, zh: record.zh, en: record.en });
    for (const [key, child] of Object.entries(record)) walk(child, `${where}.${key}`);
  };
  walk(shippedPlaybook, "playbook");
  // and the texts the domain builds from parts: every recommendation's reasons
  for (const model of MODEL_IDS) {
    for (const stage of STAGE_IDS)
      walk(recommendOrgChart(model, stage, shippedPlaybook), `recommendation(${model}, ${stage})`);
  }
  for (const [path, module] of Object.entries(domain)) walk(module, path.replace("../../app/", ""));
  return found;
}
