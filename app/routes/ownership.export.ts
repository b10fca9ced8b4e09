import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLabels } from "~/domain/csv-labels";
import { rowsByStep } from "~/domain/ownership-checks";
import { playbookRoleIds } from "~/domain/extension-roles";
import { raciCsvColumns, raciExportRows, type RaciCsvLabels } from "~/domain/raci-csv";
import { ownershipStrings } from "~/locales/ownership";
import { raciCsvStrings } from "~/locales/raci-csv";
import { loadOwnership } from "~/models/ownership.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { languageFor } from "~/utils/i18n.server";

/**
 * The RACI matrix as CSV: one row per step (retired ones too, marked), a
 * column per role of the organisation's playbook with its letter, and sections, steps, owners, status and
 * problems by their labels in the reader's language with their ids and codes
 * in columns of their own (app/domain/raci-csv.ts).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.read");
  const [ownership, playbook, lang] = await Promise.all([
    loadOwnership({ organisationId: organisation.id, model: organisation.operatingModel }),
    playbookForOrganisation(organisation.id),
    languageFor(request),
  ]);
  const words = ownershipStrings[lang];
  const labels: RaciCsvLabels = {
    role: exportLabels(playbook, lang).role,
    section: (id) => words.sections[id],
    status: (id) => raciCsvStrings[lang].status[id],
    flag: (code) => words.flagNames[code],
  };
  const roleIds = playbookRoleIds(playbook);
  const lines = raciExportRows({
    roleIds,
    steps: ownership.steps,
    rows: rowsByStep(ownership.cells),
    flags: new Map(ownership.report.flagged.map((check) => [check.stepKey, check.flags])),
    labels,
    lang,
  });
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(raciCsvColumns(roleIds), lines, `raci-matrix-${day}.csv`);
}
