/**
 * Edits of an organisation's playbook (issue 13), each a pure function from
 * one playbook to the next. The result is checked by validatePlaybookEdit
 * before it is saved; these functions only apply what the form said.
 */
import type {
  GeneralManagerId,
  HeadcountRange,
  Localized,
  ModelId,
  Playbook,
  RoleId,
  SkillLevel,
  StageId,
} from "./types";
import { MODEL_IDS } from "./types";

/** What the role form edits. Responsibilities pair zh and en line by line. */
export interface RoleEdit {
  label: Localized;
  tier: StageId;
  appliesTo: ModelId[];
  reportsTo: RoleId | GeneralManagerId;
  headcount: Record<StageId, HeadcountRange>;
  /** a model's own table, used for that model instead of `headcount`; a model left out has none */
  headcountByModel: Partial<Record<ModelId, Record<StageId, HeadcountRange>>>;
  skills: { skillId: string; levels: Record<StageId, SkillLevel> }[];
  coreResponsibilities: Localized[];
  /** per model; an empty list falls back to the core responsibilities */
  responsibilitiesByModel: Partial<Record<ModelId, Localized[]>>;
  optionalCover: Localized;
  orgChallenge: Localized;
  /** the role's sizing rows, by driver: units per person, low (busy) to high (light) */
  sizing: { driver: string; low: number; high: number }[];
}

/** The role form's starting values. */
export function roleEditOf(p: Playbook, roleId: RoleId): RoleEdit | null {
  const role = p.roles.find((r) => r.id === roleId);
  if (!role) return null;
  return {
    label: role.label,
    tier: role.tier,
    appliesTo: [...role.appliesTo],
    reportsTo: role.reportsTo,
    headcount: role.headcount,
    headcountByModel: role.headcountByModel,
    skills: role.skills.map((s) => ({ skillId: s.skillId, levels: { ...s.levels } })),
    coreResponsibilities: role.coreResponsibilities,
    responsibilitiesByModel: role.responsibilitiesByModel,
    optionalCover: role.optionalCover,
    orgChallenge: role.orgChallenge,
    sizing: p.sizing
      .filter((row) => row.roleId === roleId)
      .map((row) => ({ driver: row.driver, low: row.perPerson.low, high: row.perPerson.high })),
  };
}

/** The playbook with one role replaced by the edit (the form edits the default headcount table and each model's own). */
export function withRoleEdited(p: Playbook, roleId: RoleId, edit: RoleEdit): Playbook {
  const byModel: Partial<Record<ModelId, Localized[]>> = {};
  for (const model of MODEL_IDS) {
    const list = edit.responsibilitiesByModel[model];
    if (list && list.length > 0) byModel[model] = list;
  }
  return {
    ...p,
    roles: p.roles.map((role) =>
      role.id !== roleId
        ? role
        : {
            ...role,
            label: edit.label,
            tier: edit.tier,
            appliesTo: MODEL_IDS.filter((m) => edit.appliesTo.includes(m)),
            reportsTo: edit.reportsTo,
            headcount: edit.headcount,
            headcountByModel: Object.fromEntries(
              MODEL_IDS.flatMap((m) => (edit.headcountByModel[m] ? [[m, edit.headcountByModel[m]]] : [])),
            ),
            skills: edit.skills,
            coreResponsibilities: edit.coreResponsibilities,
            responsibilitiesByModel: byModel,
            optionalCover: edit.optionalCover,
            orgChallenge: edit.orgChallenge,
          },
    ),
    sizing: p.sizing.map((row) => {
      if (row.roleId !== roleId) return row;
      const edited = edit.sizing.find((s) => s.driver === row.driver);
      return edited && (edited.low !== row.perPerson.low || edited.high !== row.perPerson.high)
        ? { ...row, perPerson: { low: edited.low, high: edited.high }, productDefault: true }
        : row;
    }),
  };
}

/** Adds a skill to the catalogue. */
export function withSkillAdded(p: Playbook, skill: { id: string; label: Localized; description: Localized }): Playbook {
  return { ...p, skills: [...p.skills, { id: skill.id, label: skill.label, description: skill.description }] };
}

/** Renames a skill (its id stays). */
export function withSkillRenamed(p: Playbook, skillId: string, label: Localized, description: Localized): Playbook {
  return { ...p, skills: p.skills.map((s) => (s.id === skillId ? { ...s, label, description } : s)) };
}

/**
 * Retires a skill: it stays in the catalogue (assessments and training that
 * name it keep its label) and no role requires it any longer.
 */
export function withSkillRetired(p: Playbook, skillId: string): Playbook {
  return {
    ...p,
    skills: p.skills.map((s) => (s.id === skillId ? { ...s, retired: true } : s)),
    roles: p.roles.map((r) => ({ ...r, skills: r.skills.filter((s) => s.skillId !== skillId) })),
  };
}

/** Brings a retired skill back into use (no role requires it until one is edited to). */
export function withSkillRestored(p: Playbook, skillId: string): Playbook {
  return {
    ...p,
    skills: p.skills.map((s) => (s.id === skillId ? { id: s.id, label: s.label, description: s.description } : s)),
  };
}

/** The skills a role may be edited to require: the catalogue minus the retired ones. */
export function activeSkills(p: Playbook) {
  return p.skills.filter((s) => s.retired !== true);
}
