import type { Language, ModelId, RoleId, StageId } from "~/domain/types";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { CORE_ROLE_IDS } from "~/domain/types";
import { accessStrings } from "~/locales/access";
import { db } from "~/utils/db.server";
import { appUrl, composeMail } from "~/utils/mail-content.server";
import { hashPassword } from "~/utils/password.server";
import { randomToken, sha256 } from "~/utils/secrets.server";
import { createOrganisationWithAdmin, EmailTakenError } from "./user.server";

/**
 * A founder's sign-up, confirmed by email (issue 14). Asking always does the
 * same work and gives the same answer, whether the email is new or already
 * has an account: one password hash, one `SignupRequest` row and one queued
 * email, in one transaction. Only the email differs: for a new address it
 * holds a single-use link (24 hours) whose confirmation creates the
 * organisation and signs the founder in; for an address with an account it
 * says so and links to sign-in and password reset. See decision 0010's addendum.
 */
export const SIGNUP_LIFETIME_MS = 24 * 3_600_000;

export interface SignupDetails {
  organisation: { name: string; operatingModel: ModelId; stage: StageId };
  name: string;
  founderMember: { roleId: RoleId | null } | null;
}

/** The stored details, read back defensively: anything unreadable is null (the link then does not work). */
export function parseSignupDetails(json: string): SignupDetails | null {
  try {
    const value = JSON.parse(json) as Partial<SignupDetails> | null;
    const organisation = value?.organisation;
    if (!organisation || typeof organisation.name !== "string" || !organisation.name) return null;
    if (!isModelId(organisation.operatingModel) || !isStageId(organisation.stage)) return null;
    if (typeof value.name !== "string" || !value.name) return null;
    const roleId = value.founderMember?.roleId ?? null;
    if (roleId !== null && !(CORE_ROLE_IDS as readonly string[]).includes(roleId)) return null;
    return {
      organisation: { name: organisation.name, operatingModel: organisation.operatingModel, stage: organisation.stage },
      name: value.name,
      founderMember: value.founderMember ? { roleId } : null,
    };
  } catch {
    return null;
  }
}

/** The confirmation link's path for a token. */
export const signupConfirmPath = (token: string) => `/signup/confirm/${token}`;

/**
 * Records a sign-up and queues its email. Returns nothing the caller could
 * tell the two cases apart by.
 */
export async function requestSignup(input: {
  email: string;
  password: string;
  details: SignupDetails;
  lang: Language;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  // hashed before the lookup, for both cases: a taken email costs the same work as a new one
  const passwordHash = await hashPassword(input.password);
  const taken = (await db.user.count({ where: { email: input.email } })) > 0;
  const token = randomToken();
  const strings = accessStrings[input.lang].mail;
  const mail = taken
    ? composeMail({
        lang: input.lang,
        subject: strings.signupExisting.subject,
        body: strings.signupExisting.body,
        params: { reset: `${appUrl()}/forgot-password` },
        href: "/login",
      })
    : composeMail({
        lang: input.lang,
        subject: strings.signupConfirm.subject,
        body: strings.signupConfirm.body,
        params: { organisation: input.details.organisation.name },
        href: signupConfirmPath(token),
      });
  await db.$transaction(async (tx) => {
    const request = await tx.signupRequest.create({
      data: {
        // for a taken email the secret is never sent: the row only makes both answers cost the same
        tokenHash: sha256(token),
        email: input.email,
        passwordHash: taken ? "" : passwordHash,
        details: taken ? "{}" : JSON.stringify(input.details),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGNUP_LIFETIME_MS),
      },
      select: { id: true },
    });
    await tx.mailMessage.create({
      data: {
        organisationId: null,
        userId: null,
        toEmail: input.email,
        kind: taken ? "signup_existing" : "signup_confirm",
        ...mail,
        dedupeKey: `signup:${request.id}`,
      },
    });
  });
}

/** The sign-up a link confirms, while it is unused and unexpired, with readable details. */
export async function findSignup(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const request = await db.signupRequest.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, email: true, passwordHash: true, details: true, usedAt: true, expiresAt: true },
  });
  if (!request || request.usedAt || request.expiresAt <= now || !request.passwordHash) return null;
  const details = parseSignupDetails(request.details);
  if (!details) return null;
  return { id: request.id, email: request.email, passwordHash: request.passwordHash, details };
}

export class SignupLinkUnusableError extends Error {
  constructor(readonly reason: "invalid" | "email_taken") {
    super(`sign-up link: ${reason}`);
  }
}

/**
 * Creates the organisation a link confirms, with its founder as admin (and
 * as a member when they asked), and uses up the link, all in one
 * transaction: a link works once, and a failure creates nothing. Throws
 * SignupLinkUnusableError when the link does not work (any more) or the email
 * got an account in the meantime.
 */
export async function confirmSignup(input: { token: string; ipAddress: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const request = await findSignup(input.token, now);
  if (!request) throw new SignupLinkUnusableError("invalid");
  try {
    return await createOrganisationWithAdmin({
      organisation: request.details.organisation,
      admin: { name: request.details.name, email: request.email, passwordHash: request.passwordHash },
      founderMember: request.details.founderMember,
      ipAddress: input.ipAddress,
      // inside the creating transaction: two clicks at once create one organisation
      async claim(tx) {
        const claimed = await tx.signupRequest.updateMany({
          where: { id: request.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (claimed.count !== 1) throw new SignupLinkUnusableError("invalid");
        // the other open links for this email stop working too
        await tx.signupRequest.updateMany({ where: { email: request.email, usedAt: null }, data: { usedAt: now } });
      },
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new SignupLinkUnusableError("email_taken");
    throw error;
  }
}

/** Forgets sign-ups whose link expired (run by the scheduler). */
export async function purgeExpiredSignups(now = new Date()): Promise<number> {
  const { count } = await db.signupRequest.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
