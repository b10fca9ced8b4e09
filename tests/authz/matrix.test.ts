/**
 * The authorization matrix: every route of the app (from the Remix route
 * manifest) × every kind of actor → the expected answer. A route without an
 * entry fails the first test, so nobody adds a page without deciding who may
 * see it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appRoutes, fullPath } from "./route-manifest";
import { ACTORS, type ActorName, type Cast, makeCast, requestAs } from "./actors";
import { MATRIX, type Outcome } from "./expectations";

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

async function outcomeOf(
  handler: Handler,
  request: Request,
  params: Record<string, string>,
): Promise<{ outcome: Outcome; status: number }> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: { clientAddress: "127.0.0.1" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  const status =
    result instanceof Response
      ? result.status
      : result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit"
        ? ((result as { init: ResponseInit | null }).init?.status ?? 200)
        : 200;
  if (result instanceof Response && status >= 300 && status < 400) {
    const location = result.headers.get("Location") ?? "";
    if (location.startsWith("/login")) return { outcome: "signin", status };
  }
  if (status === 403) return { outcome: 403, status };
  if (status === 404) return { outcome: 404, status };
  if (status === 400) return { outcome: 400, status };
  return { outcome: status < 400 ? "ok" : "error", status };
}

describe("authorization matrix", () => {
  const routes = appRoutes();

  it("has an entry for every route of the app, and none for routes that are gone", () => {
    const ids = routes.map((route) => route.id).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(ids);
  });

  let cast: Cast;
  beforeAll(async () => {
    cast = await makeCast();
  });

  for (const route of routes) {
    const cases = MATRIX[route.id] ?? [];
    for (const testCase of cases) {
      describe(`${testCase.method} ${fullPath(route, routes)}${testCase.label ? ` (${testCase.label})` : ""}`, () => {
        for (const actor of ACTORS) {
          it(`${actor} → ${String(testCase.expect[actor])}`, async () => {
            // Writes get a cast of their own, so one actor's change cannot decide another's answer.
            const world = testCase.method === "POST" ? await makeCast() : cast;
            const module = (await import(`../../app/${route.file}`)) as { loader?: Handler; action?: Handler };
            // A page without a loader is static: it has nothing to protect.
            const handler = testCase.method === "GET" ? (module.loader ?? (() => null)) : module.action;
            expect(handler, `${route.id} has no action`).toBeTypeOf("function");
            const params = testCase.params?.(world) ?? {};
            const url = testCase.url(world);
            const request = await requestAs(world, actor, url, testCase.method, testCase.form?.(world));
            const { outcome, status } = await outcomeOf(handler!, request, params);
            expect({ outcome, status }).toMatchObject({ outcome: testCase.expect[actor] });
          });
        }
      });
    }
  }
});

export type { ActorName };
