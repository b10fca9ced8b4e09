import type { LoaderFunctionArgs } from "@remix-run/node";
import { itemJson } from "~/domain/training-progress";
import { playbookForOrganisation } from "~/models/playbook.server";
import { loadTrainingProgress } from "~/models/training.server";
import { tokenMayRead } from "~/domain/permissions";
import { insufficientScope, organisationFromBearer } from "~/utils/api-auth.server";
import { getOrganisationSettings } from "~/models/organisation.server";

const headers = { "Cache-Control": "no-store" };

/**
 * GET /api/v1/training-progress — the organisation's training progress for
 * a BI tool (README, "Training progress API"). Needs an organisation API
 * token with the "training" scope; the figures are those of HR's progress
 * page (one domain function).
 */
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 5000;

/** `limit` (1–5000, default 1000) and `offset` (0 or more, default 0) of the item list; null when either is not a whole number in range. */
function readPage(params: URLSearchParams): { limit: number; offset: number } | null {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^\d{1,9}$/.test(raw)) return null;
    const value = Number(raw);
    return value >= min && value <= max ? value : null;
  };
  const limit = read("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = read("offset", 0, 0, 1_000_000_000);
  return limit === null || offset === null ? null : { limit, offset };
}

export async function loader({ request }: LoaderFunctionArgs) {
  // a malformed, unknown or revoked token throws its 401
  const bearer = await organisationFromBearer(request);
  if (!bearer) {
    return Response.json(
      { error: "token_required", message: "Send an organisation API token: Authorization: Bearer ctp_…" },
      { status: 401, headers: { ...headers, "WWW-Authenticate": "Bearer" } },
    );
  }
  // a "recommendation only" token reads nothing about a person (decision 0011's addendum)
  if (!tokenMayRead(bearer.scope, "training.progress")) return insufficientScope("training");
  const page = readPage(new URL(request.url).searchParams);
  if (!page) {
    return Response.json(
      {
        error: "invalid_query",
        message: `limit must be a whole number from 1 to ${MAX_LIMIT}; offset a whole number from 0.`,
      },
      { status: 400, headers },
    );
  }
  const organisation = await getOrganisationSettings({ organisationId: bearer.organisationId });
  if (!organisation) return Response.json({ error: "invalid_token" }, { status: 401, headers });
  const playbook = await playbookForOrganisation(organisation.id);
  const progress = await loadTrainingProgress({
    organisationId: organisation.id,
    actor: null,
    organisation: { operatingModel: organisation.operatingModel, stage: organisation.stage },
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
      page: { offset: page.offset, limit: page.limit, total: progress.rows.length },
      items: progress.rows.slice(page.offset, page.offset + page.limit).map(itemJson),
    },
    { headers },
  );
}
