import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/healthz";
import { callRoute } from "../utils/route";

describe("GET /healthz", () => {
  it("says ok and nothing else: no counts of organisations, no timings", async () => {
    const result = await callRoute<Record<string, unknown>>(loader, new Request("http://localhost/healthz"));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ status: "ok" });
    expect(result.headers.get("Cache-Control")).toBe("no-store");
  });
});
