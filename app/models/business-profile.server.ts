import type { Prisma } from "@prisma/client";
import {
  orderChannels,
  primaryModel,
  sizedRecommendation,
  type Channel,
  type Drivers,
  type SizedRecommendation,
} from "~/domain/sizing";
import { editedMarks, type EditedMarks } from "~/domain/edited-marks";
import { DRIVER_IDS, MODEL_IDS, type ModelId, type Playbook, type StageId } from "~/domain/types";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { shareField } from "~/forms/profile";
import { securityEventCreate } from "./security-event.server";
import { saveIfVersion, type VersionedSave } from "./versioned.server";

/**
 * An organisation's business profile: its channels and workload drivers
 * (PRODUCT.md, "Business profile and sizing"). An organisation without one
 * has no channels and no drivers: its recommendation is the v1 answer for its
 * operating model.
 */
export interface BusinessProfile {
  /** as stored, largest share first; empty when none was saved */
  channels: Channel[];
  drivers: Drivers;
  updatedAt: Date | null;
}

export async function getBusinessProfile({ organisationId }: { organisationId: string }): Promise<BusinessProfile> {
  return readProfile(db, organisationId);
}

async function readProfile(
  client: Pick<Prisma.TransactionClient, "businessProfile">,
  organisationId: string,
): Promise<BusinessProfile> {
  const row = await client.businessProfile.findUnique({ where: { organisationId }, include: { channels: true } });
  if (!row) return { channels: [], drivers: {}, updatedAt: null };
  const drivers: Drivers = {};
  for (const id of DRIVER_IDS) {
    const value = row[id];
    if (value !== null) drivers[id] = value;
  }
  // a stored model the playbook no longer knows is dropped, like getSignedIn drops an unknown model
  const channels = row.channels
    .filter((c) => isModelId(c.model))
    .map((c) => ({ model: c.model as ModelId, share: c.share }));
  const total = channels.reduce((sum, c) => sum + c.share, 0);
  return { channels: total === 100 ? orderChannels(channels) : [], drivers, updatedAt: row.updatedAt };
}

/** The profile's channels, or the operating model alone when it has none. */
export function effectiveChannels(profile: Pick<BusinessProfile, "channels">, operatingModel: ModelId): Channel[] {
  return profile.channels.length > 0 ? profile.channels : [{ model: operatingModel, share: 100 }];
}

/** The profile as its form shows it: one share per channel model, then the drivers (empty: not given). */
export function profileFormValues(profile: Pick<BusinessProfile, "channels" | "drivers">): Record<string, string> {
  const values: Record<string, string> = {};
  for (const model of MODEL_IDS)
    values[shareField(model)] = String(profile.channels.find((channel) => channel.model === model)?.share ?? "");
  for (const id of DRIVER_IDS) values[id] = profile.drivers[id] === undefined ? "" : String(profile.drivers[id]);
  return values;
}

/**
 * Saves the profile (validated by the caller) in one transaction: its
 * drivers, its channels (replacing the old ones), the organisation's
 * operating model set to the primary channel, and an "organisation_updated"
 * event. `version` is the profile version the form was loaded from
 * (`Organisation.profileVersion`): a save over a newer one is refused with the
 * profile as saved now. A new primary model also raises the organisation
 * form's version, since that form shows the model.
 */
export async function saveBusinessProfile(input: {
  organisationId: string;
  actorUserId: string;
  channels: Channel[];
  drivers: Drivers;
  version: number;
  ipAddress: string | null;
}): Promise<VersionedSave<BusinessProfile & { version: number }, true>> {
  const values = Object.fromEntries(DRIVER_IDS.map((id) => [id, input.drivers[id] ?? null])) as Record<
    (typeof DRIVER_IDS)[number],
    number | null
  >;
  const primary = primaryModel(input.channels);
  return db.$transaction(async (tx) =>
    saveIfVersion({
      version: input.version,
      load: async () => {
        const organisation = await tx.organisation.findUnique({
          where: { id: input.organisationId },
          select: { profileVersion: true },
        });
        if (!organisation) return null;
        return { ...(await readProfile(tx, input.organisationId)), version: organisation.profileVersion };
      },
      claim: async () => {
        const organisation = await tx.organisation.findUniqueOrThrow({
          where: { id: input.organisationId },
          select: { operatingModel: true },
        });
        return tx.organisation.updateMany({
          where: { id: input.organisationId, profileVersion: input.version },
          data: {
            operatingModel: primary,
            profileVersion: { increment: 1 },
            ...(organisation.operatingModel === primary ? {} : { version: { increment: 1 } }),
          },
        });
      },
      then: async () => {
        await tx.businessProfile.upsert({
          where: { organisationId: input.organisationId },
          create: { organisationId: input.organisationId, ...values, updatedById: input.actorUserId },
          update: { ...values, updatedById: input.actorUserId },
        });
        await tx.profileChannel.deleteMany({ where: { organisationId: input.organisationId } });
        await tx.profileChannel.createMany({
          data: input.channels.map((c) => ({ organisationId: input.organisationId, model: c.model, share: c.share })),
        });
        await securityEventCreate(
          {
            type: "organisation_updated",
            organisationId: input.organisationId,
            actorUserId: input.actorUserId,
            detail: {
              changed: ["businessProfile"],
              channels: input.channels.map((c) => `${c.model}:${c.share}`),
              ...Object.fromEntries(DRIVER_IDS.map((id) => [id, input.drivers[id] ?? null])),
            },
            ipAddress: input.ipAddress,
          },
          tx,
        );
        return true as const;
      },
    }),
  );
}

/**
 * Which numbers of a page about this profile come from the organisation's
 * edited playbook (issue 13): its channels' models at `stage`, with edited
 * sizing ratios counting where the profile gives drivers.
 */
export function editedMarksForProfile(input: {
  state: { playbook: Playbook; edited: ReadonlySet<string> };
  profile: Pick<BusinessProfile, "channels" | "drivers">;
  operatingModel: ModelId;
  stage: StageId;
}): EditedMarks {
  return editedMarks({
    edited: input.state.edited,
    playbook: input.state.playbook,
    models: effectiveChannels(input.profile, input.operatingModel).map((c) => c.model),
    stage: input.stage,
    sized: Object.values(input.profile.drivers).some((v) => v !== undefined),
  });
}

/**
 * The organisation's recommendation sized to its profile, for its current
 * stage (or another): the one source of headcount for the chart, the gaps,
 * the heat map and the hiring delta.
 */
export async function sizedForOrganisation(input: {
  organisationId: string;
  operatingModel: string;
  stage: string;
  playbook: Playbook;
}): Promise<{ recommendation: SizedRecommendation; profile: BusinessProfile }> {
  const profile = await getBusinessProfile({ organisationId: input.organisationId });
  const model: ModelId = isModelId(input.operatingModel) ? input.operatingModel : "platform";
  const stage: StageId = isStageId(input.stage) ? input.stage : "startup";
  const recommendation = sizedRecommendation({
    playbook: input.playbook,
    channels: effectiveChannels(profile, model),
    stage,
    drivers: profile.drivers,
  });
  return { recommendation, profile };
}
