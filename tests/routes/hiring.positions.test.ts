import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/hiring.positions.$positionId";
import { loader as hiringLoader } from "../../app/routes/hiring._index";
import { loader as csvLoader } from "../../app/routes/hiring.plan[.]csv";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get, post } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type Reply = {
  intent: string | null;
  lastResult: {
    error: Record<string, string[]> | null;
    initialValue: Record<string, unknown> | null;
    status?: string;
  } | null;
  conflict?: { field: string; theirs: string; yours: string }[];
  version?: number;
};
type HiringPage = {
  delta: { roles: { roleId: string; gap: number; fte: number }[]; totals: { gap: number } };
  figures: { filled: number; inPipeline: number };
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  await db.organisation.update({
    where: { id: cast.organisation.id },
    data: {
      operatingModel: "platform",
      stage: "startup",
      targetOperatingModel: "independent_site",
      targetStage: "growth",
    },
  });
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookie[name] = await cookieFor(cast[name].id);
});

async function newPosition(data: { roleId?: string; headcount?: number; status?: string } = {}) {
  const last = await db.hiringPosition.count({ where: { organisationId: cast.organisation.id } });
  return db.hiringPosition.create({
    data: {
      organisationId: cast.organisation.id,
      roleId: data.roleId ?? "tech_dev",
      headcount: data.headcount ?? 1,
      targetQuarter: "2027-Q1",
      sortOrder: last,
      status: data.status ?? "open",
    },
  });
}
const url = (id: string) => `/hiring/positions/${id}`;
const call = (handler: typeof action | typeof loader, request: Request, id: string) =>
  callRoute<Reply>(handler, request, { positionId: id });
const gapOf = async (roleId: string) =>
  (await callRoute<HiringPage>(hiringLoader, get("/hiring", as("manager")))).data.delta.roles.find(
    (r) => r.roleId === roleId,
  )!.gap;

describe("GET /hiring/positions/$positionId", () => {
  it("lets HR, managers and admins read a position, not leads or members (issue 14); another organisation and unknown ids get 404", async () => {
    const position = await newPosition();
    for (const who of ["hr", "manager", "admin"])
      expect((await call(loader, get(url(position.id), as(who)), position.id)).status).toBe(200);
    for (const who of ["member", "leadOps"])
      expect((await call(loader, get(url(position.id), as(who)), position.id)).status).toBe(403);
    expect((await call(loader, get(url(position.id), as("otherAdmin")), position.id)).status).toBe(404);
    expect((await call(loader, get(url("nope"), as("manager")), "nope")).status).toBe(404);
    expect((await call(loader, get(url(position.id)), position.id)).status).toBe(302);
  });
});

describe("POST /hiring/positions/$positionId: no silent lost update", () => {
  it("keeps A's quarter when B saves notes from the same loaded form: B gets 409 with what changed", async () => {
    const position = await newPosition({ headcount: 2 });
    const loaded = (await call(loader, get(url(position.id), as("manager")), position.id)).data as unknown as {
      position: { version: number };
    };
    const base = {
      intent: "update",
      version: String(loaded.position.version),
      headcount: "2",
      targetQuarter: "2027-Q1",
      notes: "",
    };
    const a = await call(
      action,
      post(url(position.id), { ...base, targetQuarter: "2027-Q3" }, as("manager")),
      position.id,
    );
    expect(a.status).toBe(302);
    const b = await call(
      action,
      post(url(position.id), { ...base, notes: "Needs Shopify Plus" }, as("admin")),
      position.id,
    );
    expect(b.status).toBe(409);
    expect(b.data.conflict).toEqual([
      { field: "targetQuarter", theirs: "2027-Q3", yours: "2027-Q1" },
      { field: "notes", theirs: "", yours: "Needs Shopify Plus" },
    ]);
    expect(b.data.version).toBe(2);
    expect(b.data.lastResult!.initialValue).toMatchObject({ notes: "Needs Shopify Plus" });
    expect(await db.hiringPosition.findUnique({ where: { id: position.id } })).toMatchObject({
      targetQuarter: "2027-Q3",
      notes: "",
      version: 2,
    });
  });

  it("lets only one of two simultaneous saves of one version land", async () => {
    const position = await newPosition();
    const base = { intent: "update", version: "1", headcount: "1", targetQuarter: "2027-Q1" };
    const results = await Promise.all([
      call(action, post(url(position.id), { ...base, notes: "first" }, as("manager")), position.id),
      call(action, post(url(position.id), { ...base, notes: "second" }, as("admin")), position.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const stored = await db.hiringPosition.findUniqueOrThrow({ where: { id: position.id } });
    expect(stored.version).toBe(2);
    expect(stored.notes).toBe(results[0].status === 302 ? "first" : "second");
  });

  it("answers conform's validation request and writes nothing", async () => {
    const position = await newPosition();
    const body = {
      intent: "update",
      version: "1",
      headcount: "4",
      targetQuarter: "2028-Q1",
      __intent__: JSON.stringify({ type: "validate", payload: { name: "headcount" } }),
    };
    const result = await call(action, post(url(position.id), body, as("manager")), position.id);
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.status).toBeUndefined();
    expect(await db.hiringPosition.findUnique({ where: { id: position.id } })).toMatchObject({
      headcount: 1,
      targetQuarter: "2027-Q1",
      version: 1,
    });
  });
});

describe("POST /hiring/positions/$positionId", () => {
  it("a manager edits the details; a bad quarter is 400 on that field with what was typed kept", async () => {
    const position = await newPosition();
    const bad = await call(
      action,
      post(
        url(position.id),
        { intent: "update", version: "1", headcount: "3", targetQuarter: "Q1 2027", notes: "keep me" },
        as("manager"),
      ),
      position.id,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult!.error!.targetQuarter).toEqual(["hiring.errors.quarter"]);
    expect(bad.data.lastResult!.initialValue).toMatchObject({ headcount: "3", notes: "keep me" });
    const ok = await call(
      action,
      post(
        url(position.id),
        {
          intent: "update",
          version: "1",
          headcount: "3",
          targetQuarter: "2027-Q4",
          ownerUserId: cast.hr.id,
          notes: "Shopify",
        },
        as("manager"),
      ),
      position.id,
    );
    expect(ok.status).toBe(302);
    expect(await db.hiringPosition.findUnique({ where: { id: position.id } })).toMatchObject({
      headcount: 3,
      targetQuarter: "2027-Q4",
      ownerUserId: cast.hr.id,
      notes: "Shopify",
    });
  });

  it("a manager sets a title, a reason and a budget; a bad amount or currency is 400 on that field; an empty amount clears it", async () => {
    const position = await newPosition({ roleId: "operations_manager", headcount: 2 });
    const form = {
      intent: "update",
      version: "1",
      headcount: "2",
      targetQuarter: "2027-Q4",
      title: "Amazon PPC lead",
      reason: "Second store in Japan",
    };
    const bad = await call(
      action,
      post(url(position.id), { ...form, budgetAmount: "90k", budgetCurrency: "RMB" }, as("manager")),
      position.id,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult!.error).toEqual({
      budgetAmount: ["hiring.errors.budgetAmount"],
      budgetCurrency: ["hiring.errors.currency"],
    });
    expect(bad.data.lastResult!.initialValue).toMatchObject({ budgetAmount: "90k", title: "Amazon PPC lead" });
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.title).toBe("");
    const ok = await call(
      action,
      post(url(position.id), { ...form, budgetAmount: "90 000", budgetCurrency: "USD" }, as("manager")),
      position.id,
    );
    expect(ok.status).toBe(302);
    expect(await db.hiringPosition.findUnique({ where: { id: position.id } })).toMatchObject({
      title: "Amazon PPC lead",
      reason: "Second store in Japan",
      budgetAmount: 90_000,
      budgetCurrency: "USD",
    });
    const page = await call(loader, get(url(position.id), as("manager")), position.id);
    expect(page.data).toMatchObject({
      position: { title: "Amazon PPC lead", budget: { amount: 90_000, currency: "USD" } },
    });
    const other = await newPosition();
    expect(
      (
        await call(
          action,
          post(
            url(other.id),
            {
              intent: "update",
              version: "1",
              headcount: "1",
              targetQuarter: "2027-Q1",
              budgetAmount: "5",
              budgetCurrency: "EUR",
            },
            as("manager"),
          ),
          other.id,
        )
      ).status,
    ).toBe(302);
    expect((await db.hiringPosition.findUnique({ where: { id: other.id } }))!.budgetAmount).toBe(5);
    expect(
      (
        await call(
          action,
          post(
            url(other.id),
            {
              intent: "update",
              version: "2",
              headcount: "1",
              targetQuarter: "2027-Q1",
              budgetAmount: "",
              budgetCurrency: "EUR",
            },
            as("manager"),
          ),
          other.id,
        )
      ).status,
    ).toBe(302);
    const cleared = await db.hiringPosition.findUnique({ where: { id: other.id } });
    expect([cleared!.budgetAmount, cleared!.budgetCurrency]).toEqual([null, null]);
  });

  it("refuses an owner from another organisation", async () => {
    const position = await newPosition();
    const result = await call(
      action,
      post(
        url(position.id),
        { intent: "update", version: "1", headcount: "1", targetQuarter: "2027-Q1", ownerUserId: cast.otherAdmin.id },
        as("manager"),
      ),
      position.id,
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error!.ownerUserId).toEqual(["hiring.errors.owner"]);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.ownerUserId).toBeNull();
  });

  it("HR may not edit details, but moves the status", async () => {
    const position = await newPosition();
    expect(
      (
        await call(
          action,
          post(
            url(position.id),
            { intent: "update", version: "1", headcount: "2", targetQuarter: "2027-Q1" },
            as("hr"),
          ),
          position.id,
        )
      ).status,
    ).toBe(403);
    expect(
      (await call(action, post(url(position.id), { intent: "status", status: "offer" }, as("hr")), position.id)).status,
    ).toBe(302);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("offer");
  });

  it("HR fills a position with a new member: member and position written together, and the gap shrinks by one", async () => {
    const position = await newPosition({ roleId: "tech_dev" });
    const before = await gapOf("tech_dev");
    const result = await call(
      action,
      post(
        url(position.id),
        { intent: "fill", how: "new", name: "Mei Dev", email: "Mei.Dev@Example.com", title: "Front-end developer" },
        as("hr"),
      ),
      position.id,
    );
    expect(result.status).toBe(302);
    const filled = await db.hiringPosition.findUnique({
      where: { id: position.id },
      include: { filledBy: { include: { roles: true } } },
    });
    expect(filled!.status).toBe("filled");
    expect(filled!.filledBy).toMatchObject({
      name: "Mei Dev",
      email: "mei.dev@example.com",
      title: "Front-end developer",
      department: "tech_dev",
      organisationId: cast.organisation.id,
    });
    expect(filled!.filledBy!.roles).toEqual([expect.objectContaining({ roleId: "tech_dev", sharePercent: 100 })]);
    expect(await gapOf("tech_dev")).toBe(before - 1);
  });

  it("filling one seat of a position for two splits it: one filled, one still open", async () => {
    const position = await newPosition({ roleId: "marketing", headcount: 2 });
    const member = await db.member.create({
      data: {
        organisationId: cast.organisation.id,
        name: "Existing Marketer",
        roles: { create: [{ roleId: "marketing", sharePercent: 100 }] },
      },
    });
    const result = await call(
      action,
      post(url(position.id), { intent: "fill", how: "existing", memberId: member.id }, as("manager")),
      position.id,
    );
    expect(result.status).toBe(302);
    const rows = await db.hiringPosition.findMany({
      where: { organisationId: cast.organisation.id, roleId: "marketing" },
    });
    expect(rows.map((r) => [r.headcount, r.status, r.filledByMemberId]).sort()).toEqual(
      [
        [1, "filled", member.id],
        [1, "open", null],
      ].sort(),
    );
  });

  it("a split keeps the title, reason, skill and budget per person on both parts", async () => {
    const position = await db.hiringPosition.create({
      data: {
        organisationId: cast.organisation.id,
        roleId: "supply_chain",
        headcount: 3,
        targetQuarter: "2027-Q2",
        sortOrder: 99,
        status: "open",
        origin: "skill",
        title: "Customs broker",
        reason: "EU customs",
        skillId: "customs_logistics",
        skillLevel: 3,
        budgetAmount: 120_000,
        budgetCurrency: "CNY",
      },
    });
    const result = await call(
      action,
      post(url(position.id), { intent: "fill", how: "new", name: "Wang Customs" }, as("hr")),
      position.id,
    );
    expect(result.status).toBe(302);
    const rows = await db.hiringPosition.findMany({
      where: { organisationId: cast.organisation.id, title: "Customs broker" },
    });
    expect(
      rows
        .map((r) => [
          r.status,
          r.headcount,
          r.origin,
          r.reason,
          r.skillId,
          r.skillLevel,
          r.budgetAmount,
          r.budgetCurrency,
        ])
        .sort(),
    ).toEqual([
      ["filled", 1, "skill", "EU customs", "customs_logistics", 3, 120_000, "CNY"],
      ["open", 2, "skill", "EU customs", "customs_logistics", 3, 120_000, "CNY"],
    ]);
  });

  it("refuses a fill whose new member's email is taken, and writes neither member nor position", async () => {
    const position = await newPosition({ roleId: "data_analysis" });
    await db.member.create({
      data: { organisationId: cast.organisation.id, name: "Taken", email: "taken@example.com" },
    });
    const members = await db.member.count({ where: { organisationId: cast.organisation.id } });
    const result = await call(
      action,
      post(url(position.id), { intent: "fill", how: "new", name: "Someone", email: "taken@example.com" }, as("hr")),
      position.id,
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult!.error!.email).toEqual(["members.errors.email.taken"]);
    expect(await db.member.count({ where: { organisationId: cast.organisation.id } })).toBe(members);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
  });

  it("refuses another organisation's member, a missing name, and a position already filled", async () => {
    const position = await newPosition();
    const foreign = await db.member.create({ data: { organisationId: cast.other.id, name: "Foreign" } });
    const a = await call(
      action,
      post(url(position.id), { intent: "fill", how: "existing", memberId: foreign.id }, as("hr")),
      position.id,
    );
    expect(a.status).toBe(400);
    expect(a.data.lastResult!.error!.memberId).toEqual(["hiring.errors.member"]);
    const b = await call(action, post(url(position.id), { intent: "fill", how: "new" }, as("hr")), position.id);
    expect(b.status).toBe(400);
    expect(b.data.lastResult!.error!.name).toEqual(["hiring.errors.name"]);
    const done = await newPosition({ status: "filled" });
    const c = await call(action, post(url(done.id), { intent: "fill", how: "new", name: "Late" }, as("hr")), done.id);
    expect(c.status).toBe(400);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
  });

  it("members and leads may not fill; another organisation gets 404", async () => {
    const position = await newPosition();
    for (const who of ["member", "leadOps"]) {
      expect(
        (await call(action, post(url(position.id), { intent: "fill", how: "new", name: "X" }, as(who)), position.id))
          .status,
      ).toBe(403);
    }
    expect(
      (
        await call(
          action,
          post(url(position.id), { intent: "fill", how: "new", name: "X" }, as("otherAdmin")),
          position.id,
        )
      ).status,
    ).toBe(404);
    expect((await db.hiringPosition.findUnique({ where: { id: position.id } }))!.status).toBe("open");
  });
});

describe("GET /hiring/plan.csv", () => {
  it("exports the plan in the order of hires, for HR, managers and admins only (issue 14)", async () => {
    for (const who of ["member", "leadOps"])
      expect((await callRoute(csvLoader, get("/hiring/plan.csv", as(who)))).status).toBe(403);
    const result = await callRoute<string>(csvLoader, get("/hiring/plan.csv", as("hr")));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toMatch(/text\/csv/);
    const lines = result.data
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "order,role_id,role,title,headcount,target_quarter,status,status_label,origin,origin_label,skill_id,skill,skill_level,budget_per_person,budget_total,budget_currency,reason,owner,filled_by,public,notes",
    );
    const count = await db.hiringPosition.count({ where: { organisationId: cast.organisation.id } });
    expect(lines).toHaveLength(count + 1);
    expect(lines.some((line) => line.includes("Mei Dev") && line.includes(",filled,"))).toBe(true);
    // the budgeted position: per person, its total for two people, the currency
    expect(
      lines.some(
        (line) =>
          line.includes(",Amazon PPC lead,2,2027-Q4,") && line.includes(",90000,180000,USD,Second store in Japan,"),
      ),
    ).toBe(true);
    expect((await callRoute(csvLoader, get("/hiring/plan.csv"))).status).toBe(302);
  });

  it("writes labels in the reader's language beside the ids, in columns of their own (issue 18)", async () => {
    const labelled = await db.hiringPosition.create({
      data: {
        organisationId: cast.organisation.id,
        roleId: "data_analysis",
        headcount: 1,
        targetQuarter: "2027-Q3",
        sortOrder: 99,
        status: "offer",
        origin: "skill",
        skillId: "bi_tools",
        skillLevel: 3,
        title: "Labelled analyst",
        isPublic: true,
      },
    });
    const csvOf = async (lang: "zh" | "en") => {
      const result = await callRoute<string>(csvLoader, get(`/hiring/plan.csv?lang=${lang}`, as("manager")));
      const [header, ...rows] = result.data
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      const columns = header.split(",");
      const row = rows.find((line) => line.includes("Labelled analyst"))!.split(",");
      return Object.fromEntries(columns.map((column, i) => [column, row[i]]));
    };
    const ids = {
      role_id: "data_analysis",
      status: "offer",
      origin: "skill",
      skill_id: "bi_tools",
      skill_level: "3",
      public: "yes",
    };
    expect(await csvOf("en")).toMatchObject({
      ...ids,
      role: "Data analysis",
      status_label: "Offer made",
      origin_label: "For a skill nobody has",
      skill: "BI tools",
    });
    expect(await csvOf("zh")).toMatchObject({
      ...ids,
      role: "数据分析",
      status_label: "已发 Offer",
      origin_label: "针对团队缺少的技能",
      skill: "BI 工具",
    });
    await db.hiringPosition.delete({ where: { id: labelled.id } });
  });
});
