import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "~/domain/types";
import type { loader as RootLoader } from "~/root";
import { fallbackLanguage } from "~/utils/i18n";

/** The reader's language, as the root loader decided it. */
export function useLang(): Language {
  const root = useRouteLoaderData<typeof RootLoader>("root");
  return root?.lang ?? fallbackLanguage;
}
