import { parentPort } from "node:worker_threads";
import { runImportJob, type ImportJobInput, type ImportJobMessage } from "./team-import-job.server";

/**
 * The import's worker thread (started by team-import.server.ts; in the
 * production build it is its own file, build/server/team-import-worker.mjs).
 * It takes one job at a time, in the order they come, and answers each with
 * its progress and then its end.
 */

export interface ImportJobRequest {
  id: number;
  input: ImportJobInput;
  /** tests only: stop inside the write transaction until this is set to 1 */
  hold?: Int32Array;
}

export interface ImportJobReply {
  id: number;
  message: ImportJobMessage;
}

const port = parentPort;
// one job at a time: the next waits for the one before to end
let queue: Promise<void> = Promise.resolve();
port?.on("message", ({ id, input, hold }: ImportJobRequest) => {
  const reply = (message: ImportJobMessage) => port.postMessage({ id, message } satisfies ImportJobReply);
  queue = queue.then(async () => {
    try {
      reply(await runImportJob(input, reply, hold ? { flag: hold } : undefined));
    } catch (error) {
      reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  });
});
