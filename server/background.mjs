/**
 * Starts the app's background work (the mail worker and the reminder
 * scheduler, app/utils/background.server.ts) in this process. The server
 * calls it once after it listens; with several worker processes each runs
 * its own copy, which is safe: rows are claimed atomically in the database.
 * @param {{ entry?: { module?: { startBackgroundJobs?: () => boolean } } }} build
 */
export function startBackground(build) {
  try {
    return build.entry?.module?.startBackgroundJobs?.() ?? false;
  } catch (error) {
    console.error("[background] could not start:", error);
    return false;
  }
}
