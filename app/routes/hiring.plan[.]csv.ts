import type { LoaderFunctionArgs } from "@remix-run/node";
import { localize } from "~/domain/vocabulary";
import { listPositions } from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { languageFor } from "~/utils/i18n.server";

const PLAN_CSV_COLUMNS = ["order", "role_id", "role", "headcount", "target_quarter", "status", "owner", "filled_by", "notes"] as const;

/** The hiring plan in the order of hires, for a spreadsheet. Those who may read the plan (managers, HR, admins) may export it. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Privacy (issue 14): the plan is for managers, HR and admins; others 403.
  const { organisation } = await requirePermission(request, "hiring.positions");
  const [positions, playbook, lang] = await Promise.all([
    listPositions({ organisationId: organisation.id }),
    playbookForOrganisation(organisation.id),
    languageFor(request),
  ]);
  const roleLabel = new Map(playbook.roles.map((r) => [r.id, localize(r.label, lang)]));
  const rows = positions.map((p, i) => [
    String(i + 1),
    p.roleId,
    roleLabel.get(p.roleId) ?? p.roleId,
    String(p.headcount),
    p.targetQuarter,
    p.status,
    p.owner?.name ?? "",
    p.filledBy?.name ?? "",
    p.notes,
  ]);
  return csvDownload(PLAN_CSV_COLUMNS, rows, `hiring-plan-${new Date().toISOString().slice(0, 10)}.csv`);
}
