import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { HiringTable } from "~/components/hiring/HiringTable";
import { PriorityChange } from "~/components/hiring/PriorityChange";
import { ReadOnlyOrgChart } from "~/components/hiring/ReadOnlyOrgChart";
import { HeadcountText } from "~/components/planner/HeadcountText";
import { ui } from "~/components/ui";
import { DRIVERS, sizedRecommendation } from "~/domain/sizing";
import { DRIVER_IDS } from "~/domain/types";
import { parseSizingQuery } from "~/utils/sizing-query";
import { compareScenarios, SCENARIO_EXAMPLES } from "~/domain/scenarios";
import { MODEL_IDS, STAGE_IDS, type ModelId, type StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { hiringStrings } from "~/locales/hiring";
import { playbookForRequest } from "~/models/playbook.server";
import { languageFor } from "~/utils/i18n.server";

/**
 * Two model × stage choices side by side. Public, like the planner: it reads
 * only the playbook (an organisation's own when signed in), no team data.
 * The choices live in the address: ?aModel=…&aStage=…&bModel=…&bStage=….
 */
const FIELDS = {
  aModel: z.enum(MODEL_IDS),
  aStage: z.enum(STAGE_IDS),
  bModel: z.enum(MODEL_IDS),
  bStage: z.enum(STAGE_IDS),
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

function scenarioHref(a: { model: ModelId; stage: StageId }, b: { model: ModelId; stage: StageId }): string {
  return `/scenarios?${new URLSearchParams({ aModel: a.model, aStage: a.stage, bModel: b.model, bStage: b.stage })}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  // the form sends every field, the empty profile ones too: keep the address short enough to share
  const filled = [...params].filter(([, value]) => value.trim() !== "");
  if (filled.length < [...params].length)
    throw redirect(filled.length > 0 ? `/scenarios?${new URLSearchParams(filled)}` : "/scenarios");
  const [playbook, lang] = await Promise.all([playbookForRequest({ request, context }), languageFor(request)]);
  const values: Partial<Record<Field, string>> = {};
  const invalid: Field[] = [];
  for (const field of FIELD_NAMES) {
    const raw = params.get(field)?.trim() ?? "";
    if (raw === "") continue;
    const parsed = FIELDS[field].safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else invalid.push(field);
  }
  // each side may carry a business profile: a_channels, a_stores, … (the planner's names behind a_ / b_)
  const profiles = { a: sideSizing(params, "a"), b: sideSizing(params, "b") };
  const profileProblems = [
    ...profiles.a.problems.map((p) => `a_${p.field}`),
    ...profiles.b.problems.map((p) => `b_${p.field}`),
  ];
  const complete = FIELD_NAMES.every((f) => values[f] !== undefined) && profileProblems.length === 0;
  const side = (which: "a" | "b") =>
    sizedRecommendation({
      playbook,
      channels: profiles[which].channels ?? [{ model: values[`${which}Model`] as ModelId, share: 100 }],
      stage: values[`${which}Stage`] as StageId,
      drivers: profiles[which].drivers,
    });
  const a = complete ? side("a") : null;
  const b = complete ? side("b") : null;
  const comparison = a && b ? compareScenarios(a, b) : null;
  return data(
    {
      lang,
      values,
      invalid,
      profileProblems,
      profileValues: Object.fromEntries([...params].filter(([key]) => /^[ab]_/.test(key))),
      a,
      b,
      comparison,
      labels: {
        model: Object.fromEntries(playbook.models.map((m) => [m.id, localize(m.label, lang)])) as Record<
          ModelId,
          string
        >,
        stage: Object.fromEntries(playbook.stages.map((s) => [s.id, localize(s.label, lang)])) as Record<
          StageId,
          string
        >,
      },
    },
    { status: invalid.length > 0 || profileProblems.length > 0 ? 400 : 200 },
  );
}

/** Today (a marketplace seller) against the same seller with a DTC site for two more markets. */
const PROFILE_EXAMPLE = `/scenarios?${new URLSearchParams({
  aModel: "platform",
  aStage: "growth",
  bModel: "platform",
  bStage: "growth",
  a_stores: "6",
  a_skus: "1200",
  a_ordersPerDay: "800",
  a_markets: "4",
  a_languages: "3",
  b_channels: "platform:70,independent_site:30",
  b_stores: "7",
  b_skus: "1200",
  b_ordersPerDay: "1100",
  b_markets: "6",
  b_languages: "4",
})}`;

function sideSizing(params: URLSearchParams, side: "a" | "b") {
  const own = new URLSearchParams();
  for (const [key, value] of params) if (key.startsWith(`${side}_`)) own.append(key.slice(2), value);
  return parseSizingQuery(own);
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: hiringStrings[loaderData?.lang ?? "zh"].scenarios.metaTitle },
];

export default function ScenariosPage() {
  const { lang, values, invalid, profileProblems, profileValues, a, b, comparison, labels } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const sideLabel = (model: ModelId, stage: StageId) => `${labels.model[model]} · ${labels.stage[stage]}`;

  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-8 px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("hiring.scenarios.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{t("hiring.scenarios.intro")}</p>
      </header>

      <section aria-labelledby="examples-title">
        <h2 id="examples-title" className={ui.h2}>
          {t("hiring.scenarios.examples")}
        </h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-3">
          {SCENARIO_EXAMPLES.map((example) => (
            <li key={example.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <Link
                to={scenarioHref(example.a, example.b)}
                className={`${ui.link} text-base`}
                data-testid={`example-${example.id}`}
              >
                {localize(example.title, lang)}
              </Link>
              <p className="mt-1 text-xs text-slate-500">
                {sideLabel(example.a.model, example.a.stage)} → {sideLabel(example.b.model, example.b.stage)}
              </p>
              <p className="mt-2 text-sm text-slate-600">{localize(example.story, lang)}</p>
            </li>
          ))}
          <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <Link to={PROFILE_EXAMPLE} className={`${ui.link} text-base`} data-testid="example-profile">
              {t("sizing.scenarios.example")}
            </Link>
          </li>
        </ul>
      </section>

      <Form
        method="get"
        action="/scenarios"
        className={`${ui.card} grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end`}
        aria-label={t("hiring.scenarios.formLabel")}
      >
        {(["a", "b"] as const).map((side) => (
          <fieldset key={side} className="grid grid-cols-2 gap-3">
            <legend className="col-span-2 mb-1 text-sm font-semibold text-slate-900">
              {t(`hiring.scenarios.side.${side}`)}
            </legend>
            {(["Model", "Stage"] as const).map((kind) => {
              const field = `${side}${kind}` as Field;
              const ids = kind === "Model" ? MODEL_IDS : STAGE_IDS;
              const isInvalid = invalid.includes(field);
              return (
                <div key={field}>
                  <label htmlFor={field} className={ui.label}>
                    {t(`hiring.scenarios.${kind === "Model" ? "model" : "stage"}`)}
                  </label>
                  <select
                    id={field}
                    name={field}
                    defaultValue={values[field] ?? ""}
                    aria-invalid={isInvalid ? true : undefined}
                    aria-describedby={`${field}-error`}
                    className={ui.input}
                  >
                    <option value="">{t("hiring.target.choose")}</option>
                    {ids.map((id) => (
                      <option key={id} value={id}>
                        {kind === "Model" ? labels.model[id as ModelId] : labels.stage[id as StageId]}
                      </option>
                    ))}
                  </select>
                  <div id={`${field}-error`} className="mt-1 text-sm text-red-700">
                    {isInvalid ? t("hiring.scenarios.invalid") : null}
                  </div>
                </div>
              );
            })}
            <details className="col-span-2" open={Object.keys(profileValues).some((key) => key.startsWith(`${side}_`))}>
              <summary className="cursor-pointer text-xs text-indigo-700">
                {t("sizing.scenarios.profileLegend", { side: t(`hiring.scenarios.side.${side}`) })}
              </summary>
              <p className={ui.hint}>{t("sizing.scenarios.profileHint")}</p>
              <div className="mt-1 grid grid-cols-2 gap-2">
                {["channels", ...DRIVER_IDS].map((name) => {
                  const field = `${side}_${name}`;
                  const bad = profileProblems.includes(field);
                  return (
                    <label key={field} className="text-xs text-slate-600">
                      {name === "channels"
                        ? t("sizing.profile.channelsLegend")
                        : localize(DRIVERS[name as keyof typeof DRIVERS].label, lang)}
                      <input
                        name={field}
                        defaultValue={profileValues[field] ?? ""}
                        aria-invalid={bad ? true : undefined}
                        placeholder={name === "channels" ? "platform:70,independent_site:30" : undefined}
                        inputMode={name === "channels" ? undefined : "numeric"}
                        className={ui.input}
                      />
                      {bad ? <span className="text-red-700">{t(`sizing.errors.${name}`)}</span> : null}
                    </label>
                  );
                })}
              </div>
            </details>
          </fieldset>
        ))}
        <button type="submit" className={ui.primaryButton}>
          {t("hiring.scenarios.compare")}
        </button>
      </Form>

      {comparison && a && b ? (
        <>
          <section aria-labelledby="diff-title">
            <h2 id="diff-title" className={ui.h2} data-testid="comparison-title">
              {sideLabel(a.model, a.stage)} → {sideLabel(b.model, b.stage)}
            </h2>
            <p className="mt-1 text-sm text-slate-600" data-testid="comparison-counts">
              {[
                t("hiring.scenarios.countAdded", { count: comparison.counts.added }),
                t("hiring.scenarios.countDropped", { count: comparison.counts.dropped }),
                t("hiring.scenarios.countChanged", { count: comparison.counts.changed }),
                t("hiring.scenarios.countSame", { count: comparison.counts.same }),
              ].join(" · ")}
              {" · "}
              {t("hiring.scenarios.headcountTotals", {
                a: `${comparison.headcountA.min}–${comparison.headcountA.max}`,
                b: `${comparison.headcountB.min}–${comparison.headcountB.max}`,
              })}
            </p>
            <p className="mt-1 text-sm font-medium text-slate-700" data-testid="comparison-people">
              {comparison.headcountB.min > comparison.headcountA.min
                ? t("sizing.scenarios.adds", {
                    count: comparison.headcountB.min - comparison.headcountA.min,
                    min: comparison.headcountB.min - comparison.headcountA.min,
                    max: comparison.headcountB.max - comparison.headcountA.max,
                  })
                : comparison.headcountB.min < comparison.headcountA.min
                  ? t("sizing.scenarios.removes", { count: comparison.headcountA.min - comparison.headcountB.min })
                  : t("sizing.scenarios.sameTotal")}
            </p>
            <HiringTable
              caption={t("hiring.scenarios.tableCaption")}
              testId="diff-table"
              className="mt-4"
              columns={[
                { key: "role", label: t("hiring.delta.role") },
                { key: "change", label: t("hiring.scenarios.change") },
                { key: "priority", label: t("hiring.scenarios.priority") },
                { key: "headcount", label: t("hiring.scenarios.headcount") },
                { key: "skills", label: t("hiring.scenarios.skills") },
                { key: "responsibilities", label: t("hiring.scenarios.responsibilities") },
              ]}
            >
              {comparison.roles.map((r) => (
                <tr key={r.roleId} data-role={r.roleId} data-kind={r.kind}>
                  <th scope="row" className={`${ui.td} text-left font-semibold`}>
                    {localize(r.label, lang)}
                  </th>
                  <td className={ui.td}>
                    <span
                      className={`whitespace-nowrap text-xs font-semibold ${r.kind === "added" ? "text-emerald-800" : r.kind === "dropped" ? "text-red-700" : r.kind === "changed" ? "text-amber-800" : "text-slate-500"}`}
                    >
                      {t(`hiring.scenarios.kind.${r.kind}`)}
                    </span>
                  </td>
                  <td className={ui.td}>
                    <PriorityChange from={r.priorityA} to={r.priorityB} changed={r.priorityA !== r.priorityB} />
                  </td>
                  <td className={`${ui.td} whitespace-nowrap tabular-nums`}>
                    <HeadcountText range={r.headcountA} />
                    {r.headcountA.min !== r.headcountB.min || r.headcountA.max !== r.headcountB.max ? (
                      <>
                        {" → "}
                        <HeadcountText range={r.headcountB} />
                      </>
                    ) : null}
                  </td>
                  <td className={ui.td}>
                    {r.skills.length === 0 ? (
                      <span className="text-slate-400">{t("hiring.scenarios.noChange")}</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {r.skills.map((s) => (
                          <li key={s.skillId}>
                            {localize(s.label, lang)}{" "}
                            <span className="tabular-nums text-slate-500">
                              {s.levelA} → {s.levelB}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className={`${ui.td} max-w-md`}>
                    {r.responsibilitiesOnlyA.length === 0 && r.responsibilitiesOnlyB.length === 0 ? (
                      <span className="text-slate-400">{t("hiring.scenarios.noChange")}</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {r.responsibilitiesOnlyA.map((x) => (
                          <li key={`a-${x.en}`} className="text-red-700">
                            <span aria-hidden="true">− </span>
                            <span className="sr-only">{t("hiring.scenarios.onlyA")} </span>
                            {localize(x, lang)}
                          </li>
                        ))}
                        {r.responsibilitiesOnlyB.map((x) => (
                          <li key={`b-${x.en}`} className="text-emerald-800">
                            <span aria-hidden="true">+ </span>
                            <span className="sr-only">{t("hiring.scenarios.onlyB")} </span>
                            {localize(x, lang)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </HiringTable>
          </section>

          <section aria-labelledby="diagrams-title">
            <h2 id="diagrams-title" className={ui.h2}>
              {t("hiring.scenarios.diagrams")}
            </h2>
            <div className="mt-3 grid gap-6 lg:grid-cols-2">
              {[a, b].map((rec, i) => (
                <div key={i} data-testid={`diagram-${i === 0 ? "a" : "b"}`}>
                  <h3 className="mb-2 text-sm font-semibold text-slate-700">
                    {t("app.text.labelled", {
                      label: t(`hiring.scenarios.side.${i === 0 ? "a" : "b"}`),
                      value: sideLabel(rec.model, rec.stage),
                    })}
                  </h3>
                  <ReadOnlyOrgChart
                    recommendation={rec}
                    lang={lang}
                    height={560}
                    picture={{
                      title: t("diagram.picture.scenario", { side: i === 0 ? "A" : "B" }),
                      model: labels.model[rec.model],
                      stage: labels.stage[rec.stage],
                      fileStem: `scenario-${i === 0 ? "a" : "b"}-${rec.model}-${rec.stage}`,
                      sideBySide: true,
                    }}
                  />
                </div>
              ))}
            </div>
          </section>
        </>
      ) : (
        <p className={ui.empty} data-testid="scenarios-empty">
          {t("hiring.scenarios.empty")}
        </p>
      )}
    </main>
  );
}
