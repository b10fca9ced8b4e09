// ESLint 9 flat config: typescript-eslint, React hooks, and the layer
// boundaries of STYLE.md ("The shape we want"). tests/architecture.test.ts
// checks the same boundaries over resolved import paths; this file gives the
// editor the same answer while typing.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Packages app/domain may import: pure computation, no I/O, no framework. */
export const PURE_PACKAGES = ["zod", "d3-hierarchy"];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "tests/.tmp/**",
      "artifacts/**",
      "data/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        // typeof import("…") stays allowed: vi.mock factories type their original module with it
        { fixStyle: "separate-type-imports", disallowTypeAnnotations: false },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The domain is the heart: pure TypeScript. It may import its own files
    // (./x or ~/domain/x) and the pure packages above, nothing else.
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!\\./|~/domain/|(${PURE_PACKAGES.map(escape).join("|")})(/|$))`,
              caseSensitive: true,
              message: `app/domain imports only app/domain and pure packages (${PURE_PACKAGES.join(", ")}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // Data access never reaches into the UI: shared schemas live outside app/components.
    files: ["app/models/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/components(/|$)|\\.\\./components(/|$))",
              caseSensitive: true,
              message: "app/models must not import app/components; move what both need to app/forms or app/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts, servers and tests print to the console on purpose.
    files: ["scripts/**", "server.mjs", "server/dev.mjs", "tests/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
);
