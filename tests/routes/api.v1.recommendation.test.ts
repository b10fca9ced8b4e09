import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/api.v1.recommendation";
import { MODEL_IDS, CORE_ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import { callRoute, get } from "../utils/route";

interface ApiRole {
  id: string;
  priority: string;
  tier: string;
  headcount: { min: number; max: number; isDefault?: boolean };
  sizing?: {
    applied: boolean;
    setBy: string | null;
    drivers: {
      driver: string;
      value: number | null;
      ratio: string;
      productDefault: boolean;
      next: { value: number } | null;
    }[];
  };
  addedBy?: string[];
  responsibilitiesByChannel?: { model: string; responsibilities: string[] }[];
  responsibilities: string[];
  skills: { id: string; requiredLevel: number }[];
  rationale: string[];
}
interface ApiBody {
  model: string;
  stage: string;
  roles: ApiRole[];
  links: { from: string; to: string; kind: string }[];
  error?: string;
  fields?: Record<string, { message: string; validIds: string[]; range?: { min: number; max: number } }>;
  channels?: { model: string; share: number }[];
}

/** The v1 fields only: what an answer said before sizing existed. */
function v1(body: ApiBody) {
  return {
    ...body,
    channels: undefined,
    drivers: undefined,
    roles: body.roles.map(({ sizing: _s, addedBy: _a, responsibilitiesByChannel: _r, headcount, ...rest }) => ({
      ...rest,
      headcount: { min: headcount.min, max: headcount.max },
    })),
  };
}

describe("GET /api/v1/recommendation", () => {
  it("answers the documented shape for b2b at growth", async () => {
    const result = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=b2b&stage=growth&lang=en"));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toContain("application/json");
    expect(result.data.model).toBe("b2b");
    expect(result.data.stage).toBe("growth");
    expect(result.data.roles.map((role) => role.id)).toEqual([...CORE_ROLE_IDS]);
    const tech = result.data.roles.find((role) => role.id === "tech_dev")!;
    expect(tech).toMatchObject({ priority: "core", tier: "growth" });
    expect(tech.headcount.min).toBeGreaterThanOrEqual(1);
    expect(tech.responsibilities.length).toBeGreaterThan(0);
    expect(tech.skills.every((skill) => skill.requiredLevel >= 1 && skill.requiredLevel <= 4)).toBe(true);
    expect(tech.rationale.length).toBeGreaterThan(0);
    expect(result.data.links).toContainEqual(
      expect.objectContaining({ from: "product_manager", to: "operations_manager", kind: "collaboration" }),
    );
  });

  it("answers in Chinese with lang=zh, and in English by default", async () => {
    const zh = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=platform&stage=startup&lang=zh"));
    const en = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=platform&stage=startup"));
    expect(zh.data.roles[0].responsibilities[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(en.data.roles[0].responsibilities[0]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("answers every model × stage pair with all seven roles", async () => {
    for (const model of MODEL_IDS) {
      for (const stage of STAGE_IDS) {
        const result = await callRoute<ApiBody>(loader, get(`/api/v1/recommendation?model=${model}&stage=${stage}`));
        expect(result.status).toBe(200);
        expect(result.data.roles).toHaveLength(7);
      }
    }
  });

  it("names the bad field and lists the valid ids in a 400", async () => {
    const result = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=shopify&stage=growth"));
    expect(result.status).toBe(400);
    expect(result.data.error).toBe("invalid_query");
    expect(Object.keys(result.data.fields!)).toEqual(["model"]);
    expect(result.data.fields!.model.validIds).toEqual([...MODEL_IDS]);
    expect(result.data.fields!.model.message).toContain("shopify");
  });

  it("names every missing or bad field at once", async () => {
    const result = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?lang=fr"));
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.fields!).sort()).toEqual(["lang", "model", "stage"]);
    expect(result.data.fields!.stage.validIds).toEqual([...STAGE_IDS]);
    expect(result.data.fields!.lang.validIds).toEqual(["zh", "en"]);
  });

  it("without drivers answers exactly as before sizing, and channels=X:100 exactly as model=X", async () => {
    const { recommendOrgChart } = await import("../../app/domain/recommendation");
    const { toRecommendationJson } = await import("../../app/domain/recommendation-json");
    const { shippedPlaybook } = await import("../../app/domain/playbook");
    for (const model of MODEL_IDS) {
      const byModel = await callRoute<ApiBody>(
        loader,
        get(`/api/v1/recommendation?model=${model}&stage=growth&lang=zh`),
      );
      const byChannel = await callRoute<ApiBody>(
        loader,
        get(`/api/v1/recommendation?channels=${model}:100&stage=growth&lang=zh`),
      );
      expect(v1(byModel.data)).toEqual({
        ...toRecommendationJson(recommendOrgChart(model, "growth", shippedPlaybook), "zh"),
        channels: undefined,
        drivers: undefined,
      });
      expect(byChannel.data).toEqual(byModel.data);
      expect(byModel.data.roles.every((role) => role.headcount.isDefault === true)).toBe(true);
    }
    const sizedA = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?model=platform&stage=growth&stores=8&ordersPerDay=900"),
    );
    const sizedB = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?channels=platform:100&stage=growth&stores=8&ordersPerDay=900"),
    );
    expect(sizedB.data).toEqual(sizedA.data);
  });

  it("sizes headcount by the drivers and says why", async () => {
    const result = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?model=platform&stage=growth&stores=8&lang=en"),
    );
    expect(result.status).toBe(200);
    const ops = result.data.roles.find((role) => role.id === "operations_manager")!;
    expect(ops.headcount).toEqual({ min: 3, max: 4, isDefault: true });
    expect(ops.sizing!.setBy).toBe("stores");
    const stores = ops.sizing!.drivers.find((d) => d.driver === "stores")!;
    expect(stores).toMatchObject({
      value: 8,
      ratio: "one operator per 2–3 stores",
      productDefault: true,
      next: { value: 9 },
    });
  });

  it("takes several channels: priorities are the highest of any channel, added roles name their channel", async () => {
    const result = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?channels=platform:70,independent_site:30&stage=growth&markets=4&lang=en"),
    );
    expect(result.status).toBe(200);
    expect(result.data.model).toBe("platform");
    expect(result.data.channels).toEqual([
      { model: "platform", share: 70 },
      { model: "independent_site", share: 30 },
    ]);
    const tech = result.data.roles.find((role) => role.id === "tech_dev")!;
    expect(tech.priority).toBe("core");
    expect(tech.addedBy).toEqual(["independent_site"]);
    const ops = result.data.roles.find((role) => role.id === "operations_manager")!;
    expect(ops.responsibilitiesByChannel!.map((c) => c.model)).toEqual(["platform", "independent_site"]);
  });

  it("names each bad channel or driver field in a 400, with the valid ids and ranges", async () => {
    const cases: [string, string[]][] = [
      ["channels=platform:60,temu:40&stage=growth", ["channels"]],
      ["channels=platform:60,b2b:30&stage=growth", ["channels"]],
      ["channels=platform:50,platform:50&stage=growth", ["channels"]],
      ["channels=platform&stage=growth", ["channels"]],
      [
        "model=platform&stage=growth&markets=0&stores=2.5&skus=-1&languages=abc",
        ["languages", "markets", "skus", "stores"],
      ],
      ["model=platform&channels=platform:100&stage=growth", ["model"]],
      ["channels=b2b:100&b2bAccounts=100001", ["b2bAccounts", "stage"]],
    ];
    for (const [query, fields] of cases) {
      const result = await callRoute<ApiBody>(loader, get(`/api/v1/recommendation?${query}`));
      expect(result.status, query).toBe(400);
      expect(Object.keys(result.data.fields!).sort(), query).toEqual(fields);
    }
    const unknown = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?channels=platform:60,temu:40&stage=growth"),
    );
    expect(unknown.data.fields!.channels.validIds).toEqual([...MODEL_IDS]);
    expect(unknown.data.fields!.channels.message).toContain("temu");
    const twice = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?channels=platform:50,platform:50&stage=growth"),
    );
    expect(twice.data.fields!.channels.message).toContain("given twice");
    const total = await callRoute<ApiBody>(
      loader,
      get("/api/v1/recommendation?channels=platform:60,b2b:30&stage=growth"),
    );
    expect(total.data.fields!.channels.message).toContain("add up to 90");
    const range = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=platform&stage=growth&markets=0"));
    expect(range.data.fields!.markets.range).toEqual({ min: 1, max: 250 });
    expect(range.data.fields!.markets.message).toContain("1 to 250");
  });
});
