import { useTranslation } from "react-i18next";
import type { Priority } from "~/domain/types";

const STYLE: Record<Priority, string> = {
  core: "bg-emerald-100 text-emerald-800 ring-emerald-600/30",
  later: "bg-amber-100 text-amber-800 ring-amber-600/30",
  optional: "bg-sky-100 text-sky-800 ring-sky-600/30",
  not_needed: "bg-slate-100 text-slate-500 ring-slate-400/30",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLE[priority]}`}
    >
      {t(`planner.priority.${priority}`)}
    </span>
  );
}
