import { expect, test, type Browser, type Download, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { MODEL_LABELS, STAGE_LABELS, waitForAppHydration, type Lang, openHomeAs, type DemoAccount } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * Every diagram downloads as a PNG and an SVG with a title block (title,
 * organisation, model, stage, date) and its legend, and no text of a box is
 * cut or runs over the box's edge. The expected words are written here, not
 * imported from the app.
 */

const DEMO_ORGANISATION = "Demo Trading Co. 示例跨境贸易";
const WORDS = {
  en: {
    organisation: (name: string) => `Organisation: ${name}`,
    modelStage: (model: string, stage: string) => `Operating model: ${model} · Stage: ${stage}`,
    date: "Made on ",
    planner: "Recommended org chart",
    scenarioA: "Scenario A: recommended org chart",
    scenarioB: "Scenario B: recommended org chart",
    hiring: "Target org chart",
    team: "Team org chart",
    ownership: "Who owns",
    coreLegend: "Core: needed now",
    reportingLegend: "Reporting line",
    memberLegend: "Gap of 2+ levels",
    download: { png: "Download PNG", svg: "Download SVG" },
  },
  zh: {
    organisation: (name: string) => `组织：${name}`,
    modelStage: (model: string, stage: string) => `运营模式：${model} · 阶段：${stage}`,
    date: "生成日期：",
    planner: "推荐组织架构图",
    scenarioA: "方案A：推荐组织架构图",
    scenarioB: "方案B：推荐组织架构图",
    hiring: "目标组织架构图",
    team: "团队组织架构图",
    ownership: "的负责人",
    coreLegend: "核心：现在就需要",
    reportingLegend: "汇报关系",
    memberLegend: "差 2 级及以上",
    download: { png: "下载 PNG", svg: "下载 SVG" },
  },
} as const;

async function setLanguage(page: Page, lang: Lang) {
  await page
    .context()
    .addCookies([
      { name: "lang", value: Buffer.from(JSON.stringify(lang)).toString("base64"), domain: "localhost", path: "/" },
    ]);
}

async function signIn(page: Page, email: DemoAccount) {
  await setLanguage(page, "en");
  await openHomeAs(page, email);
}

function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function download(page: Page, scope: Page | Locator, testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), scope.getByTestId(testId).click()]);
  return file;
}

/** Every box's texts lie inside the box, as the browser draws them; returns how many texts it checked. */
async function textsInsideTheirBoxes(
  browser: Browser,
  svg: string,
): Promise<{ checked: number; outside: string[]; byNode: Record<string, string> }> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, "")}</body></html>`,
    );
    return await page.evaluate(() => {
      const outside: string[] = [];
      const byNode: Record<string, string> = {};
      let checked = 0;
      for (const node of Array.from(document.querySelectorAll("g.node"))) {
        byNode[node.getAttribute("data-id") ?? ""] = Array.from(node.querySelectorAll("text"))
          .map((text) => text.textContent)
          .join("");
        const frame = node.querySelector("rect")!.getBBox();
        for (const text of Array.from(node.querySelectorAll("text"))) {
          const box = text.getBBox();
          checked += 1;
          if (
            box.x < frame.x - 0.5 ||
            box.x + box.width > frame.x + frame.width + 0.5 ||
            box.y + box.height > frame.y + frame.height + 2
          ) {
            outside.push(text.textContent ?? "");
          }
        }
      }
      return { checked, outside, byNode };
    });
  } finally {
    await page.close();
  }
}

interface Expected {
  title: string;
  organisation: string;
  model: string;
  stage: string;
  legend: string[];
  fileName: RegExp;
}

async function checkDownloads(
  page: Page,
  scope: Page | Locator,
  browser: Browser,
  lang: Lang,
  testId: string,
  expected: Expected,
) {
  const words = WORDS[lang];
  await expect(scope.getByTestId(`${testId}-png`)).toHaveText(new RegExp(words.download.png));
  await expect(scope.getByTestId(`${testId}-svg`)).toHaveText(new RegExp(words.download.svg));

  const png = await download(page, scope, `${testId}-png`);
  expect(png.suggestedFilename()).toMatch(new RegExp(`${expected.fileName.source}\\.png$`));
  const bytes = readFileSync((await png.path())!);
  // kept beside the test's results, to look at
  await png.saveAs(test.info().outputPath(png.suggestedFilename()));
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");

  const file = await download(page, scope, `${testId}-svg`);
  expect(file.suggestedFilename()).toMatch(new RegExp(`${expected.fileName.source}\\.svg$`));
  const svg = readFileSync((await file.path())!, "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain(xmlText(expected.title));
  expect(svg).toContain(xmlText(words.organisation(expected.organisation)));
  expect(svg).toContain(xmlText(words.modelStage(expected.model, expected.stage)));
  expect(svg).toMatch(new RegExp(`${words.date}[^<]*${new Date().getFullYear()}`));
  for (const entry of expected.legend) expect(svg).toContain(xmlText(entry));

  const { checked, outside, byNode } = await textsInsideTheirBoxes(browser, svg);
  expect(checked).toBeGreaterThan(10);
  expect(outside).toEqual([]);
  return { svg, byNode };
}

for (const lang of ["en", "zh"] as const) {
  test(`every diagram downloads as PNG and SVG with its title block and legend (${lang})`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const words = WORDS[lang];
    const model = (id: keyof typeof MODEL_LABELS) => MODEL_LABELS[id][lang];
    const stage = (id: keyof typeof STAGE_LABELS) => STAGE_LABELS[id][lang];
    await signIn(page, "hr@demo.example");
    await setLanguage(page, lang);
    const orgLegend = [words.coreLegend, `${words.reportingLegend}`];

    // the planner
    await page.goto("/planner?model=b2b&stage=growth");
    await waitForAppHydration(page);
    await checkDownloads(page, page, browser, lang, "export", {
      title: words.planner,
      organisation: DEMO_ORGANISATION,
      model: model("b2b"),
      stage: stage("growth"),
      legend: orgLegend,
      fileName: /^org-chart-b2b-growth-\d{4}-\d{2}-\d{2}/,
    });

    // the scenarios, each side
    await page.goto("/scenarios?aModel=platform&aStage=growth&bModel=independent_site&bStage=mature");
    await waitForAppHydration(page);
    for (const [side, m, s] of [
      ["a", "platform", "growth"],
      ["b", "independent_site", "mature"],
    ] as const) {
      const { svg } = await checkDownloads(page, page.getByTestId(`diagram-${side}`), browser, lang, "export", {
        title: side === "a" ? words.scenarioA : words.scenarioB,
        organisation: DEMO_ORGANISATION,
        model: model(m),
        stage: stage(s),
        legend: orgLegend,
        fileName: new RegExp(`^scenario-${side}-${m}-${s}-\\d{4}-\\d{2}-\\d{2}`),
      });
      expect(svg).toContain(xmlText(model(m)));
      // large enough to read side by side: at half of a 1,920 px screen its smallest text is still 10 px
      const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBeGreaterThan(50);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
      expect((Math.min(...sizes) * 960) / width).toBeGreaterThanOrEqual(10);
      // the seven roles in two rows under the GM
      const tops = new Set(
        [...svg.matchAll(/<g class="node" data-id="(\w+)"><rect x="[\d.-]+" y="([\d.-]+)"/g)]
          .filter((match) => match[1] !== "general_manager")
          .map((match) => match[2]),
      );
      expect(tops.size).toBe(2);
    }

    // the team chart: every member's name is in the picture, in full
    await page.goto("/team/chart");
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    await waitForAppHydration(page);
    const names = await page.locator('.react-flow__node[data-id^="member:"]').evaluateAll((nodes) =>
      nodes.map((n) => ({
        id: n.getAttribute("data-id") ?? "",
        name: n.querySelector("[title]")?.getAttribute("title") ?? "",
      })),
    );
    expect(names.length).toBeGreaterThan(0);
    const { byNode } = await checkDownloads(page, page, browser, lang, "export", {
      title: words.team,
      organisation: DEMO_ORGANISATION,
      model: model("platform"),
      stage: stage("growth"),
      legend: [words.memberLegend, words.reportingLegend],
      fileName: /^org-chart-\d{4}-\d{2}-\d{2}/,
    });
    // each member's box holds the whole name (wrapped lines are joined without the space they broke at)
    for (const { id, name } of names) expect(byNode[id]?.replace(/\s/g, "")).toContain(name.replace(/\s/g, ""));

    // the ownership diagram of a step
    await page.goto("/ownership/diagram");
    await waitForAppHydration(page);
    await checkDownloads(page, page, browser, lang, "export", {
      title: words.ownership,
      organisation: DEMO_ORGANISATION,
      model: model("platform"),
      stage: stage("growth"),
      legend: orgLegend,
      fileName: /^ownership-[\w-]+-\d{4}-\d{2}-\d{2}/,
    });
  });
}

test("the hiring target's chart downloads as PNG and SVG (en, zh)", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const organisation = `Picture Co ${Date.now()}`;
  await setLanguage(page, "en");
  await page.goto("/signup?model=platform&stage=startup");
  await page.getByLabel("Organisation name").fill(organisation);
  await page.getByLabel("Your name").fill("Founder Fang");
  await page
    .getByLabel("Email address")
    .fill(`pictures-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
  await page.goto("/hiring");
  await page.getByLabel("Target operating model").selectOption("independent_site");
  await page.getByLabel("Target stage").selectOption("growth");
  await page.getByRole("button", { name: "Set target" }).click();
  await expect(page.getByTestId("target-now")).toBeVisible();
  for (const lang of ["en", "zh"] as const) {
    await setLanguage(page, lang);
    await page.goto("/hiring");
    await waitForAppHydration(page);
    await checkDownloads(page, page, browser, lang, "export-target", {
      title: WORDS[lang].hiring,
      organisation,
      model: MODEL_LABELS.independent_site[lang],
      stage: STAGE_LABELS.growth[lang],
      legend: [WORDS[lang].coreLegend],
      fileName: /^target-org-independent_site-growth-\d{4}-\d{2}-\d{2}/,
    });
  }
});
