import {
  orderChannels,
  primaryModel,
  sizedRecommendation,
  type Channel,
  type Drivers,
  type SizedRecommendation,
} from "~/domain/sizing";
import { DRIVER_IDS, type ModelId, type Playbook, type StageId } from "~/domain/types";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { securityEventCreate } from "./security-event.server";

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
  const row = await db.businessProfile.findUnique({ where: { organisationId }, include: { channels: true } });
  if (!row) return { channels: [], drivers: {}, updatedAt: null };
  const drivers: Drivers = {};
  for (const id of DRIVER_IDS) {
    const value = row[id];
    if (value !== null) drivers[id] = value;
  }
  // a stored model the playbook no longer knows is dropped, like getSignedIn drops an unknown model
  const channels = row.channels.filter((c) => isModelId(c.model)).map((c) => ({ model: c.model as ModelId, share: c.share }));
  const total = channels.reduce((sum, c) => sum + c.share, 0);
  return { channels: total === 100 ? orderChannels(channels) : [], drivers, updatedAt: row.updatedAt };
}

/** The profile's channels, or the operating model alone when it has none. */
export function effectiveChannels(profile: Pick<BusinessProfile, "channels">, operatingModel: ModelId): Channel[] {
  return profile.channels.length > 0 ? profile.channels : [{ model: operatingModel, share: 100 }];
}

/**
 * Saves the profile (validated by the caller) in one transaction: its
 * drivers, its channels (replacing the old ones), the organisation's
 * operating model set to the primary channel, and an "organisation_updated"
 * event.
 */
export async function saveBusinessProfile(input: {
  organisationId: string;
  actorUserId: string;
  channels: Channel[];
  drivers: Drivers;
  ipAddress: string | null;
}): Promise<void> {
  const values = Object.fromEntries(DRIVER_IDS.map((id) => [id, input.drivers[id] ?? null])) as Record<
    (typeof DRIVER_IDS)[number],
    number | null
  >;
  const primary = primaryModel(input.channels);
  await db.$transaction([
    db.businessProfile.upsert({
      where: { organisationId: input.organisationId },
      create: { organisationId: input.organisationId, ...values, updatedById: input.actorUserId },
      update: { ...values, updatedById: input.actorUserId },
    }),
    db.profileChannel.deleteMany({ where: { organisationId: input.organisationId } }),
    db.profileChannel.createMany({
      data: input.channels.map((c) => ({ organisationId: input.organisationId, model: c.model, share: c.share })),
    }),
    db.organisation.update({ where: { id: input.organisationId }, data: { operatingModel: primary } }),
    securityEventCreate({
      type: "organisation_updated",
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      detail: {
        changed: ["businessProfile"],
        channels: input.channels.map((c) => `${c.model}:${c.share}`),
        ...Object.fromEntries(DRIVER_IDS.map((id) => [id, input.drivers[id] ?? null])),
      },
      ipAddress: input.ipAddress,
    }),
  ]);
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
