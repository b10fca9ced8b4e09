import { shippedPlaybook } from "../../app/domain/playbook";
import { createApiToken } from "../../app/models/api-token.server";
import type { UserKind } from "../../app/domain/permissions";
import type { RoleId } from "../../app/domain/types";
import { db } from "../../app/utils/db.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";

/** Whose data a reader asks for: their own, a colleague of their department (operations), one of another (supply chain). */
export const RELATIONS = ["own", "same", "other"] as const;
export type Relation = (typeof RELATIONS)[number];

/** A person whose data carries markers that say, wherever they turn up, what was sent. */
export interface Subject {
  id: string;
  name: string;
  email: string;
  /** in the assessor's note of each assessment */
  note: string;
  /** the assessor's name of each assessment: only the history shows who assessed */
  assessor: string;
  trainingItemId: string;
}

export interface ReadFixture {
  organisationId: string;
  cookies: Record<UserKind, string>;
  /** each kind's own member record; the lead leads operations, and everyone sits in operations */
  own: Record<UserKind, Subject>;
  same: Subject;
  other: Subject;
  /** in the notes of the hiring plan's position */
  planNote: string;
  /** the title of a second position, marked public; its notes hold planNote too */
  publicTitle: string;
  positionId: string;
  /** scope "training" */
  apiToken: string;
  /** scope "recommendation" (the default) */
  recommendationToken: string;
}

const DEPARTMENT: RoleId = "operations_manager";

/**
 * One organisation of seven people: an account of each kind, every one in
 * operations (the lead leads it) with a member record of their own; Sam, a
 * colleague in operations; Otto, alone in supply chain. Everyone is assessed
 * (twice, with a note) and has a training item. The hiring plan has two
 * positions, one of them public. Seven people: the team's figures may be shown to everyone;
 * operations has six holders, supply chain one.
 */
export async function makeReadFixture(): Promise<ReadFixture> {
  const organisation = await createOrganisation();
  await db.organisation.update({
    where: { id: organisation.id },
    data: { targetOperatingModel: "independent_site", targetStage: "growth" },
  });
  const organisationId = organisation.id;
  const kinds: UserKind[] = ["admin", "manager", "hr", "lead", "member"];
  const users: Record<UserKind, { id: string }> = Object.fromEntries(
    await Promise.all(
      kinds.map(
        async (kind) =>
          [kind, await createUser({ organisationId, kind, departments: kind === "lead" ? [DEPARTMENT] : [] })] as const,
      ),
    ),
  ) as unknown as Record<UserKind, { id: string }>;

  const subject = async (
    tag: string,
    department: RoleId,
    userId: string | null,
    assessorUserId: string,
  ): Promise<Subject> => {
    const member = await db.member.create({
      data: {
        organisationId,
        name: `Person ${tag}`,
        email: `person.${tag}@read.example`,
        userId,
        department,
        roles: { create: [{ roleId: department, sharePercent: 100 }] },
      },
    });
    const note = `NOTE-${tag}-MARK`;
    const assessor = `ASSESSOR-${tag}-MARK`;
    for (const [level, assessedOn] of [
      [1, "2026-01-10"],
      [2, "2026-03-10"],
    ] as const) {
      await db.skillAssessment.create({
        data: {
          organisationId,
          memberId: member.id,
          skillId: "erp_crm_tools",
          level,
          assessedOn: new Date(assessedOn),
          assessorName: assessor,
          assessorUserId,
          note,
        },
      });
    }
    const item = await db.trainingItem.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: "erp_crm_tools",
        fromLevel: 2,
        targetLevel: 3,
        kind: "course",
        hours: 4,
        provider: `PROVIDER-${tag}-MARK`,
      },
    });
    // one more assessed gap, with no plan: the person is "a gap and no plan" (home, /training), as
    // unassessed skills are not gaps (decision 0014). No note: its markers stay those above.
    const unplanned = shippedPlaybook.roles
      .find((role) => role.id === department)!
      .skills.find((skill) => skill.skillId !== "erp_crm_tools" && skill.levels.growth > 0)!;
    await db.skillAssessment.create({
      data: {
        organisationId,
        memberId: member.id,
        skillId: unplanned.skillId,
        level: 0,
        assessedOn: new Date("2026-03-10"),
        assessorName: assessor,
        assessorUserId,
      },
    });
    return { id: member.id, name: member.name, email: member.email ?? "", note, assessor, trainingItemId: item.id };
  };

  const own = {} as Record<UserKind, Subject>;
  for (const kind of kinds)
    own[kind] = await subject(
      `own${kind}`,
      DEPARTMENT,
      users[kind].id,
      kind === "admin" ? users.manager.id : users.admin.id,
    );
  const same = await subject("same", DEPARTMENT, null, users.admin.id);
  const other = await subject("other", "supply_chain", null, users.admin.id);

  const planNote = "PLANNOTE-MARK";
  const position = await db.hiringPosition.create({
    data: {
      organisationId,
      roleId: "marketing",
      headcount: 1,
      targetQuarter: "2027-Q1",
      sortOrder: 0,
      notes: planNote,
    },
  });
  // a public position (PRODUCT.md "Privacy"): its title is for everyone; its notes and budget stay with the plan
  const publicTitle = "PUBLICTITLE-MARK";
  await db.hiringPosition.create({
    data: {
      organisationId,
      roleId: "marketing",
      headcount: 1,
      targetQuarter: "2027-Q2",
      sortOrder: 1,
      title: publicTitle,
      notes: planNote,
      budgetAmount: 300000,
      budgetCurrency: "CNY",
      isPublic: true,
    },
  });
  // a token of each scope (decision 0011's addendum)
  const token = await createApiToken({
    organisationId,
    createdById: users.admin.id,
    name: "BI",
    scope: "training",
    ipAddress: null,
  });
  const narrowToken = await createApiToken({
    organisationId,
    createdById: users.admin.id,
    name: "Planner feed",
    ipAddress: null,
  });
  const cookies = Object.fromEntries(
    await Promise.all(kinds.map(async (kind) => [kind, await cookieFor(users[kind].id)] as const)),
  ) as Record<UserKind, string>;
  return {
    organisationId,
    cookies,
    own,
    same,
    other,
    planNote,
    publicTitle,
    positionId: position.id,
    apiToken: token.token,
    recommendationToken: narrowToken.token,
  };
}
