/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma, the one
 * source of truth (decision 0024). Only the generator's output and the
 * datasource's provider differ: the PostgreSQL client is a build of its own
 * (node_modules/.prisma/client-pg), since Prisma's query compiler is per
 * provider. tests/postgresql/schema.test.ts fails when the copy is stale.
 *
 *   node scripts/postgresql-schema.mjs          write it
 *   node scripts/postgresql-schema.mjs --check  exit 1 when it differs
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const SOURCE = path.join(root, "prisma", "schema.prisma");
export const TARGET = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgresql-schema.mjs: do not edit.\n" +
  "// Change prisma/schema.prisma, run `node scripts/postgresql-schema.mjs`, and write the\n" +
  "// migration for both databases (docs/decisions/0024-postgresql.md).\n\n";

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresqlSchema(source) {
  const generator = /generator client \{([^}]*)\}/;
  const datasource = /datasource db \{([^}]*)\}/;
  if (!generator.test(source) || !datasource.test(source))
    throw new Error("prisma/schema.prisma: expected `generator client { … }` and `datasource db { … }`");
  return (
    HEADER +
    source
      .replace(generator, (_, body) => {
        if (/\boutput\s*=/.test(body)) throw new Error("the generator already names an output");
        return `generator client {${body.replace(/\s*$/, "")}\n  output          = "../../node_modules/.prisma/client-pg"\n}`;
      })
      .replace(datasource, (_, body) => {
        if (!/provider\s*=\s*"sqlite"/.test(body)) throw new Error('the datasource is not provider = "sqlite"');
        return `datasource db {${body.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')}}`;
      })
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const wanted = postgresqlSchema(readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(TARGET, "utf8");
    } catch {
      /* missing: stale */
    }
    if (current !== wanted) {
      console.error("prisma/postgresql/schema.prisma is stale: run `node scripts/postgresql-schema.mjs`");
      process.exit(1);
    }
  } else {
    writeFileSync(TARGET, wanted);
  }
}
