import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui, useLang } from "~/components/ui";
import { formatDay, labelOf, type Labelled } from "~/components/team/format";
import type { DisplayStatus } from "~/domain/training-progress";
import { ProgressBar, StatusBadge } from "./ui";

export interface MemberTrainingRow {
  id: string;
  skillId: string;
  kind: string;
  provider: string;
  display: DisplayStatus;
  dueDate: Date | string | null;
  progressPercent: number;
  fromLevel: number;
  targetLevel: number;
  levelBefore: number | null;
  levelAfter: number | null;
  awaiting: boolean;
  gapClosed: boolean;
}

/** The member's training plan on their page, with the status colours of HR's progress page. */
export function TrainingPlanSection({
  memberId,
  items,
  skills,
  openGaps,
  canPlan,
  canProgress,
  isSelf,
  notice,
}: {
  memberId: string;
  items: readonly MemberTrainingRow[];
  skills: readonly Labelled[];
  openGaps: number;
  canPlan: boolean;
  canProgress: boolean;
  isSelf: boolean;
  notice: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section id="training" className={`${ui.card} space-y-4`} aria-labelledby="training-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id="training-title" className="font-semibold text-slate-900">
            {t("training.memberPlan.title")}
          </h3>
          <p className="mt-1 text-sm text-slate-600">{t("training.memberPlan.intro")}</p>
          {isSelf ? <p className="mt-1 text-sm text-slate-600">{t("training.memberPlan.selfNote")}</p> : null}
        </div>
        {canPlan ? (
          <Link to={`/training/plan/${memberId}`} className={ui.primaryButton}>
            {t("training.memberPlan.create")}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
        >
          {notice}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">
          {openGaps > 0 ? t("training.memberPlan.emptyWithGaps", { count: openGaps }) : t("training.memberPlan.empty")}
        </p>
      ) : (
        <div className={ui.tableWrap} tabIndex={0}>
          <table className={ui.table} data-testid="training-plan">
            <thead className={ui.thead}>
              <tr>
                {(["skill", "kind", "status", "dueDate", "progress", "levels"] as const).map((column) => (
                  <th key={column} scope="col" className={ui.th}>
                    {t(`training.fields.${column}`)}
                  </th>
                ))}
                <th scope="col" className={ui.th}>
                  <span className="sr-only">{t("training.memberPlan.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id} data-item={item.id} data-skill={item.skillId} data-status={item.display}>
                  <th scope="row" className={`${ui.td} text-left font-medium`}>
                    {labelOf(skills, item.skillId, lang)}
                    <span className="block text-xs font-normal text-slate-500">
                      {t("training.labelled", { label: t("training.fields.targetLevel"), value: item.targetLevel })}
                    </span>
                  </th>
                  <td className={ui.td}>
                    {t(`training.kind.${item.kind}`)}
                    {item.provider ? (
                      <span className="block max-w-48 truncate text-xs text-slate-500">{item.provider}</span>
                    ) : null}
                  </td>
                  <td className={ui.td}>
                    <StatusBadge status={item.display} />
                    {item.awaiting ? (
                      <span className="mt-1 block text-xs text-amber-800">{t("training.awaiting")}</span>
                    ) : null}
                  </td>
                  <td className={`${ui.td} whitespace-nowrap`}>
                    {item.dueDate ? formatDay(item.dueDate, lang) : t("training.none")}
                  </td>
                  <td className={ui.td}>
                    <ProgressBar percent={item.progressPercent} label={t("training.fields.progress")} />
                  </td>
                  <td className={`${ui.td} whitespace-nowrap`} data-testid="levels">
                    {item.levelBefore !== null
                      ? item.levelAfter === null
                        ? t("training.beforeAwaiting", { before: item.levelBefore })
                        : t("training.beforeAfter", { before: item.levelBefore, after: item.levelAfter })
                      : t("training.none")}
                    {item.gapClosed ? (
                      <span className="block text-xs text-emerald-700">{t("training.gapClosed")}</span>
                    ) : null}
                  </td>
                  <td className={ui.td}>
                    <Link to={`/training/items/${item.id}`} className={ui.link}>
                      {canPlan
                        ? t("training.memberPlan.edit")
                        : canProgress
                          ? t("training.memberPlan.update")
                          : t("training.item.metaTitle")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
