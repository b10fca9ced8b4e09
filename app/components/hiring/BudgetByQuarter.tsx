import { useTranslation } from "react-i18next";
import { ui } from "~/components/ui";
import type { PlanBudget } from "~/domain/hiring-budget";
import { MoneyTotals } from "./budget";
import { HiringTable } from "./HiringTable";

/** The plan's budget per target quarter: one sum per currency, and the positions that have none. */
export function BudgetByQuarter({ budget }: { budget: PlanBudget }) {
  const { t } = useTranslation();
  if (budget.quarters.length === 0) return null;
  const cells = (s: PlanBudget["overall"]) => (
    <>
      <td className={`${ui.td} text-right tabular-nums`}>{s.positions}</td>
      <td className={`${ui.td} text-right tabular-nums`} data-testid="budget-total">
        {s.totals.length > 0 ? <MoneyTotals totals={s.totals} /> : <span className="text-slate-400">—</span>}
      </td>
      <td className={`${ui.td} text-sm`} data-testid="without-budget">
        {s.withoutBudget > 0 ? (
          t("hiring.budget.withoutBudget", { count: s.withoutBudget })
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </td>
    </>
  );
  return (
    <section aria-labelledby="budget-title" className="mt-6">
      <h3 id="budget-title" className="text-base font-semibold text-slate-900">
        {t("hiring.budget.title")}
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("hiring.budget.intro")}</p>
      <HiringTable
        caption={t("hiring.budget.title")}
        testId="budget-by-quarter"
        className="mt-3"
        columns={[
          { key: "quarter", label: t("hiring.plan.quarter") },
          { key: "positions", label: t("hiring.plan.figures.positions"), numeric: true },
          { key: "total", label: t("hiring.budget.total"), numeric: true },
          { key: "without", label: t("hiring.budget.without") },
        ]}
      >
        {budget.quarters.map((q) => (
          <tr key={q.quarter} data-quarter={q.quarter}>
            <th scope="row" className={`${ui.td} whitespace-nowrap text-left font-semibold`}>
              {q.quarter}
            </th>
            {cells(q)}
          </tr>
        ))}
        <tr data-quarter="all" className="bg-slate-50">
          <th scope="row" className={`${ui.td} text-left font-semibold`}>
            {t("hiring.budget.allQuarters")}
          </th>
          {cells(budget.overall)}
        </tr>
      </HiringTable>
    </section>
  );
}
