import type { LoaderFunctionArgs } from "@remix-run/node";
import { importProgress } from "~/models/team-import.server";
import { requirePermission } from "~/utils/auth.server";

/**
 * The progress of the latest CSV import the signed-in person started in
 * their organisation, polled by the import page while its form is sent
 * (issue 15). Only their own: nobody reads another person's import.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation, user } = await requirePermission({ request, context }, "members.write");
  const progress = await importProgress({ organisationId: organisation.id, userId: user.id });
  return Response.json({ import: progress }, { headers: { "Cache-Control": "no-store" } });
}
