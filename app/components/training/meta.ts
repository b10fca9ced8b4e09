import type { MetaFunction } from "@remix-run/node";
import { trainingStrings } from "~/locales/training";

type Strings = (typeof trainingStrings)["en"];

/** The document title of a training page in the reader's language (meta runs outside React, so no t()). */
export function trainingTitle(lang: unknown, pick: (strings: Strings) => string, name?: string): string {
  const strings = lang === "en" ? trainingStrings.en : trainingStrings.zh;
  return [name, pick(strings), strings.page.metaTitle].filter((part, i, all): part is string => Boolean(part) && all.indexOf(part) === i).join(" — ");
}

export function langOf(matches: readonly { id: string; data?: unknown }[]): unknown {
  return (matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined)?.lang;
}

export function trainingMeta(pick: (strings: Strings) => string): MetaFunction {
  return ({ matches }) => [{ title: trainingTitle(langOf(matches), pick) }];
}
