import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Each test file gets its own copy of the migrated template, before it
// imports the app's database client: no file sees another's rows, nor a
// write a finished file's process was still flushing.
const dir = inject("testDbDir");
const fileDb = path.join(dir, `file-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
copyFileSync(path.join(dir, "template.db"), fileDb);
process.env.DATABASE_URL = `file:${fileDb}`;
process.env.SESSION_SECRET ??= "test-session-secret";
