/**
 * Time pages over HTTP against a running production server (`npm run serve`):
 * the first request (cold), then the median and p95 of REQUESTS more, one at
 * a time, each page in turn. A bare page is there for comparison: what any
 * request costs before a loader does real work.
 *
 *   BENCH_URL=http://localhost:3206 npx tsx scripts/bench-http.ts [path ...]
 */
const base = process.env.BENCH_URL ?? "http://localhost:3000";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

const paths =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [
        "/planner?model=b2b&stage=growth&lang=zh",
        "/planner?model=independent_site&stage=growth&role=tech_dev&lang=en",
        "/api/v1/recommendation?model=b2b&stage=growth&lang=en",
        "/healthz",
        // a bare page: the root layout and no loader work to speak of
        "/login",
      ];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(base + path);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return elapsed;
}

async function main() {
  console.log(`${base}: cold = first request, then ${REQUESTS} requests each (node ${process.version})`);
  const cold = new Map<string, number>();
  for (const path of paths) cold.set(path, await time(path));
  const times = new Map<string, number[]>(paths.map((p) => [p, []]));
  for (let i = 0; i < REQUESTS; i++) for (const path of paths) times.get(path)!.push(await time(path));
  for (const path of paths) {
    const sorted = times.get(path)!.sort((a, b) => a - b);
    console.log(
      `${path.padEnd(72)} cold ${cold.get(path)!.toFixed(1)} ms   median ${percentile(sorted, 50).toFixed(2)} ms   p95 ${percentile(sorted, 95).toFixed(2)} ms`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
