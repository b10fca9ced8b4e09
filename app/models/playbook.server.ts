import { shippedPlaybook } from "~/domain/playbook";
import type { Playbook } from "~/domain/types";
import { organisationFromBearer } from "~/utils/api-auth.server";
import { getSignedIn } from "~/utils/auth.server";

/**
 * The playbook that applies to a request: that of the organisation named by
 * an API token, else by the session, else the shipped one (anyone may try
 * the planner). A bad token throws the 401 of organisationFromBearer.
 */
export async function playbookForRequest(request: Request): Promise<Playbook> {
  const organisationId = await organisationIdForRequest(request);
  return playbookForOrganisation(organisationId);
}

export async function organisationIdForRequest(request: Request): Promise<string | null> {
  const bearer = await organisationFromBearer(request);
  if (bearer) return bearer.organisationId;
  const signedIn = await getSignedIn(request);
  return signedIn?.actor.organisationId ?? null;
}

/**
 * An organisation's playbook. There is no playbook editing yet, so every
 * organisation uses the shipped one; edited playbooks plug in here.
 */
export async function playbookForOrganisation(_organisationId: string | null): Promise<Playbook> {
  return shippedPlaybook;
}
