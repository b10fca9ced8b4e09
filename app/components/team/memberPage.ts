import type { UIMatch } from "@remix-run/react";

/**
 * How a child route of the member page (/team/:memberId/…) is shown: "replace"
 * pages (edit, remove) take the whole page; "assess" renders in the page's
 * assessment section, so a refused assessment shows its errors in place.
 */
export type MemberPageSlot = "replace" | "assess";

export interface MemberPageHandle {
  memberPage: MemberPageSlot;
}

export function memberPageSlot(matches: readonly UIMatch[]): MemberPageSlot | null {
  for (const match of matches) {
    const handle = match.handle as Partial<MemberPageHandle> | undefined;
    if (handle?.memberPage === "replace" || handle?.memberPage === "assess") return handle.memberPage;
  }
  return null;
}

/** The member page's route id, for children that read its loader data. */
export const MEMBER_PAGE_ROUTE = "routes/team.$memberId";

/** The query parameter that opens the member page's assess form on a skill. */
export const ASSESS_PARAM = "assess";

/** The member page's assessment section, with `skillId` chosen when given (a re-assessment request names it). */
export function assessHref(memberId: string, skillId?: string): string {
  const query = skillId ? `?${new URLSearchParams({ [ASSESS_PARAM]: skillId })}` : "";
  return `/team/${encodeURIComponent(memberId)}${query}#assess`;
}
