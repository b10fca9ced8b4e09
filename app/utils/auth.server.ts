import { redirect } from "@remix-run/node";
import { can, isUserKind, type Actor, type Permission, type ResourceScope } from "~/domain/permissions";
import type { ModelId, RoleId, StageId } from "~/domain/types";
import { isModelId, isRoleId, isStageId } from "~/domain/vocabulary";
import { db } from "./db.server";
import { activeSession } from "./session.server";

/**
 * Who is asking. Loaders and actions call these guards first; the decision
 * itself is `can()` in app/domain/permissions.ts.
 */
export interface SignedIn {
  actor: Actor;
  user: { id: string; name: string; email: string };
  organisation: { id: string; name: string; operatingModel: ModelId; stage: StageId };
  /** the second factor: whether the person has one, and whether their organisation requires it */
  twoFactor: { enabled: boolean; required: boolean };
  /** the session row this request presented */
  sessionId: string;
}

export function parseDepartments(json: string): RoleId[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(isRoleId) : [];
  } catch {
    return [];
  }
}

/**
 * What a guard is given: the loader's or action's copy of the Request and the
 * load context of the HTTP request (server/app.mjs makes one object per
 * request). Every loader passes both, so the loaders of one page share one
 * session lookup (`getSignedIn`); a test that calls a guard without a context
 * (`context: undefined`) gets a lookup of its own.
 */
export interface RequestArgs {
  request: Request;
  context: unknown;
}

/**
 * What the loaders of one page request found, by that request's load context:
 * Remix hands each loader its own copy of the Request but the same context
 * (server/app.mjs makes one per HTTP request), so the root and the page look
 * the session up once between them. Only for reads (GET, HEAD): after an
 * action the loaders look again, and a different Cookie header never shares.
 */
const lookupsByContext = new WeakMap<object, { cookie: string | null; found: Promise<SignedIn | null> }>();

/**
 * The signed-in person, or null. Pass the loader's `context` to share the
 * lookup with the other loaders of the same page request.
 */
export function getSignedIn(request: Request, context?: unknown): Promise<SignedIn | null> {
  if (!context || typeof context !== "object" || (request.method !== "GET" && request.method !== "HEAD"))
    return lookUpSignedIn(request);
  const cookie = request.headers.get("Cookie");
  const known = lookupsByContext.get(context);
  if (known && known.cookie === cookie) return known.found;
  const found = lookUpSignedIn(request);
  lookupsByContext.set(context, { cookie, found });
  return found;
}

async function lookUpSignedIn(request: Request): Promise<SignedIn | null> {
  const session = await activeSession(request);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      name: true,
      email: true,
      kind: true,
      departments: true,
      totpEnabledAt: true,
      organisation: { select: { id: true, name: true, operatingModel: true, stage: true, requireTwoFactor: true } },
    },
  });
  if (!user || !isUserKind(user.kind)) return null;
  const { organisation } = user;
  return {
    actor: {
      userId: user.id,
      organisationId: organisation.id,
      kind: user.kind,
      departments: parseDepartments(user.departments),
    },
    user: { id: user.id, name: user.name, email: user.email },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      operatingModel: isModelId(organisation.operatingModel) ? organisation.operatingModel : "platform",
      stage: isStageId(organisation.stage) ? organisation.stage : "startup",
    },
    twoFactor: { enabled: user.totpEnabledAt !== null, required: organisation.requireTwoFactor },
    sessionId: session.id,
  };
}

/** Where a person goes to set up the second factor their organisation requires; the only pages open to them until then. */
export const TWO_FACTOR_SETUP_PATH = "/settings/account";
const OPEN_WITHOUT_SECOND_FACTOR = new Set([TWO_FACTOR_SETUP_PATH, "/settings", "/logout"]);

/** The signed-in person, or a redirect to sign in that comes back here. */
export async function requireSignedIn({ request, context }: RequestArgs): Promise<SignedIn> {
  const signedIn = await getSignedIn(request, context);
  const url = new URL(request.url);
  if (signedIn) {
    // the organisation requires a second factor and this person has none yet: set it up first
    if (signedIn.twoFactor.required && !signedIn.twoFactor.enabled && !OPEN_WITHOUT_SECOND_FACTOR.has(url.pathname)) {
      throw redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
    }
    return signedIn;
  }
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

/**
 * Signed in and allowed. A record of another organisation answers 404, the
 * same as one that does not exist; a refusal in one's own organisation, 403.
 */
export async function requirePermission(
  args: RequestArgs,
  permission: Permission,
  scope?: Omit<ResourceScope, "organisationId"> & { organisationId?: string },
): Promise<SignedIn> {
  const signedIn = await requireSignedIn(args);
  const organisationId = scope?.organisationId ?? signedIn.actor.organisationId;
  if (organisationId !== signedIn.actor.organisationId) throw notFound();
  if (!can(signedIn.actor, permission, { ...scope, organisationId })) throw forbidden();
  return signedIn;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/**
 * The guard of the settings pages about one record of the reader's own
 * organisation (a person, an invitation, a token): the permission first
 * (403 whatever the id), then the record by the id in the address, read in
 * the actor's organisation only; absent, malformed or another
 * organisation's answers 404.
 */
export async function requireOwnRecord<Found>(
  args: RequestArgs,
  {
    permission,
    id,
    find,
    scope,
  }: {
    permission: Permission;
    /** the id in the address, already checked for shape (null: malformed) */
    id: string | null;
    find: (ids: { organisationId: string; id: string }) => Promise<Found | null>;
    scope?: Omit<ResourceScope, "organisationId">;
  },
): Promise<SignedIn & { found: Found }> {
  const signedIn = await requirePermission(args, permission, scope);
  const found = id ? await find({ organisationId: signedIn.actor.organisationId, id }) : null;
  if (!found) throw notFound();
  return { ...signedIn, found };
}

/**
 * The one record-scoped guard: `find` loads the record by id (only what
 * authorising needs, in any organisation); absent or another organisation's
 * answers 404 (once signed in, so an anonymous visitor is still sent to sign
 * in), and otherwise `permission` is checked with the record's scope.
 */
export async function requireRecord<Found extends { organisationId: string }>(
  args: RequestArgs,
  {
    find,
    permission,
    scope,
  }: {
    find: () => Promise<Found | null>;
    permission: Permission;
    /** the record's part of the scope: its departments, its person */
    scope?: (found: Found) => Omit<ResourceScope, "organisationId">;
  },
): Promise<SignedIn & { found: Found }> {
  const found = await find();
  if (!found) {
    await requireSignedIn(args);
    throw notFound();
  }
  const signedIn = await requirePermission(args, permission, {
    ...scope?.(found),
    organisationId: found.organisationId,
  });
  return { ...signedIn, found };
}
