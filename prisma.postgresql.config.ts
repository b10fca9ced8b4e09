import path from "node:path";
import type { PrismaConfig } from "prisma";

// The PostgreSQL side of the one schema (decision 0024): prisma/postgresql/schema.prisma is generated
// from prisma/schema.prisma (scripts/postgresql-schema.mjs); its migrations are prisma/migrations-pg.
// `npm run setup` picks this file when DATABASE_URL is postgresql://… (scripts/migrate.mjs).
//
// The schema reads env("DATABASE_URL"), and `prisma generate` (postinstall) fetches a native engine
// unless that is a PostgreSQL URL: a placeholder when it is not one; migrate commands need the real one.
const POSTGRES_URL = /^postgres(ql)?:\/\//i;
if (!POSTGRES_URL.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgresql://localhost:5432/planner";
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations-pg"), seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    const { migrationAdapter } = await import("./prisma/postgresql/migrate-adapter");
    return migrationAdapter(process.env.DATABASE_URL as string);
  },
} satisfies PrismaConfig;
