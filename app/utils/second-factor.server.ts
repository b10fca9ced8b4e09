import { createCookie, type Cookie } from "@remix-run/node";
import { sessionSecrets } from "./secrets.server";

/**
 * Between the password and the code: a signed, short-lived cookie naming the
 * person whose password was right, and where to go afterwards. It grants
 * nothing by itself; only the second step's code turns it into a session.
 */
export const SECOND_STEP_MS = 5 * 60_000;

let cookie: Cookie | undefined;
function pendingCookie(): Cookie {
  cookie ??= createCookie("__second_step", {
    httpOnly: true,
    sameSite: "lax",
    path: "/login",
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    secrets: sessionSecrets(),
    maxAge: SECOND_STEP_MS / 1000,
  });
  return cookie;
}

export interface PendingSecondStep {
  userId: string;
  email: string;
  redirectTo: string;
  expiresAt: number;
}

export async function startSecondStep(
  pending: Omit<PendingSecondStep, "expiresAt">,
  now = new Date(),
): Promise<string> {
  return pendingCookie().serialize({ ...pending, expiresAt: now.getTime() + SECOND_STEP_MS });
}

/** The pending second step the request presents, if it is ours and not expired. */
export async function pendingSecondStep(request: Request, now = new Date()): Promise<PendingSecondStep | null> {
  const value: unknown = await pendingCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { userId, email, redirectTo, expiresAt } = value as Record<string, unknown>;
  if (
    typeof userId !== "string" ||
    typeof email !== "string" ||
    typeof redirectTo !== "string" ||
    typeof expiresAt !== "number"
  )
    return null;
  return expiresAt > now.getTime() ? { userId, email, redirectTo, expiresAt } : null;
}

export async function clearSecondStep(): Promise<string> {
  return pendingCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}
