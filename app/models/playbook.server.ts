import { shippedPlaybook } from "~/domain/playbook";
import { baselineFor, withExtensionRoleDisabled, withExtensionRoleEnabled } from "~/domain/extension-roles";
import { withCustomRoleAdded, withCustomRoleRemoved, type NewCustomRole } from "~/domain/custom-roles";
import { editedPaths } from "~/domain/playbook-diff";
import { defaultRowsNaming, withDefaultRaciCompleted } from "~/domain/playbook-raci";
import { validatePlaybook, validatePlaybookEdit } from "~/domain/playbook-validation";
import {
  type CustomRoleId,
  type ExtensionRoleId,
  type Localized,
  type ModelId,
  type Playbook,
  type RoleId,
} from "~/domain/types";
import { organisationFromBearer } from "~/utils/api-auth.server";
import { can, type Actor } from "~/domain/permissions";
import {
  forbidden,
  getSignedIn,
  requirePermission,
  requireSignedIn,
  type RequestArgs,
  type SignedIn,
} from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { saveIfVersion } from "./versioned.server";

/**
 * The playbook that applies to a request: that of the organisation named by
 * an API token, else by the session, else the shipped one (anyone may try
 * the planner). A bad token throws the 401 of organisationFromBearer.
 */
export async function playbookForRequest(args: RequestArgs, signedIn?: SignedIn | null): Promise<Playbook> {
  const organisationId = await organisationIdForRequest(args, signedIn);
  return playbookForOrganisation(organisationId);
}

/**
 * `signedIn`: the caller's own lookup of the session (null: nobody); without it the
 * lookup the request's other loaders share (`getSignedIn` with the load context).
 */
export async function organisationIdForRequest(
  { request, context }: RequestArgs,
  signedIn?: SignedIn | null,
): Promise<string | null> {
  const bearer = await organisationFromBearer(request);
  if (bearer) return bearer.organisationId;
  const person = signedIn === undefined ? await getSignedIn(request, context) : signedIn;
  return person?.actor.organisationId ?? null;
}

/* ------------------------------------------------------------------ */
/* The one read path, cached by (organisation, version)                  */
/* ------------------------------------------------------------------ */

interface CachedPlaybook {
  playbook: Playbook;
  /** the paths where it differs from the shipped playbook (what pages mark "edited") */
  edited: ReadonlySet<string>;
}

const SHIPPED: CachedPlaybook = { playbook: shippedPlaybook, edited: new Set() };
/** Versions are immutable, so an entry never goes stale; the cap only bounds memory. */
const CACHE_LIMIT = 200;
const cache = new Map<string, CachedPlaybook>();
/** How many stored documents were parsed and validated (tests count them: a read must not parse again). */
export const playbookCacheStats = { parses: 0 };

/** The db client, or a transaction's (a read inside a transaction goes through it). */
type Client = Pick<typeof db, "organisation" | "playbookVersion">;

async function currentEntry(
  organisationId: string | null,
  client: Client = db,
): Promise<CachedPlaybook & { version: number }> {
  if (!organisationId) return { ...SHIPPED, version: 0 };
  const organisation = await client.organisation.findUnique({
    where: { id: organisationId },
    select: { playbookVersion: true },
  });
  const version = organisation?.playbookVersion ?? 0;
  if (version === 0) return { ...SHIPPED, version };
  const key = `${organisationId}:${version}`;
  const hit = cache.get(key);
  if (hit) return { ...hit, version };
  const row = await client.playbookVersion.findUnique({
    where: { organisationId_number: { organisationId, number: version } },
    select: { document: true },
  });
  const entry = row ? parseStored(row.document, key) : SHIPPED;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  return { ...entry, version };
}

/**
 * A stored document, validated once. It was valid when saved; should a later
 * release of the shipped playbook make it invalid, the organisation falls
 * back to the shipped one (logged) rather than every page failing
 * (decision 0015).
 */
function parseStored(document: string, key: string): CachedPlaybook {
  playbookCacheStats.parses += 1;
  try {
    const playbook = withDefaultRaciCompleted(JSON.parse(document) as Playbook);
    const problems = validatePlaybook(playbook);
    // an extension role as the library ships it is a default, not an edit: compare with the shipped playbook plus the same roles
    // an own role (custom_…) has no shipped default to differ from: none of its fields reads "edited"
    if (problems.length === 0) {
      const edited = editedPaths(baselineFor(shippedPlaybook, playbook), playbook);
      for (const path of edited) if (path.startsWith("roles.custom_")) edited.delete(path);
      return { playbook, edited };
    }
    console.error(`playbook ${key} no longer validates; using the shipped one`, problems.slice(0, 5));
  } catch (error) {
    console.error(`playbook ${key} is not JSON; using the shipped one`, error);
  }
  return SHIPPED;
}

/** An organisation's current playbook; the shipped one without an organisation or before its first edit. */
export async function playbookForOrganisation(organisationId: string | null, client?: Client): Promise<Playbook> {
  return (await currentEntry(organisationId, client)).playbook;
}

/** The current playbook with its version number (0 = shipped) and the paths edited from the shipped one. */
export async function playbookStateForOrganisation(organisationId: string | null) {
  return currentEntry(organisationId);
}

/* ------------------------------------------------------------------ */
/* Writes: every save is a version                                       */
/* ------------------------------------------------------------------ */

export interface PlaybookAuthor {
  userId: string;
  name: string;
}

export type PlaybookSave =
  | { ok: true; version: number }
  | { ok: false; reason: "invalid"; problems: string[] }
  | { ok: false; reason: "conflict"; current: { version: number; playbook: Playbook } }
  | { ok: false; reason: "not_found" };

/**
 * Where a role is still assigned: members who hold it (or sit in its
 * department), the team's active process steps whose RACI row gives it a
 * letter, and the playbook's default RACI rows that do (decision 0023).
 */
export interface RoleInUse {
  members: number;
  steps: { key: string; name: Localized }[];
  defaultRows: { stepKey: string; model: ModelId | null }[];
}

/** Turning an extension role off: also refused while it is assigned anywhere (RoleInUse), nothing written. */
export type ExtensionRoleSave = PlaybookSave | ({ ok: false; reason: "in_use" } & RoleInUse);

const isInUse = (use: RoleInUse) => use.members > 0 || use.steps.length > 0 || use.defaultRows.length > 0;

/** What every save of a playbook version takes. */
export interface PlaybookSaveInput {
  organisationId: string;
  /** the version the editor loaded */
  version: number;
  next: Playbook;
  summary: string;
  author: PlaybookAuthor;
  /** the version a revert restores */
  revertOf?: number;
}

/**
 * Saves `next` as the organisation's next version, if the organisation is
 * still at `version` (the one the editor loaded) and `next` validates both
 * on its own and as the successor of the current one. One transaction: the
 * version row and the organisation's pointer land together or not at all.
 */
export async function savePlaybook(input: PlaybookSaveInput): Promise<PlaybookSave> {
  const result = await saveVersion(input);
  if (!result.ok && result.reason === "in_use") throw new Error("in_use without a role to keep unassigned");
  return result;
}

/** `unassigned`: a role that must be assigned nowhere when the version lands (turning an extension role off, removing an own role), checked in the same transaction. */
async function saveVersion(input: PlaybookSaveInput & { unassigned?: RoleId }): Promise<ExtensionRoleSave> {
  const { organisationId, version, next, summary, author, unassigned } = input;
  const current = await currentEntry(organisationId);
  // a stale save is the conflict it is, before whatever no longer holds against the newer version
  if (current.version !== version)
    return { ok: false, reason: "conflict", current: { version: current.version, playbook: current.playbook } };
  // the default RACI still naming the role would fail validation by path: say where it is assigned instead
  const defaultRows = unassigned ? defaultRowsNaming(next.defaultRaci, unassigned) : [];
  if (defaultRows.length > 0) return { ok: false, reason: "in_use", members: 0, steps: [], defaultRows };
  const problems = validatePlaybookEdit(current.playbook, next);
  if (problems.length > 0) return { ok: false, reason: "invalid", problems };
  const document = JSON.stringify(next);
  const result = await db.$transaction(async (tx) => {
    if (unassigned) {
      const use = await roleInUse(tx, organisationId, unassigned);
      if (isInUse(use)) return { ok: false as const, reason: "in_use" as const, ...use };
    }
    return saveIfVersion({
      version,
      load: async () => {
        const organisation = await tx.organisation.findUnique({
          where: { id: organisationId },
          select: { playbookVersion: true },
        });
        return organisation ? { version: organisation.playbookVersion } : null;
      },
      claim: () =>
        tx.organisation.updateMany({
          where: { id: organisationId, playbookVersion: version },
          data: { playbookVersion: { increment: 1 } },
        }),
      then: async () => {
        const number = version + 1;
        await tx.playbookVersion.create({
          data: {
            organisationId,
            number,
            document,
            summary,
            revertOf: input.revertOf ?? null,
            createdById: author.userId,
            createdByName: author.name,
          },
        });
        return number;
      },
    });
  });
  if (result.ok) return { ok: true, version: result.saved };
  if (result.reason === "in_use") return result;
  if (result.reason === "not_found") return { ok: false, reason: "not_found" };
  const now = await currentEntry(organisationId);
  return { ok: false, reason: "conflict", current: { version: now.version, playbook: now.playbook } };
}

/** Members of the organisation who hold a role or sit in its department. */
async function countMembersInRole(client: Pick<typeof db, "member">, organisationId: string, roleId: RoleId) {
  return client.member.count({
    where: { organisationId, OR: [{ department: roleId }, { roles: { some: { roleId } } }] },
  });
}

/** The team's active steps whose RACI row gives the role a letter (retired steps are not shown in the matrix). */
async function stepsAssigningRole(client: Pick<typeof db, "processStep">, organisationId: string, roleId: RoleId) {
  const rows = await client.processStep.findMany({
    where: { organisationId, retiredAt: null, assignments: { some: { roleId } } },
    select: { key: true, nameZh: true, nameEn: true },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
  return rows.map((row) => ({ key: row.key, name: { zh: row.nameZh, en: row.nameEn } }));
}

async function roleInUse(
  client: Pick<typeof db, "member" | "processStep">,
  organisationId: string,
  roleId: RoleId,
  defaultRows: RoleInUse["defaultRows"] = [],
): Promise<RoleInUse> {
  const [members, steps] = await Promise.all([
    countMembersInRole(client, organisationId, roleId),
    stepsAssigningRole(client, organisationId, roleId),
  ]);
  return { members, steps, defaultRows };
}

/**
 * Where an extension role is assigned (members, the team's steps, the
 * playbook's default RACI): what turning it off would strand, for the page
 * to say before anyone tries.
 */
export async function extensionRoleInUse({
  organisationId,
  roleId,
}: {
  organisationId: string;
  roleId: ExtensionRoleId;
}): Promise<RoleInUse> {
  const playbook = await playbookForOrganisation(organisationId);
  return roleInUse(db, organisationId, roleId, defaultRowsNaming(playbook.defaultRaci, roleId));
}

/**
 * Turns an extension role on or off as the next version (issue 13). On: the
 * library's role, skills, links and sizing rows join the loaded version. Off:
 * refused while members hold the role or sit in its department (they would
 * be measured against a role the playbook no longer has), or while a RACI
 * row gives it a letter (the team's steps or the default RACI: a step would
 * lose an owner unseen); otherwise the role, its links and its sizing rows
 * go, and its skills stay in the catalogue.
 */
export async function setExtensionRole(input: {
  organisationId: string;
  version: number;
  roleId: ExtensionRoleId;
  on: boolean;
  summary: string;
  author: PlaybookAuthor;
}): Promise<ExtensionRoleSave> {
  const { organisationId, version, roleId, on, summary, author } = input;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  if (!loaded) return { ok: false, reason: "not_found" };
  const next = on ? withExtensionRoleEnabled(loaded, roleId) : withExtensionRoleDisabled(loaded, roleId);
  return saveVersion({ organisationId, version, next, summary, author, ...(on ? {} : { unassigned: roleId }) });
}

/** Creating an own role: the save's answer, and the id the role got when it landed. */
export type CustomRoleCreate =
  { ok: true; version: number; roleId: CustomRoleId } | Exclude<PlaybookSave, { ok: true }>;

/**
 * Adds an own role to the loaded version and saves the next version
 * (issue 13). Its id comes from its English name, unique in the playbook.
 */
export async function createCustomRole(input: {
  organisationId: string;
  version: number;
  role: NewCustomRole;
  summary: string;
  author: PlaybookAuthor;
}): Promise<CustomRoleCreate> {
  const { organisationId, version, role, summary, author } = input;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  if (!loaded) return { ok: false, reason: "not_found" };
  const { playbook: next, roleId } = withCustomRoleAdded(loaded, role);
  const result = await savePlaybook({ organisationId, version, next, summary, author });
  return result.ok ? { ...result, roleId } : result;
}

/**
 * Removes an own role as the next version: refused while members hold it or
 * sit in its department (counted in the save's transaction), as turning an
 * extension role off is. Its links and sizing rows go; its skills stay.
 */
export async function removeCustomRole(input: {
  organisationId: string;
  version: number;
  roleId: CustomRoleId;
  summary: string;
  author: PlaybookAuthor;
}): Promise<ExtensionRoleSave> {
  const { organisationId, version, roleId, summary, author } = input;
  const loaded = await playbookAtVersion({ organisationId, number: version });
  if (!loaded) return { ok: false, reason: "not_found" };
  if (!loaded.roles.some((r) => r.id === roleId)) return { ok: false, reason: "not_found" };
  const next = withCustomRoleRemoved(loaded, roleId);
  return saveVersion({ organisationId, version, next, summary, author, unassigned: roleId });
}

/** Members who hold a role or sit in its department: what removing it would strand. */
export async function membersInRole({ organisationId, roleId }: { organisationId: string; roleId: RoleId }) {
  return countMembersInRole(db, organisationId, roleId);
}

export interface PlaybookVersionSummary {
  number: number;
  summary: string;
  createdByName: string;
  createdAt: Date;
  revertOf: number | null;
}

/** Every version, newest first (version 0, the shipped playbook, is not a row). */
export async function listPlaybookVersions({
  organisationId,
}: {
  organisationId: string;
}): Promise<PlaybookVersionSummary[]> {
  return db.playbookVersion.findMany({
    where: { organisationId },
    orderBy: { number: "desc" },
    select: { number: true, summary: true, createdByName: true, createdAt: true, revertOf: true },
  });
}

/** One version's document (0 is the shipped playbook), or null when there is no such version. */
export async function playbookAtVersion({
  organisationId,
  number,
}: {
  organisationId: string;
  number: number;
}): Promise<Playbook | null> {
  if (number === 0) return shippedPlaybook;
  const key = `${organisationId}:${number}`;
  const hit = cache.get(key);
  if (hit) return hit.playbook;
  const row = await db.playbookVersion.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { document: true },
  });
  if (!row) return null;
  const entry = parseStored(row.document, key);
  cache.set(key, entry);
  return entry.playbook;
}

export async function getPlaybookVersion({
  organisationId,
  number,
}: {
  organisationId: string;
  number: number;
}): Promise<PlaybookVersionSummary | null> {
  return db.playbookVersion.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { number: true, summary: true, createdByName: true, createdAt: true, revertOf: true },
  });
}

/** The organisation's playbook setting: may managers edit it. */
export async function playbookSettings({
  organisationId,
}: {
  organisationId: string;
}): Promise<{ managersEditPlaybook: boolean }> {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { managersEditPlaybook: true },
  });
  return { managersEditPlaybook: organisation?.managersEditPlaybook ?? false };
}

export async function setManagersEditPlaybook({
  organisationId,
  allowed,
}: {
  organisationId: string;
  allowed: boolean;
}): Promise<void> {
  await db.organisation.update({ where: { id: organisationId }, data: { managersEditPlaybook: allowed } });
}

/**
 * The guard of every playbook write: signed in, and allowed to edit this
 * organisation's playbook (admins; managers when the organisation allows it).
 */
export async function requirePlaybookEditor(args: RequestArgs) {
  const signedIn = await requireSignedIn(args);
  const settings = await playbookSettings({ organisationId: signedIn.actor.organisationId });
  if (!can(signedIn.actor, "playbook.edit", { organisationId: signedIn.actor.organisationId, ...settings }))
    throw forbidden();
  return { ...signedIn, settings };
}

/** May this person edit the organisation's playbook (for the UI to offer it). */
export function mayEditPlaybook(actor: Actor, settings: { managersEditPlaybook: boolean }): boolean {
  return can(actor, "playbook.edit", { organisationId: actor.organisationId, ...settings });
}

/**
 * What every playbook page starts from: a reader of the playbook, the
 * organisation's current playbook (with its version and edited paths), the
 * organisation's setting and whether this reader may edit.
 */
export async function readPlaybookPage(args: RequestArgs) {
  const signedIn = await requirePermission(args, "playbook.read");
  const organisationId = signedIn.actor.organisationId;
  const [state, settings] = await Promise.all([
    playbookStateForOrganisation(organisationId),
    playbookSettings({ organisationId }),
  ]);
  return { ...signedIn, organisationId, state, settings, canEdit: mayEditPlaybook(signedIn.actor, settings) };
}
