import { describe, expect, it } from "vitest";
import { action as matrixAction, loader as matrixLoader } from "../../app/routes/ownership._index";
import { action as retireAction, loader as retireLoader } from "../../app/routes/ownership.steps.$stepKey_.retire";
import { action, loader } from "../../app/routes/ownership.steps._index";
import { action as stepAction } from "../../app/routes/ownership.steps.$stepKey";
import { db } from "../../app/utils/db.server";
import { callRoute, get, post } from "../utils/route";
import { ownershipWorld } from "../utils/ownership";

type StepsData = { steps: { key: string; section: string; name: { zh: string; en: string }; retired: boolean }[] };

describe("GET /ownership/steps", () => {
  it("lists the steps for admins; 403 for everyone else", async () => {
    const { as } = await ownershipWorld({ staffed: false });
    const result = await callRoute<StepsData>(loader, get("/ownership/steps", as("admin")));
    expect(result.status).toBe(200);
    expect(result.data.steps).toHaveLength(20);
    for (const who of ["manager", "leadOps", "hr", "member"] as const) {
      expect((await callRoute(loader, get("/ownership/steps", as(who)))).status).toBe(403);
    }
  });
});

describe("POST /ownership/steps", () => {
  it("adds a step at the end of its section, with an empty row (flagged)", async () => {
    const { as } = await ownershipWorld();
    const added = await callRoute(
      action,
      post(
        "/ownership/steps",
        { intent: "add", section: "logistics", nameZh: "海外仓管理", nameEn: "Overseas warehouse" },
        as("admin"),
      ),
    );
    expect(added.data).toEqual({ done: "added" });
    const { data } = await callRoute<StepsData>(loader, get("/ownership/steps", as("admin")));
    const logistics = data.steps.filter((step) => step.section === "logistics");
    expect(logistics.at(-1)?.name).toEqual({ zh: "海外仓管理", en: "Overseas warehouse" });
    const key = logistics.at(-1)!.key;
    expect(key).toMatch(/^custom_[a-z0-9]+$/);
    const matrix = await callRoute<{ report: { flagged: { stepKey: string; flags: { code: string }[] }[] } }>(
      matrixLoader,
      get("/ownership", as("member")),
    );
    expect(matrix.data.report.flagged).toEqual([
      { stepKey: key, flags: [{ code: "no_accountable" }, { code: "no_responsible" }] },
    ]);
  });

  it("answers 400 with a message per field and what was typed, and adds nothing", async () => {
    const { cast, as } = await ownershipWorld();
    const bad = await callRoute<{
      lastResult: { error: Record<string, string[]>; initialValue: Record<string, string> };
    }>(
      action,
      post("/ownership/steps", { intent: "add", section: "finance", nameZh: "", nameEn: "x".repeat(81) }, as("admin")),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult.error).toEqual({
      section: ["ownership.errors.section"],
      nameZh: ["ownership.errors.nameRequired"],
      nameEn: ["ownership.errors.tooLong"],
    });
    expect(bad.data.lastResult.initialValue.nameEn).toBe("x".repeat(81));
    expect(await db.processStep.count({ where: { organisationId: cast.organisation.id } })).toBe(0);
  });

  it("renames a step in both languages", async () => {
    const { as } = await ownershipWorld();
    await callRoute(
      action,
      post(
        "/ownership/steps",
        { intent: "rename", step: "listing", nameZh: "刊登", nameEn: "Listing on marketplaces", version: "1" },
        as("admin"),
      ),
    );
    const { data } = await callRoute<StepsData>(loader, get("/ownership/steps", as("admin")));
    expect(data.steps.find((step) => step.key === "listing")?.name).toEqual({
      zh: "刊登",
      en: "Listing on marketplaces",
    });
  });

  it("refuses a rename from a form loaded before someone else's rename, with both names, and lands once reloaded", async () => {
    const { as } = await ownershipWorld();
    const rename = (nameZh: string, nameEn: string, version: string) =>
      callRoute<{ conflict?: Array<{ field: string; theirs: string; yours: string }>; version?: number }>(
        action,
        post("/ownership/steps", { intent: "rename", step: "listing", nameZh, nameEn, version }, as("admin")),
      );
    expect((await rename("刊登", "Listing", "1")).status).toBe(200);
    const stale = await rename("上新", "Listing", "1");
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toEqual([{ field: "nameZh", theirs: "刊登", yours: "上新" }]);
    expect(stale.data.version).toBe(2);
    const names = async () =>
      (await callRoute<StepsData>(loader, get("/ownership/steps", as("admin")))).data.steps.find(
        (step) => step.key === "listing",
      )?.name;
    expect(await names()).toEqual({ zh: "刊登", en: "Listing" });
    // the same name again is no lost update, whatever the version
    expect((await rename("刊登", "Listing", "1")).status).toBe(200);
    expect((await rename("上新", "Listing", "2")).status).toBe(200);
    expect(await names()).toEqual({ zh: "上新", en: "Listing" });
  });

  it("moves a step up and down within its section; at the edge nothing changes", async () => {
    const { as } = await ownershipWorld();
    const move = (step: string, direction: string) =>
      callRoute<{ done?: string }>(action, post("/ownership/steps", { intent: "move", step, direction }, as("admin")));
    const core = async () =>
      (await callRoute<StepsData>(loader, get("/ownership/steps", as("admin")))).data.steps
        .filter((s) => s.section === "core")
        .map((s) => s.key);
    expect((await move("listing", "up")).data.done).toBe("moved");
    expect(await core()).toEqual(["listing", "product_selection", "operations", "shipping", "after_sales"]);
    expect((await move("listing", "up")).data.done).toBe("edge");
    await move("after_sales", "down");
    await move("product_selection", "down");
    expect(await core()).toEqual(["listing", "operations", "product_selection", "shipping", "after_sales"]);
    expect((await move("custom_nope", "down")).status).toBe(404);
  });

  it("refuses managers and leads (403)", async () => {
    const { as } = await ownershipWorld();
    for (const who of ["manager", "leadOps"] as const) {
      const result = await callRoute(
        action,
        post("/ownership/steps", { intent: "add", section: "systems", nameZh: "系统", nameEn: "System" }, as(who)),
      );
      expect(result.status).toBe(403);
    }
  });
});

describe("/ownership/steps/:stepKey/retire", () => {
  it("asks first, then retires: the step leaves the matrix and its open proposal lapses", async () => {
    const { cast, as } = await ownershipWorld();
    await callRoute(
      matrixAction,
      post(
        "/ownership?index",
        { intent: "set_cell", step: "customs_documents", role: "compliance_risk", letter: "A" },
        as("manager"),
      ),
    );
    await callRoute(
      stepAction,
      post(
        "/ownership/steps/customs_documents",
        { intent: "propose", owner: "supply_chain", reason: "Ours." },
        as("leadSupply"),
      ),
      {
        stepKey: "customs_documents",
      },
    );
    const confirm = await callRoute<{ step: { key: string } }>(
      retireLoader,
      get("/ownership/steps/customs_documents/retire", as("admin")),
      { stepKey: "customs_documents" },
    );
    expect(confirm.data.step.key).toBe("customs_documents");

    const unconfirmed = await callRoute(
      retireAction,
      post("/ownership/steps/customs_documents/retire", {}, as("admin")),
      { stepKey: "customs_documents" },
    );
    expect(unconfirmed.status).toBe(400);

    const done = await callRoute(
      retireAction,
      post("/ownership/steps/customs_documents/retire", { confirm: "yes" }, as("admin")),
      { stepKey: "customs_documents" },
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/ownership/steps?done=retired");
    const matrix = await callRoute<{ steps: { key: string }[]; report: { problems: number } }>(
      matrixLoader,
      get("/ownership", as("member")),
    );
    expect(matrix.data.steps.map((step) => step.key)).not.toContain("customs_documents");
    expect(matrix.data.report.problems).toBe(0);
    const proposal = await db.ownershipProposal.findFirst({ where: { organisationId: cast.organisation.id } });
    expect(proposal?.status).toBe("rejected");
    // a retired step cannot be retired again, nor edited
    expect(
      (
        await callRoute(retireLoader, get("/ownership/steps/customs_documents/retire", as("admin")), {
          stepKey: "customs_documents",
        })
      ).status,
    ).toBe(404);
    const edit = await callRoute(
      matrixAction,
      post(
        "/ownership?index",
        { intent: "set_cell", step: "customs_documents", role: "marketing", letter: "I" },
        as("manager"),
      ),
    );
    expect(edit.status).toBe(404);
  });

  it("is for admins only (403), and another organisation's step is not found (404)", async () => {
    const { as } = await ownershipWorld();
    expect(
      (await callRoute(retireLoader, get("/ownership/steps/listing/retire", as("manager")), { stepKey: "listing" }))
        .status,
    ).toBe(403);
    expect(
      (
        await callRoute(retireAction, post("/ownership/steps/listing/retire", { confirm: "yes" }, as("leadOps")), {
          stepKey: "listing",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(retireLoader, get("/ownership/steps/custom_elsewhere/retire", as("otherAdmin")), {
          stepKey: "custom_elsewhere",
        })
      ).status,
    ).toBe(404);
  });
});
