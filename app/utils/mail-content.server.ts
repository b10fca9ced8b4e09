import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind, OptionalEmailKind } from "~/domain/notifications";
import type { Language } from "~/domain/types";
import { nextStepsStrings } from "~/locales/next-steps";
import { sessionSecrets } from "./secrets.server";

/**
 * What an email says (issue 16): subject, plain text and HTML in the
 * recipient's language, links on APP_URL, and the signed unsubscribe link
 * for the kinds a person may turn off.
 */

/** The address links in emails start with: APP_URL, else the local server. */
export function appUrl(): string {
  return (process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(params[key] ?? ""));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** The signature of an unsubscribe link: an HMAC of the person and the kind with the session secret. */
export function unsubscribeSignature(userId: string, kind: string, secret = sessionSecrets()[0]): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function verifyUnsubscribe(userId: string, kind: string, signature: string): boolean {
  return sessionSecrets().some((secret) => {
    const expected = Buffer.from(unsubscribeSignature(userId, kind, secret));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

export function unsubscribeUrl(userId: string, kind: OptionalEmailKind): string {
  return `${appUrl()}/unsubscribe?${new URLSearchParams({ u: userId, k: kind, s: unsubscribeSignature(userId, kind) })}`;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One email: the kind's subject and body with `params`, a link to `href` (a path or a full URL), the footer. */
export function renderMail(input: {
  kind: NotificationKind;
  lang: Language;
  params: Record<string, string | number>;
  href: string;
  organisationName?: string;
  unsubscribe?: string | null;
}): RenderedMail {
  const template = nextStepsStrings[input.lang].message[input.kind];
  return composeMail({ ...input, subject: template.subject, body: template.body });
}

/**
 * An email from its own subject and body templates (`{{name}}` filled from
 * `params`): what renderMail does for a notification kind, for the emails
 * that belong to no organisation's inbox (a sign-up's confirmation).
 */
export function composeMail(input: {
  lang: Language;
  subject: string;
  body: string;
  params: Record<string, string | number>;
  href: string;
  organisationName?: string;
  unsubscribe?: string | null;
}): RenderedMail {
  const strings = nextStepsStrings[input.lang].message;
  const link = /^https?:\/\//.test(input.href) ? input.href : `${appUrl()}${input.href}`;
  const subject = interpolate(input.subject, input.params);
  const body = interpolate(input.body, input.params);
  const footer = input.organisationName ? interpolate(strings.footer, { organisation: input.organisationName }) : "";
  const text = [body, "", link, "", footer, input.unsubscribe ? `${strings.unsubscribe}: ${input.unsubscribe}` : ""]
    .filter((line, index, all) => line !== "" || (index > 0 && all[index - 1] !== ""))
    .join("\n")
    .trim();
  const html = [
    `<p>${escapeHtml(body)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(strings.open)}</a><br><span style="color:#64748b">${escapeHtml(link)}</span></p>`,
    footer ? `<p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p>` : "",
    input.unsubscribe
      ? `<p style="font-size:12px"><a href="${escapeHtml(input.unsubscribe)}">${escapeHtml(strings.unsubscribe)}</a></p>`
      : "",
  ].join("\n");
  return { subject, text, html };
}
