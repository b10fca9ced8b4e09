/**
 * The driver adapter that `prisma migrate` uses on PostgreSQL (prisma.postgresql.config.ts), and only it:
 * the app's queries go through the stock `PrismaPg` (app/utils/db.server.ts). Decision 0024.
 *
 * The stock `@prisma/adapter-pg` 6.19.3 cannot migrate (prisma/orm#27403); three fixes, all outside the
 * adapter's own code:
 * - the schema engine reads the catalog, whose `name` and `"char"` columns the adapter refuses to decode
 *   ("Column type 'name' could not be deserialized"): each pooled connection reports them as `text`
 *   (their values are strings either way);
 * - `executeScript` splits a script on every `;` and runs the pieces outside a transaction, so a failing
 *   migration left half of itself behind: here the whole script goes in one `BEGIN … COMMIT`, as one
 *   simple-protocol query (a `;` inside a literal is the server's business), and a failure rolls it back;
 * - the shadow database (`migrate diff --from-migrations`, `migrate dev`) was opened with the main URL's
 *   connection string, which wins over `database`, so it was the main database: here it gets fields.
 * The adapter's version is pinned exactly in package.json: check these three after any upgrade.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";

const OID = { char: 18, name: 19, text: 25 } as const;

type Field = { dataTypeID: number };
type Result = { fields?: Field[] };

function catalogAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? (result as Result[]) : [result as Result]) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === OID.name || field.dataTypeID === OID.char) field.dataTypeID = OID.text;
    }
  }
  return result;
}

type Callback = (error: Error | null, result: unknown) => void;

/** Every result of this connection reports `name` and `"char"` columns as `text`. */
function reportCatalogAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof (config as { submit?: unknown }).submit === "function") return query(config, values, callback);
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return query(config, values, ((error, result) =>
        (callback as Callback)(error, error ? result : catalogAsText(result))) satisfies Callback);
    }
    return (query(config, values) as Promise<unknown>).then(catalogAsText);
  };
}

/** The URL's connection fields, so that one of them (the database) can be changed. */
export function connectionFields(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`not a PostgreSQL URL: ${parsed.protocol}`);
  const fields: pg.PoolConfig = {
    host: decodeURIComponent(parsed.hostname) || undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
  };
  const host = parsed.searchParams.get("host"); // a Unix socket folder: ?host=/var/run/postgresql
  if (host) fields.host = host;
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode && sslmode !== "disable") fields.ssl = sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  return fields;
}

function pool(fields: pg.PoolConfig): pg.Pool {
  const created = new pg.Pool({ ...fields, max: 2 });
  created.on("connect", reportCatalogAsText);
  return created;
}

/** PostgreSQL's error as Prisma reports it (code and message), as the stock adapter does. */
function asAdapterError(error: unknown): unknown {
  const e = error as Partial<pg.DatabaseError>;
  if (typeof e?.code !== "string" || typeof e.message !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

async function adapterOver(fields: pg.PoolConfig, dispose?: () => Promise<void>) {
  const connections = pool(fields);
  const adapter = await new PrismaPg(connections, { disposeExternalPool: true }).connect();
  adapter.executeScript = async (script: string) => {
    const client = await connections.connect();
    try {
      await client.query("BEGIN");
      await client.query(script);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw asAdapterError(error);
    } finally {
      client.release();
    }
  };
  if (dispose) {
    const disposeAdapter = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await disposeAdapter();
      await dispose();
    };
  }
  return adapter;
}

export function migrationAdapter(url: string) {
  const fields = connectionFields(url);
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => adapterOver(fields),
    connectToShadowDb: async () => {
      const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(fields);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      await admin.end();
      return adapterOver({ ...fields, database }, async () => {
        const drop = new pg.Client(fields);
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await drop.end();
      });
    },
  };
}
