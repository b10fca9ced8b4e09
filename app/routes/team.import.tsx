import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { StatusMessage, ui, useLang } from "~/components/ui";
import { latestToday } from "~/domain/calendar-day";
import { sectionErrorBoundary } from "~/components/ui";
import { ASSESSMENT_COLUMNS, IMPORT_KINDS, MEMBER_COLUMNS, type ImportKind, type RowError } from "~/domain/team-csv";
import { localize } from "~/domain/vocabulary";
import { teamDataStrings } from "~/locales/team-data";
import { teamMembersStrings } from "~/locales/team-members";
import { playbookForOrganisation } from "~/models/playbook.server";
import {
  importAssessments,
  importMembers,
  ImportWriteFailed,
  teamDataCounts,
  type AssessmentsImportSummary,
  type MembersImportSummary,
} from "~/models/team-import.server";
import { requirePermission } from "~/utils/auth.server";
import { decodeCsvBytes } from "~/utils/csv";
import { isConformIntent } from "~/utils/forms";

/** The largest file (or pasted text) an import takes: thousands of rows, one transaction. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_LABEL = "2 MB";
/** The whole body: the file, the pasted text and the small fields. */
const MAX_BODY_BYTES = 2 * MAX_UPLOAD_BYTES + 64 * 1024;
/** Problems sent to the page: enough to work on; the count says how many more there are. */
const SHOWN_ERRORS = 500;
/** Pasted text comes back into the text box when it had problems, up to this size. */
const ECHO_TEXT_MAX = 200_000;

const F = "teamData.import.formErrors";
const FORM_FIELDS: ReadonlySet<string> = new Set(["kind", "file", "csv"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "members.write");
  const [playbook, counts] = await Promise.all([
    playbookForOrganisation(organisation.id),
    teamDataCounts({ organisationId: organisation.id }),
  ]);
  return {
    roles: playbook.roles.map(({ id, label }) => ({ id, label })),
    skills: playbook.skills.map(({ id, label }) => ({ id, label })),
    counts,
    maxUpload: MAX_UPLOAD_LABEL,
  };
}

/* ------------------------------------------------------------------ */
/* Reading the form                                                     */
/* ------------------------------------------------------------------ */

class BodyTooLarge extends Error {}

/** Counts the bytes of a part into the body's total, and stops the upload beyond MAX_BODY_BYTES. */
async function* counted(data: AsyncIterable<Uint8Array>, total: { bytes: number }): AsyncIterable<Uint8Array> {
  for await (const chunk of data) {
    total.bytes += chunk.byteLength;
    if (total.bytes > MAX_BODY_BYTES) throw new BodyTooLarge();
    yield chunk;
  }
}

/** Keeps the form's own fields in memory (each up to MAX_UPLOAD_BYTES); other parts are read past and dropped. */
function uploadHandler(): UploadHandler {
  const total = { bytes: 0 };
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
  return async (part) => {
    const data = counted(part.data, total);
    if (!FORM_FIELDS.has(part.name)) {
      for await (const chunk of data) void chunk;
      return undefined;
    }
    return memory({ ...part, data });
  };
}

/** The body of a non-multipart request, or null beyond MAX_BODY_BYTES. */
async function readSmallBody(request: Request): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

type ReadForm = { ok: true; form: FormData | URLSearchParams } | { ok: false; status: 400 | 413; formError: string };

/**
 * The submitted form: multipart (the page's form, with a file) or url-encoded
 * (pasted text only). A body that is neither, or broken, reads as an empty
 * form; one that is too large is refused before it is all in memory.
 */
async function readImportForm(request: Request): Promise<ReadForm> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const tooLarge: ReadForm = { ok: false, status: 413, formError: `${F}.tooLarge` };
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_BODY_BYTES) return tooLarge;
  if (type.startsWith("multipart/form-data")) {
    try {
      return { ok: true, form: await unstable_parseMultipartFormData(request, uploadHandler()) };
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError || error instanceof BodyTooLarge) return tooLarge;
      // a broken multipart body is the client's mistake
      return { ok: false, status: 400, formError: `${F}.unreadable` };
    }
  }
  const body = await readSmallBody(request).catch(() => "");
  if (body === null) return tooLarge;
  return {
    ok: true,
    form: type.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(body) : new URLSearchParams(),
  };
}

const importFormSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { errorMap: () => ({ message: `${F}.kind` }) }),
  csv: z.string().max(MAX_UPLOAD_BYTES, `${F}.tooLarge`),
});

/** The single value of a field; a repeated field has none. */
function single(form: FormData | URLSearchParams, name: string): FormDataEntryValue | undefined {
  const values = form.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/* ------------------------------------------------------------------ */
/* The action                                                           */
/* ------------------------------------------------------------------ */

export type ImportAnswer =
  | { status: "refused"; kind: ImportKind | null; formError: string; pasted: string }
  | { status: "invalid"; kind: ImportKind; errors: RowError[]; total: number; pasted: string }
  | { status: "imported"; kind: "members"; members: MembersImportSummary }
  | { status: "imported"; kind: "assessments"; assessments: AssessmentsImportSummary };

function answer(body: ImportAnswer, status = 200) {
  return data(body, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission({ request, context }, "members.write");
  const read = await readImportForm(request);
  if (!read.ok) return answer({ status: "refused", kind: null, formError: read.formError, pasted: "" }, read.status);
  // conform's requests (a blur's validation) are never a submission: nothing is imported
  if (isConformIntent(read.form))
    return answer({ status: "refused", kind: null, formError: `${F}.noInput`, pasted: "" }, 400);

  const kindValue = single(read.form, "kind");
  const pastedValue = single(read.form, "csv");
  const parsed = importFormSchema.safeParse({
    kind: kindValue,
    csv: typeof pastedValue === "string" ? pastedValue : "",
  });
  const pasted = typeof pastedValue === "string" && pastedValue.length <= ECHO_TEXT_MAX ? pastedValue : "";
  if (!parsed.success) {
    const kind = IMPORT_KINDS.find((candidate) => candidate === kindValue) ?? null;
    const formError = parsed.error.issues[0]?.message ?? `${F}.noInput`;
    return answer({ status: "refused", kind, formError, pasted }, formError === `${F}.tooLarge` ? 413 : 400);
  }
  const { kind, csv } = parsed.data;

  // a chosen file wins over pasted text; a form without a chosen file sends an empty one
  const file = read.form.getAll("file").find((value): value is File => typeof value !== "string" && value.size > 0);
  let text: string | null;
  if (file) text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  else if (csv.trim() !== "") text = csv;
  else return answer({ status: "refused", kind, formError: `${F}.noInput`, pasted }, 400);

  const writeFailed = () =>
    answer({ status: "refused", kind, formError: "importJob.writeFailed", pasted: file ? "" : pasted }, 500);
  const invalid = (errors: RowError[]) =>
    answer(
      {
        status: "invalid",
        kind,
        errors: errors.slice(0, SHOWN_ERRORS),
        total: errors.length,
        pasted: file ? "" : pasted,
      },
      400,
    );
  if (text === null) return invalid([{ row: 1, column: "", value: "", code: "not_text" }]);

  // the file is read, checked and written in the import's worker thread: this process goes on serving
  const started = { organisationId: organisation.id, text, startedBy: user.id };
  try {
    if (kind === "members") {
      const result = await importMembers(started);
      return result.ok ? answer({ status: "imported", kind, members: result.summary }) : invalid(result.errors);
    }
    const playbook = await playbookForOrganisation(organisation.id);
    const result = await importAssessments({
      ...started,
      skillIds: playbook.skills.map((skill) => skill.id),
      skills: playbook.skills.map(({ id, label }) => ({ id, label })),
      today: latestToday(),
      importer: { userId: user.id, name: user.name },
    });
    return result.ok ? answer({ status: "imported", kind, assessments: result.summary }) : invalid(result.errors);
  } catch (error) {
    if (!(error instanceof ImportWriteFailed)) throw error;
    console.error("team import: nothing was written", error);
    return writeFailed();
  }
}

/* ------------------------------------------------------------------ */
/* The page                                                             */
/* ------------------------------------------------------------------ */

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined;
  const lang = root?.lang === "en" ? "en" : "zh";
  return [{ title: `${teamDataStrings[lang].meta.title} — ${teamMembersStrings[lang].title}` }];
};

const REQUIRED_COLUMNS: ReadonlySet<string> = new Set([
  "name",
  "email",
  "roles",
  "member_email",
  "skill",
  "level",
  "assessed_on",
]);

function ColumnTable({ columns }: { columns: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <dl className="mt-3 space-y-2 text-sm">
      {columns.map((column) => (
        <div key={column} className="sm:flex sm:gap-3">
          <dt className="shrink-0 sm:w-40">
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{column}</code>{" "}
            <span className="text-xs text-slate-500">
              {t(REQUIRED_COLUMNS.has(column) ? "teamData.import.required" : "teamData.import.optional")}
            </span>
          </dt>
          <dd className="text-slate-700">{t(`teamData.import.columns.${column}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

function IdList({ title, entries }: { title: string; entries: { id: string; label: string }[] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">{title}</summary>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {entries.map((entry) => (
          <li key={entry.id}>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{entry.id}</code> {entry.label}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ImportErrors({ errors, total }: { errors: RowError[]; total: number }) {
  const { t } = useTranslation();
  return (
    <section
      role="alert"
      aria-labelledby="import-errors-title"
      className="rounded-xl border border-red-200 bg-red-50 p-5"
    >
      <h3 id="import-errors-title" className="text-base font-semibold text-red-900">
        {t("teamData.import.errors.title", { count: total })}
      </h3>
      <p className="mt-1 text-sm text-red-800">{t("teamData.import.errors.text")}</p>
      <div className={`${ui.tableWrap} mt-4`} tabIndex={0}>
        <table className={ui.table}>
          <caption className="sr-only">{t("teamData.import.errors.caption")}</caption>
          <thead className={ui.thead}>
            <tr>
              <th scope="col" className={ui.th}>
                {t("teamData.import.errors.row")}
              </th>
              <th scope="col" className={ui.th}>
                {t("teamData.import.errors.column")}
              </th>
              <th scope="col" className={ui.th}>
                {t("teamData.import.errors.value")}
              </th>
              <th scope="col" className={ui.th}>
                {t("teamData.import.errors.problem")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((error, index) => (
              <tr key={`${error.row}-${error.column}-${error.code}-${index}`}>
                <td className={`${ui.td} tabular-nums`}>{error.row}</td>
                <td className={ui.td}>
                  {error.column ? (
                    <code className="text-xs">{error.column}</code>
                  ) : (
                    <span className="text-slate-500">{t("teamData.import.errors.wholeRow")}</span>
                  )}
                </td>
                <td className={`${ui.td} max-w-xs break-words font-mono text-xs`}>{error.value}</td>
                <td className={ui.td}>{t(`teamData.codes.${error.code}`, error.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > errors.length ? (
        <p className="mt-3 text-sm text-red-800">
          {t("teamData.import.errors.more", { count: total - errors.length })}
        </p>
      ) : null}
    </section>
  );
}

function ImportDone({ result }: { result: Extract<ImportAnswer, { status: "imported" }> }) {
  const { t } = useTranslation();
  const nothing =
    result.kind === "members" ? result.members.created + result.members.updated === 0 : result.assessments.added === 0;
  return (
    <div className="space-y-2">
      <StatusMessage>
        <strong>{t("teamData.import.done.title")}</strong>{" "}
        {result.kind === "members"
          ? t("teamData.import.done.members", {
              created: result.members.created,
              updated: result.members.updated,
              unchanged: result.members.unchanged,
            })
          : t("teamData.import.done.assessments", {
              added: result.assessments.added,
              alreadyRecorded: result.assessments.alreadyRecorded,
            })}
        {nothing ? ` ${t("teamData.import.done.nothing")}` : null}
      </StatusMessage>
      {result.kind === "members" && result.members.updatedNames.length > 0 ? (
        <p className="text-sm text-slate-700">
          {t("teamData.import.done.updatedNames", { names: result.members.updatedNames.join(t("app.text.list")) })}
        </p>
      ) : null}
      <p className="text-sm">
        <Link to="/team" className={ui.link}>
          {t("teamData.import.done.viewTeam")}
        </Link>
      </p>
    </div>
  );
}

interface Progress {
  kind: string;
  status: string;
  rows: number;
}

/** How often the page asks for the progress of the import it is sending (ms). */
const POLL_MS = 700;

/**
 * While the form is sent, the progress of the import the worker thread runs:
 * the status route is asked every POLL_MS. Only a running import counts; a
 * finished one is an earlier import (this one answers the form itself).
 */
function ImportProgress() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch("/team/import/status", { headers: { Accept: "application/json" } });
        const body = response.ok ? ((await response.json()) as { import: Progress | null }) : null;
        if (!stopped && body) setProgress(body.import);
      } catch {
        /* the next poll tries again; the form's own answer is what counts */
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS / 2);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  const running = progress && (progress.status === "checking" || progress.status === "writing") ? progress : null;
  const step = running?.status === "writing" ? 3 : running ? 2 : 1;
  const text = running ? t(`importJob.${running.status}`, { count: running.rows }) : t("importJob.sending");
  return (
    <div className="space-y-2" data-testid="import-progress">
      <p role="status" className="text-sm font-medium text-slate-800">
        {text}
      </p>
      <progress
        max={3}
        value={step}
        aria-label={t("importJob.progressLabel")}
        aria-valuetext={text}
        className="h-2 w-full max-w-md"
      />
      <p className={ui.hint}>{t("importJob.stayHint")}</p>
    </div>
  );
}

export default function TeamImport() {
  const { roles, skills, counts, maxUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const lang = useLang();
  const busy = navigation.state === "submitting" && navigation.formAction === "/team/import";
  const kind: ImportKind = result?.kind ?? "members";
  const pasted = result && result.status !== "imported" ? result.pasted : "";
  const formError = result?.status === "refused" ? result.formError : null;

  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <h2 className={ui.h2}>{t("teamData.import.title")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("teamData.import.intro")}</p>
      </div>

      {result?.status === "imported" ? <ImportDone result={result} /> : null}
      {result?.status === "invalid" ? <ImportErrors errors={result.errors} total={result.total} /> : null}

      <section className={ui.card} aria-labelledby="import-form-title">
        <h3 id="import-form-title" className="text-base font-semibold text-slate-900">
          {t("teamData.import.formTitle")}
        </h3>
        <Form
          method="post"
          action="/team/import"
          encType="multipart/form-data"
          className="mt-4 space-y-5"
          aria-describedby={formError ? "import-form-error" : undefined}
        >
          {formError ? (
            <div
              id="import-form-error"
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
            >
              {t(formError, { max: maxUpload })}
            </div>
          ) : null}
          <fieldset>
            <legend className={ui.label}>{t("teamData.import.kindLegend")}</legend>
            <div className="mt-2 flex flex-wrap gap-6">
              {IMPORT_KINDS.map((value) => (
                <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="kind"
                    value={value}
                    defaultChecked={value === kind}
                    className="h-4 w-4 text-indigo-600"
                  />
                  {t(`teamData.import.kind.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="import-file" className={ui.label}>
              {t("teamData.import.file")}
            </label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              aria-describedby="import-file-hint"
              className="mt-1 block w-full text-sm text-slate-700 file:mr-4 file:rounded-md file:border-0 file:bg-indigo-50 file:px-4 file:py-2 file:text-sm file:font-medium file:text-indigo-700 hover:file:bg-indigo-100"
            />
            <p id="import-file-hint" className={ui.hint}>
              {t("teamData.import.fileHint")} {t("teamData.import.encoding", { max: maxUpload })}
            </p>
          </div>
          <div>
            <label htmlFor="import-text" className={ui.label}>
              {t("teamData.import.text")}
            </label>
            <textarea
              id="import-text"
              name="csv"
              rows={8}
              defaultValue={pasted}
              // a new answer puts its text (the pasted text with problems, or nothing after an import) into the box
              key={`${result?.status ?? "none"}-${pasted.length}`}
              spellCheck={false}
              aria-describedby="import-text-hint"
              className={`${ui.input} font-mono`}
              placeholder={MEMBER_COLUMNS.join(",")}
            />
            <p id="import-text-hint" className={ui.hint}>
              {t("teamData.import.textHint")}
            </p>
          </div>
          <button type="submit" className={ui.primaryButton} disabled={busy}>
            {busy ? t("teamData.import.submitting") : t("teamData.import.submit")}
          </button>
          {busy ? <ImportProgress /> : null}
        </Form>
      </section>

      <section className={ui.card} aria-labelledby="import-downloads-title">
        <h3 id="import-downloads-title" className="text-base font-semibold text-slate-900">
          {t("teamData.import.downloadsTitle")}
        </h3>
        <ul className="mt-3 flex flex-wrap gap-3">
          <li>
            <a href="/team/import/template/members.csv" download className={ui.secondaryButton}>
              {t("teamData.import.templateMembers")}
            </a>
          </li>
          <li>
            <a href="/team/import/template/assessments.csv" download className={ui.secondaryButton}>
              {t("teamData.import.templateAssessments")}
            </a>
          </li>
          <li>
            <a href="/team/export/members.csv" download className={ui.secondaryButton}>
              {t("teamData.import.exportMembers", { count: counts.members })}
            </a>
          </li>
          <li>
            <a href="/team/export/assessments.csv" download className={ui.secondaryButton}>
              {t("teamData.import.exportAssessments", { count: counts.assessments })}
            </a>
          </li>
        </ul>
        <p className={`${ui.hint} mt-3`}>{t("teamData.import.exportNote")}</p>
      </section>

      <section className={ui.card} aria-labelledby="import-formats-title">
        <h3 id="import-formats-title" className="text-base font-semibold text-slate-900">
          {t("teamData.import.formatsTitle")}
        </h3>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          <div>
            <h4 className="font-medium text-slate-900">{t("teamData.import.membersTitle")}</h4>
            <p className="mt-1 text-sm text-slate-600">{t("teamData.import.membersText")}</p>
            <ColumnTable columns={MEMBER_COLUMNS} />
            <IdList
              title={t("teamData.import.roleIds")}
              entries={roles.map((role) => ({ id: role.id, label: localize(role.label, lang) }))}
            />
          </div>
          <div>
            <h4 className="font-medium text-slate-900">{t("teamData.import.assessmentsTitle")}</h4>
            <p className="mt-1 text-sm text-slate-600">{t("teamData.import.assessmentsText")}</p>
            <ColumnTable columns={ASSESSMENT_COLUMNS} />
            <IdList
              title={t("teamData.import.skillIds")}
              entries={skills.map((skill) => ({ id: skill.id, label: localize(skill.label, lang) }))}
            />
          </div>
        </div>
      </section>
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("team");
