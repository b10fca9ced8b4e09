import type { MetaFunction } from "@remix-run/node";
import { teamMembersStrings } from "~/locales/team-members";

type Page = keyof (typeof teamMembersStrings)["en"]["meta"];

/**
 * The document title of a team page in the reader's language (meta runs
 * outside React, so no t()). `name` puts a member's name first.
 */
export function teamTitle(lang: unknown, page: Page | null, name?: string): string {
  const strings = lang === "en" ? teamMembersStrings.en : teamMembersStrings.zh;
  const parts = [name, page ? strings.meta[page] : null, strings.title].filter((part): part is string => Boolean(part));
  return [...new Set(parts)].join(" — ");
}

export function teamMeta(page: Page | null): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined;
    return [{ title: teamTitle(root?.lang, page) }];
  };
}
