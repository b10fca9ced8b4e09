import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { RoleTable } from "../../app/components/planner/RoleTable";
import { shippedPlaybook } from "../../app/domain/playbook";
import { sizedRecommendation } from "../../app/domain/sizing";
import type { Language } from "../../app/domain/types";
import { i18nOptions } from "../../app/utils/i18n";

/** The table rendered as the server renders it, counting the translations it asks for, by key. */
async function renderTable(lang: Language) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init(i18nOptions(lang));
  const calls = new Map<string, number>();
  const original = i18n.t.bind(i18n) as unknown as (key: string, ...rest: unknown[]) => string;
  const counted = (key: string, ...rest: unknown[]) => {
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return original(key, ...rest);
  };
  i18n.t = counted as unknown as typeof i18n.t;
  const recommendation = sizedRecommendation({
    playbook: shippedPlaybook,
    channels: [
      { model: "platform", share: 60 },
      { model: "independent_site", share: 40 },
    ],
    stage: "growth",
    drivers: { stores: 6, skus: 1200, ordersPerDay: 400, markets: 3, languages: 2 },
  });
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <StaticRouter location="/planner">
        <RoleTable
          recommendation={recommendation}
          lang={lang}
          roleHref={(role) => `/planner?role=${role}`}
          selectedRoleId={null}
          stageLabel={(stage) => stage}
        />
      </StaticRouter>
    </I18nextProvider>,
  );
  const skillRows = recommendation.roles.reduce((sum, role) => sum + role.skills.length, 0);
  return { html, calls, skillRows, roles: recommendation.roles };
}

describe("the planner's role table", () => {
  it.each(["zh", "en"] as const)(
    "links each sized role to its panel instead of rendering its notes (%s)",
    async (lang) => {
      const { html, roles } = await renderTable(lang);
      const sized = roles.filter((role) => "sizing" in role);
      expect(sized.length).toBeGreaterThan(0);
      for (const role of sized) {
        expect(html).toContain(`data-testid="sizing-link-${role.id}"`);
        expect(html).not.toContain(`data-testid="sizing-${role.id}"`);
      }
      expect(html).toContain(lang === "zh" ? "人数依据" : "Why this many");
    },
  );

  it("translates the level labels once per render, not once per skill", async () => {
    const { calls, skillRows } = await renderTable("en");
    expect(skillRows).toBeGreaterThan(20);
    expect(calls.get("planner.levelShort")).toBe(5);
    const levelTitles = [...calls].filter(([key]) => key.startsWith("planner.level.")).map(([, count]) => count);
    expect(levelTitles).toEqual([1, 1, 1, 1, 1]);
    // nothing the sizing notes ask for is translated in the table any more
    expect(calls.get("sizing.why.base")).toBeUndefined();
  });
});
