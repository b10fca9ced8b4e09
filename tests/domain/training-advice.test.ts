import { describe, expect, it } from "vitest";
import { shippedPlaybook } from "../../app/domain/playbook";
import {
  adviceFor,
  proposePlan,
  SKILL_TRAINING_ADVICE,
  suggestedKind,
  TRAINING_KINDS,
} from "../../app/domain/training-advice";

describe("training advice", () => {
  it("covers every skill of the shipped playbook, and no skill it lacks", () => {
    expect(Object.keys(SKILL_TRAINING_ADVICE).sort()).toEqual(shippedPlaybook.skills.map((skill) => skill.id).sort());
  });

  it("uses only the six kinds of activity and cites the source in both languages", () => {
    for (const advice of Object.values(SKILL_TRAINING_ADVICE)) {
      expect(TRAINING_KINDS).toContain(advice.small);
      expect(TRAINING_KINDS).toContain(advice.large);
      expect(advice.reason.zh).toMatch(/原文第四节/);
      expect(advice.reason.en).toMatch(/§四/);
    }
  });

  it("suggests a kind by the size of the gap, from the source's advice", () => {
    expect(suggestedKind("bi_tools", 1)).toBe("course"); // train BI-tool skills first
    expect(suggestedKind("international_regulation", 2)).toBe("outside_expert"); // bring in outside experts
    expect(suggestedKind("platform_rules", 1)).toBe("industry_training"); // regular industry training
    expect(suggestedKind("ad_buying", 0)).toBeNull();
    expect(adviceFor("not_a_skill").small).toBe("mentoring");
  });
});

describe("proposePlan", () => {
  const gaps = [
    { skillId: "platform_rules", assessed: 3 as const, required: 3 as const, gap: 0 },
    { skillId: "erp_crm_tools", assessed: 1 as const, required: 2 as const, gap: 1 },
    { skillId: "ad_buying", assessed: 0 as const, required: 3 as const, gap: 3 },
    { skillId: "multi_language_culture", assessed: 1 as const, required: 2 as const, gap: 1 },
  ];

  it("proposes one item per open gap, largest first, from the member's level to the required one", () => {
    const plan = proposePlan(gaps, new Set(), "2026-06-15");
    expect(plan.map((item) => [item.skillId, item.fromLevel, item.targetLevel, item.kind])).toEqual([
      ["ad_buying", 0, 3, "certification"],
      ["erp_crm_tools", 1, 2, "on_the_job"],
      ["multi_language_culture", 1, 2, "mentoring"],
    ]);
    expect(plan[0]).toMatchObject({ startDate: "2026-06-15", dueDate: "2026-10-19", hours: 72 });
  });

  it("skips gaps an open item already covers", () => {
    expect(
      proposePlan(gaps, new Set(["ad_buying", "erp_crm_tools"]), "2026-06-15").map((item) => item.skillId),
    ).toEqual(["multi_language_culture"]);
  });
});
