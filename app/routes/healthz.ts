import { databaseCheck } from "~/models/health.server";

/**
 * Liveness and database check for load balancers and CI. Anyone may call it,
 * so it says only ok or not ok: no counts, no timings, no error text.
 */
export async function loader() {
  try {
    await databaseCheck();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database check failed", error);
    return Response.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
