import { CORE_ROLE_IDS } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";

export type Cast = Awaited<ReturnType<typeof createCast>>;
export const ACCOUNTS = ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const;
export type Account = (typeof ACCOUNTS)[number];

/** An organisation (marketplace seller) with a user of every kind and their cookies; `staffed` adds one member per role. */
export async function ownershipWorld(options: { staffed?: boolean } = {}) {
  const cast = await createCast();
  const cookies = {} as Record<Account, string>;
  for (const name of ACCOUNTS) cookies[name] = await cookieFor(cast[name].id);
  if (options.staffed !== false) {
    for (const roleId of CORE_ROLE_IDS) {
      await db.member.create({
        data: {
          organisationId: cast.organisation.id,
          name: `Holder of ${roleId}`,
          roles: { create: [{ roleId, sharePercent: 100 }] },
        },
      });
    }
  }
  return { cast, as: (who: Account) => ({ Cookie: cookies[who] }) };
}

/** The stored row of a step: role → letter. */
export async function storedRow(organisationId: string, key: string): Promise<Record<string, string> | null> {
  const step = await db.processStep.findUnique({
    where: { organisationId_key: { organisationId, key } },
    include: { assignments: true },
  });
  return step ? Object.fromEntries(step.assignments.map((cell) => [cell.roleId, cell.letter])) : null;
}
