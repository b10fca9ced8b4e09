import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useChangeLanguage } from "remix-i18next/react";
import { useTranslation } from "react-i18next";
import { AppShell } from "~/components/AppShell";
import { DemoBanner } from "~/components/DemoBanner";
import { useNonce } from "~/components/Nonce";
import { permissionsOf } from "~/domain/permissions";
import { unreadCount } from "~/models/notify.server";
import { getSignedIn } from "~/utils/auth.server";
import { fallbackLanguage, htmlLang, isLanguage } from "~/utils/i18n";
import { languageFor } from "~/utils/i18n.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** server/app.mjs says whether demo accounts are on and reachable beyond this machine. */
function demoExposed(context: unknown): boolean {
  return (context as { demo?: { exposed?: unknown } } | undefined)?.demo?.exposed === true;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [lang, signedIn] = await Promise.all([languageFor(request), getSignedIn(request, context)]);
  const unread = signedIn ? await unreadCount(signedIn.user.id) : 0;
  // What the header needs, and what the UI may offer (the server checks again).
  const viewer = signedIn
    ? {
        name: signedIn.user.name,
        kind: signedIn.actor.kind,
        organisationName: signedIn.organisation.name,
        permissions: permissionsOf(signedIn.actor),
        unread,
      }
    : null;
  return { lang, viewer, demoExposed: demoExposed(context) };
}

export type Viewer = NonNullable<Awaited<ReturnType<typeof loader>>["viewer"]>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  // Without loader data (an error page) the i18n instance still knows the language the request asked for.
  const lang = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  const viewer = data?.viewer ?? null;
  const nonce = useNonce();
  useChangeLanguage(lang);
  return (
    <html lang={htmlLang(lang)} data-lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans">
        {data?.demoExposed ? <DemoBanner /> : null}
        <AppShell lang={lang} viewer={viewer}>
          {children}
        </AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (isRouteErrorResponse(error) && error.status === 429) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-6 py-16">
        <h1 className="text-2xl font-semibold">{t("security.rateLimited.title")}</h1>
        <p className="mt-3 text-slate-600">{t("security.rateLimited.text")}</p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-2xl font-semibold">{notFound ? t("errors.notFoundTitle") : t("errors.genericTitle")}</h1>
      <p className="mt-3 text-slate-600">{notFound ? t("errors.notFoundText") : t("errors.genericText")}</p>
      <a className="mt-6 inline-block text-indigo-700 underline" href="/planner">
        {t("errors.backToPlanner")}
      </a>
    </main>
  );
}
