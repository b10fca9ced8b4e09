import { expect, test } from "@playwright/test";

/**
 * The Chinese pages as the production server streams them (compression on):
 * no NUL byte and valid UTF-8. React 18's Node writer used to put NUL bytes at
 * 2 KB boundaries of these pages (see app/utils/html-stream.server.ts).
 */
const PAGES = [
  "/?lang=zh",
  "/planner?lang=zh",
  "/planner?model=platform&stage=growth&lang=zh",
  "/planner?model=b2b&stage=mature&lang=zh",
  "/planner?model=independent_site&stage=startup&lang=zh",
  "/login?lang=zh",
  "/signup?lang=zh",
];

for (const path of PAGES) {
  test(`${path} streams clean UTF-8 without NUL bytes`, async ({ request }) => {
    for (const encoding of ["gzip", "identity"]) {
      const response = await request.get(path, { headers: { "Accept-Encoding": encoding } });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/html; charset=utf-8");
      const bytes = await response.body();
      expect(bytes.length, "a page long enough to cross several 2 KB views").toBeGreaterThan(4096);
      expect(bytes.indexOf(0), `${encoding}: first NUL byte`).toBe(-1);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toContain('<html lang="zh-CN"');
    }
  });
}
