import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Decision 0024: prisma/schema.prisma is the one source; prisma/postgresql/schema.prisma is generated from it.
const root = path.resolve(import.meta.dirname, "../..");
const sqlite = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const postgresql = readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8");

/** The schema's text after its datasource block: the models, enums and comments. */
const models = (schema: string) =>
  schema.slice(schema.search(/datasource db \{[^}]*\}/)).replace(/^datasource db \{[^}]*\}/, "");

describe("the PostgreSQL schema", () => {
  it("is current: scripts/postgresql-schema.mjs --check finds nothing to write", () => {
    const check = spawnSync("node", ["scripts/postgresql-schema.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("has the same models, a PostgreSQL datasource and a client of its own", () => {
    expect(models(postgresql)).toBe(models(sqlite));
    expect(models(sqlite)).toContain("model Organisation {");
    expect(postgresql).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(postgresql).toContain('output          = "../../node_modules/.prisma/client-pg"');
  });
});
