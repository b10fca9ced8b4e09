import type { Permission } from "./permissions";

/**
 * The settings pages, in tab order, with the permission each needs to be
 * seen. The layout shows the tabs the viewer may open; /settings goes to the
 * first of them. Each page's loader checks again.
 */
export const SETTINGS_PAGES = [
  { id: "organisation", path: "/settings/organisation", permission: "organisation.update" },
  { id: "profile", path: "/settings/profile", permission: "organisation.update" },
  { id: "people", path: "/settings/people", permission: "users.read" },
  { id: "tokens", path: "/settings/tokens", permission: "tokens.manage" },
  { id: "security", path: "/settings/security", permission: "securityLog.read" },
  // the emails that went out (or wait in the outbox without SMTP_URL): admins
  { id: "outbox", path: "/settings/outbox", permission: "users.manage" },
  // one's own password, sessions and second factor: everyone
  { id: "account", path: "/settings/account", permission: "organisation.read" },
  // one's own email preferences and calendar feed: everyone
  { id: "notifications", path: "/settings/notifications", permission: "organisation.read" },
] as const satisfies ReadonlyArray<{ id: string; path: string; permission: Permission }>;

export type SettingsPage = (typeof SETTINGS_PAGES)[number];

export function settingsPagesFor(permissions: readonly Permission[]): SettingsPage[] {
  return SETTINGS_PAGES.filter((page) => permissions.includes(page.permission));
}
