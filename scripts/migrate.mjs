/**
 * `prisma migrate deploy` for the database DATABASE_URL names (run by `npm run setup`, so by
 * `npm start`): SQLite through prisma.config.ts and prisma/migrations, PostgreSQL through
 * prisma.postgresql.config.ts and prisma/migrations-pg (decision 0024). Extra arguments go to
 * prisma (`node scripts/migrate.mjs status`).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.DATABASE_URL?.trim() ?? "";
const postgresql = /^postgres(ql)?:\/\//i.test(url);
const command = process.argv.length > 2 ? process.argv.slice(2) : ["deploy"];
const args = ["prisma", "migrate", ...command, ...(postgresql ? ["--config", "prisma.postgresql.config.ts"] : [])];
const result = spawnSync("npx", args, { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
