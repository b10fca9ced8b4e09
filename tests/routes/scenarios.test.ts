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
    const result = await callRoute<Data>(
      loader,
      get("/scenarios?aModel=platform&aStage=growth&bModel=independent_site&bStage=growth"),
    );
    expect(result.status).toBe(200);
    expect(result.data.a).toMatchObject({ model: "platform", stage: "growth" });
    expect(result.data.comparison!.roles.find((r) => r.roleId === "tech_dev")!.kind).toBe("added");
  });

  it("shows the choice form and the examples when nothing is chosen", async () => {
    const result = await callRoute<Data>(loader, get("/scenarios"));
    expect(result.status).toBe(200);
    expect(result.data.comparison).toBeNull();
  });

  it("drops the empty fields the form sends, so the address stays short enough to share", async () => {
    const result = await callRoute<Data>(
      loader,
      get("/scenarios?aModel=b2b&aStage=growth&a_channels=&a_stores=&bModel=b2b&bStage=mature&b_skus=+"),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/scenarios?aModel=b2b&aStage=growth&bModel=b2b&bStage=mature");
  });

  it("answers an unknown id with 400 naming the field", async () => {
    const result = await callRoute<Data>(
      loader,
      get("/scenarios?aModel=shopify&aStage=growth&bModel=b2b&bStage=eternal"),
    );
    expect(result.status).toBe(400);
    expect(result.data.invalid).toEqual(["aModel", "bStage"]);
    expect(result.data.comparison).toBeNull();
  });
});

describe("scenarios with business profiles", () => {
  it("compares profiles: a DTC site for two more markets adds tech and people", async () => {
    const [scenarios, call, getUrl] = [loader, callRoute, get];
    const url =
      "/scenarios?aModel=platform&aStage=growth&bModel=platform&bStage=growth&a_stores=6&a_markets=4&a_ordersPerDay=800" +
      "&b_channels=platform:70,independent_site:30&b_stores=7&b_markets=6&b_ordersPerDay=1100";
    type Data = {
      comparison: {
        roles: { roleId: string; kind: string; headcountA: { max: number }; headcountB: { max: number } }[];
        headcountA: { min: number };
        headcountB: { min: number };
      };
    };
    const result = await call<Data>(scenarios, getUrl(url));
    expect(result.status).toBe(200);
    const tech = result.data.comparison.roles.find((r) => r.roleId === "tech_dev")!;
    expect(tech.kind).toBe("added");
    const marketing = result.data.comparison.roles.find((r) => r.roleId === "marketing")!;
    expect(marketing.headcountB.max).toBeGreaterThan(marketing.headcountA.max);
    expect(result.data.comparison.headcountB.min).toBeGreaterThan(result.data.comparison.headcountA.min);
  });

  it("answers 400 naming a bad profile field of one side", async () => {
    const [scenarios, call, getUrl] = [loader, callRoute, get];
    const result = await call<{ profileProblems: string[]; comparison: unknown }>(
      scenarios,
      getUrl(
        "/scenarios?aModel=platform&aStage=growth&bModel=platform&bStage=growth&b_channels=platform:50&a_markets=0",
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data.profileProblems.sort()).toEqual(["a_markets", "b_channels"]);
    expect(result.data.comparison).toBeNull();
  });
});
