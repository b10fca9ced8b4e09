import { purgeExpiredAcceptances } from "~/models/invite.server";
import { purgeExpiredSignups } from "~/models/signup.server";
import { processMailQueue } from "~/models/mail-queue.server";
import { runReminders, runWeeklyDigest } from "~/models/reminders.server";

/**
 * The server's background work (issue 16): the mail worker every few
 * seconds, the reminders and the weekly digest every few minutes. Started
 * once per process by server/background.mjs; safe in several processes at
 * once (a mail row is claimed atomically, a reminder lands once per key).
 * BACKGROUND_JOBS=0 turns it off (the tests drive the same functions).
 */

const MAIL_EVERY_MS = Number(process.env.MAIL_WORKER_INTERVAL_MS ?? 5_000);
const SCHEDULE_EVERY_MS = Number(process.env.SCHEDULER_INTERVAL_MS ?? 10 * 60_000);

let started = false;

function guarded(label: string, work: () => Promise<unknown>): () => void {
  let running = false;
  return () => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => console.error(`[background] ${label} failed:`, error))
      .finally(() => {
        running = false;
      });
  };
}

export function startBackgroundJobs(): boolean {
  if (started || process.env.BACKGROUND_JOBS === "0") return false;
  started = true;
  const mail = guarded("mail worker", async () => {
    // drain what is due, a batch at a time
    for (let round = 0; round < 50; round += 1) {
      const { sent, failed } = await processMailQueue();
      if (sent + failed === 0) break;
    }
  });
  const schedule = guarded("scheduler", async () => {
    await runReminders();
    await runWeeklyDigest();
    await purgeExpiredSignups();
    await purgeExpiredAcceptances();
    mail();
  });
  setInterval(mail, MAIL_EVERY_MS).unref();
  setInterval(schedule, SCHEDULE_EVERY_MS).unref();
  setTimeout(schedule, 1_000).unref();
  setTimeout(mail, 500).unref();
  return true;
}
