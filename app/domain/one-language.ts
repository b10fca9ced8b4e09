import type { Language, Localized } from "./types";
import { localize } from "./vocabulary";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isLocalized(value: Record<string, unknown>): value is Record<string, unknown> & Localized {
  const keys = Object.keys(value);
  return (
    keys.length === 2 && "zh" in value && "en" in value && typeof value.zh === "string" && typeof value.en === "string"
  );
}

/**
 * A copy of a loader's payload in which every `{ zh, en }` text holds the
 * reader's text in both fields (what `localize` gives: the other language
 * when the reader's is empty). Every component keeps calling
 * `localize(text, lang)` and gets the same string; the page's data no longer
 * carries the other language: turbo-stream writes a repeated string once and
 * the second field as a reference to it. The shapes and types are unchanged;
 * the input is not modified (the playbook is shared between requests).
 */
export function inOneLanguage<T>(value: T, lang: Language): T {
  return walk(value, lang) as T;
}

function walk(value: unknown, lang: Language): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, lang));
  if (!isPlainObject(value)) return value;
  if (isLocalized(value)) {
    const text = localize(value, lang);
    return { zh: text, en: text };
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = walk(value[key], lang);
  return copy;
}
