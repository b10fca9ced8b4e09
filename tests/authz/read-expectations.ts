import type { FieldGroup, UserKind } from "../../app/domain/permissions";
import type { ReadFixture, Relation, Subject } from "./read-fixture";

/**
 * The read dimension of the authorization matrix (issue 14; PRODUCT.md,
 * "Privacy"): per route or export, per user kind and relation to the person
 * (own / same department / other department), which field groups about that
 * person appear in what the loader sends. Every route of the app has an
 * entry (a route without person data says why), and every read case names
 * every field group: a missing one fails the matrix.
 */

/** Which relations of each kind see a group. */
export type Seen = Record<UserKind, readonly Relation[]>;

export interface ReadCase {
  label?: string;
  url: (fx: ReadFixture, subject: Subject) => string;
  params?: (fx: ReadFixture, subject: Subject) => Record<string, string>;
  /** what the answer carries about the subject, beyond the markers every case looks for */
  probe?: Partial<
    Record<"person.levels" | "person.gaps" | "team.figures", (data: unknown, subject: Subject) => boolean>
  >;
  expect: Record<FieldGroup, Seen>;
}

export type ReadEntry = ReadCase[] | { none: string };

const ALL: readonly Relation[] = ["own", "same", "other"];
const nobody: Seen = { admin: [], manager: [], hr: [], lead: [], member: [] };
const everybody: Seen = { admin: ALL, manager: ALL, hr: ALL, lead: ALL, member: ALL };
/** the person, the lead of their department (operations), HR, managers, admins */
const personal: Seen = { admin: ALL, manager: ALL, hr: ALL, lead: ["own", "same"], member: ["own"] };
/** a figure over operations (six holders: everyone) or supply chain (one holder: his readers only) */
const department: Seen = { admin: ALL, manager: ALL, hr: ALL, lead: ["own", "same"], member: ["own", "same"] };
/** HR, managers and admins, about everyone; nobody else */
const office: Seen = { admin: ALL, manager: ALL, hr: ALL, lead: [], member: [] };

/** who may assess the person (never themselves): HR, managers, admins; the lead of their department */
const assessors: Seen = {
  admin: ["same", "other"],
  manager: ["same", "other"],
  hr: ["same", "other"],
  lead: ["same"],
  member: [],
};
/** those who may assess in operations, about the people of operations */
const inOperations: Seen = {
  admin: ["own", "same"],
  manager: ["own", "same"],
  hr: ["own", "same"],
  lead: ["own", "same"],
  member: [],
};

/** Nothing about anyone: every group unseen (a refused page, or a page without people). */
const nothing = (): Record<FieldGroup, Seen> => ({
  "person.profile": nobody,
  "person.levels": nobody,
  "person.gaps": nobody,
  "person.history": nobody,
  "person.notes": nobody,
  "person.training": nobody,
  "team.figures": nobody,
  "hiring.positions": nobody,
  "hiring.publicPositions": nobody,
});

type Json = Record<string, unknown>;
const obj = (data: unknown) => data as Json;
const rows = (data: unknown, key: string) => (obj(data)[key] ?? []) as Json[];
/** the roles (or staffing rows) a subject holds are all shown (not withheld); the fixture's people hold one role each */
const roleShown = (key: string, roleOf: (subject: Subject) => string) => (data: unknown, subject: Subject) =>
  rows(data, key).some((row) => row.roleId === roleOf(subject) && row.withheld === false);
const roleOfSubject = (subject: Subject) => (subject.name === "Person other" ? "supply_chain" : "operations_manager");

export const READ_MATRIX: Record<string, ReadEntry> = {
  "routes/team.$memberId": [
    {
      url: (_, s) => `/team/${s.id}`,
      params: (_, s) => ({ memberId: s.id }),
      probe: {
        "person.levels": (data) =>
          JSON.stringify(obj(data).gaps ?? null).includes('"assessed":') || rows(data, "otherAssessed").length > 0,
        "person.gaps": (data) => JSON.stringify(obj(data).gaps ?? null).includes('"totalGap":'),
      },
      expect: {
        ...nothing(),
        "person.profile": everybody,
        "person.levels": personal,
        "person.gaps": personal,
        "person.history": personal,
        "person.notes": personal,
        "person.training": personal,
      },
    },
  ],
  // the assessment grid (issue 18): only those who may assess the person open it; the last level and its date, no notes, no assessor
  "routes/team.assess": [
    {
      label: "one member",
      url: (_, s) => `/team/assess?member=${s.id}`,
      probe: {
        "person.levels": (data, s) =>
          rows(obj(data).grid ?? {}, "rows").some((row) => row.memberId === s.id && row.last !== null),
      },
      expect: {
        ...nothing(),
        "person.profile": assessors,
        "person.levels": assessors,
      },
    },
    {
      label: "a department on one skill",
      url: () => "/team/assess?department=operations_manager&skill=erp_crm_tools",
      probe: {
        "person.levels": (data, s) =>
          rows(obj(data).grid ?? {}, "rows").some((row) => row.memberId === s.id && row.last !== null),
      },
      // operations: everyone of it, the reader's own row too (shown, not assessable); supply chain is not in it
      expect: { ...nothing(), "person.profile": inOperations, "person.levels": inOperations },
    },
  ],
  "routes/team._index": [
    {
      url: () => "/team",
      probe: { "person.gaps": (data, s) => rows(data, "rows").some((row) => row.id === s.id && row.gaps !== null) },
      expect: { ...nothing(), "person.profile": everybody, "person.gaps": personal },
    },
  ],
  "routes/team.heatmap": [
    {
      url: () => "/team/heatmap",
      probe: {
        "person.levels": (data, s) =>
          rows(data, "rows").some((row) => row.memberId === s.id && Array.isArray(row.cells)),
        "person.gaps": (data, s) =>
          rows(data, "rows").some((row) => row.memberId === s.id && typeof row.totalGap === "number"),
      },
      // a row per person the reader may read, and nothing of anyone else (not even the name)
      expect: { ...nothing(), "person.profile": personal, "person.levels": personal, "person.gaps": personal },
    },
  ],
  "routes/team.gaps": [
    {
      url: () => "/team/gaps",
      // operations has six holders: its figures are for everyone; supply chain's one holder only for his readers
      probe: { "team.figures": roleShown("roles", roleOfSubject) },
      expect: { ...nothing(), "person.profile": everybody, "team.figures": department },
    },
  ],
  "routes/team.chart": [
    {
      label: "the diagram with the person's panel open",
      url: (_, s) => `/team/chart?member=${s.id}`,
      probe: {
        "person.levels": (data) => ((obj(obj(data).memberPanel).skills ?? []) as unknown[]).length > 0,
        "person.gaps": (data, s) =>
          (obj(data).nodes as Json[]).some(
            (node) => obj(node.data).memberId === s.id && obj(node.data).bucket !== "hidden",
          ) && obj(obj(data).memberPanel).bucket !== "hidden",
        "team.figures": roleShown("staffing", roleOfSubject),
      },
      expect: {
        ...nothing(),
        "person.profile": everybody,
        "person.levels": personal,
        "person.gaps": personal,
        "team.figures": department,
      },
    },
  ],
  "routes/team.export.$kind": [
    {
      label: "members.csv",
      url: () => "/team/export/members.csv",
      params: () => ({ kind: "members.csv" }),
      expect: { ...nothing(), "person.profile": office },
    },
    {
      label: "assessments.csv",
      url: () => "/team/export/assessments.csv",
      params: () => ({ kind: "assessments.csv" }),
      // a line per assessment: the level, the date, the note
      probe: {
        "person.levels": (data, s) =>
          typeof data === "string" && data.split("\n").some((line) => line.includes(s.email)),
      },
      expect: {
        ...nothing(),
        "person.profile": office,
        "person.levels": office,
        "person.notes": office,
        "person.history": office,
      },
    },
  ],
  "routes/home": [
    {
      url: () => "/home",
      // members with a gap and no plan, for those who may plan their training: never oneself (app/domain/next-steps.ts)
      expect: {
        ...nothing(),
        "person.profile": {
          admin: ["same", "other"],
          manager: ["same", "other"],
          hr: ["same", "other"],
          lead: ["same"],
          member: [],
        },
      },
    },
  ],
  "routes/training._index": [
    {
      url: () => "/training",
      // the list names the person of each item the reader may read
      expect: { ...nothing(), "person.profile": personal, "person.training": personal },
    },
  ],
  "routes/training.export": [
    {
      url: () => "/training/export",
      expect: { ...nothing(), "person.profile": personal, "person.training": personal },
    },
  ],
  "routes/hiring._index": [
    {
      url: () => "/hiring",
      // the delta's missing skills of a role (from its holders' best levels) count as a figure over its holders
      probe: { "team.figures": (data, s) => roleShown("roles", roleOfSubject)(obj(data).delta, s) },
      expect: {
        ...nothing(),
        "hiring.positions": office,
        // the plan's rows carry the public position's title: for those who read the plan
        "hiring.publicPositions": office,
        "team.figures": department,
        // skills nobody has at the level name who is closest (decision 0013): for admins and managers only. In the
        // fixture the admin's own record and "Person other" (supply chain's only holder) are the closest ones.
        "person.profile": { admin: ["own", "other"], manager: ["other"], hr: [], lead: [], member: [] },
      },
    },
  ],
  "routes/hiring.plan[.]csv": [
    {
      url: () => "/hiring/plan.csv",
      expect: { ...nothing(), "hiring.positions": office, "hiring.publicPositions": office },
    },
  ],
  // the positions marked public, for everyone: their titles, never the plan's notes (PRODUCT.md "Privacy")
  "routes/hiring.open": [{ url: () => "/hiring/open", expect: { ...nothing(), "hiring.publicPositions": everybody } }],
  "routes/hiring.positions.$positionId": [
    {
      url: (fx) => `/hiring/positions/${fx.positionId}`,
      params: (fx) => ({ positionId: fx.positionId }),
      // those who may fill it choose among the team's names
      expect: { ...nothing(), "person.profile": office, "hiring.positions": office },
    },
  ],
  "routes/scenarios": [
    { url: () => "/scenarios?aModel=platform&aStage=growth&bModel=independent_site&bStage=growth", expect: nothing() },
  ],
  // A token, not a person, reads it: tests/authz/read-matrix.test.ts ("the training progress API").
  "routes/api.v1.training-progress": {
    none: "an API token of the training scope (made by an admin) reads the organisation's training as HR does; a recommendation-only token gets 403, a session 401",
  },

  // Only those who may read the person reach these (the access matrix, tests/authz/expectations.ts, decides who).
  "routes/team.$memberId.edit": { none: "HR, managers and admins only: readers of everyone" },
  "routes/team.$memberId.delete": { none: "HR, managers and admins only; shows the name" },
  "routes/team.$memberId.assessments": { none: "its loader sends nothing; the member page's does" },
  "routes/training.plan.$memberId": {
    none: "those who may plan the person's training (their lead, HR, managers, admins), all readers of their gaps",
  },
  "routes/training.items.$itemId": { none: "the item's person and those who may read their training" },
  "routes/team.import": { none: "HR, managers and admins; an import's report" },
  "routes/team.import.template.$kind": { none: "an empty template" },
  "routes/team.import.status": { none: "the state and row count of one's own latest import, no names or levels" },
  "routes/settings.people": { none: "admins: accounts and kinds, no skills" },
  "routes/settings.people.$userId": { none: "admins: an account, no skills" },

  // No person's levels, gaps, notes, training or the hiring plan.
  "routes/team": { none: "the team section's frame" },
  "routes/team.new": { none: "an empty form" },
  "routes/_index": { none: "the start page" },
  "routes/healthz": { none: "ok or not" },
  "routes/planner": { none: "the playbook's recommendation" },
  "routes/api.v1.recommendation": { none: "the playbook's recommendation" },
  "routes/language": { none: "a redirect" },
  "routes/signup": { none: "a form" },
  "routes/login": { none: "a form" },
  "routes/logout": { none: "a form" },
  "routes/invite.$token": { none: "an invitation's organisation name" },
  "routes/org": { none: "the organisation's name, model and stage" },
  "routes/inbox": { none: "the reader's own notifications, each written for them by the rules of the home page" },
  "routes/settings.notifications": { none: "the reader's own email preferences and whether a calendar feed is on" },
  "routes/settings.outbox": { none: "admins: the organisation's emails (subjects, addresses); no levels or notes" },
  "routes/calendar.$token": { none: "the feed's owner's own due dates, for the secret's holder" },
  "routes/unsubscribe": { none: "a signed link's kind" },
  "routes/forgot-password": { none: "a form" },
  "routes/reset-password.$token": { none: "a form" },
  "routes/invite_.confirm.$secret": { none: "the organisation's name and the email, name and kind its own link names" },
  "routes/signup_.confirm.$token": { none: "the organisation's name and email its own link names" },
  "routes/settings": { none: "the settings' frame" },
  "routes/settings._index": { none: "links" },
  "routes/settings.organisation": { none: "the organisation's name, model and stage" },
  "routes/settings.profile": { none: "the organisation's channels and workload drivers" },
  "routes/settings.account": { none: "the reader's own account: password, sessions, second factor" },
  "routes/login_.two-factor": { none: "the second sign-in step: a code field" },
  "routes/hiring.positions.new": { none: "the form for a position by hand: role labels and the next quarter" },
  "routes/settings.invites.$inviteId": { none: "an invitation" },
  "routes/settings.tokens": { none: "API tokens" },
  "routes/settings.tokens.$tokenId": { none: "an API token" },
  "routes/settings.security": { none: "the security log: sign-ins, kind changes" },
  "routes/training": { none: "the training section's frame" },
  "routes/ownership": { none: "the ownership section's frame" },
  "routes/ownership._index": { none: "the RACI matrix of roles" },
  "routes/ownership.diagram": { none: "the RACI matrix of roles, drawn" },
  "routes/ownership.export": { none: "the RACI matrix of roles" },
  "routes/ownership.steps._index": { none: "process steps" },
  "routes/ownership.steps.$stepKey": { none: "a step and its decisions (who proposed and decided)" },
  "routes/ownership.steps.$stepKey_.retire": { none: "a step" },
  "routes/playbook._index": {
    none: "roles and versions of the playbook (who saved a version: a user's name, as on the org chart)",
  },
  "routes/playbook.roles.$roleId": { none: "a role of the playbook" },
  "routes/playbook.extensions.$roleId": {
    none: "an extension role of the library and how many members hold it (a team figure, no person)",
  },
  "routes/playbook.skills": { none: "the skill catalogue" },
  "routes/playbook.roles.new": { none: "the stages, models, roles and skills a new role may take" },
  "routes/playbook.roles.$roleId_.remove": {
    none: "an own role's name and how many members hold it (a team figure, no person)",
  },
  "routes/playbook.raci": { none: "the default RACI of the playbook (roles and steps, no person)" },
  "routes/playbook.versions.$number": { none: "a version of the playbook and its differences" },
  "routes/playbook.export": { none: "the playbook as JSON" },
  "routes/playbook.transfer": { none: "the export and import forms" },
};
