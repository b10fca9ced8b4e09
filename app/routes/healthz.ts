import { databaseCheck } from "~/models/health.server";

/** Liveness and database check for load balancers and CI. */
export async function loader() {
  const started = performance.now();
  try {
    const { organisations } = await databaseCheck();
    return Response.json(
      { status: "ok", database: "ok", organisations, ms: Math.round(performance.now() - started) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("healthz: database check failed", error);
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
