import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLabels } from "~/domain/csv-labels";
import { EXPORT_COLUMNS, type ImportKind } from "~/domain/team-csv";
import { playbookForRequest } from "~/models/playbook.server";
import { exportAssessments, exportMembers } from "~/models/team-import.server";
import { languageFor } from "~/utils/i18n.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

const FILES: Record<string, ImportKind> = { "members.csv": "members", "assessments.csv": "assessments" };

/**
 * The organisation's members or its whole assessment history, in the import's
 * columns (an export imports again without changes): roles and skills by
 * their labels in the reader's language, their ids in columns of their own.
 * For those who may import.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const kind = Object.hasOwn(FILES, params.kind ?? "") ? FILES[params.kind ?? ""] : undefined;
  if (!kind) throw notFound();
  const [playbook, lang] = await Promise.all([playbookForRequest({ request, context }), languageFor(request)]);
  const labels = exportLabels(playbook, lang);
  const rows =
    kind === "members"
      ? await exportMembers({ organisationId: organisation.id, labels })
      : await exportAssessments({ organisationId: organisation.id, labels });
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(EXPORT_COLUMNS[kind], rows, `team-${kind}-${day}.csv`);
}
