import { useTranslation } from "react-i18next";
import { PRIORITIES } from "~/domain/types";
import type { Priority } from "~/domain/types";
import { COLLABORATION_DASH, EDGE_COLORS } from "./edges";
import { PRIORITY_STYLES, SkillLevelBar } from "./nodes";

const PRIORITY_LEGEND_KEYS: Record<Priority, string> = {
  core: "diagram.legend.core",
  later: "diagram.legend.later",
  optional: "diagram.legend.optional",
  not_needed: "diagram.legend.notNeeded",
};

function LineSample({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="32" height="10" aria-hidden="true" className="shrink-0">
      <line x1="0" y1="5" x2="32" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/** What the colours, border patterns, lines and level bars of the diagram mean. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <div
      role="group"
      aria-label={t("diagram.legend.title")}
      className="flex flex-wrap gap-x-8 gap-y-3 border-t border-slate-200 bg-white px-4 py-3 text-xs text-slate-700"
    >
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("diagram.legend.priorities")}</p>
        <ul className="grid gap-1 sm:grid-cols-2 sm:gap-x-6">
          {PRIORITIES.map((p) => (
            <li key={p} className="flex items-center gap-2">
              <span aria-hidden="true" className={`h-3.5 w-5 shrink-0 rounded-sm ${PRIORITY_STYLES[p].swatch}`} />
              {t(PRIORITY_LEGEND_KEYS[p])}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("diagram.legend.links")}</p>
        <ul className="grid gap-1">
          <li className="flex items-center gap-2">
            <LineSample color={EDGE_COLORS.reporting} />
            {t("diagram.legend.reporting")}
          </li>
          <li className="flex items-center gap-2">
            <LineSample color={EDGE_COLORS.collaboration} dash={COLLABORATION_DASH} />
            {t("diagram.legend.collaboration")}
          </li>
        </ul>
      </div>
      <div>
        <p className="mb-1 font-semibold text-slate-900">{t("diagram.legend.levels")}</p>
        <p className="flex items-center gap-2">
          <span aria-hidden="true">
            <SkillLevelBar level={3} />
          </span>
          <span>{t("diagram.legend.levelScale")}</span>
        </p>
      </div>
    </div>
  );
}
