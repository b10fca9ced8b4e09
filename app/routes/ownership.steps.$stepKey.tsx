import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { decideSchema, OWNERSHIP_FORM, parseOwnershipForm, proposeSchemaFor, undoSchema } from "~/forms/ownership";
import { LetterBadge, useFlagText } from "~/components/ownership/ui";
import { Badge, FieldErrors, FormErrors, DateTime, StatusMessage, ui, useLang } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import type { OwnershipFlag } from "~/domain/ownership-checks";
import { can } from "~/domain/permissions";
import type { RaciLetter } from "~/domain/process-steps";
import type { RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import {
  decideProposal,
  getStep,
  holdersOf,
  isStepKey,
  openProposal,
  ownershipRoleIds,
  proposeOwner,
  roleLabelsFor,
  undoCellChange,
} from "~/models/ownership.server";
import { safely } from "~/models/notify.server";
import { notifyProposal } from "~/models/reminders.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { intentOf, invalidSubmission, readFormData, validateWith } from "~/utils/forms";
import { ownershipStrings } from "~/locales/ownership";

/** One step: who does what, its problems, its decision log, and the propose / decide forms the viewer may use. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "ownership.read");
  const key = params.stepKey ?? "";
  const [detail, roleLabels] = await Promise.all([
    getStep({ organisationId: organisation.id, model: organisation.operatingModel, key }),
    roleLabelsFor(organisation.id),
  ]);
  if (!detail) throw notFound();
  const { step, row, flags, log, changes } = detail;
  const open = log.find((entry) => entry.status === "proposed") ?? null;
  const scope = { organisationId: organisation.id };
  const holders = holdersOf(detail.ownership.cells, key);
  const involved = open ? [...new Set<RoleId>([...holders, open.ownerRoleId])] : holders;
  return {
    roleLabels,
    roleIds: detail.ownership.roleIds,
    step: { key: step.key, name: step.name, section: step.section, retired: step.retired, resolved: step.resolved },
    row,
    flags,
    log,
    changes,
    open,
    canEditRow: !step.retired && can(actor, "ownership.raci.write", { ...scope, departments: holders }),
    canPropose: !step.retired && flags.length > 0 && open === null && can(actor, "ownership.propose", scope),
    canDecide:
      open !== null && can(actor, "ownership.decide", { ...scope, departments: involved, userId: open.proposerUserId }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission({ request, context }, "ownership.read");
  const key = params.stepKey ?? "";
  if (!isStepKey(key)) throw notFound();
  const formData = await readFormData(request);
  const intent = intentOf(formData, ["propose", "accept", "reject", "undo"]);
  const model = organisation.operatingModel;

  if (intent === "undo") {
    // the same rule as editing the row's cells: managers and admins, a lead of a role that is R or A
    const detail = await getStep({ organisationId: organisation.id, model, key });
    if (!detail || detail.step.retired) throw notFound();
    await requirePermission({ request, context }, "ownership.raci.write", {
      departments: holdersOf(detail.ownership.cells, key),
    });
    const submission = parseOwnershipForm(formData, undoSchema);
    if (submission.status !== "success") return invalidSubmission(submission, { extra: { intent } });
    const result = await undoCellChange({
      organisationId: organisation.id,
      model,
      key,
      changeId: submission.value.change,
      by: { userId: user.id, name: user.name },
    });
    if (!result.ok && result.reason === "not_found") throw notFound();
    if (!result.ok)
      return invalidSubmission(submission, { formErrors: ["raciLog.undoConflict"], status: 409, extra: { intent } });
    return { done: "undone" as const };
  }

  if (intent === "propose") {
    await requirePermission({ request, context }, "ownership.propose");
    const roleIds = await ownershipRoleIds({ organisationId: organisation.id });
    const submission = parseOwnershipForm(formData, proposeSchemaFor(roleIds));
    if (submission.status !== "success") return invalidSubmission(submission, { extra: { intent } });
    const result = await proposeOwner({
      organisationId: organisation.id,
      model,
      key,
      owner: submission.value.owner,
      reason: submission.value.reason,
      proposer: { userId: user.id, name: user.name },
    });
    if (!result.ok && result.reason === "not_found") throw notFound();
    if (!result.ok) {
      const message = result.reason === "not_flagged" ? "ownership.step.notFlagged" : "ownership.step.conflict";
      return invalidSubmission(submission, { formErrors: [message], status: 409, extra: { intent } });
    }
    const proposalId = result.proposalId;
    if (proposalId)
      await safely("ownership proposal", () => notifyProposal({ organisationId: organisation.id, proposalId }));
    return { done: "proposed" as const };
  }

  if (intent === "accept" || intent === "reject") {
    const open = await openProposal({ organisationId: organisation.id, key });
    const submission = parseOwnershipForm(formData, decideSchema);
    if (!open) {
      // no such step here (404) or nothing left to decide (409)
      const detail = await getStep({ organisationId: organisation.id, model, key });
      if (!detail || detail.step.retired) throw notFound();
      return invalidSubmission(submission, { formErrors: ["ownership.step.conflict"], status: 409, extra: { intent } });
    }
    await requirePermission({ request, context }, "ownership.decide", {
      departments: open.involved,
      userId: open.proposerUserId,
    });
    if (submission.status !== "success") return invalidSubmission(submission, { extra: { intent } });
    if (submission.value.proposalId !== open.id) {
      return invalidSubmission(submission, { formErrors: ["ownership.step.conflict"], status: 409, extra: { intent } });
    }
    const result = await decideProposal({
      organisationId: organisation.id,
      key,
      proposalId: open.id,
      decision: intent,
      reason: submission.value.reason,
      decider: { userId: user.id, name: user.name },
    });
    if (!result.ok)
      return invalidSubmission(submission, { formErrors: ["ownership.step.conflict"], status: 409, extra: { intent } });
    return { done: intent === "accept" ? ("accepted" as const) : ("rejected" as const) };
  }

  const detail = await getStep({ organisationId: organisation.id, model, key });
  if (!detail) throw notFound();
  return invalidSubmission(parseOwnershipForm(formData, proposeSchemaFor(detail.ownership.roleIds)), {
    formErrors: ["ownership.errors.invalid"],
    extra: { intent },
  });
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.step.name[lang],
  ownershipStrings[lang].meta.step,
  ownershipStrings[lang].title,
]);

export default function StepPage() {
  const { roleLabels, roleIds, step, row, flags, log, changes, open, canPropose, canDecide, canEditRow } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const flagText = useFlagText(roleLabels, lang);
  const roleName = (roleId: RoleId) => localize(roleLabels[roleId], lang);
  const cells = row as Partial<Record<RoleId, RaciLetter>>;
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/ownership" className={ui.link}>
          ← {t("ownership.step.back")}
        </Link>
      </p>
      <header>
        <h2 className="text-xl font-semibold text-slate-900" data-testid="step-name">
          {localize(step.name, lang)}
        </h2>
        <p className="text-sm text-slate-600">
          {t("ownership.step.section", { section: t(`ownership.sections.${step.section}`) })}
        </p>
      </header>
      {done ? (
        <StatusMessage>{done === "undone" ? t("raciLog.undone") : t(`ownership.step.${done}`)}</StatusMessage>
      ) : null}
      {step.retired ? <StatusMessage tone="info">{t("ownership.step.retired")}</StatusMessage> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="row-title" className={ui.card}>
          <h3 id="row-title" className={ui.h2}>
            {t("ownership.step.row")}
          </h3>
          <dl className="mt-3 divide-y divide-slate-100 text-sm" data-testid="step-row">
            {roleIds.map((roleId) => (
              <div
                key={roleId}
                className="flex items-center justify-between py-1.5"
                data-role={roleId}
                data-letter={cells[roleId] ?? ""}
              >
                <dt>{roleName(roleId)}</dt>
                <dd>
                  <LetterBadge letter={cells[roleId] ?? null} />
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm">
            <Link to={`/ownership/diagram?step=${step.key}`} className={ui.link}>
              {t("ownership.step.diagram")}
            </Link>
          </p>
        </section>

        <section aria-labelledby="flags-title" className={ui.card} data-testid="step-flags">
          <h3 id="flags-title" className={ui.h2}>
            {t("ownership.step.flagsTitle")}
          </h3>
          {flags.length === 0 ? (
            <p className="mt-3 text-sm text-emerald-800">
              {step.resolved ? t("ownership.step.resolvedNote") : t("ownership.step.noFlags")}
            </p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm text-red-800">
              {flags.map((flag) => (
                <li key={flag.code} data-flag={flag.code}>
                  {flagText(flag as OwnershipFlag)}
                </li>
              ))}
            </ul>
          )}
          {canPropose ? <ProposeForm roleIds={roleIds} roleName={roleName} /> : null}
          {open && canDecide ? <DecideForm proposalId={open.id} /> : null}
          {open && !canDecide ? <p className="mt-4 text-sm text-slate-600">{t("ownership.step.waiting")}</p> : null}
        </section>
      </div>

      <CellChanges
        changes={changes}
        canUndo={canEditRow}
        roleName={roleName}
        lang={lang}
        refused={lastResultFor(actionData, ["undo"])?.error?.[""] ?? undefined}
      />

      <section aria-labelledby="log-title" className={ui.card}>
        <h3 id="log-title" className={ui.h2}>
          {t("ownership.step.logTitle")}
        </h3>
        {log.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t("ownership.step.logEmpty")}</p>
        ) : (
          <ol className="mt-3 space-y-4" data-testid="decision-log">
            {log.map((entry) => (
              <li key={entry.id} className="rounded-lg border border-slate-200 p-3 text-sm" data-status={entry.status}>
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={entry.status === "accepted" ? "green" : entry.status === "rejected" ? "red" : "amber"}>
                    {t(`ownership.step.status.${entry.status}`)}
                  </Badge>
                  <span className="font-medium">
                    {t("ownership.step.entry.proposed", {
                      name: entry.proposerName,
                      role: roleName(entry.ownerRoleId),
                    })}
                  </span>
                  <span className="text-slate-500">
                    <DateTime value={entry.createdAt} lang={lang} />
                  </span>
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-700">{entry.reason}</p>
                {entry.flags.length > 0 ? (
                  <p className="mt-1 text-xs text-slate-500">
                    {t("ownership.step.entry.flags", {
                      flags: entry.flags.map((code) => t(`ownership.flagNames.${code}`)).join(" · "),
                    })}
                  </p>
                ) : null}
                {entry.status !== "proposed" && entry.deciderName ? (
                  <div className="mt-2 border-l-2 border-slate-200 pl-3" data-testid="decision">
                    <p className="font-medium">
                      {t(`ownership.step.entry.${entry.status}`, { name: entry.deciderName })}{" "}
                      <span className="font-normal text-slate-500">
                        {entry.decidedAt ? <DateTime value={entry.decidedAt} lang={lang} /> : null}
                      </span>
                    </p>
                    <p className="whitespace-pre-line text-slate-700">{entry.decisionReason}</p>
                  </div>
                ) : entry.status === "rejected" && entry.decisionReason === "retired" ? (
                  <p className="mt-2 text-slate-500">{t("ownership.step.entry.retired")}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

function lastResultFor(actionData: ActionResult, intents: string[]) {
  return actionData && "lastResult" in actionData && intents.includes(String(actionData.intent))
    ? actionData.lastResult
    : undefined;
}

function ProposeForm({ roleIds, roleName }: { roleIds: RoleId[]; roleName: (roleId: RoleId) => string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => proposeSchemaFor(roleIds), [roleIds]);
  const [form, fields] = useForm({
    id: "propose",
    lastResult: lastResultFor(actionData, ["propose"]),
    onValidate: validateWith(schema, OWNERSHIP_FORM),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
      <h4 className="font-semibold">{t("ownership.step.proposeTitle")}</h4>
      <p className="text-xs text-slate-600">{t("ownership.step.proposeIntro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <label htmlFor={fields.owner.id} className={ui.label}>
          {t("ownership.step.owner")}
        </label>
        <select {...getSelectProps(fields.owner)} className={ui.input}>
          <option value="">{t("ownership.step.chooseOwner")}</option>
          {roleIds.map((roleId) => (
            <option key={roleId} value={roleId}>
              {roleName(roleId)}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.owner.errorId} errors={fields.owner.errors} />
      </div>
      <div>
        <label htmlFor={fields.reason.id} className={ui.label}>
          {t("ownership.step.reason")}
        </label>
        <textarea {...getTextareaProps(fields.reason)} rows={3} className={ui.input} />
        <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <button
        type="submit"
        name="intent"
        value="propose"
        className={ui.primaryButton}
        disabled={navigation.state === "submitting"}
      >
        {t("ownership.step.propose")}
      </button>
    </Form>
  );
}

function DecideForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "decide",
    lastResult: lastResultFor(actionData, ["accept", "reject"]),
    onValidate: validateWith(decideSchema, OWNERSHIP_FORM),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
      <h4 className="font-semibold">{t("ownership.step.decideTitle")}</h4>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name={fields.proposalId.name} value={proposalId} />
      <div>
        <label htmlFor={fields.reason.id} className={ui.label}>
          {t("ownership.step.decisionReason")}
        </label>
        <textarea {...getTextareaProps(fields.reason)} rows={3} className={ui.input} />
        <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="accept"
          className={ui.primaryButton}
          disabled={navigation.state === "submitting"}
        >
          {t("ownership.step.accept")}
        </button>
        <button
          type="submit"
          name="intent"
          value="reject"
          className={ui.secondaryButton}
          disabled={navigation.state === "submitting"}
        >
          {t("ownership.step.reject")}
        </button>
      </div>
    </Form>
  );
}

export const ErrorBoundary = sectionErrorBoundary("ownership");

type ChangeRow = ReturnType<typeof useLoaderData<typeof loader>>["changes"][number];

/** The row's cell changes, newest first, each undoable while it is the cell's last change (issue 18). */
function CellChanges({
  changes,
  canUndo,
  roleName,
  lang,
  refused,
}: {
  changes: readonly ChangeRow[];
  canUndo: boolean;
  roleName: (roleId: RoleId) => string;
  lang: "zh" | "en";
  refused: string[] | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const letter = (value: string | null) => (value === null ? t("raciLog.none") : value === "AR" ? "A/R" : value);
  return (
    <section aria-labelledby="changes-title" className={ui.card} data-testid="cell-changes">
      <h3 id="changes-title" className={ui.h2}>
        {t("raciLog.title")}
      </h3>
      <FormErrors id="undo-errors" errors={refused} />
      {changes.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("raciLog.empty")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100 text-sm">
          {changes.map((change) => (
            <li
              key={change.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2"
              data-change={change.id}
              data-role={change.roleId}
            >
              <p>
                <span className="font-medium">
                  {t(change.isUndo ? "raciLog.undoEntry" : "raciLog.entry", {
                    role: roleName(change.roleId),
                    from: letter(change.from),
                    to: letter(change.to),
                  })}
                </span>{" "}
                <span className="text-slate-500">
                  {t("raciLog.by", { name: change.byName })} · <DateTime value={change.createdAt} lang={lang} />
                </span>
                {change.undone ? <span className="ml-2 text-slate-500">{t("raciLog.wasUndone")}</span> : null}
              </p>
              {canUndo && !change.undone ? (
                <Form method="post">
                  <input type="hidden" name="change" value={change.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="undo"
                    className={ui.secondaryButton}
                    disabled={navigation.state === "submitting"}
                  >
                    {t("raciLog.undo")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
