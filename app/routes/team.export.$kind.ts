import type { LoaderFunctionArgs } from "@remix-run/node";
import { COLUMNS, type ImportKind } from "~/domain/team-csv";
import { exportAssessments, exportMembers } from "~/models/team-import.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

const FILES: Record<string, ImportKind> = { "members.csv": "members", "assessments.csv": "assessments" };

/**
 * The organisation's members or its whole assessment history, in the import's
 * columns (an export imports again without changes). For those who may import.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, "members.write");
  const kind = Object.hasOwn(FILES, params.kind ?? "") ? FILES[params.kind ?? ""] : undefined;
  if (!kind) throw notFound();
  const rows = kind === "members" ? await exportMembers({ organisationId: organisation.id }) : await exportAssessments({ organisationId: organisation.id });
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(COLUMNS[kind], rows, `team-${kind}-${day}.csv`);
}
