/**
 * The HTTP benchmark (issue 15): seeds organisations of 100, 1,000 and 5,000
 * members (ten assessments each, one training item per member) into a
 * database of its own, starts the production server (`server.mjs`, one
 * worker per core unless WEB_CONCURRENCY says otherwise) on it, and prints
 * for each size and page:
 *   - cold (the first request after the server started), median, p95 and
 *     p99 of REQUESTS sequential requests, and the HTML bytes;
 *   - "after write": the first request after an assessment was recorded;
 *   - autocannon at 1 and 20 connections: requests per second, p99, errors,
 *     and the ratio to `/login` (a bare page) measured in the same run;
 *   - the home page of a member, a lead and HR (issue 16): cold, median, p95
 *     and p99, with `/login` (a bare page) timed in the same rounds;
 *   - in Chromium, signed in as the admin: time to the first useful content,
 *     the longest main-thread task, the total blocking time, the HTML bytes
 *     and the elements of every page that reads the team (the chart collapsed
 *     and expanded, the member list, heat map, gaps, assessment grid, a member
 *     page, training, a training plan, hiring, scenarios, home, ownership);
 *     with BENCH_BASELINE=<directory of another built tree> the same pages of
 *     that build too, served beside this one on the same database, each page
 *     alternating between the two (compare within the run); BENCH_BROWSER_RUNS
 *     visits per page and server, the median of each figure;
 *   - `/healthz` while a 5,000-row CSV import runs;
 *   - resident memory of every worker after the load.
 * The machine is shared: compare ratios within one run, not absolute figures.
 *
 *   npm run build && npm run bench
 *   BENCH_SIZES=1000 BENCH_DURATION=5 WEB_CONCURRENCY=2 npm run bench
 *   BENCH_PARTS=import BENCH_SIZES=5000 npm run bench          (only the import)
 *   BENCH_PARTS=load BENCH_LOADED=/login,/team/heatmap npm run bench
 *   BENCH_PARTS=home,chromium BENCH_SIZES=5000 BENCH_BASELINE=/tmp/main-tree npm run bench
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { chromium, type Browser } from "playwright-core";
import { seedBenchPeople, seedBenchTeam, type BenchPeople } from "./bench-seed";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,5000").split(",").map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "1,20").split(",").map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const BASE = `http://localhost:${PORT}`;
const DB_FILE = path.resolve("data/bench-http.db");
const DATABASE_URL = `file:${DB_FILE}`;
const PASSWORD = "bench-password-123";
const EXPAND_ALL = "product_manager,operations_manager,tech_dev,supply_chain,marketing,data_analysis,compliance_risk";

const PAGES = [
  "/login",
  "/team/chart",
  "/team/heatmap",
  "/team/gaps",
  "/training",
  "/hiring",
  "/team",
  `/team/chart?expanded=${EXPAND_ALL}`,
];
/** The pages autocannon loads (the issue's list); the rest are timed and weighed only. */
const LOADED = new Set(
  process.env.BENCH_LOADED?.split(",") ?? [
    "/login",
    "/team/chart",
    "/team/heatmap",
    "/team/gaps",
    "/training",
    "/hiring",
  ],
);
/** What to measure: home, pages (sequential timings), load (autocannon), chromium, memory, import; all by default. */
const PARTS = new Set((process.env.BENCH_PARTS ?? "home,pages,load,chromium,memory,import").split(","));
/** A directory holding another built tree (its `server.mjs` and `build/`), served beside this one for the Chromium part. */
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
const BASELINE_BASE = `http://localhost:${PORT + 1}`;
/** Visits per page and server in the Chromium part; the table gives each figure's median. */
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 1);
/** Both servers sign cookies with it, so one sign-in serves both. */
const SESSION_SECRET = "bench-session-secret-not-for-production-0123456789";

interface Org {
  size: number;
  id: string;
  email: string;
  firstMemberId: string;
  people: BenchPeople;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function seed(): Promise<Org[]> {
  rmSync(DB_FILE, { force: true });
  rmSync(`${DB_FILE}-wal`, { force: true });
  rmSync(`${DB_FILE}-shm`, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, stdio: "pipe" });
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("../app/utils/db.server");
  const { hashPassword } = await import("../app/utils/password.server");
  const { shippedPlaybook } = await import("../app/domain/playbook");
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const passwordHash = await hashPassword(PASSWORD);
  const skillsOf = new Map(shippedPlaybook.roles.map((role) => [role.id, role.skills.map((skill) => skill.skillId)]));
  const orgs: Org[] = [];
  for (const size of SIZES) {
    const team = await seedBenchTeam(db, size, { slug: `bench-http-${size}`, passwordHash, reportingLines: true });
    const { members } = team;
    const items = members.map((member, i) => ({
      organisationId: team.id,
      memberId: member.id,
      skillId: (skillsOf.get(member.department) ?? [])[0],
      fromLevel: 1,
      targetLevel: 3,
      kind: "course",
      startDate: new Date(Date.UTC(2026, 0, 1)),
      dueDate: new Date(Date.UTC(2027, i % 12, 1)),
      hours: 8,
      status: i % 3 === 0 ? "in_progress" : "planned",
    }));
    for (let i = 0; i < items.length; i += 2000) await db.trainingItem.createMany({ data: items.slice(i, i + 2000) });
    const people = await seedBenchPeople(db, team, size, { passwordHash });
    orgs.push({ size, id: team.id, email: team.email, firstMemberId: members[0].id, people });
  }
  await db.$disconnect();
  return orgs;
}

async function waitForServer(base = BASE) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server did not start");
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    headers: { Origin: BASE },
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie;
}

/** `/login` is asked for signed out (signed in it redirects): the bare page the others are compared with. */
const headersFor = (url: string, cookie: string): Record<string, string> =>
  new URL(url).pathname === "/login" ? {} : { Cookie: cookie };

async function timeOne(url: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: headersFor(url, cookie), redirect: "manual" });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms, bytes: body.byteLength };
}

/** Records one assessment through the member page's form: a write every kept copy must notice. */
async function writeAssessment(org: Org, cookie: string, level: number) {
  const response = await fetch(`${BASE}/team/${org.firstMemberId}/assessments`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ skillId: "market_insight", level: String(level), assessedOn: "2026-12-01", note: "" }),
    redirect: "manual",
  });
  if (response.status >= 400)
    throw new Error(`assessment write answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}

async function load(url: string, cookie: string, connections: number) {
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    headers: headersFor(url, cookie),
    timeout: 30,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function workerPids(primary: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === primary) children.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return children.length > 0 ? children : [primary];
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return kb / 1024;
}

/** The pages the Chromium part opens, signed in as the admin: every page that reads the team. */
function browserPages(org: Org): [label: string, url: string, ready: string][] {
  const memberId = org.people.memberId;
  return [
    ["chart (collapsed)", "/team/chart", ".react-flow__node"],
    ["chart (expanded)", `/team/chart?expanded=${EXPAND_ALL}`, ".react-flow__node"],
    ["/team", "/team", "main table tbody tr"],
    ["/team/heatmap", "/team/heatmap", "[data-testid=team-heatmap] table tbody tr"],
    ["/team/gaps", "/team/gaps", "[data-testid=skill-coverage] tbody tr"],
    ["/team/assess (marketing)", "/team/assess?department=marketing&skill=digital_marketing", "main table tbody tr"],
    ["member page", `/team/${memberId}`, "main table tbody tr"],
    ["/training", "/training", "[data-testid=figures]"],
    ["training plan", `/training/plan/${memberId}`, "main h1"],
    ["/hiring", "/hiring", "[data-testid=delta], [data-testid=no-target]"],
    ["/scenarios", "/scenarios", "main h1"],
    ["/home", "/home", "main section, [data-testid=home-empty]"],
    ["/ownership", "/ownership", "[data-testid=raci-matrix] tbody tr"],
    ["/ownership/diagram", "/ownership/diagram", ".react-flow__node"],
  ];
}

interface BrowserTiming {
  /** the server's part: the first byte of the HTML */
  ttfb: number;
  useful: number;
  longest: number;
  tbt: number;
  elements: number;
  htmlBytes: number;
}

async function browserTimings(browser: Browser, cookie: string, url: string, ready: string): Promise<BrowserTiming> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([
    {
      name: cookie.split("=")[0],
      value: cookie.slice(cookie.indexOf("=") + 1),
      domain: new URL(url).hostname,
      path: "/",
    },
  ]);
  await context.addInitScript(() => {
    const w = window as unknown as { __tasks: number[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  try {
    const started = Date.now();
    const response = await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    await page.locator(ready).first().waitFor({ state: "visible", timeout: 30_000 });
    const useful = Date.now() - started;
    await page.waitForLoadState("load");
    const htmlBytes = (await response.body()).byteLength;
    // long tasks after the load: hydration and effects
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
    const ttfb = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return navigation ? navigation.responseStart - navigation.startTime : 0;
    });
    return {
      ttfb,
      useful,
      longest: Math.max(0, ...tasks),
      tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      elements,
      htmlBytes,
    };
  } finally {
    await context.close();
  }
}

/** Each home page's server time, in rounds with `/login` so a busy neighbour slows them alike. */
async function homeTimings(org: Org, cookies: { label: string; cookie: string }[]) {
  const targets = [{ label: "/login (bare page)", url: `${BASE}/login`, cookie: "" }].concat(
    cookies.map(({ label, cookie }) => ({ label, url: `${BASE}/home`, cookie })),
  );
  // cold: the first request of each after the server started (the home part runs first for each organisation)
  const cold = [];
  for (const target of targets) cold.push((await timeOne(target.url, target.cookie)).ms);
  const times = targets.map(() => [] as number[]);
  const bytes = targets.map(() => 0);
  for (let i = 0; i < REQUESTS; i++)
    for (const [n, target] of targets.entries()) {
      const { ms, bytes: size } = await timeOne(target.url, target.cookie);
      times[n].push(ms);
      bytes[n] = size;
    }
  console.log(`| home page (${org.size} members) | cold ms | median ms | p95 ms | p99 ms | HTML KB |`);
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [n, target] of targets.entries())
    console.log(
      `| ${target.label} | ${fmt(cold[n])} | ${fmt(percentile(times[n], 50))} | ${fmt(percentile(times[n], 95))} | ${fmt(percentile(times[n], 99))} | ${fmt(bytes[n] / 1024, 0)} |`,
    );
}

/** `/healthz` answer times while a 5,000-row member import runs. */
async function healthDuringImport(
  cookie: string,
): Promise<{ importMs: number; status: number; health: number[]; failures: number }> {
  const header = "name,email,title,department,manager_email,roles,markets,languages,start_date";
  const rows = Array.from(
    { length: 5000 },
    (_, i) => `Imported ${i},imported-${i}@bench.example,Specialist,marketing,,marketing:100,US,en,2025-01-01`,
  );
  const form = new FormData();
  form.set("kind", "members");
  form.set("file", new Blob([[header, ...rows].join("\n")], { type: "text/csv" }), "members.csv");
  const health: number[] = [];
  let failures = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        await (await fetch(`${BASE}/healthz`)).arrayBuffer();
        health.push(performance.now() - started);
      } catch {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${BASE}/team/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: BASE },
    body: form,
    redirect: "manual",
  });
  await response.arrayBuffer();
  const importMs = performance.now() - started;
  done = true;
  await poll;
  return { importMs, status: response.status, health, failures };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(7);

async function main() {
  console.log(`Seeding ${SIZES.join(", ")} members…`);
  const orgs = await seed();
  const workers = process.env.WEB_CONCURRENCY ?? "(one per core)";
  console.log(
    `Production server, WEB_CONCURRENCY=${workers}; ${REQUESTS} sequential requests per page; autocannon ${DURATION} s at ${CONNECTIONS.join(" and ")} connections`,
  );
  const serverEnv = {
    ...process.env,
    DATABASE_URL,
    NODE_ENV: "production" as const,
    INSECURE_COOKIES: "1",
    SESSION_SECRET,
  };
  const server = spawn("node", ["server.mjs"], {
    env: { ...serverEnv, PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseline = BASELINE
    ? spawn("node", ["server.mjs"], {
        cwd: BASELINE,
        env: { ...serverEnv, PORT: String(PORT + 1) },
        stdio: ["ignore", "ignore", "inherit"],
      })
    : null;
  let browser: Browser | null = null;
  try {
    await waitForServer();
    if (baseline) {
      await waitForServer(BASELINE_BASE);
      console.log(`Baseline: the build in ${BASELINE} on ${BASELINE_BASE}, for the Chromium part`);
    }
    if (PARTS.has("chromium"))
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
    for (const org of orgs) {
      const cookie = await signIn(org.email);
      console.log(`\n## ${org.size} members\n`);
      if (PARTS.has("home")) {
        await homeTimings(org, [
          { label: "/home, member", cookie: await signIn(org.people.member) },
          { label: "/home, lead", cookie: await signIn(org.people.lead) },
          { label: "/home, HR", cookie },
        ]);
        console.log("");
      }
      if (PARTS.has("pages")) {
        console.log("| page | cold ms | after write ms | median ms | p95 ms | p99 ms | HTML KB |");
        console.log("|---|---:|---:|---:|---:|---:|---:|");
        const cold = new Map<string, number>();
        for (const page of PAGES) cold.set(page, (await timeOne(BASE + page, cookie)).ms);
        const times = new Map<string, number[]>(PAGES.map((p) => [p, []]));
        const bytes = new Map<string, number>();
        for (let i = 0; i < REQUESTS; i++)
          for (const page of PAGES) {
            const { ms, bytes: size } = await timeOne(BASE + page, cookie);
            times.get(page)!.push(ms);
            bytes.set(page, size);
          }
        const afterWrite = new Map<string, number>();
        for (const [n, page] of PAGES.entries()) {
          await writeAssessment(org, cookie, n % 5);
          afterWrite.set(page, (await timeOne(BASE + page, cookie)).ms);
        }
        for (const page of PAGES) {
          const t = times.get(page)!;
          console.log(
            `| ${page.length > 40 ? `${page.slice(0, 28)}…(all)` : page} | ${fmt(cold.get(page)!)} | ${fmt(afterWrite.get(page)!)} | ${fmt(percentile(t, 50))} | ${fmt(percentile(t, 95))} | ${fmt(percentile(t, 99))} | ${fmt(bytes.get(page)! / 1024, 0)} |`,
          );
        }
      }

      if (PARTS.has("load") && (org.size === 1000 || SIZES.length === 1)) {
        console.log("\n| page | connections | req/s | ratio to /login | p99 ms | errors |");
        console.log("|---|---:|---:|---:|---:|---:|");
        for (const connections of CONNECTIONS) {
          const results = new Map<string, Awaited<ReturnType<typeof load>>>();
          for (const page of PAGES)
            if (LOADED.has(page)) results.set(page, await load(BASE + page, cookie, connections));
          const login = results.get("/login")!.rps;
          for (const [page, r] of results)
            console.log(
              `| ${page} | ${connections} | ${fmt(r.rps)} | ${fmt((r.rps / login) * 100, 0)} % | ${fmt(r.p99, 0)} | ${r.errors} |`,
            );
        }
      }

      if (browser) {
        const admin = await signIn(org.people.admin);
        const servers = baseline
          ? [["before", BASELINE_BASE] as const, ["after", BASE] as const]
          : [["", BASE] as const];
        console.log(
          "\n| Chromium, admin | first byte ms | first useful ms | longest task ms | total blocking ms | HTML KB | elements |",
        );
        console.log("|---|---:|---:|---:|---:|---:|---:|");
        for (const [label, url, ready] of browserPages(org)) {
          const runs = new Map<string, BrowserTiming[]>(servers.map(([which]) => [which, []]));
          let failure = "";
          // the two servers alternate, run by run: a busy neighbour slows both alike
          for (let run = 0; run < BROWSER_RUNS && !failure; run++)
            for (const [which, base] of servers) {
              try {
                runs.get(which)!.push(await browserTimings(browser, admin, base + url, ready));
              } catch (error) {
                failure = `${which} failed: ${String(error).split("\n")[0].slice(0, 120)}`;
              }
            }
          for (const [which] of servers) {
            const name = which ? `${label} (${which})` : label;
            const t = runs.get(which)!;
            const median = (pick: (timing: BrowserTiming) => number) => percentile(t.map(pick), 50);
            console.log(
              t.length === 0
                ? `| ${name} | ${failure} | | | | | |`
                : `| ${name} | ${fmt(
                    median((x) => x.ttfb),
                    0,
                  )} | ${fmt(
                    median((x) => x.useful),
                    0,
                  )} | ${fmt(
                    median((x) => x.longest),
                    0,
                  )} | ${fmt(
                    median((x) => x.tbt),
                    0,
                  )} | ${fmt(t[0].htmlBytes / 1024, 0)} | ${t[0].elements} |`,
            );
          }
          if (failure && runs.get(servers[0][0])!.length > 0) console.log(`| (${label}: ${failure}) | | | | | | |`);
        }
      }
      if (PARTS.has("memory")) {
        const rss = workerPids(server.pid!).map(rssMb);
        console.log(
          `\nResident memory per worker after the load: ${rss.map((mb) => `${mb.toFixed(0)} MB`).join(", ")}`,
        );
      }
    }

    if (PARTS.has("import") && process.env.BENCH_IMPORT !== "0") {
      const cookie = await signIn(orgs.at(-1)!.email);
      // the same polling without an import: what this machine gives /healthz at the moment
      const idle: number[] = [];
      for (let i = 0; i < 50; i++) {
        const started = performance.now();
        await (await fetch(`${BASE}/healthz`)).arrayBuffer();
        idle.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      console.log(
        `\n/healthz without an import: 50 answers, median ${percentile(idle, 50).toFixed(1)} ms, max ${Math.max(...idle).toFixed(1)} ms`,
      );
      const { importMs, status, health, failures } = await healthDuringImport(cookie);
      console.log(
        `\n5,000-row member import: answered ${status} in ${importMs.toFixed(0)} ms; /healthz during it: ${health.length} answers, median ${percentile(health, 50).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms, ${failures} failed`,
      );
    }
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
    baseline?.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
