/**
 * The demo organisation's business profile: a marketplace seller (Amazon US,
 * CA, UK, DE, FR, IT and JP, eBay UK, Walmart US) with a small brand site of
 * its own, matching the team in seed-team.ts. Sized to it, the chart shows
 * departments at, under and over their headcount: product short of people
 * for 4,500 SKUs, operations and supply chain within range for 3,200 orders
 * a day, data and the growth roles ahead of plan.
 *
 * Runs only while the organisation has no profile, so it never overwrites
 * one a manager saved.
 */
import { db } from "../app/utils/db.server";

export const DEMO_PROFILE = {
  channels: [
    { model: "platform", share: 85 },
    { model: "independent_site", share: 15 },
  ],
  drivers: { stores: 10, skus: 4500, ordersPerDay: 3200, markets: 9, languages: 5, b2bAccounts: 0 },
} as const;

export async function seedDemoProfile(organisationId: string): Promise<void> {
  const existing = await db.businessProfile.findUnique({ where: { organisationId }, select: { organisationId: true } });
  if (existing) return;
  await db.$transaction([
    db.businessProfile.create({ data: { organisationId, ...DEMO_PROFILE.drivers } }),
    db.profileChannel.createMany({ data: DEMO_PROFILE.channels.map((c) => ({ organisationId, ...c })) }),
  ]);
}
