import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta, ui } from "~/components/ui";
import { can } from "~/domain/permissions";
import { localize } from "~/domain/vocabulary";
import { hiringPublicStrings } from "~/locales/hiring-public";
import { listPublicPositions } from "~/models/hiring.server";
import { playbookForOrganisation } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { languageFor } from "~/utils/i18n.server";

/**
 * The open positions (PRODUCT.md "Privacy"): the positions a manager marked
 * public, still to be filled, for everyone in the organisation. Only the
 * public fields leave the server: no budget, reason, notes, owner or fill.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisation } = await requirePermission({ request, context }, "hiring.publicPositions");
  const [positions, playbook, lang] = await Promise.all([
    listPublicPositions({ organisationId: organisation.id }),
    playbookForOrganisation(organisation.id),
    languageFor(request),
  ]);
  const roleLabel = new Map(playbook.roles.map((r) => [r.id, localize(r.label, lang)]));
  return {
    positions: positions.map((p) => ({ ...p, roleLabel: roleLabel.get(p.roleId) ?? p.roleId })),
    canReadPlan: can(actor, "hiring.positions", { organisationId: organisation.id }),
  };
}

export const meta = titleMeta((lang) => [hiringPublicStrings[lang].open.metaTitle]);

export default function OpenPositionsPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("hiringPublic.open.title")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("hiringPublic.open.intro")}</p>
        {d.canReadPlan ? (
          <p className="mt-2 text-sm">
            <Link to="/hiring#plan" className={ui.link}>
              {t("hiringPublic.open.planLink")}
            </Link>
          </p>
        ) : null}
      </header>
      {d.positions.length === 0 ? (
        <p className={ui.empty} data-testid="open-positions-empty">
          {t("hiringPublic.open.empty")}
        </p>
      ) : (
        <div className={ui.tableWrap} tabIndex={0}>
          <table className={ui.table} data-testid="open-positions">
            <caption className="sr-only">{t("hiringPublic.open.caption")}</caption>
            <thead className={ui.thead}>
              <tr>
                <th scope="col" className={ui.th}>
                  {t("hiringPublic.open.position")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("hiringPublic.open.quarter")}
                </th>
                <th scope="col" className={`${ui.th} text-right`}>
                  {t("hiringPublic.open.people")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("hiringPublic.open.status")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.positions.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className={`${ui.td} text-left font-semibold`}>
                    {p.title || p.roleLabel}
                    {p.title ? <span className="block text-xs font-normal text-slate-500">{p.roleLabel}</span> : null}
                  </th>
                  <td className={`${ui.td} whitespace-nowrap`}>{p.targetQuarter}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{p.headcount}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{t(`hiring.status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
