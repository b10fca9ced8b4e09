import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A random token for links, sessions and API tokens: 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are random and long, so a plain SHA-256 is enough to store them. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * The secret that signs cookies: `SESSION_SECRET` when set (comma-separated
 * to rotate), else one generated on first start and kept beside the database,
 * so nothing ships with a default secret.
 */
export function sessionSecrets(): string[] {
  const configured = process.env.SESSION_SECRET?.split(",")
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (configured && configured.length > 0) return configured;
  const file = path.resolve(process.env.SESSION_SECRET_FILE ?? "data/session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomToken(48), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // another process wrote it first: use theirs
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return [readFileSync(file, "utf8").trim()];
}
