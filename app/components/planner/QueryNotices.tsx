import { useTranslation } from "react-i18next";
import type { RecommendationQuery } from "~/utils/recommendation-query";

/** Says, in the page's language, what was wrong with the address. */
export function QueryNotices({ query }: { query: RecommendationQuery }) {
  const { t } = useTranslation();
  const invalid = query.problems.filter((problem) => problem.kind === "invalid");
  const repeated = query.problems.filter((problem) => problem.kind === "repeated");
  const missing = query.problems.filter((problem) => problem.kind === "missing");
  const nothingChosen = !query.model && !query.stage && invalid.length === 0;

  return (
    <div className="mt-4 space-y-3" data-testid="query-notices">
      {invalid.length > 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{t("planner.invalid.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {invalid.map((problem) => (
              <li key={problem.field}>
                {t(`planner.invalid.${problem.field}`, { value: problem.value, valid: problem.validIds.join(", ") })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* When nothing is chosen yet the prompt below the form says it all. */}
      {!nothingChosen && missing.length > 0 ? (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          {missing.map((problem) => (
            <p key={problem.field}>{t(`planner.missing.${problem.field as "model" | "stage"}`)}</p>
          ))}
        </div>
      ) : null}
      {repeated.length > 0 || query.unknownParams.length > 0 ? (
        <div role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {repeated.map((problem) => (
            <p key={problem.field}>{t("planner.invalid.repeated", { field: problem.field })}</p>
          ))}
          {query.unknownParams.length > 0 ? (
            <p>{t("planner.unknownParams", { names: query.unknownParams.join(", ") })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
