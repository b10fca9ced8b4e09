import { describe, expect, it } from "vitest";
import {
  afterAttempt,
  isoWeek,
  MAX_ATTEMPTS,
  parseOptOut,
  reminderFor,
  retryDelayMs,
  wantsEmail,
} from "../../app/domain/notifications";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const today = new Date("2026-12-07T15:30:00Z");

describe("reminderFor", () => {
  it("reminds once per item and due day: due soon within 7 days, overdue after the due day", () => {
    const item = (due: string | null, status: "planned" | "in_progress" | "completed" | "cancelled" = "planned") => ({
      id: "i1",
      status,
      dueDate: due ? day(due) : null,
    });
    expect(reminderFor(item("2026-12-14"), today)).toMatchObject({
      kind: "training_due_soon",
      dedupeKey: "training_due_soon:i1:2026-12-14",
      days: 7,
    });
    expect(reminderFor(item("2026-12-07"), today)).toMatchObject({ kind: "training_due_soon", days: 0 });
    expect(reminderFor(item("2026-12-15"), today)).toBeNull();
    expect(reminderFor(item("2026-12-06", "in_progress"), today)).toMatchObject({
      kind: "training_overdue",
      dedupeKey: "training_overdue:i1:2026-12-06",
    });
    expect(reminderFor(item("2026-12-06", "completed"), today)).toBeNull();
    expect(reminderFor(item("2026-12-06", "cancelled"), today)).toBeNull();
    expect(reminderFor(item(null), today)).toBeNull();
    // the same day later, and the next day: the same key (it lands once)
    expect(reminderFor(item("2026-12-10"), new Date("2026-12-07T23:59:00Z"))?.dedupeKey).toBe(
      reminderFor(item("2026-12-10"), new Date("2026-12-08T08:00:00Z"))?.dedupeKey,
    );
  });
});

describe("isoWeek", () => {
  it.each([
    ["2026-12-07", "2026-W50"],
    ["2026-12-13", "2026-W50"],
    ["2027-01-01", "2026-W53"],
    ["2026-01-01", "2026-W01"],
    ["2024-12-30", "2025-W01"],
  ])("%s is %s", (date, week) => expect(isoWeek(day(date))).toBe(week));
});

describe("the mail worker's retries", () => {
  it("waits longer after each failure, at most an hour, and gives up after MAX_ATTEMPTS", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
    const now = new Date("2026-12-07T10:00:00Z");
    expect(afterAttempt(1, false, now)).toEqual({ status: "queued", nextAttemptAt: new Date("2026-12-07T10:00:30Z") });
    expect(afterAttempt(MAX_ATTEMPTS, false, now).status).toBe("failed");
    expect(afterAttempt(3, true, now).status).toBe("sent");
  });
});

describe("preferences", () => {
  it("keeps only known optional kinds, and invitations and resets always go", () => {
    expect(parseOptOut('["weekly_digest","invitation","nonsense","weekly_digest"]')).toEqual(["weekly_digest"]);
    expect(parseOptOut("not json")).toEqual([]);
    expect(wantsEmail("weekly_digest", ["weekly_digest"])).toBe(false);
    expect(wantsEmail("training_overdue", ["weekly_digest"])).toBe(true);
    expect(wantsEmail("password_reset", ["password_reset"])).toBe(true);
  });
});
