import type { Language, Localized, SkillLevel } from "~/domain/types";
import { localize, SKILL_LEVEL_LABELS } from "~/domain/vocabulary";
import { htmlLang } from "~/utils/i18n";
import { dateTimeFormat } from "~/utils/intl";

/** A playbook entry the team pages name: a role or a skill. */
export interface Labelled {
  id: string;
  label: Localized;
}

/** The entry's label in the reader's language, or the id when the playbook no longer has it. */
export function labelOf(entries: readonly Labelled[], id: string, lang: Language): string {
  const entry = entries.find((candidate) => candidate.id === id);
  return entry ? localize(entry.label, lang) : id;
}

export function levelName(level: SkillLevel, lang: Language): string {
  return localize(SKILL_LEVEL_LABELS[level], lang);
}

/**
 * A calendar day (stored at midnight UTC, like assessment dates and start
 * dates), read in UTC so that it is the same day on the server and in every
 * browser.
 */
export function formatDay(value: Date | string, lang: Language): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return dateTimeFormat(htmlLang(lang), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** "2024-03-01" for a date input. */
export function dayValue(value: Date | string | null): string {
  if (value === null) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** A member's roles, the largest share first (the database keeps no order of its own). */
export function byShare<Role extends { roleId: string; share: number }>(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => b.share - a.share || a.roleId.localeCompare(b.roleId));
}
