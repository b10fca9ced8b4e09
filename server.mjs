/**
 * The production server: static assets plus the Remix handler, behind the
 * HTTP guards of server/app.mjs. Our own rather than remix-serve so the
 * socket's address reaches loaders and actions (`context.clientAddress`) and
 * every answer gets the security headers.
 */
import { createRequestHandler, installGlobals } from "@remix-run/node";
import { createApp, isLoopback } from "./server/app.mjs";
import { startBackground } from "./server/background.mjs";

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
  startBackground(build);
  console.log(`Serving on http://localhost:${port}${host ? ` (listening on ${host} only)` : ""}`);
  if (demoExposed) {
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
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close());
