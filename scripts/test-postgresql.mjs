/**
 * `npm run test:pg [-- vitest arguments]`: the unit and integration tests against PostgreSQL
 * (decision 0024). TEST_POSTGRES_URL names a server and an account that may create databases
 * (default postgresql://postgres@127.0.0.1:5432/postgres); the run migrates a template database
 * with prisma/migrations-pg, gives each test file a copy, and drops them all at its end.
 * Without arguments it runs every test file, tests/postgresql/ included.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  console.error(`test:pg: cannot reach PostgreSQL at ${serverUrl} (${error.message}).`);
  console.error("Start one (README, 'PostgreSQL') and set TEST_POSTGRES_URL.");
  process.exit(1);
}
const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgresql", TEST_POSTGRES_URL: serverUrl },
});
process.exit(result.status ?? 1);
