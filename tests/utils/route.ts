/**
 * Calls a Remix loader or action as the framework would, and unwraps what it
 * returned: a Response, a `data()` value or a plain object.
 */
type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

export interface RouteResult<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
}

export async function callRoute<T = unknown>(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteResult<T>> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: {} });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    const body = type.includes("json") ? await result.json() : await result.text();
    return { status: result.status, headers: result.headers, data: body as T };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const wrapped = result as { data: T; init: ResponseInit | null };
    return { status: wrapped.init?.status ?? 200, headers: new Headers(wrapped.init?.headers), data: wrapped.data };
  }
  return { status: 200, headers: new Headers(), data: result as T };
}

export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers });
}

export function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}
