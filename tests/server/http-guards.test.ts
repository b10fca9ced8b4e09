import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, DEFAULT_BODY_LIMIT, writeOrigin } from "../../server/app.mjs";

/**
 * The production server's HTTP layer (server/app.mjs) with a stand-in for
 * the Remix handler that records what reached it.
 */
const calls: Array<{ method: string; url: string; bodyLength: number; context: Record<string, unknown> }> = [];
let server: import("node:http").Server;
let port = 0;

beforeAll(async () => {
  const app = createApp({
    handle: async (request: Request, context: Record<string, unknown>) => {
      const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      calls.push({ method: request.method, url: new URL(request.url).pathname, bodyLength: body.length, context });
      return new Response("<p>ok</p>", {
        headers: { "Content-Type": "text/html", "Cache-Control": "public, max-age=60" },
      });
    },
    demo: { enabled: true, exposed: () => true },
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: any method, any headers, a body written in chunks (chunked when no length is given). */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }),
        );
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
    );
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

const own = () => `http://127.0.0.1:${port}`;
const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("methods", () => {
  it.each(["TRACE", "PROPFIND", "M-SEARCH"])(
    "answers %s with 405 and Allow, never reaching the app",
    async (method) => {
      const before = calls.length;
      const answer = await send(method, "/login");
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toContain("POST");
      expect(calls.length).toBe(before);
    },
  );
});

describe("body limits", () => {
  it("refuses a declared length over the limit with 413 before reading it", async () => {
    const before = calls.length;
    const answer = await send("POST", "/login", {
      headers: { ...form, Origin: own(), "Content-Length": String(100 * 1024 * 1024) },
      chunks: [Buffer.from("email=a")],
    });
    expect(answer.status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it("refuses a chunked body as soon as it passes the limit", async () => {
    const before = calls.length;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const answer = await send("POST", "/login", {
      headers: { ...form, Origin: own() },
      chunks: Array.from({ length: 8 }, () => chunk),
    });
    expect(answer.status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it("passes a body under the limit through whole", async () => {
    const body = Buffer.from(`email=${"a".repeat(DEFAULT_BODY_LIMIT - 100)}`);
    const answer = await send("POST", "/login", { headers: { ...form, Origin: own() }, chunks: [body] });
    expect(answer.status).toBe(200);
    expect(calls.at(-1)).toMatchObject({ method: "POST", url: "/login", bodyLength: body.length });
  });

  it("gives the CSV import its larger limit", async () => {
    const body = Buffer.alloc(1024 * 1024, "a");
    const answer = await send("POST", "/team/import", {
      headers: { "Content-Type": "text/plain", Origin: own() },
      chunks: [body],
    });
    expect(answer.status).toBe(200);
    expect(calls.at(-1)?.bodyLength).toBe(body.length);
  });

  it("passes a well-formed multipart body whose boundary has capitals (as browsers send it)", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEf";
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmembers\r\n--${boundary}--\r\n`,
    );
    const answer = await send("POST", "/team/import", {
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: own() },
      chunks: [body],
    });
    expect(answer.status).toBe(200);
    expect(calls.at(-1)).toMatchObject({ method: "POST", url: "/team/import", bodyLength: body.length });
  });

  it("answers a broken multipart body with 400, quietly", async () => {
    const answer = await send("POST", "/language", {
      headers: { "Content-Type": "multipart/form-data; boundary=x", Origin: own() },
      chunks: [Buffer.from("--x\r\nbroken")],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toMatch(/at .*\(/);
  });
});

describe("origin of writes", () => {
  it("refuses a POST from another site with a quiet 403, on any route", async () => {
    for (const path of ["/login", "/team/export/members.csv", "/api/v1/training-progress"]) {
      const before = calls.length;
      const answer = await send("POST", path, {
        headers: { ...form, Origin: "https://evil.example" },
        chunks: [Buffer.from("a=1")],
      });
      expect(answer.status, path).toBe(403);
      expect(answer.body).toBe("Forbidden");
      expect(calls.length).toBe(before);
    }
  });

  it("decides by Referer when Origin is missing, then by Sec-Fetch-Site", async () => {
    expect((await send("POST", "/logout", { headers: { Referer: "https://evil.example/page" } })).status).toBe(403);
    expect((await send("POST", "/logout", { headers: { Referer: `${own()}/org` } })).status).toBe(200);
    expect(
      (await send("POST", "/logout", { headers: { "Sec-Fetch-Site": "cross-site", Cookie: "__session=x" } })).status,
    ).toBe(403);
    expect(
      (await send("POST", "/logout", { headers: { "Sec-Fetch-Site": "same-origin", Cookie: "__session=x" } })).status,
    ).toBe(200);
    expect((await send("POST", "/logout", { headers: { Origin: "null" } })).status).toBe(403);
  });

  it("refuses a write with the session cookie but no sign of where it came from; lets a cookieless client through", async () => {
    expect((await send("POST", "/logout", { headers: { Cookie: "__session=abc" } })).status).toBe(403);
    expect(
      (await send("POST", "/api/v1/training-progress", { headers: { Authorization: "Bearer ctp_x" } })).status,
    ).toBe(200);
  });

  it("never checks reads", async () => {
    expect((await send("GET", "/org", { headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });

  it("compares hosts, not schemes (a TLS proxy in front)", () => {
    const req = (headers: Record<string, string>) => ({ get: (name: string) => headers[name.toLowerCase()] });
    expect(writeOrigin(req({ host: "app.example", origin: "https://app.example" }))).toBe("same");
    expect(writeOrigin(req({ host: "app.example", origin: "https://app.example.evil.example" }))).toBe("cross");
  });
});

describe("headers", () => {
  it("sends a nonce CSP, frame-ancestors none, nosniff and a Referrer-Policy, and hands the nonce to the app", async () => {
    const answer = await send("GET", "/planner");
    const csp = String(answer.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("same-origin");
    expect(answer.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(calls.at(-1)?.context.cspNonce).toBe(nonce);
    const next = await send("GET", "/planner");
    expect(String(next.headers["content-security-policy"])).not.toContain(nonce);
  });

  it("sends HSTS only over HTTPS", async () => {
    expect((await send("GET", "/planner")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("keeps signed-in answers out of caches, whatever the page said", async () => {
    expect((await send("GET", "/org", { headers: { Cookie: "__session=abc" } })).headers["cache-control"]).toBe(
      "no-store",
    );
    expect((await send("GET", "/planner")).headers["cache-control"]).toBe("public, max-age=60");
  });

  it("gives each HTTP request a load context of its own (what its loaders share, such as the session lookup)", async () => {
    const before = calls.length;
    await send("GET", "/planner");
    await send("GET", "/planner");
    const [first, second] = calls.slice(before).map((call) => call.context);
    expect(first).toBeDefined();
    expect(second).not.toBe(first);
  });

  it("tells the app whether demo accounts are exposed", async () => {
    await send("GET", "/planner");
    expect(calls.at(-1)?.context.demo).toEqual({ enabled: true, exposed: true });
  });
});
