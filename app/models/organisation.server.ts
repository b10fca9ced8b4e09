import type { Prisma } from "@prisma/client";
import type { ModelId, StageId } from "~/domain/types";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { securityEventCreate } from "./security-event.server";
import { saveIfVersion, type VersionedSave } from "./versioned.server";

export interface OrganisationSettings {
  id: string;
  name: string;
  operatingModel: ModelId;
  stage: StageId;
  /** raised by every save of the organisation form, the business profile and the hiring target (decision 0009) */
  version: number;
  /** raised by every save of the business profile (its form's version) */
  profileVersion: number;
}

export function getOrganisationSettings({
  organisationId,
}: {
  organisationId: string;
}): Promise<OrganisationSettings | null> {
  return readSettings(db, organisationId);
}

async function readSettings(
  client: Pick<Prisma.TransactionClient, "organisation">,
  organisationId: string,
): Promise<OrganisationSettings | null> {
  const organisation = await client.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, operatingModel: true, stage: true, version: true, profileVersion: true },
  });
  if (!organisation) return null;
  return {
    ...organisation,
    // the column is free text; an id the playbook no longer knows falls back like getSignedIn does
    operatingModel: isModelId(organisation.operatingModel) ? organisation.operatingModel : "platform",
    stage: isStageId(organisation.stage) ? organisation.stage : "startup",
  };
}

const ORGANISATION_FIELDS = ["name", "operatingModel", "stage"] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/**
 * Changes the organisation's name, operating model and stage, and records
 * "organisation_updated" in the same transaction. `version` is the one the
 * form was loaded from: a save over a newer version is refused with the
 * organisation as saved now. Without `version` (the planner's "make this our
 * model", a choice rather than an edited form) the save is unconditional.
 * Nothing is written when nothing changed. Returns the fields that changed.
 */
export async function updateOrganisation(input: {
  organisationId: string;
  actorUserId: string;
  name: string;
  operatingModel: ModelId;
  stage: StageId;
  version?: number;
  ipAddress: string | null;
}): Promise<VersionedSave<OrganisationSettings, { changed: OrganisationField[] }>> {
  return db.$transaction(async (tx) => {
    const load = () => readSettings(tx, input.organisationId);
    const loaded = await load();
    if (!loaded) return { ok: false as const, reason: "not_found" as const };
    // a save that changes nothing is no lost update, whatever version it was loaded from
    if (ORGANISATION_FIELDS.every((field) => loaded[field] === input[field]))
      return { ok: true as const, saved: { changed: [] as OrganisationField[] } };
    const version = input.version ?? loaded.version;
    return saveIfVersion({
      version,
      load,
      claim: async (current) => {
        const changed = ORGANISATION_FIELDS.filter((field) => current[field] !== input[field]);
        // nothing to write: an unchanged save leaves the version as it was
        if (changed.length === 0) return { count: 1 };
        return tx.organisation.updateMany({
          where: { id: input.organisationId, version },
          data: {
            name: input.name,
            operatingModel: input.operatingModel,
            stage: input.stage,
            version: { increment: 1 },
          },
        });
      },
      then: async (current) => {
        const changed = ORGANISATION_FIELDS.filter((field) => current[field] !== input[field]);
        if (changed.length === 0) return { changed };
        // the business profile's channels name the primary model: a new model here replaces them by itself alone
        const clearsChannels =
          changed.includes("operatingModel") &&
          (await tx.profileChannel.count({ where: { organisationId: input.organisationId } })) > 0;
        if (clearsChannels) {
          await tx.profileChannel.deleteMany({ where: { organisationId: input.organisationId } });
          // the profile's form shows the channels: a form loaded before this is now stale
          await tx.organisation.update({
            where: { id: input.organisationId },
            data: { profileVersion: { increment: 1 } },
          });
        }
        await securityEventCreate(
          {
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
          },
          tx,
        );
        return { changed };
      },
    });
  });
}
