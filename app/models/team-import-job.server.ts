import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import {
  assessmentKey,
  planAssessmentsImport,
  planMembersImport,
  type AssessmentsPlan,
  type ExistingMember,
  type MembersPlan,
  type RowError,
} from "~/domain/team-csv";
import { parseCsv } from "~/utils/csv";
import { parseStringList, storedStringList } from "~/domain/string-list";

/**
 * The work of one CSV import, as the import's worker thread runs it
 * (team-import-worker.server.ts; decision 0017's addendum). It has its own
 * better-sqlite3 connection, so nothing it does runs on the server's event
 * loop, and it writes with plain prepared statements: no ORM per row.
 *
 * 1. read the file (parse) and check it against a snapshot of the
 *    organisation (a read transaction: WAL readers wait for nobody);
 * 2. take the write lock (`BEGIN IMMEDIATE`); if the organisation's team
 *    revision (kept by triggers, decision 0017) moved since the snapshot,
 *    read and check again under the lock, so no other write slips between
 *    the check and the writes; write every row; mark the job done; commit.
 *    All or nothing: any failure rolls the whole file back.
 *
 * The lock is held only for step 2, a few hundred milliseconds at 5,000 rows,
 * well under the 5 s other writers wait for it.
 */

export interface ImportSummaries {
  members: { created: number; updated: number; unchanged: number; updatedNames: string[] };
  assessments: { added: number; alreadyRecorded: number };
}

export type JobResult<Kind extends keyof ImportSummaries> =
  { ok: true; summary: ImportSummaries[Kind] } | { ok: false; errors: RowError[] };

interface JobBase {
  /** the ImportJob row this work reports its progress to; null: nobody polls (a script) */
  jobId: string | null;
  /** the SQLite file, an absolute path */
  databaseFile: string;
  organisationId: string;
  /** the file's text (parsed here), or records already parsed (header first) */
  source: { text: string } | { records: readonly (readonly string[])[] };
}

/** What to import, beside the file. */
export type ImportJobSpec =
  | { kind: "members" }
  | {
      kind: "assessments";
      skillIds: readonly string[];
      skills?: readonly { id: string; label: { zh: string; en: string } }[];
      today: string;
      importer: { userId: string; name: string };
    };

export type ImportJobInput = JobBase & ImportJobSpec;

export type ImportPhase = "checking" | "writing";

/** What the worker tells the thread that started it. */
export type ImportJobMessage =
  | { type: "phase"; phase: ImportPhase; rows: number }
  /** the write transaction is open and every row written (only with a hold, for tests) */
  | { type: "holding" }
  | { type: "result"; kind: "members"; result: JobResult<"members"> }
  | { type: "result"; kind: "assessments"; result: JobResult<"assessments"> }
  | { type: "failed"; message: string };

/** Milliseconds this connection waits for another writer's lock (the app's own, db.server.ts). */
const BUSY_TIMEOUT_MS = 5_000;

/** Prisma's better-sqlite3 adapter stores a DateTime as ISO 8601 with "+00:00": the same here. */
const stored = (date: Date): string => date.toISOString().replace("Z", "+00:00");
const dayStored = (iso: string): string => `${iso}T00:00:00.000+00:00`;
const dayOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const date = new Date(typeof value === "number" ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
};

/** Ids like the ones the app makes: letters and digits, in the order they were made (a tie on day and time is broken by id). */
function idMaker(prefix: string): () => string {
  const stamp = Date.now().toString(36).padStart(9, "0");
  const random = randomBytes(6).toString("hex");
  let counter = 0;
  return () => `${prefix}${stamp}${(counter++).toString(36).padStart(5, "0")}${random}`;
}

type Conn = Database.Database;

function teamRevision(conn: Conn, organisationId: string): number {
  const row = conn.prepare(`SELECT "team" FROM "TeamRevision" WHERE "organisationId" = ?`).get(organisationId) as
    { team: number } | undefined;
  return row?.team ?? 0;
}

function existingMembers(conn: Conn, organisationId: string): ExistingMember[] {
  const rows = conn
    .prepare(
      `SELECT "id", "name", "email", "title", "department", "managerId", "markets", "languages", "startDate"
       FROM "Member" WHERE "organisationId" = ? ORDER BY "id"`,
    )
    .all(organisationId) as {
    id: string;
    name: string;
    email: string | null;
    title: string;
    department: string | null;
    managerId: string | null;
    markets: string;
    languages: string;
    startDate: string | number | null;
  }[];
  const roles = conn
    .prepare(
      `SELECT r."memberId", r."roleId", r."sharePercent" FROM "MemberRole" r
       JOIN "Member" m ON m."id" = r."memberId" WHERE m."organisationId" = ? ORDER BY r."memberId", r."roleId"`,
    )
    .all(organisationId) as { memberId: string; roleId: string; sharePercent: number }[];
  const rolesOf = new Map<string, { roleId: string; sharePercent: number }[]>();
  for (const { memberId, roleId, sharePercent } of roles) {
    const list = rolesOf.get(memberId) ?? [];
    list.push({ roleId, sharePercent });
    rolesOf.set(memberId, list);
  }
  return rows.map((row) => ({
    ...row,
    markets: parseStringList(row.markets),
    languages: parseStringList(row.languages),
    startDate: dayOf(row.startDate),
    roles: rolesOf.get(row.id) ?? [],
  }));
}

/** What a members file is checked against, and the revision it was read at. */
function planMembers(conn: Conn, organisationId: string, records: readonly (readonly string[])[]) {
  const existing = existingMembers(conn, organisationId);
  return { existing, planned: planMembersImport(records, existing) };
}

function writeMembers(conn: Conn, organisationId: string, existing: ExistingMember[], plan: MembersPlan) {
  const now = stored(new Date());
  const newId = idMaker("m");
  const idByEmail = new Map<string, string>();
  for (const member of existing) if (member.email) idByEmail.set(member.email.toLowerCase(), member.id);
  // new members get their ids first, so every manager's id is known; managers come first in plan.create
  for (const { member } of plan.create) idByEmail.set(member.email, newId());
  const managerIdOf = (email: string | null) => (email === null ? null : (idByEmail.get(email) ?? null));
  const fields = (member: MembersPlan["create"][number]["member"]) => [
    member.name,
    member.email,
    member.title,
    member.department,
    storedStringList(member.markets),
    storedStringList(member.languages),
    member.startDate === null ? null : dayStored(member.startDate),
    managerIdOf(member.managerEmail),
  ];
  const insert = conn.prepare(
    `INSERT INTO "Member" ("id", "organisationId", "name", "email", "title", "department", "markets", "languages",
       "startDate", "managerId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = conn.prepare(
    `UPDATE "Member" SET "name" = ?, "email" = ?, "title" = ?, "department" = ?, "markets" = ?, "languages" = ?,
       "startDate" = ?, "managerId" = ?, "version" = "version" + 1, "updatedAt" = ?
     WHERE "id" = ? AND "organisationId" = ?`,
  );
  const dropRoles = conn.prepare(`DELETE FROM "MemberRole" WHERE "memberId" = ?`);
  const addRole = conn.prepare(`INSERT INTO "MemberRole" ("memberId", "roleId", "sharePercent") VALUES (?, ?, ?)`);

  for (const { member } of plan.create)
    insert.run(idByEmail.get(member.email), organisationId, ...fields(member), now, now);
  for (const { memberId, member } of plan.update) {
    update.run(...fields(member), now, memberId, organisationId);
    dropRoles.run(memberId);
  }
  for (const { member } of plan.create)
    for (const { roleId, sharePercent } of member.roles) addRole.run(idByEmail.get(member.email), roleId, sharePercent);
  for (const { memberId, member } of plan.update)
    for (const { roleId, sharePercent } of member.roles) addRole.run(memberId, roleId, sharePercent);
}

function planAssessments(
  conn: Conn,
  input: Extract<ImportJobInput, { kind: "assessments" }>,
  records: readonly (readonly string[])[],
) {
  const members = conn
    .prepare(`SELECT "id", "email", "userId" FROM "Member" WHERE "organisationId" = ?`)
    .all(input.organisationId) as { id: string; email: string | null; userId: string | null }[];
  const users = conn
    .prepare(`SELECT "id", "name" FROM "User" WHERE "organisationId" = ? ORDER BY "id"`)
    .all(input.organisationId) as { id: string; name: string }[];
  const recorded = conn
    .prepare(
      `SELECT "memberId", "skillId", "level", "assessedOn", "assessorName", "note"
       FROM "SkillAssessment" WHERE "organisationId" = ?`,
    )
    .all(input.organisationId) as {
    memberId: string;
    skillId: string;
    level: number;
    assessedOn: string | number;
    assessorName: string;
    note: string;
  }[];
  const existingKeys = new Set(recorded.map((a) => assessmentKey({ ...a, assessedOn: dayOf(a.assessedOn) ?? "" })));
  const planned = planAssessmentsImport(records, {
    members,
    users,
    skillIds: input.skillIds,
    skills: input.skills,
    today: input.today,
    importer: input.importer,
    existingKeys,
  });
  // users are not counted by the team revision: they are compared as they were read
  return { planned, users: JSON.stringify(users) };
}

function writeAssessments(conn: Conn, organisationId: string, plan: AssessmentsPlan) {
  const now = stored(new Date());
  const newId = idMaker("a");
  const insert = conn.prepare(
    `INSERT INTO "SkillAssessment" ("id", "organisationId", "memberId", "skillId", "level", "assessedOn",
       "assessorUserId", "assessorName", "note", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { assessment } of plan.add)
    insert.run(
      newId(),
      organisationId,
      assessment.memberId,
      assessment.skillId,
      assessment.level,
      dayStored(assessment.assessedOn),
      assessment.assessorUserId,
      assessment.assessorName,
      assessment.note,
      now,
    );
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Test seam: with a hold, the work stops inside its write transaction until the other side sets it to 1. */
export interface ImportHold {
  flag: Int32Array;
}

/**
 * Runs one import on a connection of its own and returns the message that
 * ends it (a result, or a failure: then nothing was written). `post` receives
 * the progress messages on the way.
 */
export function runImportJob(
  input: ImportJobInput,
  post: (message: ImportJobMessage) => void,
  hold?: ImportHold,
): ImportJobMessage {
  const conn = new Database(input.databaseFile, { timeout: BUSY_TIMEOUT_MS });
  const setJob = (status: string, rows?: number) => {
    if (input.jobId === null) return;
    conn
      .prepare(`UPDATE "ImportJob" SET "status" = ?, "rows" = COALESCE(?, "rows"), "updatedAt" = ? WHERE "id" = ?`)
      .run(status, rows ?? null, stored(new Date()), input.jobId);
  };
  try {
    let records: readonly (readonly string[])[];
    if ("records" in input.source) records = input.source.records;
    else {
      const parsed = parseCsv(input.source.text);
      // a file that cannot be read comes back as its row errors, like any other problem of the file
      if (parsed.errors.length > 0) {
        setJob("invalid");
        return finish(input.kind, { ok: false, errors: parsed.errors });
      }
      records = parsed.records;
    }
    const rows = Math.max(0, records.length - 1);
    setJob("checking", rows);
    post({ type: "phase", phase: "checking", rows });

    /** reads and checks the file against the organisation as it is now */
    const check = () => {
      const revision = teamRevision(conn, input.organisationId);
      if (input.kind === "members") {
        const { existing, planned } = planMembers(conn, input.organisationId, records);
        return { revision, users: "", planned, existing };
      }
      const { planned, users } = planAssessments(conn, input, records);
      return { revision, users, planned, existing: [] as ExistingMember[] };
    };
    let checked = conn.transaction(check)();
    if (!checked.planned.ok) {
      setJob("invalid");
      return finish(input.kind, checked.planned);
    }

    setJob("writing");
    post({ type: "phase", phase: "writing", rows });
    const write = conn.transaction((): ImportJobMessage => {
      const usersNow =
        input.kind === "assessments"
          ? JSON.stringify(
              conn
                .prepare(`SELECT "id", "name" FROM "User" WHERE "organisationId" = ? ORDER BY "id"`)
                .all(input.organisationId),
            )
          : "";
      // someone wrote to the team since the check: check again, now that nobody else can write
      if (teamRevision(conn, input.organisationId) !== checked.revision || usersNow !== checked.users)
        checked = check();
      const planned = checked.planned;
      if (!planned.ok) {
        setJob("invalid");
        return finish(input.kind, planned);
      }
      if (input.kind === "members")
        writeMembers(conn, input.organisationId, checked.existing, planned.plan as MembersPlan);
      else writeAssessments(conn, input.organisationId, planned.plan as AssessmentsPlan);
      setJob("done");
      if (hold) {
        post({ type: "holding" });
        while (Atomics.load(hold.flag, 0) === 0) Atomics.wait(hold.flag, 0, 0, 1_000);
      }
      return finish(input.kind, { ok: true, summary: summaryOf(input.kind, planned.plan) });
    });
    // better-sqlite3's transaction().immediate: BEGIN IMMEDIATE … COMMIT, ROLLBACK on any throw
    return write.immediate();
  } catch (error) {
    if (conn.inTransaction) conn.exec("ROLLBACK");
    if (isUniqueViolation(error)) {
      setJob("invalid");
      return finish(input.kind, { ok: false, errors: [{ row: 1, column: "", value: "", code: "conflict" }] });
    }
    try {
      setJob("failed");
    } catch {
      /* the job row is only progress: the failure itself is what the caller hears */
    }
    return { type: "failed", message: error instanceof Error ? error.message : String(error) };
  } finally {
    conn.close();
  }
}

function summaryOf(kind: ImportJobInput["kind"], plan: MembersPlan | AssessmentsPlan) {
  if (kind === "members") {
    const members = plan as MembersPlan;
    return {
      created: members.create.length,
      updated: members.update.length,
      unchanged: members.unchanged.length,
      updatedNames: members.update.map(({ member }) => member.name),
    };
  }
  const assessments = plan as AssessmentsPlan;
  return { added: assessments.add.length, alreadyRecorded: assessments.alreadyRecorded.length };
}

function finish(
  kind: ImportJobInput["kind"],
  result: { ok: true; summary: ImportSummaries[keyof ImportSummaries] } | { ok: false; errors: RowError[] },
): ImportJobMessage {
  return kind === "members"
    ? { type: "result", kind, result: result as JobResult<"members"> }
    : { type: "result", kind, result: result as JobResult<"assessments"> };
}
