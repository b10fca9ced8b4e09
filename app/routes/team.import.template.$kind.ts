import type { LoaderFunctionArgs } from "@remix-run/node";
import { COLUMNS, TEMPLATE_ROWS, type ImportKind } from "~/domain/team-csv";
import { notFound, requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

const FILES: Record<string, ImportKind> = { "members.csv": "members", "assessments.csv": "assessments" };

/** The empty import files, each with its header and two example rows. For those who may import. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "members.write");
  const kind = Object.hasOwn(FILES, params.kind ?? "") ? FILES[params.kind ?? ""] : undefined;
  if (!kind) throw notFound();
  return csvDownload(COLUMNS[kind], TEMPLATE_ROWS[kind], `team-${kind}-template.csv`);
}
