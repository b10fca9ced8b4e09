import { Worker } from "node:worker_threads";
import type { Prisma } from "@prisma/client";
import {
  assessmentExportRows,
  memberExportRows,
  type ExistingMember,
  type ExportLabels,
  type RowError,
} from "~/domain/team-csv";
import { databaseFile, databaseUrl } from "~/utils/database-url";
import { db } from "~/utils/db.server";
import type { ImportJobInput, ImportJobMessage, ImportJobSpec } from "./team-import-job.server";
import type { ImportJobReply, ImportJobRequest } from "./team-import-worker.server";
import { parseStringList } from "~/domain/string-list";

/**
 * The team's CSV import and export, per organisation. An import runs in a
 * worker thread with its own SQLite connection (team-import-job.server.ts):
 * it reads the organisation, has the domain check the file against it and,
 * when nothing is wrong, writes every row in one immediate transaction: all
 * or nothing, no other write slips between the check and the writes, and the
 * server's event loop stays free meanwhile (issue 15, decision 0017's addendum).
 */

export interface MembersImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** names of the members that existed and were changed */
  updatedNames: string[];
}

export interface AssessmentsImportSummary {
  added: number;
  /** rows equal to an assessment already recorded */
  alreadyRecorded: number;
}

export type ImportResult<Summary> = { ok: true; summary: Summary } | { ok: false; errors: RowError[] };

type Client = Prisma.TransactionClient | typeof db;

const day = (date: Date | null): string | null =>
  date === null || Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);

async function existingMembers(
  client: Client,
  organisationId: string,
): Promise<(ExistingMember & { userId: string | null })[]> {
  const rows = await client.member.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      department: true,
      managerId: true,
      markets: true,
      languages: true,
      startDate: true,
      userId: true,
      roles: { select: { roleId: true, sharePercent: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    markets: parseStringList(row.markets),
    languages: parseStringList(row.languages),
    startDate: day(row.startDate),
  }));
}

/* ------------------------------------------------------------------ */
/* The import's worker thread                                           */
/* ------------------------------------------------------------------ */

/** The import could not write (nothing was written): a database failure, not a problem of the file. */
export class ImportWriteFailed extends Error {}

/** An idle worker thread is kept this long for the next import (a start costs a few hundred ms; seconds from the sources). */
const WORKER_IDLE_MS = 60_000;

interface Waiting {
  resolve: (message: ImportJobMessage) => void;
  reject: (error: Error) => void;
  onProgress?: (message: ImportJobMessage) => void;
}

interface ImportThread {
  worker: Worker;
  waiting: Map<number, Waiting>;
  idle?: ReturnType<typeof setTimeout>;
}

let thread: ImportThread | null = null;
let nextJob = 1;

/** The worker's file: the bundled one beside the server build, or the TypeScript source through tsx. */
function workerFile(): { file: URL; workerData?: { entry: string } } {
  const here = import.meta.url;
  if (/\.tsx?$/.test(new URL(here).pathname))
    return {
      file: new URL("../../server/ts-worker.mjs", here),
      workerData: { entry: new URL("./team-import-worker.server.ts", here).href },
    };
  return { file: new URL("./team-import-worker.mjs", here) };
}

function importThread(): ImportThread {
  if (thread) {
    clearTimeout(thread.idle);
    return thread;
  }
  const { file, workerData } = workerFile();
  const state: ImportThread = { worker: new Worker(file, { workerData }), waiting: new Map() };
  const stop = (error: Error) => {
    if (thread === state) thread = null;
    for (const waiting of state.waiting.values()) waiting.reject(error);
    state.waiting.clear();
  };
  state.worker.on("message", ({ id, message }: ImportJobReply) => {
    const waiting = state.waiting.get(id);
    if (!waiting) return;
    if (message.type !== "result" && message.type !== "failed") return waiting.onProgress?.(message);
    state.waiting.delete(id);
    if (state.waiting.size === 0) {
      // an idle thread keeps no process alive, and goes after a while
      state.worker.unref();
      state.idle = setTimeout(() => {
        if (thread === state) thread = null;
        void state.worker.terminate();
      }, WORKER_IDLE_MS);
      state.idle.unref();
    }
    waiting.resolve(message);
  });
  state.worker.on("error", stop);
  state.worker.on("exit", (code) => stop(new ImportWriteFailed(`the import's worker stopped (${code})`)));
  thread = state;
  return state;
}

/** Runs a job in the worker thread: the promise settles with its last message. */
function runInWorker(
  input: ImportJobInput,
  options: { onProgress?: (message: ImportJobMessage) => void; hold?: Int32Array },
): Promise<ImportJobMessage> {
  const state = importThread();
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    state.waiting.set(id, { resolve, reject, onProgress: options.onProgress });
    state.worker.ref();
    state.worker.postMessage({ id, input, hold: options.hold } satisfies ImportJobRequest);
  });
}

/** Finished jobs a person started more than this long ago are deleted when they start another. */
const KEEP_JOBS_MS = 24 * 60 * 60 * 1000;

interface ImportOptions {
  organisationId: string;
  /** the file's records (header first), or its text, parsed in the worker */
  records?: readonly (readonly string[])[];
  text?: string;
  /** who started it: their page polls the progress (importProgress) */
  startedBy?: string;
  /** each progress message of the worker, as it comes */
  onProgress?: (message: ImportJobMessage) => void;
  /** tests only: the worker waits inside its write transaction until this is set to 1 */
  hold?: Int32Array;
}

async function startJob(organisationId: string, kind: ImportJobInput["kind"], startedBy?: string) {
  if (!startedBy) return null;
  await db.importJob.deleteMany({
    where: { userId: startedBy, createdAt: { lt: new Date(Date.now() - KEEP_JOBS_MS) } },
  });
  const job = await db.importJob.create({ data: { organisationId, userId: startedBy, kind }, select: { id: true } });
  return job.id;
}

async function runImport(options: ImportOptions, job: ImportJobSpec) {
  const jobId = await startJob(options.organisationId, job.kind, options.startedBy);
  const input: ImportJobInput = {
    ...job,
    jobId,
    databaseFile: databaseFile(databaseUrl()),
    organisationId: options.organisationId,
    source: options.records ? { records: options.records } : { text: options.text ?? "" },
  };
  const message = await runInWorker(input, options).catch(async (error: unknown) => {
    if (jobId) await db.importJob.updateMany({ where: { id: jobId }, data: { status: "failed" } });
    throw error;
  });
  if (message.type === "failed") throw new ImportWriteFailed(message.message);
  if (message.type !== "result") throw new ImportWriteFailed(`unexpected answer ${message.type}`);
  return message;
}

/**
 * Imports the members file: creates new emails, updates known ones. In the
 * import's worker thread: the server's event loop stays free (issue 15).
 */
export async function importMembers(options: ImportOptions): Promise<ImportResult<MembersImportSummary>> {
  const message = await runImport(options, { kind: "members" });
  if (message.kind !== "members") throw new ImportWriteFailed("the worker answered for another kind");
  return message.result;
}

/** Imports the assessments file: adds each row to its member's history; rows already recorded are skipped. */
export async function importAssessments(
  options: ImportOptions & {
    skillIds: readonly string[];
    /** the skills' labels: a file may name a skill by its label in either language */
    skills?: readonly { id: string; label: { zh: string; en: string } }[];
    /** the latest day that is not in the future (ISO) */
    today: string;
    importer: { userId: string; name: string };
  },
): Promise<ImportResult<AssessmentsImportSummary>> {
  const { skillIds, skills, today, importer } = options;
  const message = await runImport(options, { kind: "assessments", skillIds, skills, today, importer });
  if (message.kind !== "assessments") throw new ImportWriteFailed("the worker answered for another kind");
  return message.result;
}

export type ImportProgress = { kind: string; status: string; rows: number } | null;

/** The latest import the person started in this organisation, for their page's progress. */
export async function importProgress({
  organisationId,
  userId,
}: {
  organisationId: string;
  userId: string;
}): Promise<ImportProgress> {
  return db.importJob.findFirst({
    where: { organisationId, userId },
    orderBy: { createdAt: "desc" },
    select: { kind: true, status: true, rows: true },
  });
}

/** How many members and assessments an export would hold. */
export async function teamDataCounts({ organisationId }: { organisationId: string }) {
  const [members, assessments] = await Promise.all([
    db.member.count({ where: { organisationId } }),
    db.skillAssessment.count({ where: { organisationId } }),
  ]);
  return { members, assessments };
}

/** The members file's rows (no header) of one organisation. */
export async function exportMembers({
  organisationId,
  labels,
}: {
  organisationId: string;
  labels: ExportLabels;
}): Promise<string[][]> {
  return memberExportRows(await existingMembers(db, organisationId), labels);
}

/** The assessments file's rows (no header) of one organisation: the whole history. */
export async function exportAssessments({
  organisationId,
  labels,
}: {
  organisationId: string;
  labels: ExportLabels;
}): Promise<string[][]> {
  const [members, assessments] = await Promise.all([
    db.member.findMany({ where: { organisationId }, select: { id: true, name: true, email: true } }),
    db.skillAssessment.findMany({
      where: { organisationId },
      select: { memberId: true, skillId: true, level: true, assessedOn: true, assessorName: true, note: true },
      orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return assessmentExportRows(
    assessments.map((a) => ({ ...a, assessedOn: day(a.assessedOn) ?? "" })),
    members,
    labels,
  );
}
