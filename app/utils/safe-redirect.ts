/** Only printable ASCII without the backslash: tabs, line breaks, U+3000 and the like are refused, not cleaned. */
const PLAIN_PATH = /^[\x21-\x5b\x5d-\x7e]*$/;
const BASE = "http://same-site.invalid";

/**
 * A same-site path to go to after sign-in, a language switch and the like, or
 * `fallback`. The value must be a path ("/…"), not protocol-relative ("//…"),
 * and contain only printable ASCII without "\" (browsers drop tabs and line
 * breaks and read "\" as "/", which turned "/\t/evil.example" into another
 * site). It is then parsed as a URL against a placeholder origin and kept
 * only when the origin did not change; what comes back is the parsed path,
 * query and fragment, so it is always safe to put in a Location header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || !PLAIN_PATH.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
