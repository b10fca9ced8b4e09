import pg from "pg";

/**
 * The PostgreSQL side of the test databases (`npm run test:pg`, decision 0024): the server is
 * TEST_POSTGRES_URL (an account that may create databases; its database is only used to connect);
 * a run migrates one template database, and each test file gets a copy of it.
 */
export const TEST_POSTGRES_URL_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.TEST_DATABASE !== "postgresql") return null;
  return env.TEST_POSTGRES_URL?.trim() || TEST_POSTGRES_URL_DEFAULT;
}

/** The same server, another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Database names are made by the tests: letters, digits and underscores only. */
export function quoted(database: string): string {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`unexpected database name ${database}`);
  return `"${database}"`;
}

/** A new database copied from `template` (no one may be connected to the template meanwhile). */
export async function createDatabaseFrom(serverUrl: string, database: string, template?: string): Promise<string> {
  await withAdmin(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoted(database)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`),
  );
  return databaseUrlFor(serverUrl, database);
}

/** Drops every database whose name starts with `prefix`, closing whatever is still connected. */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  });
}
