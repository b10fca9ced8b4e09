import type { LoaderFunctionArgs } from "@remix-run/node";
import { itemJson } from "~/domain/training-progress";
import { isModelId, isStageId } from "~/domain/vocabulary";
import { playbookForOrganisation } from "~/models/playbook.server";
import { loadTrainingProgress } from "~/models/training.server";
import { organisationFromBearer } from "~/utils/api-auth.server";
import { db } from "~/utils/db.server";

const headers = { "Cache-Control": "no-store" };

/**
 * GET /api/v1/training-progress — the organisation's training progress for
 * a BI tool (README, "Training progress API"). Needs an organisation API
 * token; the figures are those of HR's progress page (one domain function).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  // a malformed, unknown or revoked token throws its 401
  const bearer = await organisationFromBearer(request);
  if (!bearer) {
    return Response.json(
      { error: "token_required", message: "Send an organisation API token: Authorization: Bearer ctp_…" },
      { status: 401, headers: { ...headers, "WWW-Authenticate": "Bearer" } },
    );
  }
  const organisation = await db.organisation.findUnique({ where: { id: bearer.organisationId }, select: { id: true, operatingModel: true, stage: true } });
  if (!organisation) return Response.json({ error: "invalid_token" }, { status: 401, headers });
  const playbook = await playbookForOrganisation(organisation.id);
  const progress = await loadTrainingProgress({
    organisationId: organisation.id,
    actor: null,
    organisation: {
      operatingModel: isModelId(organisation.operatingModel) ? organisation.operatingModel : "platform",
      stage: isStageId(organisation.stage) ? organisation.stage : "startup",
    },
    playbook,
  });
  return Response.json(
    {
      generatedAt: new Date().toISOString(),
      today: progress.today,
      figures: progress.figures,
      byRole: progress.byRole,
      byDepartment: progress.byDepartment,
      bySkill: progress.bySkill,
      series: progress.series,
      membersWithUncoveredGap: progress.uncovered,
      items: progress.rows.map(itemJson),
    },
    { headers },
  );
}
