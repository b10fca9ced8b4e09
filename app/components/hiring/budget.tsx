import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, ui } from "~/components/ui";
import { CURRENCIES, DEFAULT_CURRENCY, type CurrencyTotal } from "~/domain/hiring-budget";
import { numberFormat } from "~/utils/intl";

/** Money in the reader's language, whole units: "CN¥300,000", "US$5,000". */
export function useMoneyFormat(): (amount: number, currency: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === "zh" ? "zh-CN" : "en";
  return useMemo(
    () => (amount: number, currency: string) =>
      numberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
        amount,
      ),
    [locale],
  );
}

/** One sum per currency, joined: "CN¥300,000 + US$5,000". */
export function MoneyTotals({ totals }: { totals: readonly CurrencyTotal[] }) {
  const money = useMoneyFormat();
  return <>{totals.map((t) => money(t.amount, t.currency)).join(" + ")}</>;
}

/** The amount per person and its currency, keeping what was typed after a refusal. */
export function BudgetFields({
  amount,
  currency,
  errors,
}: {
  amount: string;
  currency: string;
  errors: { budgetAmount?: readonly string[] | null; budgetCurrency?: readonly string[] | null };
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-start gap-3 sm:col-span-2">
      <div>
        <label htmlFor="budgetAmount" className={ui.label}>
          {t("hiring.budget.amount")}
        </label>
        <input
          id="budgetAmount"
          name="budgetAmount"
          type="text"
          inputMode="numeric"
          placeholder="300,000"
          defaultValue={amount}
          aria-invalid={errors.budgetAmount ? true : undefined}
          aria-describedby="budgetAmount-hint budgetAmount-error"
          className={`${ui.input} w-48`}
        />
        <p id="budgetAmount-hint" className={`${ui.hint} max-w-xs`}>
          {t("hiring.budget.hint")}
        </p>
        <FieldErrors id="budgetAmount-error" errors={errors.budgetAmount ?? undefined} />
      </div>
      <div>
        <label htmlFor="budgetCurrency" className={ui.label}>
          {t("hiring.budget.currency")}
        </label>
        <select
          id="budgetCurrency"
          name="budgetCurrency"
          defaultValue={currency || DEFAULT_CURRENCY}
          aria-invalid={errors.budgetCurrency ? true : undefined}
          aria-describedby="budgetCurrency-error"
          className={`${ui.input} w-28`}
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <FieldErrors id="budgetCurrency-error" errors={errors.budgetCurrency ?? undefined} />
      </div>
    </div>
  );
}
