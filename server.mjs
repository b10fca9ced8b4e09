/**
 * The production server: static assets plus the Remix handler. Our own
 * rather than remix-serve so the socket's address reaches loaders and actions
 * (`context.clientAddress`), for per-address sign-in throttling.
 */
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

installGlobals({ nativeFetch: true });

const port = Number(process.env.PORT ?? 3000);
const build = await import("./build/server/index.js");

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress ?? null }),
  }),
);

const server = app.listen(port, process.env.HOST, () => {
  console.log(`Serving on http://localhost:${port}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close());
