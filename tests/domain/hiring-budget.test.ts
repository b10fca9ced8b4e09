import { describe, expect, it } from "vitest";
import { budgetByQuarter, budgetOf, positionBudgetTotal, type BudgetedPosition } from "../../app/domain/hiring-budget";

const position = (
  targetQuarter: string,
  headcount: number,
  budget: BudgetedPosition["budget"],
  status: BudgetedPosition["status"] = "planned",
): BudgetedPosition => ({
  targetQuarter,
  headcount,
  status,
  budget,
});
const cny = (amount: number) => ({ amount, currency: "CNY" as const });
const usd = (amount: number) => ({ amount, currency: "USD" as const });

describe("budgetByQuarter", () => {
  it("adds per person × people per quarter, one sum per currency, earliest quarter first", () => {
    const plan = budgetByQuarter([
      position("2027-Q2", 1, cny(200_000)),
      position("2027-Q1", 2, cny(300_000)),
      position("2027-Q1", 1, usd(90_000)),
      position("2027-Q1", 1, cny(150_000)),
    ]);
    expect(plan.quarters).toEqual([
      {
        quarter: "2027-Q1",
        positions: 3,
        withoutBudget: 0,
        totals: [
          { currency: "CNY", amount: 750_000 },
          { currency: "USD", amount: 90_000 },
        ],
      },
      { quarter: "2027-Q2", positions: 1, withoutBudget: 0, totals: [{ currency: "CNY", amount: 200_000 }] },
    ]);
    expect(plan.overall).toEqual({
      positions: 4,
      withoutBudget: 0,
      totals: [
        { currency: "CNY", amount: 950_000 },
        { currency: "USD", amount: 90_000 },
      ],
    });
  });

  it("counts positions without a budget apart, in no total", () => {
    const plan = budgetByQuarter([
      position("2027-Q1", 3, null),
      position("2027-Q1", 1, null),
      position("2027-Q1", 1, cny(100)),
      position("2027-Q3", 2, null),
    ]);
    expect(plan.quarters.map((q) => [q.quarter, q.positions, q.withoutBudget, q.totals])).toEqual([
      ["2027-Q1", 3, 2, [{ currency: "CNY", amount: 100 }]],
      ["2027-Q3", 1, 1, []],
    ]);
    expect(plan.overall.withoutBudget).toBe(3);
  });

  it("leaves cancelled positions out and keeps filled ones in the quarter they were planned for", () => {
    const plan = budgetByQuarter([
      position("2027-Q1", 1, cny(100_000), "filled"),
      position("2027-Q1", 1, cny(999_999), "cancelled"),
      position("2027-Q2", 1, null, "cancelled"),
      position("2027-Q1", 1, cny(50_000), "offer"),
    ]);
    expect(plan.quarters).toEqual([
      { quarter: "2027-Q1", positions: 2, withoutBudget: 0, totals: [{ currency: "CNY", amount: 150_000 }] },
    ]);
  });

  it("sorts quarters across years", () => {
    const plan = budgetByQuarter([
      position("2028-Q1", 1, null),
      position("2027-Q4", 1, null),
      position("2027-Q1", 1, null),
    ]);
    expect(plan.quarters.map((q) => q.quarter)).toEqual(["2027-Q1", "2027-Q4", "2028-Q1"]);
  });

  it("has no quarters for an empty plan", () => {
    expect(budgetByQuarter([])).toEqual({ quarters: [], overall: { positions: 0, withoutBudget: 0, totals: [] } });
  });
});

describe("a position's budget", () => {
  it("is per person: the position's total is the amount times its people", () => {
    expect(positionBudgetTotal({ headcount: 3, budget: usd(70_000) })).toBe(210_000);
    expect(positionBudgetTotal({ headcount: 3, budget: null })).toBeNull();
  });

  it("reads stored columns only as a whole: both set, in range, a known currency", () => {
    expect(budgetOf(5000, "EUR")).toEqual({ amount: 5000, currency: "EUR" });
    expect(budgetOf(null, "EUR")).toBeNull();
    expect(budgetOf(5000, null)).toBeNull();
    expect(budgetOf(5000, "XXX")).toBeNull();
    expect(budgetOf(0, "CNY")).toBeNull();
    expect(budgetOf(1_000_000_001, "CNY")).toBeNull();
    expect(budgetOf(1_000_000_000, "CNY")).toEqual({ amount: 1_000_000_000, currency: "CNY" });
  });
});
