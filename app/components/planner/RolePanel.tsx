import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "~/domain/vocabulary";
import {
  GENERAL_MANAGER,
  type Language,
  type Localized,
  type ModelId,
  type OrgChartRecommendation,
  type RationaleEntry,
  type RationaleTopic,
  type RoleId,
  type StageId,
} from "~/domain/types";
import { HeadcountText } from "./HeadcountText";
import { SizingBadges, SizingWhy } from "./SizingWhy";
import { PriorityBadge } from "./PriorityBadge";
import { hasRequirements } from "./RoleTable";
import { keepTabInside } from "~/components/ui/keepTabInside";

/**
 * The side panel of one role: everything the recommendation says about it
 * and why. Its open state lives in the address (`role=`), so it works
 * without JavaScript and can be shared.
 */
export function RolePanel({
  recommendation,
  roleId,
  lang,
  closeHref,
  roleHref,
  stageLabel,
  onClose,
  modelLabel = (id) => ({ zh: id, en: id }),
}: {
  recommendation: OrgChartRecommendation;
  roleId: RoleId;
  lang: Language;
  closeHref: string;
  roleHref: (role: RoleId) => string;
  stageLabel: (stage: StageId) => string;
  onClose: () => void;
  modelLabel?: (model: ModelId) => Localized;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const role = recommendation.roles.find((candidate) => candidate.id === roleId);

  // Focus goes back to what opened the panel (a diagram node, a table link) when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
      else if (panel.current) keepTabInside(panel.current, event);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [roleId, onClose]);

  if (!role) return null;
  const label = (id: RoleId | typeof GENERAL_MANAGER) =>
    id === GENERAL_MANAGER
      ? t("planner.panel.generalManager")
      : localize(recommendation.roles.find((candidate) => candidate.id === id)?.label ?? { zh: id, en: id }, lang);
  const partners = recommendation.links.filter(
    (link) => link.kind === "collaboration" && (link.from === role.id || link.to === role.id),
  );

  return (
    <aside
      ref={panel}
      aria-labelledby="role-panel-title"
      data-testid="role-panel"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-lg lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="role-panel-title" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {localize(role.label, lang)}
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <PriorityBadge priority={role.priority} />
            <span className="tabular-nums">
              <HeadcountText range={role.headcount} />
              <SizingBadges role={role} modelLabel={modelLabel} lang={lang} />
            </span>
          </div>
          {role.priority === "later" && role.coreFrom ? (
            <p className="mt-1 text-xs text-slate-500">
              {t("planner.priorityDetail.later", { stage: stageLabel(role.coreFrom) })}
            </p>
          ) : null}
          {role.priority === "optional" && role.coveredBy ? (
            <p className="mt-1 text-xs text-slate-500">
              {t("planner.priorityDetail.optional", { who: localize(role.coveredBy, lang) })}
            </p>
          ) : null}
        </div>
        <Link
          to={closeHref}
          preventScrollReset
          onClick={(event) => {
            event.preventDefault();
            onClose();
          }}
          className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100"
          aria-label={t("planner.panel.close")}
        >
          ✕
        </Link>
      </div>

      {"sizing" in role ? (
        <Section title={t("sizing.why.title")}>
          <SizingWhy role={role} modelLabel={modelLabel} lang={lang} />
        </Section>
      ) : null}

      <Section title={t("planner.panel.responsibilities")}>
        <ul className="list-disc space-y-1 pl-5">
          {role.responsibilities.map((item, index) => (
            <li key={index}>{localize(item, lang)}</li>
          ))}
        </ul>
      </Section>

      <Section title={t("planner.panel.skills")}>
        <ul className="space-y-1.5">
          {role.skills.map((skill) => (
            <li key={skill.id} className="flex items-center justify-between gap-3">
              <span>{localize(skill.label, lang)}</span>
              {hasRequirements(role.priority) ? (
                <span className="flex items-center gap-2 text-xs text-slate-500">
                  <LevelBar level={skill.requiredLevel} />
                  <span className="w-24 whitespace-nowrap text-right">
                    {skill.requiredLevel} · {t(`planner.level.${skill.requiredLevel}`)}
                  </span>
                </span>
              ) : (
                <span className="text-xs text-slate-500">{t("planner.notRequiredYet")}</span>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t("planner.panel.reporting")}>
        <p>{label(role.reportsTo)}</p>
      </Section>

      {partners.length > 0 ? (
        <Section title={t("planner.panel.collaboration")}>
          <ul className="space-y-1.5">
            {partners.map((link) => {
              const other = link.from === role.id ? link.to : link.from;
              return (
                <li key={`${link.from}-${link.to}`}>
                  {other === GENERAL_MANAGER ? (
                    <span className="font-medium">{label(other)}</span>
                  ) : (
                    <Link
                      to={roleHref(other)}
                      preventScrollReset
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {label(other)}
                    </Link>
                  )}
                  <span className="block text-xs text-slate-500">{localize(link.reason, lang)}</span>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      <Section title={t("planner.panel.challenge")}>
        <p>{localize(role.orgChallenge, lang)}</p>
      </Section>

      <Section title={t("planner.panel.rationale")}>
        <dl className="space-y-2" data-testid="role-rationale">
          {groupByTopic(role.rationale).map(([topic, entries]) => (
            <div key={topic}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t(`planner.panel.rationaleTopic.${topic}`)}
              </dt>
              {entries.map((entry, index) => (
                <dd key={index} className="mt-0.5">
                  {localize(entry.text, lang)}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      </Section>
    </aside>
  );
}

/** One heading per topic, in the order topics first appear. */
function groupByTopic(entries: RationaleEntry[]): [RationaleTopic, RationaleEntry[]][] {
  const groups = new Map<RationaleTopic, RationaleEntry[]>();
  for (const entry of entries) groups.set(entry.topic, [...(groups.get(entry.topic) ?? []), entry]);
  return [...groups];
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-5 text-sm">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

function LevelBar({ level }: { level: number }) {
  return (
    <span aria-hidden className="flex gap-0.5">
      {[1, 2, 3, 4].map((step) => (
        <span key={step} className={`h-2 w-3 rounded-sm ${step <= level ? "bg-indigo-500" : "bg-slate-200"}`} />
      ))}
    </span>
  );
}
