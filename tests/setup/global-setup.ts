import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabaseFrom, dropDatabases, testPostgresUrl } from "./postgresql";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    /** on PostgreSQL (`npm run test:pg`): the server and the migrated template each file copies */
    postgres: { serverUrl: string; template: string } | null;
  }
}

/**
 * Migrates one template database per run, in a folder of its own so that
 * runs side by side do not meet; each worker copies it (see test-db.ts).
 * With TEST_DATABASE=postgresql the template is a PostgreSQL database of the
 * run, migrated by prisma/migrations-pg, and every database of the run is
 * dropped at its end.
 */
export default async function globalSetup(project: TestProject) {
  const dir = path.resolve("tests/.tmp", `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const serverUrl = testPostgresUrl();
  if (serverUrl) {
    const prefix = `planner_test_${process.pid}_`;
    const template = `${prefix}template`;
    await dropDatabases(serverUrl, prefix);
    const url = await createDatabaseFrom(serverUrl, template);
    execFileSync("node", ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    project.provide("testDbDir", dir);
    project.provide("postgres", { serverUrl, template });
    return async () => {
      await dropDatabases(serverUrl, prefix);
      rmSync(dir, { recursive: true, force: true });
    };
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "template.db")}` },
    stdio: "pipe",
  });
  project.provide("testDbDir", dir);
  project.provide("postgres", null);
  return () => rmSync(dir, { recursive: true, force: true });
}
