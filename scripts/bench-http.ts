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
 * page's line for b gives its median and p95 as a ratio of a's.
 *
 * BENCH_PIDS=pa,pb (the servers' process ids, one worker each:
 * WEB_CONCURRENCY=1) adds the CPU time each server spent per request, read
 * from /proc (Linux): on a shared machine it moves much less than the
 * elapsed time. `npm run bench:planner-vs` is this script; decision 0020 has
 * the commands that build and start the older tree beside this one.
 */
import { readFileSync } from "node:fs";

const bases = (process.env.BENCH_URL ?? "http://localhost:3000")
  .split(",")
  .map((url) => url.trim())
  .filter(Boolean);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const pids = (process.env.BENCH_PIDS ?? "")
  .split(",")
  .map((pid) => pid.trim())
  .filter(Boolean);
if (pids.length > 0 && pids.length !== bases.length) throw new Error("BENCH_PIDS needs one process id per BENCH_URL");

/** The CPU time (user + system, ms) a process has used so far; 10 ms steps. */
function cpuMs(pid: string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

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
  const cpu = new Map<string, number>();
  for (let i = 0; i < REQUESTS; i++) {
    for (const path of paths) {
      for (const [index, base] of bases.entries()) {
        const list = times.get(key(base, path)) ?? [];
        const before = pids[index] ? cpuMs(pids[index]) : 0;
        list.push(await time(base, path));
        if (pids[index]) cpu.set(key(base, path), (cpu.get(key(base, path)) ?? 0) + cpuMs(pids[index]) - before);
        times.set(key(base, path), list);
      }
    }
  }
  for (const path of paths) {
    const medians: number[] = [];
    const p95s: number[] = [];
    const cpus: number[] = [];
    for (const base of bases) {
      const sorted = times.get(key(base, path))!.sort((a, b) => a - b);
      medians.push(percentile(sorted, 50));
      p95s.push(percentile(sorted, 95));
      const label = bases.length > 1 ? `${base} ${path}` : path;
      const ofFirst = (list: number[]) => `${((list[list.length - 1] / list[0]) * 100).toFixed(0)} %`;
      let cpuText = "";
      if (cpu.has(key(base, path))) {
        cpus.push(cpu.get(key(base, path))! / REQUESTS);
        cpuText = `   cpu ${cpus[cpus.length - 1].toFixed(1)} ms/request`;
      }
      const ratio =
        p95s.length > 1
          ? `   of the first: median ${ofFirst(medians)}, p95 ${ofFirst(p95s)}${cpus.length > 1 ? `, cpu ${ofFirst(cpus)}` : ""}`
          : "";
      console.log(
        `${label.padEnd(72)} cold ${cold.get(key(base, path))!.toFixed(1)} ms   median ${percentile(sorted, 50).toFixed(2)} ms   p95 ${percentile(sorted, 95).toFixed(2)} ms${cpuText}${ratio}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
