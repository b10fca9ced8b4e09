/**
 * Starts a worker thread written in TypeScript, from the sources (tests and
 * `npm run dev`; the production build runs its bundled copy instead):
 * `new Worker("server/ts-worker.mjs", { workerData: { entry: <file URL of the .ts module> } })`.
 */
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
