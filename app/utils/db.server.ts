import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl, ensureDatabaseFolder } from "./database-url";

/** Milliseconds a writer waits for SQLite's lock before failing (STACK.md). */
const BUSY_TIMEOUT_MS = 5_000;

function createClient(): PrismaClient {
  const url = databaseUrl();
  ensureDatabaseFolder(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

// One client per process; in development the module reloads, the client stays.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };
export const db: PrismaClient = globalForDb.__db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__db = db;
