import { describe, expect, it } from "vitest";
import { nextSteps, setupChecklist, type NextStepInput } from "../../app/domain/next-steps";
import type { Actor } from "../../app/domain/permissions";

const ORG = "org1";
const today = new Date("2026-12-07T10:00:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const actor = (kind: Actor["kind"], extra: Partial<Actor> = {}): Actor => ({
  userId: "me",
  organisationId: ORG,
  kind,
  departments: [],
  ...extra,
});
const empty = (who: Actor): NextStepInput => ({
  actor: who,
  today,
  ownItems: [],
  reassessments: [],
  proposals: [],
  positions: [],
  uncovered: [],
});

describe("nextSteps: one's own training", () => {
  it("lists overdue before due within 7 days, leaves out later and closed items, and links each item", () => {
    const steps = nextSteps({
      ...empty(actor("member")),
      ownItems: [
        { id: "later", skillId: "s1", status: "planned", dueDate: day("2026-12-15"), awaitingReassessment: false },
        { id: "soon", skillId: "s2", status: "in_progress", dueDate: day("2026-12-14"), awaitingReassessment: false },
        { id: "today", skillId: "s3", status: "planned", dueDate: day("2026-12-07"), awaitingReassessment: false },
        { id: "late", skillId: "s4", status: "planned", dueDate: day("2026-12-01"), awaitingReassessment: false },
        { id: "done", skillId: "s5", status: "completed", dueDate: day("2026-12-01"), awaitingReassessment: false },
        {
          id: "cancelled",
          skillId: "s6",
          status: "cancelled",
          dueDate: day("2026-12-01"),
          awaitingReassessment: false,
        },
        { id: "waiting", skillId: "s7", status: "completed", dueDate: null, awaitingReassessment: true },
      ],
    });
    expect(steps.map((step) => [step.kind, step.key, step.days])).toEqual([
      ["training_overdue", "overdue:late", -6],
      ["training_due_soon", "due:today", 0],
      ["training_due_soon", "due:soon", 7],
      ["training_awaiting_reassessment", "awaiting:waiting", undefined],
    ]);
    expect(steps[0].href).toBe("/training/items/late");
    expect(steps[0].date).toBe("2026-12-01");
  });
});

describe("nextSteps: what others ask of the reader", () => {
  const reassessment = (id: string, departments: string[], userId: string | null, requested: string) => ({
    itemId: id,
    memberId: `m-${id}`,
    memberName: `Member ${id}`,
    skillId: "ad_buying",
    requestedAt: day(requested),
    scope: { departments: departments as never, userId },
  });

  it("gives a lead the re-assessments of their departments only, never their own, oldest first", () => {
    const lead = actor("lead", { departments: ["operations_manager"] });
    const steps = nextSteps({
      ...empty(lead),
      reassessments: [
        reassessment("b", ["operations_manager"], "u-b", "2026-12-05"),
        reassessment("a", ["operations_manager"], null, "2026-12-02"),
        reassessment("other", ["supply_chain"], "u-o", "2026-12-01"),
        reassessment("self", ["operations_manager"], "me", "2026-12-01"),
      ],
    });
    expect(steps.map((step) => step.key)).toEqual(["reassess:a", "reassess:b"]);
    expect(steps[0].href).toBe("/team/m-a/assessments?skill=ad_buying");
  });

  it("gives a member no one else's re-assessment, gap or proposal", () => {
    const steps = nextSteps({
      ...empty(actor("member")),
      reassessments: [reassessment("a", ["operations_manager"], "u-a", "2026-12-02")],
      uncovered: [
        { memberId: "m1", memberName: "Li", gapCount: 3, scope: { departments: ["operations_manager"], userId: "u1" } },
      ],
      proposals: [
        {
          id: "p",
          stepKey: "listing",
          stepName: "Listing",
          ownerRoleId: "marketing",
          createdAt: day("2026-12-01"),
          involved: ["marketing"],
          proposerUserId: "x",
        },
      ],
    });
    expect(steps).toEqual([]);
  });

  it("lets a manager decide a proposal someone else made, not their own", () => {
    const proposal = (id: string, proposer: string) => ({
      id,
      stepKey: `step_${id}`,
      stepName: `Step ${id}`,
      ownerRoleId: "marketing",
      createdAt: day("2026-12-01"),
      involved: ["marketing", "operations_manager"],
      proposerUserId: proposer,
    });
    const steps = nextSteps({
      ...empty(actor("manager")),
      proposals: [proposal("mine", "me"), proposal("theirs", "lead-1")],
    });
    expect(steps.map((step) => [step.kind, step.href])).toEqual([
      ["proposal_to_decide", "/ownership/steps/step_theirs"],
    ]);
  });

  it("lists members without a plan for HR, the largest gap first, and for a lead only their departments'", () => {
    const uncovered = [
      {
        memberId: "m1",
        memberName: "Li",
        gapCount: 1,
        scope: { departments: ["operations_manager" as const], userId: null },
      },
      {
        memberId: "m2",
        memberName: "Wang",
        gapCount: 4,
        scope: { departments: ["supply_chain" as const], userId: null },
      },
    ];
    expect(nextSteps({ ...empty(actor("hr")), uncovered }).map((step) => step.memberName)).toEqual(["Wang", "Li"]);
    expect(
      nextSteps({ ...empty(actor("lead", { departments: ["operations_manager"] })), uncovered }).map(
        (step) => step.memberName,
      ),
    ).toEqual(["Li"]);
  });

  it("ranks the kinds by urgency and lists owned positions still to fill, offers first", () => {
    const steps = nextSteps({
      ...empty(actor("manager")),
      positions: [
        { id: "p1", roleId: "marketing", title: "", status: "planned", targetQuarter: "2027-Q1" },
        { id: "p2", roleId: "tech_dev", title: "CTO", status: "offer", targetQuarter: "2027-Q2" },
        { id: "p3", roleId: "tech_dev", title: "", status: "filled", targetQuarter: "2027-Q2" },
      ],
      ownItems: [
        { id: "late", skillId: "s4", status: "planned", dueDate: day("2026-12-01"), awaitingReassessment: false },
      ],
      uncovered: [{ memberId: "m1", memberName: "Li", gapCount: 1, scope: { departments: [], userId: null } }],
    });
    expect(steps.map((step) => step.key)).toEqual(["overdue:late", "uncovered:m1", "position:p2", "position:p1"]);
  });
});

describe("setupChecklist", () => {
  const none = { hasBusinessProfile: false, memberCount: 1, assessmentCount: 0, trainingItemCount: 0 };
  it("shows admins and managers what is left, and nobody else", () => {
    expect(setupChecklist(actor("admin"), none)?.tasks.map((task) => [task.id, task.done])).toEqual([
      ["profile", false],
      ["members", false],
      ["assessments", false],
      ["plan", false],
    ]);
    expect(setupChecklist(actor("manager"), { ...none, hasBusinessProfile: true })?.done).toBe(1);
    for (const kind of ["hr", "lead", "member"] as const) expect(setupChecklist(actor(kind), none)).toBeNull();
  });

  it("disappears once every task is done", () => {
    expect(
      setupChecklist(actor("admin"), {
        hasBusinessProfile: true,
        memberCount: 2,
        assessmentCount: 1,
        trainingItemCount: 0,
      }),
    ).not.toBeNull();
    expect(
      setupChecklist(actor("admin"), {
        hasBusinessProfile: true,
        memberCount: 2,
        assessmentCount: 1,
        trainingItemCount: 1,
      }),
    ).toBeNull();
  });
});
