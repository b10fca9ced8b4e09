/**
 * The HTTP layer of the production server (server.mjs), apart from the Remix
 * build so tests can run it with a stand-in handler: methods, body limits,
 * the same-origin check for writes, security headers with a per-request CSP
 * nonce, and `no-store` for signed-in answers. See
 * docs/decisions/0010-hardened-accounts-and-transport.md.
 */
import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import getRawBody from "raw-body";

/** Form posts and API writes. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
/** Paths with a larger limit of their own: the CSV import takes two 2 MB files (app/routes/team.import.tsx). */
export const BODY_LIMITS = [{ path: /^\/team\/import\/?$/, limit: 4 * 1024 * 1024 + 128 * 1024 }];
/** What the app answers to; anything else (TRACE, made-up methods) is a 405, never a 500. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIE = /(?:^|;\s*)__session=/;

/** @param {string} path */
export function bodyLimitFor(path) {
  return BODY_LIMITS.find((entry) => entry.path.test(path))?.limit ?? DEFAULT_BODY_LIMIT;
}

/** A short plain answer, never a stack trace. */
function plain(res, status, text, headers = {}) {
  if (res.headersSent) return;
  res
    .status(status)
    .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers })
    .send(text);
}

/** @param {string | undefined} value */
function hostOf(value) {
  if (!value) return null;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Whether a state-changing request comes from a page of this site.
 * `Origin` decides when present; else `Referer`; else `Sec-Fetch-Site`.
 * With none of the three, a request that carries the session cookie is
 * refused (every browser sends Origin on a POST, so this is a script replaying
 * a cookie), and one without it (an API client with a token, curl) is let
 * through: it cannot act as anyone's browser session.
 * @returns {"same" | "cross"}
 */
export function writeOrigin(req) {
  const own = String(req.get("host") ?? "").toLowerCase();
  const origin = req.get("origin");
  if (origin !== undefined) return hostOf(origin) === own ? "same" : "cross";
  const referer = req.get("referer");
  if (referer !== undefined) return hostOf(referer) === own ? "same" : "cross";
  const site = req.get("sec-fetch-site");
  if (site !== undefined) return site === "same-origin" || site === "none" ? "same" : "cross";
  return SESSION_COOKIE.test(req.get("cookie") ?? "") ? "cross" : "same";
}

/**
 * What the development server's CSP allows beyond production's, because Vite
 * needs it and only there: Vite injects each imported stylesheet as a
 * <style> element without our nonce ('unsafe-inline' in style-src: a nonce
 * would make browsers ignore it), and its hot-reload client talks over a
 * WebSocket (ws: in connect-src). Scripts keep the nonce: Remix puts it on its
 * inline scripts, and Vite's client and modules are files of 'self'.
 */
export function devCspRelaxations() {
  return { "style-src": ["'unsafe-inline'"], "connect-src": ["ws:", "wss:"] };
}

/** Loopback addresses: a server bound only to these is reachable from this machine alone. */
export function isLoopback(address) {
  if (!address) return false;
  return address === "::1" || address === "localhost" || /^127\./.test(address) || /^::ffff:127\./.test(address);
}

/** The Fetch API request Remix reads, with the body already read (and limited). */
function toRequest(req, body, signal) {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  const init = { method: req.method, headers, signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    headers.delete("transfer-encoding");
    headers.set("content-length", String(body.length));
    init.body = body;
  }
  return new Request(url.href, init);
}

/** Form bodies are parsed once here, so a broken one is a 400 before any action sees it. */
async function isBrokenForm(req, body) {
  // the multipart boundary is case-sensitive: lowercase only to compare the media type
  const type = String(req.get("content-type") ?? "");
  const media = type.toLowerCase();
  if (!media.startsWith("application/x-www-form-urlencoded") && !media.startsWith("multipart/form-data")) return false;
  try {
    await new Response(body, { headers: { "Content-Type": type } }).formData();
    return false;
  } catch {
    return true;
  }
}

/**
 * The express app. `handle(request, loadContext)` answers everything that is
 * not a static file (the Remix handler in production). `demoExposed()` says
 * whether demo accounts are reachable beyond this machine (server.mjs knows
 * once it listens).
 * @param {{
 *   handle: (request: Request, context: Record<string, unknown>) => Promise<Response>,
 *   assets?: { publicPath: string, directory: string },
 *   demo?: { enabled: boolean, exposed: () => boolean },
 *   trustProxy?: boolean,
 *   dev?: { middlewares: import("express").RequestHandler } | null,
 * }} options
 * `dev` is the development server (server/dev.mjs): Vite's middlewares serve
 * the modules and hot reload behind the same guards, with the two relaxations
 * of the CSP that Vite needs (devCspRelaxations).
 */
export function createApp({
  handle,
  assets,
  demo = { enabled: false, exposed: () => false },
  trustProxy = false,
  dev = null,
}) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy ? 1 : false);

  app.use((req, res, next) => {
    if (ALLOWED_METHODS.includes(req.method)) return next();
    req.resume();
    plain(res, 405, "Method Not Allowed", { Allow: ALLOWED_METHODS.join(", "), Connection: "close" });
  });

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });
  const nonce = (_req, res) => `'nonce-${res.locals.cspNonce}'`;
  const relaxed = dev ? devCspRelaxations() : { "style-src": [], "connect-src": [] };
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", nonce],
          "script-src-attr": ["'none'"],
          // <style> elements need the nonce; style="" attributes (React Flow's node positions, SVG
          // charts, widths of bars) are rendered on the server, so they are allowed: they cannot run code.
          // (In development only, Vite's injected stylesheets are allowed too: devCspRelaxations.)
          "style-src": dev ? ["'self'", ...relaxed["style-src"]] : ["'self'", nonce],
          "style-src-attr": ["'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'", ...relaxed["connect-src"]],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        },
      },
      // only behind HTTPS, above
      strictTransportSecurity: false,
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compression());

  if (assets) {
    app.use(assets.publicPath, express.static(assets.directory, { immutable: true, maxAge: "1y" }));
    app.use(express.static("public", { maxAge: "1h" }));
  }
  // Vite's modules, source files and hot-reload client: GETs of files, behind the method check and the headers
  if (dev) app.use(dev.middlewares);

  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method) || writeOrigin(req) === "same") return next();
    req.resume();
    plain(res, 403, "Forbidden");
  });

  // Bodies are read here, up to the path's limit: a declared length over it is refused before a
  // byte is read, a chunked body as soon as it passes it (raw-body counts), always with 413 and the
  // connection closed (the rest is never read). Compressed bodies are not accepted (415).
  app.use(async (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const encoding = String(req.get("content-encoding") ?? "identity").toLowerCase();
    if (encoding !== "identity") return plain(res, 415, "Unsupported Media Type", { Connection: "close" });
    const declared = req.get("content-length");
    try {
      req.body = await getRawBody(req, {
        limit: bodyLimitFor(req.path),
        length: declared === undefined ? undefined : Number(declared),
      });
      next();
    } catch (error) {
      const status = Number(error?.status) || 400;
      plain(res, status === 413 ? 413 : 400, status === 413 ? "Payload Too Large" : "Bad Request", {
        Connection: "close",
      });
    }
  });

  app.all("*", async (req, res, next) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (await isBrokenForm(req, body)) return plain(res, 400, "Bad Request");
      const request = toRequest(req, body, controller.signal);
      // The load context: one new object per HTTP request, handed to every loader and action of it.
      // It is also the key of what the request's loaders share: the session lookup is made lazily,
      // by the first loader that asks, and the others get the same answer (getSignedIn in
      // app/utils/auth.server.ts; decision 0020).
      const response = await handle(request, {
        clientAddress: req.socket.remoteAddress ?? null,
        cspNonce: res.locals.cspNonce,
        demo: { enabled: demo.enabled, exposed: demo.exposed() },
      });
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers) {
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      // whatever a page says about caching, nothing shown to a signed-in person is kept by a cache
      if (SESSION_COOKIE.test(req.get("cookie") ?? "")) res.setHeader("Cache-Control", "no-store");
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  });

  // body-parser's refusals (413, 400 for an aborted or badly encoded body, 415) and anything else:
  // a short answer; only a server fault is logged.
  app.use((error, req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode) || 500;
    if (status >= 500) console.error(error);
    if (status === 413) return plain(res, 413, "Payload Too Large", { Connection: "close" });
    if (status >= 400 && status < 500) return plain(res, status, STATUS_CODES[status] ?? "Bad Request");
    plain(res, 500, "Internal Server Error");
  });
  return app;
}
