/**
 * The development server (`npm run dev`): Vite in middleware mode (modules,
 * hot reload) behind the same HTTP guards as production (server/app.mjs:
 * methods, body limits, origin check, helmet headers, a nonce CSP). The CSP is
 * relaxed for what Vite needs and only here (devCspRelaxations in app.mjs,
 * decision 0010's addendum). One process, listening on loopback unless HOST
 * says otherwise.
 */
import { createServer } from "node:http";
import { createRequestHandler, installGlobals } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { createApp, isLoopback } from "./app.mjs";
import { startBackground } from "./background.mjs";

installGlobals({ nativeFetch: true });

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "127.0.0.1";
const demoEnabled = process.env.DEMO === "1";

const server = createServer();
// the hot-reload WebSocket shares this server's port
const vite = await createViteServer({ server: { middlewareMode: true, hmr: { server } } });
const build = () => vite.ssrLoadModule("virtual:remix/server-build");

const app = createApp({
  // the build is loaded again on each request, so an edit is served at once
  handle: async (request, context) => createRequestHandler(await build(), "development")(request, context),
  dev: { middlewares: vite.middlewares },
  demo: { enabled: demoEnabled, exposed: () => demoEnabled && !isLoopback(host) },
});
server.on("request", app);
server.listen(port, host, async () => {
  console.log(`Development server on http://localhost:${port} (listening on ${host})`);
  startBackground(await build());
});
