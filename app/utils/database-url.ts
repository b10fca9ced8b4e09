import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The one place that decides which database (a SQLite file by default, or PostgreSQL) the app, the Prisma CLI, the
 * seed and the tests use. Prisma does not read `.env` when a config file
 * exists, so the default lives here.
 */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/**
 * Which database a URL names: `postgresql://` (or `postgres://`) is PostgreSQL, anything else the
 * SQLite file of a `file:` URL (decision 0024).
 */
export function databaseProvider(url: string): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** SQLite creates the file but not its folder (nothing to do for PostgreSQL). */
export function ensureDatabaseFolder(url: string): void {
  if (databaseProvider(url) === "postgresql") return;
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/** The SQLite file of a `file:` URL, as an absolute path (for a second connection, such as the import's worker). */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
