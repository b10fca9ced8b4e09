/**
 * Test fixtures: organisations, users of each kind and signed-in cookies,
 * written straight to the test database (no UI round trip).
 */
import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import type { UserKind } from "../../app/domain/permissions";
import type { ModelId, RoleId, StageId } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { startSession } from "../../app/utils/session.server";

export const TEST_PASSWORD = "correct horse battery";

/**
 * Fixture users get a hash of TEST_PASSWORD made at a low scrypt cost
 * (N = 2^10: about 3 ms of CPU, against about 200 ms at the app's N = 2^15),
 * in the app's stored format. `verifyPassword` reads the cost from the stored
 * hash, so signing a fixture user in costs as little. Most tests are not about
 * hashing; the production cost stays under test where it is: session.test.ts
 * hashes with `hashPassword`, sign-up, invitation, reset and password-change
 * tests hash through the app, and a test that compares costs (login.test.ts)
 * passes a `passwordHash` made by `hashPassword`. docs/decisions/0021-ci-time.md.
 */
const FIXTURE_COST = { N: 2 ** 10, r: 8, p: 1 };
function fixtureHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 64, FIXTURE_COST);
  const { N, r, p } = FIXTURE_COST;
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}
let cachedHash: string | undefined;

export async function createOrganisation(overrides: { name?: string; operatingModel?: ModelId; stage?: StageId } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return db.organisation.create({
    data: {
      name: overrides.name ?? `Test Org ${suffix}`,
      slug: `test-${suffix}`,
      operatingModel: overrides.operatingModel ?? "platform",
      stage: overrides.stage ?? "growth",
    },
  });
}

export async function createUser(options: {
  organisationId: string;
  kind: UserKind;
  departments?: RoleId[];
  name?: string;
  email?: string;
  disabled?: boolean;
  /** A hash of TEST_PASSWORD of the caller's own (the app's cost); the cheap fixture hash without it. */
  passwordHash?: string;
}) {
  cachedHash ??= fixtureHash(TEST_PASSWORD);
  return db.user.create({
    data: {
      organisationId: options.organisationId,
      kind: options.kind,
      departments: JSON.stringify(options.departments ?? []),
      name: options.name ?? `${options.kind} ${randomUUID().slice(0, 6)}`,
      email: options.email ?? `${options.kind}-${randomUUID()}@test.example`,
      passwordHash: options.passwordHash ?? cachedHash,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
}

/** A Cookie header value for a fresh session of this user. */
export async function cookieFor(userId: string): Promise<string> {
  const setCookie = await startSession(userId, new Request("http://localhost/"), { ipAddress: "127.0.0.1" });
  return setCookie.split(";")[0];
}

/** An organisation with one user of every kind, plus a user of another organisation. */
export async function createCast() {
  const organisation = await createOrganisation();
  const other = await createOrganisation({ name: "Other Org" });
  const [admin, manager, hr, leadOps, leadSupply, member, otherAdmin] = await Promise.all([
    createUser({ organisationId: organisation.id, kind: "admin" }),
    createUser({ organisationId: organisation.id, kind: "manager" }),
    createUser({ organisationId: organisation.id, kind: "hr" }),
    createUser({ organisationId: organisation.id, kind: "lead", departments: ["operations_manager"] }),
    createUser({ organisationId: organisation.id, kind: "lead", departments: ["supply_chain"] }),
    createUser({ organisationId: organisation.id, kind: "member" }),
    createUser({ organisationId: other.id, kind: "admin" }),
  ]);
  return { organisation, other, admin, manager, hr, leadOps, leadSupply, member, otherAdmin };
}
