import { Outlet } from "@remix-run/react";
import { TeamErrorBoundary } from "~/components/team/ErrorBoundary";
import { trainingMeta } from "~/components/training/meta";

/** The training area: HR's progress page, plan and item forms. Each child checks its own permission. */
export default function TrainingLayout() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <Outlet />
    </main>
  );
}

export const meta = trainingMeta((strings) => strings.page.metaTitle);

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <TeamErrorBoundary />
    </main>
  );
}
