/**
 * Prisma's errors recognised by their code, whichever generated client threw them: the SQLite and
 * the PostgreSQL clients are separate builds, and `instanceof` one client's
 * `PrismaClientKnownRequestError` is false for the other's (decision 0024).
 */
export function prismaErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}

/** A unique index refused the write (P2002). */
export const isUniqueViolation = (error: unknown): boolean => prismaErrorCode(error) === "P2002";

/** What the error says about the refusing constraint (its `meta`; the shape differs per engine and adapter). */
export function errorMeta(error: unknown): string {
  const meta = typeof error === "object" && error !== null ? (error as { meta?: unknown }).meta : undefined;
  return JSON.stringify(meta ?? {});
}
