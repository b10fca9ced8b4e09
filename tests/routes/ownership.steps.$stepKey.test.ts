import { describe, expect, it } from "vitest";
import { action as matrixAction } from "../../app/routes/ownership._index";
import { action, loader } from "../../app/routes/ownership.steps.$stepKey";
import { db } from "../../app/utils/db.server";
import { callRoute, get, post } from "../utils/route";
import { ownershipWorld, storedRow, type Account } from "../utils/ownership";

type StepData = {
  step: { key: string; retired: boolean; resolved: boolean };
  row: Record<string, string>;
  flags: { code: string }[];
  log: {
    id: string;
    status: string;
    proposerName: string;
    ownerRoleId: string;
    deciderName: string | null;
    decisionReason: string | null;
    flags: string[];
  }[];
  open: { id: string } | null;
  canPropose: boolean;
  canDecide: boolean;
};

/** A world where supply chain and operations are both accountable for choosing the clearance agent. */
async function conflict() {
  const world = await ownershipWorld();
  await callRoute(
    matrixAction,
    post(
      "/ownership?index",
      { intent: "set_cell", step: "clearance_agent", role: "operations_manager", letter: "A" },
      world.as("manager"),
    ),
  );
  const page = (who: Account) =>
    callRoute<StepData>(loader, get("/ownership/steps/clearance_agent", world.as(who)), { stepKey: "clearance_agent" });
  const send = (who: Account, form: Record<string, string>) =>
    callRoute<{ lastResult?: { error: Record<string, string[]> }; done?: string }>(
      action,
      post("/ownership/steps/clearance_agent", form, world.as(who)),
      {
        stepKey: "clearance_agent",
      },
    );
  const propose = (who: Account = "leadSupply") =>
    send(who, { intent: "propose", owner: "supply_chain", reason: "We brief the agent." });
  return { ...world, page, send, propose };
}

describe("GET /ownership/steps/:stepKey", () => {
  it("shows the row, the problems and who may propose", async () => {
    const { page } = await conflict();
    const { status, data } = await page("leadSupply");
    expect(status).toBe(200);
    expect(data.row).toEqual({ supply_chain: "AR", compliance_risk: "C", operations_manager: "A" });
    expect(data.flags.map((flag) => flag.code)).toEqual(["several_accountable"]);
    expect(data.canPropose).toBe(true);
    expect((await page("member")).data.canPropose).toBe(false);
    expect((await page("hr")).data.canPropose).toBe(false);
  });

  it("answers 404 for an unknown step and for a malformed key", async () => {
    const { as } = await ownershipWorld();
    for (const key of ["custom_unknown", "../../etc", "UPPER"]) {
      expect(
        (await callRoute(loader, get(`/ownership/steps/${encodeURIComponent(key)}`, as("admin")), { stepKey: key }))
          .status,
      ).toBe(404);
    }
  });
});

describe("POST /ownership/steps/:stepKey (propose, accept, reject)", () => {
  it("a lead proposes; the other involved lead accepts; the row changes, the flag clears and the log keeps the decision", async () => {
    const { cast, page, send, propose } = await conflict();
    expect((await propose()).data.done).toBe("proposed");
    const waiting = await page("leadOps");
    expect(waiting.data.open).not.toBeNull();
    expect(waiting.data.canDecide).toBe(true);
    // the proposer does not decide their own proposal
    expect((await page("leadSupply")).data.canDecide).toBe(false);

    const accepted = await send("leadOps", {
      intent: "accept",
      proposalId: waiting.data.open!.id,
      reason: "Agreed: supply chain owns it.",
    });
    expect(accepted.data.done).toBe("accepted");
    expect(await storedRow(cast.organisation.id, "clearance_agent")).toEqual({
      supply_chain: "AR",
      compliance_risk: "C",
      operations_manager: "R",
    });
    const after = await page("member");
    expect(after.data.flags).toEqual([]);
    expect(after.data.step.resolved).toBe(true);
    expect(after.data.log).toHaveLength(1);
    expect(after.data.log[0]).toMatchObject({
      status: "accepted",
      ownerRoleId: "supply_chain",
      proposerName: cast.leadSupply.name,
      deciderName: cast.leadOps.name,
      decisionReason: "Agreed: supply chain owns it.",
      flags: ["several_accountable"],
    });
  });

  it("refuses the proposer (403), members and HR (403); a manager may decide", async () => {
    const { page, send, propose } = await conflict();
    await propose();
    const { open } = (await page("manager")).data;
    for (const who of ["leadSupply", "member", "hr"] as const) {
      expect((await send(who, { intent: "accept", proposalId: open!.id, reason: "Mine." })).status).toBe(403);
    }
    expect((await page("member")).data.open).not.toBeNull();
    expect((await send("manager", { intent: "reject", proposalId: open!.id, reason: "Talk first." })).data.done).toBe(
      "rejected",
    );
  });

  it("a rejection changes nothing in the row; the step stays flagged and a new proposal may follow", async () => {
    const { cast, page, send, propose } = await conflict();
    await propose();
    const { open } = (await page("manager")).data;
    await send("leadOps", { intent: "reject", proposalId: open!.id, reason: "Operations books the agent for FBA." });
    expect(await storedRow(cast.organisation.id, "clearance_agent")).toEqual({
      supply_chain: "AR",
      compliance_risk: "C",
      operations_manager: "A",
    });
    const after = await page("member");
    expect(after.data.flags.map((flag) => flag.code)).toEqual(["several_accountable"]);
    expect(after.data.log[0]).toMatchObject({
      status: "rejected",
      decisionReason: "Operations books the agent for FBA.",
    });
    expect((await propose("leadOps")).data.done).toBe("proposed");
  });

  it("one open proposal per step (409), none for a step without problems (409), nothing for a stale proposal id (409)", async () => {
    const { page, send, propose } = await conflict();
    await propose();
    expect((await propose("leadOps")).status).toBe(409);
    const world = await ownershipWorld();
    const clean = await callRoute(
      action,
      post(
        "/ownership/steps/shipping",
        { intent: "propose", owner: "supply_chain", reason: "Ours." },
        world.as("leadSupply"),
      ),
      {
        stepKey: "shipping",
      },
    );
    expect(clean.status).toBe(409);
    const { open } = (await page("manager")).data;
    expect((await send("manager", { intent: "accept", proposalId: `${open!.id}x`, reason: "Yes." })).status).toBe(409);
  });

  it("answers 400 with a message per field and keeps nothing", async () => {
    const { cast, send, propose } = await conflict();
    const bad = await send("leadSupply", { intent: "propose", owner: "ceo", reason: "   " });
    expect(bad.status).toBe(400);
    expect(bad.data.lastResult?.error).toEqual({
      owner: ["ownership.errors.role"],
      reason: ["ownership.errors.reasonRequired"],
    });
    expect(await db.ownershipProposal.count({ where: { organisationId: cast.organisation.id } })).toBe(0);
    await propose();
    const noReason = await send("manager", { intent: "accept", proposalId: "whatever" });
    expect(noReason.status).toBe(400);
    expect(
      await db.ownershipProposal.count({ where: { organisationId: cast.organisation.id, status: "proposed" } }),
    ).toBe(1);
  });

  it("another organisation cannot reach this one's proposal (its own step has nothing to decide: 409)", async () => {
    const { send, propose, page } = await conflict();
    await propose();
    const { open } = (await page("manager")).data;
    // another organisation has a clearance_agent step of its own, with nothing to decide: its proposal id is not there
    const result = await send("otherAdmin", { intent: "accept", proposalId: open!.id, reason: "Hijack." });
    expect(result.status).toBe(409);
    expect((await page("member")).data.open).not.toBeNull();
  });
});

describe("undoing a cell change from the decision log (issue 18)", () => {
  type Change = {
    id: string;
    roleId: string;
    from: string | null;
    to: string | null;
    byName: string;
    isUndo: boolean;
    undone: boolean;
  };
  const changesOf = async (page: (who: Account) => Promise<{ data: StepData & { changes: Change[] } }>) =>
    (await page("manager")).data.changes;

  it("logs each change with who made it, and restores the previous letter as a new logged change", async () => {
    const world = await conflict();
    const page = world.page as unknown as (who: Account) => Promise<{ data: StepData & { changes: Change[] } }>;
    const [set] = await changesOf(page);
    expect(set).toMatchObject({ roleId: "operations_manager", from: null, to: "A", isUndo: false, undone: false });

    // a member may not undo; nothing changes
    expect((await world.send("member", { intent: "undo", change: set.id })).status).toBe(403);
    expect((await page("manager")).data.row.operations_manager).toBe("A");

    const undone = await world.send("manager", { intent: "undo", change: set.id });
    expect(undone.data.done).toBe("undone");
    const after = await page("manager");
    expect(after.data.row.operations_manager).toBeUndefined();
    expect(after.data.changes.map((change) => [change.from, change.to, change.isUndo, change.undone])).toEqual([
      [null, null, true, false].map((value, index) => (index === 0 ? "A" : value)),
      [null, "A", false, true],
    ]);
    // undoing it again would overwrite the undo: refused, nothing written
    const before = await db.raciChange.count();
    const again = await world.send("manager", { intent: "undo", change: set.id });
    expect(again.status).toBe(409);
    expect(again.data.lastResult?.error[""]).toEqual(["raciLog.undoConflict"]);
    expect(await db.raciChange.count()).toBe(before);
    // the undo itself can be undone: the letter comes back
    const [undo] = await changesOf(page);
    expect((await world.send("manager", { intent: "undo", change: undo.id })).data.done).toBe("undone");
    expect((await page("manager")).data.row.operations_manager).toBe("A");
  });

  it("answers 404 for a change of another step or none, and 400 for a malformed id, writing nothing", async () => {
    const world = await conflict();
    const before = await db.raciChange.count();
    expect((await world.send("manager", { intent: "undo", change: "cnochange0000000000000000" })).status).toBe(404);
    expect((await world.send("manager", { intent: "undo", change: "../x" })).status).toBe(400);
    expect(await db.raciChange.count()).toBe(before);
  });
});
