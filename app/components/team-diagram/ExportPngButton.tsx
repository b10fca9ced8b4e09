import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useNumberFormat } from "~/components/heatmap/format";
import type { TeamDiagramEdge, TeamDiagramNode } from "~/domain/team-graph";
import { teamChartPng } from "./exportPng";
import type { NodeTexts } from "./exportPng";
import { PngDownloadButton } from "./PngDownloadButton";
import { headcountLabel, memberGapText, roleSkillStatus, roleStaffingStatus } from "./nodes";

/** `org-chart-2026-05-14.png`, in the reader's local date. */
export function exportFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `org-chart-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.png`;
}

const SYMBOL = { none: "✓", small: "!", large: "‼", hidden: "·" } as const;

/**
 * Downloads the whole diagram (every laid-out node, not just what is in
 * view) as a PNG made in the browser; see exportPng.ts for why it is drawn
 * rather than copied from the DOM.
 */
export function ExportPngButton({ nodes, edges }: { nodes: readonly TeamDiagramNode[]; edges: readonly TeamDiagramEdge[] }) {
  const { t } = useTranslation();
  const num = useNumberFormat();

  const textsOf = useCallback(
    (node: TeamDiagramNode): NodeTexts => {
      switch (node.type) {
        case "teamGm": {
          const d = node.data;
          return {
            lines: [
              { text: d.label, bold: true, tone: "inverse" },
              { text: t("insights.chart.gm.members", { count: d.memberCount, n: num(d.memberCount), fte: num(d.fte) }), tone: "light" },
              { text: d.unfilledSeats > 0 ? t("insights.chart.gm.seats", { count: d.unfilledSeats }) : t("insights.chart.gm.staffed"), tone: "light" },
            ],
          };
        }
        case "teamRole": {
          const d = node.data;
          const staffing = roleStaffingStatus(d, t, num);
          const skills = roleSkillStatus(d, t);
          return {
            badge: t(`diagram.priority.${d.priority}`),
            lines: [
              { text: d.label, bold: true },
              { text: t("insights.chart.role.recommendedVsActual", { recommended: headcountLabel(d.headcount), fte: num(d.fte) }), tone: "muted" },
              { text: staffing.text, tone: staffing.tone },
              ...(skills ? [{ text: skills.text, tone: skills.tone }] : []),
              { text: t("insights.chart.membersHere", { count: d.memberCount, n: num(d.memberCount) }), tone: "muted" },
            ],
          };
        }
        case "teamMember": {
          const d = node.data;
          const also = d.alsoHolds.length > 0 ? ` · ${t("insights.chart.alsoHolds", { roles: d.alsoHolds.join(t("insights.listSeparator")) })}` : "";
          return {
            badge: `${SYMBOL[d.bucket]}${d.maxGap > 0 ? d.maxGap : ""}`,
            lines: [{ text: d.name }, { text: `${memberGapText(d, t)}${also}`, tone: "muted" }],
          };
        }
        case "openSeat":
          return { lines: [{ text: t("insights.chart.openSeat") }] };
        case "moreMembers":
          return { lines: [{ text: t("insights.chart.moreMembers", { count: node.data.hidden, n: num(node.data.hidden) }) }] };
        default:
          return { lines: [] };
      }
    },
    [t, num],
  );

  const makePng = useCallback((font: string) => teamChartPng(nodes, edges, textsOf, font), [nodes, edges, textsOf]);

  return (
    <PngDownloadButton
      makePng={makePng}
      fileName={exportFileName}
      testId="export-png"
      labels={{ download: t("insights.chart.download"), busy: t("insights.chart.downloading"), failed: t("insights.chart.downloadFailed") }}
      failedClassName="rounded bg-white/90 px-2 py-1 text-xs text-red-700"
    />
  );
}
