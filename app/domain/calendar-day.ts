/**
 * Calendar days: a day is a date at midnight UTC, written "YYYY-MM-DD" (as a
 * date input sends it). The one parser of days for forms, imports and models.
 */

/** "2024-03-01" (strict); with `spreadsheet`, also "2024/3/1" and "2024.3.1", as a spreadsheet saves a date in a Chinese locale. */
export function parseDay(text: string, options: { spreadsheet?: boolean } = {}): Date | null {
  const pattern = options.spreadsheet ? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/;
  const match = pattern.exec(options.spreadsheet ? text.trim() : text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A day within [earliest, latest] (both "YYYY-MM-DD"), or null. */
export function parseDayBetween(text: string, earliest: string, latest: string): Date | null {
  const date = parseDay(text);
  if (!date) return null;
  const day = dayString(date);
  return day < earliest || day > latest ? null : date;
}

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest day that is already today somewhere on Earth (UTC+14): an
 * assessment dated today in Shanghai or Auckland is not "in the future" for a
 * server on UTC.
 */
export function latestToday(now: Date = new Date()): string {
  return dayString(new Date(now.getTime() + 14 * 60 * 60 * 1000));
}
