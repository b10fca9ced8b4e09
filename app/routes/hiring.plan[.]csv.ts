import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLabels } from "~/domain/csv-labels";
import { positionBudgetTotal } from "~/domain/hiring-budget";
import { hiringStrings } from "~/locales/hiring";
import { listPositions } from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { languageFor } from "~/utils/i18n.server";

/** Ids in their own columns, each followed by its label in the reader's language (as the team and training exports do). */
const PLAN_CSV_COLUMNS = [
  "order",
  "role_id",
  "role",
  "title",
  "headcount",
  "target_quarter",
  "status",
  "status_label",
  "origin",
  "origin_label",
  "skill_id",
  "skill",
  "skill_level",
  "budget_per_person",
  "budget_total",
  "budget_currency",
  "reason",
  "owner",
  "filled_by",
  "public",
  "notes",
] as const;

/** The hiring plan in the order of hires, for a spreadsheet. Those who may read the plan (managers, HR, admins) may export it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // Privacy (issue 14): the plan is for managers, HR and admins; others 403.
  const { organisation } = await requirePermission({ request, context }, "hiring.positions");
  const [positions, playbook, lang] = await Promise.all([
    listPositions({ organisationId: organisation.id }),
    playbookForOrganisation(organisation.id),
    languageFor(request),
  ]);
  const strings = hiringStrings[lang];
  const label = exportLabels(playbook, lang);
  const rows = positions.map((p, i) => [
    String(i + 1),
    p.roleId,
    label.role(p.roleId),
    p.title,
    String(p.headcount),
    p.targetQuarter,
    p.status,
    strings.status[p.status],
    p.origin,
    strings.origin[p.origin],
    p.skill?.skillId ?? "",
    p.skill ? label.skill(p.skill.skillId) : "",
    p.skill ? String(p.skill.level) : "",
    // whole numbers without separators, so a spreadsheet reads them as numbers
    p.budget ? String(p.budget.amount) : "",
    p.budget ? String(positionBudgetTotal(p)) : "",
    p.budget?.currency ?? "",
    p.reason,
    p.owner?.name ?? "",
    p.filledBy?.name ?? "",
    // "yes" or "no" like the training export: a value a spreadsheet filter and an import read the same in both languages
    p.isPublic ? "yes" : "no",
    p.notes,
  ]);
  return csvDownload(PLAN_CSV_COLUMNS, rows, `hiring-plan-${new Date().toISOString().slice(0, 10)}.csv`);
}
