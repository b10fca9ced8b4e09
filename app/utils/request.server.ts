/**
 * The client's address, as the app's own server saw the socket (server.mjs
 * puts it in the load context). Forwarded headers are trusted only behind a
 * proxy that sets them (`TRUST_PROXY=1`), since anyone can send them.
 */
export function clientAddress(request: Request, context: unknown): string | null {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const fromContext = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof fromContext === "string" ? fromContext : null;
}
