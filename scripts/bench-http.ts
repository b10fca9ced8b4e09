/**
 * Time pages over HTTP against a running production server (`npm run serve`):
 * the first request (cold), then the median and p95 of REQUESTS more, one at
 * a time, each page in turn. A bare page is there for comparison: what any
 * request costs before a loader does real work.
 *
 *   BENCH_URL=http://localhost:3206 npx tsx scripts/bench-http.ts [path ...]
 *
 * Two servers (say, this build and an older one) in one run: BENCH_URL=a,b.
 * Their requests alternate, so a busy neighbour slows both alike, and each
 * page's line for b gives its p95 as a ratio of a's.
 */
const bases = (process.env.BENCH_URL ?? "http://localhost:3000")
  .split(",")
  .map((url) => url.trim())
  .filter(Boolean);
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

async function time(base: string, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(base + path);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${base}${path} answered ${response.status}`);
  return elapsed;
}

async function main() {
  console.log(`${bases.join(" vs ")}: cold = first request, then ${REQUESTS} requests each (node ${process.version})`);
  const key = (base: string, path: string) => `${base} ${path}`;
  const cold = new Map<string, number>();
  for (const path of paths) for (const base of bases) cold.set(key(base, path), await time(base, path));
  const times = new Map<string, number[]>();
  for (let i = 0; i < REQUESTS; i++) {
    for (const path of paths) {
      for (const base of bases) {
        const list = times.get(key(base, path)) ?? [];
        list.push(await time(base, path));
        times.set(key(base, path), list);
      }
    }
  }
  for (const path of paths) {
    const p95s: number[] = [];
    for (const base of bases) {
      const sorted = times.get(key(base, path))!.sort((a, b) => a - b);
      p95s.push(percentile(sorted, 95));
      const label = bases.length > 1 ? `${base} ${path}` : path;
      const ratio =
        p95s.length > 1 ? `   p95 ${((p95s[p95s.length - 1] / p95s[0]) * 100).toFixed(0)} % of the first` : "";
      console.log(
        `${label.padEnd(72)} cold ${cold.get(key(base, path))!.toFixed(1)} ms   median ${percentile(sorted, 50).toFixed(2)} ms   p95 ${percentile(sorted, 95).toFixed(2)} ms${ratio}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
