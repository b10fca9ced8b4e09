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

  it("sends the reader's language only: no English text in a Chinese page's data, and the other way round", async () => {
    const zh = await callRoute<PlannerData>(loader, get("/planner?model=b2b&stage=growth&lang=zh"));
    const en = await callRoute<PlannerData>(loader, get("/planner?model=b2b&stage=growth&lang=en"));
    const ops = (data: PlannerData) => data.recommendation!.roles.find((role) => role.id === "operations_manager")!;
    expect(ops(zh.data).label).toEqual({ zh: "运营经理", en: "运营经理" });
    expect(ops(en.data).label).toEqual({ zh: "Operations manager", en: "Operations manager" });
    const b2b = (data: PlannerData) => data.models.find((model) => model.id === "b2b")!;
    expect(b2b(zh.data).label.en).toBe(b2b(zh.data).label.zh);
    expect(JSON.stringify(zh.data)).not.toContain("Operations manager");
    expect(JSON.stringify(en.data)).not.toContain("运营经理");
    // the shared playbook itself keeps both languages: a second reader gets theirs
    const zhAgain = await callRoute<PlannerData>(loader, get("/planner?model=b2b&stage=growth&lang=zh"));
    expect(b2b(zhAgain.data).label).toEqual(b2b(zh.data).label);
    expect(b2b(en.data).label.en).not.toBe(b2b(zh.data).label.zh);
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
    const result = await callRoute<PlannerData>(
      loader,
      get("/planner?model=b2b&stage=growth&utm_source=x&foo=1&foo=2"),
    );
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
    const byParam = await callRoute<PlannerData>(
      loader,
      get("/planner?lang=en", { Cookie: zhCookie, "Accept-Language": "zh-CN" }),
    );
    expect(byParam.data.lang).toBe("en");
    const byCookie = await callRoute<PlannerData>(
      loader,
      get("/planner", { Cookie: enCookie, "Accept-Language": "zh-CN" }),
    );
    expect(byCookie.data.lang).toBe("en");
    const byHeader = await callRoute<PlannerData>(loader, get("/planner", { "Accept-Language": "en-GB,en;q=0.8" }));
    expect(byHeader.data.lang).toBe("en");
    const fallback = await callRoute<PlannerData>(loader, get("/planner"));
    expect(fallback.data.lang).toBe("zh");
  });
});

describe("planner sized to a business profile in the address", () => {
  it("sizes to channels and drivers given in the address, and says why per role", async () => {
    const result = await callRoute<PlannerData>(
      loader,
      get("/planner?channels=platform:70,independent_site:30&stage=growth&stores=8&ordersPerDay=900"),
    );
    expect(result.status).toBe(200);
    const rec = result.data.recommendation!;
    expect(rec.model).toBe("platform");
    expect(result.data.query.model).toBe("platform");
    const ops = rec.roles.find((role) => role.id === "operations_manager")!;
    expect(ops.headcount).toEqual({ min: 3, max: 4, isDefault: false });
    expect(ops.sizing.drivers.find((d) => d.driver === "stores")!.next).toEqual({
      value: 9,
      headcount: { min: 3, max: 5 },
    });
    expect(rec.roles.find((role) => role.id === "tech_dev")!.addedBy).toEqual(["independent_site"]);
    expect(result.data.query.unknownParams).toEqual([]);
  });

  it("without drivers gives the same headcounts as before", async () => {
    const { recommendOrgChart } = await import("../../app/domain/recommendation");
    const { shippedPlaybook } = await import("../../app/domain/playbook");
    const result = await callRoute<PlannerData>(loader, get("/planner?model=b2b&stage=growth"));
    const v1 = recommendOrgChart("b2b", "growth", shippedPlaybook);
    expect(result.data.recommendation!.roles.map((r) => [r.priority, r.headcount.min, r.headcount.max])).toEqual(
      v1.roles.map((r) => [r.priority, r.headcount.min, r.headcount.max]),
    );
  });

  it("turns the form's per-model shares into channels in the address, dropping empty fields", async () => {
    const result = await callRoute(
      loader,
      get(
        "/planner?model=b2b&stage=growth&share_platform=60&share_independent_site=40&share_b2b=&stores=5&skus=&lang=en",
      ),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(
      "/planner?stage=growth&stores=5&lang=en&channels=platform%3A60%2Cindependent_site%3A40",
    );
    const none = await callRoute(loader, get("/planner?model=b2b&stage=growth&share_platform=&share_b2b="));
    expect(none.headers.get("Location")).toBe("/planner?model=b2b&stage=growth");
  });

  it("answers 400 naming bad channels or drivers, and keeps the page", async () => {
    const result = await callRoute<PlannerData>(
      loader,
      get("/planner?channels=platform:60,b2b:30&stage=growth&markets=0"),
    );
    expect(result.status).toBe(400);
    expect(result.data.recommendation).toBeNull();
    expect(result.data.sizing.problems.map((p) => p.field).sort()).toEqual(["channels", "markets"]);
  });

  it("starts a signed-in organisation from its business profile", async () => {
    const { createCast, cookieFor } = await import("../utils/actors");
    const { saveBusinessProfile } = await import("../../app/models/business-profile.server");
    const cast = await createCast();
    await saveBusinessProfile({
      organisationId: cast.organisation.id,
      actorUserId: cast.admin.id,
      channels: [
        { model: "platform", share: 80 },
        { model: "b2b", share: 20 },
      ],
      drivers: { stores: 6, b2bAccounts: 30 },
      version: 1,
      ipAddress: null,
    });
    const result = await callRoute(loader, get("/planner", { Cookie: await cookieFor(cast.member.id) }));
    expect(result.headers.get("Location")).toBe(
      "/planner?stage=growth&channels=platform%3A80%2Cb2b%3A20&stores=6&b2bAccounts=30",
    );
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
      post(
        "/planner?model=b2b&stage=mature",
        { intent: "use_for_organisation", model: "b2b", stage: "mature" },
        { Cookie: cookie },
      ),
    );
    expect(result.status).toBe(200);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: cast.organisation.id } });
    expect([organisation.operatingModel, organisation.stage]).toEqual(["b2b", "mature"]);
    const events = await db.securityEvent.findMany({
      where: { organisationId: cast.organisation.id, type: "organisation_updated" },
    });
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
