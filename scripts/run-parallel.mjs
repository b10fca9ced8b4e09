// Runs npm scripts side by side and fails when any of them fails, with each
// one's output kept whole (printed when it ends, so lines do not interleave).
// `npm run checks` uses it: typecheck, lint and the formatting check are each
// single-threaded, so on two cores they take the time of the longest.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs <npm script> [<npm script> …]");
  process.exit(2);
}

const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
        const output = [];
        child.stdout.on("data", (chunk) => output.push(chunk));
        child.stderr.on("data", (chunk) => output.push(chunk));
        child.on("close", (code, signal) => {
          process.stdout.write(Buffer.concat(output));
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          process.stdout.write(`[${script}] ${code === 0 ? "passed" : `failed (${signal ?? code})`} in ${seconds} s\n`);
          resolve(code === 0);
        });
      }),
  ),
);

process.exit(results.every(Boolean) ? 0 : 1);
