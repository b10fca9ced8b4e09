import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language, ModelId, OperatingModel, Stage, StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";

interface Props {
  organisation: { name: string; operatingModel: ModelId; stage: StageId; canUpdate: boolean } | null;
  model: ModelId;
  stage: StageId;
  models: OperatingModel[];
  stages: Stage[];
  lang: Language;
}

/**
 * Ties the planner to an organisation: anonymous visitors can sign up with
 * this choice; admins and managers can make it their organisation's current
 * model and stage.
 */
export function OrganisationChoice({ organisation, model, stage, models, stages, lang }: Props) {
  const { t } = useTranslation();
  const actionData = useActionData<{ ok: boolean; errors: Record<string, string[]> | null }>();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "use_for_organisation";

  if (!organisation) {
    return (
      <p className="mt-4 text-sm text-slate-600">
        <Link
          to={`/signup?model=${model}&stage=${stage}`}
          className="font-medium text-indigo-700 underline underline-offset-2"
        >
          {t("planner.organisation.signUp")}
        </Link>
      </p>
    );
  }
  const label = (id: string, list: { id: string; label: { zh: string; en: string } }[]) =>
    localize(list.find((item) => item.id === id)?.label ?? { zh: id, en: id }, lang);
  const isCurrent = organisation.operatingModel === model && organisation.stage === stage;

  return (
    <div
      className="mt-4 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-5 py-3 text-sm shadow-sm"
      data-testid="organisation-choice"
    >
      <span className="text-slate-600">
        {t("planner.organisation.current", {
          organisation: organisation.name,
          model: label(organisation.operatingModel, models),
          stage: label(organisation.stage, stages),
        })}
      </span>
      {isCurrent ? (
        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
          {t("planner.organisation.isCurrent")}
        </span>
      ) : organisation.canUpdate ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="use_for_organisation" />
          <input type="hidden" name="model" value={model} />
          <input type="hidden" name="stage" value={stage} />
          <button
            type="submit"
            disabled={saving}
            className="rounded-lg border border-indigo-600 px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-60"
          >
            {t("planner.organisation.use")}
          </button>
        </Form>
      ) : null}
      <span role="status" className="text-emerald-700">
        {actionData?.ok ? t("planner.organisation.saved") : ""}
      </span>
      {actionData && !actionData.ok ? (
        <span role="alert" className="text-red-700">
          {Object.values(actionData.errors ?? {})
            .flat()
            .join(" ")}
        </span>
      ) : null}
    </div>
  );
}
