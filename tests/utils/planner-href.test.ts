import { describe, expect, it } from "vitest";
import { parseSizingQuery, plannerHref } from "../../app/utils/sizing-query";

describe("plannerHref: the planner's address for an organisation as it is", () => {
  it("without a business profile: the operating model and the stage", () => {
    expect(plannerHref({ operatingModel: "b2b", stage: "mature", channels: [], drivers: {} })).toBe(
      "/planner?model=b2b&stage=mature",
    );
  });

  it("with a profile: its channels and drivers instead of the model, which the planner reads back as given", () => {
    const href = plannerHref({
      operatingModel: "platform",
      stage: "growth",
      channels: [
        { model: "platform", share: 85 },
        { model: "independent_site", share: 15 },
      ],
      drivers: { stores: 10, markets: 9 },
    });
    const query = new URL(href, "http://localhost").searchParams;
    expect(query.get("model")).toBeNull();
    expect(query.get("stage")).toBe("growth");
    expect(query.get("stores")).toBe("10");
    expect(query.get("markets")).toBe("9");
    expect(query.get("skus")).toBeNull();
    expect(parseSizingQuery(query)).toEqual({
      channels: [
        { model: "platform", share: 85 },
        { model: "independent_site", share: 15 },
      ],
      drivers: { stores: 10, markets: 9 },
      problems: [],
    });
  });
});
