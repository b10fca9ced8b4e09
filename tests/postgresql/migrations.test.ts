import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrationAdapter } from "../../prisma/postgresql/migrate-adapter";
import { createDatabaseFrom } from "../setup/postgresql";
import pg from "pg";

// Decision 0024: PostgreSQL is migrated by `prisma migrate deploy` itself (through the wrapped adapter of
// prisma/postgresql/migrate-adapter.ts), from prisma/migrations-pg. These run only under `npm run test:pg`.

const root = path.resolve(import.meta.dirname, "../..");
const postgres = inject("postgres")!;
const prefix = postgres.template.replace(/template$/, "");
const MIGRATIONS = path.join(root, "prisma", "migrations-pg");
const migrationNames = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const work = path.join(root, "tests", ".tmp", `pg-migrations-${randomUUID()}`);

function run(args: string[], url: string) {
  const result = spawnSync(args[0], args.slice(1), {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

async function rowsOf<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => mkdirSync(work, { recursive: true }));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("an empty PostgreSQL database migrated from zero", () => {
  let url = "";
  let first: ReturnType<typeof run> = { status: null, out: "", stdout: "" };

  beforeAll(async () => {
    url = await createDatabaseFrom(postgres.serverUrl, `${prefix}migrate_${randomUUID().slice(0, 8)}`);
    first = run(["node", "scripts/migrate.mjs"], url);
  }, 120_000);

  it("applies every migration of prisma/migrations-pg and records it as prisma migrate deploy does", async () => {
    expect(first.out).toContain("All migrations have been successfully applied.");
    expect(first.status).toBe(0);
    const rows = await rowsOf<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
      url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished).toBe(true);
      expect(row.rolled_back).toBe(false);
    }
  });

  it("a second deploy is a no-op", async () => {
    const before = await rowsOf(url, `SELECT * FROM _prisma_migrations ORDER BY id`);
    const second = run(["node", "scripts/migrate.mjs"], url);
    expect(second.out).toContain("No pending migrations to apply.");
    expect(second.status).toBe(0);
    expect(await rowsOf(url, `SELECT * FROM _prisma_migrations ORDER BY id`)).toEqual(before);
  }, 120_000);

  it("the database matches the Prisma schema: migrate diff from what the database holds prints nothing", () => {
    // --from-url is refused with an adapter: introspect the database, then diff that datamodel to the schema
    const pulled = path.join(work, "pulled.prisma");
    const printed = run(["npx", "prisma", "db", "pull", "--print", "--config", "prisma.postgresql.config.ts"], url);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain("model Organisation {");
    // the CLI prints a warning about the schema's url (the adapter connects) before the schema
    writeFileSync(pulled, printed.stdout.slice(printed.stdout.indexOf("generator client")));
    const diff = run(
      [
        "npx",
        "prisma",
        "migrate",
        "diff",
        "--config",
        "prisma.postgresql.config.ts",
        "--from-schema-datamodel",
        pulled,
        "--to-schema-datamodel",
        "prisma/postgresql/schema.prisma",
        "--script",
        "--exit-code",
      ],
      url,
    );
    expect(diff.out).toContain("-- This is an empty migration.");
    expect(diff.status).toBe(0); // --exit-code: 2 when there is a difference
  }, 180_000);

  it("the triggers of decision 0017 keep the team revision and the latest levels", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Organisation" ("id", "name", "slug", "operatingModel", "stage", "updatedAt")
        VALUES ('o1', 'O', 'o', 'platform', 'startup', now())`);
      await client.query(`INSERT INTO "Member" ("id", "organisationId", "name", "title", "updatedAt")
        VALUES ('m1', 'o1', 'Ann', 'Ops', now())`);
      await client.query(
        `INSERT INTO "MemberRole" ("memberId", "roleId", "sharePercent") VALUES ('m1', 'supply_chain', 100)`,
      );
      for (const [id, level, day] of [
        ["a1", 2, "2026-01-02"],
        ["a2", 3, "2026-03-01"],
        ["a3", 1, "2026-02-01"],
      ] as const)
        await client.query(
          `INSERT INTO "SkillAssessment" ("id", "organisationId", "memberId", "skillId", "level", "assessedOn", "assessorName")
           VALUES ($1, 'o1', 'm1', 'logistics', $2, $3, 'HR')`,
          [id, level, day],
        );
      const latest = async () =>
        (await client.query(`SELECT "assessmentId", "level" FROM "LatestSkillLevel" WHERE "memberId" = 'm1'`)).rows;
      expect(await latest()).toEqual([{ assessmentId: "a2", level: 3 }]);
      await client.query(`DELETE FROM "SkillAssessment" WHERE "id" = 'a2'`);
      expect(await latest()).toEqual([{ assessmentId: "a3", level: 1 }]);
      const revision = await client.query(
        `SELECT "team", "training" FROM "TeamRevision" WHERE "organisationId" = 'o1'`,
      );
      expect(revision.rows).toEqual([{ team: 6, training: 0 }]); // member, role, three assessments, one delete
      await client.query(`DELETE FROM "Member" WHERE "id" = 'm1'`);
      expect(await latest()).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe("a failing migration", () => {
  it("leaves nothing behind, and the deploy says which one failed", async () => {
    const url = await createDatabaseFrom(postgres.serverUrl, `${prefix}failing_${randomUUID().slice(0, 8)}`);
    const migrations = path.join(work, "migrations-pg");
    cpSync(MIGRATIONS, migrations, { recursive: true });
    mkdirSync(path.join(migrations, "29991231000000_broken"));
    // a `;` inside a literal, a table, then an error: the stock adapter split this and kept the table
    writeFileSync(
      path.join(migrations, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("note" TEXT DEFAULT 'a;b');\nINSERT INTO "Half" DEFAULT VALUES;\nSELECT 1/0;\n`,
    );
    const config = path.join(work, "failing.config.ts");
    writeFileSync(
      config,
      `import { migrationAdapter } from ${JSON.stringify(path.join(root, "prisma/postgresql/migrate-adapter.ts"))};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.join(root, "prisma/postgresql/schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrations)} },
  adapter: async () => migrationAdapter(process.env.DATABASE_URL as string),
};\n`,
    );
    const deploy = run(["npx", "prisma", "migrate", "deploy", "--config", config], url);
    expect(deploy.status).not.toBe(0);
    expect(deploy.out).toContain("29991231000000_broken");
    expect(deploy.out).toContain("division by zero");
    const tables = await rowsOf<{ name: string }>(
      url,
      `SELECT tablename AS name FROM pg_tables WHERE tablename = 'Half'`,
    );
    expect(tables).toEqual([]);
    // the migrations before it are applied and recorded; the broken one is recorded as failed, as Prisma does
    const rows = await rowsOf<{ migration_name: string; finished: boolean }>(
      url,
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toEqual([
      ...migrationNames.map((name) => ({ migration_name: name, finished: true })),
      { migration_name: "29991231000000_broken", finished: false },
    ]);
  }, 120_000);

  it("the migration adapter runs a script whole in one transaction", async () => {
    const url = await createDatabaseFrom(postgres.serverUrl, `${prefix}script_${randomUUID().slice(0, 8)}`);
    const adapter = await migrationAdapter(url).connect();
    try {
      await adapter.executeScript(
        `CREATE TABLE "Kept" ("note" TEXT DEFAULT 'x;y'); INSERT INTO "Kept" DEFAULT VALUES;`,
      );
      await expect(adapter.executeScript(`CREATE TABLE "Gone" ("n" INT); SELECT 1/0;`)).rejects.toThrow(
        /division by zero/,
      );
    } finally {
      await adapter.dispose();
    }
    expect(await rowsOf(url, `SELECT "note" FROM "Kept"`)).toEqual([{ note: "x;y" }]);
    expect(await rowsOf(url, `SELECT tablename FROM pg_tables WHERE tablename = 'Gone'`)).toEqual([]);
  });
});
