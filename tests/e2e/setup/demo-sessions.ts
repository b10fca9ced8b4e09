import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { request, type FullConfig } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoStatePath } from "../helpers";

/**
 * Signs each demo account in once per run, through the real `/login` action
 * (the same POST the form sends), and saves its cookies where
 * `addDemoSession` (helpers.ts) finds them. About forty tests used to type the
 * demo password into the form; each sign-in costs a scrypt hash on a 2-core
 * machine. The form itself is still driven by the tests that are about
 * signing in (accounts, security, home, focus, phone sweep).
 *
 * Runs after the web server is up (Playwright starts `webServer` before the
 * global setup), on the run's fresh database: the files of an earlier run
 * name sessions that no longer exist, so they are written again every run.
 */
export default async function signInDemoAccounts(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  mkdirSync(path.dirname(demoStatePath(DEMO_ACCOUNTS[0])), { recursive: true });
  await Promise.all(
    DEMO_ACCOUNTS.map(async (email) => {
      const context = await request.newContext({ baseURL });
      try {
        const response = await context.post("/login", {
          headers: { Origin: baseURL },
          form: { email, password: DEMO_PASSWORD },
          maxRedirects: 0,
        });
        const location = response.headers()["location"];
        if (response.status() !== 302 || location !== "/home") {
          throw new Error(`${email} did not sign in: ${response.status()} ${location ?? ""}`);
        }
        const state = await context.storageState();
        if (!state.cookies.some((cookie) => cookie.name === "__session")) {
          throw new Error(`${email} signed in without a session cookie`);
        }
        writeFileSync(demoStatePath(email), JSON.stringify(state));
      } finally {
        await context.dispose();
      }
    }),
  );
}
