/**
 * Training progress: the one place that decides what is overdue, due soon,
 * completed, awaiting a re-assessment and which gaps a plan closed. HR's
 * progress page, its CSV export and GET /api/v1/training-progress all call
 * `trainingProgress`, so their figures always agree.
 *
 * Pure: no I/O, no framework imports. Days are calendar days in UTC (a due
 * date is stored as midnight UTC of its day).
 */
import { conflictingFields, type FieldConflict as GenericFieldConflict } from "./conflicts";
import type { TrainingKind } from "./training-advice";
import type { RoleId } from "./types";

export const TRAINING_STATUSES = ["planned", "in_progress", "completed", "cancelled"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export function isTrainingStatus(value: unknown): value is TrainingStatus {
  return typeof value === "string" && (TRAINING_STATUSES as readonly string[]).includes(value);
}

/** What a row's colour says: the status, or "overdue" over planned / in progress. Shared by the member page and HR's page. */
export type DisplayStatus = TrainingStatus | "overdue";

/** Due within this many days from today (today included) counts as "due soon". */
export const DUE_SOON_DAYS = 30;

export interface TrainingItemRecord {
  id: string;
  memberId: string;
  skillId: string;
  fromLevel: number;
  targetLevel: number;
  kind: TrainingKind;
  provider: string;
  status: TrainingStatus;
  progressPercent: number;
  hours: number;
  startDate: Date | null;
  dueDate: Date | null;
  completedAt: Date | null;
  levelBefore: number | null;
  reassessmentRequestedAt: Date | null;
  evidence: string;
  version: number;
}

export interface TrainingMember {
  id: string;
  name: string;
  department: RoleId | null;
  roleIds: readonly RoleId[];
}

/** The member's latest assessment of a skill. */
export interface LatestLevel {
  level: number;
  assessedAt: Date;
  recordedAt: Date;
}

export type LatestLevelIndex = ReadonlyMap<string, ReadonlyMap<string, LatestLevel>>;

/* ------------------------------------------------------------------ */
/* One item                                                             */
/* ------------------------------------------------------------------ */

const DAY = 86_400_000;

/** Midnight UTC of the day of `date`. */
export function dayStart(date: Date): number {
  return Math.floor(date.getTime() / DAY) * DAY;
}

export function isOpen(status: TrainingStatus): boolean {
  return status === "planned" || status === "in_progress";
}

/** Due date passed (the due day itself is not overdue) and not completed or cancelled. */
export function isOverdue(item: Pick<TrainingItemRecord, "status" | "dueDate">, today: Date): boolean {
  return isOpen(item.status) && item.dueDate !== null && dayStart(item.dueDate) < dayStart(today);
}

/** Open and due between today and DUE_SOON_DAYS days from today, both included. */
export function isDueSoon(item: Pick<TrainingItemRecord, "status" | "dueDate">, today: Date): boolean {
  if (!isOpen(item.status) || item.dueDate === null) return false;
  const due = dayStart(item.dueDate);
  const start = dayStart(today);
  return due >= start && due <= start + DUE_SOON_DAYS * DAY;
}

export function displayStatus(item: Pick<TrainingItemRecord, "status" | "dueDate">, today: Date): DisplayStatus {
  return isOverdue(item, today) ? "overdue" : item.status;
}

export interface ItemOutcome {
  /** the level of the re-assessment recorded after completion; null until there is one */
  levelAfter: number | null;
  /** when that re-assessment was dated */
  reassessedAt: Date | null;
  /** completed, re-assessment asked for and not yet recorded */
  awaitingReassessment: boolean;
  /** the re-assessment reached the item's target level */
  gapClosed: boolean;
}

/**
 * The result of a completed item: the member's latest assessment of the
 * skill, if it was recorded after the re-assessment was asked for.
 */
export function itemOutcome(
  item: Pick<TrainingItemRecord, "status" | "reassessmentRequestedAt" | "targetLevel">,
  latest: LatestLevel | undefined,
): ItemOutcome {
  if (item.status !== "completed" || item.reassessmentRequestedAt === null) {
    return { levelAfter: null, reassessedAt: null, awaitingReassessment: false, gapClosed: false };
  }
  if (!latest || latest.recordedAt.getTime() < item.reassessmentRequestedAt.getTime()) {
    return { levelAfter: null, reassessedAt: null, awaitingReassessment: true, gapClosed: false };
  }
  return {
    levelAfter: latest.level,
    reassessedAt: latest.assessedAt,
    awaitingReassessment: false,
    gapClosed: latest.level >= item.targetLevel,
  };
}

/* ------------------------------------------------------------------ */
/* The whole picture                                                    */
/* ------------------------------------------------------------------ */

export interface TrainingRow extends TrainingItemRecord, ItemOutcome {
  memberName: string;
  department: RoleId | null;
  roleIds: readonly RoleId[];
  display: DisplayStatus;
  overdue: boolean;
  dueSoon: boolean;
}

export interface TrainingFigures {
  items: number;
  planned: number;
  inProgress: number;
  completed: number;
  cancelled: number;
  overdue: number;
  dueSoon: number;
  /** completed ÷ (items − cancelled), 0–1; null when nothing counts */
  completionRate: number | null;
  gapsClosed: number;
  awaitingReassessment: number;
  /** members with at least one item that is not cancelled */
  membersWithPlan: number;
  /** members with an open skill gap that no planned, in-progress or awaiting item covers */
  membersWithUncoveredGap: number;
}

export interface Breakdown {
  key: string;
  items: number;
  completed: number;
  overdue: number;
  dueSoon: number;
  gapsClosed: number;
  completionRate: number | null;
}

export interface SeriesPoint {
  /** YYYY-MM */
  month: string;
  completed: number;
  gapsClosed: number;
}

export interface UncoveredMember {
  memberId: string;
  name: string;
  department: RoleId | null;
  skillIds: string[];
}

export interface TrainingProgress {
  today: string;
  figures: TrainingFigures;
  byRole: Breakdown[];
  byDepartment: Breakdown[];
  bySkill: Breakdown[];
  series: SeriesPoint[];
  /** every item, with its outcome and flags, in input order */
  rows: TrainingRow[];
  uncovered: UncoveredMember[];
}

/** The department key of members without one, in breakdowns. */
export const NO_DEPARTMENT = "none";

interface Tally {
  items: number;
  cancelled: number;
  completed: number;
  overdue: number;
  dueSoon: number;
  gapsClosed: number;
}

const emptyTally = (): Tally => ({ items: 0, cancelled: 0, completed: 0, overdue: 0, dueSoon: 0, gapsClosed: 0 });

function rate(completed: number, counted: number): number | null {
  return counted > 0 ? completed / counted : null;
}

function count(tallies: Map<string, Tally>, key: string, row: TrainingRow) {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = emptyTally()));
  tally.items += 1;
  if (row.status === "cancelled") tally.cancelled += 1;
  if (row.status === "completed") tally.completed += 1;
  if (row.overdue) tally.overdue += 1;
  if (row.dueSoon) tally.dueSoon += 1;
  if (row.gapClosed) tally.gapsClosed += 1;
}

function breakdown(tallies: Map<string, Tally>, order?: readonly string[]): Breakdown[] {
  const keys = [...tallies.keys()];
  if (order) keys.sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  else keys.sort();
  return keys.map((key) => {
    const t = tallies.get(key) as Tally;
    return {
      key,
      items: t.items,
      completed: t.completed,
      overdue: t.overdue,
      dueSoon: t.dueSoon,
      gapsClosed: t.gapsClosed,
      completionRate: rate(t.completed, t.items - t.cancelled),
    };
  });
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The last `months` calendar months up to today's, oldest first. */
export function lastMonths(today: Date, months: number): string[] {
  const out: string[] = [];
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  for (let i = months - 1; i >= 0; i--) out.push(new Date(Date.UTC(year, month - i, 1)).toISOString().slice(0, 7));
  return out;
}

export const SERIES_MONTHS = 12;

/**
 * Everything HR's page, the CSV and the API show, from the visible items,
 * their members, the members' latest assessments and their open gaps
 * (skill ids with a gap, per member: from app/domain/gaps.ts).
 */
export function trainingProgress(input: {
  items: readonly TrainingItemRecord[];
  members: readonly TrainingMember[];
  latest: LatestLevelIndex;
  openGaps: ReadonlyMap<string, readonly string[]>;
  today: Date;
  /** the order of skills in breakdowns (e.g. the playbook's) */
  skillOrder?: readonly string[];
  roleOrder?: readonly string[];
}): TrainingProgress {
  const { items, members, latest, openGaps, today } = input;
  const memberById = new Map(members.map((member) => [member.id, member]));
  const rows: TrainingRow[] = [];
  const byRole = new Map<string, Tally>();
  const byDepartment = new Map<string, Tally>();
  const bySkill = new Map<string, Tally>();
  const total = emptyTally();
  let planned = 0;
  let inProgress = 0;
  let awaiting = 0;
  const withPlan = new Set<string>();
  /** member → skills an item covers (planned, in progress, or completed and awaiting re-assessment) */
  const covering = new Map<string, Set<string>>();
  const months = lastMonths(today, SERIES_MONTHS);
  const series = new Map(months.map((month) => [month, { month, completed: 0, gapsClosed: 0 }]));

  for (const item of items) {
    const member = memberById.get(item.memberId);
    if (!member) continue;
    const outcome = itemOutcome(item, latest.get(item.memberId)?.get(item.skillId));
    const overdue = isOverdue(item, today);
    // written out, not spread: one object shape for every row keeps 10,000 rows cheap
    const row: TrainingRow = {
      id: item.id,
      memberId: item.memberId,
      skillId: item.skillId,
      fromLevel: item.fromLevel,
      targetLevel: item.targetLevel,
      kind: item.kind,
      provider: item.provider,
      status: item.status,
      progressPercent: item.progressPercent,
      hours: item.hours,
      startDate: item.startDate,
      dueDate: item.dueDate,
      completedAt: item.completedAt,
      levelBefore: item.levelBefore,
      reassessmentRequestedAt: item.reassessmentRequestedAt,
      evidence: item.evidence,
      version: item.version,
      levelAfter: outcome.levelAfter,
      reassessedAt: outcome.reassessedAt,
      awaitingReassessment: outcome.awaitingReassessment,
      gapClosed: outcome.gapClosed,
      memberName: member.name,
      department: member.department,
      roleIds: member.roleIds,
      display: overdue ? "overdue" : item.status,
      overdue,
      dueSoon: isDueSoon(item, today),
    };
    rows.push(row);

    total.items += 1;
    if (item.status === "planned") planned += 1;
    if (item.status === "in_progress") inProgress += 1;
    if (item.status === "completed") total.completed += 1;
    if (item.status === "cancelled") total.cancelled += 1;
    if (row.overdue) total.overdue += 1;
    if (row.dueSoon) total.dueSoon += 1;
    if (row.gapClosed) total.gapsClosed += 1;
    if (row.awaitingReassessment) awaiting += 1;
    if (item.status !== "cancelled") withPlan.add(item.memberId);
    if (coversGap(item, row)) {
      let skills = covering.get(item.memberId);
      if (!skills) covering.set(item.memberId, (skills = new Set()));
      skills.add(item.skillId);
    }

    for (const roleId of member.roleIds) count(byRole, roleId, row);
    count(byDepartment, member.department ?? NO_DEPARTMENT, row);
    count(bySkill, item.skillId, row);
    if (item.completedAt && item.status === "completed") {
      const point = series.get(monthOf(item.completedAt));
      if (point) point.completed += 1;
    }
    if (row.gapClosed && row.reassessedAt) {
      const point = series.get(monthOf(row.reassessedAt));
      if (point) point.gapsClosed += 1;
    }
  }

  const uncovered: UncoveredMember[] = [];
  for (const member of members) {
    const gaps = openGaps.get(member.id) ?? [];
    const covered = covering.get(member.id);
    const skillIds = gaps.filter((skillId) => !covered?.has(skillId));
    if (skillIds.length > 0)
      uncovered.push({ memberId: member.id, name: member.name, department: member.department, skillIds });
  }

  return {
    today: new Date(dayStart(today)).toISOString().slice(0, 10),
    figures: {
      items: total.items,
      planned,
      inProgress,
      completed: total.completed,
      cancelled: total.cancelled,
      overdue: total.overdue,
      dueSoon: total.dueSoon,
      completionRate: rate(total.completed, total.items - total.cancelled),
      gapsClosed: total.gapsClosed,
      awaitingReassessment: awaiting,
      membersWithPlan: withPlan.size,
      membersWithUncoveredGap: uncovered.length,
    },
    byRole: breakdown(byRole, input.roleOrder),
    byDepartment: breakdown(byDepartment, input.roleOrder),
    bySkill: breakdown(bySkill, input.skillOrder),
    series: [...series.values()],
    rows,
    uncovered,
  };
}

/**
 * An item keeps its skill off the "gap and no plan" list while it is open,
 * or completed and waiting for its re-assessment.
 */
export function coversGap(
  item: Pick<TrainingItemRecord, "status">,
  outcome: Pick<ItemOutcome, "awaitingReassessment">,
): boolean {
  return isOpen(item.status) || outcome.awaitingReassessment;
}

/**
 * What follows up on the plans of a whole organisation, without the rest of
 * the progress report: the completed items waiting for their re-assessment
 * (in input order) and the members with an open gap that no item covers (in
 * the order of `memberIds`), by the same rules as `trainingProgress`. The
 * home page reads these for everyone and keeps those the reader may see.
 */
export function trainingFollowUps<
  I extends Pick<TrainingItemRecord, "memberId" | "skillId" | "status" | "reassessmentRequestedAt" | "targetLevel">,
>(input: {
  items: readonly I[];
  memberIds: readonly string[];
  latest: ReadonlyMap<string, ReadonlyMap<string, LatestLevel>>;
  /** memberId → the skills with a positive gap */
  openGaps: ReadonlyMap<string, readonly string[]>;
}): { awaiting: I[]; uncovered: { memberId: string; skillIds: string[] }[] } {
  const awaiting: I[] = [];
  const covering = new Map<string, Set<string>>();
  for (const item of input.items) {
    const outcome = itemOutcome(item, input.latest.get(item.memberId)?.get(item.skillId));
    if (outcome.awaitingReassessment) awaiting.push(item);
    if (!coversGap(item, outcome)) continue;
    let skills = covering.get(item.memberId);
    if (!skills) covering.set(item.memberId, (skills = new Set()));
    skills.add(item.skillId);
  }
  const uncovered: { memberId: string; skillIds: string[] }[] = [];
  for (const memberId of input.memberIds) {
    const gaps = input.openGaps.get(memberId);
    if (!gaps || gaps.length === 0) continue;
    const covered = covering.get(memberId);
    const skillIds = covered ? gaps.filter((skillId) => !covered.has(skillId)) : [...gaps];
    if (skillIds.length > 0) uncovered.push({ memberId, skillIds });
  }
  return { awaiting, uncovered };
}

/* ------------------------------------------------------------------ */
/* The list: filter and sort (the page and the CSV take the same query) */
/* ------------------------------------------------------------------ */

export const STATUS_FILTERS = [
  "planned",
  "in_progress",
  "completed",
  "cancelled",
  "overdue",
  "due_soon",
  "awaiting",
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const SORTS = ["due", "member", "skill", "status", "progress"] as const;
export type TrainingSort = (typeof SORTS)[number];

export interface TrainingFilter {
  status?: StatusFilter;
  department?: string;
  role?: string;
  skill?: string;
  kind?: string;
  /** part of the member's name, case-insensitive */
  q?: string;
  sort?: TrainingSort;
  desc?: boolean;
}

/** Reads the list's query (unknown values are ignored, not errors: a shared link never breaks). */
export function parseTrainingFilter(
  params: URLSearchParams,
  known: { skills: readonly string[]; roles: readonly string[]; kinds: readonly string[] },
): TrainingFilter {
  const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
    value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  return {
    status: pick(params.get("status"), STATUS_FILTERS),
    department: pick(params.get("department"), [...known.roles, NO_DEPARTMENT]),
    role: pick(params.get("role"), known.roles),
    skill: pick(params.get("skill"), known.skills),
    kind: pick(params.get("kind"), known.kinds),
    q: q === "" ? undefined : q,
    sort: pick(params.get("sort"), SORTS),
    desc: params.get("dir") === "desc" ? true : undefined,
  };
}

function matchesStatus(row: TrainingRow, status: StatusFilter): boolean {
  switch (status) {
    case "overdue":
      return row.overdue;
    case "due_soon":
      return row.dueSoon;
    case "awaiting":
      return row.awaitingReassessment;
    default:
      return row.status === status;
  }
}

const STATUS_RANK: Record<DisplayStatus, number> = {
  overdue: 0,
  in_progress: 1,
  planned: 2,
  completed: 3,
  cancelled: 4,
};

/** One collator for every comparison: String#localeCompare builds one per call, which 10,000 rows feel. */
const collator = new Intl.Collator("en");
const byText = (a: string, b: string) => collator.compare(a, b);

export function filterAndSortRows(rows: readonly TrainingRow[], filter: TrainingFilter): TrainingRow[] {
  const q = filter.q?.toLocaleLowerCase();
  const out = rows.filter(
    (row) =>
      (!filter.status || matchesStatus(row, filter.status)) &&
      (!filter.department || (row.department ?? NO_DEPARTMENT) === filter.department) &&
      (!filter.role || row.roleIds.includes(filter.role as RoleId)) &&
      (!filter.skill || row.skillId === filter.skill) &&
      (!filter.kind || row.kind === filter.kind) &&
      (!q || row.memberName.toLocaleLowerCase().includes(q)),
  );
  const sort = filter.sort ?? "due";
  const due = (row: TrainingRow) => (row.dueDate ? row.dueDate.getTime() : Number.MAX_SAFE_INTEGER);
  const compare = (a: TrainingRow, b: TrainingRow): number => {
    switch (sort) {
      case "member":
        return byText(a.memberName, b.memberName) || due(a) - due(b);
      case "skill":
        return byText(a.skillId, b.skillId) || byText(a.memberName, b.memberName);
      case "status":
        return STATUS_RANK[a.display] - STATUS_RANK[b.display] || due(a) - due(b);
      case "progress":
        return a.progressPercent - b.progressPercent || due(a) - due(b);
      default:
        return due(a) - due(b) || byText(a.memberName, b.memberName);
    }
  };
  out.sort((a, b) => (filter.desc ? -compare(a, b) : compare(a, b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/* ------------------------------------------------------------------ */
/* CSV and JSON shapes (the export and the API)                         */
/* ------------------------------------------------------------------ */

export const CSV_COLUMNS = [
  "item_id",
  "member_id",
  "member",
  "department",
  "skill",
  "from_level",
  "target_level",
  "kind",
  "provider",
  "start_date",
  "due_date",
  "hours",
  "status",
  "overdue",
  "due_soon",
  "progress_percent",
  "completed_at",
  "level_before",
  "level_after",
  "awaiting_reassessment",
  "gap_closed",
  "evidence",
] as const;

/**
 * The export as people read it: each id column (department, skill, kind,
 * status) followed by its label in the reader's language; the ids stay in
 * their own columns for tools and re-import.
 */
export const LABELLED_CSV_COLUMNS = CSV_COLUMNS.flatMap((column) =>
  column === "department" || column === "skill" || column === "kind" || column === "status"
    ? [column, `${column}_label`]
    : [column],
);

export type CsvLabeller = (column: "department" | "skill" | "kind" | "status", id: string) => string;

export function labelledCsvRow(row: TrainingRow, label: CsvLabeller): string[] {
  const cells = csvRow(row);
  return CSV_COLUMNS.flatMap((column) =>
    column === "department" || column === "skill" || column === "kind" || column === "status"
      ? [cells[column], cells[column] === "" ? "" : label(column, cells[column])]
      : [cells[column]],
  );
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const yesNo = (value: boolean) => (value ? "yes" : "no");

export function csvRow(row: TrainingRow): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    item_id: row.id,
    member_id: row.memberId,
    member: row.memberName,
    department: row.department ?? "",
    skill: row.skillId,
    from_level: String(row.fromLevel),
    target_level: String(row.targetLevel),
    kind: row.kind,
    provider: row.provider,
    start_date: day(row.startDate),
    due_date: day(row.dueDate),
    hours: String(row.hours),
    status: row.status,
    overdue: yesNo(row.overdue),
    due_soon: yesNo(row.dueSoon),
    progress_percent: String(row.progressPercent),
    completed_at: row.completedAt ? row.completedAt.toISOString() : "",
    level_before: row.levelBefore === null ? "" : String(row.levelBefore),
    level_after: row.levelAfter === null ? "" : String(row.levelAfter),
    awaiting_reassessment: yesNo(row.awaitingReassessment),
    gap_closed: yesNo(row.gapClosed),
    evidence: row.evidence,
  };
}

/** One item as GET /api/v1/training-progress lists it (README). */
export function itemJson(row: TrainingRow) {
  return {
    id: row.id,
    memberId: row.memberId,
    member: row.memberName,
    department: row.department,
    roles: [...row.roleIds],
    skill: row.skillId,
    fromLevel: row.fromLevel,
    targetLevel: row.targetLevel,
    kind: row.kind,
    provider: row.provider,
    startDate: row.startDate ? day(row.startDate) : null,
    dueDate: row.dueDate ? day(row.dueDate) : null,
    hours: row.hours,
    status: row.status,
    overdue: row.overdue,
    dueSoon: row.dueSoon,
    progressPercent: row.progressPercent,
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    levelBefore: row.levelBefore,
    levelAfter: row.levelAfter,
    awaitingReassessment: row.awaitingReassessment,
    gapClosed: row.gapClosed,
  };
}

/* ------------------------------------------------------------------ */
/* Two people editing one item                                          */
/* ------------------------------------------------------------------ */

export const EDITABLE_FIELDS = [
  "targetLevel",
  "kind",
  "provider",
  "startDate",
  "dueDate",
  "hours",
  "status",
  "progressPercent",
  "evidence",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
/** Fields a member may change on their own items. */
export const PROGRESS_FIELDS: readonly EditableField[] = ["status", "progressPercent", "evidence"];

export type EditableValues = Record<EditableField, string>;

/** An item's editable fields as the form shows them (dates as YYYY-MM-DD, numbers as text). */
export function editableValues(item: Pick<TrainingItemRecord, EditableField>): EditableValues {
  return {
    targetLevel: String(item.targetLevel),
    kind: item.kind,
    provider: item.provider,
    startDate: day(item.startDate),
    dueDate: day(item.dueDate),
    hours: String(item.hours),
    status: item.status,
    progressPercent: String(item.progressPercent),
    evidence: item.evidence,
  };
}

export type FieldConflict = GenericFieldConflict<EditableField>;

/**
 * What a refused save shows: each field (of those the person may edit) where
 * the saved item ("theirs", saved by someone else since the form loaded)
 * differs from what this person submitted ("yours").
 */
export function conflictingChanges(
  theirs: EditableValues,
  yours: Partial<EditableValues>,
  fields: readonly EditableField[] = EDITABLE_FIELDS,
): FieldConflict[] {
  return conflictingFields(theirs, yours, fields);
}
