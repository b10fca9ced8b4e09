import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { departmentLabels } from "~/components/settings/KindFields";
import { recordIdParam } from "~/forms/common";
import { DateTime, ui, useLang } from "~/components/ui";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";
import type { Language, Localized } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { playbookForOrganisation } from "~/models/playbook.server";
import { SECURITY_EVENT_TYPES } from "~/models/security-event.server";
import { isSecurityEventType, securityLogPage } from "~/models/user-admin.server";
import { setRequireTwoFactor, twoFactorOverview } from "~/models/account.server";
import { requirePermission } from "~/utils/auth.server";
import { intentOf, isConformIntent, readFormData } from "~/utils/forms";
import { clientAddress } from "~/utils/request.server";
import { adminStrings } from "~/locales/admin";

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.security, adminStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "securityLog.read");
  const search = new URL(request.url).searchParams;
  const problems: Array<"type" | "cursor"> = [];

  const typeParam = search.get("type") || null;
  const type = isSecurityEventType(typeParam) ? typeParam : null;
  if (typeParam && !type) problems.push("type");

  const beforeParam = search.get("before");
  const beforeIdParam = search.get("beforeId");
  let before: { createdAt: Date; id: string } | null = null;
  if (beforeParam || beforeIdParam) {
    const createdAt = new Date(beforeParam ?? "");
    const id = recordIdParam(beforeIdParam ?? undefined);
    if (!Number.isNaN(createdAt.getTime()) && id) before = { createdAt, id };
    else problems.push("cursor");
  }

  const [page, playbook, twoFactor] = await Promise.all([
    securityLogPage({ organisationId: actor.organisationId, type, before }),
    playbookForOrganisation(actor.organisationId),
    twoFactorOverview({ organisationId: actor.organisationId }),
  ]);
  return data(
    {
      entries: page.entries,
      next: page.next ? { before: page.next.createdAt.toISOString(), beforeId: page.next.id } : null,
      firstPage: before === null,
      types: SECURITY_EVENT_TYPES,
      twoFactor,
      saved: search.get("saved") === "1",
      type,
      problems,
      labels: {
        models: Object.fromEntries(playbook.models.map((model) => [model.id, model.label])) as Record<
          string,
          Localized
        >,
        stages: Object.fromEntries(playbook.stages.map((stage) => [stage.id, stage.label])) as Record<
          string,
          Localized
        >,
        roles: playbook.roles.map(({ id, label }) => ({ id, label })),
      },
    },
    // a bad address is the client's mistake; the page still shows the log
    { status: problems.length > 0 ? 400 : 200 },
  );
}

/** The admin's "everyone must use two-factor sign-in" switch: a checkbox, so absent means off. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "users.manage");
  const form = await readFormData(request);
  // only the one button; conform's validation requests never write
  if (intentOf(form, ["require_two_factor"]) === null || isConformIntent(form))
    return data({ error: "admin.errors.intent" }, { status: 400 });
  const required = form.get("required") === "on";
  await setRequireTwoFactor({
    userId: actor.userId,
    organisationId: actor.organisationId,
    ipAddress: clientAddress(request, context),
    required,
  });
  return redirect("/settings/security?saved=1");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function SecurityLog() {
  const { entries, next, firstPage, type, types, problems, labels, twoFactor, saved } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const olderHref = next
    ? `?${new URLSearchParams({ ...(type ? { type } : {}), before: next.before, beforeId: next.beforeId })}`
    : null;
  const newestHref = type ? `?${new URLSearchParams({ type })}` : "/settings/security";

  return (
    <section aria-labelledby="security-title" className="space-y-4">
      <div>
        <h2 id="security-title" className={ui.h2}>
          {t("admin.security.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("admin.security.intro")}</p>
      </div>
      <section aria-labelledby="require-two-factor-title" className={`${ui.card} space-y-3`}>
        <h3 id="require-two-factor-title" className="font-semibold text-slate-900">
          {t("security.requirement.title")}
        </h3>
        <p className="text-sm text-slate-600">{t("security.requirement.text")}</p>
        <p className="text-sm text-slate-600" data-testid="two-factor-count">
          {t("security.requirement.enabledCount", { count: twoFactor.enabled, total: twoFactor.people })}
        </p>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            {t("security.requirement.saved")}
          </p>
        ) : null}
        <Form method="post" action="/settings/security" className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="intent" value="require_two_factor" />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="required"
              defaultChecked={twoFactor.required}
              className="h-4 w-4 accent-indigo-600"
            />
            {t("security.requirement.label")}
          </label>
          <button type="submit" className={ui.secondaryButton}>
            {t("security.requirement.submit")}
          </button>
        </Form>
      </section>
      {problems.map((problem) => (
        <p
          key={problem}
          role="status"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {t(`admin.security.problems.${problem}`)}
        </p>
      ))}
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="security-type" className={ui.label}>
            {t("admin.security.filterLabel")}
          </label>
          <select id="security-type" name="type" defaultValue={type ?? ""} className={`${ui.input} min-w-56`}>
            <option value="">{t("admin.security.allTypes")}</option>
            {types.map((option) => (
              <option key={option} value={option}>
                {t(`admin.security.types.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={ui.secondaryButton}>
          {t("admin.security.filter")}
        </button>
      </Form>

      {entries.length === 0 ? (
        <p className={ui.empty}>{type ? t("admin.security.emptyFiltered") : t("admin.security.empty")}</p>
      ) : (
        <div className={ui.tableWrap} tabIndex={0}>
          <table className={ui.table} data-testid="security-table">
            <caption className="sr-only">{t("admin.security.title")}</caption>
            <thead className={ui.thead}>
              <tr>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.when")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.who")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.what")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.subject")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.details")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("admin.security.columns.address")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id} data-type={entry.type}>
                  <td className={ui.td}>
                    <DateTime value={entry.createdAt} lang={lang} />
                  </td>
                  <td className={ui.td}>
                    <Person person={entry.actor} />
                  </td>
                  <th scope="row" className={`${ui.td} whitespace-nowrap text-left font-medium`}>
                    {t(`admin.security.types.${entry.type}`, { defaultValue: entry.type })}
                  </th>
                  <td className={ui.td}>
                    <Person person={entry.subject} />
                  </td>
                  <td className={`${ui.td} min-w-56`}>
                    <Details detail={entry.detail} labels={labels} lang={lang} />
                  </td>
                  <td className={`${ui.td} whitespace-nowrap font-mono text-xs`}>{entry.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label={t("admin.security.paging")} className="flex flex-wrap gap-4 text-sm">
        {!firstPage ? (
          <Link to={newestHref} className={ui.link}>
            {t("admin.security.newest")}
          </Link>
        ) : null}
        {olderHref ? (
          <Link to={olderHref} className={ui.link}>
            {t("admin.security.older")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

function Person({ person }: { person: { name: string; email: string } | null }) {
  if (!person) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-col">
      <span className="font-medium">{person.name}</span>
      <span className="break-all text-xs text-slate-500">{person.email}</span>
    </span>
  );
}

/** A very long value (a pasted text) would stretch the table. */
const MAX_VALUE_LENGTH = 200;

function Details({
  detail,
  labels,
  lang,
}: {
  detail: Record<string, unknown>;
  labels: LoaderData["labels"];
  lang: Language;
}) {
  const { t } = useTranslation();
  const pairs = Object.entries(detail);
  if (pairs.length === 0) return <span className="text-slate-400">—</span>;

  function value(key: string, raw: unknown): string {
    const field = key.replace(/^previous_/, "");
    const list = Array.isArray(raw) ? raw.map(String) : null;
    if (field === "kind" && typeof raw === "string") return t(`app.kind.${raw}`, { defaultValue: raw });
    if (field === "departments" && list) return list.length ? departmentLabels(list, labels.roles, lang) : "—";
    if (field === "operatingModel" && typeof raw === "string" && labels.models[raw])
      return localize(labels.models[raw], lang);
    if (field === "stage" && typeof raw === "string" && labels.stages[raw]) return localize(labels.stages[raw], lang);
    if (field === "changed" && list)
      return list
        .map((item) => t(`admin.security.detail.${item}`, { defaultValue: item }))
        .join(lang === "zh" ? "、" : ", ");
    if (typeof raw === "boolean") return raw ? t("admin.common.yes") : t("admin.common.no");
    if (raw === null || raw === undefined || raw === "") return "—";
    const text = list ? list.join(", ") : typeof raw === "object" ? JSON.stringify(raw) : String(raw);
    return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
  }

  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
      {pairs.map(([key, raw]) => (
        <div key={key} className="contents">
          <dt className="whitespace-nowrap text-slate-500">
            {t(`admin.security.detail.${key}`, { defaultValue: key })}
          </dt>
          <dd className="break-words text-slate-800">{value(key, raw)}</dd>
        </div>
      ))}
    </dl>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
