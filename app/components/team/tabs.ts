import type { Permission } from "~/domain/permissions";

/**
 * The team area's pages, in tab order, with the permission each needs to be
 * offered. Each page's own loader checks again.
 */
export const TEAM_TABS = [
  { id: "members", path: "/team", permission: "members.read" },
  { id: "gaps", path: "/team/gaps", permission: "members.read" },
  { id: "heatmap", path: "/team/heatmap", permission: "members.read" },
  { id: "chart", path: "/team/chart", permission: "members.read" },
  { id: "import", path: "/team/import", permission: "members.write" },
] as const satisfies ReadonlyArray<{ id: string; path: string; permission: Permission }>;

export type TeamTab = (typeof TEAM_TABS)[number];

/** The tab a path belongs to: a member's own pages belong to "members". */
export function activeTab(pathname: string): TeamTab["id"] {
  const match = TEAM_TABS.find(
    (tab) => tab.id !== "members" && (pathname === tab.path || pathname.startsWith(`${tab.path}/`)),
  );
  return match ? match.id : "members";
}
