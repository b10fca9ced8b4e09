import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui } from "~/components/ui";
import type { OwnershipFlag } from "~/domain/ownership-checks";
import type { RaciLetter } from "~/domain/process-steps";
import type { Language, Localized, RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { ownershipStrings } from "~/locales/ownership";

type Page = keyof (typeof ownershipStrings)["en"]["meta"];

/** The document title of an ownership page in the reader's language; `name` (a step) goes first. */
export function ownershipTitle(lang: unknown, page: Page | null, name?: string): string {
  const strings = lang === "en" ? ownershipStrings.en : ownershipStrings.zh;
  return [name, page ? strings.meta[page] : null, strings.title]
    .filter((part): part is string => Boolean(part))
    .join(" — ");
}

export function ownershipMeta(page: Page | null): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined;
    return [{ title: ownershipTitle(root?.lang, page) }];
  };
}

/** Refusals (403), unknown steps (404) and failures, shown inside the ownership layout. */
export function OwnershipErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "forbidden" : status === 404 ? "notFound" : "generic";
  return (
    <section className={ui.card} aria-labelledby="ownership-error-title">
      <h2 id="ownership-error-title" className={ui.h2}>
        {t(`ownership.errorPage.${key}.title`)}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{t(`ownership.errorPage.${key}.text`)}</p>
      <p className="mt-4 text-sm">
        <Link to="/ownership" className={ui.link}>
          {t("ownership.errorPage.back")}
        </Link>
      </p>
    </section>
  );
}

/** Letters are told apart by text and colour, never by colour alone. */
export const LETTER_STYLES: Record<RaciLetter, string> = {
  A: "bg-amber-100 text-amber-900 ring-amber-600/30",
  AR: "bg-orange-100 text-orange-900 ring-orange-600/30",
  R: "bg-indigo-100 text-indigo-900 ring-indigo-600/30",
  C: "bg-slate-100 text-slate-700 ring-slate-500/20",
  I: "bg-white text-slate-500 ring-slate-300",
};

export function LetterBadge({ letter }: { letter: RaciLetter | null }) {
  const { t } = useTranslation();
  if (!letter)
    return (
      <span className="text-slate-400" title={t("ownership.letterNames.none")}>
        {t("ownership.letters.none")}
      </span>
    );
  return (
    <abbr
      title={t(`ownership.letterNames.${letter}`)}
      className={`inline-flex min-w-8 justify-center rounded px-1.5 py-0.5 text-xs font-semibold no-underline ring-1 ring-inset ${LETTER_STYLES[letter]}`}
    >
      {t(`ownership.letters.${letter}`)}
    </abbr>
  );
}

export type RoleLabels = Record<RoleId, Localized>;

/** A flag in words, with the role names it concerns. */
export function useFlagText(roleLabels: RoleLabels, lang: Language) {
  const { t } = useTranslation();
  return (flag: OwnershipFlag) =>
    "roles" in flag
      ? t(`ownership.flags.${flag.code}`, {
          roles: flag.roles.map((roleId) => localize(roleLabels[roleId], lang)).join(lang === "zh" ? "、" : ", "),
        })
      : t(`ownership.flags.${flag.code}`);
}
