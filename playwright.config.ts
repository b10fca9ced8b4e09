import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * `E2E_LEAN=1` (CI sets it): no trace recording and no HTML report. Both cost
 * CPU on every test of a 2-core machine, and nobody opens them from a CI log;
 * a failure still prints its error, and a screenshot is still taken.
 */
const LEAN = process.env.E2E_LEAN === "1";
/**
 * The phone sweep (every page at 390 px for every user kind in both
 * languages, axe-core on every page): `npm run test:phone` runs it alone, and
 * `E2E_PHONE=0` leaves it out of a run (CI runs it: decision 0019).
 */
const PHONE_SWEEP = "**/phone-and-a11y.spec.ts";

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser)
 * against the production build, on a database of their own.
 */
export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: process.env.E2E_PHONE === "0" ? [PHONE_SWEEP] : [],
  outputDir: "test-results",
  // signs each demo account in once per run; tests reuse the sessions (helpers.ts, addDemoSession)
  globalSetup: "./tests/e2e/setup/demo-sessions.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // a shared 2-core machine: a minute per test, so a busy neighbour is not a failure
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: LEAN ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: LEAN ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
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
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // a fresh database each run, so throttles and accounts of an earlier run do not leak in
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm run build && npm run serve",
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    // the tests sign in with the demo accounts; every spec signs in and up from this one address
    env: {
      PORT: String(PORT),
      DATABASE_URL: "file:./data/e2e.db",
      NODE_ENV: "production",
      DEMO: "1",
      SIGNUP_LIMIT_PER_HOUR: "1000",
      PUBLIC_WRITE_LIMIT_PER_10_MIN: "10000",
    },
    stdout: "pipe",
  },
});
