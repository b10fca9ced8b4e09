import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl, ensureDatabaseFolder } from "./database-url";

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

/** Query plans kept per process: enough for every query shape × the sessions and organisations of a busy hour. */
const MAX_KEPT_PLANS = 2_000;
/** How often a plan was compiled, and taken from those kept: for tests (count, not time). */
export const queryPlanStats = { compiled: 0, kept: 0 };

interface QueryCompilerPrototype {
  compile(request: string): unknown;
  compileBatch(request: string): unknown;
  __plansKept?: boolean;
}

function deepFreeze(value: unknown): unknown {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Prisma 6.19's query compiler (WebAssembly, `engineType = "client"`) turns
 * every query into a plan on every call: a pure function of the query, whose
 * JSON carries its values. Measured (decision 0017's addendum) it was 11–25 %
 * of a signed-in page's CPU: the five queries of the session lookup and the
 * layout alone cost more than all of `/login`. The same query (this session,
 * this organisation's revision, playbook, profile) comes back on every page,
 * so its plan is kept, least recently used out first. Plans are frozen
 * outside production so a test fails if Prisma ever changes one it was given.
 * Prisma 7 keeps plans itself (with parameters); remove this then.
 */
function keepQueryPlans(): void {
  const runtime = createRequire(import.meta.url)(".prisma/client/query_compiler_bg.js") as {
    QueryCompiler: { prototype: QueryCompilerPrototype };
  };
  const proto = runtime.QueryCompiler.prototype;
  if (proto.__plansKept) return;
  proto.__plansKept = true;
  const freeze = process.env.NODE_ENV !== "production";
  const plans = new Map<string, unknown>();
  const kept = (compile: (request: string) => unknown, kind: string) =>
    function (this: unknown, request: string) {
      const key = kind + request;
      let plan = plans.get(key);
      if (plan !== undefined) {
        queryPlanStats.kept += 1;
        plans.delete(key);
      } else {
        queryPlanStats.compiled += 1;
        plan = compile.call(this, request);
        if (freeze) deepFreeze(plan);
        if (plans.size >= MAX_KEPT_PLANS) plans.delete(plans.keys().next().value as string);
      }
      plans.set(key, plan);
      return plan;
    };
  proto.compile = kept(proto.compile, "1");
  proto.compileBatch = kept(proto.compileBatch, "n");
}

function createClient(): PrismaClient {
  keepQueryPlans();
  const url = databaseUrl();
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
