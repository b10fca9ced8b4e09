import type { LoaderFunctionArgs } from "@remix-run/node";
import { rowsByStep } from "~/domain/ownership-checks";
import { ROLE_IDS } from "~/domain/types";
import { loadOwnership } from "~/models/ownership.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

const MATRIX_COLUMNS = ["section", "step", "name_zh", "name_en", ...ROLE_IDS, "status", "problems"] as const;

/**
 * The RACI matrix as CSV: one row per step (retired ones too, marked), a
 * column per role with its letter (A/R written "AR"), the step's status and
 * its problems as flag codes. Ids and codes, not labels, so a BI tool can join on them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, "ownership.read");
  const ownership = await loadOwnership({ organisationId: organisation.id, model: organisation.operatingModel });
  const rows = rowsByStep(ownership.cells);
  const flags = new Map(ownership.report.flagged.map((check) => [check.stepKey, check.flags]));
  const lines = ownership.steps.map((step) => {
    const row = rows.get(step.key) ?? {};
    const status = step.retired ? "retired" : step.resolved ? "resolved" : flags.has(step.key) ? "flagged" : "ok";
    return [
      step.section,
      step.key,
      step.name.zh,
      step.name.en,
      ...ROLE_IDS.map((roleId) => row[roleId] ?? ""),
      status,
      (flags.get(step.key) ?? []).map((flag) => flag.code).join(";"),
    ];
  });
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(MATRIX_COLUMNS, lines, `raci-matrix-${day}.csv`);
}
