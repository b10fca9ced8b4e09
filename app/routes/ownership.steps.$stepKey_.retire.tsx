import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseOwnershipForm, retireSchema } from "~/forms/ownership";
import { FormErrors, ui, useLang } from "~/components/ui";
import { localize } from "~/domain/vocabulary";
import { isStepKey, loadSteps, retireStep } from "~/models/ownership.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { allMessagesOf, invalidSubmission, readFormData } from "~/utils/forms";
import { ownershipStrings } from "~/locales/ownership";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";

async function activeStep(organisationId: string, model: Parameters<typeof loadSteps>[0]["model"], key: string) {
  if (!isStepKey(key)) return null;
  const { steps } = await loadSteps({ organisationId, model });
  return steps.find((step) => step.key === key && !step.retired) ?? null;
}

/** The confirmation before retiring a step. Works without JavaScript. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.steps.manage");
  const step = await activeStep(organisation.id, organisation.operatingModel, params.stepKey ?? "");
  if (!step) throw notFound();
  return { step: { key: step.key, name: step.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.steps.manage");
  const step = await activeStep(organisation.id, organisation.operatingModel, params.stepKey ?? "");
  if (!step) throw notFound();
  const formData = await readFormData(request);
  const submission = parseOwnershipForm(formData, retireSchema);
  if (submission.status !== "success") return invalidSubmission(submission);
  const result = await retireStep({
    organisationId: organisation.id,
    model: organisation.operatingModel,
    key: step.key,
  });
  if (!result.ok) throw notFound();
  return redirect("/ownership/steps?done=retired");
}

export const meta = titleMeta<typeof loader>((lang, data) => [
  data?.step.name[lang],
  ownershipStrings[lang].meta.retire,
  ownershipStrings[lang].title,
]);

export default function RetireStep() {
  const { step } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const name = localize(step.name, lang);
  const errors = allMessagesOf(actionData?.lastResult);
  return (
    <section
      aria-labelledby="retire-title"
      className="max-w-2xl space-y-4 rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="retire-title" className={ui.h2}>
        {t("ownership.retire.title", { step: name })}
      </h2>
      <p className="text-sm text-slate-600">{t("ownership.retire.intro")}</p>
      <FormErrors id="retire-errors" errors={errors} />
      <Form method="post" className="flex flex-wrap gap-3 pt-2">
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className={ui.dangerButton}>
          {t("ownership.retire.confirm")}
        </button>
        <Link to="/ownership/steps" className={ui.secondaryButton}>
          {t("ownership.retire.cancel")}
        </Link>
      </Form>
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("ownership");
