import type { ActorName, Cast } from "./actors";

/** ok: answered (2xx, or a redirect other than to sign-in); signin: sent to sign in. */
export type Outcome = "ok" | "signin" | 403 | 404 | 400 | "error";

export interface MatrixCase {
  method: "GET" | "POST";
  label?: string;
  url: (cast: Cast) => string;
  params?: (cast: Cast) => Record<string, string>;
  form?: (cast: Cast) => Record<string, string | string[]>;
  expect: Record<ActorName, Outcome>;
}

const everyone = (outcome: Outcome): Record<ActorName, Outcome> => ({
  anonymous: outcome,
  member: outcome,
  leadOther: outcome,
  leadThis: outcome,
  hr: outcome,
  manager: outcome,
  admin: outcome,
  otherOrg: outcome,
});

/** Signed in: everyone of an organisation; anonymous goes to sign in. */
const signedIn = (outcome: Outcome = "ok"): Record<ActorName, Outcome> => ({
  ...everyone(outcome),
  anonymous: "signin",
});

/**
 * Only some kinds of the organisation; others 403; anonymous to sign in.
 * `otherOrgSees` is what another organisation's admin gets: "ok" on pages
 * about their own organisation, 404 on records of this one.
 */
const only = (kinds: ActorName[], otherOrgSees: Outcome, allowed: Outcome = "ok"): Record<ActorName, Outcome> => {
  const result = { ...everyone(403 as Outcome), anonymous: "signin" as Outcome, otherOrg: otherOrgSees };
  for (const kind of kinds) result[kind] = allowed;
  return result;
};

let unique = 0;
const newEmail = () => `signup-${Date.now()}-${unique++}@test.example`;

export const MATRIX: Record<string, MatrixCase[]> = {
  "routes/signup": [
    { method: "GET", url: () => "/signup", expect: everyone("ok") },
    {
      method: "POST",
      url: () => "/signup",
      form: () => ({
        organisationName: "New Co",
        model: "b2b",
        stage: "startup",
        name: "Founder",
        email: newEmail(),
        password: "a long enough password",
      }),
      expect: everyone("ok"),
    },
  ],
  "routes/login": [
    { method: "GET", url: () => "/login", expect: everyone("ok") },
    {
      method: "POST",
      label: "wrong password",
      url: () => "/login",
      form: (cast) => ({ email: cast.member.email, password: "not the password" }),
      expect: everyone(400),
    },
  ],
  // without the cookie of a right password, the second step sends back to sign in; a code without it is a 400
  "routes/login_.two-factor": [
    { method: "GET", url: () => "/login/two-factor", expect: everyone("signin") },
    { method: "POST", url: () => "/login/two-factor", form: () => ({ code: "123456" }), expect: everyone(400) },
  ],
  "routes/settings.account": [
    { method: "GET", url: () => "/settings/account", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/settings/account",
      form: () => ({ intent: "end_other_sessions" }),
      expect: signedIn("ok"),
    },
  ],
  "routes/logout": [
    { method: "GET", url: () => "/logout", expect: everyone("ok") },
    { method: "POST", url: () => "/logout", expect: everyone("ok") },
  ],
  "routes/invite.$token": [
    {
      method: "GET",
      url: (cast) => `/invite/${cast.inviteToken}`,
      params: (cast) => ({ token: cast.inviteToken }),
      expect: everyone("ok"),
    },
    {
      method: "GET",
      label: "unknown token",
      url: () => "/invite/nope",
      params: () => ({ token: "nope" }),
      expect: everyone(404),
    },
    {
      method: "POST",
      url: (cast) => `/invite/${cast.inviteToken}`,
      params: (cast) => ({ token: cast.inviteToken }),
      form: () => ({
        name: "New Person",
        password: "a long enough password",
        confirmPassword: "a long enough password",
      }),
      expect: everyone("ok"),
    },
  ],
  "routes/org": [{ method: "GET", url: () => "/org", expect: signedIn("ok") }],

  // Issue 16: everyone's home page, inbox, email preferences and calendar feed; the admins' outbox;
  // password reset and unsubscribe without an account (a signed link or a secret in the address).
  "routes/home": [{ method: "GET", url: () => "/home", expect: signedIn("ok") }],
  "routes/inbox": [
    { method: "GET", url: () => "/inbox", expect: signedIn("ok") },
    { method: "POST", url: () => "/inbox", form: () => ({ intent: "read_all" }), expect: signedIn("ok") },
  ],
  "routes/settings.notifications": [
    { method: "GET", url: () => "/settings/notifications", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/settings/notifications",
      form: () => ({ intent: "email", lang: "en", kinds: ["training_overdue"] }),
      expect: signedIn("ok"),
    },
  ],
  "routes/settings.outbox": [{ method: "GET", url: () => "/settings/outbox", expect: only(["admin"], "ok") }],
  "routes/calendar.$token": [
    {
      method: "GET",
      label: "unknown secret",
      url: () => "/calendar/nope",
      params: () => ({ token: "nope" }),
      expect: everyone(404),
    },
  ],
  "routes/unsubscribe": [
    { method: "GET", url: () => "/unsubscribe?u=x&k=weekly_digest&s=forged", expect: everyone("ok") },
    {
      method: "POST",
      label: "forged link",
      url: () => "/unsubscribe",
      form: () => ({ u: "x", k: "weekly_digest", s: "forged" }),
      expect: everyone(400),
    },
  ],
  "routes/forgot-password": [
    { method: "GET", url: () => "/forgot-password", expect: everyone("ok") },
    {
      method: "POST",
      url: () => "/forgot-password",
      form: () => ({ email: "nobody@test.example" }),
      expect: everyone("ok"),
    },
  ],
  "routes/invite_.confirm.$secret": [
    {
      method: "GET",
      label: "unknown link",
      url: () => "/invite/confirm/nope",
      params: () => ({ secret: "nope" }),
      expect: everyone(404),
    },
    {
      method: "POST",
      label: "unknown link",
      url: () => "/invite/confirm/nope",
      params: () => ({ secret: "nope" }),
      form: () => ({}),
      expect: everyone(404),
    },
  ],
  "routes/signup_.confirm.$token": [
    {
      method: "GET",
      label: "unknown link",
      url: () => "/signup/confirm/nope",
      params: () => ({ token: "nope" }),
      expect: everyone(404),
    },
    {
      method: "POST",
      label: "unknown link",
      url: () => "/signup/confirm/nope",
      params: () => ({ token: "nope" }),
      form: () => ({}),
      expect: everyone(404),
    },
  ],
  "routes/reset-password.$token": [
    {
      method: "GET",
      label: "unknown link",
      url: () => "/reset-password/nope",
      params: () => ({ token: "nope" }),
      expect: everyone(404),
    },
    {
      method: "POST",
      label: "unknown link",
      url: () => "/reset-password/nope",
      params: () => ({ token: "nope" }),
      form: () => ({ password: "a long enough password", confirmPassword: "a long enough password" }),
      expect: everyone(404),
    },
  ],

  // Organisation settings: admins (managers for the organisation's name, model and stage).
  "routes/settings": [{ method: "GET", url: () => "/settings", expect: signedIn("ok") }],
  // everyone has a settings page: their own account
  "routes/settings._index": [{ method: "GET", url: () => "/settings", expect: signedIn("ok") }],
  "routes/settings.organisation": [
    { method: "GET", url: () => "/settings/organisation", expect: only(["manager", "admin"], "ok") },
    {
      method: "POST",
      url: () => "/settings/organisation",
      form: () => ({ name: "Renamed Org", operatingModel: "independent_site", stage: "growth", version: "1" }),
      expect: only(["manager", "admin"], "ok"),
    },
  ],
  "routes/settings.profile": [
    { method: "GET", url: () => "/settings/profile", expect: only(["manager", "admin"], "ok") },
    {
      method: "POST",
      url: () => "/settings/profile",
      form: () => ({ share_platform: "70", share_independent_site: "30", stores: "6", markets: "3", version: "1" }),
      expect: only(["manager", "admin"], "ok"),
    },
  ],
  "routes/settings.people": [
    { method: "GET", url: () => "/settings/people", expect: only(["admin"], "ok") },
    {
      method: "POST",
      url: () => "/settings/people",
      form: () => ({ email: newEmail(), kind: "lead", departments: ["marketing"] }),
      expect: only(["admin"], "ok"),
    },
  ],
  "routes/settings.people.$userId": [
    {
      method: "GET",
      url: (c) => `/settings/people/${c.member.id}`,
      params: (c) => ({ userId: c.member.id }),
      expect: only(["admin"], 404),
    },
    {
      method: "POST",
      label: "change kind",
      url: (c) => `/settings/people/${c.member.id}`,
      params: (c) => ({ userId: c.member.id }),
      form: () => ({ intent: "change_kind", kind: "hr", version: "1" }),
      expect: only(["admin"], 404),
    },
    {
      method: "POST",
      label: "disable",
      url: (c) => `/settings/people/${c.member.id}`,
      params: (c) => ({ userId: c.member.id }),
      form: () => ({ intent: "disable", confirm: "yes" }),
      expect: only(["admin"], 404),
    },
  ],
  "routes/settings.invites.$inviteId": [
    {
      method: "GET",
      url: (c) => `/settings/invites/${c.inviteId}`,
      params: (c) => ({ inviteId: c.inviteId }),
      expect: only(["admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/settings/invites/${c.inviteId}`,
      params: (c) => ({ inviteId: c.inviteId }),
      form: () => ({ confirm: "yes" }),
      expect: only(["admin"], 404),
    },
  ],
  "routes/settings.tokens": [
    { method: "GET", url: () => "/settings/tokens", expect: only(["admin"], "ok") },
    {
      method: "POST",
      url: () => "/settings/tokens",
      form: () => ({ name: "Power BI" }),
      expect: only(["admin"], "ok"),
    },
  ],
  "routes/settings.tokens.$tokenId": [
    {
      method: "GET",
      url: (c) => `/settings/tokens/${c.apiTokenId}`,
      params: (c) => ({ tokenId: c.apiTokenId }),
      expect: only(["admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/settings/tokens/${c.apiTokenId}`,
      params: (c) => ({ tokenId: c.apiTokenId }),
      form: () => ({ confirm: "yes" }),
      expect: only(["admin"], 404),
    },
  ],
  "routes/settings.security": [
    { method: "GET", url: () => "/settings/security", expect: only(["admin"], "ok") },
    // unticked: leaves the requirement off, so the matrix's actors keep signing in without a second factor
    {
      method: "POST",
      url: () => "/settings/security",
      form: () => ({ intent: "require_two_factor" }),
      expect: only(["admin"], "ok"),
    },
  ],

  // The team. "This department" is operations_manager, where the cast's team member sits.
  "routes/team": [{ method: "GET", url: () => "/team", expect: signedIn("ok") }],
  "routes/team._index": [{ method: "GET", url: () => "/team", expect: signedIn("ok") }],
  "routes/team.import": [
    { method: "GET", url: () => "/team/import", expect: only(["hr", "manager", "admin"], "ok") },
    {
      method: "POST",
      url: () => "/team/import",
      form: () => ({
        kind: "members",
        csv: "name,email,title,department,roles,manager_email,markets,languages,start_date\nNew Person,new.person@test.example,Analyst,data_analysis,data_analysis:100,,US,en,2026-01-05",
      }),
      expect: only(["hr", "manager", "admin"], "ok"),
    },
  ],
  "routes/team.import.status": [
    { method: "GET", url: () => "/team/import/status", expect: only(["hr", "manager", "admin"], "ok") },
  ],
  "routes/team.import.template.$kind": [
    {
      method: "GET",
      url: () => "/team/import/template/members.csv",
      params: () => ({ kind: "members.csv" }),
      expect: only(["hr", "manager", "admin"], "ok"),
    },
  ],
  "routes/team.export.$kind": [
    {
      method: "GET",
      url: () => "/team/export/members.csv",
      params: () => ({ kind: "members.csv" }),
      expect: only(["hr", "manager", "admin"], "ok"),
    },
  ],
  "routes/team.gaps": [{ method: "GET", url: () => "/team/gaps", expect: signedIn("ok") }],
  "routes/team.heatmap": [{ method: "GET", url: () => "/team/heatmap", expect: signedIn("ok") }],
  "routes/team.chart": [
    { method: "GET", url: () => "/team/chart", expect: signedIn("ok") },
    {
      method: "GET",
      label: "a member's panel",
      url: (c) => `/team/chart?member=${c.teamMember.id}`,
      expect: signedIn404(),
    },
  ],
  "routes/team.new": [
    { method: "GET", url: () => "/team/new", expect: only(["hr", "manager", "admin"], "ok") },
    {
      method: "POST",
      url: () => "/team/new",
      form: () => ({ name: "New Hire", "roles[0].roleId": "marketing", "roles[0].share": "100" }),
      // another organisation's admin adds to their own organisation
      expect: only(["hr", "manager", "admin"], "ok"),
    },
  ],
  "routes/team.$memberId": [
    {
      method: "GET",
      url: (c) => `/team/${c.teamMember.id}`,
      params: (c) => ({ memberId: c.teamMember.id }),
      expect: signedIn404(),
    },
  ],
  "routes/team.$memberId.edit": [
    {
      method: "GET",
      url: (c) => `/team/${c.teamMember.id}/edit`,
      params: (c) => ({ memberId: c.teamMember.id }),
      expect: only(["hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/team/${c.teamMember.id}/edit`,
      params: (c) => ({ memberId: c.teamMember.id }),
      form: () => ({ name: "Renamed", "roles[0].roleId": "operations_manager", "roles[0].share": "100", version: "1" }),
      expect: only(["hr", "manager", "admin"], 404),
    },
  ],
  "routes/team.$memberId.delete": [
    {
      method: "GET",
      url: (c) => `/team/${c.teamMember.id}/delete`,
      params: (c) => ({ memberId: c.teamMember.id }),
      expect: only(["hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/team/${c.teamMember.id}/delete`,
      params: (c) => ({ memberId: c.teamMember.id }),
      form: () => ({ confirm: "yes" }),
      expect: only(["hr", "manager", "admin"], 404),
    },
  ],
  "routes/team.$memberId.assessments": [
    {
      method: "GET",
      url: (c) => `/team/${c.teamMember.id}/assessments`,
      params: (c) => ({ memberId: c.teamMember.id }),
      expect: signedIn404(),
    },
    {
      method: "POST",
      url: (c) => `/team/${c.teamMember.id}/assessments`,
      params: (c) => ({ memberId: c.teamMember.id }),
      form: () => ({ skillId: "platform_rules", level: "3", assessedOn: "2026-01-15", note: "" }),
      // the lead of this department may; the lead of another may not
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
  ],
  // the assessment grid (issue 18): the same rule as a single assessment, for a member or a department
  "routes/team.assess": [
    {
      method: "GET",
      url: (c) => `/team/assess?member=${c.teamMember.id}`,
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
    {
      method: "GET",
      label: "a department on one skill",
      url: () => "/team/assess?department=operations_manager&skill=platform_rules",
      // another organisation's admin opens the same grid of their own organisation
      expect: only(["leadThis", "hr", "manager", "admin"], "ok"),
    },
    {
      method: "POST",
      url: (c) => `/team/assess?member=${c.teamMember.id}`,
      // a cell as loaded (not assessed, left empty): a save that changes nothing, whoever sends it first
      form: (c) => ({
        assessedOn: "2026-01-15",
        "cells[0].memberId": c.teamMember.id,
        "cells[0].skillId": "platform_rules",
        "cells[0].level": "",
        "cells[0].was": "",
        "cells[0].seen": "",
      }),
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
  ],
  "routes/_index": [{ method: "GET", url: () => "/", expect: everyone("ok") }],
  "routes/healthz": [{ method: "GET", url: () => "/healthz", expect: everyone("ok") }],
  "routes/planner": [
    { method: "GET", url: () => "/planner?model=b2b&stage=growth", expect: everyone("ok") },
    {
      method: "POST",
      label: "make it the organisation's choice",
      url: () => "/planner?model=b2b&stage=growth",
      form: () => ({ intent: "use_for_organisation", model: "b2b", stage: "growth" }),
      // another organisation's admin sets their own organisation's choice
      expect: only(["manager", "admin"], "ok"),
    },
  ],
  "routes/api.v1.recommendation": [
    { method: "GET", url: () => "/api/v1/recommendation?model=b2b&stage=growth", expect: everyone("ok") },
  ],
  "routes/language": [
    { method: "POST", url: () => "/language", form: () => ({ lang: "en", redirectTo: "/" }), expect: everyone("ok") },
    { method: "GET", url: () => "/language", expect: everyone("ok") },
  ],

  // Hiring by stage (issue 6): managers and admins plan, HR moves a position's status, everyone signed in opens
  // the page; the plan itself (positions, CSV) is for managers, HR and admins (issue 14).
  "routes/hiring._index": [
    { method: "GET", url: () => "/hiring", expect: signedIn("ok") },
    {
      method: "POST",
      label: "set the target",
      url: () => "/hiring",
      form: () => ({ intent: "set_target", model: "independent_site", stage: "growth" }),
      // another organisation's admin sets their own organisation's target
      expect: only(["manager", "admin"], "ok"),
    },
    {
      method: "POST",
      label: "create the plan",
      url: () => "/hiring",
      form: () => ({
        intent: "create_plan",
        "rows[0].roleId": "tech_dev",
        "rows[0].include": "on",
        "rows[0].headcount": "2",
        "rows[0].targetQuarter": "2027-Q2",
      }),
      expect: only(["manager", "admin"], "ok"),
    },
    {
      method: "POST",
      label: "hire for a skill",
      url: () => "/hiring",
      form: () => ({
        intent: "hire_for_skill",
        roleId: "operations_manager",
        skillId: "platform_rules",
        targetQuarter: "2027-Q2",
      }),
      // the matrix's organisations have no target, so nothing is short: those past the guard get 400
      expect: only(["manager", "admin"], 400, 400),
    },
    {
      method: "POST",
      label: "reorder",
      url: () => "/hiring",
      form: (c) => ({ intent: "move", positionId: c.hiringPosition.id, direction: "down" }),
      expect: only(["manager", "admin"], 404),
    },
    {
      method: "POST",
      label: "status",
      url: () => "/hiring",
      form: (c) => ({ intent: "status", positionId: c.hiringPosition.id, status: "open" }),
      expect: only(["hr", "manager", "admin"], 404),
    },
  ],
  "routes/hiring.positions.new": [
    { method: "GET", url: () => "/hiring/positions/new", expect: only(["manager", "admin"], "ok") },
    {
      method: "POST",
      label: "add a position by hand",
      url: () => "/hiring/positions/new",
      form: () => ({
        intent: "add_position",
        roleId: "marketing",
        title: "Marketer",
        headcount: "1",
        targetQuarter: "2027-Q2",
        reason: "New market",
        budgetAmount: "1000",
        budgetCurrency: "CNY",
      }),
      // another organisation's admin adds to their own organisation's plan
      expect: only(["manager", "admin"], "ok"),
    },
  ],
  "routes/hiring.positions.$positionId": [
    {
      method: "GET",
      url: (c) => `/hiring/positions/${c.hiringPosition.id}`,
      params: (c) => ({ positionId: c.hiringPosition.id }),
      // the plan is for managers, HR and admins (issue 14)
      expect: only(["hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      label: "edit details",
      url: (c) => `/hiring/positions/${c.hiringPosition.id}`,
      params: (c) => ({ positionId: c.hiringPosition.id }),
      form: () => ({
        intent: "update",
        version: "1",
        headcount: "2",
        targetQuarter: "2027-Q3",
        notes: "Two designers",
      }),
      expect: only(["manager", "admin"], 404),
    },
    {
      method: "POST",
      label: "status",
      url: (c) => `/hiring/positions/${c.hiringPosition.id}`,
      params: (c) => ({ positionId: c.hiringPosition.id }),
      form: () => ({ intent: "status", status: "offer" }),
      expect: only(["hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      label: "fill with a new member",
      url: (c) => `/hiring/positions/${c.hiringPosition.id}`,
      params: (c) => ({ positionId: c.hiringPosition.id }),
      form: () => ({ intent: "fill", how: "new", name: "New Marketer" }),
      expect: only(["hr", "manager", "admin"], 404),
    },
  ],
  // the plan is for managers, HR and admins (issue 14); another organisation's admin exports their own
  "routes/hiring.plan[.]csv": [
    { method: "GET", url: () => "/hiring/plan.csv", expect: only(["hr", "manager", "admin"], "ok") },
  ],
  // the positions marked public: everyone signed in (PRODUCT.md "Privacy")
  "routes/hiring.open": [{ method: "GET", url: () => "/hiring/open", expect: signedIn("ok") }],
  "routes/scenarios": [
    {
      method: "GET",
      url: () => "/scenarios?aModel=platform&aStage=growth&bModel=independent_site&bStage=growth",
      expect: everyone("ok"),
    },
  ],
  // Ownership (issue 7). "This department" (operations_manager) is accountable and responsible for the
  // default step "operations"; the cast's own step is flagged (supply chain and operations both
  // accountable) with a proposal by leadOther waiting. Another organisation has the default steps
  // too (its admin acts on its own), but not this organisation's own step (404).
  "routes/ownership": [{ method: "GET", url: () => "/ownership", expect: signedIn("ok") }],
  "routes/ownership._index": [
    { method: "GET", url: () => "/ownership", expect: signedIn("ok") },
    {
      method: "POST",
      label: "set a cell of a row this department is A/R for",
      url: () => "/ownership?index",
      form: () => ({ intent: "set_cell", step: "operations", role: "data_analysis", letter: "I" }),
      expect: only(["leadThis", "manager", "admin"], "ok"),
    },
  ],
  "routes/ownership.diagram": [
    { method: "GET", url: () => "/ownership/diagram?step=customs_documents", expect: signedIn("ok") },
    {
      method: "GET",
      label: "this organisation's own step",
      url: (c) => `/ownership/diagram?step=${c.ownershipStep.key}`,
      expect: signedIn("ok"),
    },
  ],
  "routes/ownership.export": [{ method: "GET", url: () => "/ownership/export", expect: signedIn("ok") }],
  "routes/ownership.steps._index": [
    { method: "GET", url: () => "/ownership/steps", expect: only(["admin"], "ok") },
    {
      method: "POST",
      url: () => "/ownership/steps",
      form: () => ({ intent: "add", section: "systems", nameZh: "物流追踪系统", nameEn: "Tracking system" }),
      expect: only(["admin"], "ok"),
    },
  ],
  "routes/ownership.steps.$stepKey": [
    {
      method: "GET",
      url: (c) => `/ownership/steps/${c.ownershipStep.key}`,
      params: (c) => ({ stepKey: c.ownershipStep.key }),
      expect: signedIn404(),
    },
    {
      method: "POST",
      label: "propose for a flagged default step",
      url: () => "/ownership/steps/campaign_calendar",
      params: () => ({ stepKey: "campaign_calendar" }),
      // a new organisation staffs no role: every default step is flagged (its owners are unstaffed)
      form: () => ({ intent: "propose", owner: "marketing", reason: "Marketing owns the calendar." }),
      expect: only(["leadOther", "leadThis", "manager", "admin"], "ok"),
    },
    {
      method: "POST",
      label: "accept the proposal",
      url: (c) => `/ownership/steps/${c.ownershipStep.key}`,
      params: (c) => ({ stepKey: c.ownershipStep.key }),
      form: (c) => ({ intent: "accept", proposalId: c.ownershipStep.proposalId, reason: "Agreed." }),
      // leadOther proposed it: someone else decides (the lead of operations, also involved, or a manager)
      expect: only(["leadThis", "manager", "admin"], 404),
    },
  ],
  "routes/ownership.steps.$stepKey_.retire": [
    {
      method: "GET",
      url: (c) => `/ownership/steps/${c.ownershipStep.key}/retire`,
      params: (c) => ({ stepKey: c.ownershipStep.key }),
      expect: only(["admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/ownership/steps/${c.ownershipStep.key}/retire`,
      params: (c) => ({ stepKey: c.ownershipStep.key }),
      form: () => ({ confirm: "yes" }),
      expect: only(["admin"], 404),
    },
  ],
  // Training plans (issue 5). The progress page and its CSV show each reader only the plans they may read
  // (members their own, leads their departments'); plans are made by HR, managers, admins and the lead of
  // the member's departments; an item is progressed by its member or by whoever may plan it.
  "routes/training": [{ method: "GET", url: () => "/training", expect: everyone("ok") }],
  "routes/training._index": [{ method: "GET", url: () => "/training", expect: signedIn("ok") }],
  "routes/training.export": [{ method: "GET", url: () => "/training/export?status=overdue", expect: signedIn("ok") }],
  "routes/training.plan.$memberId": [
    {
      method: "GET",
      url: (c) => `/training/plan/${c.teamMember.id}`,
      params: (c) => ({ memberId: c.teamMember.id }),
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/training/plan/${c.teamMember.id}`,
      params: (c) => ({ memberId: c.teamMember.id }),
      form: () => ({
        "items[0].include": "on",
        "items[0].skillId": "ad_buying",
        "items[0].targetLevel": "3",
        "items[0].kind": "course",
        "items[0].hours": "8",
      }),
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
  ],
  "routes/training.items.$itemId": [
    {
      method: "GET",
      url: (c) => `/training/items/${c.trainingItemId}`,
      params: (c) => ({ itemId: c.trainingItemId }),
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
    {
      method: "GET",
      label: "the member's own item",
      url: (c) => `/training/items/${c.ownTrainingItemId}`,
      params: (c) => ({ itemId: c.ownTrainingItemId }),
      expect: only(["member", "hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      url: (c) => `/training/items/${c.trainingItemId}`,
      params: (c) => ({ itemId: c.trainingItemId }),
      form: () => ({
        version: "1",
        status: "in_progress",
        progressPercent: "50",
        evidence: "",
        targetLevel: "3",
        kind: "course",
        provider: "",
        startDate: "",
        dueDate: "",
        hours: "8",
      }),
      expect: only(["leadThis", "hr", "manager", "admin"], 404),
    },
    {
      method: "POST",
      label: "the member progresses their own item",
      url: (c) => `/training/items/${c.ownTrainingItemId}`,
      params: (c) => ({ itemId: c.ownTrainingItemId }),
      form: () => ({ version: "1", status: "in_progress", progressPercent: "50", evidence: "" }),
      // those who may plan edit the whole item: a progress-only form lacks its target and kind
      expect: { ...only(["member"], 404), hr: 400, manager: 400, admin: 400 },
    },
  ],
  // An organisation API token only (tests/routes/api.v1.training-progress.test.ts); a session is not enough: 401.
  "routes/api.v1.training-progress": [
    { method: "GET", url: () => "/api/v1/training-progress", expect: everyone("error") },
  ],
  // The playbook (issue 13): everyone reads; admins edit (the cast's organisation does not let managers).
  // The edits are sent incomplete: authorising comes first, so the allowed get 400 and write nothing.
  "routes/playbook._index": [
    { method: "GET", url: () => "/playbook", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/playbook",
      form: () => ({ managersEdit: "maybe" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.roles.$roleId": [
    {
      method: "GET",
      url: () => "/playbook/roles/marketing",
      params: () => ({ roleId: "marketing" }),
      expect: signedIn("ok"),
    },
    {
      method: "POST",
      url: () => "/playbook/roles/marketing",
      params: () => ({ roleId: "marketing" }),
      form: () => ({ version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.roles.new": [
    { method: "GET", url: () => "/playbook/roles/new", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/playbook/roles/new",
      form: () => ({ version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  // the cast's playbook holds no own role: the page is a 404 for every reader; a write is authorised first
  "routes/playbook.roles.$roleId_.remove": [
    {
      method: "GET",
      url: () => "/playbook/roles/custom_ghost/remove",
      params: () => ({ roleId: "custom_ghost" }),
      expect: signedIn(404),
    },
    {
      method: "POST",
      url: () => "/playbook/roles/custom_ghost/remove",
      params: () => ({ roleId: "custom_ghost" }),
      form: () => ({ version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.extensions.$roleId": [
    {
      method: "GET",
      url: () => "/playbook/extensions/customer_service",
      params: () => ({ roleId: "customer_service" }),
      expect: signedIn("ok"),
    },
    {
      method: "POST",
      url: () => "/playbook/extensions/customer_service",
      params: () => ({ roleId: "customer_service" }),
      form: () => ({ intent: "on", version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.raci": [
    { method: "GET", url: () => "/playbook/raci?model=b2b", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/playbook/raci",
      form: () => ({ version: "0", model: "platform" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.skills": [
    { method: "GET", url: () => "/playbook/skills", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/playbook/skills",
      form: () => ({ intent: "add", version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.versions.$number": [
    { method: "GET", url: () => "/playbook/versions/1", params: () => ({ number: "1" }), expect: signedIn(404) },
    {
      method: "POST",
      url: () => "/playbook/versions/1",
      params: () => ({ number: "1" }),
      form: () => ({ version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
  "routes/playbook.export": [{ method: "GET", url: () => "/playbook/export", expect: signedIn("ok") }],
  "routes/playbook.transfer": [
    { method: "GET", url: () => "/playbook/transfer", expect: signedIn("ok") },
    {
      method: "POST",
      url: () => "/playbook/transfer",
      form: () => ({ version: "0" }),
      expect: only(["admin"], 400, 400),
    },
  ],
};

/** Everyone of the organisation; another organisation's user gets 404 for this record. */
function signedIn404(): Record<ActorName, Outcome> {
  return { ...signedIn("ok"), otherOrg: 404 };
}

export { only, signedIn, everyone };
