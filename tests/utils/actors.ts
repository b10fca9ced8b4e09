/**
 * Test fixtures: organisations, users of each kind and signed-in cookies,
 * written straight to the test database (no UI round trip).
 */
import { randomUUID } from "node:crypto";
import type { UserKind } from "../../app/domain/permissions";
import type { ModelId, RoleId, StageId } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { hashPassword } from "../../app/utils/password.server";
import { startSession } from "../../app/utils/session.server";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;

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
}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      organisationId: options.organisationId,
      kind: options.kind,
      departments: JSON.stringify(options.departments ?? []),
      name: options.name ?? `${options.kind} ${randomUUID().slice(0, 6)}`,
      email: options.email ?? `${options.kind}-${randomUUID()}@test.example`,
      passwordHash: await cachedHash,
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
