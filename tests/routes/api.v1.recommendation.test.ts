import { describe, expect, it } from "vitest";
import { loader } from "../../app/routes/api.v1.recommendation";
import { MODEL_IDS, ROLE_IDS, STAGE_IDS } from "../../app/domain/types";
import { callRoute, get } from "../utils/route";

interface ApiRole {
  id: string;
  priority: string;
  tier: string;
  headcount: { min: number; max: number };
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
  fields?: Record<string, { message: string; validIds: string[] }>;
}

describe("GET /api/v1/recommendation", () => {
  it("answers the documented shape for b2b at growth", async () => {
    const result = await callRoute<ApiBody>(loader, get("/api/v1/recommendation?model=b2b&stage=growth&lang=en"));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toContain("application/json");
    expect(result.data.model).toBe("b2b");
    expect(result.data.stage).toBe("growth");
    expect(result.data.roles.map((role) => role.id)).toEqual([...ROLE_IDS]);
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
});
