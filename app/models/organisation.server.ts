import type { ModelId, StageId } from "~/domain/types";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { securityEventCreate } from "./security-event.server";

export interface OrganisationSettings {
  id: string;
  name: string;
  operatingModel: ModelId;
  stage: StageId;
}

export async function getOrganisationSettings({ organisationId }: { organisationId: string }): Promise<OrganisationSettings | null> {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, operatingModel: true, stage: true },
  });
  if (!organisation) return null;
  return {
    ...organisation,
    // the column is free text; an id the playbook no longer knows falls back like getSignedIn does
    operatingModel: isModelId(organisation.operatingModel) ? organisation.operatingModel : "platform",
    stage: isStageId(organisation.stage) ? organisation.stage : "startup",
  };
}

/**
 * Changes the organisation's name, operating model and stage, and records
 * "organisation_updated" in the same transaction. Nothing is written when
 * nothing changed. Returns the fields that changed.
 */
export async function updateOrganisation(input: {
  organisationId: string;
  actorUserId: string;
  name: string;
  operatingModel: ModelId;
  stage: StageId;
  ipAddress: string | null;
}): Promise<{ changed: Array<"name" | "operatingModel" | "stage"> } | null> {
  const current = await getOrganisationSettings({ organisationId: input.organisationId });
  if (!current) return null;
  const changed = (["name", "operatingModel", "stage"] as const).filter((field) => current[field] !== input[field]);
  if (changed.length === 0) return { changed: [] };
  // the business profile's channels name the primary model: a new model here replaces them by itself alone
  const clearsChannels =
    changed.includes("operatingModel") &&
    (await db.profileChannel.count({ where: { organisationId: input.organisationId } })) > 0;
  await db.$transaction([
    db.organisation.update({
      where: { id: input.organisationId },
      data: { name: input.name, operatingModel: input.operatingModel, stage: input.stage },
    }),
    ...(clearsChannels ? [db.profileChannel.deleteMany({ where: { organisationId: input.organisationId } })] : []),
    securityEventCreate({
      type: "organisation_updated",
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      detail: {
        changed: [...changed],
        ...Object.fromEntries(changed.map((field) => [field, input[field]])),
        ...Object.fromEntries(changed.map((field) => [`previous_${field}`, current[field]])),
        ...(clearsChannels ? { channelsCleared: true } : {}),
      },
      ipAddress: input.ipAddress,
    }),
  ]);
  return { changed };
}
