import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { databaseUrl, ensureDatabaseFolder } from "./app/utils/database-url";

// Prisma's native schema engine cannot be downloaded here: use the JS engine
// over the better-sqlite3 adapter (STACK.md, docs/decisions/0001).

// schema.prisma reads env("DATABASE_URL"); the CLI does not load .env when a
// config file exists, so the app's default is put in place here.
process.env.DATABASE_URL = databaseUrl();
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  adapter: async () => {
    const url = databaseUrl();
    ensureDatabaseFolder(url);
    return new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;
