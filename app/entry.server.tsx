import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance, type i18n } from "i18next";
import { isbot } from "isbot";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { nonceFromContext, NonceProvider } from "~/components/Nonce";
import type { Language } from "~/domain/types";
import { i18nOptions } from "~/utils/i18n";
import { memoizeTranslations } from "~/utils/i18n-memo.server";
import { renderHtmlStream } from "~/utils/html-stream.server";
import { languageFor } from "~/utils/i18n.server";

const ABORT_DELAY = 5_000;

/**
 * One i18next instance per language, made once and shared by every request:
 * rendering never changes an instance's language (that happens only in the
 * browser), and creating one per request cost ~20 ms of every page.
 */
const instances = new Map<Language, Promise<i18n>>();
function i18nFor(language: Language): Promise<i18n> {
  let instance = instances.get(language);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init(i18nOptions(language))
      .then(() => {
        // resources are fixed once loaded: the same call gives the same string (decision 0020)
        memoizeTranslations(created);
        return created;
      })
      .catch((error: unknown) => {
        instances.delete(language);
        throw error;
      });
    instances.set(language, instance);
  }
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // the Content-Security-Policy nonce of this request (server/app.mjs): on every inline script
  const nonce = nonceFromContext(loadContext);
  const instance = await i18nFor(await languageFor(request));
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ABORT_DELAY);

  const body = await renderHtmlStream(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
    {
      nonce,
      // Bots get the whole document at once; people get it streamed.
      waitForAll: isbot(request.headers.get("user-agent") ?? ""),
      signal: timeout.signal,
      onError(error, afterShell) {
        responseStatusCode = 500;
        // Errors after the shell are logged here; before it, the render rejects.
        if (afterShell) console.error(error);
      },
    },
  ).catch((error: unknown) => {
    clearTimeout(timer);
    throw error;
  });
  const stopTimer = () => clearTimeout(timer);
  body.allReady.then(stopTimer, stopTimer);

  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/** Unknown addresses are the 404 page's business, not errors worth a stack trace. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  console.error(error);
}
export { startBackgroundJobs } from "~/utils/background.server";
