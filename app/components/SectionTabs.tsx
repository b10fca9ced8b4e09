import { Link } from "@remix-run/react";

export type SectionTab = {
  id: string;
  path: string;
  label: string;
  active: boolean;
};

/**
 * Whether `pathname` is the tab's page or below it, as NavLink (without
 * `end`) decides: case-insensitive, on whole path segments.
 */
export function isAtOrBelow(pathname: string, path: string): boolean {
  const here = pathname.toLowerCase();
  const to = path.toLowerCase();
  return here === to || (here.startsWith(to) && here.charAt(to.length) === "/");
}

/** The tabs under a section's header: a labelled nav, the active tab marked as the current page. */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <nav aria-label={label} className="mt-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-6 gap-y-1">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              to={tab.path}
              prefetch="intent"
              aria-current={tab.active ? "page" : undefined}
              className={`inline-block border-b-2 px-1 py-3 text-sm font-medium ${
                tab.active
                  ? "border-indigo-600 text-indigo-700"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
