import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { databaseProvider, databaseUrl, ensureDatabaseFolder } from "./database-url";

/** Milliseconds a writer waits for SQLite's lock before failing (STACK.md). */
const BUSY_TIMEOUT_MS = 5_000;
/** How long a transaction may wait for its turn, and how long it may then run. */
const TRANSACTION_WAIT_MS = 15_000;
const TRANSACTION_TIMEOUT_MS = 30_000;

type AdapterFactory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
interface SqliteHandle {
  prepare(sql: string): unknown;
  pragma(sql: string): unknown;
}

/**
 * The production server runs one worker per core, each with its own
 * connection to one SQLite file (decision 0017). Two things make that safe:
 * - WAL: readers never wait for a writer, and a writer never waits for readers;
 * - every transaction starts with `BEGIN IMMEDIATE`, so it takes the write
 *   lock first (waiting up to the busy timeout). A deferred transaction that
 *   read first and wrote second would fail at once (SQLITE_BUSY_SNAPSHOT)
 *   whenever another worker wrote in between: a 500 for a plain save.
 * The adapter keeps its better-sqlite3 handle as `client`; its transaction
 * starts with `prepare("BEGIN")`, which is the statement turned immediate here.
 */
function connectedForWorkers(adapter: Adapter): Adapter {
  const client = (adapter as unknown as { client: SqliteHandle }).client;
  client.pragma("journal_mode = WAL");
  client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  return adapter;
}

/** Connections each app process keeps to PostgreSQL (pg's default is 10). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * PostgreSQL (decision 0023): the client generated from prisma/postgresql/schema.prisma into
 * node_modules/.prisma/client-pg (Prisma's query compiler is per provider), over the stock adapter.
 * Its models and methods are those of the SQLite client (one schema), so it is typed as that one.
 * Many app processes may share the database: the invariants take locks (app/models/locks.server.ts).
 */
function createPostgresClient(url: string): PrismaClient {
  const require = createRequire(import.meta.url);
  const generated = require(".prisma/client-pg") as { PrismaClient: new (options: unknown) => unknown };
  const adapter = new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE });
  return new generated.PrismaClient({
    adapter,
    transactionOptions: { maxWait: TRANSACTION_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  }) as PrismaClient;
}

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") return createPostgresClient(url);
  ensureDatabaseFolder(url);
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => connectedForWorkers(await connect());
  // Transactions of one process queue behind each other on its one connection, and behind other
  // workers' for the write lock: a busy moment must make a save wait, not fail. Prisma's defaults
  // (2 s to start, 5 s to finish) turned a queue of saves on a loaded machine into 500s.
  return new PrismaClient({
    adapter: factory,
    transactionOptions: { maxWait: TRANSACTION_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
}

// One client per process; in development the module reloads, the client stays.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };
export const db: PrismaClient = globalForDb.__db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__db = db;
