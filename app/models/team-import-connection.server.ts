import Database from "better-sqlite3";
import pg from "pg";

/**
 * The import worker's own connection to the app's database (team-import-job.server.ts), for
 * either database (decision 0024). The job's SQL is written once, with `?` placeholders and
 * quoted identifiers, and runs on both.
 *
 * `write` transactions keep every other writer of the organisation's team out until they end:
 * - SQLite: `BEGIN IMMEDIATE` takes the file's one write lock;
 * - PostgreSQL: the organisation's `TeamRevision` row is locked (`FOR UPDATE`). Every write to its
 *   members, their roles and assessments raises that row through the triggers of decision 0017,
 *   so each such writer, on any app server, waits for this transaction to end.
 */
export type ImportDatabase = { provider: "sqlite"; file: string } | { provider: "postgresql"; url: string };

export interface ImportConnection {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** `read`: one consistent snapshot; `write`: as above, for the organisation */
  transaction<T>(mode: "read" | "write", organisationId: string, work: () => Promise<T>): Promise<T>;
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

/** Milliseconds the SQLite connection waits for another writer's lock (the app's own, db.server.ts). */
const BUSY_TIMEOUT_MS = 5_000;

function sqliteConnection(file: string): ImportConnection {
  const conn = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // a statement is prepared once per job: the writes run one per row
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = conn.prepare(sql)));
    return found;
  };
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => statement(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => statement(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => {
      statement(sql).run(...params);
    },
    transaction: async (mode, _organisationId, work) => {
      conn.exec(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN");
      try {
        const result = await work();
        conn.exec("COMMIT");
        return result;
      } catch (error) {
        if (conn.inTransaction) conn.exec("ROLLBACK");
        throw error;
      }
    },
    isUniqueViolation: (error) => {
      const code = (error as { code?: unknown } | null)?.code;
      return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
    },
    close: async () => {
      conn.close();
    },
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (the job's SQL has no `?` inside a literal). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const TIMESTAMP_OID = 1114;

async function postgresConnection(url: string): Promise<ImportConnection> {
  const client = new pg.Client({
    connectionString: url,
    // Prisma keeps DateTime in `timestamp(3)` as UTC; pg would read it in the process's time zone
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_OID
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  const query = (sql: string, params: readonly unknown[] = []) => client.query(numberedPlaceholders(sql), [...params]);
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => {
      await query(sql, params);
    },
    transaction: async (mode, organisationId, work) => {
      await client.query(mode === "write" ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        if (mode === "write") {
          await query(`INSERT INTO "TeamRevision" ("organisationId") VALUES (?) ON CONFLICT DO NOTHING`, [
            organisationId,
          ]);
          await query(`SELECT "team" FROM "TeamRevision" WHERE "organisationId" = ? FOR UPDATE`, [organisationId]);
        }
        const result = await work();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === "23505",
    close: () => client.end(),
  };
}

export function openImportConnection(database: ImportDatabase): Promise<ImportConnection> {
  return database.provider === "postgresql"
    ? postgresConnection(database.url)
    : Promise.resolve(sqliteConnection(database.file));
}
