import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/utils/safe-redirect";

/** Every form of "somewhere else" seen in the wild; each must fall back. */
const OFF_SITE = [
  "//evil.example",
  "//evil.example/path",
  "/\t/evil.example/",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  " /org",
  "/\u3000/evil.example",
  "/org\u3000",
  "/\u0000org",
  "/org\u2028",
  "",
  "x".repeat(10),
  `/${"a".repeat(2001)}`,
];

describe("safeRedirectPath", () => {
  it.each(OFF_SITE)("refuses %j", (value) => {
    expect(safeRedirectPath(value, "/fallback")).toBe("/fallback");
  });

  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/planner?model=b2b&stage=growth")).toBe("/planner?model=b2b&stage=growth");
    expect(safeRedirectPath("/team/abc#skills")).toBe("/team/abc#skills");
    expect(safeRedirectPath("/team?q=%E5%BC%A0")).toBe("/team?q=%E5%BC%A0");
    // an encoded tab stays encoded: a path segment named "%09" on this site, not a way off it
    expect(safeRedirectPath("/%09/evil.example/")).toBe("/%09/evil.example/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectPath("/a/../../org")).toBe("/org");
    expect(safeRedirectPath("/./org")).toBe("/org");
  });

  it("refuses non-strings", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/org")).toBe("/org");
    expect(safeRedirectPath(new File(["/org"], "x"), "/org")).toBe("/org");
  });

  it("never returns anything but a single-slash path that a Location header can carry", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        const result = safeRedirectPath(value, "/fallback");
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result).toMatch(/^[\x21-\x7e]*$/);
        expect(new URL(result, "http://app.example").origin).toBe("http://app.example");
        expect(() => new Headers({ Location: result })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
