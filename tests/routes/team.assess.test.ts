import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { action, loader } from "../../app/routes/team.assess";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Row = {
  key: string;
  memberId: string;
  memberName: string;
  skillId: string;
  required: number;
  last: { id: string; level: number; assessedOn: string } | null;
  assessable: boolean;
};
type Page = { grid: { rows: Row[]; memberName: string | null; truncated: boolean } | null; saved: number | null };
type Reply = { lastResult: { error: Record<string, string[]> | null; initialValue: Record<string, unknown> | null } };

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });
/** Ana and Ben sit in operations; Sue in supply chain; Hal is HR's own member record, in operations. */
const ids = { ana: "", ben: "", sue: "", hal: "" };

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "leadSupply", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
  const organisationId = cast.organisation.id;
  const make = (name: string, role: "operations_manager" | "supply_chain", userId?: string) =>
    db.member.create({
      data: {
        organisationId,
        name,
        department: role,
        userId,
        roles: { create: [{ roleId: role, sharePercent: 100 }] },
      },
    });
  ids.ana = (await make("Ana", "operations_manager")).id;
  ids.ben = (await make("Ben", "operations_manager")).id;
  ids.sue = (await make("Sue", "supply_chain")).id;
  ids.hal = (await make("Hal", "operations_manager", cast.hr.id)).id;
});

beforeEach(async () => {
  await db.skillAssessment.deleteMany({ where: { organisationId: cast.organisation.id } });
  await db.skillAssessment.create({
    data: {
      organisationId: cast.organisation.id,
      memberId: ids.ana,
      skillId: "ad_buying",
      level: 2,
      assessedOn: new Date("2026-01-05"),
      assessorName: "Earlier",
      note: "SECRET NOTE",
    },
  });
});

const count = () => db.skillAssessment.count({ where: { organisationId: cast.organisation.id } });
const memberGrid = (memberId: string) => `/team/assess?member=${memberId}`;
const departmentGrid = (department: string, skill: string) => `/team/assess?department=${department}&skill=${skill}`;

/** The form as the page sends it, with `typed` levels (and notes) over what each row shows. */
function gridForm(rows: Row[], typed: Record<string, { level?: string; note?: string }>, assessedOn = "2026-02-01") {
  const form: Record<string, string> = { assessedOn };
  rows.forEach((row, index) => {
    const shown = row.last ? String(row.last.level) : "";
    const change = typed[row.skillId] ?? typed[row.memberId] ?? {};
    Object.assign(form, {
      [`cells[${index}].memberId`]: row.memberId,
      [`cells[${index}].skillId`]: row.skillId,
      [`cells[${index}].was`]: shown,
      [`cells[${index}].seen`]: row.last?.id ?? "",
      [`cells[${index}].level`]: change.level ?? shown,
      [`cells[${index}].note`]: change.note ?? "",
    });
  });
  return form;
}

async function rowsOf(url: string, who: string): Promise<Row[]> {
  const page = await callRoute<Page>(loader, get(url, as(who)));
  expect(page.status).toBe(200);
  return page.data.grid?.rows ?? [];
}

describe("GET /team/assess", () => {
  it("shows one member with every skill of their roles, each with the last level and its date, and no notes", async () => {
    const page = await callRoute<Page>(loader, get(memberGrid(ids.ana), as("leadOps")));
    expect(page.status).toBe(200);
    expect(page.data.grid?.memberName).toBe("Ana");
    expect(
      page.data.grid?.rows.map((row) => [
        row.skillId,
        row.required,
        row.last?.level ?? null,
        row.last?.assessedOn ?? null,
      ]),
    ).toEqual([
      ["platform_rules", 3, null, null],
      ["ad_buying", 3, 2, "2026-01-05"],
      ["multi_language_culture", 2, null, null],
      ["erp_crm_tools", 2, null, null],
    ]);
    expect(JSON.stringify(page.data)).not.toContain("SECRET NOTE");
    expect(JSON.stringify(page.data)).not.toContain("Earlier");
  });

  it("shows a department on one skill: everyone in it, the reader's own row not assessable", async () => {
    const rows = await rowsOf(departmentGrid("operations_manager", "ad_buying"), "hr");
    expect(rows.map((row) => [row.memberName, row.last?.level ?? null, row.assessable])).toEqual([
      ["Ana", 2, true],
      ["Ben", null, true],
      ["Hal", null, false],
    ]);
  });

  it("offers a choice of department and skill when the address names no grid", async () => {
    const page = await callRoute<Page>(loader, get("/team/assess?department=operations_manager", as("hr")));
    expect(page.status).toBe(200);
    expect(page.data.grid).toBeNull();
  });

  it("lets only those who may assess open a grid: the same rule as a single assessment", async () => {
    expect((await callRoute(loader, get(memberGrid(ids.ana), as("member")))).status).toBe(403);
    expect((await callRoute(loader, get(memberGrid(ids.ana), as("leadSupply")))).status).toBe(403);
    expect(
      (await callRoute(loader, get(departmentGrid("operations_manager", "ad_buying"), as("leadSupply")))).status,
    ).toBe(403);
    expect((await callRoute(loader, get(departmentGrid("supply_chain", "ad_buying"), as("leadSupply")))).status).toBe(
      200,
    );
    // nobody assesses themselves
    expect((await callRoute(loader, get(memberGrid(ids.hal), as("hr")))).status).toBe(403);
    // another organisation's member, or none at all
    expect((await callRoute(loader, get(memberGrid(ids.ana), as("otherAdmin")))).status).toBe(404);
    expect((await callRoute(loader, get(memberGrid("cunknown123"), as("hr")))).status).toBe(404);
    expect((await callRoute(loader, get(memberGrid(ids.ana)))).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("POST /team/assess", () => {
  it("writes one history row per changed cell, in one submit, and nothing for unchanged cells", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "leadOps");
    const before = await count();
    const form = gridForm(rows, {
      platform_rules: { level: "3" },
      ad_buying: { level: "2" },
      erp_crm_tools: { level: "１", note: "Learns the ERP" },
    });
    const client = db as unknown as { $transaction: (...args: unknown[]) => unknown };
    const original = client.$transaction;
    const transactions = vi.fn((...args: unknown[]) => original.apply(db, args));
    client.$transaction = transactions;
    let result;
    try {
      result = await callRoute(action, post(memberGrid(ids.ana), form, as("leadOps")));
    } finally {
      client.$transaction = original;
    }
    // one transaction writes every changed cell
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/team/assess?member=${ids.ana}&saved=2`);
    expect(await count()).toBe(before + 2);
    const written = await db.skillAssessment.findMany({
      where: { memberId: ids.ana, assessorUserId: cast.leadOps.id },
      orderBy: { skillId: "asc" },
    });
    expect(
      written.map((row) => [
        row.skillId,
        row.level,
        row.note,
        row.assessedOn.toISOString().slice(0, 10),
        row.assessorName,
      ]),
    ).toEqual([
      ["erp_crm_tools", 1, "Learns the ERP", "2026-02-01", cast.leadOps.name],
      ["platform_rules", 3, "", "2026-02-01", cast.leadOps.name],
    ]);
    const page = await callRoute<Page>(loader, get(`/team/assess?member=${ids.ana}&saved=2`, as("leadOps")));
    expect(page.data.saved).toBe(2);
    expect(page.data.grid?.rows.find((row) => row.skillId === "platform_rules")?.last).toMatchObject({
      level: 3,
      assessedOn: "2026-02-01",
    });
  });

  it("writes nothing when nothing changed, and says so", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    const result = await callRoute(action, post(memberGrid(ids.ana), gridForm(rows, {}), as("hr")));
    expect(result.headers.get("Location")).toBe(`/team/assess?member=${ids.ana}&saved=0`);
    expect(await count()).toBe(before);
  });

  it("counts the same level with a note as an assessment", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const result = await callRoute(
      action,
      post(memberGrid(ids.ana), gridForm(rows, { ad_buying: { note: "Still level 2" } }), as("hr")),
    );
    expect(result.headers.get("Location")).toBe(`/team/assess?member=${ids.ana}&saved=1`);
  });

  it("saves a department on one skill, never the assessor's own row", async () => {
    const rows = await rowsOf(departmentGrid("operations_manager", "platform_rules"), "hr");
    const ok = await callRoute(
      action,
      post(
        departmentGrid("operations_manager", "platform_rules"),
        gridForm(rows, { [ids.ana]: { level: "2" }, [ids.ben]: { level: "4" } }),
        as("hr"),
      ),
    );
    expect(ok.status).toBe(302);
    expect(await db.skillAssessment.count({ where: { skillId: "platform_rules", assessorUserId: cast.hr.id } })).toBe(
      2,
    );

    const before = await count();
    const fresh = await rowsOf(departmentGrid("operations_manager", "platform_rules"), "hr");
    const own = await callRoute<Reply>(
      action,
      post(
        departmentGrid("operations_manager", "platform_rules"),
        gridForm(fresh, { [ids.hal]: { level: "4" }, [ids.ben]: { level: "3" } }),
        as("hr"),
      ),
    );
    expect(own.status).toBe(400);
    const halIndex = fresh.findIndex((row) => row.memberId === ids.hal);
    expect(own.data.lastResult.error?.[`cells[${halIndex}].level`]).toEqual(["grid.errors.self"]);
    expect(await count()).toBe(before);
  });

  it("answers 400 per cell with the message beside it, keeps every typed value, and writes nothing", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    const form = gridForm(rows, {
      platform_rules: { level: "5" },
      ad_buying: { level: "3", note: "Typed note" },
      erp_crm_tools: { level: "x" },
    });
    const result = await callRoute<Reply>(action, post(memberGrid(ids.ana), form, as("hr")));
    expect(result.status).toBe(400);
    // a message per wrong cell, and one above the grid
    expect(Object.keys(result.data.lastResult.error ?? {}).sort()).toEqual(["", "cells[0].level", "cells[3].level"]);
    expect(result.data.lastResult.error?.[""]).toEqual(["grid.errors.refused"]);
    expect(result.data.lastResult.error?.["cells[0].level"]).toEqual(["grid.errors.level"]);
    expect(result.data.lastResult.initialValue).toMatchObject({
      cells: [{ level: "5" }, { level: "3", note: "Typed note" }, {}, { level: "x" }],
    });
    expect(await count()).toBe(before);
  });

  it("refuses a date in the future or missing, writing nothing", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    for (const assessedOn of ["2999-01-01", "", "01/02/2026"]) {
      const result = await callRoute<Reply>(
        action,
        post(memberGrid(ids.ana), gridForm(rows, { platform_rules: { level: "1" } }, assessedOn), as("hr")),
      );
      expect(result.status, assessedOn).toBe(400);
      expect(result.data.lastResult.error?.assessedOn, assessedOn).toHaveLength(1);
    }
    expect(await count()).toBe(before);
  });

  it("refuses the whole submit (409) when someone assessed a changed cell meanwhile; an untouched cell changed meanwhile is no obstacle", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    // someone else, after the grid was opened: ad_buying (which this submit changes) and platform_rules (which it leaves)
    for (const skillId of ["ad_buying", "platform_rules"]) {
      await db.skillAssessment.create({
        data: {
          organisationId: cast.organisation.id,
          memberId: ids.ana,
          skillId,
          level: 4,
          assessedOn: new Date("2026-01-20"),
          assessorName: "Other",
        },
      });
    }
    const before = await count();
    const conflict = await callRoute<Reply>(
      action,
      post(memberGrid(ids.ana), gridForm(rows, { ad_buying: { level: "3" }, erp_crm_tools: { level: "2" } }), as("hr")),
    );
    expect(conflict.status).toBe(409);
    expect(conflict.data.lastResult.error?.["cells[1].level"]).toEqual(["grid.errors.changedMeanwhile"]);
    expect(conflict.data.lastResult.error?.["cells[0].level"]).toBeUndefined();
    expect(await count()).toBe(before);
    // the grid reloaded shows the newer level; saving again is deliberate and lands
    const fresh = await rowsOf(memberGrid(ids.ana), "hr");
    expect(fresh[1].last?.level).toBe(4);
    const again = await callRoute(
      action,
      post(
        memberGrid(ids.ana),
        gridForm(fresh, { ad_buying: { level: "3" }, erp_crm_tools: { level: "2" } }),
        as("hr"),
      ),
    );
    expect(again.headers.get("Location")).toBe(`/team/assess?member=${ids.ana}&saved=2`);
  });

  it("refuses cells that are not part of the grid, or sent twice", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    const foreign = { ...gridForm(rows, {}), "cells[0].memberId": ids.sue, "cells[0].level": "1", "cells[0].was": "" };
    const result = await callRoute<Reply>(action, post(memberGrid(ids.ana), foreign, as("hr")));
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error?.["cells[0].level"]).toEqual(["grid.errors.notInGrid"]);
    const twice = {
      ...gridForm(rows, { platform_rules: { level: "2" } }),
      "cells[1].skillId": "platform_rules",
      "cells[1].level": "3",
      "cells[1].was": "",
      "cells[1].seen": "",
    };
    const duplicate = await callRoute<Reply>(action, post(memberGrid(ids.ana), twice, as("hr")));
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.lastResult.error?.["cells[1].level"]).toEqual(["grid.errors.duplicate"]);
    expect(await count()).toBe(before);
  });

  it("writes nothing for conform's validation request", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    const form = {
      ...gridForm(rows, { platform_rules: { level: "4" } }),
      __intent__: JSON.stringify({ type: "validate", payload: { name: "cells[0].level" } }),
    };
    const result = await callRoute(action, post(memberGrid(ids.ana), form, as("hr")));
    expect(result.status).not.toBe(302);
    expect(await count()).toBe(before);
  });

  it("lets only those who may assess save: 403 for others, 404 across organisations, nothing written", async () => {
    const rows = await rowsOf(memberGrid(ids.ana), "hr");
    const before = await count();
    const form = gridForm(rows, { platform_rules: { level: "4" } });
    for (const who of ["member", "leadSupply"])
      expect((await callRoute(action, post(memberGrid(ids.ana), form, as(who)))).status, who).toBe(403);
    expect((await callRoute(action, post(memberGrid(ids.ana), form, as("otherAdmin")))).status).toBe(404);
    expect((await callRoute(action, post(memberGrid(ids.hal), form, as("hr")))).status).toBe(403);
    expect((await callRoute(action, post("/team/assess", form, as("hr")))).status).toBe(404);
    expect(await count()).toBe(before);
  });
});
