import { z } from "zod";
import { playbookVersionField, summaryField } from "./playbook";

/**
 * Turning an extension role on or off (issue 13): which way, the playbook
 * version the page was loaded from, and the version's summary (the page
 * fills in a default the person may change).
 */
export const extensionRoleSchema = z.object({
  intent: z.enum(["on", "off"], { errorMap: () => ({ message: "extensionRoles.errors.intent" }) }),
  version: playbookVersionField,
  summary: summaryField,
});

export const EXTENSION_ROLE_FORM = { messages: "playbook.errors" } as const;
