import { describe, expect, it } from "vitest";
import { parseStringList, storedStringList } from "../../app/domain/string-list";

describe("a stored list of strings (markets, languages)", () => {
  it("reads back what it stores", () => {
    expect(parseStringList(storedStringList(["US", "DE", "日本"]))).toEqual(["US", "DE", "日本"]);
    expect(parseStringList(storedStringList([]))).toEqual([]);
  });

  it("reads anything else as empty, and skips what is not a string", () => {
    expect(parseStringList("not json")).toEqual([]);
    expect(parseStringList('{"a":1}')).toEqual([]);
    expect(parseStringList('["en", 3, null, "zh"]')).toEqual(["en", "zh"]);
  });
});
