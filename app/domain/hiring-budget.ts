/**
 * Budgets of the hiring plan: a position may carry a budget per person, in
 * whole units of one currency (an ISO 4217 code from a short list), and the
 * plan shows the total per quarter. Amounts in different currencies are never
 * converted or added together: a quarter's total is one sum per currency.
 * Pure. See docs/decisions/0013-hiring-proposals-and-budgets.md.
 */
import type { PositionStatus } from "./hiring-delta";

/** The currencies a budget may be in: those a cross-border seller in China most often pays people in. */
export const CURRENCIES = ["CNY", "USD", "EUR", "GBP", "HKD", "JPY", "SGD", "AUD", "CAD"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The currency a new budget starts in. */
export const DEFAULT_CURRENCY: Currency = "CNY";

/** Whole units per person, from 1 to a billion (enough for a yearly cost in yen or won). */
export const BUDGET_MIN = 1;
export const BUDGET_MAX = 1_000_000_000;

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && (CURRENCIES as readonly string[]).includes(value);
}

export interface Budget {
  /** per person, whole units of `currency` */
  amount: number;
  currency: Currency;
}

/** A stored pair of columns as a budget: both set and valid, or none. */
export function budgetOf(amount: number | null, currency: string | null): Budget | null {
  if (amount === null || !Number.isSafeInteger(amount) || amount < BUDGET_MIN || amount > BUDGET_MAX) return null;
  return isCurrency(currency) ? { amount, currency } : null;
}

export interface BudgetedPosition {
  targetQuarter: string;
  headcount: number;
  status: PositionStatus;
  budget: Budget | null;
}

export interface CurrencyTotal {
  currency: Currency;
  amount: number;
}

export interface BudgetSummary {
  /** one sum per currency, in CURRENCIES order; empty when no position has a budget */
  totals: CurrencyTotal[];
  /** positions (not cancelled) counted */
  positions: number;
  /** of those, the positions without a budget: they are in no total */
  withoutBudget: number;
}

export interface QuarterBudget extends BudgetSummary {
  quarter: string;
}

export interface PlanBudget {
  /** quarters that have at least one position that is not cancelled, earliest first */
  quarters: QuarterBudget[];
  /** the whole plan */
  overall: BudgetSummary;
}

/** The budget a position sets aside: per person × its people. */
export function positionBudgetTotal(position: { headcount: number; budget: Budget | null }): number | null {
  return position.budget ? position.budget.amount * position.headcount : null;
}

function summarise(positions: readonly BudgetedPosition[]): BudgetSummary {
  const sums = new Map<Currency, number>();
  let withoutBudget = 0;
  for (const p of positions) {
    const total = positionBudgetTotal(p);
    if (total === null || p.budget === null) {
      withoutBudget += 1;
      continue;
    }
    sums.set(p.budget.currency, (sums.get(p.budget.currency) ?? 0) + total);
  }
  return {
    totals: CURRENCIES.filter((c) => sums.has(c)).map((currency) => ({ currency, amount: sums.get(currency)! })),
    positions: positions.length,
    withoutBudget,
  };
}

/**
 * The plan's budget per target quarter: each quarter's sum per currency of
 * the positions' budgets (per person × people), and how many of its positions
 * have no budget. Cancelled positions count for nothing; filled ones count in
 * the quarter they were planned for.
 */
export function budgetByQuarter(positions: readonly BudgetedPosition[]): PlanBudget {
  const counted = positions.filter((p) => p.status !== "cancelled");
  const byQuarter = new Map<string, BudgetedPosition[]>();
  for (const p of counted) {
    const list = byQuarter.get(p.targetQuarter);
    if (list) list.push(p);
    else byQuarter.set(p.targetQuarter, [p]);
  }
  // "2027-Q1" strings sort in time order
  const quarters = [...byQuarter.keys()].sort().map((quarter) => ({ quarter, ...summarise(byQuarter.get(quarter)!) }));
  return { quarters, overall: summarise(counted) };
}
