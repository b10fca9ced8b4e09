import { db } from "~/utils/db.server";

/** The database answers (for /healthz). Throws when it cannot be reached. */
export async function databaseCheck(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
