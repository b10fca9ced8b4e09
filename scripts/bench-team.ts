/**
 * Team-scale benchmark (issue "The team…"): seeds organisations of 100, 1,000
 * and 5,000 members with assessments into a database of its own, starts the
 * production server on it, and prints for each size:
 *   - server time of the org diagram page, the heat map page (median of
 *     repeated requests over loopback) and of the gap computation itself;
 *   - the server's resident memory after those requests;
 *   - in Chromium, the time from navigation to the diagram's first nodes
 *     being visible, and the longest task that blocked the tab.
 *
 *   npm run build && npm run bench:team
 */
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { seedBenchTeam } from "./bench-seed";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,5000").split(",").map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DB_FILE = path.resolve("data/bench.db");
const DATABASE_URL = `file:${DB_FILE}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function seed() {
  rmSync(DB_FILE, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, stdio: "pipe" });
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("../app/utils/db.server");
  const { hashPassword } = await import("../app/utils/password.server");
  const passwordHash = await hashPassword("bench-password-123");
  const orgs: { size: number; id: string; email: string }[] = [];
  for (const size of SIZES) {
    const team = await seedBenchTeam(db, size, { slug: `bench-${size}`, passwordHash });
    orgs.push({ size, id: team.id, email: team.email });
  }
  await db.$disconnect();
  return orgs;
}

async function measureGapComputation(organisationId: string): Promise<number> {
  const { loadTeam } = await import("../app/models/member.server");
  const { computeTeamGaps } = await import("../app/domain/gaps");
  const { recommendOrgChart } = await import("../app/domain/recommendation");
  const { shippedPlaybook } = await import("../app/domain/playbook");
  const team = await loadTeam({ organisationId });
  const recommendation = recommendOrgChart("independent_site", "growth", shippedPlaybook);
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    computeTeamGaps(recommendation, team.members, team.assessments);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function waitForServer(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`http://localhost:${PORT}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "bench-password-123" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie;
}

async function timeRequests(url: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= 3) times.push(performance.now() - started);
  }
  return median(times);
}

function residentMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function main() {
  console.log(`Seeding ${SIZES.join(", ")} members (10 assessments each)…`);
  const orgs = await seed();
  const server = spawn("node", ["server.mjs"], {
    env: { ...process.env, DATABASE_URL, PORT: String(PORT), NODE_ENV: "production", INSECURE_COOKIES: "1" },
    stdio: "ignore",
  });
  try {
    await waitForServer(`http://localhost:${PORT}/healthz`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const rows: string[] = [];
    for (const org of orgs) {
      const cookie = await signIn(org.email);
      const chart = await timeRequests(`http://localhost:${PORT}/team/chart`, cookie);
      const heatmap = await timeRequests(`http://localhost:${PORT}/team/heatmap`, cookie);
      const gaps = await measureGapComputation(org.id);
      const rss = residentMemoryMb(server.pid!);

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([
        { name: cookie.split("=")[0], value: cookie.slice(cookie.indexOf("=") + 1), domain: "localhost", path: "/" },
      ]);
      await context.addInitScript(() => {
        (window as unknown as { __longest: number }).__longest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const w = window as unknown as { __longest: number };
            w.__longest = Math.max(w.__longest, entry.duration);
          }
        }).observe({ type: "longtask", buffered: true });
      });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`http://localhost:${PORT}/team/chart`, { waitUntil: "commit" });
      await page.locator(".react-flow__node").first().waitFor({ state: "visible", timeout: 30_000 });
      const firstNodes = Date.now() - started;
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
      const mounted = await page.locator(".react-flow__node").count();
      await context.close();

      rows.push(
        `${String(org.size).padStart(5)} members | chart page ${chart.toFixed(1).padStart(6)} ms | heat map ${heatmap.toFixed(1).padStart(6)} ms | gaps ${gaps.toFixed(1).padStart(5)} ms | RSS ${rss.toFixed(0).padStart(4)} MB | first nodes ${String(firstNodes).padStart(5)} ms | longest task ${longest.toFixed(0).padStart(4)} ms | ${mounted} nodes mounted`,
      );
      console.log(rows.at(-1));
    }
    await browser.close();
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
