import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PositionFields } from "~/components/hiring/PositionFields";
import { parseManualPositionForm } from "~/forms/hiring";
import { Field, FormErrors, ui } from "~/components/ui";
import { addQuarters, quarterOf } from "~/domain/hiring-delta";
import { playbookRoleIds } from "~/domain/extension-roles";
import { localize } from "~/domain/vocabulary";
import { hiringStrings } from "~/locales/hiring";
import { addPositions } from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";

/** A position added by hand: managers and admins (hiring.plan), like the rest of the plan. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "hiring.plan");
  const [playbook, lang] = await Promise.all([playbookForOrganisation(organisation.id), languageFor(request)]);
  const label = new Map(playbook.roles.map((r) => [r.id, localize(r.label, lang)]));
  return {
    lang,
    roles: playbookRoleIds(playbook).map((id) => ({ id, label: label.get(id) ?? id })),
    nextQuarter: addQuarters(quarterOf(new Date()), 1),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { actor, organisation } = await requirePermission({ request, context }, "hiring.plan");
  const submission = parseManualPositionForm(formData);
  if (submission.status !== "success") return data({ lastResult: submission.reply() }, { status: 400 });
  const { roleId, title, headcount, targetQuarter, reason, budget, isPublic } = submission.value;
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
        isPublic,
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
          <div className="sm:col-span-2 empty:hidden">
            <FormErrors id="position-form-errors" errors={errors[""] ?? undefined} />
          </div>
          <Field id="roleId" label={t("hiring.delta.role")} errorId="roleId-error" errors={errors.roleId ?? undefined}>
            {(control) => (
              <select {...control} name="roleId" defaultValue={value("roleId", "")} className={ui.input}>
                <option value="">{t("hiring.target.choose")}</option>
                {d.roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <PositionFields
            values={{
              title: value("title", ""),
              headcount: value("headcount", "1"),
              targetQuarter: value("targetQuarter", d.nextQuarter),
              reason: value("reason", ""),
              budgetAmount: value("budgetAmount", ""),
              budgetCurrency: value("budgetCurrency", ""),
              isPublic: value("isPublic", "") === "on",
            }}
            errors={errors}
            titlePlaceholder={t("hiring.manual.titlePlaceholder")}
            reasonPlaceholder={t("hiring.manual.reasonPlaceholder")}
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
