import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localize } from "~/domain/vocabulary";
import { numberFormat } from "~/utils/intl";
import { DRIVERS, type Channel, type Drivers } from "~/domain/sizing";
import { DRIVER_IDS, type Language, type ModelId, type OperatingModel, type Stage, type StageId } from "~/domain/types";
import { ModelRatings } from "./ModelRatings";

interface PlannerFormProps {
  models: OperatingModel[];
  stages: Stage[];
  model: ModelId | null;
  stage: StageId | null;
  lang: Language;
  /** keep an explicit `?lang=` override across submissions */
  langOverride: Language | null;
  /** the business profile in the address: channels (null = the model alone) and drivers */
  channels?: Channel[] | null;
  drivers?: Drivers;
  sizingProblems?: { field: string; message: string }[];
}

/**
 * A plain GET form: without JavaScript the button submits it; with it, every
 * change submits at once and the address stays shareable.
 */
/** A driver's bound with thousands separators (the same in both languages; the formatter is made once). */
const whole = (value: number) => numberFormat("en", {}).format(value);

export function PlannerForm({
  models,
  stages,
  model,
  stage,
  lang,
  langOverride,
  channels = null,
  drivers = {},
  sizingProblems = [],
}: PlannerFormProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const updating = navigation.state !== "idle" && navigation.location?.pathname === "/planner";

  return (
    <Form
      method="get"
      action="/planner"
      preventScrollReset
      onChange={(event) => {
        // numbers are typed, not picked: the sizing fields wait for "Apply"
        if ((event.target as HTMLElement).closest?.("[data-sizing]")) return;
        submit(event.currentTarget, { preventScrollReset: true, replace: true });
      }}
      className="space-y-6"
      aria-describedby="planner-intro"
    >
      {langOverride ? <input type="hidden" name="lang" value={langOverride} /> : null}
      <fieldset>
        <legend className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("planner.modelLegend")}
        </legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
          {models.map((option) => (
            <label
              key={option.id}
              className="group relative flex cursor-pointer flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 has-[:checked]:border-indigo-600 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600/30 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600"
            >
              <span className="flex items-start gap-2">
                <input
                  type="radio"
                  name="model"
                  value={option.id}
                  defaultChecked={option.id === model}
                  className="mt-1 h-4 w-4 accent-indigo-600"
                  data-testid={`model-${option.id}`}
                />
                <span>
                  <span className="block font-semibold">{localize(option.label, lang)}</span>
                  <span className="block text-xs text-slate-500">
                    {t("planner.example", { example: localize(option.example, lang) })}
                  </span>
                </span>
              </span>
              <span className="mt-2 text-xs text-slate-600">{localize(option.structure, lang)}</span>
              <ModelRatings ratings={option.ratings} />
              <span className="mt-3 text-xs text-slate-500">
                <span className="font-medium">{t("planner.coreFlowLabel")}</span>
                {option.coreFlow.map((step) => localize(step.label, lang)).join(" → ")}
              </span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500">{t("planner.ratings.note")}</p>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("planner.stageLegend")}
        </legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {stages.map((option) => (
            <label
              key={option.id}
              className="flex cursor-pointer gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300 has-[:checked]:border-indigo-600 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600/30"
            >
              <input
                type="radio"
                name="stage"
                value={option.id}
                defaultChecked={option.id === stage}
                className="mt-1 h-4 w-4 accent-indigo-600"
                data-testid={`stage-${option.id}`}
              />
              <span>
                <span className="block font-semibold">{localize(option.label, lang)}</span>
                <span className="block text-xs text-slate-600">{localize(option.guidance, lang)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <details
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        data-sizing
        open={channels !== null || Object.keys(drivers).length > 0 || sizingProblems.length > 0}
      >
        <summary className="cursor-pointer text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("sizing.planner.legend")}
        </summary>
        <p className="mt-2 text-xs text-slate-500">{t("sizing.planner.hint")}</p>
        {sizingProblems.length > 0 ? (
          <div
            role="alert"
            className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="sizing-problems"
          >
            {sizingProblems.map((problem) => (
              <p key={problem.field}>{t(`sizing.errors.${problem.field}`)}</p>
            ))}
          </div>
        ) : null}
        <fieldset className="mt-3">
          <legend className="text-xs font-medium text-slate-600">{t("sizing.profile.channelsLegend")}</legend>
          <p className="text-xs text-slate-500">{t("sizing.planner.channelsNote")}</p>
          <div className="mt-2 grid gap-2 sm:grid-cols-5">
            {models.map((option) => (
              <label key={option.id} className="text-xs text-slate-600">
                {localize(option.label, lang)}
                <input
                  type="number"
                  name={`share_${option.id}`}
                  min={1}
                  max={100}
                  step={1}
                  inputMode="numeric"
                  defaultValue={channels?.find((c) => c.model === option.id)?.share ?? ""}
                  aria-label={t("sizing.profile.shareLabel", { model: localize(option.label, lang) })}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="mt-3">
          <legend className="text-xs font-medium text-slate-600">{t("sizing.profile.driversLegend")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3 xl:grid-cols-6">
            {DRIVER_IDS.map((id) => (
              <label key={id} className="text-xs text-slate-600" title={localize(DRIVERS[id].hint, lang)}>
                {localize(DRIVERS[id].label, lang)}
                <input
                  type="number"
                  name={id}
                  min={DRIVERS[id].min}
                  max={DRIVERS[id].max}
                  step={1}
                  inputMode="numeric"
                  defaultValue={drivers[id] ?? ""}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
                <span className="mt-0.5 block text-[11px] text-slate-500">
                  {whole(DRIVERS[id].min)}–{whole(DRIVERS[id].max)} {localize(DRIVERS[id].unit, lang)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          className="mt-3 rounded-lg border border-indigo-600 px-3 py-1.5 text-sm font-semibold text-indigo-700 hover:bg-indigo-50"
          data-testid="sizing-apply"
        >
          {t("sizing.planner.apply")}
        </button>
      </details>

      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          {t("planner.submit")}
        </button>
        <span role="status" aria-live="polite" className="text-sm text-slate-500">
          {updating ? t("planner.updating") : ""}
        </span>
      </div>
    </Form>
  );
}
