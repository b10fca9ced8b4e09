import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/healthz";
import { callRoute } from "../utils/route";

describe("GET /healthz", () => {
  it("reports the database as reachable", async () => {
    const result = await callRoute<{ status: string; database: string; organisations: number }>(loader, new Request("http://localhost/healthz"));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ status: "ok", database: "ok" });
    expect(typeof result.data.organisations).toBe("number");
  });
});
