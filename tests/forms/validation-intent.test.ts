/**
 * No write without an explicit submit, anywhere (issue 11, decision 0009).
 *
 * Every route of the app that has an action (from the Remix route manifest,
 * so a new one is covered without being listed) gets the plausible bodies of
 * its POST cases in the authorization matrix, plus conform's validation
 * request (`__intent__` of type "validate", as a blur sends it), as a
 * signed-in admin. Every row of every table must be the same afterwards, and
 * nothing may answer 5xx.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import { type Cast, makeCast, requestAs } from "../authz/actors";
import { MATRIX } from "../authz/expectations";
import { appRoutes, fullPath } from "../authz/route-manifest";

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

/** Every row of every table, as text: equal snapshots mean nothing was inserted, changed or deleted. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY rowid`);
    result[name] = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  }
  return result;
}

async function statusOf(handler: Handler, request: Request, params: Record<string, string>): Promise<number> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: { clientAddress: "127.0.0.1" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    return (result as { init: ResponseInit | null }).init?.status ?? 200;
  }
  return 200;
}

const validateIntent = (name: string | undefined) =>
  JSON.stringify({ type: "validate", payload: name === undefined ? {} : { name } });

describe("conform's validation request writes nothing, on any route", () => {
  const routes = appRoutes();
  let withActions: { id: string; file: string; path: string }[] = [];

  beforeAll(async () => {
    withActions = [];
    for (const route of routes) {
      const module = (await import(`../../app/${route.file}`)) as { action?: Handler };
      if (typeof module.action === "function")
        withActions.push({ id: route.id, file: route.file, path: fullPath(route, routes) });
    }
  }, 120_000);

  it("finds the app's actions, and a plausible body for each in the matrix", () => {
    expect(withActions.length).toBeGreaterThanOrEqual(20);
    const without = withActions.filter(
      (route) => !(MATRIX[route.id] ?? []).some((testCase) => testCase.method === "POST"),
    );
    expect(without.map((route) => route.id)).toEqual([]);
  });

  let cast: Cast;
  beforeAll(async () => {
    cast = await makeCast();
  }, 60_000);

  for (const route of appRoutes()) {
    for (const testCase of (MATRIX[route.id] ?? []).filter((candidate) => candidate.method === "POST")) {
      it(`${route.id}${testCase.label ? ` (${testCase.label})` : ""}: a validation request as admin changes no row`, async () => {
        const module = (await import(`../../app/${route.file}`)) as { action?: Handler };
        const form = testCase.form?.(cast) ?? {};
        const before = await snapshot();
        // once for the whole form, once for one field (what a blur sends)
        for (const name of [undefined, Object.keys(form)[0]]) {
          const request = await requestAs(cast, "admin", testCase.url(cast), "POST", {
            ...form,
            __intent__: validateIntent(name),
          });
          const status = await statusOf(module.action!, request, testCase.params?.(cast) ?? {});
          expect(status, `${route.id} answered ${status}`).toBeLessThan(500);
        }
        expect(await snapshot()).toEqual(before);
      });
    }
  }
});
