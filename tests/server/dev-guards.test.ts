import { readFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, DEFAULT_BODY_LIMIT } from "../../server/app.mjs";

/**
 * The development server (server/dev.mjs) is server/app.mjs with Vite's
 * middlewares: the same guards, and the CSP relaxed only where Vite needs it.
 * A stand-in plays Vite (it serves /@vite/client) and counts what reaches it.
 */
const reached: string[] = [];
const servers: Server[] = [];

async function listen(dev: boolean): Promise<number> {
  const app = createApp({
    handle: async () => new Response("<p>page</p>", { headers: { "Content-Type": "text/html" } }),
    dev: dev
      ? {
          middlewares: (req: { url?: string }, res: import("node:http").ServerResponse, next: () => void) => {
            if (req.url !== "/@vite/client") return next();
            reached.push(req.url);
            res.setHeader("Content-Type", "text/javascript");
            res.end("export {}");
          },
        }
      : null,
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return (server.address() as AddressInfo).port;
}

let devPort = 0;
let prodPort = 0;
beforeAll(async () => {
  devPort = await listen(true);
  prodPort = await listen(false);
});
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
    );
    if (body) req.write(body);
    req.end();
  });
}

const directives = (csp: unknown) =>
  Object.fromEntries(
    String(csp)
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("npm run dev: the production guards around Vite", () => {
  it("runs server/dev.mjs, not remix vite:dev", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.dev).toContain("node server/dev.mjs");
    expect(scripts.dev).not.toContain("vite:dev");
  });

  it("sends a nonce CSP on pages and on Vite's files, relaxed only for Vite's styles and WebSocket", async () => {
    const page = await send(devPort, "GET", "/login");
    const dev = directives(page.headers["content-security-policy"]);
    expect(dev["script-src"]).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{20,}'$/)]);
    expect(dev["script-src-attr"]).toEqual(["'none'"]);
    expect(dev["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
    expect(dev["frame-ancestors"]).toEqual(["'none'"]);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    const client = await send(devPort, "GET", "/@vite/client");
    expect(client.status).toBe(200);
    expect(reached).toEqual(["/@vite/client"]);
    expect(client.headers["content-security-policy"]).toBeTruthy();
    // production keeps the strict policy
    const prod = directives((await send(prodPort, "GET", "/login")).headers["content-security-policy"]);
    expect(prod["style-src"]).toEqual(["'self'", expect.stringMatching(/^'nonce-/)]);
    expect(prod["connect-src"]).toEqual(["'self'"]);
  });

  it("refuses a cross-site write (403), a body over the limit (413) and TRACE (405)", async () => {
    const cross = await send(devPort, "POST", "/login", {
      Origin: "http://evil.example",
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(cross.status).toBe(403);
    const big = await send(
      devPort,
      "POST",
      "/login",
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(DEFAULT_BODY_LIMIT + 1) },
      Buffer.alloc(1024, "a"),
    );
    expect(big.status).toBe(413);
    expect((await send(devPort, "TRACE", "/")).status).toBe(405);
  });
});
