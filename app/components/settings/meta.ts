import type { MetaFunction } from "@remix-run/node";
import { adminStrings } from "~/locales/admin";

/** The document title of a settings page in the reader's language (meta runs outside React, so no t()). */
export function settingsMeta(page?: keyof (typeof adminStrings)["en"]["tabs"]): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined;
    const strings = root?.lang === "en" ? adminStrings.en : adminStrings.zh;
    return [{ title: page ? `${strings.tabs[page]} — ${strings.title}` : strings.title }];
  };
}
