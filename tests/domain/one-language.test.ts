import { describe, expect, it } from "vitest";
import { inOneLanguage } from "../../app/domain/one-language";

describe("inOneLanguage", () => {
  const payload = {
    label: { zh: "运营", en: "Operations" },
    onlyEnglish: { zh: "", en: "Ads" },
    roles: [{ id: "a", skills: [{ label: { zh: "选品", en: "Product selection" }, level: 3 }] }],
    // not a text: more than the two language fields
    range: { zh: "x", en: "y", note: "kept" },
    count: 4,
    none: null,
  };

  it("puts the reader's text in both fields of every text, however deep", () => {
    const zh = inOneLanguage(payload, "zh");
    expect(zh.label).toEqual({ zh: "运营", en: "运营" });
    expect(zh.roles[0].skills[0].label).toEqual({ zh: "选品", en: "选品" });
    const en = inOneLanguage(payload, "en");
    expect(en.label).toEqual({ zh: "Operations", en: "Operations" });
    expect(en.roles[0].skills[0]).toEqual({ label: { zh: "Product selection", en: "Product selection" }, level: 3 });
  });

  it("falls back to the other language where the reader's is empty, as localize does", () => {
    expect(inOneLanguage(payload, "zh").onlyEnglish).toEqual({ zh: "Ads", en: "Ads" });
  });

  it("leaves everything else as it was and does not touch its input", () => {
    const before = JSON.stringify(payload);
    const zh = inOneLanguage(payload, "zh");
    expect(zh.range).toEqual({ zh: "x", en: "y", note: "kept" });
    expect(zh.count).toBe(4);
    expect(zh.none).toBeNull();
    expect(JSON.stringify(payload)).toBe(before);
  });
});
