import { computeTeamGaps, type SkillColumn, type TeamGaps } from "~/domain/gaps";
import type { Actor } from "~/domain/permissions";
import type { OrgChartRecommendation } from "~/domain/types";
import { visibleTeamGaps, type VisibleTeamGaps } from "~/domain/visibility";
import type { SkillAssessmentRecord } from "~/domain/team";
import { SKILL_LEVELS, type SkillLevel } from "~/domain/types";
import { db } from "~/utils/db.server";
import { isRoleId } from "~/domain/vocabulary";
import type { MemberSummary } from "./member.server";

/**
 * The team of an organisation, kept in each worker while nothing it depends on
 * changed (decision 0017). What it depends on is one number per organisation,
 * `TeamRevision.team`, which SQLite triggers raise on every write to its
 * members, their roles and their assessments, whoever writes them (the forms,
 * the CSV import, batch writers, seeds, tests) and in whichever worker. A
 * request reads that number (one primary-key read) and gets the copy kept for
 * it, or reads the team again when it moved.
 *
 * The latest level per member and skill is read from `LatestSkillLevel`
 * (kept by triggers too), an indexed read rather than a window over the
 * whole history. Gaps are kept per team copy and per recommendation (the
 * recommendation is an input: it comes from the organisation's playbook and
 * business profile, which change apart from the team).
 *
 * The kept values are shared by every request: callers must not change them.
 */

export interface TeamState {
  organisationId: string;
  revision: number;
  members: readonly MemberSummary[];
  assessments: readonly SkillAssessmentRecord[];
}

interface KeptGaps {
  gaps: TeamGaps;
  /** the gaps as each recent reader may see them, by `readerKey` */
  views: Map<string, VisibleTeamGaps>;
}

interface Entry {
  revision: number;
  state: Promise<TeamState>;
  gaps: Map<string, KeptGaps>;
}

/** Organisations kept per worker; the least recently used one goes first. */
const MAX_ORGANISATIONS = 32;
/** Gap results kept per team copy (recommendation × skill columns: a handful in practice). */
const MAX_GAPS_PER_TEAM = 8;
/**
 * Readers' views kept per gap result. A view is a filter of the kept rows (arrays of
 * references, a few KB at 5,000 members), so many readers cost little memory.
 */
const MAX_VIEWS_PER_GAPS = 64;
const kept = new Map<string, Entry>();

/** How often the team was read from the database and its gaps computed: for tests (count, not time). */
export const teamStateCounters = { loads: 0, gapComputations: 0, viewComputations: 0, derivedComputations: 0 };

/** Forgets every kept team: for tests. */
export function forgetKeptTeams(): void {
  kept.clear();
}

const asLevel = (value: number): SkillLevel =>
  (SKILL_LEVELS as readonly number[]).includes(value) ? (value as SkillLevel) : 0;
const asDate = (value: Date | string | number | bigint): Date =>
  new Date(typeof value === "bigint" ? Number(value) : value);

/** The organisation's revisions (team and training): 0 before any write since the migration. One primary-key read. */
export async function revisionsOf(organisationId: string): Promise<{ team: number; training: number }> {
  const row = await db.teamRevision.findUnique({ where: { organisationId }, select: { team: true, training: true } });
  return { team: row?.team ?? 0, training: row?.training ?? 0 };
}

/** The latest assessment per member and skill, from the table the triggers keep. */
export async function latestLevelRows(organisationId: string): Promise<SkillAssessmentRecord[]> {
  const rows = await db.$queryRaw<
    { memberId: string; skillId: string; level: number | bigint; assessedOn: Date | string; createdAt: Date | string }[]
  >`
    SELECT "memberId", "skillId", "level", "assessedOn", "createdAt" FROM "LatestSkillLevel" WHERE "organisationId" = ${organisationId}`;
  return rows.map((row) => ({
    memberId: row.memberId,
    skillId: row.skillId,
    level: asLevel(Number(row.level)),
    assessedAt: asDate(row.assessedOn),
    recordedAt: asDate(row.createdAt),
  }));
}

/**
 * The members with their roles, by name: what `listMembers` answers, read with
 * two plain queries (the ORM's row mapping of 5,000 members and their roles
 * was most of the first request after a write).
 */
export async function readMembers(organisationId: string): Promise<MemberSummary[]> {
  const [rows, roles] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        name: string;
        email: string | null;
        title: string;
        department: string | null;
        managerId: string | null;
        userId: string | null;
      }[]
    >`
      SELECT "id", "name", "email", "title", "department", "managerId", "userId" FROM "Member" WHERE "organisationId" = ${organisationId} ORDER BY "name" ASC`,
    db.$queryRaw<{ memberId: string; roleId: string; sharePercent: number | bigint }[]>`
      SELECT r."memberId", r."roleId", r."sharePercent" FROM "MemberRole" r JOIN "Member" m ON m."id" = r."memberId"
      WHERE m."organisationId" = ${organisationId} ORDER BY r."memberId", r."roleId"`,
  ]);
  const rolesOf = new Map<string, MemberSummary["roles"]>();
  for (const role of roles) {
    if (!isRoleId(role.roleId)) continue;
    const list = rolesOf.get(role.memberId);
    const entry = { roleId: role.roleId, share: Number(role.sharePercent) / 100 };
    if (list) list.push(entry);
    else rolesOf.set(role.memberId, [entry]);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    userId: row.userId,
    department: isRoleId(row.department) ? row.department : null,
    managerId: row.managerId,
    roles: rolesOf.get(row.id) ?? [],
  }));
}

async function readTeam(organisationId: string, revision: number): Promise<TeamState> {
  teamStateCounters.loads += 1;
  const [members, assessments] = await Promise.all([readMembers(organisationId), latestLevelRows(organisationId)]);
  return { organisationId, revision, members, assessments };
}

async function entryFor(organisationId: string, known?: number): Promise<Entry> {
  const revision = known ?? (await revisionsOf(organisationId)).team;
  const found = kept.get(organisationId);
  if (found && found.revision === revision) {
    // most recently used last
    kept.delete(organisationId);
    kept.set(organisationId, found);
    return found;
  }
  // A newer revision replaces the entry; an older one (a slow request that read the
  // revision before a write) still gets a fresh read but does not replace a newer entry.
  const entry: Entry = { revision, state: readTeam(organisationId, revision), gaps: new Map() };
  if (!found || found.revision < revision) {
    kept.delete(organisationId);
    kept.set(organisationId, entry);
    if (kept.size > MAX_ORGANISATIONS) kept.delete(kept.keys().next().value as string);
    entry.state.catch(() => {
      if (kept.get(organisationId) === entry) kept.delete(organisationId);
    });
  }
  return entry;
}

/**
 * The organisation's members and their latest levels, read again only after a
 * write. `revision` when the caller has read it already (the training module).
 */
export async function keptTeam(organisationId: string, revision?: number): Promise<TeamState> {
  return (await entryFor(organisationId, revision)).state;
}

/** Keeps at most `max` entries of a Map used as an LRU (the oldest first). */
function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
  return value;
}

async function keptGapsFor(
  entry: Entry,
  recommendation: OrgChartRecommendation,
  skills: readonly SkillColumn[] | undefined,
): Promise<{ team: TeamState; kept: KeptGaps }> {
  const team = await entry.state;
  const key = JSON.stringify([
    recommendation,
    skills?.map((skill) => (typeof skill === "string" ? skill : skill.id)) ?? null,
  ]);
  let kept = entry.gaps.get(key);
  if (!kept) {
    teamStateCounters.gapComputations += 1;
    kept = touch(
      entry.gaps,
      key,
      { gaps: computeTeamGaps(recommendation, team.members, team.assessments, skills), views: new Map() },
      MAX_GAPS_PER_TEAM,
    );
  }
  return { team, kept };
}

/**
 * The team and its gaps against a recommendation (and, for the heat map, the
 * playbook's skill columns), computed once per team revision and input.
 */
export async function keptTeamGaps(
  organisationId: string,
  recommendation: OrgChartRecommendation,
  skills?: readonly SkillColumn[],
): Promise<{ team: TeamState; gaps: TeamGaps }> {
  const { team, kept } = await keptGapsFor(await entryFor(organisationId), recommendation, skills);
  return { team, gaps: kept.gaps };
}

/** What decides what a reader may see of a team (app/domain/visibility.ts): who they are, their kind and departments. */
const readerKey = (actor: Actor) =>
  JSON.stringify([actor.organisationId, actor.userId, actor.kind, [...actor.departments].sort()]);

/**
 * `keptTeamGaps` plus the gaps as `actor` may see them (privacy, issue 14),
 * filtered once per reader and kept with the gaps: the filter asks `can()`
 * for every person of the team, which at 1,000 members cost as much as the
 * rest of the heat map's loader. One revision read for all three.
 */
export async function keptTeamView(
  actor: Actor,
  organisationId: string,
  recommendation: OrgChartRecommendation,
  skills?: readonly SkillColumn[],
): Promise<{ team: TeamState; gaps: TeamGaps; visible: VisibleTeamGaps }> {
  const { team, kept } = await keptGapsFor(await entryFor(organisationId), recommendation, skills);
  const key = readerKey(actor);
  let visible = kept.views.get(key);
  if (visible) touch(kept.views, key, visible, MAX_VIEWS_PER_GAPS);
  else {
    teamStateCounters.viewComputations += 1;
    visible = touch(
      kept.views,
      key,
      visibleTeamGaps(actor, organisationId, team.members, kept.gaps),
      MAX_VIEWS_PER_GAPS,
    );
  }
  return { team, gaps: kept.gaps, visible };
}

/** Results derived from a kept value (e.g. a reader's heat-map rows filtered and sorted), per key. */
const derived = new WeakMap<object, Map<string, unknown>>();
/** Derived results kept per kept value: the filters and sort orders a reader goes through. */
const MAX_DERIVED_PER_VALUE = 16;

/**
 * `compute()` once per kept value (a reader's view, which lives as long as its
 * team revision is kept) and key; dropped with the value. Callers must not
 * change what it returns.
 */
export function keptDerived<T>(value: object, key: string, compute: () => T): T {
  let results = derived.get(value);
  if (!results) derived.set(value, (results = new Map()));
  if (results.has(key)) return touch<string, unknown>(results, key, results.get(key), MAX_DERIVED_PER_VALUE) as T;
  teamStateCounters.derivedComputations += 1;
  return touch<string, unknown>(results, key, compute(), MAX_DERIVED_PER_VALUE) as T;
}
