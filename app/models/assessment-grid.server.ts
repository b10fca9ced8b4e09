import { cellKey, GRID_MAX_CELLS, type GridSubject, type LastAssessment } from "~/domain/assessment-grid";
import { skillGapsForMember } from "~/domain/gaps";
import { can, visibleFieldsFor, type Actor } from "~/domain/permissions";
import type { ModelId, Playbook, RoleId, SkillLevel, StageId } from "~/domain/types";
import { personScope } from "~/domain/visibility";
import { sizedForOrganisation } from "./business-profile.server";
import { latestAssessmentCells, listMembers } from "./member.server";

/** One cell of the grid as the page shows it. */
export interface GridRow {
  key: string;
  memberId: string;
  memberName: string;
  skillId: string;
  /** the level the member's roles require of the skill now (0: not required now) */
  required: SkillLevel;
  last: LastAssessment | null;
  /** false for the reader's own row */
  assessable: boolean;
}

export type LoadedGrid =
  | { ok: true; subject: GridSubject; memberName: string | null; rows: GridRow[]; truncated: boolean }
  | { ok: false; reason: "not_found" | "forbidden" };

/**
 * The cells of an assessment grid that `actor` may see, with the latest
 * assessment of each. A member's grid: the skills of their roles (the
 * reader must be allowed to assess them: the same rule as a single
 * assessment). A department's grid: everyone who sits in it or holds its
 * role, on one skill (the reader must be allowed to assess in that
 * department). A row is shown only when the reader may read that person's
 * levels (app/domain/visibility.ts); the reader's own row is shown but not
 * assessable.
 */
export async function loadAssessmentGrid({
  actor,
  organisation,
  playbook,
  subject,
}: {
  actor: Actor;
  organisation: { id: string; operatingModel: ModelId; stage: StageId };
  playbook: Playbook;
  subject: GridSubject;
}): Promise<LoadedGrid> {
  const organisationId = organisation.id;
  const members = await listMembers({ organisationId });
  const { recommendation } = await sizedForOrganisation({
    organisationId,
    operatingModel: organisation.operatingModel,
    stage: organisation.stage,
    playbook,
  });
  const noLevels = new Map<string, Map<string, SkillLevel>>();

  let people: typeof members;
  let skillsOf: (member: (typeof members)[number]) => { skillId: string; required: SkillLevel }[];
  if (subject.kind === "member") {
    const member = members.find((candidate) => candidate.id === subject.memberId);
    if (!member) return { ok: false, reason: "not_found" };
    if (!can(actor, "assessments.write", personScope(organisationId, member)))
      return { ok: false, reason: "forbidden" };
    people = [member];
    skillsOf = (person) =>
      skillGapsForMember(person, recommendation, noLevels).skills.map(({ skillId, required }) => ({
        skillId,
        required,
      }));
  } else {
    const department = subject.department as RoleId;
    if (!can(actor, "assessments.write", { organisationId, departments: [department] }))
      return { ok: false, reason: "forbidden" };
    people = members.filter(
      (member) => member.department === department || member.roles.some((role) => role.roleId === department),
    );
    skillsOf = (person) => {
      const required =
        skillGapsForMember(person, recommendation, noLevels).skills.find((skill) => skill.skillId === subject.skillId)
          ?.required ?? 0;
      return [{ skillId: subject.skillId, required }];
    };
  }

  const readable = people.filter((person) =>
    visibleFieldsFor(actor, personScope(organisationId, person)).has("person.levels"),
  );
  const cells = readable.flatMap((person) =>
    skillsOf(person).map((skill) => ({
      person,
      ...skill,
      assessable: can(actor, "assessments.write", personScope(organisationId, person)),
    })),
  );
  const shown = cells.slice(0, GRID_MAX_CELLS);
  const latest = await latestAssessmentCells({
    organisationId,
    memberIds: [...new Set(shown.map((cell) => cell.person.id))],
    skillIds: [...new Set(shown.map((cell) => cell.skillId))],
  });
  const rows = shown.map((cell): GridRow => {
    const key = cellKey(cell.person.id, cell.skillId);
    return {
      key,
      memberId: cell.person.id,
      memberName: cell.person.name,
      skillId: cell.skillId,
      required: cell.required,
      last: latest.get(key) ?? null,
      assessable: cell.assessable,
    };
  });
  return {
    ok: true,
    subject,
    memberName: subject.kind === "member" ? people[0].name : null,
    rows,
    truncated: cells.length > shown.length,
  };
}
