import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
  }
}

/**
 * Migrates one template database per run, in a folder of its own so that
 * runs side by side do not meet; each worker copies it (see test-db.ts).
 */
export default function globalSetup(project: TestProject) {
  const dir = path.resolve("tests/.tmp", `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "template.db")}` },
    stdio: "pipe",
  });
  project.provide("testDbDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
