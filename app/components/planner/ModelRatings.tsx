import { useTranslation } from "react-i18next";
import type { ModelRatings as Ratings } from "~/domain/types";

const STAR_KEYS = ["startupCost", "returnRate", "managementDifficulty", "customerRetention", "riskLevel"] as const;
const WORD_KEYS = ["launchSpeed", "trafficAcquisition", "brandBuilding", "profitRoom", "dependency"] as const;

/** The source's two rating tables for one model, compact enough for a card. */
export function ModelRatings({ ratings }: { ratings: Ratings }) {
  const { t } = useTranslation();
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" aria-label={t("planner.ratings.title")}>
      {STAR_KEYS.map((key) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{t(`planner.ratings.${key}`)}</dt>
          <dd className="relative text-amber-500">
            <span className="sr-only">{t("planner.ratings.stars", { count: ratings[key] })}</span>
            <span aria-hidden>{"★".repeat(ratings[key])}</span>
            <span aria-hidden className="text-slate-200">
              {"★".repeat(3 - ratings[key])}
            </span>
          </dd>
        </div>
      ))}
      {WORD_KEYS.map((key) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{t(`planner.ratings.${key}`)}</dt>
          <dd className="font-medium text-slate-700">{t(`planner.ratings.value.${ratings[key]}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
