import type { i18n } from "i18next";

/**
 * Server rendering translates the same few hundred strings on every page
 * (the header's menu, the chart's labels, the levels' names), and i18next
 * resolves each call afresh: key lookup through the fallbacks, interpolation,
 * nesting. On the server the resources never change after start-up, so an
 * answer is a pure function of the key and the options (language and
 * namespace included: `getFixedT` puts them into the options), and the shared
 * instances of entry.server.tsx can keep it. Decision 0020, third pass.
 *
 * Only calls whose options are plain values (strings, numbers, booleans,
 * null, lists of strings) are kept; anything else (objects, `returnObjects`)
 * goes to i18next every time. At `limit` answers the store starts again.
 */
export function memoizeTranslations(instance: i18n, limit = 5_000): { hits: number; misses: number } {
  const stats = { hits: 0, misses: 0 };
  const original = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const kept = new Map<string, unknown>();
  const memoized = (...args: unknown[]) => {
    const id = cacheKey(args);
    if (id === null) return original(...args);
    if (kept.has(id)) {
      stats.hits += 1;
      return kept.get(id);
    }
    stats.misses += 1;
    const answer = original(...args);
    if (typeof answer !== "string") return answer;
    if (kept.size >= limit) kept.clear();
    kept.set(id, answer);
    return answer;
  };
  (instance as unknown as { t: typeof memoized }).t = memoized;
  return stats;
}

function isPlain(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return true;
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** The store's key for a call, or null when the call is not one to keep. */
function cacheKey(args: unknown[]): string | null {
  if (args.length > 2) return null;
  const [key, options] = args;
  if (typeof key !== "string" && !(Array.isArray(key) && key.every((item) => typeof item === "string"))) return null;
  if (options === undefined) return JSON.stringify(key);
  if (typeof options !== "object" || options === null || Array.isArray(options)) return null;
  const record = options as Record<string, unknown>;
  if (record.returnObjects) return null;
  for (const name in record) if (!isPlain(record[name])) return null;
  return `${JSON.stringify(key)}\u0000${JSON.stringify(record)}`;
}
