import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ui } from "~/components/ui";
import type { SkillShortfall } from "~/domain/skill-shortfalls";
import { HiringTable } from "./HiringTable";

export type ShortfallRow = SkillShortfall & { trainHref: string | null };

/** What the server answered to a "hire" on one row, to show beside that row. */
export interface SkillHireReply {
  roleId?: string;
  skillId?: string;
  targetQuarter?: string;
  errors: Record<string, string[] | null | undefined>;
}

/**
 * Skills nobody in a role has at the level the target needs, each with the
 * choice: plan training for the member closest to the level, or hire (a
 * position for one person, for that skill). Plain forms: works without JavaScript.
 */
export function SkillShortfalls({
  rows,
  roleLabel,
  skillLabel,
  firstQuarter,
  reply,
}: {
  rows: readonly ShortfallRow[];
  roleLabel: Record<string, string>;
  skillLabel: Record<string, string>;
  firstQuarter: string;
  reply: SkillHireReply | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="skills-title" className={ui.card} data-testid="skill-shortfalls">
      <h2 id="skills-title" className={ui.h2}>
        {t("hiring.skills.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("hiring.skills.intro")}</p>
      {reply?.errors[""] ? (
        <div role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {reply.errors[""]!.map((e) => (
            <p key={e}>{t(e)}</p>
          ))}
        </div>
      ) : null}
      <HiringTable
        caption={t("hiring.skills.caption")}
        className="mt-4"
        columns={[
          { key: "role", label: t("hiring.delta.role") },
          { key: "skill", label: t("hiring.skills.skill") },
          { key: "who", label: t("hiring.skills.who") },
          { key: "train", label: t("hiring.skills.train") },
          { key: "hire", label: t("hiring.skills.hire") },
        ]}
      >
        {rows.map((s) => {
          const role = roleLabel[s.roleId] ?? s.roleId;
          const skill = skillLabel[s.skillId] ?? s.skillId;
          const own = reply && reply.roleId === s.roleId && reply.skillId === s.skillId ? reply : null;
          const quarterId = `skill-quarter-${s.roleId}-${s.skillId}`;
          return (
            <tr
              key={`${s.roleId}:${s.skillId}`}
              data-role={s.roleId}
              data-skill={s.skillId}
              data-nobody-in={s.nobodyIn}
            >
              <th scope="row" className={`${ui.td} text-left font-semibold`}>
                {role}
              </th>
              <td className={ui.td}>
                {skill}
                <span className="block text-xs text-slate-500">
                  {t("hiring.skills.required", { level: s.required })}
                </span>
              </td>
              <td className={`${ui.td} text-sm`}>
                {s.nobodyIn === "team" ? t("hiring.skills.nobodyInTeam") : t("hiring.skills.nobodyInRole")}
                <span className="block text-xs text-slate-500">
                  {s.bestInRole !== null
                    ? t("hiring.skills.bestInRole", { level: s.bestInRole })
                    : s.closest?.holdsRole
                      ? t("hiring.skills.notAssessedInRole")
                      : t("hiring.skills.noHolder")}
                </span>
              </td>
              <td className={`${ui.td} text-sm`} data-testid="train">
                {s.closest === null ? (
                  <span className="text-slate-500">{t("hiring.skills.nobodyToTrain")}</span>
                ) : (
                  <>
                    <span className="block">
                      {s.closest.level === null
                        ? t("hiring.skills.closestNotAssessed", { name: s.closest.name })
                        : s.levelsToGo === 0
                          ? t("hiring.skills.alreadyThere", { name: s.closest.name, level: s.closest.level })
                          : t("hiring.skills.closest", {
                              name: s.closest.name,
                              level: s.closest.level,
                              required: s.required,
                            })}
                    </span>
                    {s.trainHref ? (
                      <Link to={s.trainHref} className={`${ui.link} text-xs`}>
                        {t("hiring.skills.planTraining", { name: s.closest.name })}
                      </Link>
                    ) : null}
                  </>
                )}
              </td>
              <td className={ui.td}>
                <Form method="post" className="flex flex-wrap items-start gap-2">
                  <input type="hidden" name="intent" value="hire_for_skill" />
                  <input type="hidden" name="roleId" value={s.roleId} />
                  <input type="hidden" name="skillId" value={s.skillId} />
                  <div>
                    <label htmlFor={quarterId} className="sr-only">
                      {t("hiring.skills.quarterFor", { role, skill })}
                    </label>
                    <input
                      id={quarterId}
                      name="targetQuarter"
                      type="text"
                      placeholder="2027-Q1"
                      defaultValue={own?.targetQuarter ?? firstQuarter}
                      aria-invalid={own?.errors.targetQuarter ? true : undefined}
                      aria-describedby={`${quarterId}-error`}
                      className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600"
                    />
                    <div id={`${quarterId}-error`} className="mt-1 text-xs text-red-700" aria-live="polite">
                      {own?.errors.targetQuarter?.map((e) => (
                        <p key={e}>{t(e)}</p>
                      ))}
                    </div>
                  </div>
                  <button
                    type="submit"
                    className="rounded-md border border-indigo-600 px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-60"
                    disabled={navigation.state === "submitting"}
                    aria-label={t("hiring.skills.hireFor", { role, skill })}
                  >
                    {t("hiring.skills.hireButton")}
                  </button>
                </Form>
              </td>
            </tr>
          );
        })}
      </HiringTable>
    </section>
  );
}
