import type { LoaderFunctionArgs } from "@remix-run/node";
import { playbookStateForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";

/**
 * The organisation's current playbook as a JSON file: the same document the
 * import takes, so it can be copied between organisations or kept in version
 * control. It holds no person's data.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "playbook.read");
  const state = await playbookStateForOrganisation(actor.organisationId);
  return new Response(`${JSON.stringify(state.playbook, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="playbook-v${state.version}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
