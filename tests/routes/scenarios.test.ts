import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/scenarios";
import { callRoute, get } from "../utils/route";

type Data = {
  comparison: { counts: Record<string, number>; roles: { roleId: string; kind: string }[] } | null;
  invalid: string[];
  a: { model: string; stage: string } | null;
};

describe("GET /scenarios", () => {
  it("compares two choices without signing in", async () => {
    const result = await callRoute<Data>(loader, get("/scenarios?aModel=platform&aStage=growth&bModel=independent_site&bStage=growth"));
    expect(result.status).toBe(200);
    expect(result.data.a).toMatchObject({ model: "platform", stage: "growth" });
    expect(result.data.comparison!.roles.find((r) => r.roleId === "tech_dev")!.kind).toBe("added");
  });

  it("shows the choice form and the examples when nothing is chosen", async () => {
    const result = await callRoute<Data>(loader, get("/scenarios"));
    expect(result.status).toBe(200);
    expect(result.data.comparison).toBeNull();
  });

  it("answers an unknown id with 400 naming the field", async () => {
    const result = await callRoute<Data>(loader, get("/scenarios?aModel=shopify&aStage=growth&bModel=b2b&bStage=eternal"));
    expect(result.status).toBe(400);
    expect(result.data.invalid).toEqual(["aModel", "bStage"]);
    expect(result.data.comparison).toBeNull();
  });
});
