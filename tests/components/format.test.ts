import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../app/components/ui";
import { formatDay } from "../../app/components/team/format";

describe("formatDay", () => {
  const day = new Date("2026-03-09T00:00:00.000Z");

  it("writes a calendar day in the reader's language, the same day everywhere", () => {
    expect(formatDay(day, "en")).toBe("Mar 9, 2026");
    expect(formatDay(day, "zh")).toBe("2026年3月9日");
    expect(formatDay("2026-03-09T00:00:00.000Z", "en")).toBe("Mar 9, 2026");
  });

  it("keeps one formatter per language: alternating languages never mixes them up", () => {
    const seen = ["zh", "en", "zh", "en"].map((lang) => formatDay(day, lang as "en" | "zh"));
    expect(seen).toEqual(["2026年3月9日", "Mar 9, 2026", "2026年3月9日", "Mar 9, 2026"]);
  });
});

describe("formatDateTime", () => {
  const moment = new Date("2026-03-09T13:05:00.000Z");

  it("says the zone when one is given, and keeps formatters apart by language and zone", () => {
    const utcEn = formatDateTime(moment, "en", "UTC");
    expect(utcEn).toContain("2026");
    expect(utcEn).toMatch(/01:05\s?PM/);
    expect(utcEn).toContain("UTC");
    const utcZh = formatDateTime(moment, "zh", "UTC");
    expect(utcZh).toContain("2026年");
    expect(utcZh).toContain("13:05");
    const tokyo = formatDateTime(moment, "en", "Asia/Tokyo");
    expect(tokyo).toMatch(/10:05\s?PM/);
    expect(formatDateTime(moment, "en", "UTC")).toBe(utcEn);
  });
});
