import type { MemberRefusal } from "~/models/member-write.server";

const MESSAGES: Record<MemberRefusal["code"], string> = {
  email_taken: "members.errors.email.taken",
  manager_unknown: "members.errors.managerId.unknown",
  manager_cycle: "members.errors.managerId.cycle",
  user_unknown: "members.errors.userId.unknown",
  user_taken: "members.errors.userId.taken",
  roles_invalid: "members.errors.roles.invalid",
  department_unknown: "members.errors.department.invalid",
  role_not_in_playbook: "extensionRoles.errors.roleNotInPlaybook",
  department_not_in_playbook: "extensionRoles.errors.roleNotInPlaybook",
};

/**
 * The model's refusals as the member form's field errors, and the reporting
 * loop's names (its message names the chain).
 */
export function refusalErrors(refusals: readonly MemberRefusal[]): {
  fieldErrors: Record<string, string[]>;
  cycle: string[] | null;
} {
  const fieldErrors: Record<string, string[]> = {};
  let cycle: string[] | null = null;
  for (const refusal of refusals) {
    (fieldErrors[refusal.field] ??= []).push(MESSAGES[refusal.code]);
    if (refusal.code === "manager_cycle") cycle = refusal.chain;
  }
  return { fieldErrors, cycle };
}
