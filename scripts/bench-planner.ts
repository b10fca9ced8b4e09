/**
 * Server-side time of the planner page and the public API: median (and p95)
 * of 200 requests each, through the production build's request handler, so
 * the figure is the server's own work without a network in between.
 *
 *   npm run build && npm run bench
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

const REQUESTS = 200;
const WARMUP = 20;

const targets = [
  { name: "planner page (b2b, growth, zh)", url: "/planner?model=b2b&stage=growth&lang=zh" },
  {
    name: "planner page with role panel (en)",
    url: "/planner?model=independent_site&stage=growth&role=tech_dev&lang=en",
  },
  { name: "API /api/v1/recommendation", url: "/api/v1/recommendation?model=b2b&stage=growth&lang=en" },
  {
    name: "planner page sized (2 channels, 6 drivers)",
    url: "/planner?channels=platform:70,independent_site:30&stage=growth&stores=10&skus=4500&ordersPerDay=3200&markets=9&languages=5&b2bAccounts=0&lang=zh",
  },
  {
    name: "API sized (2 channels, 6 drivers)",
    url: "/api/v1/recommendation?channels=platform:70,independent_site:30&stage=growth&stores=10&skus=4500&ordersPerDay=3200&markets=9&languages=5&b2bAccounts=0",
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  process.env.NODE_ENV = "production";
  const buildPath = path.resolve("build/server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");

  console.log(`Server time per request, ${REQUESTS} requests after ${WARMUP} warm-up (node ${process.version})`);
  for (const target of targets) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const started = performance.now();
      const response = await handle(new Request(`http://localhost${target.url}`));
      await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${target.url} answered ${response.status}`);
      if (i >= WARMUP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${target.name.padEnd(40)} median ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
