/**
 * The one place that decides what a person may do. Pure: a function of the
 * actor (kind, departments, organisation) and the record. Deny by default:
 * a permission not listed here is refused to everyone.
 *
 * Routes turn the answer into HTTP: no actor → sign in; a record of another
 * organisation → 404 (it leaks nothing); otherwise `false` → 403.
 */
import type { RoleId } from "./types";

export const USER_KINDS = ["admin", "manager", "hr", "lead", "member"] as const;
export type UserKind = (typeof USER_KINDS)[number];

export interface Actor {
  userId: string;
  organisationId: string;
  kind: UserKind;
  /** for leads: the departments (roles of the seven) they lead */
  departments: readonly RoleId[];
}

/** What a permission is checked against. */
export interface ResourceScope {
  organisationId: string;
  /** the department a record belongs to, where it has one */
  department?: RoleId | null;
  /** the departments a record touches (e.g. a member holding two roles) */
  departments?: readonly RoleId[];
  /** the user a record is about, for "own record" rules */
  userId?: string | null;
  /** the user who wrote the record (an assessor's note), for "what I wrote" rules */
  authorUserId?: string | null;
  /** the organisation's setting that lets managers edit its playbook (issue 13) */
  managersEditPlaybook?: boolean;
}

/**
 * What a page, export, API answer or image may carry about a person (or the
 * hiring plan), one group of fields at a time. Every loader asks
 * `visibleFieldsFor(actor, subject)` and leaves out the rest of the data, so
 * what the browser gets is what the reader may see (docs/decisions/0011).
 */
export const FIELD_GROUPS = [
  /** the org chart's part of a person: name, title, department, roles and shares, reporting line, contact */
  "person.profile",
  /** the person's latest assessed level per skill */
  "person.levels",
  /** the person's gaps: required against assessed, per skill and in total (the colour of their node) */
  "person.gaps",
  /** every earlier assessment: dates, levels, who assessed */
  "person.history",
  /** what an assessor wrote about the person (the author always reads their own notes) */
  "person.notes",
  /** the person's training plan: items, progress, evidence */
  "person.training",
  /** figures over a group of people (counts, gap totals, best levels) when the group is too large to point at one person */
  "team.figures",
  /** the hiring plan: positions, their owners, notes and fills; its CSV */
  "hiring.positions",
  /** the positions marked public, as open positions: title, role, quarter, headcount, status (never budget, notes, owner) */
  "hiring.publicPositions",
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const PERMISSIONS = [
  /** see the organisation's overview (its model, stage, chart) */
  "organisation.read",
  /** change the organisation's name, current model and stage */
  "organisation.update",
  /** see who has an account, and their kinds */
  "users.read",
  /** invite people, change a person's kind, disable or enable a person */
  "users.manage",
  /** create and revoke API tokens */
  "tokens.manage",
  /** read the security log */
  "securityLog.read",
  /** see the team's pages and org chart; what they show about each person is decided per field group below */
  "members.read",
  /** add, edit and remove members; import and export them */
  "members.write",
  /** record a skill assessment of a member (scope: the member's departments and account) */
  "assessments.write",
  // Hiring by stage (issue 6): the target, the delta, the hiring plan.
  /** open the hiring page: the organisation's target and the delta from today's team (the plan itself: "hiring.positions") */
  "hiring.read",
  /** set the target model and stage; create, edit, reorder and fill positions of the plan */
  "hiring.plan",
  /** move a position through its statuses (planned, open, offer, filled, cancelled) and fill it */
  "hiring.status",
  // Ownership of process steps (issue 7). Scope of the row rules: `departments`
  // = the roles responsible or accountable for the step; for a decision, also
  // the proposed owner, and `userId` = who proposed it.
  /** see the process steps, the RACI matrix, its problems and the decision logs */
  "ownership.read",
  /** add, rename, reorder and retire process steps */
  "ownership.steps.manage",
  /** change a cell of the RACI matrix (scope: the row's responsible and accountable roles) */
  "ownership.raci.write",
  /** propose an owner for a flagged step */
  "ownership.propose",
  /** accept or reject a proposed owner (scope: the roles involved, and the proposer) */
  "ownership.decide",
  // Training plans (issue 5). Scope: the member the plan is for (departments, account).
  /** open the training progress page; what it shows is limited to the plans one may read */
  "training.overview",
  /** read a member's training plan: HR, managers, admins; leads of the member's departments; the member themselves */
  "training.read",
  /** create, change and cancel a member's training items (targets, kinds, dates); never one's own */
  "training.plan",
  /** update the progress, status and evidence of an item: the member it is for, or whoever may plan it */
  "training.progress",
  /** plan for someone, somewhere (no scope): HR, managers, admins, and leads for their departments; what the progress page offers */
  "training.planSome",
  /** assess someone, somewhere (no scope): the people "assessments.write" lets assess anyone at all */
  "assessments.writeSome",
  // The organisation's playbook (issue 13). Scope: the organisation, with its managersEditPlaybook setting.
  /** see the organisation's playbook, its versions and their differences; export it as JSON */
  "playbook.read",
  /** edit the playbook (roles, skills, extension roles), import one, revert to a version: admins, and managers when the admin allows it */
  "playbook.edit",
  /** allow or stop managers editing the playbook */
  "playbook.settings",
  // Reads per field group (issue 14, PRODUCT.md "Privacy"). Scope: the person the data is about
  // (their department, roles and account); for a note, also its author.
  ...FIELD_GROUPS,
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Rule = (actor: Actor, scope: ResourceScope) => boolean;

const anyone: Rule = () => true;
const kinds =
  (...allowed: UserKind[]): Rule =>
  (actor) =>
    allowed.includes(actor.kind);

/** The person themselves, the lead of one of their departments, HR, managers and admins. */
function readsPerson(actor: Actor, scope: ResourceScope): boolean {
  return (
    ["admin", "manager", "hr"].includes(actor.kind) ||
    leadsAnyOf(actor, scope) ||
    (scope.userId != null && scope.userId === actor.userId)
  );
}

const RULES: Record<Permission, Rule> = {
  "organisation.read": anyone,
  "organisation.update": kinds("admin", "manager"),
  "users.read": kinds("admin"),
  "users.manage": kinds("admin"),
  "tokens.manage": kinds("admin"),
  "securityLog.read": kinds("admin"),
  "members.read": anyone,
  "members.write": kinds("admin", "manager", "hr"),
  // Leads assess the people of their departments; nobody assesses themselves.
  "assessments.write": (actor, scope) =>
    scope.userId !== actor.userId && (["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope)),
  // Hiring by stage: managers and admins plan; HR also tracks each position's status; leads and members read.
  "hiring.read": anyone,
  "hiring.plan": kinds("admin", "manager"),
  "hiring.status": kinds("admin", "manager", "hr"),
  // Ownership: everyone reads; admins keep the list of steps; managers and
  // admins edit every row, a lead the rows where one of their departments is
  // R or A. A lead proposes an owner; someone else decides: the lead of
  // another role involved, or a manager (or admin).
  "ownership.read": anyone,
  "ownership.steps.manage": kinds("admin"),
  "ownership.raci.write": (actor, scope) => ["admin", "manager"].includes(actor.kind) || leadsAnyOf(actor, scope),
  "ownership.propose": kinds("admin", "manager", "lead"),
  "ownership.decide": (actor, scope) =>
    scope.userId !== actor.userId && (["admin", "manager"].includes(actor.kind) || leadsAnyOf(actor, scope)),
  // Training plans (issue 5): members see and progress only their own plan; leads their departments'.
  "training.overview": anyone,
  "training.read": (actor, scope) => readsPerson(actor, scope),
  "training.plan": (actor, scope) =>
    scope.userId !== actor.userId && (["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope)),
  "training.progress": (actor, scope) =>
    (scope.userId != null && scope.userId === actor.userId) ||
    (scope.userId !== actor.userId && (["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope))),
  "training.planSome": kinds("admin", "manager", "hr", "lead"),
  "assessments.writeSome": kinds("admin", "manager", "hr", "lead"),
  "playbook.read": anyone,
  "playbook.edit": (actor, scope) =>
    actor.kind === "admin" || (actor.kind === "manager" && scope.managersEditPlaybook === true),
  "playbook.settings": kinds("admin"),
  // Reads per field group: what everybody sees is the org chart and untraceable figures; a person's
  // levels, gaps, history, notes and training are for them, their department's lead, HR, managers, admins.
  "person.profile": anyone,
  "person.levels": readsPerson,
  "person.gaps": readsPerson,
  "person.history": readsPerson,
  "person.notes": (actor, scope) =>
    readsPerson(actor, scope) || (scope.authorUserId != null && scope.authorUserId === actor.userId),
  "person.training": readsPerson,
  "team.figures": anyone,
  // PRODUCT.md: the plan is for managers, HR and admins; the positions marked public are for everyone.
  "hiring.positions": kinds("admin", "manager", "hr"),
  "hiring.publicPositions": anyone,
};

/** May this actor do this to that record? Never across organisations. */
export function can(actor: Actor | null, permission: Permission, scope: ResourceScope): boolean {
  if (!actor) return false;
  if (actor.organisationId !== scope.organisationId) return false;
  const rule = RULES[permission];
  return rule ? rule(actor, scope) : false;
}

/** True when a lead leads at least one of the departments of the record. */
export function leadsAnyOf(actor: Actor, scope: ResourceScope): boolean {
  const touched = [...(scope.departments ?? []), ...(scope.department ? [scope.department] : [])];
  return actor.kind === "lead" && touched.some((department) => actor.departments.includes(department));
}

export function isUserKind(value: unknown): value is UserKind {
  return typeof value === "string" && (USER_KINDS as readonly string[]).includes(value);
}

/** Everything an actor may do in their own organisation, for the UI to hide the rest. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((permission) => can(actor, permission, { organisationId: actor.organisationId }));
}

/**
 * The field groups this actor may read about this subject (a person's scope,
 * or the organisation's for the hiring plan): `can()` asked once per group.
 */
export function visibleFieldsFor(actor: Actor | null, subject: ResourceScope): Set<FieldGroup> {
  return new Set(FIELD_GROUPS.filter((group) => can(actor, group, subject)));
}

/**
 * Fewest people a figure may be computed over and still be shown to a reader
 * who may not read each of them (docs/decisions/0011): below it, a count or a
 * best level points at one person.
 */
export const MIN_GROUP_SIZE = 5;

/**
 * May this actor see a figure computed over these people? Yes when they may
 * read every one of them, or the group has at least MIN_GROUP_SIZE people.
 */
export function canSeeFigureOver(
  actor: Actor | null,
  subjects: readonly ResourceScope[],
  group: "person.levels" | "person.gaps" = "person.gaps",
): boolean {
  if (!actor) return false;
  if (!subjects.every((subject) => subject.organisationId === actor.organisationId)) return false;
  if (!can(actor, "team.figures", { organisationId: actor.organisationId })) return false;
  return subjects.length >= MIN_GROUP_SIZE || subjects.every((subject) => can(actor, group, subject));
}

/**
 * What an organisation's API token may read (decision 0011's addendum). An
 * admin picks one scope when making a token; the narrowest is the default.
 * `recommendation`: the organisation's edited recommendation only, nothing
 * about a person. `training`: that and everyone's training progress, as HR
 * reads it. A scope stored that this list does not know reads as the
 * narrowest.
 */
export const API_TOKEN_SCOPES = ["recommendation", "training"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
export type ApiResource = "recommendation" | "training.progress";

const TOKEN_READS: Record<ApiTokenScope, readonly ApiResource[]> = {
  recommendation: ["recommendation"],
  training: ["recommendation", "training.progress"],
};

export function asTokenScope(value: string): ApiTokenScope {
  return (API_TOKEN_SCOPES as readonly string[]).includes(value) ? (value as ApiTokenScope) : "recommendation";
}

/** May a token of this scope read this part of the API? */
export function tokenMayRead(scope: ApiTokenScope, resource: ApiResource): boolean {
  return TOKEN_READS[scope].includes(resource);
}
