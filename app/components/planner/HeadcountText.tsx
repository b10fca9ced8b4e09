import { useTranslation } from "react-i18next";
import type { HeadcountRange } from "~/domain/types";

export function HeadcountText({ range }: { range: HeadcountRange }) {
  const { t } = useTranslation();
  return (
    <>
      {range.min === range.max
        ? t("planner.headcountSingle", { count: range.min })
        : t("planner.headcount", { min: range.min, max: range.max })}
    </>
  );
}
