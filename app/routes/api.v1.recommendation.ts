import type { LoaderFunctionArgs } from "@remix-run/node";
import { recommendOrgChart } from "~/domain/recommendation";
import { toRecommendationJson } from "~/domain/recommendation-json";
import { playbookForRequest } from "~/models/playbook.server";
import { blockingProblems, parseRecommendationQuery, type QueryProblem } from "~/utils/recommendation-query";

/** GET /api/v1/recommendation?model=&stage=&lang= — public API v1 (README). */
export async function loader({ request }: LoaderFunctionArgs) {
  // first, so a bad token is a 401 whatever the query (it throws the answer)
  const playbook = await playbookForRequest(request);
  const query = parseRecommendationQuery(new URL(request.url).searchParams);
  const problems = blockingProblems(query);
  if (problems.length > 0 || !query.model || !query.stage) {
    return Response.json(
      {
        error: "invalid_query",
        message: problems.map(problemMessage).join(" "),
        fields: Object.fromEntries(
          problems.map((problem) => [
            problem.field,
            { message: problemMessage(problem), validIds: problem.validIds },
          ]),
        ),
      },
      { status: 400, headers: apiHeaders },
    );
  }
  const recommendation = recommendOrgChart(query.model, query.stage, playbook);
  return Response.json(toRecommendationJson(recommendation, query.lang ?? "en"), { headers: apiHeaders });
}

const apiHeaders = { "Cache-Control": "no-store" };

function problemMessage(problem: QueryProblem): string {
  const valid = problem.validIds.join(", ");
  return problem.kind === "missing"
    ? `${problem.field} is required; valid ids: ${valid}.`
    : `${problem.field} "${problem.value}" is not valid; valid ids: ${valid}.`;
}
