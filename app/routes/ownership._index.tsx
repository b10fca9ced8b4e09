import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { cellSchemaFor, parseOwnershipForm } from "~/forms/ownership";
import { LETTER_STYLES, LetterBadge, useFlagText, type RoleLabels } from "~/components/ownership/ui";
import { Badge, StatusMessage, ui, useLang } from "~/components/ui";
import { useHydrated } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import { rowsByStep, type OwnershipFlag } from "~/domain/ownership-checks";
import { can } from "~/domain/permissions";
import { isRaciLetter, RACI_LETTERS, STEP_SECTIONS, type RaciLetter } from "~/domain/process-steps";
import type { RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { editedDefaultRows, editedMarks } from "~/domain/edited-marks";
import { EditedBadge } from "~/components/playbook/EditedBadge";
import { playbookStateForOrganisation } from "~/models/playbook.server";
import { holdersOf, loadOwnership, roleLabelsFor, setCell, stepsWithOpenProposal } from "~/models/ownership.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { intentOf, invalidSubmission, readFormData } from "~/utils/forms";
import { ownershipStrings } from "~/locales/ownership";

/** The RACI matrix (steps × the roles of the organisation's playbook), which rows the viewer may edit, and every problem. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "ownership.read");
  const [ownership, roleLabels, waiting, state] = await Promise.all([
    loadOwnership({ organisationId: organisation.id, model: organisation.operatingModel }),
    roleLabelsFor(organisation.id),
    stepsWithOpenProposal({ organisationId: organisation.id }),
    playbookStateForOrganisation(organisation.id),
  ]);
  // a row the team still has as the organisation's edited default says where it comes from (issue 13)
  const editedDefault = editedDefaultRows({
    marks: editedMarks({
      edited: state.edited,
      playbook: state.playbook,
      models: [organisation.operatingModel],
      stage: organisation.stage,
      sized: false,
    }),
    defaultRaci: state.playbook.defaultRaci,
    model: organisation.operatingModel,
  });
  const rows = rowsByStep(ownership.cells);
  const flagsByStep = new Map(ownership.report.flagged.map((check) => [check.stepKey, check.flags]));
  const active = ownership.steps.filter((step) => !step.retired);
  return {
    roleLabels,
    roleIds: ownership.roleIds,
    steps: active.map((step) => ({
      key: step.key,
      section: step.section,
      name: step.name,
      resolved: step.resolved,
      row: rows.get(step.key) ?? {},
      fromEditedDefault: editedDefault.fromRow(step.key, rows.get(step.key) ?? {}),
      flags: flagsByStep.get(step.key) ?? [],
      editable: can(actor, "ownership.raci.write", {
        organisationId: organisation.id,
        departments: holdersOf(ownership.cells, step.key),
      }),
    })),
    report: ownership.report,
    waiting,
    playbookVersion: state.version,
  };
}

/** Sets one cell. Who may: managers and admins on every row, a lead on rows their department is R or A for. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission({ request, context }, "ownership.read");
  const formData = await readFormData(request);
  const model = organisation.operatingModel;
  const ownership = await loadOwnership({ organisationId: organisation.id, model });
  // a column of the matrix: a role the playbook holds (an extension role once it is on)
  const submission = parseOwnershipForm(formData, cellSchemaFor(ownership.roleIds));
  const intent = intentOf(formData, ["set_cell"]);
  if (intent === null || submission.status !== "success") {
    return invalidSubmission(submission, intent ? {} : { formErrors: ["ownership.errors.invalid"] });
  }
  const step = ownership.steps.find((candidate) => candidate.key === submission.value.step && !candidate.retired);
  if (!step) throw notFound();
  await requirePermission({ request, context }, "ownership.raci.write", {
    departments: holdersOf(ownership.cells, step.key),
  });
  const result = await setCell({
    organisationId: organisation.id,
    model,
    key: step.key,
    roleId: submission.value.role,
    letter: submission.value.letter,
    by: { userId: user.id, name: user.name },
  });
  if (!result.ok) throw notFound();
  return { ok: true as const, step: step.key, role: submission.value.role };
}

export const meta = titleMeta((lang) => [ownershipStrings[lang].meta.matrix, ownershipStrings[lang].title]);

type StepRow = ReturnType<typeof useLoaderData<typeof loader>>["steps"][number];

export default function OwnershipMatrix() {
  const { roleLabels, roleIds, steps, report, waiting, playbookVersion } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const flagText = useFlagText(roleLabels, lang);
  const anyEditable = steps.some((step) => step.editable);
  return (
    <div className="space-y-8">
      <p className="max-w-3xl text-sm text-slate-600">{t("ownership.intro")}</p>

      <section aria-labelledby="problems-title" className={ui.card} data-testid="problems">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="problems-title" className={ui.h2}>
            {t("ownership.problems.title")}
          </h2>
          <p
            className="text-sm font-medium text-slate-700"
            data-testid="problem-count"
            data-count={report.problems}
            data-steps={report.flaggedSteps}
          >
            {t("ownership.problems.count", { count: report.problems, steps: report.flaggedSteps })}
          </p>
        </div>
        {report.flagged.length === 0 ? (
          <p className="mt-3 text-sm text-emerald-800">{t("ownership.problems.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {report.flagged.map((check) => {
              const step = steps.find((candidate) => candidate.key === check.stepKey);
              return (
                <li
                  key={check.stepKey}
                  className="flex flex-wrap items-start justify-between gap-2 py-2"
                  data-step={check.stepKey}
                >
                  <div>
                    <Link to={`/ownership/steps/${check.stepKey}`} className={ui.link}>
                      {step ? localize(step.name, lang) : check.stepKey}
                    </Link>
                    {waiting.includes(check.stepKey) ? (
                      <span className="ml-2" data-testid="proposal-waiting">
                        <Badge tone="amber">{t("ownership.problems.waiting")}</Badge>
                      </span>
                    ) : null}
                    <ul className="mt-1 text-sm text-red-800">
                      {check.flags.map((flag) => (
                        <li key={flag.code} data-flag={flag.code}>
                          {flagText(flag as OwnershipFlag)}
                        </li>
                      ))}
                    </ul>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="matrix-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="matrix-title" className={ui.h2}>
            {t("ownership.meta.matrix")}
          </h2>
          <a href="/ownership/export" className={ui.secondaryButton} download>
            {t("ownership.matrix.export")}
          </a>
        </div>
        <p className="text-xs text-slate-500">{t("ownership.legend")}</p>
        {anyEditable ? null : <StatusMessage tone="info">{t("ownership.matrix.readOnly")}</StatusMessage>}
        <div className={ui.tableWrap} tabIndex={0}>
          <table className={ui.table} data-testid="raci-matrix">
            <caption className="sr-only">{t("ownership.matrix.caption")}</caption>
            <thead className={ui.thead}>
              <tr>
                <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-4 py-3">
                  {t("ownership.matrix.step")}
                </th>
                {roleIds.map((roleId) => (
                  <th key={roleId} scope="col" className="px-2 py-3 text-center normal-case" data-role={roleId}>
                    {localize(roleLabels[roleId], lang)}
                  </th>
                ))}
                <th scope="col" className="px-4 py-3">
                  {t("ownership.matrix.problems")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {STEP_SECTIONS.map((section) => {
                const inSection = steps.filter((step) => step.section === section);
                if (inSection.length === 0) return null;
                return (
                  <Fragment key={section}>
                    <tr className="bg-slate-50/70">
                      <th
                        colSpan={roleIds.length + 2}
                        scope="colgroup"
                        className="px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                      >
                        {t(`ownership.sections.${section}`)}
                      </th>
                    </tr>
                    {inSection.map((step) => (
                      <MatrixRow
                        key={step.key}
                        step={step}
                        roleIds={roleIds}
                        roleLabels={roleLabels}
                        playbookVersion={playbookVersion}
                      />
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function MatrixRow({
  step,
  roleIds,
  roleLabels,
  playbookVersion,
}: {
  step: StepRow;
  roleIds: readonly RoleId[];
  roleLabels: RoleLabels;
  playbookVersion: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = localize(step.name, lang);
  const row = step.row as Partial<Record<RoleId, RaciLetter>>;
  return (
    <tr data-step={step.key} data-flagged={step.flags.length > 0 ? "yes" : "no"}>
      <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-2 text-left font-medium">
        <Link to={`/ownership/steps/${step.key}`} className={ui.link}>
          {name}
        </Link>
        <EditedBadge edited={step.fromEditedDefault} version={playbookVersion} />
      </th>
      {roleIds.map((roleId) => (
        <td key={roleId} className="px-2 py-2 text-center" data-role={roleId} data-letter={row[roleId] ?? ""}>
          {step.editable ? (
            <CellEditor
              stepKey={step.key}
              stepName={name}
              roleId={roleId}
              roleLabel={localize(roleLabels[roleId], lang)}
              letter={row[roleId] ?? null}
            />
          ) : (
            <LetterBadge letter={row[roleId] ?? null} />
          )}
        </td>
      ))}
      <td className="px-4 py-2">
        {step.flags.length > 0 ? (
          <span className="flex flex-wrap gap-1">
            {step.flags.map((flag) => (
              <Badge key={flag.code} tone="red">
                {t(`ownership.flagNames.${flag.code}`)}
              </Badge>
            ))}
          </span>
        ) : step.resolved ? (
          <Badge tone="green">{t("ownership.matrix.resolved")}</Badge>
        ) : (
          <Badge tone="slate">{t("ownership.matrix.ok")}</Badge>
        )}
      </td>
    </tr>
  );
}

/**
 * One cell, saved deliberately as in a spreadsheet: choosing a letter (with
 * the mouse or the arrow keys) only changes the draft; Enter or the cell's
 * Save button saves it, Escape puts the saved letter back. So moving through
 * the letters with ↓ sends nothing. After a save the cell says "Saved".
 * Without JavaScript the Save button is always there. Saved in the
 * background: the page stays where it is.
 */
function CellEditor(props: {
  stepKey: string;
  stepName: string;
  roleId: RoleId;
  roleLabel: string;
  letter: RaciLetter | null;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const saved = props.letter ?? "";
  const [draft, setDraft] = useState<string | null>(null);
  const pending = fetcher.state !== "idle";
  const value = pending ? String(fetcher.formData?.get("letter") ?? "") : (draft ?? saved);
  const dirty = draft !== null && draft !== saved;
  const failed = fetcher.state === "idle" && fetcher.data !== undefined && !("ok" in fetcher.data);
  const justSaved = fetcher.state === "idle" && fetcher.data !== undefined && "ok" in fetcher.data && draft === null;
  const save = (form: HTMLFormElement | null) => {
    if (!form || !dirty) return;
    fetcher.submit(form);
    setDraft(null);
  };
  return (
    <fetcher.Form
      method="post"
      action="/ownership?index"
      className="inline-flex items-center gap-1"
      data-testid="raci-cell"
    >
      <input type="hidden" name="intent" value="set_cell" />
      <input type="hidden" name="step" value={props.stepKey} />
      <input type="hidden" name="role" value={props.roleId} />
      <select
        name="letter"
        value={value}
        aria-label={t("ownership.matrix.cellLabel", { step: props.stepName, role: props.roleLabel })}
        aria-invalid={failed || undefined}
        data-dirty={dirty || undefined}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            save(event.currentTarget.form);
          } else if (event.key === "Escape") {
            setDraft(null);
          }
        }}
        className={`rounded border border-slate-300 px-1 py-0.5 text-xs font-semibold focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600 ${
          isRaciLetter(value) ? LETTER_STYLES[value] : "bg-white text-slate-500"
        }`}
      >
        <option value="">{t("ownership.letters.none")}</option>
        {RACI_LETTERS.map((letter) => (
          <option key={letter} value={letter}>
            {t(`ownership.letters.${letter}`)}
          </option>
        ))}
      </select>
      {!hydrated || dirty ? (
        <button
          type="submit"
          onClick={(event) => {
            if (!hydrated) return;
            event.preventDefault();
            save(event.currentTarget.form);
          }}
          className="rounded border border-indigo-300 bg-indigo-50 px-1 text-xs font-medium text-indigo-800"
        >
          {t("ownership.matrix.save")}
        </button>
      ) : null}
      {justSaved ? (
        <span role="status" className="text-xs text-emerald-700" data-testid="cell-saved">
          {t("ownership.matrix.cellSaved")}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

export const ErrorBoundary = sectionErrorBoundary("ownership");
