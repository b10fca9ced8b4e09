/**
 * The playbook role form as its page fills it, for route tests (issue 13):
 * every field the page renders, from a playbook, with changes on top.
 */
import { roleEditOf } from "../../app/domain/playbook-edit";
import type { Playbook, RoleId } from "../../app/domain/types";
import { MODEL_IDS, STAGE_IDS } from "../../app/domain/types";

/** The role form as the page fills it from `playbook`, with `changes` on top. */
export function roleForm(
  playbook: Playbook,
  roleId: RoleId,
  version: number,
  changes: Record<string, string> = {},
): Record<string, string> {
  const role = roleEditOf(playbook, roleId)!;
  const form: Record<string, string> = {
    version: String(version),
    summary: "test edit",
    "label.zh": role.label.zh,
    "label.en": role.label.en,
    tier: role.tier,
    reportsTo: role.reportsTo,
  };
  role.skills.forEach((s, i) => {
    form[`skills[${i}].skillId`] = s.skillId;
    for (const [stage, level] of Object.entries(s.levels)) form[`skills[${i}].levels.${stage}`] = String(level);
  });
  for (const [stage, h] of Object.entries(role.headcount)) {
    form[`headcount.${stage}.min`] = String(h.min);
    form[`headcount.${stage}.max`] = String(h.max);
  }
  // each model's own table where the role has one (the page fills the others from the table above, unticked)
  for (const m of MODEL_IDS) {
    const own = role.headcountByModel[m];
    if (own) form[`headcountByModel.${m}.own`] = "on";
    for (const stage of STAGE_IDS) {
      const h = (own ?? role.headcount)[stage];
      form[`headcountByModel.${m}.${stage}.min`] = String(h.min);
      form[`headcountByModel.${m}.${stage}.max`] = String(h.max);
    }
  }
  form["core.zh"] = role.coreResponsibilities.map((r) => r.zh).join("\n");
  form["core.en"] = role.coreResponsibilities.map((r) => r.en).join("\n");
  for (const m of MODEL_IDS) {
    const list = role.responsibilitiesByModel[m];
    if (list) {
      form[`byModel.${m}.zh`] = list.map((r) => r.zh).join("\n");
      form[`byModel.${m}.en`] = list.map((r) => r.en).join("\n");
    }
  }
  for (const l of ["zh", "en"] as const) {
    form[`optionalCover.${l}`] = role.optionalCover[l];
    form[`orgChallenge.${l}`] = role.orgChallenge[l];
  }
  role.sizing.forEach((s, i) => {
    form[`sizing[${i}].driver`] = s.driver;
    form[`sizing[${i}].low`] = String(s.low);
    form[`sizing[${i}].high`] = String(s.high);
  });
  return { ...form, ...changes };
}

/** appliesTo is a repeated field: post it as such. */
export function postRole(
  path: string,
  form: Record<string, string>,
  appliesTo: readonly string[],
  cookie: string,
): Request {
  const body = new URLSearchParams(form);
  for (const m of appliesTo) body.append("appliesTo", m);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
}
