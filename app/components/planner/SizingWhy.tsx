import { useTranslation } from "react-i18next";
import { DRIVERS, type SizedRole } from "~/domain/sizing";
import type { HeadcountRange, Language, Localized, ModelId, RecommendedRole } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import { numberFormat } from "~/utils/intl";

/** A driver's value as the reader's language writes whole numbers (formatters are made once: ~/utils/intl). */
const whole = (value: number, lang: Language) => numberFormat(lang === "zh" ? "zh-CN" : "en", {}).format(value);
const range = (h: HeadcountRange) => (h.min === h.max ? `${h.min}` : `${h.min}–${h.max}`);

function isSized(role: RecommendedRole): role is SizedRole {
  return "sizing" in role && (role as SizedRole).sizing !== undefined;
}

/** "default": the number rests on a product default, not a published figure. */
export function DefaultBadge() {
  const { t } = useTranslation();
  return (
    <span
      className="ml-1 inline-flex rounded-full bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-inset ring-amber-600/20"
      title={t("sizing.why.defaultTitle")}
      data-testid="default-badge"
    >
      {t("sizing.why.default")}
    </span>
  );
}

/** The headcount's badges: "default" and the channels that add the role. */
export function SizingBadges({
  role,
  modelLabel,
  lang,
}: {
  role: RecommendedRole;
  modelLabel: (id: ModelId) => Localized;
  lang: Language;
}) {
  const { t } = useTranslation();
  if (!isSized(role)) return null;
  return (
    <>
      {role.headcount.isDefault && role.priority === "core" ? <DefaultBadge /> : null}
      {role.addedBy.length > 0 ? (
        <span
          className="ml-1 inline-flex rounded-full bg-sky-50 px-1.5 py-0.5 text-[11px] font-medium text-sky-800 ring-1 ring-inset ring-sky-600/20"
          data-testid="added-by"
        >
          {t("sizing.why.addedBy", {
            channels: role.addedBy.map((m) => localize(modelLabel(m), lang)).join(lang === "zh" ? "、" : ", "),
          })}
        </span>
      ) : null}
    </>
  );
}

/**
 * Why a role has this many people: the stage's range, each driver it scales
 * with (value, ratio, what that driver alone asks for, the next step), which
 * one sets the number, and the responsibilities per channel where they differ.
 */
export function SizingWhy({
  role,
  modelLabel,
  lang,
}: {
  role: RecommendedRole;
  modelLabel: (id: ModelId) => Localized;
  lang: Language;
}) {
  const { t } = useTranslation();
  if (!isSized(role)) return null;
  const { sizing } = role;
  const driverLabel = (id: keyof typeof DRIVERS) => localize(DRIVERS[id].label, lang);
  return (
    <div className="space-y-2 text-xs text-slate-600" data-testid={`sizing-${role.id}`}>
      <p>
        {t("sizing.why.base", { range: range(sizing.base) })}
        {" · "}
        {sizing.setBy ? t("sizing.why.setBy", { driver: driverLabel(sizing.setBy) }) : t("sizing.why.stageRange")}
      </p>
      {!sizing.applied ? <p>{t("sizing.why.notSized")}</p> : null}
      {sizing.drivers.length > 0 ? (
        <ul className="space-y-1.5">
          {sizing.drivers.map((d) => (
            <li key={d.driver} data-driver={d.driver}>
              <span className="font-medium text-slate-700">
                {d.value === null || d.headcount === null
                  ? t("sizing.why.notGiven", { driver: driverLabel(d.driver) })
                  : t("sizing.why.driver", {
                      driver: driverLabel(d.driver),
                      value: whole(d.value, lang),
                      range: range(d.headcount),
                    })}
              </span>
              <span className="block">
                {t("sizing.why.ratio", { ratio: localize(d.ratio, lang) })}
                {d.productDefault ? <DefaultBadge /> : null}
                {d.references.length > 0 ? (
                  <span className="ml-1 text-slate-500">
                    {t("sizing.why.referenced", { refs: d.references.map((r) => `${r.id} (${r.trust})`).join(", ") })}
                  </span>
                ) : null}
              </span>
              {sizing.applied ? (
                <span className="block text-slate-500">
                  {d.next
                    ? t("sizing.why.next", {
                        value: whole(d.next.value, lang),
                        range: range(d.next.headcount),
                      })
                    : t("sizing.why.nextNone")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {role.responsibilitiesDiffer ? (
        <div>
          <p className="font-medium text-slate-700">{t("sizing.why.perChannel")}</p>
          {role.channels
            .filter((c) => c.priority !== "not_needed")
            .map((c) => (
              <div key={c.model} className="mt-1" data-channel={c.model}>
                <p className="text-slate-700">
                  {localize(modelLabel(c.model), lang)} {c.share}%
                </p>
                <ul className="list-disc pl-4">
                  {c.responsibilities.map((item, i) => (
                    <li key={i}>{localize(item, lang)}</li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      ) : null}
    </div>
  );
}
