/**
 * The org charts as pictures (app/domain/picture.ts): the boxes, colours and
 * legend of the on-screen diagrams, in the reader's language.
 */
import { orgChartGraph, type DiagramNode } from "~/domain/layout";
import {
  composePicture,
  MIN_PICTURE_FONT,
  type BoxInput,
  type BoxStyle,
  type EdgeKind,
  type EdgeStyle,
  type LegendSection,
  type Measure,
  type Picture,
} from "~/domain/picture";
import { PRIORITIES, type Language, type OrgChartRecommendation, type Priority, type RoleId } from "~/domain/types";
import { dateTimeFormat } from "~/utils/intl";
import { COLLABORATION_DASH, EDGE_COLORS } from "./edges";
import { PRIORITY_LEGEND_KEYS } from "./LegendParts";
import { generalManagerSummary, ownershipPartLabel, roleDetail, roleHeadcount, type OwnershipPart } from "./nodes";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const PICTURE_TONES = {
  text: "#0f172a",
  muted: "#475569",
  light: "#cbd5e1",
  inverse: "#ffffff",
  bad: "#b91c1c",
  warn: "#92400e",
  ok: "#065f46",
} as const;
export type Tone = keyof typeof PICTURE_TONES;

const dash = (css: string) => css.split(" ").map(Number);

/** Priority by border colour and pattern and by the badge's words, as on screen. */
export const PRIORITY_PICTURE: Record<Priority, { box: BoxStyle; badge: string; badgeText: string; swatch: string }> = {
  core: {
    box: { fill: "#ffffff", stroke: "#059669", strokeWidth: 2, radius: 8 },
    badge: "#d1fae5",
    badgeText: "#064e3b",
    swatch: "#ffffff",
  },
  later: {
    box: { fill: "#fffbeb", stroke: "#f59e0b", strokeWidth: 2, dash: [6, 4], radius: 8 },
    badge: "#fef3c7",
    badgeText: "#78350f",
    swatch: "#fffbeb",
  },
  optional: {
    box: { fill: "#f0f9ff", stroke: "#0ea5e9", strokeWidth: 2, dash: [2, 3], radius: 8 },
    badge: "#e0f2fe",
    badgeText: "#0c4a6e",
    swatch: "#f0f9ff",
  },
  not_needed: {
    box: { fill: "#f1f5f9", stroke: "#cbd5e1", strokeWidth: 1, radius: 8 },
    badge: "#e2e8f0",
    badgeText: "#334155",
    swatch: "#f1f5f9",
  },
};
export const GM_BOX: BoxStyle = { fill: "#1e293b", stroke: "#334155", strokeWidth: 2, radius: 8 };
const OWNERSHIP_STROKE: Record<OwnershipPart, string> = { A: "#f59e0b", AR: "#f97316", R: "#6366f1" };

export const ALSO_HOLDS_PICTURE = { stroke: "#0e7490", dash: [2, 4] };
export const EDGE_PICTURE: Record<EdgeKind, EdgeStyle> = {
  reporting: { stroke: EDGE_COLORS.reporting, width: 1.5 },
  collaboration: { stroke: EDGE_COLORS.collaboration, width: 1.5, dash: dash(COLLABORATION_DASH), opacity: 0.85 },
  alsoHolds: { stroke: ALSO_HOLDS_PICTURE.stroke, width: 1.25, dash: ALSO_HOLDS_PICTURE.dash, opacity: 0.6 },
  handOff: { stroke: EDGE_COLORS.handOff, width: 2.5 },
};

/** The priorities' legend section, shared by the org charts and the team chart. */
export function priorityLegend(t: Translate, heading: string): LegendSection {
  return {
    heading,
    entries: PRIORITIES.map((p) => {
      const { box, swatch } = PRIORITY_PICTURE[p];
      return {
        label: t(PRIORITY_LEGEND_KEYS[p]),
        swatch: { kind: "box" as const, fill: swatch, stroke: box.stroke, dash: box.dash },
      };
    }),
  };
}

/** The title block's lines under the title: organisation (signed in), model and stage, a profile line, the date. */
export function pictureDetails(
  t: Translate,
  {
    organisationName,
    model,
    stage,
    subtitle,
    lang,
    date = new Date(),
  }: {
    organisationName?: string | null;
    model: string;
    stage: string;
    subtitle?: string | null;
    lang: Language;
    date?: Date;
  },
): string[] {
  const day = dateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(date);
  return [
    organisationName ? t("diagram.picture.organisation", { name: organisationName }) : null,
    t("diagram.picture.modelStage", { model, stage }),
    subtitle ?? null,
    t("diagram.picture.date", { date: day }),
  ].filter((line): line is string => Boolean(line));
}

/** What a picture says above the chart: its title and the lines of the title block. */
export interface PictureHeading {
  title: string;
  details: string[];
}

function orgChartBox(
  node: DiagramNode,
  t: Translate,
  ownership: Partial<Record<RoleId, OwnershipPart>> | undefined,
): BoxInput {
  const base = { id: node.id, x: node.position.x, y: node.position.y, width: node.width, height: node.height };
  if (node.type === "generalManager") {
    return {
      ...base,
      style: GM_BOX,
      lines: [
        { text: node.data.label, size: 14, weight: 600, fill: PICTURE_TONES.inverse },
        { text: generalManagerSummary(node.data, t), size: 12, fill: PICTURE_TONES.light },
      ],
    };
  }
  const d = node.data;
  const style = PRIORITY_PICTURE[d.priority];
  const part = ownership?.[d.roleId];
  const headcount = roleHeadcount(d, t);
  const detail = roleDetail(d, t);
  const heading = (key: string, more: number) =>
    `${t(key)}${more > 0 ? ` · ${t("diagram.node.more", { n: more })}` : ""}`;
  return {
    ...base,
    style: part ? { ...style.box, stroke: OWNERSHIP_STROKE[part], strokeWidth: 4, dash: undefined } : style.box,
    badge: { text: t(`diagram.priority.${d.priority}`), fill: style.badge, color: style.badgeText },
    lines: [
      { text: d.label, size: 14, weight: 600, fill: PICTURE_TONES.text },
      ...(part
        ? [{ text: ownershipPartLabel(part, t), size: 12, weight: 600 as const, fill: PICTURE_TONES.text }]
        : []),
      ...(headcount ? [{ text: headcount, size: 12, fill: PICTURE_TONES.text }] : []),
      ...(detail ? [{ text: detail, size: 12, fill: PICTURE_TONES.muted }] : []),
      ...(d.responsibilities.length > 0
        ? [
            {
              text: heading("diagram.node.responsibilities", d.moreResponsibilities),
              size: MIN_PICTURE_FONT,
              weight: 600 as const,
              fill: PICTURE_TONES.muted,
            },
          ]
        : []),
      ...d.responsibilities.map((r) => ({ text: `· ${r}`, size: 12, fill: PICTURE_TONES.text })),
      ...(d.skills.length > 0
        ? [
            {
              text: heading("diagram.node.skills", d.moreSkills),
              size: MIN_PICTURE_FONT,
              weight: 600 as const,
              fill: PICTURE_TONES.muted,
            },
          ]
        : []),
      ...d.skills.map((s) => ({
        // level 0 is a later role's skill: "not required at this stage", as the chart on screen says (issue 18)
        text: `${s.label} · ${
          s.level === 0
            ? t("diagram.node.notRequiredNow")
            : t("diagram.node.levelValue", { level: s.level, name: t(`diagram.level.${s.level}`) })
        }`,
        size: 12,
        fill: PICTURE_TONES.text,
      })),
    ],
  };
}

/** Four roles a row (about 1,030 px wide instead of 1,780), under the GM's usual gap. */
const SIDE_BY_SIDE_LAYOUT = { roleColumns: 4, levelGap: 56 } as const;

/**
 * A recommended org chart (planner, scenarios, hiring target, ownership) as a
 * picture. With `ownership`, the roles' parts in one step and the hand-offs.
 */
export function orgChartPicture(
  {
    recommendation,
    lang,
    t,
    heading,
    ownership,
    sideBySide = false,
  }: {
    recommendation: OrgChartRecommendation;
    lang: Language;
    t: Translate;
    heading: PictureHeading;
    /** one of two charts shared side by side: the roles in rows of four, so the picture is half as wide */
    sideBySide?: boolean;
    ownership?: { parts: Partial<Record<RoleId, OwnershipPart>>; handOffs: { from: RoleId; to: RoleId }[] };
  },
  measure: Measure,
  fontFamily: string,
): Picture {
  const graph = orgChartGraph(recommendation, lang, sideBySide ? SIDE_BY_SIDE_LAYOUT : {});
  const legend: LegendSection[] = [
    priorityLegend(t, t("diagram.legend.priorities")),
    {
      heading: t("diagram.legend.links"),
      entries: [
        { label: t("diagram.legend.reporting"), swatch: { kind: "line", stroke: EDGE_PICTURE.reporting.stroke } },
        {
          label: t("diagram.legend.collaboration"),
          swatch: { kind: "line", stroke: EDGE_PICTURE.collaboration.stroke, dash: EDGE_PICTURE.collaboration.dash },
        },
        ...(ownership
          ? [
              {
                label: t("diagram.picture.handOff"),
                swatch: { kind: "line" as const, stroke: EDGE_PICTURE.handOff.stroke },
              },
            ]
          : []),
      ],
    },
    ...(ownership
      ? [
          {
            heading: t("diagram.picture.ownershipLegend"),
            entries: (["A", "R"] as const).map((part) => ({
              label: t(part === "A" ? "diagram.picture.accountable" : "diagram.picture.responsible"),
              swatch: { kind: "box" as const, fill: "#ffffff", stroke: OWNERSHIP_STROKE[part] },
            })),
          },
        ]
      : []),
    {
      heading: t("diagram.legend.levels"),
      entries: [{ label: t("diagram.legend.levelScale"), swatch: { kind: "box", fill: "#4f46e5", stroke: "#4f46e5" } }],
    },
  ];
  return composePicture(
    {
      title: heading.title,
      details: heading.details,
      boxes: graph.nodes.map((n) => orgChartBox(n, t, ownership?.parts)),
      edges: [
        ...graph.edges
          .filter((e) => !ownership || e.type === "reporting")
          .map((e) => ({ source: e.source, target: e.target, kind: e.type })),
        ...(ownership?.handOffs.map((h) => ({ source: h.from, target: h.to, kind: "handOff" as const })) ?? []),
      ],
      edgeStyles: EDGE_PICTURE,
      legend,
      fontFamily,
      reportingBusDrop: sideBySide ? SIDE_BY_SIDE_LAYOUT.levelGap / 2 : undefined,
    },
    measure,
  );
}
