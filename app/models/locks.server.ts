import type { Prisma } from "@prisma/client";
import { databaseProvider, databaseUrl } from "~/utils/database-url";

/**
 * Invariants that span rows (an organisation keeps an active admin; reporting lines have no loop)
 * are checked inside the write's transaction. On SQLite that is enough: every transaction starts
 * with `BEGIN IMMEDIATE` and one writer holds the file (db.server.ts). On PostgreSQL two
 * transactions run at once, each checks before the other commits, and both pass: two admins
 * demoting each other left none (STACK.md). So there, the transaction first takes the
 * organisation's advisory lock for that invariant, held until it commits or rolls back; the
 * second writer waits, then checks what the first committed (decision 0024).
 * Take it first in the transaction, before the reads the check depends on.
 */
export type OrganisationLock = "admins" | "reporting_lines";

/** Advisory lock keys: the invariant, then the organisation's id hashed by the server. */
const ADMINS_LOCK = 17_001;

const onPostgres = () => databaseProvider(databaseUrl()) === "postgresql";

/** Takes the organisation's lock for `invariant` until the transaction ends (nothing to do on SQLite). */
export async function lockOrganisation(
  tx: Prisma.TransactionClient,
  organisationId: string,
  invariant: OrganisationLock,
): Promise<void> {
  if (!onPostgres()) return;
  if (invariant === "admins") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK}::int4, hashtext(${organisationId}))`;
    return;
  }
  // Reporting lines are members' rows: every write to the team raises the organisation's TeamRevision row
  // (decision 0017's triggers) and so waits for this lock, the CSV import's too (team-import-connection.server.ts).
  await tx.$executeRaw`INSERT INTO "TeamRevision" ("organisationId") VALUES (${organisationId}) ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`SELECT 1 FROM "TeamRevision" WHERE "organisationId" = ${organisationId} FOR UPDATE`;
}
