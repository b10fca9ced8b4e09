import type { LoaderFunctionArgs } from "@remix-run/node";
import { toSizedRecommendationJson } from "~/domain/recommendation-json";
import { sizedRecommendation } from "~/domain/sizing";
import { MODEL_IDS } from "~/domain/types";
import { playbookForRequest } from "~/models/playbook.server";
import { blockingProblems, parseRecommendationQuery, type QueryProblem } from "~/utils/recommendation-query";
import { parseSizingQuery } from "~/utils/sizing-query";

/**
 * GET /api/v1/recommendation?model=&stage=&lang= — public API v1 (README),
 * also with `channels=<model>:<share>,…` instead of `model`, and the drivers
 * stores, skus, ordersPerDay, markets, languages, b2bAccounts.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // first, so a bad token is a 401 whatever the query (it throws the answer)
  const playbook = await playbookForRequest({ request, context });
  const params = new URL(request.url).searchParams;
  const sizing = parseSizingQuery(params);
  const channelsGiven = params.getAll("channels").some((value) => value.trim() !== "");
  const query = parseRecommendationQuery(params, channelsGiven ? ["stage"] : ["model", "stage"]);
  const fields: Record<
    string,
    { message: string; validIds?: readonly string[]; range?: { min: number; max: number } }
  > = {};
  for (const problem of blockingProblems(query)) {
    fields[problem.field] = { message: problemMessage(problem), validIds: problem.validIds };
  }
  if (channelsGiven && query.model) {
    fields.model = { message: "Give model or channels, not both (model=X means channels=X:100).", validIds: MODEL_IDS };
  }
  for (const problem of sizing.problems) {
    fields[problem.field] = { message: problem.message, validIds: problem.validIds, range: problem.range };
  }
  const channels = sizing.channels ?? (query.model ? [{ model: query.model, share: 100 }] : null);
  if (Object.keys(fields).length > 0 || !channels || !query.stage) {
    return Response.json(
      {
        error: "invalid_query",
        message: Object.values(fields)
          .map((field) => field.message)
          .join(" "),
        fields,
      },
      { status: 400, headers: apiHeaders },
    );
  }
  const recommendation = sizedRecommendation({ playbook, channels, stage: query.stage, drivers: sizing.drivers });
  return Response.json(toSizedRecommendationJson(recommendation, query.lang ?? "en"), { headers: apiHeaders });
}

const apiHeaders = { "Cache-Control": "no-store" };

function problemMessage(problem: QueryProblem): string {
  const valid = problem.validIds.join(", ");
  return problem.kind === "missing"
    ? `${problem.field} is required; valid ids: ${valid}.`
    : `${problem.field} "${problem.value}" is not valid; valid ids: ${valid}.`;
}
