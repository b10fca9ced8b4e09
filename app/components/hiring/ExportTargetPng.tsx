import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { PngDownloadButton } from "~/components/team-diagram/PngDownloadButton";
import { teamChartPng, type NodeTexts } from "~/components/team-diagram/exportPng";
import { orgChartGraph, type DiagramNode } from "~/domain/layout";
import type { TeamDiagramEdge, TeamDiagramNode } from "~/domain/team-graph";
import type { Language, OrgChartRecommendation } from "~/domain/types";

/**
 * The recommended org chart of the target as a PNG. The planner's diagram
 * has the same two kinds of boxes as the team chart's top rows (the general
 * manager, the roles with their priority), so its laid-out nodes are handed
 * to the team chart's canvas drawing (team-diagram/exportPng.ts) as such.
 */
function asTeamNodes(nodes: readonly DiagramNode[]): TeamDiagramNode[] {
  return nodes.map((n): TeamDiagramNode => {
    const base = { id: n.id, position: n.position, width: n.width, height: n.height };
    if (n.type === "generalManager") {
      return { ...base, type: "teamGm", data: { label: n.data.label, memberCount: 0, fte: 0, unfilledSeats: 0, withoutRole: 0 } };
    }
    const d = n.data;
    return {
      ...base,
      type: "teamRole",
      data: {
        roleId: d.roleId,
        label: d.label,
        priority: d.priority,
        headcount: d.headcount,
        fte: 0,
        unfilledSeats: 0,
        overStaffedBy: 0,
        unmetSkills: 0,
        memberCount: 0,
        holderCount: 0,
        expanded: false,
      },
    };
  });
}

export function pngFileName(model: string, stage: string, date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `target-org-${model}-${stage}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.png`;
}

export function ExportTargetPng({ recommendation, lang }: { recommendation: OrgChartRecommendation; lang: Language }) {
  const { t } = useTranslation();

  const makePng = useCallback(
    (font: string) => {
    const graph = orgChartGraph(recommendation, lang);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const nodes = asTeamNodes(graph.nodes);
    const edges: TeamDiagramEdge[] = graph.edges.map((e) => ({ ...e, data: { kind: e.data.kind, reason: e.data.reason } }));
    const textsOf = (node: TeamDiagramNode): NodeTexts => {
      const source = byId.get(node.id);
      if (!source) return { lines: [] };
      if (source.type === "generalManager") {
        return { lines: [{ text: source.data.label, bold: true, tone: "inverse" }, { text: t("hiring.png.coreRoles", { count: source.data.coreRoleCount }), tone: "light" }] };
      }
      const d = source.data;
      const headcount = d.headcount.min === d.headcount.max ? `${d.headcount.min}` : `${d.headcount.min}–${d.headcount.max}`;
      return {
        badge: t(`diagram.priority.${d.priority}`),
        lines: [
          { text: d.label, bold: true },
          { text: t("hiring.png.headcount", { value: headcount }), tone: "muted" },
          ...d.responsibilities.map((text) => ({ text, tone: "muted" as const })),
          ...d.skills.map((s) => ({ text: `${s.label} · ${s.level}` })),
        ],
      };
    };
      return teamChartPng(nodes, edges, textsOf, font);
    },
    [recommendation, lang, t],
  );
  const fileName = useCallback(() => pngFileName(recommendation.model, recommendation.stage), [recommendation]);

  return (
    <PngDownloadButton
      makePng={makePng}
      fileName={fileName}
      testId="export-target-png"
      labels={{ download: t("hiring.png.download"), busy: t("hiring.png.busy"), failed: t("hiring.png.failed") }}
    />
  );
}
