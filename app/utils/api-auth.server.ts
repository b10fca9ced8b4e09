import type { ApiTokenScope } from "~/domain/permissions";
import { API_TOKEN_PATTERN, findUsableApiToken } from "~/models/api-token.server";

/**
 * Who is calling the API with a token. `Authorization: Bearer ctp_…` names
 * an organisation; no Authorization header (or another scheme, e.g. a proxy's
 * Basic auth) is an anonymous caller. A Bearer token that is malformed,
 * unknown or revoked is refused with a 401 rather than quietly served the
 * anonymous answer, so a caller notices a broken integration.
 */
export async function organisationFromBearer(
  request: Request,
  now = new Date(),
): Promise<{ organisationId: string; tokenId: string; scope: ApiTokenScope } | null> {
  const header = request.headers.get("Authorization");
  if (header === null) return null;
  const match = /^\s*Bearer(?:\s+(.*?))?\s*$/i.exec(header);
  if (!match) return null;
  const token = match[1] ?? "";
  if (!API_TOKEN_PATTERN.test(token)) throw invalidToken();
  const found = await findUsableApiToken(token, now);
  if (!found) throw invalidToken();
  return found;
}

/** RFC 6750: a 401 with a JSON body the caller can read and a WWW-Authenticate header. */
export function invalidToken(): Response {
  return Response.json(
    { error: "invalid_token", message: "The API token is malformed, unknown or revoked." },
    {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"', "Cache-Control": "no-store" },
    },
  );
}

/** RFC 6750: a 403 for a good token whose scope does not cover what it asked for. */
export function insufficientScope(needed: ApiTokenScope): Response {
  return Response.json(
    {
      error: "insufficient_scope",
      message: `This token may not read this. Make a token with the "${needed}" scope (Settings → API tokens).`,
      scope: needed,
    },
    {
      status: 403,
      headers: {
        "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${needed}"`,
        "Cache-Control": "no-store",
      },
    },
  );
}
