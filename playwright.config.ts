import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser)
 * against the production build, on a database of their own.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // a shared 2-core machine: a minute per test, so a busy neighbour is not a failure
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
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
