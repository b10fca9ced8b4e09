import { createContext, useContext } from "react";

/**
 * The request's Content-Security-Policy nonce (server/app.mjs makes one per
 * request). The server renders it on Remix's inline scripts; in the browser
 * it is "" (browsers hide a nonce from the page once the policy applied it).
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/** The nonce server/app.mjs put in the load context, if it is a plausible one. */
export function nonceFromContext(context: unknown): string | undefined {
  const value = (context as { cspNonce?: unknown } | undefined)?.cspNonce;
  return typeof value === "string" && /^[A-Za-z0-9+/=]{16,64}$/.test(value) ? value : undefined;
}
