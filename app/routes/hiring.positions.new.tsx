import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetFields } from "~/components/hiring/budget";
import { HEADCOUNT_MAX, parseManualPositionForm, POSITION_TITLE_MAX, REASON_MAX } from "~/forms/hiring";
import { ui } from "~/components/ui";
import { addQuarters, quarterOf } from "~/domain/hiring-delta";
import { ROLE_IDS } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { hiringStrings } from "~/locales/hiring";
import { addPositions } from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";

/** A position added by hand: managers and admins (hiring.plan), like the rest of the plan. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, "hiring.plan");
  const [playbook, lang] = await Promise.all([playbookForOrganisation(organisation.id), languageFor(request)]);
  const label = new Map(playbook.roles.map((r) => [r.id, localize(r.label, lang)]));
  return {
    lang,
    roles: ROLE_IDS.map((id) => ({ id, label: label.get(id) ?? id })),
    nextQuarter: addQuarters(quarterOf(new Date()), 1),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { actor, organisation } = await requirePermission(request, "hiring.plan");
  const submission = parseManualPositionForm(formData);
  if (submission.status !== "success") return data({ lastResult: submission.reply() }, { status: 400 });
  const { roleId, title, headcount, targetQuarter, reason, budget } = submission.value;
  const result = await addPositions({
    organisationId: organisation.id,
    positions: [
      {
        roleId,
        title,
        headcount,
        targetQuarter,
        reason,
        budget,
        origin: "manual",
        ownerUserId: actor.userId,
        notes: "",
      },
    ],
  });
  if (!result.ok)
    return data({ lastResult: submission.reply({ formErrors: ["hiring.errors.owner"] }) }, { status: 400 });
  return redirect("/hiring?done=added#plan");
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  const strings = hiringStrings[loaderData?.lang ?? "zh"];
  return [{ title: `${strings.manual.heading} — ${strings.metaTitle}` }];
};

export default function NewPositionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = actionData?.lastResult?.error ?? {};
  const typed = (actionData?.lastResult?.initialValue ?? null) as Record<string, string> | null;
  const value = (name: string, fallback: string) => (typed ? (typed[name] ?? "") : fallback);

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link to="/hiring#plan" className={ui.link}>
          {t("hiring.position.back")}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("hiring.manual.heading")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("hiring.manual.intro")}</p>
      </header>
      <section className={ui.card} aria-labelledby="manual-title">
        <h2 id="manual-title" className="sr-only">
          {t("hiring.manual.heading")}
        </h2>
        <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="add_position" />
          {errors[""] ? (
            <div
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 sm:col-span-2"
            >
              {errors[""].map((e) => (
                <p key={e}>{t(e)}</p>
              ))}
            </div>
          ) : null}
          <div>
            <label htmlFor="roleId" className={ui.label}>
              {t("hiring.delta.role")}
            </label>
            <select
              id="roleId"
              name="roleId"
              defaultValue={value("roleId", "")}
              aria-invalid={errors.roleId ? true : undefined}
              aria-describedby="roleId-error"
              className={ui.input}
            >
              <option value="">{t("hiring.target.choose")}</option>
              {d.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
            <Errors id="roleId-error" errors={errors.roleId} />
          </div>
          <div>
            <label htmlFor="title" className={ui.label}>
              {t("hiring.manual.title")}
            </label>
            <input
              id="title"
              name="title"
              type="text"
              maxLength={POSITION_TITLE_MAX}
              placeholder={t("hiring.manual.titlePlaceholder")}
              defaultValue={value("title", "")}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby="title-error"
              className={ui.input}
            />
            <Errors id="title-error" errors={errors.title} />
          </div>
          <div>
            <label htmlFor="headcount" className={ui.label}>
              {t("hiring.plan.headcount")}
            </label>
            <input
              id="headcount"
              name="headcount"
              type="number"
              min={1}
              max={HEADCOUNT_MAX}
              defaultValue={value("headcount", "1")}
              aria-invalid={errors.headcount ? true : undefined}
              aria-describedby="headcount-error"
              className={`${ui.input} w-28`}
            />
            <Errors id="headcount-error" errors={errors.headcount} />
          </div>
          <div>
            <label htmlFor="targetQuarter" className={ui.label}>
              {t("hiring.proposal.quarter")}
            </label>
            <input
              id="targetQuarter"
              name="targetQuarter"
              type="text"
              placeholder="2027-Q1"
              defaultValue={value("targetQuarter", d.nextQuarter)}
              aria-invalid={errors.targetQuarter ? true : undefined}
              aria-describedby="targetQuarter-error"
              className={`${ui.input} w-36`}
            />
            <Errors id="targetQuarter-error" errors={errors.targetQuarter} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="reason" className={ui.label}>
              {t("hiring.manual.reason")}
            </label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxLength={REASON_MAX}
              placeholder={t("hiring.manual.reasonPlaceholder")}
              defaultValue={value("reason", "")}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby="reason-error"
              className={ui.input}
            />
            <Errors id="reason-error" errors={errors.reason} />
          </div>
          <BudgetFields
            amount={value("budgetAmount", "")}
            currency={value("budgetCurrency", "")}
            errors={{ budgetAmount: errors.budgetAmount, budgetCurrency: errors.budgetCurrency }}
          />
          <div className="sm:col-span-2">
            <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
              {t("hiring.manual.submit")}
            </button>
          </div>
        </Form>
      </section>
    </main>
  );
}

function Errors({ id, errors }: { id: string; errors: string[] | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {errors?.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}
