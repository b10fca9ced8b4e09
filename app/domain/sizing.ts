/**
 * Sizing (PRODUCT.md, "Business profile and sizing"): the recommendation for
 * a company with one or more channels (operating models with a share of
 * revenue) and the workload drivers that headcount depends on. Pure: no I/O,
 * no framework imports. See docs/decisions/0012-sizing-by-workload-drivers.md.
 *
 * - Each channel gets the v1 recommendation (recommendOrgChart); a role takes
 *   the highest priority it has in any channel, and the widest stage range
 *   among the channels that give it that priority.
 * - A core role's headcount is then the larger of that range and what each of
 *   its drivers asks for (the playbook's sizing table), so without drivers the
 *   answer is the v1 answer and raising a driver never lowers a number.
 */
import { recommendOrgChart } from "./recommendation";
import { DRIVER_IDS, MODEL_IDS } from "./types";
import type {
  DriverId,
  HeadcountRange,
  Localized,
  ModelId,
  OrgChartRecommendation,
  Playbook,
  Priority,
  RationaleEntry,
  RecommendedLink,
  RecommendedRole,
  RoleId,
  SizingReference,
  SizingRule,
  StageId,
} from "./types";
import { t } from "./playbook-text";

export { DRIVER_IDS } from "./types";
export type { DriverId } from "./types";

/* ------------------------------------------------------------------ */
/* The profile's vocabulary                                             */
/* ------------------------------------------------------------------ */

export interface DriverSpec {
  id: DriverId;
  min: number;
  max: number;
  label: Localized;
  unit: Localized;
  hint: Localized;
}

/** Each driver's range, unit and hint: the profile form, the planner and the API share them. */
export const DRIVERS: Record<DriverId, DriverSpec> = {
  stores: {
    id: "stores",
    min: 0,
    max: 1000,
    label: t("店铺/站点数", "Stores and sites"),
    unit: t("个", "stores"),
    hint: t(
      "运营中的平台店铺、卖家账户和独立站数量，0–1,000。",
      "Marketplace stores, seller accounts and own sites you operate, 0–1,000.",
    ),
  },
  skus: {
    id: "skus",
    min: 0,
    max: 1_000_000,
    label: t("在售 SKU", "Active SKUs"),
    unit: t("个", "SKUs"),
    hint: t("当前在售的 SKU 数量，0–1,000,000。", "SKUs currently on sale, 0–1,000,000."),
  },
  ordersPerDay: {
    id: "ordersPerDay",
    min: 0,
    max: 1_000_000,
    label: t("日订单量", "Orders per day"),
    unit: t("单/天", "orders a day"),
    hint: t("所有渠道合计的日均订单，0–1,000,000。", "Average orders a day across all channels, 0–1,000,000."),
  },
  markets: {
    id: "markets",
    min: 1,
    max: 250,
    label: t("目标市场", "Target markets"),
    unit: t("个国家或地区", "countries or regions"),
    hint: t("销售覆盖的国家或地区数，1–250。", "Countries or regions you sell to, 1–250."),
  },
  languages: {
    id: "languages",
    min: 1,
    max: 100,
    label: t("客户语言", "Customer languages"),
    unit: t("种", "languages"),
    hint: t("为客户提供服务的语言数，1–100。", "Languages you serve customers in, 1–100."),
  },
  b2bAccounts: {
    id: "b2bAccounts",
    min: 0,
    max: 100_000,
    label: t("活跃 B2B 客户", "Active B2B accounts"),
    unit: t("个客户", "accounts"),
    hint: t(
      "近 12 个月有订单的 B2B 客户数，0–100,000。",
      "B2B customers who ordered in the last 12 months, 0–100,000.",
    ),
  },
};

/** Driver values; an absent driver is not used (the role keeps its stage range). */
export type Drivers = Partial<Record<DriverId, number>>;

export interface Channel {
  model: ModelId;
  /** share of revenue in whole per cent; the shares of a profile add up to 100 */
  share: number;
}

export function isDriverId(x: unknown): x is DriverId {
  return typeof x === "string" && (DRIVER_IDS as readonly string[]).includes(x);
}

/** A problem with a value, for a 400 or a form: the driver and its range. */
export function driverProblem(id: DriverId, value: number): string | null {
  const spec = DRIVERS[id];
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    return `${id} must be a whole number from ${spec.min} to ${spec.max}`;
  }
  return null;
}

export interface ChannelProblem {
  kind: "unknown_model" | "duplicate_model" | "bad_share" | "shares_total" | "empty";
  model?: string;
  message: string;
}

/** Problems with a list of channels: unknown or repeated models, shares not 1–100 or not adding up to 100. */
export function channelProblems(channels: readonly { model: string; share: number }[]): ChannelProblem[] {
  const problems: ChannelProblem[] = [];
  if (channels.length === 0) return [{ kind: "empty", message: "give at least one channel" }];
  const seen = new Set<string>();
  for (const c of channels) {
    if (!(MODEL_IDS as readonly string[]).includes(c.model)) {
      problems.push({ kind: "unknown_model", model: c.model, message: `unknown model "${c.model}"` });
    } else if (seen.has(c.model)) {
      problems.push({ kind: "duplicate_model", model: c.model, message: `model "${c.model}" is given twice` });
    }
    seen.add(c.model);
    if (!Number.isInteger(c.share) || c.share < 1 || c.share > 100) {
      problems.push({
        kind: "bad_share",
        model: c.model,
        message: `the share of "${c.model}" must be a whole number from 1 to 100`,
      });
    }
  }
  const total = channels.reduce((sum, c) => sum + (Number.isFinite(c.share) ? c.share : 0), 0);
  if (total !== 100) problems.push({ kind: "shares_total", message: `shares add up to ${total}, not 100` });
  return problems;
}

/** Largest share first; equal shares keep their given order. The first is the primary channel. */
export function orderChannels(channels: readonly Channel[]): Channel[] {
  return channels
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.share - a.c.share || a.i - b.i)
    .map(({ c }) => ({ ...c }));
}

export function primaryModel(channels: readonly Channel[]): ModelId {
  return orderChannels(channels)[0].model;
}

/** `platform:60,independent_site:40` */
export function formatChannels(channels: readonly Channel[]): string {
  return channels.map((c) => `${c.model}:${c.share}`).join(",");
}

/* ------------------------------------------------------------------ */
/* The answer's shape                                                   */
/* ------------------------------------------------------------------ */

export interface SizedHeadcount extends HeadcountRange {
  /**
   * true when the number rests on a product default: the playbook's stage
   * range (the source gives no headcounts), or a driver ratio with no
   * published figure behind it.
   */
  isDefault: boolean;
}

export interface DriverSizing {
  driver: DriverId;
  /** the value used; null when the profile does not give it */
  value: number | null;
  perPerson: { low: number; high: number };
  ratio: Localized;
  productDefault: boolean;
  references: SizingReference[];
  basis: Localized;
  /** what this driver alone asks for; null without a value */
  headcount: HeadcountRange | null;
  /** the smallest larger value of the driver that raises the role's headcount, and the headcount there */
  next: { value: number; headcount: HeadcountRange } | null;
}

export interface RoleSizing {
  /** false for roles that are not core: only core roles are sized */
  applied: boolean;
  /** the stage range before drivers */
  base: HeadcountRange;
  /** the driver that sets the maximum (else the minimum); null when the stage range stands */
  setBy: DriverId | null;
  /** the role's rows of the sizing table, in table order */
  drivers: DriverSizing[];
}

export interface ChannelView {
  model: ModelId;
  share: number;
  priority: Priority;
  responsibilities: RecommendedRole["responsibilities"];
}

export interface SizedRole extends RecommendedRole {
  headcount: SizedHeadcount;
  sizing: RoleSizing;
  /** the role in each channel's own answer, primary first */
  channels: ChannelView[];
  /** true when the channels word the role's responsibilities differently (show them per channel) */
  responsibilitiesDiffer: boolean;
  /** channels that raise the role above its priority in the primary channel */
  addedBy: ModelId[];
}

export interface SizedRecommendation extends OrgChartRecommendation {
  /** the primary channel's model */
  model: ModelId;
  /** largest share first */
  channels: Channel[];
  drivers: Drivers;
  roles: SizedRole[];
}

export interface SizingInput {
  playbook: Playbook;
  /** one or more channels; validate with channelProblems first */
  channels: readonly Channel[];
  stage: StageId;
  drivers?: Drivers;
}

/* ------------------------------------------------------------------ */
/* The rule                                                             */
/* ------------------------------------------------------------------ */

export const PRIORITY_RANK: Record<Priority, number> = { core: 3, optional: 2, later: 1, not_needed: 0 };

const ceilDiv = (value: number, per: number): number => (value <= 0 ? 0 : Math.ceil(value / per));

/** What a driver value alone asks for under a rule: ceil(value ÷ high) to ceil(value ÷ low). */
export function driverHeadcount(rule: Pick<SizingRule, "perPerson">, value: number): HeadcountRange {
  return { min: ceilDiv(value, rule.perPerson.high), max: ceilDiv(value, rule.perPerson.low) };
}

interface Sized {
  headcount: HeadcountRange;
  setBy: DriverId | null;
}

function applyDrivers(base: HeadcountRange, rules: readonly SizingRule[], drivers: Drivers): Sized {
  let min = base.min;
  let max = base.max;
  const asked: { rule: SizingRule; h: HeadcountRange }[] = [];
  for (const rule of rules) {
    const value = drivers[rule.driver];
    if (value === undefined) continue;
    const h = driverHeadcount(rule, value);
    asked.push({ rule, h });
    if (h.min > min) min = h.min;
    if (h.max > max) max = h.max;
  }
  // the driver behind the number: the one reaching the maximum (else the minimum), a referenced one first
  const reaching = asked.filter(({ h }) => (max > base.max && h.max === max) || (min > base.min && h.min === min));
  const setBy = (reaching.find(({ rule }) => !rule.productDefault) ?? reaching[0])?.rule.driver ?? null;
  return { headcount: { min, max }, setBy };
}

/** The smallest value above `value` at which the role's sized min or max rises; null beyond the driver's maximum. */
function nextStep(
  base: HeadcountRange,
  rules: readonly SizingRule[],
  drivers: Drivers,
  rule: SizingRule,
  current: HeadcountRange,
): { value: number; headcount: HeadcountRange } | null {
  const { low, high } = rule.perPerson;
  const value = drivers[rule.driver] ?? DRIVERS[rule.driver].min;
  // ceil(v ÷ per) exceeds k from v = k × per + 1 on; the role's own number is the bar to clear
  const cap = DRIVERS[rule.driver].max;
  let next = Math.min(Math.floor(current.max * low) + 1, Math.floor(current.min * high) + 1);
  if (next <= value) next = Math.floor(value) + 1;
  // whole-number drivers with fractional ratios: step until the number really moves
  for (let guard = 0; guard < 4 && next <= cap; guard++, next++) {
    const at = applyDrivers(base, rules, { ...drivers, [rule.driver]: next }).headcount;
    if (at.min > current.min || at.max > current.max) return { value: next, headcount: at };
  }
  return null;
}

function roleSizing(
  playbook: Playbook,
  roleId: RoleId,
  priority: Priority,
  base: HeadcountRange,
  drivers: Drivers,
): { sizing: RoleSizing; headcount: SizedHeadcount } {
  const rules = playbook.sizing.filter((r) => r.roleId === roleId);
  const applied = priority === "core";
  const sized = applied ? applyDrivers(base, rules, drivers) : { headcount: { ...base }, setBy: null };
  const rows: DriverSizing[] = rules.map((r) => {
    const value = drivers[r.driver];
    return {
      driver: r.driver,
      value: value ?? null,
      perPerson: { ...r.perPerson },
      ratio: r.ratio,
      productDefault: r.productDefault,
      references: r.references,
      basis: r.basis,
      headcount: value === undefined ? null : driverHeadcount(r, value),
      next: applied ? nextStep(base, rules, drivers, r, sized.headcount) : null,
    };
  });
  const setRule = rules.find((r) => r.driver === sized.setBy);
  return {
    sizing: { applied, base: { ...base }, setBy: sized.setBy, drivers: rows },
    headcount: { ...sized.headcount, isDefault: setRule ? setRule.productDefault : true },
  };
}

function headcountRationale(role: SizedRole): RationaleEntry[] {
  const { sizing } = role;
  if (!sizing.applied) return [];
  const used = sizing.drivers.filter((d) => d.value !== null);
  if (used.length === 0) return [];
  const range = (h: HeadcountRange) => (h.min === h.max ? `${h.min}` : `${h.min}–${h.max}`);
  const parts = used.map((d) => ({
    zh: `${DRIVERS[d.driver].label.zh} ${d.value}（${d.ratio.zh}）→ ${range(d.headcount!)} 人${d.productDefault ? "，产品默认值" : ""}`,
    en: `${DRIVERS[d.driver].label.en.toLowerCase()} ${d.value} (${d.ratio.en}) → ${range(d.headcount!)}${d.productDefault ? ", a product default" : ""}`,
  }));
  const set = sizing.setBy;
  return [
    {
      topic: "headcount",
      text: set
        ? {
            zh: `按业务量调整为 ${range(role.headcount)} 人：${parts.map((p) => p.zh).join("；")}。取阶段范围 ${range(sizing.base)} 人与各驱动因素所需人数中的较大者。`,
            en: `Sized to ${range(role.headcount)} by the workload: ${parts.map((p) => p.en).join("; ")}. The larger of the stage range (${range(sizing.base)}) and what each driver asks for.`,
          }
        : {
            zh: `业务量未超出阶段范围 ${range(sizing.base)} 人：${parts.map((p) => p.zh).join("；")}。`,
            en: `The workload fits the stage range (${range(sizing.base)}): ${parts.map((p) => p.en).join("; ")}.`,
          },
    },
  ];
}

function channelRationale(
  role: SizedRole,
  labels: Map<ModelId, Localized>,
  priorityLabel: (p: Priority) => Localized,
): RationaleEntry[] {
  if (role.channels.length < 2) return [];
  const list = role.channels.map((c) => ({
    zh: `${labels.get(c.model)?.zh ?? c.model} ${c.share}%：${priorityLabel(c.priority).zh}`,
    en: `${labels.get(c.model)?.en ?? c.model} ${c.share} %: ${priorityLabel(c.priority).en.toLowerCase()}`,
  }));
  return [
    {
      topic: "priority",
      text: {
        zh: `多渠道取最高优先级（${list.map((x) => x.zh).join("；")}）→ ${priorityLabel(role.priority).zh}。`,
        en: `Several channels: the role takes its highest priority (${list.map((x) => x.en).join("; ")}) → ${priorityLabel(role.priority).en.toLowerCase()}.`,
      },
    },
  ];
}

const PRIORITY_TEXT: Record<Priority, Localized> = {
  core: t("核心", "Core"),
  later: t("后续补充", "Later"),
  optional: t("可兼任或外包", "Optional"),
  not_needed: t("暂不需要", "Not needed"),
};

const TOPIC_ORDER: RationaleEntry["topic"][] = [
  "priority",
  "headcount",
  "responsibilities",
  "skills",
  "reporting",
  "collaboration",
];

const sameTexts = (a: readonly Localized[], b: readonly Localized[]) =>
  a.length === b.length && a.every((x, i) => x.en === b[i].en && x.zh === b[i].zh);

/**
 * The recommendation sized to a business profile. With one channel and no
 * drivers, every field of recommendOrgChart's answer is unchanged; the roles
 * gain `sizing`, `headcount.isDefault`, `channels`, `responsibilitiesDiffer`
 * and `addedBy`.
 */
export function sizedRecommendation(input: SizingInput): SizedRecommendation {
  const { playbook, stage } = input;
  const drivers: Drivers = {};
  for (const id of DRIVER_IDS) {
    const v = input.drivers?.[id];
    if (v !== undefined && v !== null) drivers[id] = v;
  }
  const channels = orderChannels(input.channels);
  if (channels.length === 0) throw new Error("sizedRecommendation needs at least one channel");
  const singles: OrgChartRecommendation[] = channels.map((c) => recommendOrgChart(c.model, stage, playbook));
  const primary = singles[0];
  const labels = new Map(playbook.models.map((m) => [m.id, m.label]));

  const roles: SizedRole[] = primary.roles.map((primaryRole, index) => {
    const views = singles.map((rec, i) => ({ rec, role: rec.roles[index], channel: channels[i] }));
    let best = views[0];
    for (const v of views) if (PRIORITY_RANK[v.role.priority] > PRIORITY_RANK[best.role.priority]) best = v;
    const top = best.role.priority;
    const peers = views.filter((v) => v.role.priority === top);
    const base: HeadcountRange = {
      min: Math.max(...peers.map((v) => v.role.headcount.min)),
      max: Math.max(...peers.map((v) => v.role.headcount.max)),
    };
    const { sizing, headcount } = roleSizing(playbook, primaryRole.id, top, base, drivers);
    const channelViews: ChannelView[] = views.map((v) => ({
      model: v.channel.model,
      share: v.channel.share,
      priority: v.role.priority,
      responsibilities: v.role.responsibilities,
    }));
    const relevant = channelViews.filter((c) => c.priority !== "not_needed");
    const role: SizedRole = {
      ...best.role,
      headcount,
      sizing,
      channels: channelViews,
      responsibilitiesDiffer: relevant.some((c) => !sameTexts(c.responsibilities, relevant[0].responsibilities)),
      addedBy: PRIORITY_RANK[top] > PRIORITY_RANK[primaryRole.priority] ? peers.map((v) => v.channel.model) : [],
    };
    role.rationale = [
      ...channelRationale(role, labels, (p) => PRIORITY_TEXT[p]),
      ...best.role.rationale,
      ...headcountRationale(role),
    ];
    // keep the topics together in recommendOrgChart's order (a no-op for its own list)
    role.rationale = role.rationale
      .map((r, i) => ({ r, i }))
      .sort((a, b) => TOPIC_ORDER.indexOf(a.r.topic) - TOPIC_ORDER.indexOf(b.r.topic) || a.i - b.i)
      .map(({ r }) => r);
    return role;
  });

  let links: RecommendedLink[];
  if (singles.length === 1) {
    links = primary.links;
  } else {
    const byId = new Map(roles.map((r) => [r.id, r]));
    links = [];
    for (const role of roles) {
      if (role.priority === "not_needed") continue;
      const from = singles.find((rec) => rec.roles.find((r) => r.id === role.id)?.priority === role.priority)!;
      const link = from.links.find((l) => l.kind === "reporting" && l.to === role.id);
      if (link) links.push(link);
    }
    for (const l of playbook.collaborationLinks) {
      const a = byId.get(l.from)?.priority;
      const b = byId.get(l.to)?.priority;
      if (a === undefined || b === undefined || a === "not_needed" || b === "not_needed") continue;
      links.push({ from: l.from, to: l.to, kind: "collaboration", reason: l.reason });
    }
  }

  return { model: primary.model, stage, channels, drivers, roles, links };
}

/** Total recommended people of a sized answer. */
export function totalHeadcount(rec: { roles: readonly { headcount: HeadcountRange }[] }): HeadcountRange {
  return rec.roles.reduce((acc, r) => ({ min: acc.min + r.headcount.min, max: acc.max + r.headcount.max }), {
    min: 0,
    max: 0,
  });
}

/** A one-line summary of a profile: "Marketplace seller 85 %, Independent DTC site 15 % · Stores and sites 10 · …". */
export function describeProfile(
  channels: readonly Channel[],
  drivers: Drivers,
  modelLabel: (model: ModelId) => Localized,
  lang: "zh" | "en",
): string {
  const parts: string[] = [];
  if (channels.length > 0) {
    parts.push(
      channels
        .map((c) => `${modelLabel(c.model)[lang]} ${c.share}${lang === "zh" ? "%" : " %"}`)
        .join(lang === "zh" ? "、" : ", "),
    );
  }
  for (const id of DRIVER_IDS) {
    const value = drivers[id];
    if (value !== undefined)
      parts.push(`${DRIVERS[id].label[lang]} ${value.toLocaleString(lang === "zh" ? "zh-CN" : "en")}`);
  }
  return parts.join(" · ");
}
