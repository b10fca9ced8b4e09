import { describe, expect, it } from "vitest";
import { shippedPlaybook } from "~/domain/playbook";
import { recommendOrgChart } from "~/domain/recommendation";
import { stageGuidanceFor } from "~/domain/stage-guidance";

describe("stageGuidanceFor", () => {
  it("distribution at growth adds data analysis and marks tech and marketing optional, as the chart does", () => {
    const rec = recommendOrgChart("distribution", "growth", shippedPlaybook);
    const guidance = stageGuidanceFor(rec);
    expect(guidance).toEqual({ add: ["data_analysis"], optional: ["tech_dev", "marketing"], later: [] });
    for (const id of guidance.optional) expect(rec.roles.find((r) => r.id === id)?.priority).toBe("optional");
  });

  it("an independent site at growth adds all three growth roles; compliance comes later", () => {
    const guidance = stageGuidanceFor(recommendOrgChart("independent_site", "growth", shippedPlaybook));
    expect(guidance.add.sort()).toEqual(["data_analysis", "marketing", "tech_dev"]);
    expect(guidance.optional).toEqual([]);
    expect(guidance.later).toEqual([]);
  });

  it("a marketplace startup adds the startup roles and names the ones that come later", () => {
    const guidance = stageGuidanceFor(recommendOrgChart("platform", "startup", shippedPlaybook));
    expect(guidance.add.sort()).toEqual(["operations_manager", "product_manager", "supply_chain"]);
    expect(guidance.later.sort()).toEqual(["compliance_risk", "data_analysis", "marketing"]);
  });
});
