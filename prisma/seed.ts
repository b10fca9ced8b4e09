/**
 * Idempotent demo data: safe to run on every start. Uses the app's own
 * client so it writes exactly where the app reads.
 *
 * The demo accounts are for trying the app only (README); no other account
 * ships with a password.
 */
import { hashPassword } from "../app/utils/password.server";
import { db } from "../app/utils/db.server";
import { seedDemoOwnership } from "./seed-ownership";
import { seedDemoTeam } from "./seed-team";
import { seedDemoTraining } from "./seed-training";
import { seedDemoHiring } from "./seed-hiring";
import { seedDemoProfile } from "./seed-profile";

export const DEMO_ORGANISATION = {
  slug: "demo-trading",
  name: "Demo Trading Co. 示例跨境贸易",
  operatingModel: "platform",
  stage: "growth",
} as const;

export const DEMO_PASSWORD = "demo-only-password";

export const DEMO_USERS = [
  { email: "admin@demo.example", name: "Ada Admin 管理员", kind: "admin", departments: [] },
  { email: "manager@demo.example", name: "Wang Fang 王芳", kind: "manager", departments: [] },
  { email: "hr@demo.example", name: "Li Na 李娜", kind: "hr", departments: [] },
  { email: "lead.ops@demo.example", name: "Zhang Wei 张伟", kind: "lead", departments: ["operations_manager"] },
  { email: "lead.supply@demo.example", name: "Chen Jie 陈杰", kind: "lead", departments: ["supply_chain"] },
  { email: "member@demo.example", name: "Liu Yang 刘洋", kind: "member", departments: [] },
] as const;

async function seed() {
  // WAL lets readers and the writer work at once; the setting stays in the file.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const organisation = await db.organisation.upsert({
    where: { slug: DEMO_ORGANISATION.slug },
    update: {},
    create: DEMO_ORGANISATION,
  });
  const existing = new Set(
    (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) } }, select: { email: true } })).map(
      (user) => user.email,
    ),
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.$transaction(
      missing.map((user) =>
        db.user.create({
          data: {
            organisationId: organisation.id,
            email: user.email,
            name: user.name,
            kind: user.kind,
            departments: JSON.stringify(user.departments),
            passwordHash,
          },
        }),
      ),
    );
  }
  // only while the demo organisation has no members: never over a team someone edited
  await seedDemoTeam(organisation.id);
  await seedDemoProfile(organisation.id);
  await seedDemoHiring(organisation.id);
  await seedDemoOwnership(organisation.id);
  await seedDemoTraining(organisation.id);
}

seed()
  .then(async () => {
    await db.$disconnect();
    console.log(
      [
        "Demo data is ready. Sign in at /login with one of these demo-only accounts",
        `(password for all: ${DEMO_PASSWORD}):`,
        ...DEMO_USERS.map((user) => `  ${user.kind.padEnd(8)} ${user.email}`),
      ].join("\n"),
    );
  })
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
