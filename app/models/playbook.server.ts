import { shippedPlaybook } from "~/domain/playbook";
import type { Playbook } from "~/domain/types";

/**
 * The playbook that applies to a request. Without an account it is the
 * shipped one (anyone may try the planner); organisations' edited playbooks
 * plug in here once accounts exist.
 */
export async function playbookForRequest(_request: Request): Promise<Playbook> {
  return shippedPlaybook;
}
