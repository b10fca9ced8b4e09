/**
 * Idempotent demo data: safe to run on every start. Uses the app's own
 * client so it writes exactly where the app reads.
 */
import { db } from "../app/utils/db.server";

export const DEMO_ORGANISATION = {
  slug: "demo-trading",
  name: "Demo Trading Co. 示例跨境贸易",
  operatingModel: "platform",
  stage: "growth",
} as const;

async function seed() {
  // WAL lets readers and the writer work at once; the setting stays in the file.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.organisation.upsert({
    where: { slug: DEMO_ORGANISATION.slug },
    update: {},
    create: DEMO_ORGANISATION,
  });
}

seed()
  .then(async () => {
    await db.$disconnect();
    console.log("Seeded the demo organisation.");
  })
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
