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
}

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
  /** see the team: members, their skills and gaps, the heat map, the org diagram */
  "members.read",
  /** add, edit and remove members; import and export them */
  "members.write",
  /** record a skill assessment of a member (scope: the member's departments and account) */
  "assessments.write",
  // Hiring by stage (issue 6): the target, the delta, the hiring plan.
  /** see the organisation's target, the delta from today's team, and the hiring plan; export it */
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Rule = (actor: Actor, scope: ResourceScope) => boolean;

const anyone: Rule = () => true;
const kinds =
  (...allowed: UserKind[]): Rule =>
  (actor) =>
    allowed.includes(actor.kind);

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
  "training.read": (actor, scope) =>
    ["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope) || (scope.userId != null && scope.userId === actor.userId),
  "training.plan": (actor, scope) =>
    scope.userId !== actor.userId && (["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope)),
  "training.progress": (actor, scope) =>
    (scope.userId != null && scope.userId === actor.userId) ||
    (scope.userId !== actor.userId && (["admin", "manager", "hr"].includes(actor.kind) || leadsAnyOf(actor, scope))),
  "training.planSome": kinds("admin", "manager", "hr", "lead"),
  "assessments.writeSome": kinds("admin", "manager", "hr", "lead"),
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
