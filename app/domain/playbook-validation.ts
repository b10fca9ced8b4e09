/**
 * Checks that a (possibly admin-edited) playbook keeps the invariants the
 * recommendation rule relies on. Returns a list of human-readable problems;
 * an empty list means the playbook is valid. Pure.
 *
 * Defensive on purpose: an edited playbook may come from JSON, so values are
 * checked at runtime even where the types already promise them.
 */
import { CUSTOM_ROLE_ID_MAX, DRIVER_IDS, GENERAL_MANAGER, MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "./types";
import type { HeadcountRange, Localized, Playbook, RoleDefinition, SkillLevel, StageId } from "./types";
import { checkDefaultRaci } from "./playbook-raci";
import { isCoreRoleId } from "./extension-roles";
import { isModelId, isRoleId, isStageId } from "./vocabulary";

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const STARS = [1, 2, 3];
const RATING_WORDS: Record<string, readonly string[]> = {
  launchSpeed: ["fast", "medium", "slow"],
  trafficAcquisition: ["easy", "hard"],
  brandBuilding: ["easy", "hard"],
  profitRoom: ["low", "medium", "high"],
  dependency: ["low", "high"],
};
const STAR_FIELDS = ["startupCost", "returnRate", "managementDifficulty", "customerRetention", "riskLevel"] as const;

function checkText(problems: string[], where: string, text: Localized | undefined | null): void {
  if (!text || typeof text !== "object") {
    problems.push(`${where}: missing text`);
    return;
  }
  for (const lang of ["zh", "en"] as const) {
    const v: unknown = text[lang];
    if (typeof v !== "string" || v.trim() === "") problems.push(`${where}: missing ${lang} translation`);
  }
}

function checkTextList(problems: string[], where: string, list: Localized[] | undefined): void {
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`${where}: must list at least one item`);
    return;
  }
  list.forEach((t, i) => checkText(problems, `${where}[${i}]`, t));
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

function checkHeadcountTable(
  problems: string[],
  where: string,
  table: Record<StageId, HeadcountRange> | undefined,
): void {
  if (!table || typeof table !== "object") {
    problems.push(`${where}: missing headcount table`);
    return;
  }
  let prev: { stage: StageId; h: HeadcountRange } | null = null;
  for (const stage of STAGE_IDS) {
    const h = table[stage];
    if (!h || typeof h !== "object") {
      problems.push(`${where}.${stage}: missing headcount`);
      prev = null;
      continue;
    }
    const ok = Number.isInteger(h.min) && Number.isInteger(h.max) && h.min >= 0 && h.max >= 0;
    if (!ok) {
      problems.push(`${where}.${stage}: min and max must be whole numbers ≥ 0 (got ${h.min}–${h.max})`);
      prev = null;
      continue;
    }
    if (h.min > h.max) problems.push(`${where}.${stage}: min ${h.min} > max ${h.max}`);
    if (h.max < 1) problems.push(`${where}.${stage}: a core role needs max ≥ 1 (got ${h.max})`);
    if (prev) {
      if (h.min < prev.h.min)
        problems.push(`${where}: min shrinks from ${prev.stage} (${prev.h.min}) to ${stage} (${h.min})`);
      if (h.max < prev.h.max)
        problems.push(`${where}: max shrinks from ${prev.stage} (${prev.h.max}) to ${stage} (${h.max})`);
    }
    prev = { stage, h };
  }
}

function isLevel(x: unknown): x is SkillLevel {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 4;
}

function checkRole(
  problems: string[],
  p: Playbook,
  role: RoleDefinition,
  skillIds: Set<string>,
  retiredSkillIds: Set<string>,
): void {
  const w = `roles.${role.id}`;
  checkText(problems, `${w}.label`, role.label);
  if (!isStageId(role.tier)) problems.push(`${w}.tier: unknown stage "${String(role.tier)}"`);

  if (!Array.isArray(role.appliesTo)) {
    problems.push(`${w}.appliesTo: must be a list of model ids`);
  } else {
    for (const m of role.appliesTo) if (!isModelId(m)) problems.push(`${w}.appliesTo: unknown model "${String(m)}"`);
    for (const d of duplicates(role.appliesTo)) problems.push(`${w}.appliesTo: duplicate model "${d}"`);
  }

  checkTextList(problems, `${w}.coreResponsibilities`, role.coreResponsibilities);
  for (const [m, list] of Object.entries(role.responsibilitiesByModel ?? {})) {
    if (!isModelId(m)) problems.push(`${w}.responsibilitiesByModel: unknown model "${m}"`);
    checkTextList(problems, `${w}.responsibilitiesByModel.${m}`, list);
  }

  if (!Array.isArray(role.skills) || role.skills.length === 0) {
    problems.push(`${w}.skills: must list at least one skill`);
  } else {
    for (const d of duplicates(role.skills.map((s) => s.skillId))) problems.push(`${w}.skills: duplicate skill "${d}"`);
    for (const req of role.skills) {
      const sw = `${w}.skills.${req.skillId}`;
      if (!skillIds.has(req.skillId)) problems.push(`${sw}: unknown skill id "${req.skillId}"`);
      else if (retiredSkillIds.has(req.skillId))
        problems.push(`${sw}: the skill "${req.skillId}" is retired; no role may require it`);
      let prev: { stage: StageId; level: number } | null = null;
      for (const stage of STAGE_IDS) {
        const level: unknown = req.levels?.[stage];
        if (!isLevel(level)) {
          problems.push(`${sw}.${stage}: level must be a whole number from 0 to 4 (got ${String(level)})`);
          prev = null;
          continue;
        }
        if (prev && level < prev.level)
          problems.push(`${sw}: level shrinks from ${prev.stage} (${prev.level}) to ${stage} (${level})`);
        prev = { stage, level };
      }
    }
  }

  checkHeadcountTable(problems, `${w}.headcount`, role.headcount);
  for (const [m, table] of Object.entries(role.headcountByModel ?? {})) {
    if (!isModelId(m)) problems.push(`${w}.headcountByModel: unknown model "${m}"`);
    checkHeadcountTable(problems, `${w}.headcountByModel.${m}`, table);
  }

  checkText(problems, `${w}.optionalCover`, role.optionalCover);
  for (const [m, text] of Object.entries(role.optionalCoverByModel ?? {})) {
    if (!isModelId(m)) problems.push(`${w}.optionalCoverByModel: unknown model "${m}"`);
    checkText(problems, `${w}.optionalCoverByModel.${m}`, text);
  }
  checkText(problems, `${w}.orgChallenge`, role.orgChallenge);

  if (role.reportsTo !== GENERAL_MANAGER) {
    if (!isRoleId(role.reportsTo)) problems.push(`${w}.reportsTo: unknown role "${String(role.reportsTo)}"`);
    else if (role.reportsTo === role.id) problems.push(`${w}.reportsTo: a role cannot report to itself`);
    else if (!p.roles.some((r) => r.id === role.reportsTo))
      problems.push(`${w}.reportsTo: "${role.reportsTo}" is not defined in this playbook`);
  }
}

function checkReportingCycles(problems: string[], p: Playbook): void {
  const boss = new Map<string, string>();
  for (const r of p.roles) boss.set(r.id, r.reportsTo);
  for (const r of p.roles) {
    const seen = new Set<string>([r.id]);
    let cur = boss.get(r.id);
    while (cur !== undefined && cur !== GENERAL_MANAGER) {
      if (seen.has(cur)) {
        if (cur === r.id) problems.push(`roles.${r.id}.reportsTo: reporting lines form a cycle`);
        break;
      }
      seen.add(cur);
      cur = boss.get(cur);
    }
  }
}

export function validatePlaybook(p: Playbook): string[] {
  const problems: string[] = [];
  if (!p || typeof p !== "object") return ["playbook: not an object"];
  if (typeof p.version !== "string" || p.version.trim() === "") problems.push("version: must be a non-empty string");

  /* models */
  const models = Array.isArray(p.models) ? p.models : [];
  if (!Array.isArray(p.models)) problems.push("models: must be a list");
  for (const d of duplicates(models.map((m) => m.id))) problems.push(`models: duplicate id "${d}"`);
  for (const id of MODEL_IDS) if (!models.some((m) => m.id === id)) problems.push(`models: missing model "${id}"`);
  for (const m of models) {
    const w = `models.${m.id}`;
    if (!isModelId(m.id)) problems.push(`models: unknown id "${String(m.id)}"`);
    checkText(problems, `${w}.label`, m.label);
    checkText(problems, `${w}.example`, m.example);
    checkText(problems, `${w}.structure`, m.structure);
    checkText(problems, `${w}.suitedFor`, m.suitedFor);
    checkText(problems, `${w}.profitModel`, m.profitModel);
    checkText(problems, `${w}.mainRisk`, m.mainRisk);
    if (!Array.isArray(m.coreFlow) || m.coreFlow.length === 0) {
      problems.push(`${w}.coreFlow: must list at least one step`);
    } else {
      for (const d of duplicates(m.coreFlow.map((s) => s.id))) problems.push(`${w}.coreFlow: duplicate step "${d}"`);
      for (const step of m.coreFlow) {
        if (typeof step.id !== "string" || !SNAKE_CASE.test(step.id))
          problems.push(`${w}.coreFlow: step id "${String(step.id)}" is not snake_case`);
        checkText(problems, `${w}.coreFlow.${step.id}.label`, step.label);
      }
    }
    const r = m.ratings;
    if (!r || typeof r !== "object") {
      problems.push(`${w}.ratings: missing`);
    } else {
      for (const f of STAR_FIELDS)
        if (!STARS.includes(r[f])) problems.push(`${w}.ratings.${f}: must be 1, 2 or 3 (got ${String(r[f])})`);
      for (const [f, allowed] of Object.entries(RATING_WORDS)) {
        const v: unknown = (r as unknown as Record<string, unknown>)[f];
        if (typeof v !== "string" || !allowed.includes(v))
          problems.push(`${w}.ratings.${f}: must be one of ${allowed.join(", ")} (got ${String(v)})`);
      }
    }
  }

  /* stages */
  const stages = Array.isArray(p.stages) ? p.stages : [];
  if (!Array.isArray(p.stages)) problems.push("stages: must be a list");
  for (const d of duplicates(stages.map((s) => s.id))) problems.push(`stages: duplicate id "${d}"`);
  for (const id of STAGE_IDS) if (!stages.some((s) => s.id === id)) problems.push(`stages: missing stage "${id}"`);
  for (const s of stages) {
    if (!isStageId(s.id)) problems.push(`stages: unknown id "${String(s.id)}"`);
    checkText(problems, `stages.${s.id}.label`, s.label);
    checkText(problems, `stages.${s.id}.guidance`, s.guidance);
  }

  /* skills */
  const skills = Array.isArray(p.skills) ? p.skills : [];
  if (!Array.isArray(p.skills)) problems.push("skills: must be a list");
  for (const d of duplicates(skills.map((s) => s.id))) problems.push(`skills: duplicate id "${d}"`);
  for (const s of skills) {
    if (typeof s.id !== "string" || !SNAKE_CASE.test(s.id))
      problems.push(`skills: id "${String(s.id)}" is not snake_case`);
    checkText(problems, `skills.${s.id}.label`, s.label);
    checkText(problems, `skills.${s.id}.description`, s.description);
  }
  const skillIds = new Set(skills.map((s) => s.id));
  const retiredSkillIds = new Set(skills.filter((s) => s.retired === true).map((s) => s.id));
  for (const s of skills)
    if (s.retired !== undefined && typeof s.retired !== "boolean")
      problems.push(`skills.${s.id}.retired: must be true or false`);

  /* roles */
  const roles = Array.isArray(p.roles) ? p.roles : [];
  if (!Array.isArray(p.roles)) problems.push("roles: must be a list");
  for (const d of duplicates(roles.map((r) => r.id))) problems.push(`roles: duplicate id "${d}"`);
  for (const id of CORE_ROLE_IDS) if (!roles.some((r) => r.id === id)) problems.push(`roles: missing role "${id}"`);
  for (const r of roles) {
    if (!isRoleId(r.id)) {
      // the seven, the library's, or an own role's "custom_<snake_case>" (custom-roles.ts)
      problems.push(
        `roles: unknown id "${String(r.id)}"; an own role's id is "custom_" then lowercase words joined by "_", at most ${CUSTOM_ROLE_ID_MAX} characters`,
      );
      continue;
    }
    checkRole(problems, p, r, skillIds, retiredSkillIds);
  }
  checkReportingCycles(problems, { ...p, roles });

  /* collaboration links */
  const links = Array.isArray(p.collaborationLinks) ? p.collaborationLinks : [];
  if (!Array.isArray(p.collaborationLinks)) problems.push("collaborationLinks: must be a list");
  const pairs = new Set<string>();
  links.forEach((l, i) => {
    const w = `collaborationLinks[${i}]`;
    for (const end of ["from", "to"] as const) {
      const id: unknown = l[end];
      if (!isRoleId(id)) problems.push(`${w}.${end}: unknown role "${String(id)}"`);
      // a role the playbook does not hold (an extension role left off) is one no chart needs
      else if (!roles.some((r) => r.id === id))
        problems.push(`${w}.${end}: "${id}" is not in this playbook, so no chart needs it`);
    }
    if (l.from === l.to) problems.push(`${w}: a role cannot collaborate with itself`);
    const key = [l.from, l.to].sort().join("|");
    if (pairs.has(key)) problems.push(`${w}: duplicate link between ${l.from} and ${l.to}`);
    pairs.add(key);
    checkText(problems, `${w}.reason`, l.reason);
  });

  checkSizingTable(problems, p, roles);
  checkDefaultRaci(problems, p);

  return problems;
}

/** The sizing table (decision 0012): each row names a defined role and a driver, with a sane ratio in both languages. */
function checkSizingTable(problems: string[], p: Playbook, roles: RoleDefinition[]): void {
  if (!Array.isArray(p.sizing)) {
    problems.push("sizing: must be a list");
    return;
  }
  const seen = new Set<string>();
  p.sizing.forEach((row, i) => {
    const w = `sizing[${i}]`;
    if (!row || typeof row !== "object") {
      problems.push(`${w}: not an object`);
      return;
    }
    if (!isRoleId(row.roleId)) problems.push(`${w}.roleId: unknown role "${String(row.roleId)}"`);
    else if (!roles.some((r) => r.id === row.roleId))
      problems.push(`${w}.roleId: "${row.roleId}" is not defined in this playbook`);
    if (!(DRIVER_IDS as readonly string[]).includes(row.driver))
      problems.push(`${w}.driver: unknown driver "${String(row.driver)}"`);
    const key = `${String(row.roleId)}|${String(row.driver)}`;
    if (seen.has(key)) problems.push(`${w}: a second row for ${String(row.roleId)} and ${String(row.driver)}`);
    seen.add(key);
    const low: unknown = row.perPerson?.low;
    const high: unknown = row.perPerson?.high;
    const positive = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;
    if (!positive(low) || !positive(high))
      problems.push(`${w}.perPerson: low and high must be numbers above 0 (got ${String(low)}–${String(high)})`);
    else if (low > high) problems.push(`${w}.perPerson: low ${low} > high ${high}`);
    checkText(problems, `${w}.ratio`, row.ratio);
    checkText(problems, `${w}.basis`, row.basis);
    if (typeof row.productDefault !== "boolean") problems.push(`${w}.productDefault: must be true or false`);
    if (!Array.isArray(row.references)) problems.push(`${w}.references: must be a list`);
  });
}

/**
 * The checks between a saved playbook and the next one: ids are stable.
 * Every skill and every one of the seven roles of the previous version is
 * still there (a skill is retired, not removed, so the assessments naming
 * it keep their label); an extension role may go (turned off), and so may
 * an organisation's own role (removed while nobody holds it).
 */
export function validatePlaybookChange(previous: Playbook, next: Playbook): string[] {
  const problems: string[] = [];
  const nextSkills = new Set((Array.isArray(next.skills) ? next.skills : []).map((s) => s.id));
  for (const s of previous.skills)
    if (!nextSkills.has(s.id)) problems.push(`skills.${s.id}: a skill cannot be removed; retire it instead`);
  const nextRoles = new Set((Array.isArray(next.roles) ? next.roles : []).map((r) => r.id));
  // an extension role is turned off, an own role removed, by leaving it out; the seven stay (validatePlaybook also requires them)
  for (const r of previous.roles)
    if (!nextRoles.has(r.id) && isCoreRoleId(r.id)) problems.push(`roles.${r.id}: a role cannot be removed`);
  return problems;
}

/** Everything wrong with `next` as the successor of `previous`: one list, each "path: reason". */
export function validatePlaybookEdit(previous: Playbook, next: Playbook): string[] {
  const own = validatePlaybook(next);
  return own.length > 0 && own[0] === "playbook: not an object"
    ? own
    : [...own, ...validatePlaybookChange(previous, next)];
}

/** A problem of validatePlaybook split into its field path and its reason. */
export function splitProblem(problem: string): { path: string; reason: string } {
  const at = problem.indexOf(": ");
  return at < 0 ? { path: "", reason: problem } : { path: problem.slice(0, at), reason: problem.slice(at + 2) };
}
