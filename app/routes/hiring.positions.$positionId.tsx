import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  NOTES_MAX,
  parseFillForm,
  parsePositionForm,
  parseStatusForm,
  POSITION_FIELDS,
  positionFormValues,
  SETTABLE_STATUSES,
} from "~/forms/hiring";
import { useMoneyFormat } from "~/components/hiring/budget";
import { PositionFields } from "~/components/hiring/PositionFields";
import { refusalErrors } from "~/components/team/refusals";
import { Badge, Field, FieldErrors, FormErrors, ui, useHydrated } from "~/components/ui";
import { ConflictNotice } from "~/components/ConflictNotice";
import { conflictingFields, type FieldConflict } from "~/domain/conflicts";
import { can } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { hiringStrings } from "~/locales/hiring";
import {
  fillOptions,
  fillPosition,
  findPositionToAuthorise,
  getPosition,
  positionOwnerOptions,
  setPositionStatus,
  updatePosition,
} from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { notFound, requirePermission, requireRecord, type RequestArgs } from "~/utils/auth.server";
import { conflictSubmission, intentOf, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";
import {
  CANCEL_CONFIRMATION,
  cancelConfirmationHref,
  needsCancelConfirmation,
} from "~/components/hiring/cancel-confirmation";

async function authorise(
  args: RequestArgs,
  positionId: string | undefined,
  permission: "hiring.positions" | "hiring.plan" | "hiring.status",
) {
  // an unknown id answers like another organisation's: 404 once signed in
  const signedIn = await requireRecord(args, {
    find: () => findPositionToAuthorise({ positionId: positionId ?? "" }),
    permission,
  });
  return { signedIn, positionId: signedIn.found.id };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Privacy (issue 14): a position is part of the plan: managers, HR and admins.
  const { signedIn, positionId } = await authorise({ request, context }, params.positionId, "hiring.positions");
  const organisationId = signedIn.organisation.id;
  const scope = { organisationId };
  const canPlan = can(signedIn.actor, "hiring.plan", scope);
  const canStatus = can(signedIn.actor, "hiring.status", scope);
  const [position, playbook, lang, owners, members] = await Promise.all([
    getPosition({ organisationId, positionId }),
    playbookForOrganisation(organisationId),
    languageFor(request),
    canPlan ? positionOwnerOptions({ organisationId }) : Promise.resolve([]),
    canStatus ? fillOptions({ organisationId }) : Promise.resolve([]),
  ]);
  if (!position) throw notFound();
  const role = playbook.roles.find((r) => r.id === position.roleId);
  const skill = position.skill ? playbook.skills.find((k) => k.id === position.skill!.skillId) : undefined;
  return {
    lang,
    canPlan,
    canStatus,
    position: { ...position, updatedAt: position.updatedAt.toISOString() },
    roleLabel: role ? localize(role.label, lang) : position.roleId,
    skillLabel: position.skill ? (skill ? localize(skill.label, lang) : position.skill.skillId) : null,
    owners,
    members,
    done: new URL(request.url).searchParams.get("done") === "saved",
    // "?confirm=cancel": the step a cancellation must pass (a GET only shows the question)
    confirmCancel:
      canStatus &&
      position.status !== "filled" &&
      position.status !== "cancelled" &&
      new URL(request.url).searchParams.get("confirm") === "cancel",
  };
}

const INTENTS = ["update", "status", "fill"] as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const intent = intentOf(formData, INTENTS);
  const { signedIn, positionId } = await authorise(
    { request, context },
    params.positionId,
    intent === "update" || intent === null ? "hiring.plan" : "hiring.status",
  );
  const organisationId = signedIn.organisation.id;
  if (intent === null)
    return data({ intent: null, lastResult: null, formError: "hiring.errors.intent" }, { status: 400 });

  if (intent === "update") {
    const submission = parsePositionForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    const { headcount, targetQuarter, ownerUserId, notes, title, reason, budget, isPublic, version } = submission.value;
    const edit = { headcount, targetQuarter, ownerUserId: ownerUserId ?? null, notes, title, reason, budget, isPublic };
    const result = await updatePosition({ organisationId, positionId, version, edit });
    if (!result.ok && result.reason === "conflict") {
      const conflict = conflictingFields(positionFormValues(result.current), positionFormValues(edit), POSITION_FIELDS);
      return conflictSubmission(submission, {
        conflict,
        version: result.current.version,
        extra: { intent, formError: null },
      });
    }
    if (!result.ok && result.reason === "owner_unknown") {
      return data(
        {
          intent,
          lastResult: submission.reply({ fieldErrors: { ownerUserId: ["hiring.errors.owner"] } }),
          formError: null,
        },
        { status: 400 },
      );
    }
    if (!result.ok) throw notFound();
    return redirect(`/hiring/positions/${positionId}?done=saved`);
  }

  if (intent === "status") {
    formData.set("positionId", positionId);
    const submission = parseStatusForm(formData);
    if (submission.status !== "success")
      return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
    if (needsCancelConfirmation(submission.value.status, formData)) {
      if (!(await getPosition({ organisationId, positionId }))) throw notFound();
      return redirect(cancelConfirmationHref(positionId));
    }
    const result = await setPositionStatus({ organisationId, positionId, status: submission.value.status });
    if (!result.ok) throw notFound();
    return redirect(`/hiring/positions/${positionId}?done=saved`);
  }

  const submission = parseFillForm(formData);
  if (submission.status !== "success")
    return data({ intent, lastResult: submission.reply(), formError: null }, { status: 400 });
  const value = submission.value;
  const position = await getPosition({ organisationId, positionId });
  if (!position) throw notFound();
  if (value.how === "new") {
    // creating a member is a team write as well
    await requirePermission({ request, context }, "members.write");
  }
  const result = await fillPosition({
    organisationId,
    positionId,
    member:
      value.how === "existing"
        ? { existingId: value.memberId! }
        : {
            input: {
              name: value.name!,
              email: value.email ?? null,
              title: value.title ?? "",
              roles: [{ roleId: position.roleId, sharePercent: 100 }],
              department: position.roleId,
              managerId: null,
              markets: [],
              languages: [],
              startDate: null,
              userId: null,
            },
          },
  });
  if (result.ok) return redirect("/hiring?done=filled#plan");
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "refused") {
    const { fieldErrors } = refusalErrors(result.refusals);
    // the member form's messages live under "members"; the fill form shows them as they are
    return data({ intent, lastResult: submission.reply({ fieldErrors }), formError: null }, { status: 400 });
  }
  const fieldErrors: Record<string, string[]> =
    result.reason === "member_unknown" ? { memberId: ["hiring.errors.member"] } : {};
  const formErrors = result.reason === "already_filled" ? ["hiring.errors.alreadyFilled"] : undefined;
  return data({ intent, lastResult: submission.reply({ fieldErrors, formErrors }), formError: null }, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: `${loaderData?.position.title || loaderData?.roleLabel || ""} — ${hiringStrings[loaderData?.lang ?? "zh"].metaTitle}`,
  },
];

/** The label of each field of the details form, for the notice of a save that came too late. */
const CONFLICT_LABELS: Record<string, string> = {
  headcount: "hiring.plan.headcount",
  targetQuarter: "hiring.plan.quarter",
  ownerUserId: "hiring.plan.owner",
  notes: "hiring.position.notes",
  title: "hiring.manual.title",
  reason: "hiring.manual.reason",
  budgetAmount: "hiring.budget.amount",
  budgetCurrency: "hiring.budget.currency",
  isPublic: "hiringPublic.badge",
};

export default function PositionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const money = useMoneyFormat();
  const p = d.position;
  const result = (intent: string) => (actionData?.intent === intent ? actionData.lastResult : null);
  const update = result("update");
  const fill = result("fill");
  const updateErrors = update?.error ?? {};
  const fillErrors = fill?.error ?? {};
  const typedUpdate = (update?.initialValue ?? null) as Record<string, string> | null;
  // after a refusal, what was typed (an empty or unticked field is absent); before it, the position as saved
  const typed = (name: string, saved: string) => (typedUpdate ? (typedUpdate[name] ?? "") : saved);
  const typedFill = (fill?.initialValue ?? null) as Record<string, string> | null;
  // a refused stale save (409); its type merges into the update answer's, so it is named here
  const refused =
    actionData && "conflict" in actionData
      ? (actionData as unknown as { conflict: FieldConflict[]; version: number })
      : null;
  const ownerName = (id: string) => d.owners.find((owner) => owner.id === id)?.name ?? id;
  const [how, setHow] = useState<string>(typedFill?.how ?? "new");
  const open = p.status !== "filled" && p.status !== "cancelled";
  // without JavaScript both sets of fields show; with it, only those of the chosen way
  const hydrated = useHydrated();

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to="/hiring#plan" className={ui.link}>
          {t("hiring.position.back")}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">
          {t("hiring.position.title", { role: p.title || d.roleLabel })}
        </h1>
        {p.title ? <p className="mt-1 text-sm text-slate-600">{d.roleLabel}</p> : null}
        <p className="mt-1">
          {p.isPublic ? (
            <Badge tone="sky" data-testid="public-badge">
              {t("hiringPublic.badge")}
            </Badge>
          ) : (
            <Badge tone="slate">{t("hiringPublic.notPublic")}</Badge>
          )}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="position-summary">
          {t("hiring.position.summary", {
            count: p.headcount,
            quarter: p.targetQuarter,
            status: t(`hiring.status.${p.status}`),
          })}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="position-origin">
          {p.skill && d.skillLabel
            ? t("hiring.origin.skillFor", { skill: d.skillLabel, level: p.skill.level })
            : t(`hiring.origin.${p.origin}`)}
        </p>
        {p.reason ? <p className="mt-1 text-sm">{t("hiring.position.reasonIs", { reason: p.reason })}</p> : null}
        <p className="mt-1 text-sm" data-testid="position-budget">
          {p.budget
            ? t("hiring.budget.perPerson", {
                amount: money(p.budget.amount, p.budget.currency),
                total: money(p.budget.amount * p.headcount, p.budget.currency),
              })
            : t("hiring.budget.none")}
        </p>
        {p.filledBy ? (
          <p className="mt-1 text-sm">
            {t("hiring.position.filledBy")}{" "}
            <Link to={`/team/${p.filledBy.id}`} className={ui.link}>
              {p.filledBy.name}
            </Link>
          </p>
        ) : null}
        {d.done ? (
          <p
            role="status"
            className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
          >
            {t("hiring.position.saved")}
          </p>
        ) : null}
        {actionData?.formError ? (
          <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {t(actionData.formError)}
          </p>
        ) : null}
      </header>

      {d.confirmCancel ? (
        <section
          aria-labelledby="confirm-cancel-title"
          className="rounded-xl border-2 border-red-300 bg-red-50 p-5"
          data-testid="confirm-cancel"
        >
          <h2 id="confirm-cancel-title" className="text-lg font-semibold text-red-900">
            {t("hiring.cancelConfirm.title")}
          </h2>
          <p className="mt-1 text-sm text-red-900">
            {t("hiring.cancelConfirm.text", { role: d.roleLabel, count: p.headcount, quarter: p.targetQuarter })}
          </p>
          <Form method="post" action={`/hiring/positions/${p.id}`} className="mt-4 flex flex-wrap items-center gap-3">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value="cancelled" />
            <input type="hidden" name="confirm" value={CANCEL_CONFIRMATION} />
            <button
              type="submit"
              className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
            >
              {t("hiring.cancelConfirm.yes")}
            </button>
            <Link to={`/hiring/positions/${p.id}`} className={ui.link}>
              {t("hiring.cancelConfirm.keep")}
            </Link>
          </Form>
        </section>
      ) : null}

      {d.canPlan ? (
        <section aria-labelledby="edit-title" className={ui.card}>
          <h2 id="edit-title" className={ui.h2}>
            {t("hiring.position.editTitle")}
          </h2>
          {refused ? (
            <div className="mt-4">
              <ConflictNotice
                conflict={refused.conflict}
                label={(field) => t(CONFLICT_LABELS[field] ?? `hiring.plan.${field}`)}
                show={(field, value) =>
                  field === "ownerUserId"
                    ? ownerName(value)
                    : field === "isPublic"
                      ? t(value === "on" ? "hiringPublic.badge" : "hiringPublic.notPublic")
                      : value
                }
              />
            </div>
          ) : null}
          <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={refused?.version ?? p.version} />
            <PositionFields
              values={{
                title: typed("title", p.title),
                headcount: typed("headcount", String(p.headcount)),
                targetQuarter: typed("targetQuarter", p.targetQuarter),
                reason: typed("reason", p.reason),
                budgetAmount: typed("budgetAmount", p.budget ? String(p.budget.amount) : ""),
                budgetCurrency: typed("budgetCurrency", p.budget?.currency ?? ""),
                isPublic: typed("isPublic", p.isPublic ? "on" : "") === "on",
              }}
              errors={updateErrors}
              titlePlaceholder={d.roleLabel}
              reasonRows={2}
            />
            <Field
              id="ownerUserId"
              label={t("hiring.plan.owner")}
              errorId="ownerUserId-error"
              errors={updateErrors.ownerUserId ?? undefined}
            >
              {(control) => (
                <select
                  {...control}
                  name="ownerUserId"
                  defaultValue={typed("ownerUserId", p.owner?.id ?? "")}
                  className={ui.input}
                >
                  <option value="">{t("hiring.plan.noOwner")}</option>
                  {d.owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="notes"
              label={t("hiring.position.notes")}
              errorId="notes-error"
              errors={updateErrors.notes ?? undefined}
              className="sm:col-span-2"
            >
              {(control) => (
                <textarea
                  {...control}
                  name="notes"
                  rows={3}
                  maxLength={NOTES_MAX}
                  defaultValue={typed("notes", p.notes)}
                  className={ui.input}
                />
              )}
            </Field>
            <div>
              <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
                {t("hiring.position.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {d.canStatus && p.status !== "filled" ? (
        <section aria-labelledby="status-title" className={ui.card}>
          <h2 id="status-title" className={ui.h2}>
            {t("hiring.plan.status")}
          </h2>
          <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="status" />
            <div>
              <label htmlFor="status" className={ui.label}>
                {t("hiring.plan.status")}
              </label>
              <select id="status" name="status" defaultValue={p.status} className={ui.input}>
                {SETTABLE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`hiring.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={ui.secondaryButton}>
              {t("hiring.plan.saveStatus")}
            </button>
          </Form>
        </section>
      ) : null}

      {d.canStatus && open ? (
        <section id="fill" aria-labelledby="fill-heading" className={`${ui.card} scroll-mt-4`}>
          <h2 id="fill-heading" className={ui.h2}>
            {t("hiring.fill.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("hiring.fill.intro", { role: d.roleLabel })}</p>
          <Form method="post" className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="fill" />
            <FormErrors id="fill-form-errors" errors={fillErrors[""] ?? undefined} />
            <fieldset className="space-y-2">
              <legend className={ui.label}>{t("hiring.fill.how")}</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="how" value="new" checked={how === "new"} onChange={() => setHow("new")} />
                {t("hiring.fill.new")}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="how"
                  value="existing"
                  checked={how === "existing"}
                  onChange={() => setHow("existing")}
                />
                {t("hiring.fill.existing")}
              </label>
              <FieldErrors id="how-error" errors={fillErrors.how ?? undefined} />
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-3" hidden={hydrated && how !== "new"}>
              {(
                [
                  ["name", "fill-name", "text", "hiring.fill.name"],
                  ["email", "fill-email", "email", "hiring.fill.email"],
                  ["title", "fill-title", "text", "hiring.fill.jobTitle"],
                ] as const
              ).map(([name, id, type, label]) => (
                <Field
                  key={name}
                  id={id}
                  label={t(label)}
                  errorId={`${id}-error`}
                  errors={fillErrors[name] ?? undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      name={name}
                      type={type}
                      defaultValue={typedFill?.[name] ?? ""}
                      className={ui.input}
                    />
                  )}
                </Field>
              ))}
            </div>
            <Field
              id="fill-member"
              label={t("hiring.fill.member")}
              errorId="fill-member-error"
              errors={fillErrors.memberId ?? undefined}
              className={hydrated && how !== "existing" ? "hidden" : undefined}
            >
              {(control) => (
                <select {...control} name="memberId" defaultValue={typedFill?.memberId ?? ""} className={ui.input}>
                  <option value="">{t("hiring.fill.chooseMember")}</option>
                  {d.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title ? `${m.name} · ${m.title}` : m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
              {t("hiring.fill.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
