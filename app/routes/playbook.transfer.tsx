import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import { FieldErrors, FormErrors, sectionErrorBoundary, titleMeta, ui } from "~/components/ui";
import { withDefaultRaciCompleted } from "~/domain/playbook-raci";
import { validatePlaybookEdit } from "~/domain/playbook-validation";
import type { Playbook } from "~/domain/types";
import { IMPORT_MAX, importSchema, PLAYBOOK_FORM, SUMMARY_MAX } from "~/forms/playbook";
import { playbookStrings } from "~/locales/playbook";
import {
  readPlaybookPage,
  playbookStateForOrganisation,
  requirePlaybookEditor,
  savePlaybook,
} from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";

export const meta = titleMeta((lang) => [playbookStrings[lang].transfer.title, playbookStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { state, canEdit } = await readPlaybookPage({ request, context });
  return { version: state.version, canEdit };
}

/** A chosen file (multipart) takes the place of pasted text. */
async function withUploadedFile(formData: FormData): Promise<FormData> {
  const file = formData.get("file");
  if (file && typeof file === "object" && "text" in file && file.size > 0) {
    formData.set("document", file.size > IMPORT_MAX ? "x".repeat(IMPORT_MAX + 1) : await file.text());
  }
  formData.delete("file");
  return formData;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const organisationId = signedIn.actor.organisationId;
  const submission = parseForm(await withUploadedFile(await readFormData(request)), importSchema, PLAYBOOK_FORM);
  const none = { problems: [] as string[] };
  if (submission.status !== "success") return invalidSubmission(submission, { extra: none });
  let next: Playbook;
  try {
    // a document exported before the playbook held the default RACI gets the shipped one
    next = withDefaultRaciCompleted(JSON.parse(submission.value.document) as Playbook);
  } catch {
    return invalidSubmission(submission, { fieldErrors: { document: ["playbook.errors.notJson"] }, extra: none });
  }
  const current = await playbookStateForOrganisation(organisationId);
  // every problem, each with its path; nothing is written unless there are none
  const problems = validatePlaybookEdit(current.playbook, next);
  if (problems.length > 0)
    return invalidSubmission(submission, { formErrors: ["playbook.errors.importInvalid"], extra: { problems } });
  const result = await savePlaybook({
    organisationId,
    version: submission.value.version,
    next,
    summary: submission.value.summary,
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect("/playbook?saved=imported");
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict")
    return invalidSubmission(submission, { status: 409, formErrors: ["playbook.errors.staleImport"], extra: none });
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.importInvalid"],
    extra: { problems: result.problems },
  });
}

export default function TransferPage() {
  const { version, canEdit } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = answer?.lastResult?.error ?? {};
  const typed = (answer?.lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const typedText = (name: string) => (typeof typed[name] === "string" ? (typed[name] as string) : "");
  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("playbook.transfer.title")}</h1>
      <PlaybookNav canEdit={canEdit} />
      <section aria-labelledby="export-title" className={`${ui.card} space-y-3`}>
        <h2 id="export-title" className={ui.h2}>
          {t("playbook.transfer.exportTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("playbook.transfer.exportText")}</p>
        <a href="/playbook/export" className={ui.secondaryButton} download>
          {t("playbook.transfer.export")}
        </a>
      </section>
      {canEdit ? (
        <section aria-labelledby="import-title" className={`${ui.card} space-y-4`}>
          <h2 id="import-title" className={ui.h2}>
            {t("playbook.transfer.importTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("playbook.transfer.importText")}</p>
          <FormErrors id="import-errors" errors={errors[""] ?? undefined} />
          <ProblemList problems={answer?.problems ?? []} />
          <Form method="post" encType="multipart/form-data" className="space-y-4">
            <input type="hidden" name="version" value={version} />
            <div>
              <label htmlFor="file" className={ui.label}>
                {t("playbook.transfer.file")}
              </label>
              <input id="file" name="file" type="file" accept="application/json,.json" className="mt-1 block text-sm" />
            </div>
            <div>
              <label htmlFor="document" className={ui.label}>
                {t("playbook.transfer.paste")}
              </label>
              <textarea
                id="document"
                name="document"
                rows={8}
                defaultValue={typedText("document")}
                className={`${ui.input} font-mono text-xs`}
                aria-describedby="document-error"
              />
              <FieldErrors id="document-error" errors={errors.document ?? undefined} />
            </div>
            <div>
              <label htmlFor="summary" className={ui.label}>
                {t("playbook.summary")}
              </label>
              <input
                id="summary"
                name="summary"
                maxLength={SUMMARY_MAX}
                defaultValue={typedText("summary")}
                className={ui.input}
                aria-describedby="summary-error"
              />
              <FieldErrors id="summary-error" errors={errors.summary ?? undefined} />
            </div>
            <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
              {t("playbook.transfer.import")}
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
