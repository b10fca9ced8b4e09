/**
 * The team's data as one reader may see it (PRODUCT.md, "Privacy";
 * docs/decisions/0011). Pure: the decision per person and field group is
 * `can()` in ./permissions.ts; this module only leaves out, from computed
 * values, what that decision refuses, so loaders send the browser nothing a
 * reader may not see.
 */
import type { RoleCoverage, TeamGaps, TeamGapTotals } from "./gaps";
import { canSeeFigureOver, visibleFieldsFor, type Actor, type FieldGroup, type ResourceScope } from "./permissions";
import type { RoleId } from "./types";

/** What decides who may read about a person: where they sit, what they hold, their account. */
export interface Person {
  id: string;
  department: RoleId | null;
  roles: readonly { roleId: RoleId }[];
  userId: string | null;
}

/** The scope of a person for `can()`: their department and roles (a lead of any reads), their account. */
export function personScope(organisationId: string, person: Omit<Person, "id">): ResourceScope {
  const departments = [
    ...new Set([...(person.department ? [person.department] : []), ...person.roles.map((role) => role.roleId)]),
  ];
  return { organisationId, departments, userId: person.userId };
}

/** The field groups one reader may see of each person of a team, asked once per person. */
export function teamFields(
  actor: Actor,
  organisationId: string,
  people: readonly Person[],
): Map<string, Set<FieldGroup>> {
  return new Map(people.map((person) => [person.id, visibleFieldsFor(actor, personScope(organisationId, person))]));
}

/** A role's coverage with the figures over its holders left out ("withheld") when they could point at one of them. */
export type VisibleRoleCoverage = RoleCoverage & { withheld: boolean };

/** The team's totals; the level-derived ones are left out (zero, "withheld") when the team is too small to hide a person. */
export type VisibleTeamGapTotals = TeamGapTotals & { withheld: boolean };

export interface VisibleTeamGaps extends Omit<TeamGaps, "roles" | "totals"> {
  roles: VisibleRoleCoverage[];
  totals: VisibleTeamGapTotals;
}

/**
 * The team's gaps as `actor` may see them: the members and heat-map rows of
 * people whose gaps they may read, and only those; a role's best levels,
 * holders meeting each skill and unmet skills when every holder is readable
 * or there are at least MIN_GROUP_SIZE holders; the same for the team's
 * gap totals. Holders (names and shares) and seats stay: that is the org chart.
 */
export function visibleTeamGaps(
  actor: Actor,
  organisationId: string,
  people: readonly Person[],
  gaps: TeamGaps,
): VisibleTeamGaps {
  const fields = teamFields(actor, organisationId, people);
  const readsGaps = (memberId: string) => fields.get(memberId)?.has("person.gaps") === true;
  const scopeOf = new Map(people.map((person) => [person.id, personScope(organisationId, person)]));
  const scopes = (ids: readonly string[]) => ids.map((id) => scopeOf.get(id) ?? { organisationId, userId: null });

  const roles = gaps.roles.map((coverage): VisibleRoleCoverage => {
    if (canSeeFigureOver(actor, scopes(coverage.holders.map((holder) => holder.memberId)), "person.levels"))
      return { ...coverage, withheld: false };
    return {
      ...coverage,
      // the requirements stay; every holder figure is left out (for this reader the levels are unknown)
      skills: coverage.skills.map((skill) => ({
        skillId: skill.skillId,
        required: skill.required,
        bestLevel: null,
        holders: skill.holders,
        holdersMeeting: 0,
        holdersBelow: 0,
        holdersNotAssessed: 0,
        status: skill.status === "not_required" ? "not_required" : "not_assessed",
        met: false,
      })),
      skillsBelow: [],
      skillsNotAssessed: [],
      withheld: true,
    };
  });
  const teamVisible = canSeeFigureOver(actor, scopes(people.map((person) => person.id)), "person.gaps");
  const totals: VisibleTeamGapTotals = teamVisible
    ? { ...gaps.totals, withheld: false }
    : {
        ...gaps.totals,
        membersWithGaps: 0,
        totalGap: 0,
        buckets: { none: 0, small: 0, large: 0, unassessed: 0 },
        notAssessed: 0,
        withheld: true,
      };
  return {
    ...gaps,
    members: gaps.members.filter((member) => readsGaps(member.memberId)),
    heatmap: { ...gaps.heatmap, rows: gaps.heatmap.rows.filter((row) => readsGaps(row.memberId)) },
    roles,
    totals,
  };
}

/** One assessment as the history shows it. */
export interface HistoryEntry {
  assessorUserId: string | null;
  note: string;
}

/**
 * The assessments of a person a reader may see: all of them with
 * "person.history"; otherwise only those the reader wrote. The note stays
 * where "person.notes" allows it for that entry (its author always).
 */
export function visibleHistory<E extends HistoryEntry>(
  actor: Actor,
  subject: ResourceScope,
  entries: readonly E[],
): (Omit<E, "note"> & { note: string | null })[] {
  const history = visibleFieldsFor(actor, subject).has("person.history");
  return entries
    .filter((entry) => history || (entry.assessorUserId != null && entry.assessorUserId === actor.userId))
    .map((entry) => ({
      ...entry,
      note: visibleFieldsFor(actor, { ...subject, authorUserId: entry.assessorUserId }).has("person.notes")
        ? entry.note
        : null,
    }));
}

/** The part of the hiring delta (app/domain/hiring-delta.ts) that comes from the team's levels. */
interface DeltaWithSkills {
  roles: readonly { roleId: RoleId; missingSkills: readonly { bestLevel: unknown }[] }[];
  totals: { missingSkills: number };
}

/**
 * The hiring delta as `actor` may see it: a role's missing skills (with its
 * holders' best level) only when its holders' figures may be shown; the
 * total then counts the roles shown.
 */
export function visibleHiringDelta<D extends DeltaWithSkills>(
  actor: Actor,
  organisationId: string,
  people: readonly Person[],
  delta: D,
): Omit<D, "roles"> & { roles: (D["roles"][number] & { withheld: boolean })[] } {
  const holders = (roleId: RoleId) =>
    people
      .filter((person) => person.roles.some((role) => role.roleId === roleId))
      .map((person) => personScope(organisationId, person));
  const roles = delta.roles.map((role) => {
    const shown = canSeeFigureOver(actor, holders(role.roleId), "person.levels");
    return { ...role, missingSkills: shown ? role.missingSkills : [], withheld: !shown };
  });
  return {
    ...delta,
    roles,
    totals: { ...delta.totals, missingSkills: roles.reduce((sum, role) => sum + role.missingSkills.length, 0) },
  };
}
