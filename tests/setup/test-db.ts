import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createDatabaseFrom } from "./postgresql";

// Each test file gets its own copy of the migrated template, before it
// imports the app's database client: no file sees another's rows, nor a
// write a finished file's process was still flushing. On PostgreSQL the copy
// is a database made from the template (dropped with the run's others).
const dir = inject("testDbDir");
const postgres = inject("postgres");
const copy = `file_${process.env.VITEST_POOL_ID ?? "0"}_${randomUUID().replaceAll("-", "")}`;
if (postgres) {
  process.env.DATABASE_URL = await createDatabaseFrom(
    postgres.serverUrl,
    `${postgres.template.replace(/template$/, "")}${copy}`,
    postgres.template,
  );
} else {
  const fileDb = path.join(dir, `${copy}.db`);
  copyFileSync(path.join(dir, "template.db"), fileDb);
  process.env.DATABASE_URL = `file:${fileDb}`;
}
process.env.SESSION_SECRET ??= "test-session-secret";
