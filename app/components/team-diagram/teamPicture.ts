/**
 * The team's org chart as a picture (app/domain/picture.ts): the same boxes,
 * colours, texts and legend as the diagram, every name in full.
 */
import {
  EDGE_PICTURE,
  GM_BOX,
  PICTURE_TONES,
  PRIORITY_PICTURE,
  priorityLegend,
  type PictureHeading,
  type Tone,
} from "~/components/diagram/pictures";
import type { GapBucket } from "~/domain/gaps";
import {
  composePicture,
  type BoxInput,
  type BoxStyle,
  type Measure,
  type Picture,
  type TextLine,
} from "~/domain/picture";
import { ALSO_HOLDS_INSET, type TeamDiagramEdge, type TeamDiagramNode } from "~/domain/team-graph";
import { headcountLabel, memberGapText, roleSkillStatus, roleStaffingStatus } from "./nodes";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Format = (value: number, digits?: number) => string;

const BUCKET_PICTURE: Record<GapBucket | "hidden", { box: BoxStyle; chip: string; chipText: string; symbol: string }> =
  {
    none: {
      box: { fill: "#ecfdf5", stroke: "#10b981", strokeWidth: 1, radius: 6, accent: "#10b981" },
      chip: "#d1fae5",
      chipText: "#064e3b",
      symbol: "✓",
    },
    small: {
      box: { fill: "#fffbeb", stroke: "#f59e0b", strokeWidth: 1, radius: 6, accent: "#f59e0b" },
      chip: "#fef3c7",
      chipText: "#78350f",
      symbol: "!",
    },
    large: {
      box: { fill: "#fef2f2", stroke: "#ef4444", strokeWidth: 1, radius: 6, accent: "#ef4444" },
      chip: "#fee2e2",
      chipText: "#7f1d1d",
      symbol: "‼",
    },
    // levels not assessed yet: grey, "?", never counted as a gap (decision 0014)
    unassessed: {
      box: { fill: "#f8fafc", stroke: "#94a3b8", strokeWidth: 1, radius: 6, accent: "#94a3b8" },
      chip: "#e2e8f0",
      chipText: "#334155",
      symbol: "?",
    },
    // a person whose levels the reader may not see: grey, no gap figure (decision 0011)
    hidden: {
      box: { fill: "#f8fafc", stroke: "#cbd5e1", strokeWidth: 1, radius: 6, accent: "#cbd5e1" },
      chip: "#f1f5f9",
      chipText: "#475569",
      symbol: "·",
    },
  };
const DEPARTMENT_BOX: BoxStyle = { fill: "#f8fafc", stroke: "#e2e8f0", strokeWidth: 1, radius: 12 };
const OPEN_SEAT_BOX: BoxStyle = { fill: "#ffffff", stroke: "#94a3b8", strokeWidth: 2, dash: [5, 4], radius: 6 };
const MORE_BOX: BoxStyle = { fill: "#f1f5f9", stroke: "#cbd5e1", strokeWidth: 1, radius: 6 };

const line = (text: string, tone: Tone = "text", size = 12, weight: 400 | 600 = 400): TextLine => ({
  text,
  fill: PICTURE_TONES[tone],
  size,
  weight,
});

function teamBox(node: TeamDiagramNode, t: Translate, num: Format): BoxInput {
  const base = { id: node.id, x: node.position.x, y: node.position.y, width: node.width, height: node.height };
  switch (node.type) {
    case "department":
      return { ...base, style: DEPARTMENT_BOX, lines: [] };
    case "teamGm": {
      const d = node.data;
      return {
        ...base,
        style: GM_BOX,
        lines: [
          line(d.label, "inverse", 14, 600),
          line(
            t("insights.chart.gm.members", { count: d.memberCount, n: num(d.memberCount), fte: num(d.fte) }),
            "light",
          ),
          line(
            d.unfilledSeats > 0
              ? t("insights.chart.gm.seats", { count: d.unfilledSeats })
              : t("insights.chart.gm.staffed"),
            "light",
          ),
        ],
      };
    }
    case "teamRole": {
      const d = node.data;
      const style = PRIORITY_PICTURE[d.priority];
      const staffing = roleStaffingStatus(d, t, num);
      const skills = roleSkillStatus(d, t);
      return {
        ...base,
        style: style.box,
        badge: { text: t(`diagram.priority.${d.priority}`), fill: style.badge, color: style.badgeText },
        lines: [
          line(d.label, "text", 14, 600),
          line(
            t("insights.chart.role.recommendedVsActual", { recommended: headcountLabel(d.headcount), fte: num(d.fte) }),
            "muted",
          ),
          line(staffing.text, staffing.tone),
          ...(skills ? [line(skills.text, skills.tone)] : []),
          line(t("insights.chart.membersHere", { count: d.memberCount, n: num(d.memberCount) }), "muted"),
        ],
      };
    }
    case "teamMember": {
      const d = node.data;
      const style = BUCKET_PICTURE[d.bucket];
      const also =
        d.alsoHolds.length > 0
          ? [line(t("insights.chart.alsoHolds", { roles: d.alsoHolds.join(t("insights.listSeparator")) }), "muted", 11)]
          : [];
      return {
        ...base,
        style: style.box,
        badge: { text: `${style.symbol}${d.maxGap > 0 ? d.maxGap : ""}`, fill: style.chip, color: style.chipText },
        lines: [line(d.name, "text", 12, 600), line(memberGapText(d, t), "muted", 11), ...also],
      };
    }
    case "openSeat":
      return {
        ...base,
        style: OPEN_SEAT_BOX,
        align: "center",
        lines: [{ ...line(t("insights.chart.openSeat"), "muted"), italic: true }],
      };
    case "moreMembers":
      return {
        ...base,
        style: MORE_BOX,
        align: "center",
        lines: [
          line(t("insights.chart.moreMembers", { count: node.data.hidden, n: num(node.data.hidden) }), "text", 12, 600),
        ],
      };
  }
}

/** The team chart (as laid out now: open departments with their members) as a picture. */
export function teamPicture(
  {
    nodes,
    edges,
    t,
    num,
    heading,
  }: {
    nodes: readonly TeamDiagramNode[];
    edges: readonly TeamDiagramEdge[];
    t: Translate;
    num: Format;
    heading: PictureHeading;
  },
  measure: Measure,
  fontFamily: string,
): Picture {
  return composePicture(
    {
      title: heading.title,
      details: heading.details,
      // departments first: they are the background of their members
      boxes: [...nodes.filter((n) => n.type === "department"), ...nodes.filter((n) => n.type !== "department")].map(
        (n) => teamBox(n, t, num),
      ),
      edges: edges.map((e) => ({ source: e.source, target: e.target, kind: e.type })),
      edgeStyles: EDGE_PICTURE,
      alsoHoldsInset: ALSO_HOLDS_INSET,
      fontFamily,
      legend: [
        {
          heading: t("insights.chart.legend.members"),
          entries: [
            ...(["none", "small", "large", "unassessed"] as const).map((bucket) => ({
              label: t(`insights.chart.legend.${bucket}`),
              swatch: {
                kind: "box" as const,
                fill: BUCKET_PICTURE[bucket].box.fill,
                stroke: BUCKET_PICTURE[bucket].box.stroke,
                accent: BUCKET_PICTURE[bucket].box.accent,
                symbol: BUCKET_PICTURE[bucket].symbol,
              },
            })),
            {
              label: t("insights.chart.legend.openSeat"),
              swatch: { kind: "box", fill: OPEN_SEAT_BOX.fill, stroke: OPEN_SEAT_BOX.stroke, dash: OPEN_SEAT_BOX.dash },
            },
          ],
        },
        {
          heading: t("insights.chart.legend.links"),
          entries: [
            {
              label: t("insights.chart.legend.reporting"),
              swatch: { kind: "line", stroke: EDGE_PICTURE.reporting.stroke },
            },
            {
              label: t("insights.chart.legend.collaboration"),
              swatch: {
                kind: "line",
                stroke: EDGE_PICTURE.collaboration.stroke,
                dash: EDGE_PICTURE.collaboration.dash,
              },
            },
            {
              label: t("insights.chart.legend.alsoHolds"),
              swatch: { kind: "line", stroke: EDGE_PICTURE.alsoHolds.stroke, dash: EDGE_PICTURE.alsoHolds.dash },
            },
          ],
        },
        priorityLegend(t, t("insights.chart.legend.priorities")),
      ],
    },
    measure,
  );
}
