import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/planner";
import { MODEL_IDS, STAGE_IDS } from "../../app/domain/types";
import { languageCookie } from "../../app/utils/i18n.server";
import { callRoute, get, post } from "../utils/route";

type PlannerData = Awaited<ReturnType<typeof loader>>["data"];

describe("planner loader", () => {
  it("recommends the seven roles for every model and stage in the address", async () => {
    for (const model of MODEL_IDS) {
      for (const stage of STAGE_IDS) {
        const result = await callRoute<PlannerData>(loader, get(`/planner?model=${model}&stage=${stage}`));
        expect(result.status).toBe(200);
        expect(result.data.recommendation?.model).toBe(model);
        expect(result.data.recommendation?.stage).toBe(stage);
        expect(result.data.recommendation?.roles).toHaveLength(7);
        expect(result.data.query.problems).toEqual([]);
      }
    }
  });

  it("asks for a choice, without an error, when nothing is chosen", async () => {
    const result = await callRoute<PlannerData>(loader, get("/planner"));
    expect(result.status).toBe(200);
    expect(result.data.recommendation).toBeNull();
    expect(result.data.query.problems.map((problem) => [problem.field, problem.kind])).toEqual([
      ["model", "missing"],
      ["stage", "missing"],
    ]);
    // the picker still has everything to choose from
    expect(result.data.models).toHaveLength(5);
    expect(result.data.stages).toHaveLength(3);
  });

  it("names the missing field when only one is given", async () => {
    const result = await callRoute<PlannerData>(loader, get("/planner?model=b2b"));
    expect(result.status).toBe(200);
    expect(result.data.recommendation).toBeNull();
    expect(result.data.query.model).toBe("b2b");
    expect(result.data.query.problems).toEqual([expect.objectContaining({ field: "stage", kind: "missing" })]);
  });

  it("answers 400 with the invalid value and the valid ids for garbage", async () => {
    const result = await callRoute<PlannerData>(loader, get("/planner?model=amazon&stage=growth"));
    expect(result.status).toBe(400);
    expect(result.data.recommendation).toBeNull();
    expect(result.data.query.problems).toEqual([
      { field: "model", kind: "invalid", value: "amazon", validIds: MODEL_IDS },
    ]);
  });

  it("reports unknown parameters but still answers", async () => {
    const result = await callRoute<PlannerData>(loader, get("/planner?model=b2b&stage=growth&utm_source=x&foo=1&foo=2"));
    expect(result.status).toBe(200);
    expect(result.data.recommendation?.model).toBe("b2b");
    expect(result.data.query.unknownParams).toEqual(["foo", "utm_source"]);
  });

  it("shortens very long garbage before echoing it", async () => {
    const result = await callRoute<PlannerData>(loader, get(`/planner?model=${"x".repeat(5000)}&stage=mature`));
    expect(result.status).toBe(400);
    expect(result.data.query.problems[0].value).toHaveLength(60);
  });

  it("opens a role's panel from the address and rejects an unknown role", async () => {
    const ok = await callRoute<PlannerData>(loader, get("/planner?model=independent_site&stage=growth&role=tech_dev"));
    expect(ok.data.query.role).toBe("tech_dev");
    const bad = await callRoute<PlannerData>(loader, get("/planner?model=independent_site&stage=growth&role=ceo"));
    expect(bad.status).toBe(400);
    expect(bad.data.query.role).toBeNull();
    expect(bad.data.recommendation?.roles).toHaveLength(7);
  });

  it("takes the language from ?lang=, then the cookie, then Accept-Language", async () => {
    const zhCookie = (await languageCookie.serialize("zh")).split(";")[0];
    const enCookie = (await languageCookie.serialize("en")).split(";")[0];
    const byParam = await callRoute<PlannerData>(loader, get("/planner?lang=en", { Cookie: zhCookie, "Accept-Language": "zh-CN" }));
    expect(byParam.data.lang).toBe("en");
    const byCookie = await callRoute<PlannerData>(loader, get("/planner", { Cookie: enCookie, "Accept-Language": "zh-CN" }));
    expect(byCookie.data.lang).toBe("en");
    const byHeader = await callRoute<PlannerData>(loader, get("/planner", { "Accept-Language": "en-GB,en;q=0.8" }));
    expect(byHeader.data.lang).toBe("en");
    const fallback = await callRoute<PlannerData>(loader, get("/planner"));
    expect(fallback.data.lang).toBe("zh");
  });
});

describe("planner for a signed-in organisation", () => {
  it("starts from the organisation's current model and stage", async () => {
    const { createCast } = await import("../utils/actors");
    const { cookieFor } = await import("../utils/actors");
    const cast = await createCast();
    const result = await callRoute(loader, get("/planner?lang=en", { Cookie: await cookieFor(cast.member.id) }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/planner?lang=en&model=platform&stage=growth");
  });

  it("lets a manager make the chosen model and stage the organisation's current ones", async () => {
    const { createCast, cookieFor } = await import("../utils/actors");
    const { db } = await import("../../app/utils/db.server");
    const cast = await createCast();
    const cookie = await cookieFor(cast.manager.id);
    const result = await callRoute(
      action,
      post("/planner?model=b2b&stage=mature", { intent: "use_for_organisation", model: "b2b", stage: "mature" }, { Cookie: cookie }),
    );
    expect(result.status).toBe(200);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect([organisation.operatingModel, organisation.stage]).toEqual(["b2b", "mature"]);
    const events = await db.securityEvent.findMany({ where: { organisationId: cast.organisation.id, type: "organisation_updated" } });
    expect(events).toHaveLength(1);
  });

  it("refuses members (403), anonymous visitors (sign in) and bad ids (400), changing nothing", async () => {
    const { createCast, cookieFor } = await import("../utils/actors");
    const { db } = await import("../../app/utils/db.server");
    const cast = await createCast();
    const form = { intent: "use_for_organisation", model: "b2b", stage: "mature" };
    const member = await callRoute(action, post("/planner", form, { Cookie: await cookieFor(cast.member.id) }));
    expect(member.status).toBe(403);
    const anonymous = await callRoute(action, post("/planner", form));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    const bad = await callRoute<{ errors: Record<string, string[]> }>(
      action,
      post("/planner", { ...form, model: "shopify" }, { Cookie: await cookieFor(cast.admin.id) }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.model?.[0]).toContain("platform");
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect([organisation.operatingModel, organisation.stage]).toEqual(["platform", "growth"]);
  });
});
