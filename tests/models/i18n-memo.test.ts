import { createInstance, type i18n } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "../../app/utils/i18n";
import { memoizeTranslations } from "../../app/utils/i18n-memo.server";

async function instanceFor(language: "zh" | "en"): Promise<i18n> {
  const instance = createInstance();
  await instance.init(i18nOptions(language));
  return instance;
}

/** Calls as components make them: through getFixedT, as react-i18next's useTranslation does. */
const CALLS: Array<[string, Record<string, unknown>?]> = [
  ["diagram.node.notRequiredNow"],
  ["diagram.level.3"],
  ["diagram.node.levelValue", { level: 3, name: "Proficient" }],
  ["diagram.node.levelValue", { level: 2, name: "Working" }],
  ["app.text.items"],
  ["no.such.key"],
];

describe("memoizeTranslations (the server's shared i18next instances)", () => {
  it("answers every call exactly as i18next does, in both languages", async () => {
    for (const language of ["zh", "en"] as const) {
      const plain = await instanceFor(language);
      const kept = await instanceFor(language);
      memoizeTranslations(kept);
      const expected = CALLS.map(([key, options]) => plain.getFixedT(language)(key, options));
      for (let round = 0; round < 3; round++)
        expect(CALLS.map(([key, options]) => kept.getFixedT(language)(key, options))).toEqual(expected);
    }
  });

  it("asks i18next once per distinct call; options that are not plain values always go through", async () => {
    const instance = await instanceFor("en");
    const translator = (instance as unknown as { translator: { translate: (...args: unknown[]) => unknown } })
      .translator;
    const translate = translator.translate.bind(translator);
    let asked = 0;
    translator.translate = (...args: unknown[]) => {
      asked += 1;
      return translate(...args);
    };
    const stats = memoizeTranslations(instance);
    const t = instance.getFixedT("en");
    for (let i = 0; i < 10; i++) {
      t("diagram.level.3");
      t("diagram.node.levelValue", { level: 3, name: "Proficient" });
    }
    expect(asked).toBe(2);
    expect(stats).toEqual({ hits: 18, misses: 2 });
    // a different value is a different answer
    expect(t("diagram.node.levelValue", { level: 2, name: "Working" })).not.toBe(
      t("diagram.node.levelValue", { level: 3, name: "Proficient" }),
    );
    expect(asked).toBe(3);
    // an object among the options (a Date, a nested record) is never kept
    t("diagram.level.3", { when: new Date(0) });
    t("diagram.level.3", { when: new Date(0) });
    expect(asked).toBe(5);
  });

  it("keeps at most `limit` answers, then starts again", async () => {
    const instance = await instanceFor("en");
    const stats = memoizeTranslations(instance, 2);
    const t = instance.getFixedT("en");
    t("diagram.level.1");
    t("diagram.level.2");
    t("diagram.level.3"); // the store was full: it starts again with this one
    t("diagram.level.1");
    expect(stats).toEqual({ hits: 0, misses: 4 });
    t("diagram.level.1");
    expect(stats.hits).toBe(1);
  });
});
