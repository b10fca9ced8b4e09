/**
 * Idempotent demo data: safe to run on every start. Uses the app's own
 * client so it writes exactly where the app reads.
 *
 * The demo accounts are for trying the app only (README); no other account
 * ships with a password.
 */
import { hashPassword, verifyPassword } from "../app/utils/password.server";
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

/** Demo accounts are made only when asked for (DEMO=1: `npm start`, `npm run dev`, the e2e server). */
export const DEMO_ENABLED = process.env.DEMO === "1";

/**
 * Without DEMO=1, no account may sign in with the published demo password:
 * demo accounts left by an earlier demo run are disabled and signed out.
 */
async function disableDemoAccounts(): Promise<string[]> {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null },
    select: { id: true, email: true, passwordHash: true },
  });
  const published: typeof users = [];
  for (const user of users) if (await verifyPassword(DEMO_PASSWORD, user.passwordHash)) published.push(user);
  if (published.length > 0) {
    const ids = published.map((user) => user.id);
    await db.$transaction([
      db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } }),
      db.session.deleteMany({ where: { userId: { in: ids } } }),
    ]);
  }
  return published.map((user) => user.email);
}

async function seed() {
  // SQLite's WAL mode is set by the client itself on every connection (app/utils/db.server.ts), so the
  // seed runs the same on PostgreSQL.
  if (!DEMO_ENABLED) {
    const disabled = await disableDemoAccounts();
    return { disabled };
  }
  const organisation = await db.organisation.upsert({
    where: { slug: DEMO_ORGANISATION.slug },
    update: {},
    create: DEMO_ORGANISATION,
  });
  const existing = new Set(
    (
      await db.user.findMany({
        where: { email: { in: DEMO_USERS.map((user) => user.email) } },
        select: { email: true },
      })
    ).map((user) => user.email),
  );
  // a demo run makes the demo accounts usable again (an earlier run without DEMO=1 disabled them)
  await db.user.updateMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) }, organisationId: organisation.id },
    data: { disabledAt: null },
  });
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
  return { disabled: [] as string[] };
}

seed()
  .then(async ({ disabled }) => {
    await db.$disconnect();
    if (!DEMO_ENABLED) {
      console.log("No demo accounts (start with DEMO=1, or `npm start`, to try the demo).");
      if (disabled.length > 0) {
        console.warn(
          `Disabled ${disabled.length} demo account(s) that still had the published demo password: ${disabled.join(", ")}`,
        );
      }
      return;
    }
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
