import { db } from "~/utils/db.server";

/** The database answers, and how many organisations it holds (for /healthz). Throws when it cannot be reached. */
export async function databaseCheck(): Promise<{ organisations: number }> {
  await db.$queryRaw`SELECT 1`;
  return { organisations: await db.organisation.count() };
}
