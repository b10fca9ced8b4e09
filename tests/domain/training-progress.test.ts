import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conflictingChanges,
  csvRow,
  displayStatus,
  editableValues,
  filterAndSortRows,
  isDueSoon,
  isOverdue,
  itemJson,
  itemOutcome,
  lastMonths,
  parseTrainingFilter,
  trainingFollowUps,
  trainingProgress,
  type LatestLevel,
  type TrainingItemRecord,
  type TrainingMember,
} from "../../app/domain/training-progress";

const TODAY = new Date("2026-06-15T10:30:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

let counter = 0;
function item(overrides: Partial<TrainingItemRecord> = {}): TrainingItemRecord {
  counter += 1;
  return {
    id: `item-${String(counter).padStart(3, "0")}`,
    memberId: "m1",
    skillId: "ad_buying",
    fromLevel: 1,
    targetLevel: 3,
    kind: "course",
    provider: "",
    status: "planned",
    progressPercent: 0,
    hours: 8,
    startDate: day("2026-05-01"),
    dueDate: day("2026-07-01"),
    completedAt: null,
    levelBefore: null,
    reassessmentRequestedAt: null,
    evidence: "",
    version: 1,
    ...overrides,
  };
}

const members: TrainingMember[] = [
  { id: "m1", name: "Ann Ops", department: "operations_manager", roleIds: ["operations_manager", "marketing"] },
  { id: "m2", name: "Bo Supply", department: "supply_chain", roleIds: ["supply_chain"] },
  { id: "m3", name: "Cy Nodept", department: null, roleIds: ["data_analysis"] },
];

function latestOf(entries: [string, string, LatestLevel][]) {
  const map = new Map<string, Map<string, LatestLevel>>();
  for (const [memberId, skillId, level] of entries) {
    if (!map.has(memberId)) map.set(memberId, new Map());
    map.get(memberId)!.set(skillId, level);
  }
  return map;
}

describe("overdue and due soon", () => {
  it("counts an open item overdue from the day after its due date, never a completed or cancelled one", () => {
    expect(isOverdue(item({ dueDate: day("2026-06-14") }), TODAY)).toBe(true);
    expect(isOverdue(item({ dueDate: day("2026-06-15") }), TODAY)).toBe(false);
    expect(isOverdue(item({ dueDate: day("2026-06-14"), status: "in_progress" }), TODAY)).toBe(true);
    expect(isOverdue(item({ dueDate: day("2026-06-14"), status: "completed" }), TODAY)).toBe(false);
    expect(isOverdue(item({ dueDate: day("2026-06-14"), status: "cancelled" }), TODAY)).toBe(false);
    expect(isOverdue(item({ dueDate: null }), TODAY)).toBe(false);
    expect(displayStatus(item({ dueDate: day("2026-01-01"), status: "in_progress" }), TODAY)).toBe("overdue");
    expect(displayStatus(item({ dueDate: day("2026-01-01"), status: "completed" }), TODAY)).toBe("completed");
  });

  it("counts open items due from today to 30 days ahead as due soon", () => {
    expect(isDueSoon(item({ dueDate: day("2026-06-15") }), TODAY)).toBe(true);
    expect(isDueSoon(item({ dueDate: day("2026-07-15") }), TODAY)).toBe(true);
    expect(isDueSoon(item({ dueDate: day("2026-07-16") }), TODAY)).toBe(false);
    expect(isDueSoon(item({ dueDate: day("2026-06-14") }), TODAY)).toBe(false);
    expect(isDueSoon(item({ dueDate: day("2026-06-20"), status: "completed" }), TODAY)).toBe(false);
  });
});

describe("itemOutcome", () => {
  const requested = new Date("2026-06-01T12:00:00Z");
  const completed = item({
    status: "completed",
    completedAt: requested,
    reassessmentRequestedAt: requested,
    levelBefore: 1,
  });
  it("waits for an assessment recorded after the request", () => {
    expect(itemOutcome(completed, undefined)).toMatchObject({
      awaitingReassessment: true,
      levelAfter: null,
      gapClosed: false,
    });
    const older = { level: 3, assessedAt: day("2026-06-02"), recordedAt: new Date("2026-06-01T11:00:00Z") };
    expect(itemOutcome(completed, older)).toMatchObject({ awaitingReassessment: true, levelAfter: null });
  });
  it("takes the level after from the re-assessment and closes the gap at the target", () => {
    const after = { level: 3, assessedAt: day("2026-06-05"), recordedAt: new Date("2026-06-05T09:00:00Z") };
    expect(itemOutcome(completed, after)).toEqual({
      levelAfter: 3,
      reassessedAt: day("2026-06-05"),
      awaitingReassessment: false,
      gapClosed: true,
    });
    expect(itemOutcome(completed, { ...after, level: 2 })).toMatchObject({
      levelAfter: 2,
      gapClosed: false,
      awaitingReassessment: false,
    });
  });
  it("has no outcome for an item that is not completed", () => {
    expect(
      itemOutcome(item({ status: "in_progress" }), { level: 4, assessedAt: TODAY, recordedAt: TODAY }),
    ).toMatchObject({ levelAfter: null, awaitingReassessment: false });
  });
});

describe("trainingProgress", () => {
  const requested = new Date("2026-05-20T12:00:00Z");
  const items = [
    item({
      memberId: "m1",
      skillId: "ad_buying",
      status: "completed",
      completedAt: requested,
      reassessmentRequestedAt: requested,
      levelBefore: 1,
    }),
    item({ memberId: "m1", skillId: "platform_rules", status: "in_progress", dueDate: day("2026-06-01") }), // overdue
    item({ memberId: "m1", skillId: "erp_crm_tools", status: "planned", dueDate: day("2026-06-30") }), // due soon
    item({
      memberId: "m2",
      skillId: "customs_logistics",
      status: "completed",
      completedAt: requested,
      reassessmentRequestedAt: requested,
      levelBefore: 2,
    }), // awaiting
    item({ memberId: "m2", skillId: "supply_chain_management", status: "cancelled", dueDate: day("2026-01-01") }),
    item({ memberId: "gone", skillId: "ad_buying" }), // not a visible member: ignored
  ];
  const latest = latestOf([
    ["m1", "ad_buying", { level: 3, assessedAt: day("2026-05-25"), recordedAt: new Date("2026-05-25T08:00:00Z") }],
    ["m2", "customs_logistics", { level: 2, assessedAt: day("2026-01-10"), recordedAt: day("2026-01-10") }],
  ]);
  const openGaps = new Map([
    ["m1", ["platform_rules", "content_creation"]],
    ["m2", ["customs_logistics"]],
    ["m3", ["bi_tools"]],
  ]);
  const progress = trainingProgress({
    items,
    members,
    latest,
    openGaps,
    today: TODAY,
    roleOrder: ["operations_manager", "supply_chain", "marketing", "data_analysis"],
  });

  it("computes the figures", () => {
    expect(progress.figures).toEqual({
      items: 5,
      planned: 1,
      inProgress: 1,
      completed: 2,
      cancelled: 1,
      overdue: 1,
      dueSoon: 1,
      completionRate: 2 / 4,
      gapsClosed: 1,
      awaitingReassessment: 1,
      membersWithPlan: 2,
      membersWithUncoveredGap: 2,
    });
    expect(progress.today).toBe("2026-06-15");
  });

  it("lists members whose open gaps no open or awaiting item covers", () => {
    expect(progress.uncovered).toEqual([
      { memberId: "m1", name: "Ann Ops", department: "operations_manager", skillIds: ["content_creation"] },
      { memberId: "m3", name: "Cy Nodept", department: null, skillIds: ["bi_tools"] },
    ]);
  });

  it("gives the same waiting item and uncovered members on their own (trainingFollowUps, the home page's read)", () => {
    const followUps = trainingFollowUps({ items, memberIds: members.map((member) => member.id), latest, openGaps });
    expect(followUps.awaiting.map((entry) => entry.id)).toEqual([items[3].id]);
    expect(followUps.uncovered).toEqual(progress.uncovered.map(({ memberId, skillIds }) => ({ memberId, skillIds })));
  });

  it("breaks the figures down by role (every role a member holds), department and skill", () => {
    expect(progress.byRole.map((row) => [row.key, row.items, row.completed, row.overdue, row.gapsClosed])).toEqual([
      ["operations_manager", 3, 1, 1, 1],
      ["supply_chain", 2, 1, 0, 0],
      ["marketing", 3, 1, 1, 1],
    ]);
    expect(progress.byDepartment.find((row) => row.key === "supply_chain")).toMatchObject({
      items: 2,
      completionRate: 1,
    });
    expect(progress.bySkill.find((row) => row.key === "ad_buying")).toMatchObject({
      items: 1,
      completed: 1,
      gapsClosed: 1,
    });
    const sum = (rows: { items: number }[]) => rows.reduce((total, row) => total + row.items, 0);
    expect(sum(progress.byDepartment)).toBe(progress.figures.items);
    expect(sum(progress.bySkill)).toBe(progress.figures.items);
  });

  it("plots completed items and closed gaps in the month they happened, over the last 12 months", () => {
    expect(progress.series).toHaveLength(12);
    expect(progress.series.at(-1)?.month).toBe("2026-06");
    expect(progress.series.find((point) => point.month === "2026-05")).toEqual({
      month: "2026-05",
      completed: 2,
      gapsClosed: 1,
    });
    expect(progress.series.reduce((total, point) => total + point.completed, 0)).toBe(2);
  });

  it("gives a null completion rate when every item is cancelled or there are none", () => {
    expect(trainingProgress({ items: [], members, latest, openGaps, today: TODAY }).figures.completionRate).toBeNull();
  });

  it("filters and sorts the list by the query, ignoring unknown values", () => {
    const known = {
      skills: ["ad_buying", "platform_rules", "erp_crm_tools"],
      roles: ["operations_manager", "supply_chain"],
      kinds: ["course"],
    };
    const rows = progress.rows;
    expect(
      filterAndSortRows(rows, parseTrainingFilter(new URLSearchParams("status=overdue"), known)).map(
        (row) => row.skillId,
      ),
    ).toEqual(["platform_rules"]);
    expect(
      filterAndSortRows(rows, parseTrainingFilter(new URLSearchParams("status=awaiting"), known)).map(
        (row) => row.skillId,
      ),
    ).toEqual(["customs_logistics"]);
    expect(
      filterAndSortRows(rows, parseTrainingFilter(new URLSearchParams("department=supply_chain&sort=member"), known)),
    ).toHaveLength(2);
    expect(
      filterAndSortRows(rows, parseTrainingFilter(new URLSearchParams("q=ann&sort=status"), known)).map(
        (row) => row.display,
      ),
    ).toEqual(["overdue", "planned", "completed"]);
    expect(parseTrainingFilter(new URLSearchParams("status=bogus&skill=<script>&sort=x&dir=desc"), known)).toEqual({
      status: undefined,
      department: undefined,
      role: undefined,
      skill: undefined,
      kind: undefined,
      q: undefined,
      sort: undefined,
      desc: true,
    });
    const byDue = filterAndSortRows(rows, {}).map((row) => row.dueDate?.toISOString().slice(0, 10));
    expect(byDue).toEqual([...byDue].sort());
  });

  it("says the same in the CSV row and the API item as in the figures", () => {
    const overdueRows = progress.rows.filter((row) => csvRow(row).overdue === "yes");
    expect(overdueRows).toHaveLength(progress.figures.overdue);
    expect(progress.rows.filter((row) => itemJson(row).gapClosed)).toHaveLength(progress.figures.gapsClosed);
    const closed = progress.rows.find((row) => row.gapClosed)!;
    expect(csvRow(closed)).toMatchObject({
      level_before: "1",
      level_after: "3",
      gap_closed: "yes",
      status: "completed",
    });
  });
});

describe("lastMonths", () => {
  it("counts back across a year boundary", () => {
    expect(lastMonths(new Date("2026-02-10T00:00:00Z"), 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
});

describe("conflictingChanges", () => {
  it("lists each field where the saved item differs from what was submitted", () => {
    const theirs = editableValues(
      item({ status: "in_progress", progressPercent: 60, evidence: "notes", dueDate: day("2026-07-01") }),
    );
    const yours = { ...theirs, progressPercent: "40", evidence: "my link", dueDate: "2026-07-01" };
    expect(conflictingChanges(theirs, yours)).toEqual([
      { field: "progressPercent", theirs: "60", yours: "40" },
      { field: "evidence", theirs: "notes", yours: "my link" },
    ]);
    expect(conflictingChanges(theirs, { ...theirs })).toEqual([]);
    // a member's progress form compares only what they may change
    expect(
      conflictingChanges(theirs, { status: "completed", targetLevel: "4" }, ["status", "progressPercent", "evidence"]),
    ).toEqual([{ field: "status", theirs: "in_progress", yours: "completed" }]);
  });
});

describe("trainingFollowUps", () => {
  const statuses = ["planned", "in_progress", "completed", "cancelled"] as const;
  const skills = ["ad_buying", "platform_rules", "bi_tools"] as const;
  const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000);

  it("agrees with the whole progress report on every waiting item and every uncovered member", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            member: fc.integer({ min: 0, max: 2 }),
            skill: fc.constantFrom(...skills),
            status: fc.constantFrom(...statuses),
            requestedDay: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
        fc.array(
          fc.record({
            member: fc.integer({ min: 0, max: 2 }),
            skill: fc.constantFrom(...skills),
            level: fc.constantFrom(0, 1, 2, 3, 4),
            recordedDay: fc.integer({ min: 0, max: 20 }),
          }),
          { maxLength: 8 },
        ),
        fc.array(fc.subarray([...skills]), { minLength: 3, maxLength: 3 }),
        (itemSpecs, levelSpecs, gapSkills) => {
          const records = itemSpecs.map((spec) =>
            item({
              memberId: members[spec.member].id,
              skillId: spec.skill,
              status: spec.status,
              reassessmentRequestedAt: spec.requestedDay === null ? null : at(spec.requestedDay),
            }),
          );
          const latest = latestOf(
            levelSpecs.map((spec) => [
              members[spec.member].id,
              spec.skill,
              { level: spec.level, assessedAt: at(spec.recordedDay), recordedAt: at(spec.recordedDay) },
            ]),
          );
          const openGaps = new Map(members.map((member, i) => [member.id, gapSkills[i]]));
          const progress = trainingProgress({ items: records, members, latest, openGaps, today: TODAY });
          const followUps = trainingFollowUps({
            items: records,
            memberIds: members.map((member) => member.id),
            latest,
            openGaps,
          });
          expect(followUps.awaiting.map((entry) => entry.id)).toEqual(
            progress.rows.filter((row) => row.awaitingReassessment).map((row) => row.id),
          );
          expect(followUps.uncovered).toEqual(
            progress.uncovered.map(({ memberId, skillIds }) => ({ memberId, skillIds })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
