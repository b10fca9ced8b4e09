import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { authStrings } from "~/locales/auth";
import { playbookForRequest } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { languageFor } from "~/utils/i18n.server";

/** "Our organisation": what it is, where it stands, and who is looking. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user, organisation } = await requirePermission({ request, context }, "organisation.read");
  const [playbook, lang] = await Promise.all([playbookForRequest({ request, context }), languageFor(request)]);
  const model = playbook.models.find((candidate) => candidate.id === organisation.operatingModel);
  const stage = playbook.stages.find((candidate) => candidate.id === organisation.stage);
  return {
    lang,
    organisation: {
      name: organisation.name,
      model: {
        id: organisation.operatingModel,
        label: model ? localize(model.label, lang) : organisation.operatingModel,
      },
      stage: { id: organisation.stage, label: stage ? localize(stage.label, lang) : organisation.stage },
    },
    plannerHref: `/planner?${new URLSearchParams({ model: organisation.operatingModel, stage: organisation.stage })}`,
    viewer: { name: user.name, kind: actor.kind },
    canChangeModel: can(actor, "organisation.update", { organisationId: organisation.id }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation.name} — ${authStrings[data.lang].org.title}` : authStrings.zh.org.title },
];

export default function OrganisationPage() {
  const { organisation, plannerHref, viewer, canChangeModel } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">{t("auth.org.title")}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl" data-testid="organisation-name">
        {organisation.name}
      </h1>

      <section className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("auth.org.operatingModel")}</dt>
            <dd className="mt-1 font-semibold" data-testid="organisation-model">
              {organisation.model.label}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("auth.org.stage")}</dt>
            <dd className="mt-1 font-semibold" data-testid="organisation-stage">
              {organisation.stage.label}
            </dd>
          </div>
        </dl>
        <Link
          to={plannerHref}
          className="mt-6 inline-block rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          {t("auth.org.openPlanner")}
        </Link>
        {canChangeModel ? (
          <p className="mt-4 text-sm text-slate-600">
            {t("auth.org.changeHint")}{" "}
            <Link to="/settings/organisation" className="font-medium text-indigo-700 underline">
              {t("auth.org.changeLink")}
            </Link>
          </p>
        ) : null}
      </section>

      <section className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="you-title">
        <h2 id="you-title" className="text-sm text-slate-500">
          {t("auth.org.you")}
        </h2>
        <p className="mt-1 font-semibold" data-testid="organisation-viewer">
          {t("auth.org.signedInAs", { name: viewer.name, kind: t(`app.kind.${viewer.kind}`) })}
        </p>
      </section>
    </main>
  );
}
