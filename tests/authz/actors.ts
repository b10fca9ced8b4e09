import { createApiToken } from "../../app/models/api-token.server";
import { createInvite } from "../../app/models/invite.server";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";

/** The eight kinds of people the matrix asks about. */
export const ACTORS = ["anonymous", "member", "leadOther", "leadThis", "hr", "manager", "admin", "otherOrg"] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * One organisation with a user of every kind; "this department" is
 * operations_manager (leadThis leads it, leadOther leads supply_chain), and
 * otherOrg is the admin of another organisation.
 */
export type Cast = Awaited<ReturnType<typeof createCast>> & {
  cookies: Record<Exclude<ActorName, "anonymous">, string>;
  /** a pending invitation to this organisation */
  inviteToken: string;
  inviteId: string;
  /** an API token of this organisation */
  apiTokenId: string;
  /** a team member in "this department" (operations_manager), without an account */
  teamMember: { id: string };
  // Hiring by stage (issue 6)
  /** a planned position of this organisation's hiring plan, for one person */
  hiringPosition: { id: string };
  /** ownership: a step only this organisation has, where supply chain and operations are both accountable, with an open proposal by leadOther */
  ownershipStep: { key: string; proposalId: string };
} & TrainingFixtures;

export async function makeCast(): Promise<Cast> {
  const cast = await createCast();
  const entries = await Promise.all(
    (
      [
        ["member", cast.member.id],
        ["leadOther", cast.leadSupply.id],
        ["leadThis", cast.leadOps.id],
        ["hr", cast.hr.id],
        ["manager", cast.manager.id],
        ["admin", cast.admin.id],
        ["otherOrg", cast.otherAdmin.id],
      ] as const
    ).map(async ([name, id]) => [name, await cookieFor(id)] as const),
  );
  const invite = await createInvite({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    email: `invited-${cast.organisation.id}@test.example`,
    kind: "member",
    departments: [],
    ipAddress: null,
  });
  const teamMember = await db.member.create({
    data: {
      organisationId: cast.organisation.id,
      name: "Ops Specialist",
      department: "operations_manager",
      roles: { create: [{ roleId: "operations_manager", sharePercent: 100 }] },
    },
  });
  // Hiring by stage (issue 6)
  const hiringPosition = await db.hiringPosition.create({
    data: {
      organisationId: cast.organisation.id,
      roleId: "marketing",
      headcount: 1,
      targetQuarter: "2027-Q1",
      sortOrder: 0,
    },
    select: { id: true },
  });
  const apiToken = await createApiToken({
    organisationId: cast.organisation.id,
    createdById: cast.admin.id,
    name: "BI",
    ipAddress: null,
  });
  // Ownership (issue 7): a flagged step of this organisation with a proposal waiting for a decision.
  const ownershipStep = await db.processStep.create({
    data: {
      organisationId: cast.organisation.id,
      key: `custom_matrix${cast.organisation.id.slice(-8).toLowerCase()}`,
      section: "logistics",
      nameZh: "清关代理",
      nameEn: "Clearance agent",
      position: 100,
      assignments: {
        create: [
          { roleId: "supply_chain", letter: "A" },
          { roleId: "operations_manager", letter: "A" },
        ],
      },
    },
  });
  const ownershipProposal = await db.ownershipProposal.create({
    data: {
      organisationId: cast.organisation.id,
      stepId: ownershipStep.id,
      ownerRoleId: "supply_chain",
      reason: "We brief the agent.",
      proposerUserId: cast.leadSupply.id,
      proposerName: cast.leadSupply.name,
      flags: '["several_accountable"]',
    },
  });
  return {
    ...cast,
    cookies: Object.fromEntries(entries) as Cast["cookies"],
    inviteToken: invite.token,
    inviteId: invite.id,
    apiTokenId: apiToken.id,
    teamMember,
    hiringPosition,
    ownershipStep: { key: ownershipStep.key, proposalId: ownershipProposal.id },
    ...(await makeTrainingFixtures(cast.organisation.id, teamMember.id, cast.member.id)),
  };
}

// Training plans (issue 5): an item of the team member (this department), and
// an item of the member account's own member record (no department).
interface TrainingFixtures {
  trainingItemId: string;
  ownTrainingItemId: string;
}

async function makeTrainingFixtures(
  organisationId: string,
  teamMemberId: string,
  memberUserId: string,
): Promise<TrainingFixtures> {
  const own = await db.member.create({ data: { organisationId, name: "Member Themselves", userId: memberUserId } });
  const item = (memberId: string) =>
    db.trainingItem.create({
      data: {
        organisationId,
        memberId,
        skillId: "platform_rules",
        fromLevel: 1,
        targetLevel: 3,
        kind: "course",
        hours: 8,
      },
    });
  return { trainingItemId: (await item(teamMemberId)).id, ownTrainingItemId: (await item(own.id)).id };
}

export async function requestAs(
  cast: Cast,
  actor: ActorName,
  url: string,
  method: "GET" | "POST",
  form?: Record<string, string | string[]>,
): Promise<Request> {
  const headers: Record<string, string> = {};
  if (actor !== "anonymous") headers.Cookie = cast.cookies[actor];
  if (method === "GET") return new Request(`http://localhost${url}`, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
  });
}
