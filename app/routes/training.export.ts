import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLabels } from "~/domain/csv-labels";
import { TRAINING_KINDS } from "~/domain/training-advice";
import {
  LABELLED_CSV_COLUMNS,
  filterAndSortRows,
  labelledCsvRow,
  parseTrainingFilter,
} from "~/domain/training-progress";
import type { CsvLabeller } from "~/domain/training-progress";
import { playbookRoleIds } from "~/domain/extension-roles";
import { playbookForOrganisation } from "~/models/playbook.server";
import { loadTrainingProgress } from "~/models/training.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { languageFor } from "~/utils/i18n.server";
import { trainingStrings } from "~/locales/training";

/**
 * GET /training/export?… — the progress page's list as CSV: the same
 * filters and sort (the page's query), every row (the page shows 200), the
 * same flags as the page and the API (app/domain/training-progress.ts).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "training.overview");
  const playbook = await playbookForOrganisation(organisation.id);
  const progress = await loadTrainingProgress({ organisationId: organisation.id, actor, organisation, playbook });
  const filter = parseTrainingFilter(new URL(request.url).searchParams, {
    skills: playbook.skills.map((skill) => skill.id),
    roles: playbookRoleIds(playbook),
    kinds: TRAINING_KINDS,
  });
  const lang = await languageFor(request);
  const strings = trainingStrings[lang];
  const labels = exportLabels(playbook, lang);
  const label: CsvLabeller = (column, id) => {
    if (column === "department") return labels.role(id);
    if (column === "skill") return labels.skill(id);
    if (column === "kind") return (strings.kind as Record<string, string>)[id] ?? id;
    return (strings.status as Record<string, string>)[id] ?? id;
  };
  const rows = filterAndSortRows(progress.rows, filter).map((row) => labelledCsvRow(row, label));
  return csvDownload(LABELLED_CSV_COLUMNS, rows, `training-progress-${progress.today}.csv`);
}
