import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { sha256 } from "./secrets.server";

/**
 * Time-based one-time passwords (RFC 6238) with `otpauth`: SHA-1, 6 digits,
 * 30-second steps, the defaults every authenticator app reads. A code is
 * accepted one step early or late (clock drift) and only once: the step it
 * was accepted for is kept, and a code of that step or an earlier one is
 * refused (a code seen over someone's shoulder cannot be replayed).
 */
export const TOTP_ISSUER = "Cross-border Team Planner";
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = ""): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` address an authenticator app scans. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The address as a QR code: an SVG data URL (the page's CSP allows data: images), no outside service. */
export async function totpQrDataUrl(secret: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(secret, email), { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The code for a moment: for tests, and nothing else. */
export function totpCodeAt(secret: string, timestamp: number): string {
  return totp(secret).generate({ timestamp });
}

/**
 * The 30-second step a code is valid for at `now`, if it is valid and newer
 * than `lastStep`; else null. Spaces in what was typed are ignored.
 */
export function acceptedTotpStep(secret: string, typed: string, lastStep: number | null, now: Date): number | null {
  const token = typed.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Recovery codes: ten of `xxxxx-xxxxx` (lowercase base32, 50 bits each), each usable once. */
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
  });
}

/** What is stored of a recovery code: its hash, of the code as typed in any case, with or without the dash. */
export function recoveryCodeHash(code: string): string {
  return sha256(
    code
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, ""),
  );
}

export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(typed.trim());
}
