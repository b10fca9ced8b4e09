/**
 * A member's markets and languages are stored as a JSON array of strings in
 * one text column. The one reader and writer of that format, shared by the
 * member reads, the CSV import and the import's worker thread (which cannot
 * import modules that use Prisma). Pure.
 */

/** The strings of a stored list; anything else (not JSON, not an array, non-strings) reads as empty or is skipped. */
export function parseStringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** A list as it is stored. */
export function storedStringList(values: readonly string[]): string {
  return JSON.stringify(values);
}
