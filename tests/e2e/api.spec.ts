import { test, expect } from "@playwright/test";
import { MODELS, ROLES, ROLE_LABELS, STAGES, expectedPriority } from "./helpers";

test("GET /api/v1/recommendation answers JSON with the seven roles and their links", async ({ request }) => {
  const response = await request.get("/api/v1/recommendation?model=b2b&stage=growth&lang=en");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body).toMatchObject({ model: "b2b", stage: "growth", lang: "en" });
  expect(body.roles.map((role: { id: string }) => role.id)).toEqual([...ROLES]);
  for (const role of body.roles) {
    expect(role.label).toBe(ROLE_LABELS[role.id as (typeof ROLES)[number]].en);
    expect(role.priority, role.id).toBe(expectedPriority(role.id, "b2b", "growth"));
    expect(role.responsibilities.length, role.id).toBeGreaterThan(0);
    expect(role.skills.length, role.id).toBeGreaterThan(0);
    expect(role.rationale.length, role.id).toBeGreaterThan(0);
    expect(role.headcount.min).toBeLessThanOrEqual(role.headcount.max);
  }
  expect(body.roles.find((role: { id: string }) => role.id === "tech_dev").priority).toBe("core");

  expect(body.links.length).toBeGreaterThan(0);
  const kinds = new Set(body.links.map((link: { kind: string }) => link.kind));
  expect([...kinds].sort()).toEqual(["collaboration", "reporting"]);
  for (const link of body.links) {
    expect(typeof link.reason).toBe("string");
    expect(ROLES as readonly string[]).toContain(link.to);
  }
  expect(body.links).toContainEqual(expect.objectContaining({ from: "general_manager", kind: "reporting" }));
});

test("the API speaks Chinese with lang=zh and follows the rule for every model and stage", async ({ request }) => {
  const zh = await (await request.get("/api/v1/recommendation?model=platform&stage=mature&lang=zh")).json();
  expect(zh.lang).toBe("zh");
  expect(zh.roles.map((role: { label: string }) => role.label)).toEqual(ROLES.map((role) => ROLE_LABELS[role].zh));

  const answers = await Promise.all(
    MODELS.flatMap((model) =>
      STAGES.map(async (stage) => {
        const response = await request.get(`/api/v1/recommendation?model=${model}&stage=${stage}`);
        expect(response.status()).toBe(200);
        const body = await response.json();
        return { model, stage, priorities: body.roles.map((role: { priority: string }) => role.priority) };
      }),
    ),
  );
  for (const { model, stage, priorities } of answers) {
    expect(priorities, `${model}+${stage}`).toEqual(ROLES.map((role) => expectedPriority(role, model, stage)));
  }
});

test("a bad model answers 400 naming the field and its valid ids", async ({ request }) => {
  const response = await request.get("/api/v1/recommendation?model=amazon&stage=growth&lang=en");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error).toBe("invalid_query");
  expect(body.message).toContain("model");
  expect(body.message).toContain("amazon");
  expect(Object.keys(body.fields)).toEqual(["model"]);
  expect(body.fields.model.validIds).toEqual([...MODELS]);
});

test("a missing stage answers 400 naming the field", async ({ request }) => {
  const response = await request.get("/api/v1/recommendation?model=b2b");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error).toBe("invalid_query");
  expect(body.fields.stage.validIds).toEqual([...STAGES]);
  expect(body.fields.stage.message).toMatch(/stage is required/);
  expect(body.fields.model).toBeUndefined();
});
