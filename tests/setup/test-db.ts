import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Each worker gets its own copy of the migrated template, before any test
// file imports the app's database client.
const dir = inject("testDbDir");
const workerDb = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}.db`);
if (!existsSync(workerDb)) copyFileSync(path.join(dir, "template.db"), workerDb);
process.env.DATABASE_URL = `file:${workerDb}`;
process.env.SESSION_SECRET ??= "test-session-secret";
