import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recommendOrgChart } from "../../app/domain/recommendation";
import { shippedPlaybook, SIZING_TABLE } from "../../app/domain/playbook";
import {
  channelProblems,
  driverHeadcount,
  driverProblem,
  DRIVERS,
  orderChannels,
  PRIORITY_RANK,
  sizedRecommendation,
  type Channel,
  type Drivers,
  type SizedRecommendation,
} from "../../app/domain/sizing";
import { DRIVER_IDS, MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import type { DriverId, ModelId, OrgChartRecommendation, StageId } from "../../app/domain/types";

const playbook = shippedPlaybook;

/** The fields of a sized answer that v1 already had, so it can be compared with recommendOrgChart. */
function v1Shape(rec: SizedRecommendation): OrgChartRecommendation {
  return {
    model: rec.model,
    stage: rec.stage,
    roles: rec.roles.map(
      ({ sizing: _s, channels: _c, responsibilitiesDiffer: _d, addedBy: _a, headcount, ...rest }) => ({
        ...rest,
        headcount: { min: headcount.min, max: headcount.max },
      }),
    ),
    links: rec.links,
  };
}

const arbModel = fc.constantFrom<ModelId>(...MODEL_IDS);
const arbStage = fc.constantFrom<StageId>(...STAGE_IDS);
const arbDriverValue = (id: DriverId) =>
  fc.oneof(
    fc.integer({ min: DRIVERS[id].min, max: Math.min(DRIVERS[id].max, 5000) }),
    fc.integer({ min: DRIVERS[id].min, max: DRIVERS[id].max }),
  );
const arbDrivers: fc.Arbitrary<Drivers> = fc.record(
  Object.fromEntries(DRIVER_IDS.map((id) => [id, arbDriverValue(id)])) as Record<DriverId, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);
/** One to five distinct models with whole shares adding up to 100. */
const arbChannels: fc.Arbitrary<Channel[]> = fc.uniqueArray(arbModel, { minLength: 1, maxLength: 5 }).chain((models) =>
  fc.array(fc.integer({ min: 1, max: 100 }), { minLength: models.length, maxLength: models.length }).map((weights) => {
    // whole shares of at least 1 that add up to exactly 100
    const total = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => 1 + Math.floor((w / total) * (100 - models.length)));
    shares[0] += 100 - shares.reduce((a, b) => a + b, 0);
    return models.map((model, i) => ({ model, share: shares[i] }));
  }),
);

describe("sizedRecommendation: without drivers it is the v1 answer", () => {
  it.each(MODEL_IDS.flatMap((m) => STAGE_IDS.map((s) => [m, s] as const)))("%s at %s", (model, stage) => {
    const sized = sizedRecommendation({ playbook, channels: [{ model, share: 100 }], stage });
    expect(v1Shape(sized)).toEqual(recommendOrgChart(model, stage, playbook));
    for (const role of sized.roles) {
      expect(role.headcount.isDefault).toBe(true);
      expect(role.sizing.setBy).toBeNull();
      expect(role.addedBy).toEqual([]);
    }
  });

  it("drivers at or below the stage range change no number", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [{ model: "platform", share: 100 }],
      stage: "growth",
      drivers: { stores: 1, skus: 50, ordersPerDay: 20, markets: 1, languages: 1, b2bAccounts: 0 },
    });
    const v1 = recommendOrgChart("platform", "growth", playbook);
    expect(sized.roles.map((r) => [r.headcount.min, r.headcount.max])).toEqual(
      v1.roles.map((r) => [r.headcount.min, r.headcount.max]),
    );
  });
});

describe("sizedRecommendation: worked examples", () => {
  it("eight stores need three to four operators (one per 2–3 stores), a product default", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [{ model: "platform", share: 100 }],
      stage: "growth",
      drivers: { stores: 8 },
    });
    const ops = sized.roles.find((r) => r.id === "operations_manager")!;
    expect(ops.headcount).toEqual({ min: 3, max: 4, isDefault: true });
    expect(ops.sizing.base).toEqual({ min: 1, max: 3 });
    expect(ops.sizing.setBy).toBe("stores");
    const stores = ops.sizing.drivers.find((d) => d.driver === "stores")!;
    expect(stores.value).toBe(8);
    expect(stores.headcount).toEqual({ min: 3, max: 4 });
    // 9 stores ÷ 2 = 4.5 → 5 operators at most
    expect(stores.next).toEqual({ value: 9, headcount: { min: 3, max: 5 } });
    expect(ops.rationale.some((r) => r.topic === "headcount" && r.text.en.includes("Sized to 3–4"))).toBe(true);
  });

  it("orders size customer service from referenced figures, so the number is not a default", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [{ model: "platform", share: 100 }],
      stage: "growth",
      drivers: { ordersPerDay: 1000 },
    });
    const ops = sized.roles.find((r) => r.id === "operations_manager")!;
    // 1000 ÷ 390 → 3, 1000 ÷ 260 → 4
    expect(ops.headcount).toEqual({ min: 3, max: 4, isDefault: false });
    expect(ops.sizing.setBy).toBe("ordersPerDay");
  });

  it("the next step of a driver not given is the value at which it first raises the number", () => {
    const sized = sizedRecommendation({ playbook, channels: [{ model: "platform", share: 100 }], stage: "growth" });
    const ops = sized.roles.find((r) => r.id === "operations_manager")!;
    const stores = ops.sizing.drivers.find((d) => d.driver === "stores")!;
    expect(stores.value).toBeNull();
    expect(stores.headcount).toBeNull();
    // the stage range is 1–3: 4 stores ÷ 3 = 1.3 → at least 2 (the maximum moves only at 7 stores)
    expect(stores.next).toEqual({ value: 4, headcount: { min: 2, max: 3 } });
  });

  it("roles that are not core are not sized", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [{ model: "platform", share: 100 }],
      stage: "growth",
      drivers: { stores: 100 },
    });
    const tech = sized.roles.find((r) => r.id === "tech_dev")!;
    expect(tech.priority).toBe("optional");
    expect(tech.headcount).toEqual({ min: 0, max: 1, isDefault: true });
    expect(tech.sizing.applied).toBe(false);
  });

  it("a DTC channel beside a marketplace adds tech, marked with that channel, and shows responsibilities per channel", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [
        { model: "independent_site", share: 30 },
        { model: "platform", share: 70 },
      ],
      stage: "growth",
    });
    expect(sized.model).toBe("platform");
    expect(sized.channels.map((c) => c.model)).toEqual(["platform", "independent_site"]);
    const tech = sized.roles.find((r) => r.id === "tech_dev")!;
    expect(tech.priority).toBe("core");
    expect(tech.addedBy).toEqual(["independent_site"]);
    expect(tech.headcount).toMatchObject(recommendOrgChart("independent_site", "growth", playbook).roles[2].headcount);
    const ops = sized.roles.find((r) => r.id === "operations_manager")!;
    expect(ops.addedBy).toEqual([]);
    expect(ops.responsibilitiesDiffer).toBe(true);
    expect(ops.channels.map((c) => c.model)).toEqual(["platform", "independent_site"]);
    // compliance is later for a marketplace and not needed for a DTC site: later wins
    expect(sized.roles.find((r) => r.id === "compliance_risk")!.priority).toBe("later");
    expect(sized.links.some((l) => l.kind === "reporting" && l.to === "tech_dev")).toBe(true);
  });

  it("B2B accounts size the product people of a B2B exporter", () => {
    const sized = sizedRecommendation({
      playbook,
      channels: [{ model: "b2b", share: 100 }],
      stage: "growth",
      drivers: { b2bAccounts: 90 },
    });
    const pm = sized.roles.find((r) => r.id === "product_manager")!;
    expect(pm.headcount).toEqual({ min: 5, max: 9, isDefault: false });
  });
});

describe("sizedRecommendation: properties", () => {
  it("channels=X:100 answers exactly as model X, drivers or not", () => {
    fc.assert(
      fc.property(arbModel, arbStage, arbDrivers, (model, stage, drivers) => {
        const a = sizedRecommendation({ playbook, channels: [{ model, share: 100 }], stage, drivers });
        const rec = recommendOrgChart(model, stage, playbook);
        expect(a.roles.map((r) => r.priority)).toEqual(rec.roles.map((r) => r.priority));
        expect(a.links).toEqual(rec.links);
        for (const [i, r] of a.roles.entries()) {
          expect(r.headcount.min).toBeGreaterThanOrEqual(rec.roles[i].headcount.min);
          expect(r.headcount.max).toBeGreaterThanOrEqual(rec.roles[i].headcount.max);
          expect(r.headcount.min).toBeLessThanOrEqual(r.headcount.max);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("raising any one driver never lowers any role's headcount min or max", () => {
    fc.assert(
      fc.property(
        arbChannels,
        arbStage,
        arbDrivers,
        fc.constantFrom<DriverId>(...DRIVER_IDS),
        fc.integer({ min: 1, max: 100_000 }),
        (channels, stage, drivers, id, raise) => {
          const before = sizedRecommendation({ playbook, channels, stage, drivers });
          const from = drivers[id] ?? DRIVERS[id].min;
          const raised = { ...drivers, [id]: Math.min(DRIVERS[id].max, from + raise) };
          const after = sizedRecommendation({ playbook, channels, stage, drivers: raised });
          for (const [i, r] of after.roles.entries()) {
            expect(r.headcount.min).toBeGreaterThanOrEqual(before.roles[i].headcount.min);
            expect(r.headcount.max).toBeGreaterThanOrEqual(before.roles[i].headcount.max);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("giving a driver at all never lowers a number (an absent driver counts as not given)", () => {
    fc.assert(
      fc.property(arbChannels, arbStage, arbDrivers, (channels, stage, drivers) => {
        const bare = sizedRecommendation({ playbook, channels, stage });
        const sized = sizedRecommendation({ playbook, channels, stage, drivers });
        for (const [i, r] of sized.roles.entries()) {
          expect(r.headcount.min).toBeGreaterThanOrEqual(bare.roles[i].headcount.min);
          expect(r.headcount.max).toBeGreaterThanOrEqual(bare.roles[i].headcount.max);
        }
      }),
    );
  });

  it("a later stage never lowers a headcount or a required level", () => {
    fc.assert(
      fc.property(arbChannels, arbDrivers, (channels, drivers) => {
        const answers = STAGE_IDS.map((stage) => sizedRecommendation({ playbook, channels, stage, drivers }));
        for (let s = 1; s < answers.length; s++) {
          for (const [i, r] of answers[s].roles.entries()) {
            const prev = answers[s - 1].roles[i];
            expect(r.headcount.min).toBeGreaterThanOrEqual(prev.headcount.min);
            expect(r.headcount.max).toBeGreaterThanOrEqual(prev.headcount.max);
            expect(PRIORITY_RANK[r.priority] >= PRIORITY_RANK[prev.priority] || prev.priority === "optional").toBe(
              true,
            );
            for (const [k, skill] of r.skills.entries()) {
              expect(skill.requiredLevel).toBeGreaterThanOrEqual(prev.skills[k].requiredLevel);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("with several channels each role takes the highest of its single-channel priorities", () => {
    fc.assert(
      fc.property(arbChannels, arbStage, arbDrivers, (channels, stage, drivers) => {
        const sized = sizedRecommendation({ playbook, channels, stage, drivers });
        const singles = channels.map((c) => recommendOrgChart(c.model, stage, playbook));
        for (const [i, r] of sized.roles.entries()) {
          const ranks = singles.map((s) => PRIORITY_RANK[s.roles[i].priority]);
          expect(PRIORITY_RANK[r.priority]).toBe(Math.max(...ranks));
          if (singles.some((s) => s.roles[i].priority === "core")) expect(r.priority).toBe("core");
          if (r.priority !== "not_needed") expect(r.priority).not.toBe("not_needed");
          // the headcount covers every channel that gives the role the same priority
          for (const s of singles) {
            if (s.roles[i].priority !== r.priority) continue;
            expect(r.headcount.min).toBeGreaterThanOrEqual(s.roles[i].headcount.min);
            expect(r.headcount.max).toBeGreaterThanOrEqual(s.roles[i].headcount.max);
          }
        }
        expect(sized.model).toBe(orderChannels(channels)[0].model);
      }),
      { numRuns: 300 },
    );
  });

  it("the channels' order does not change the answer, only which equal share counts as primary", () => {
    fc.assert(
      fc.property(arbChannels, arbStage, arbDrivers, (channels, stage, drivers) => {
        const a = sizedRecommendation({ playbook, channels, stage, drivers });
        const b = sizedRecommendation({
          playbook,
          channels: orderChannels(channels).reverse().reverse(),
          stage,
          drivers,
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it("each next step raises the role's number, and nothing smaller does", () => {
    fc.assert(
      fc.property(arbModel, arbStage, arbDrivers, (model, stage, drivers) => {
        const sized = sizedRecommendation({ playbook, channels: [{ model, share: 100 }], stage, drivers });
        for (const role of sized.roles) {
          for (const d of role.sizing.drivers) {
            if (!d.next) continue;
            const at = sizedRecommendation({
              playbook,
              channels: [{ model, share: 100 }],
              stage,
              drivers: { ...drivers, [d.driver]: d.next.value },
            });
            const r = at.roles.find((x) => x.id === role.id)!;
            expect({ min: r.headcount.min, max: r.headcount.max }).toEqual(d.next.headcount);
            expect(r.headcount.min > role.headcount.min || r.headcount.max > role.headcount.max).toBe(true);
            const before = d.next.value - 1;
            if (before > (d.value ?? DRIVERS[d.driver].min)) {
              const below = sizedRecommendation({
                playbook,
                channels: [{ model, share: 100 }],
                stage,
                drivers: { ...drivers, [d.driver]: before },
              });
              const rb = below.roles.find((x) => x.id === role.id)!;
              expect([rb.headcount.min, rb.headcount.max]).toEqual([role.headcount.min, role.headcount.max]);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("validation helpers and the table", () => {
  it("names unknown and repeated models and shares that do not add up to 100", () => {
    expect(channelProblems([{ model: "platform", share: 100 }])).toEqual([]);
    expect(channelProblems([{ model: "temu", share: 100 }]).map((p) => p.kind)).toEqual(["unknown_model"]);
    expect(
      channelProblems([
        { model: "platform", share: 50 },
        { model: "platform", share: 50 },
      ]).map((p) => p.kind),
    ).toEqual(["duplicate_model"]);
    expect(
      channelProblems([
        { model: "platform", share: 60 },
        { model: "b2b", share: 30 },
      ]).map((p) => p.kind),
    ).toEqual(["shares_total"]);
    expect(
      channelProblems([
        { model: "platform", share: 0 },
        { model: "b2b", share: 100 },
      ]).map((p) => p.kind),
    ).toEqual(["bad_share"]);
    expect(channelProblems([]).map((p) => p.kind)).toEqual(["empty"]);
  });

  it("a driver must be a whole number in its range", () => {
    expect(driverProblem("markets", 0)).toMatch(/1 to 250/);
    expect(driverProblem("stores", 2.5)).toMatch(/whole number/);
    expect(driverProblem("stores", 1001)).toMatch(/0 to 1000/);
    expect(driverProblem("languages", 1)).toBeNull();
  });

  it("ceil(value ÷ high) to ceil(value ÷ low)", () => {
    expect(driverHeadcount({ perPerson: { low: 2, high: 3 } }, 0)).toEqual({ min: 0, max: 0 });
    expect(driverHeadcount({ perPerson: { low: 2, high: 3 } }, 7)).toEqual({ min: 3, max: 4 });
  });

  it("every row names a known role and driver, a sane ratio in both languages, and a reference or says it is a default", () => {
    const seen = new Set<string>();
    for (const row of SIZING_TABLE) {
      expect(CORE_ROLE_IDS).toContain(row.roleId);
      expect(DRIVER_IDS).toContain(row.driver);
      expect(seen.has(`${row.roleId}:${row.driver}`)).toBe(false);
      seen.add(`${row.roleId}:${row.driver}`);
      expect(row.perPerson.low).toBeGreaterThan(0);
      expect(row.perPerson.low).toBeLessThanOrEqual(row.perPerson.high);
      expect(row.ratio.zh.trim()).not.toBe("");
      expect(row.ratio.en.trim()).not.toBe("");
      if (!row.productDefault) expect(row.references.length).toBeGreaterThan(0);
    }
    expect(playbook.sizing).toBe(SIZING_TABLE);
  });
});
