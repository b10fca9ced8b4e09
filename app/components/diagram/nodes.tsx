import { memo } from "react";
import type { CSSProperties } from "react";
import { Handle, Position } from "@xyflow/react";
import type { Node, NodeProps } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { HANDLE_IDS } from "~/domain/layout";
import type { GeneralManagerNodeData, RoleNodeData } from "~/domain/layout";
import type { HeadcountRange, Priority, SkillLevel } from "~/domain/types";

export type GeneralManagerFlowNode = Node<GeneralManagerNodeData, "generalManager">;
/** A role's part in the step the ownership view shows (see OrgChartDiagram's `ownership`). */
export type OwnershipPart = "A" | "R" | "AR";
export type RoleFlowNode = Node<RoleNodeData & { ownership?: OwnershipPart }, "role">;

/** Accountable roles get an amber ring, responsible ones indigo; the badge says it in words too. */
const OWNERSHIP_RING: Record<OwnershipPart, string> = {
  A: "ring-4 ring-amber-500",
  AR: "ring-4 ring-orange-500",
  R: "ring-4 ring-indigo-500",
};
export type OrgChartFlowNode = GeneralManagerFlowNode | RoleFlowNode;

/** Edges end on these, but nobody connects by hand: keep them out of sight. */
const HIDDEN_HANDLE: CSSProperties = { opacity: 0, pointerEvents: "none" };

/** Priority is shown by border colour and pattern and by the badge's text, never by colour alone. */
export const PRIORITY_STYLES: Record<Priority, { card: string; badge: string; swatch: string }> = {
  core: {
    card: "border-2 border-solid border-emerald-600 bg-white text-slate-900",
    badge: "bg-emerald-100 text-emerald-900",
    swatch: "border-2 border-solid border-emerald-600 bg-white",
  },
  later: {
    card: "border-2 border-dashed border-amber-500 bg-amber-50 text-slate-900",
    badge: "bg-amber-100 text-amber-900",
    swatch: "border-2 border-dashed border-amber-500 bg-amber-50",
  },
  optional: {
    card: "border-2 border-dotted border-sky-500 bg-sky-50 text-slate-900",
    badge: "bg-sky-100 text-sky-900",
    swatch: "border-2 border-dotted border-sky-500 bg-sky-50",
  },
  not_needed: {
    card: "border border-solid border-slate-300 bg-slate-100 text-slate-500",
    badge: "bg-slate-200 text-slate-700",
    swatch: "border border-solid border-slate-300 bg-slate-100",
  },
};

const LEVEL_STEPS = [1, 2, 3, 4] as const;

/**
 * A required level as four small bars plus the number; the label says it in
 * words. Level 0 (a later role's skill) is "not required at this stage", not "0".
 */
export function SkillLevelBar({ level }: { level: SkillLevel }) {
  const { t } = useTranslation();
  if (level === 0) {
    const notRequired = t("diagram.node.notRequiredNow");
    return (
      <span title={notRequired} className="shrink-0 text-[11px] text-slate-400" data-testid="not-required-now">
        <span aria-hidden="true">–</span>
        <span className="sr-only">{notRequired}</span>
      </span>
    );
  }
  const label = t("diagram.node.levelValue", { level, name: t(`diagram.level.${level}`) });
  return (
    <span role="img" aria-label={label} title={label} className="flex shrink-0 items-center gap-1">
      <span className="flex gap-0.5" aria-hidden="true">
        {LEVEL_STEPS.map((step) => (
          <span key={step} className={`h-2.5 w-1.5 rounded-sm ${step <= level ? "bg-indigo-600" : "bg-slate-200"}`} />
        ))}
      </span>
      <span aria-hidden="true" className="w-2 text-right text-[11px] font-semibold tabular-nums">
        {level}
      </span>
    </span>
  );
}

export const GeneralManagerNode = memo(function GeneralManagerNode({ data }: NodeProps<GeneralManagerFlowNode>) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full w-full flex-col justify-center rounded-lg border-2 border-slate-700 bg-slate-800 px-3 text-white shadow-sm group-focus-visible:ring-4 group-focus-visible:ring-indigo-400">
      <p className="truncate text-sm font-semibold">{data.label}</p>
      <p className="truncate text-xs text-slate-300">{generalManagerSummary(data, t)}</p>
      <Handle
        type="source"
        position={Position.Bottom}
        id={HANDLE_IDS.reportingOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
    </div>
  );
});

export const RoleNode = memo(function RoleNode({ data, selected }: NodeProps<RoleFlowNode>) {
  const { t } = useTranslation();
  const style = PRIORITY_STYLES[data.priority];
  const headcount = roleHeadcount(data, t);
  const detail = roleDetail(data, t);
  return (
    <div
      data-ownership={data.ownership ?? undefined}
      className={`flex h-full w-full flex-col gap-1.5 overflow-hidden rounded-lg p-3 text-left shadow-sm transition-shadow ${style.card} ${
        selected
          ? "shadow-lg ring-4 ring-indigo-500"
          : data.ownership
            ? `shadow-lg ${OWNERSHIP_RING[data.ownership]}`
            : ""
      } group-focus-visible:ring-4 group-focus-visible:ring-indigo-400`}
    >
      <Handle
        type="target"
        position={Position.Top}
        id={HANDLE_IDS.reportingIn}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <p className="truncate text-sm font-semibold leading-5" title={data.label}>
        {data.label}
      </p>
      <p className="flex items-center gap-2 text-xs leading-5">
        <span className={`rounded px-1.5 font-medium ${style.badge}`}>{t(`diagram.priority.${data.priority}`)}</span>
        {headcount ? <span className="truncate tabular-nums">{headcount}</span> : null}
        {data.ownership ? (
          <span className="ml-auto shrink-0 rounded bg-slate-900 px-1.5 font-semibold text-white">
            {ownershipPartLabel(data.ownership, t)}
          </span>
        ) : null}
      </p>
      <p className="h-4 truncate text-xs leading-4 text-slate-600" title={detail ?? undefined}>
        {detail}
      </p>
      <div>
        <p className="text-[10px] font-semibold uppercase leading-[14px] tracking-wide text-slate-500">
          {t("diagram.node.responsibilities")}
          {data.moreResponsibilities > 0 ? ` · ${t("diagram.node.more", { n: data.moreResponsibilities })}` : ""}
        </p>
        <ul className="text-xs leading-4">
          {data.responsibilities.map((r, i) => (
            <li key={i} className="truncate" title={r}>
              · {r}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <p className="text-[10px] font-semibold uppercase leading-[14px] tracking-wide text-slate-500">
          {t("diagram.node.skills")}
          {data.moreSkills > 0 ? ` · ${t("diagram.node.more", { n: data.moreSkills })}` : ""}
        </p>
        <ul className="text-xs">
          {data.skills.map((s) => (
            <li key={s.id} className="flex h-[18px] items-center gap-2">
              <span className="min-w-0 flex-1 truncate" title={s.label}>
                {s.label}
              </span>
              <SkillLevelBar level={s.level} />
            </li>
          ))}
        </ul>
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        id={HANDLE_IDS.reportingOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <Handle
        type="source"
        position={Position.Bottom}
        id={HANDLE_IDS.collaborationOut}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
      <Handle
        type="target"
        position={Position.Bottom}
        id={HANDLE_IDS.collaborationIn}
        isConnectable={false}
        style={HIDDEN_HANDLE}
      />
    </div>
  );
});

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function ownershipPartLabel(part: OwnershipPart, t: Translate): string {
  if (part === "AR") return `${t("ownership.diagram.accountable")} + ${t("ownership.diagram.responsible")}`;
  return t(part === "A" ? "ownership.diagram.accountable" : "ownership.diagram.responsible");
}

export function headcountText(range: HeadcountRange, t: Translate): string {
  return range.min === range.max
    ? t("diagram.node.headcountSingle", { count: range.min })
    : t("diagram.node.headcount", { min: range.min, max: range.max });
}

/** The recommended headcount, or null when the role has no seat yet (later at 0, not needed). */
export function roleHeadcount(data: RoleNodeData, t: Translate): string | null {
  if (data.priority === "not_needed" || data.headcount.max === 0) return null;
  return headcountText(data.headcount, t);
}

export function generalManagerSummary(data: GeneralManagerNodeData, t: Translate): string {
  return `${t("diagram.node.coreRoles", { count: data.coreRoleCount })} · ${headcountText(data.coreHeadcount, t)}`;
}

/** The line under the badge: when a later role becomes core, who covers an optional one. */
export function roleDetail(data: RoleNodeData, t: Translate): string | null {
  switch (data.priority) {
    case "later":
      return data.coreFrom ? t("diagram.node.coreFrom", { stage: t(`diagram.stage.${data.coreFrom}`) }) : null;
    case "optional":
      return data.coveredBy ? t("diagram.node.coveredBy", { who: data.coveredBy }) : null;
    case "not_needed":
      return t("diagram.node.notNeeded");
    default:
      return null;
  }
}

/** Declared once at module scope: a new object per render would remount every node. */
export const nodeTypes = {
  generalManager: GeneralManagerNode,
  role: RoleNode,
};
