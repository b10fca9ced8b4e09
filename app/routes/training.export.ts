import type { LoaderFunctionArgs } from "@remix-run/node";
import { TRAINING_KINDS } from "~/domain/training-advice";
import { CSV_COLUMNS, csvRow, filterAndSortRows, parseTrainingFilter } from "~/domain/training-progress";
import { ROLE_IDS } from "~/domain/types";
import { playbookForOrganisation } from "~/models/playbook.server";
import { loadTrainingProgress } from "~/models/training.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

/**
 * GET /training/export?… — the progress page's list as CSV: the same
 * filters and sort (the page's query), every row (the page shows 200), the
 * same flags as the page and the API (app/domain/training-progress.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission(request, "training.overview");
  const playbook = await playbookForOrganisation(organisation.id);
  const progress = await loadTrainingProgress({ organisationId: organisation.id, actor, organisation, playbook });
  const filter = parseTrainingFilter(new URL(request.url).searchParams, { skills: playbook.skills.map((skill) => skill.id), roles: ROLE_IDS, kinds: TRAINING_KINDS });
  const rows = filterAndSortRows(progress.rows, filter).map((row) => {
    const cells = csvRow(row);
    return CSV_COLUMNS.map((column) => cells[column]);
  });
  return csvDownload(CSV_COLUMNS, rows, `training-progress-${progress.today}.csv`);
}
