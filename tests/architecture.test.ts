import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PURE_PACKAGES } from "../eslint.config.js";

/**
 * The layer boundaries of STYLE.md, checked over real import paths: every
 * file under app/ is parsed with the TypeScript compiler, every import
 * (static, type-only, re-export, dynamic) is resolved the way tsc resolves it
 * (the `~/` alias, relative paths, index files), and the rules below are
 * asked of the resolved file or package. eslint.config.js gives the editor the
 * same answer; this test is the one that cannot be fooled by a spelling.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const APP = join(ROOT, "app");

/**
 * Routes that still query the database themselves. The list only shrinks:
 * move the query into app/models and delete the line (the test fails on an
 * entry that no longer imports Prisma, so a fixed route cannot stay listed).
 */
const ROUTES_STILL_QUERYING_PRISMA: string[] = [];

const PRISMA_PACKAGES = [
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "pg",
  "prisma",
  "better-sqlite3",
];
const DB_MODULE = "app/utils/db.server.ts";

interface Import {
  specifier: string;
  /** a file of this repository (relative to the root, `/`-separated), or null for a package */
  file: string | null;
  /** the package name (`@scope/name` or `name`), or null for a file of this repository */
  pkg: string | null;
  typeOnly: boolean;
}

const compilerOptions = (() => {
  const configPath = join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
})();

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFilesUnder(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [path] : [];
  });
}

const toRepoPath = (absolute: string) => relative(ROOT, absolute).split(sep).join("/");

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every module specifier a file names, with whether the import is erased at build time. */
function specifiersOf(path: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : null;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            named.elements.length > 0 &&
            named.elements.every((element) => element.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsOf(path: string): Import[] {
  return specifiersOf(path).map(({ specifier, typeOnly }) => {
    if (specifier.startsWith("node:")) return { specifier, file: null, pkg: specifier, typeOnly };
    const resolved = ts.resolveModuleName(specifier, path, compilerOptions, ts.sys).resolvedModule;
    const local =
      resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.includes("/node_modules/");
    if (local) return { specifier, file: toRepoPath(resolved.resolvedFileName), pkg: null, typeOnly };
    if (!resolved && (specifier.startsWith(".") || specifier.startsWith("~/"))) {
      // CSS and other assets Vite handles (`./app.css?url`): a file of ours, not a package
      const file = specifier.startsWith("~/")
        ? join(APP, specifier.slice(2))
        : join(dirname(path), specifier.replace(/\?.*$/, ""));
      return { specifier, file: toRepoPath(file.replace(/\?.*$/, "")), pkg: null, typeOnly };
    }
    return { specifier, file: null, pkg: packageName(specifier), typeOnly };
  });
}

const files = sourceFilesUnder(APP).map((path) => ({ path: toRepoPath(path), imports: importsOf(path) }));
const under = (dir: string) => files.filter((file) => file.path.startsWith(`${dir}/`));
const describeImport = (i: Import) => `${i.specifier}${i.file && i.file !== i.specifier ? ` (${i.file})` : ""}`;

describe("the import graph the rules are checked over", () => {
  it("covers every layer", () => {
    for (const dir of ["app/domain", "app/models", "app/routes", "app/components", "app/utils"]) {
      expect(under(dir).length, dir).toBeGreaterThan(0);
    }
  });

  it("resolves the ~/ alias, relative paths and packages to what they name", () => {
    const planner = files.find((file) => file.path === "app/routes/planner.tsx");
    expect(planner?.imports.map((i) => i.file ?? i.pkg)).toEqual(
      expect.arrayContaining(["app/domain/sizing.ts", "@remix-run/react", "react-i18next"]),
    );
    const team = files.find((file) => file.path === "app/domain/gaps.ts");
    expect(team?.imports.some((i) => i.specifier.startsWith("./") && i.file?.startsWith("app/domain/"))).toBe(true);
    const shell = files.find((file) => file.path === "app/root.tsx");
    expect(shell?.imports.every((i) => i.file === null || !i.file.includes("~"))).toBe(true);
  });

  it("knows a type-only import from a value import", () => {
    const refusals = files.find((file) => file.path === "app/components/team/refusals.ts");
    expect(refusals?.imports.find((i) => i.file === "app/models/member-write.server.ts")?.typeOnly).toBe(true);
    const route = files.find((file) => file.path === "app/routes/planner.tsx");
    expect(route?.imports.find((i) => i.file === "app/domain/sizing.ts")?.typeOnly).toBe(false);
  });
});

describe("app/domain is pure", () => {
  it.each(under("app/domain").map((file) => [file.path, file] as const))(
    "%s imports only app/domain and pure packages",
    (_path, file) => {
      const outside = file.imports.filter((i) =>
        i.file ? !i.file.startsWith("app/domain/") : !PURE_PACKAGES.includes(i.pkg ?? ""),
      );
      expect(outside.map(describeImport), `allowed packages: ${PURE_PACKAGES.join(", ")}`).toEqual([]);
    },
  );
});

describe("app/models never reach into the UI", () => {
  it.each(under("app/models").map((file) => [file.path, file] as const))(
    "%s imports nothing from app/components",
    (_path, file) => {
      const ui = file.imports.filter((i) => i.file?.startsWith("app/components/"));
      expect(ui.map(describeImport)).toEqual([]);
    },
  );
});

describe("routes leave the database to app/models", () => {
  const queriesPrisma = (file: (typeof files)[number]) =>
    file.imports.some((i) => i.file === DB_MODULE || PRISMA_PACKAGES.includes(i.pkg ?? ""));

  it("no route outside the shrinking list imports Prisma or the db client", () => {
    const offenders = under("app/routes")
      .filter(queriesPrisma)
      .map((file) => file.path);
    expect(offenders.filter((path) => !ROUTES_STILL_QUERYING_PRISMA.includes(path))).toEqual([]);
  });

  it("every route on the list still does (delete the line once the query moved to a model)", () => {
    const fixed = ROUTES_STILL_QUERYING_PRISMA.filter((path) => {
      const file = files.find((candidate) => candidate.path === path);
      return !file || !queriesPrisma(file);
    });
    expect(fixed).toEqual([]);
  });
});

describe("browser code never loads server modules", () => {
  it.each(under("app/components").map((file) => [file.path, file] as const))(
    "%s imports from *.server modules only types",
    (_path, file) => {
      const server = file.imports.filter(
        (i) => !i.typeOnly && (i.file?.includes(".server.") || i.pkg === "@prisma/client"),
      );
      expect(server.map(describeImport)).toEqual([]);
    },
  );
});
