import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets kept in the database that the app must read back (a second
 * factor's TOTP secret), sealed with AES-256-GCM so a copy of the database
 * alone does not give them away (decision 0010).
 *
 * The key: `DATA_KEY` (base64 of 32 bytes; comma-separated to rotate, the
 * first seals, every one opens), else one generated on first start and kept
 * beside the database (`DATA_KEY_FILE`, default `data/data-key`), like the
 * session secret. A value stored before sealing existed (no `sealed:v1:`
 * prefix) is read as it is and sealed at its next write.
 */

const PREFIX = "sealed:v1:";

function loadKeys(): Buffer[] {
  const configured = process.env.DATA_KEY?.split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  const encoded = configured && configured.length > 0 ? configured : [keyFromFile()];
  return encoded.map((value) => {
    const key = Buffer.from(value, "base64");
    if (key.length !== 32) throw new Error("DATA_KEY must be the base64 of 32 random bytes (openssl rand -base64 32)");
    return key;
  });
}

function keyFromFile(): string {
  const file = path.resolve(process.env.DATA_KEY_FILE ?? "data/data-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // another process wrote it first: use theirs
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

let keys: Buffer[] | undefined;
const currentKeys = () => (keys ??= loadKeys());

/** Which key sealed a value: the first 8 hex digits of its SHA-256 (not secret, and no use without the key). */
const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function seal(plain: string): string {
  const [key] = currentKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${keyId(key)}:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${body.toString("base64url")}`;
}

/** The plain value, or null when it cannot be opened (an unknown key, or a value that was changed). */
export function unseal(stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return stored;
  const [id, iv, tag, body] = stored.slice(PREFIX.length).split(":");
  const key = currentKeys().find((candidate) => keyId(candidate) === id);
  if (!key || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** For tests: read the keys again (after changing DATA_KEY). */
export function forgetDataKeys(): void {
  keys = undefined;
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);
