import { Outlet } from "@remix-run/react";
import { SectionErrorBoundary, titleMeta } from "~/components/ui";
import { trainingStrings } from "~/locales/training";

/** The training area: HR's progress page, plan and item forms. Each child checks its own permission. */
export default function TrainingLayout() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <Outlet />
    </main>
  );
}

export const meta = titleMeta((lang) => [trainingStrings[lang].page.metaTitle]);

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <SectionErrorBoundary section="team" />
    </main>
  );
}
