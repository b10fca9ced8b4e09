import { z } from "zod";
import { OPTIONAL_EMAIL_KINDS } from "~/domain/notifications";
import { confirmPasswordField, emailField, newPasswordField, passwordsMatch } from "./auth";

/** The forms of issue 16: the inbox, email preferences, the calendar feed, unsubscribe, password reset. Messages: keys under "nextSteps.errors". */
export const NOTIFY_FORM = { messages: "nextSteps.errors" } as const;

export const inboxSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("read_all") }), z.object({ intent: z.literal("read"), id: z.string().min(1).max(64) })],
  { errorMap: () => ({ message: "nextSteps.errors.intent" }) },
);

export const preferencesSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("email"),
      lang: z.enum(["zh", "en"], { errorMap: () => ({ message: "nextSteps.errors.lang" }) }),
      kinds: z
        .array(z.enum(OPTIONAL_EMAIL_KINDS, { errorMap: () => ({ message: "nextSteps.errors.kind" }) }))
        .default([]),
    }),
    z.object({ intent: z.literal("calendar_create") }),
    z.object({ intent: z.literal("calendar_revoke") }),
  ],
  { errorMap: () => ({ message: "nextSteps.errors.intent" }) },
);

export const unsubscribeSchema = z.object({
  u: z.string().min(1).max(64),
  k: z.enum(OPTIONAL_EMAIL_KINDS, { errorMap: () => ({ message: "nextSteps.errors.kind" }) }),
  s: z.string().min(1).max(128),
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z
  .object({ password: newPasswordField, confirmPassword: confirmPasswordField })
  .superRefine(passwordsMatch);
