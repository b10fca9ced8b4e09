/**
 * The production server: static assets plus the Remix handler, behind the
 * HTTP guards of server/app.mjs. Our own rather than remix-serve so the
 * socket's address reaches loaders and actions (`context.clientAddress`) and
 * every answer gets the security headers.
 *
 * One worker per core (Node's cluster; `WEB_CONCURRENCY` sets the count, 1
 * runs a single process): the workers share the port, the SQLite file (WAL,
 * app/utils/db.server.ts) and the rate limiters' counts, which live in this
 * primary process. A worker that dies is replaced. See decision 0017.
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createRequestHandler, installGlobals } from "@remix-run/node";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { createApp, isLoopback } from "./server/app.mjs";
import { startBackground } from "./server/background.mjs";

async function serve() {
  installGlobals({ nativeFetch: true });

  const port = Number(process.env.PORT ?? 3000);
  const build = await import("./build/server/index.js");
  const demoEnabled = process.env.DEMO === "1";
  let demoExposed = false;

  const handle = createRequestHandler(build, process.env.NODE_ENV ?? "production");
  const app = createApp({
    handle,
    assets: { publicPath: build.publicPath, directory: build.assetsBuildDirectory },
    demo: { enabled: demoEnabled, exposed: () => demoExposed },
    trustProxy: process.env.TRUST_PROXY === "1",
  });

  // With demo accounts on, only this machine can reach the server unless HOST says otherwise.
  const host = process.env.HOST || (demoEnabled ? "127.0.0.1" : undefined);
  const server = app.listen(port, host, () => {
    const address = server.address();
    const bound = typeof address === "object" && address ? address.address : String(address);
    demoExposed = demoEnabled && !isLoopback(bound);
    // the mail worker and the reminders' scheduler, in every worker: they claim rows atomically (decision 0016)
    startBackground(build);
    if (!cluster.isWorker || cluster.worker?.id === 1)
      console.log(`Serving on http://localhost:${port}${host ? ` (listening on ${host} only)` : ""}`);
    if (demoExposed && (!cluster.isWorker || cluster.worker?.id === 1)) {
      const line = "!".repeat(78);
      console.warn(
        [
          line,
          `!! DEMO ACCOUNTS ARE ON and this server listens on ${bound} (beyond this machine).`,
          "!! Anyone who can reach it can sign in as admin@demo.example with the published",
          "!! demo password. For a real deployment start without DEMO=1 (npm run serve), or",
          "!! listen on loopback only (HOST=127.0.0.1).",
          line,
        ].join("\n"),
      );
    }
  });
  // Slow senders cannot hold a connection open for ever (Node's defaults, said out loud).
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  // A cluster worker's channel to the primary keeps it alive after the server closes: exit
  // once the open requests are answered, or after 10 s whatever is still open.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, stop);
}

/** How many workers: WEB_CONCURRENCY when it is a positive whole number, else one per core. */
function workerCount() {
  const wanted = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : availableParallelism();
}

function primary(count) {
  // the workers' rate limiters ask this process (rate-limiter-flexible's cluster store)
  new RateLimiterClusterMaster();
  let stopping = false;
  let earlyDeaths = 0;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // Workers that die at once (port taken, no build) are not restarted for ever: the server stops.
    const livedMs = Date.now() - (started.get(worker.id) ?? 0);
    earlyDeaths = livedMs < 5_000 ? earlyDeaths + 1 : 0;
    if (earlyDeaths > count * 2) {
      console.error("workers keep stopping as they start; stopping the server");
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    setTimeout(fork, livedMs < 5_000 ? 1_000 : 0);
  });
  for (const signal of ["SIGTERM", "SIGINT"])
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
}

const count = workerCount();
if (cluster.isPrimary && count > 1) primary(count);
else await serve();
