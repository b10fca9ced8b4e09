/**
 * Bundles the server's worker threads beside the server build (run by
 * `npm run build`, after `remix vite:build`, which empties build/server):
 * app/models/team-import-worker.server.ts → build/server/team-import-worker.mjs.
 * Packages stay outside the bundle (they are in node_modules, as for the
 * server build); the app's own modules (~/domain, ~/utils) are inside.
 */
import path from "node:path";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "..");

await build({
  configFile: false,
  root,
  logLevel: "warn",
  publicDir: false,
  resolve: { alias: { "~": path.join(root, "app") } },
  build: {
    ssr: path.join(root, "app/models/team-import-worker.server.ts"),
    outDir: path.join(root, "build/server"),
    emptyOutDir: false,
    target: "node20",
    minify: false,
    rollupOptions: { output: { format: "es", entryFileNames: "team-import-worker.mjs" } },
  },
});
