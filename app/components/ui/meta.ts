import type { MetaFunction } from "@remix-run/node";
import type { Language } from "~/domain/types";

/** The reader's language from the root route's data (meta runs outside React, so no t()). */
export function langOfMatches(matches: readonly { id: string; data?: unknown }[]): Language {
  const lang = (matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined)?.lang;
  return lang === "en" ? "en" : "zh";
}

/** A document title from its parts, most specific first: empty parts and repeats are left out. */
export function pageTitle(parts: readonly (string | null | undefined)[]): string {
  return [...new Set(parts.filter((part): part is string => Boolean(part)))].join(" — ");
}

/**
 * A route's meta export: the title's parts in the reader's language, from the
 * route's own data when it has some (a member's name first, say).
 */
export function titleMeta<Loader = unknown>(
  parts: (lang: Language, data: Parameters<MetaFunction<Loader>>[0]["data"]) => readonly (string | null | undefined)[],
): MetaFunction<Loader> {
  return ({ data, matches }) => [{ title: pageTitle(parts(langOfMatches(matches), data)) }];
}
