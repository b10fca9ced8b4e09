import { sizedForOrganisation } from "~/models/business-profile.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { OrgChartDiagram, type OwnershipOverlay } from "~/components/diagram/OrgChartDiagram";
import { EDGE_COLORS } from "~/components/diagram/edges";
import { ui, useLang, sectionErrorBoundary, titleMeta } from "~/components/ui";
import { accountableRolesOf, handOffsAround, responsibleRolesOf, rowsByStep } from "~/domain/ownership-checks";
import { isAccountable, isResponsible, rowRoles, STEP_SECTIONS } from "~/domain/process-steps";
import { shippedPlaybook } from "~/domain/playbook";
import type { RoleId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { loadOwnership } from "~/models/ownership.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { ownershipStrings } from "~/locales/ownership";

/**
 * The organisation's org chart (the recommendation for its model and stage)
 * with the ownership of one chosen step: its accountable and responsible
 * roles highlighted, the hand-offs from the step before and to the step after.
 * An unknown or missing ?step= shows the first flagged step, else the first step.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission({ request, context }, "ownership.read");
  const [ownership, playbook] = await Promise.all([
    loadOwnership({ organisationId: organisation.id, model: organisation.operatingModel }),
    playbookForOrganisation(organisation.id),
  ]);
  const active = ownership.steps.filter((step) => !step.retired);
  const asked = new URL(request.url).searchParams.get("step");
  const chosen =
    active.find((step) => step.key === asked) ??
    active.find((step) => step.key === ownership.report.flagged[0]?.stepKey) ??
    active[0] ??
    null;
  const row = chosen ? (rowsByStep(ownership.cells).get(chosen.key) ?? {}) : {};
  const parts: OwnershipOverlay["parts"] = {};
  // every role the row names: an extension role the playbook holds is a node of the chart too
  for (const roleId of rowRoles(row)) {
    const letter = row[roleId];
    if (isAccountable(letter) && isResponsible(letter)) parts[roleId] = "AR";
    else if (isAccountable(letter)) parts[roleId] = "A";
    else if (isResponsible(letter)) parts[roleId] = "R";
  }
  return {
    recommendation: (
      await sizedForOrganisation({
        organisationId: organisation.id,
        operatingModel: organisation.operatingModel,
        stage: organisation.stage,
        playbook,
      })
    ).recommendation,
    steps: active.map((step) => ({ key: step.key, name: step.name, section: step.section })),
    chosen: chosen ? { key: chosen.key, name: chosen.name } : null,
    parts,
    accountable: accountableRolesOf(row),
    responsible: responsibleRolesOf(row),
    handOffs: chosen ? handOffsAround(ownership.steps, ownership.cells, chosen.key) : [],
    roleLabels: Object.fromEntries(playbook.roles.map((role) => [role.id, role.label])) as Record<
      RoleId,
      { zh: string; en: string }
    >,
  };
}

export const meta = titleMeta((lang) => [ownershipStrings[lang].meta.diagram, ownershipStrings[lang].title]);

export default function OwnershipDiagram() {
  const { recommendation, steps, chosen, parts, accountable, responsible, handOffs, roleLabels } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const [selectedRoleId, setSelectedRoleId] = useState<RoleId | null>(null);
  const roleName = useCallback((roleId: RoleId) => localize(roleLabels[roleId], lang), [roleLabels, lang]);
  const stepName = useCallback(
    (key: string) => {
      const step = steps.find((candidate) => candidate.key === key);
      return step ? localize(step.name, lang) : key;
    },
    [steps, lang],
  );
  const names = (roles: RoleId[]) =>
    roles.length ? roles.map(roleName).join(lang === "zh" ? "、" : ", ") : t("ownership.diagram.none");
  const overlay = useMemo<OwnershipOverlay>(() => {
    // one arrow per pair of roles; its title lists the steps it stands for
    const byPair = new Map<string, { from: RoleId; to: RoleId; titles: string[] }>();
    for (const handOff of handOffs) {
      const id = `${handOff.from}->${handOff.to}`;
      const entry = byPair.get(id) ?? { from: handOff.from, to: handOff.to, titles: [] };
      entry.titles.push(`${stepName(handOff.fromStep)} → ${stepName(handOff.toStep)}`);
      byPair.set(id, entry);
    }
    return {
      parts,
      handOffs: [...byPair.values()].map(({ from, to, titles }) => ({
        from,
        to,
        title: t("ownership.diagram.edgeTitleWithSteps", {
          title: t("ownership.diagram.edgeTitle", { from: roleName(from), to: roleName(to) }),
          steps: titles.join(t("ownership.diagram.stepSeparator")),
        }),
      })),
    };
  }, [parts, handOffs, roleName, stepName, t]);

  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <h2 className={ui.h2}>{t("ownership.diagram.title")}</h2>
        <p className="text-sm text-slate-600">{t("ownership.diagram.intro")}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="step" className={ui.label}>
            {t("ownership.diagram.step")}
          </label>
          <select id="step" name="step" defaultValue={chosen?.key} key={chosen?.key} className={`${ui.input} min-w-64`}>
            {STEP_SECTIONS.map((section) => {
              const inSection = steps.filter((step) => step.section === section);
              return inSection.length ? (
                <optgroup key={section} label={t(`ownership.sections.${section}`)}>
                  {inSection.map((step) => (
                    <option key={step.key} value={step.key}>
                      {localize(step.name, lang)}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
        <button type="submit" className={ui.primaryButton}>
          {t("ownership.diagram.show")}
        </button>
      </Form>

      {chosen ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
          <OrgChartDiagram
            recommendation={recommendation}
            lang={lang}
            selectedRoleId={selectedRoleId}
            onSelectRole={setSelectedRoleId}
            height={480}
            ownership={overlay}
            picture={{
              title: t("diagram.picture.ownership", { step: localize(chosen.name, lang) }),
              // the loader carries no model or stage labels: the shipped playbook's words
              model: localize(
                shippedPlaybook.models.find((m) => m.id === recommendation.model)?.label ?? {
                  zh: recommendation.model,
                  en: recommendation.model,
                },
                lang,
              ),
              stage: localize(
                shippedPlaybook.stages.find((m) => m.id === recommendation.stage)?.label ?? {
                  zh: recommendation.stage,
                  en: recommendation.stage,
                },
                lang,
              ),
              fileStem: `ownership-${chosen.key}`,
            }}
          />
          <section aria-labelledby="owners-title" className={ui.card} data-testid="step-owners">
            <h3 id="owners-title" className="font-semibold">
              <Link to={`/ownership/steps/${chosen.key}`} className={ui.link}>
                {t("ownership.diagram.owners", { step: localize(chosen.name, lang) })}
              </Link>
            </h3>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="flex items-center gap-2 font-medium">
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full ring-4 ring-amber-500" />
                  {t("ownership.diagram.accountable")}
                </dt>
                <dd data-testid="accountable-roles">{names(accountable)}</dd>
              </div>
              <div>
                <dt className="flex items-center gap-2 font-medium">
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full ring-4 ring-indigo-500" />
                  {t("ownership.diagram.responsible")}
                </dt>
                <dd data-testid="responsible-roles">{names(responsible)}</dd>
              </div>
            </dl>
            <h4 className="mt-4 flex items-center gap-2 text-sm font-semibold">
              <svg width="32" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="32" y2="5" stroke={EDGE_COLORS.handOff} strokeWidth="2.5" />
              </svg>
              {t("ownership.diagram.handOffs")}
            </h4>
            {handOffs.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">{t("ownership.diagram.noHandOffs")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm" data-testid="hand-offs">
                {handOffs.map((handOff) => (
                  <Fragment key={`${handOff.fromStep}-${handOff.toStep}-${handOff.from}-${handOff.to}`}>
                    <li>
                      {t("ownership.diagram.handOff", {
                        fromStep: stepName(handOff.fromStep),
                        toStep: stepName(handOff.toStep),
                        from: roleName(handOff.from),
                        to: roleName(handOff.to),
                      })}
                    </li>
                  </Fragment>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : (
        <p className={ui.empty}>{t("ownership.diagram.empty")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("ownership");
