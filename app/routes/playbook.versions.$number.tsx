import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaybookNav } from "~/components/playbook/PlaybookNav";
import {
  ConfirmAction,
  ConfirmPanel,
  DateTime,
  FormErrors,
  sectionErrorBoundary,
  titleMeta,
  ui,
  useLang,
} from "~/components/ui";
import { diffPlaybooks, type PlaybookChange } from "~/domain/playbook-diff";
import { shippedPlaybook } from "~/domain/playbook";
import { PLAYBOOK_FORM, revertSchema } from "~/forms/playbook";
import { playbookStrings } from "~/locales/playbook";
import {
  getPlaybookVersion,
  mayEditPlaybook,
  playbookAtVersion,
  playbookSettings,
  playbookStateForOrganisation,
  requirePlaybookEditor,
  savePlaybook,
} from "~/models/playbook.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";

export const meta = titleMeta<typeof loader>((lang, data) => [
  data ? playbookStrings[lang].versions.number.replace("{{number}}", String(data.number)) : undefined,
  playbookStrings[lang].title,
]);

function numberOf(params: { number?: string }): number {
  const raw = params.number ?? "";
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw notFound();
  return Number(raw);
}

/** Changes shown per page: a whole imported playbook can differ in thousands of fields. */
const SHOWN = 300;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "playbook.read");
  const organisationId = actor.organisationId;
  const number = numberOf(params);
  const [info, doc, previous, state, settings] = await Promise.all([
    getPlaybookVersion({ organisationId, number }),
    playbookAtVersion({ organisationId, number }),
    playbookAtVersion({ organisationId, number: number - 1 }),
    playbookStateForOrganisation(organisationId),
    playbookSettings({ organisationId }),
  ]);
  if (!info || !doc || !previous) throw notFound();
  const fromPrevious = diffPlaybooks(previous, doc);
  const fromShipped = diffPlaybooks(shippedPlaybook, doc);
  return {
    number,
    info,
    current: state.version,
    fromPrevious: { changes: fromPrevious.slice(0, SHOWN), total: fromPrevious.length },
    fromShipped: { changes: fromShipped.slice(0, SHOWN), total: fromShipped.length },
    canRevert: mayEditPlaybook(actor, settings) && state.version !== number,
    confirming: new URL(request.url).searchParams.get("confirm") === "revert",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const organisationId = signedIn.actor.organisationId;
  const number = numberOf(params);
  const submission = parseForm(await readFormData(request), revertSchema, PLAYBOOK_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const doc = await playbookAtVersion({ organisationId, number });
  if (!doc) throw notFound();
  const result = await savePlaybook({
    organisationId,
    version: submission.value.version,
    next: doc,
    // a summary is data, written once: in the language of the person who saved it
    summary: playbookStrings[await languageFor(request)].versions.revertSummary.replace("{{number}}", String(number)),
    author: { userId: signedIn.user.id, name: signedIn.user.name },
    revertOf: number,
  });
  if (result.ok) return redirect(`/playbook/versions/${result.version}`);
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict")
    return invalidSubmission(submission, { status: 409, formErrors: ["playbook.errors.revertConflict"] });
  return invalidSubmission(submission, { formErrors: ["playbook.errors.revertInvalid"] });
}

function ChangeTable({ changes, total, testId }: { changes: PlaybookChange[]; total: number; testId: string }) {
  const { t } = useTranslation();
  if (total === 0) return <p className={ui.empty}>{t("playbook.diff.none")}</p>;
  return (
    <div className={ui.tableWrap} tabIndex={0}>
      <table className={ui.table} data-testid={testId}>
        <thead className={ui.thead}>
          <tr>
            <th className={ui.th}>{t("playbook.diff.field")}</th>
            <th className={ui.th}>{t("playbook.diff.before")}</th>
            <th className={ui.th}>{t("playbook.diff.after")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((c) => (
            <tr key={c.path} data-path={c.path}>
              <td className={`${ui.td} font-mono text-xs break-all`}>{c.path}</td>
              <td className={`${ui.td} text-red-800`}>{c.before ?? t("playbook.diff.absent")}</td>
              <td className={`${ui.td} text-emerald-800`}>{c.after ?? t("playbook.diff.absent")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > changes.length ? (
        <p className="px-4 py-2 text-xs text-slate-500">{t("playbook.diff.more", { count: total - changes.length })}</p>
      ) : null}
    </div>
  );
}

export default function VersionPage() {
  const { number, info, current, fromPrevious, fromShipped, canRevert, confirming } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to="/playbook" className={ui.link}>
          ← {t("playbook.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{t("playbook.versions.number", { number })}</h1>
      <PlaybookNav canEdit={canRevert} />
      <p className="text-sm text-slate-700">
        {info.summary} · {info.createdByName} · <DateTime value={info.createdAt} lang={lang} />
        {number === current ? ` · ${t("playbook.versions.current")}` : ""}
      </p>
      <FormErrors id="revert-errors" errors={answer?.lastResult?.error?.[""] ?? undefined} />
      {canRevert && confirming ? (
        <ConfirmPanel
          action={`/playbook/versions/${number}`}
          cancelHref={`/playbook/versions/${number}`}
          fields={{ version: String(current) }}
          title={t("playbook.versions.revertTitle", { number })}
          body={t("playbook.versions.revertBody", { number })}
          confirmLabel={t("playbook.versions.revert", { number })}
        />
      ) : canRevert ? (
        <ConfirmAction
          confirmHref={`/playbook/versions/${number}?confirm=revert`}
          action={`/playbook/versions/${number}`}
          fields={{ version: String(current) }}
          title={t("playbook.versions.revertTitle", { number })}
          body={t("playbook.versions.revertBody", { number })}
          confirmLabel={t("playbook.versions.revert", { number })}
          triggerLabel={t("playbook.versions.revert", { number })}
          triggerStyle="button"
        />
      ) : null}
      <section aria-labelledby="prev-title" className="space-y-3">
        <h2 id="prev-title" className={ui.h2}>
          {t("playbook.diff.fromPrevious", { number: number - 1, count: fromPrevious.total })}
        </h2>
        <ChangeTable changes={fromPrevious.changes} total={fromPrevious.total} testId="diff-previous" />
      </section>
      <section aria-labelledby="shipped-title" className="space-y-3">
        <h2 id="shipped-title" className={ui.h2}>
          {t("playbook.diff.fromShipped", { count: fromShipped.total })}
        </h2>
        <ChangeTable changes={fromShipped.changes} total={fromShipped.total} testId="diff-shipped" />
      </section>
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
