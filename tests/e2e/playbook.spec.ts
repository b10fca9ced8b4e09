import { expect, test, type Browser, type Page } from "@playwright/test";
import { rememberLanguage, waitForAppHydration, type Lang, keepScreenshot } from "./helpers";
import { confirmSignup } from "./mailbox";

/*
 * The organisation's own playbook (issue 13), in each language, on an
 * organisation of its own (signed up here, so the demo company that other
 * specs read is never edited): the admin adds an operations member, raises
 * the required level of ad buying at the growth stage, and the member's gap
 * for it grows on the member page and in the heat map; the version list
 * shows the change with its diff, and restoring the previous version brings
 * the gap back.
 */

const TEXT = {
  en: {
    nav: "Playbook",
    edit: "Edit Operations manager",
    adBuyingGrowth: "Required level of Ad buying at Growth",
    summary: "What changed, in a few words",
    save: "Save as a new version",
    saved: "Saved as a new version. Every page now measures against it.",
    addMember: "Add member",
    skill: "Skill",
    record: "Record assessment",
    recorded: "Assessment recorded.",
    edited: "edited",
    editedTitle: "From your playbook, version 1: differs from the shipped default. Open the differences.",
    versionOne: "Version 1",
    restoreOne: "Restore version 1",
    paste: "Or paste the JSON",
    importButton: "Import as a new version",
    importSummary: "What changed, in a few words",
    importRefused: "Nothing was imported: the playbook does not validate.",
    summaryText: "Ad buying at level 4 from growth",
    backText: "Back to 3",
    raciTab: "Default RACI",
    opsOnListing: "Operations manager on Listing",
    pmOnListing: "Product manager on Listing",
    twoAccountable: "Only one role may be accountable (A or A/R).",
    raciSaved: "Saved as a new version. Steps your team has not changed yet start from it.",
  },
  zh: {
    nav: "组织手册",
    edit: "编辑运营经理",
    adBuyingGrowth: "广告投放在成长期的要求等级",
    summary: "修改说明",
    save: "保存为新版本",
    saved: "已保存为新版本，各页面即按此计算。",
    addMember: "添加成员",
    skill: "技能",
    record: "记录评估",
    recorded: "评估已记录。",
    edited: "已修改",
    editedTitle: "取自本组织的组织手册第1版，与内置默认值不同。点击查看差异。",
    versionOne: "第1版",
    restoreOne: "恢复第1版",
    paste: "或粘贴JSON",
    importButton: "导入为新版本",
    importSummary: "修改说明",
    importRefused: "未导入任何内容：该组织手册校验不通过。",
    summaryText: "成长期起广告投放要求4级",
    backText: "回到3级",
    raciTab: "默认 RACI",
    opsOnListing: "运营经理在“上架”中的分工",
    pmOnListing: "产品经理在“上架”中的分工",
    twoAccountable: "只能有一个岗位最终负责（A 或 A/R）。",
    raciSaved: "已保存为新版本。团队尚未修改的环节将依此起步。",
  },
} as const;

let unique = 0;

async function signUpAdmin(browser: Browser, lang: Lang, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext();
  await rememberLanguage(context, "en", baseURL);
  const page = await context.newPage();
  await page.goto("/signup?model=platform&stage=growth");
  await page.getByLabel("Organisation name").fill(`Playbook Co ${lang} ${Date.now()}`);
  await page.getByLabel("Your name").fill("Pat Admin");
  await page.getByLabel("Email address").fill(`playbook-${lang}-${Date.now()}-${unique++}@test.example`);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await confirmSignup(page);
  await rememberLanguage(context, lang, baseURL);
  return page;
}

async function memberGap(page: Page, memberId: string) {
  await page.goto(`/team/${memberId}`);
  const row = page.locator("#skill-ad_buying");
  return { required: await row.getAttribute("data-required"), gap: await row.getAttribute("data-gap"), row };
}

async function heatmapGap(page: Page, name: string) {
  await page.goto("/team/heatmap");
  const cell = page.getByRole("row").filter({ hasText: name }).locator('td[data-skill="ad_buying"]');
  return cell.getAttribute("data-gap");
}

for (const lang of ["en", "zh"] as const) {
  test(`an admin raises a required level, the gap grows, the version list shows it, restoring brings it back (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const t = TEXT[lang];
    const page = await signUpAdmin(browser, lang, baseURL);

    // an operations member, assessed at level 0 on ad buying: the gap is the required level (3 at growth)
    await page.goto("/team/new");
    await waitForAppHydration(page);
    await page.locator('input[name="name"]').fill("Olu Ops");
    await page.locator('select[name="roles[0].roleId"]').selectOption("operations_manager");
    await page.locator('input[name="roles[0].share"]').fill("100");
    await page.getByRole("button", { name: t.addMember }).click();
    await expect(page).toHaveURL(/\/team\/(?!new)[a-z0-9]+\?done=created$/);
    const memberId = new URL(page.url()).pathname.split("/").pop()!;
    // (an unassessed skill is not a gap, decision 0014)
    await waitForAppHydration(page);
    await page.getByRole("combobox", { name: t.skill, exact: true }).selectOption("ad_buying");
    await page.getByRole("radio", { name: /^0 · / }).check();
    await page.getByRole("button", { name: t.record }).click();
    await expect(page.getByText(t.recorded)).toBeVisible();
    expect(await memberGap(page, memberId)).toMatchObject({ required: "3", gap: "3" });
    expect(await heatmapGap(page, "Olu Ops")).toBe("3");

    // the admin raises ad buying at growth to 4
    await page.getByRole("link", { name: t.nav, exact: true }).click();
    await expect(page).toHaveURL(/\/playbook$/);
    await page.getByRole("link", { name: t.edit }).click();
    await waitForAppHydration(page);
    await page.getByLabel(t.adBuyingGrowth).selectOption("4");
    await page.getByLabel(t.summary).fill(t.summaryText);
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("status")).toHaveText(t.saved);
    await expect(page.getByLabel(t.adBuyingGrowth)).toHaveValue("4");
    await keepScreenshot(page, `test-results/playbook-role-${lang}.png`);

    // the gap grew on the member page (marked as an edited value) and in the heat map
    const after = await memberGap(page, memberId);
    expect(after).toMatchObject({ required: "4", gap: "4" });
    await expect(after.row).toContainText(t.edited);
    expect(await heatmapGap(page, "Olu Ops")).toBe("4");
    await keepScreenshot(page, `test-results/playbook-heatmap-${lang}.png`);

    // the gaps page marks that required level as the organisation's (version 1), and only it; the mark opens the diff
    await page.goto("/team/gaps");
    const opsCard = page.locator('article[data-role="operations_manager"]');
    const marks = page.getByTestId("edited-badge");
    await expect(marks).toHaveCount(1);
    const mark = opsCard.locator('tr[data-skill="ad_buying"]').getByTestId("edited-badge");
    await expect(mark).toHaveText(t.edited);
    await expect(mark).toHaveAttribute("title", t.editedTitle);
    await keepScreenshot(page, `test-results/edited-marks-gaps-${lang}.png`);
    await expect(mark).toHaveAttribute("href", "/playbook/versions/1#shipped-title");

    // the version list shows it, and its diff names the field
    await page.goto("/playbook");
    const versions = page.getByTestId("versions");
    await expect(versions.locator("li")).toHaveCount(1);
    await expect(versions).toContainText(t.summaryText);
    await versions.getByRole("link", { name: t.versionOne }).click();
    const diff = page.getByTestId("diff-previous");
    await expect(diff.locator("tbody tr")).toHaveCount(1);
    await expect(
      diff.locator('tr[data-path="roles.operations_manager.skills.ad_buying.levels.growth"] td').nth(1),
    ).toHaveText("3");
    await expect(
      diff.locator('tr[data-path="roles.operations_manager.skills.ad_buying.levels.growth"] td').nth(2),
    ).toHaveText("4");

    // back to 3 as version 2; then restoring version 1 (with a confirmation) raises it again as version 3
    await page.goto("/playbook/roles/operations_manager");
    await waitForAppHydration(page);
    await page.getByLabel(t.adBuyingGrowth).selectOption("3");
    await page.getByLabel(t.summary).fill(t.backText);
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("status")).toHaveText(t.saved);
    expect(await memberGap(page, memberId)).toMatchObject({ required: "3", gap: "3" });

    await page.goto("/playbook/versions/1");
    await waitForAppHydration(page);
    await page.getByRole("button", { name: t.restoreOne }).click();
    await page.getByRole("dialog").getByRole("button", { name: t.restoreOne }).click();
    await expect(page).toHaveURL(/\/playbook\/versions\/3$/);
    expect(await memberGap(page, memberId)).toMatchObject({ required: "4", gap: "4" });
    expect(await heatmapGap(page, "Olu Ops")).toBe("4");
    await page.goto("/playbook");
    await expect(page.getByTestId("versions").locator("li")).toHaveCount(3);
    await keepScreenshot(page, `test-results/playbook-versions-${lang}.png`);

    // an export, broken by hand, does not import: every problem listed with its path, nothing changed
    const exported = await (await page.request.get("/playbook/export")).json();
    exported.roles.find((r: { id: string }) => r.id === "tech_dev").headcount.mature = { min: 0, max: 0 };
    exported.skills = exported.skills.filter((k: { id: string }) => k.id !== "ad_buying");
    await page.goto("/playbook/transfer");
    await page.getByLabel(t.paste).fill(JSON.stringify(exported));
    await page.getByLabel(t.importSummary).fill("broken");
    await page.getByRole("button", { name: t.importButton }).click();
    await expect(page.getByText(t.importRefused)).toBeVisible();
    const problems = page.getByTestId("problems");
    await expect(problems).toContainText("roles.tech_dev.headcount.mature: a core role needs max ≥ 1 (got 0)");
    await expect(problems).toContainText("skills.ad_buying: a skill cannot be removed; retire it instead");
    await expect(page.getByLabel(t.importSummary)).toHaveValue("broken");
    await keepScreenshot(page, `test-results/playbook-import-${lang}.png`);
    await page.goto("/playbook");
    await expect(page.getByTestId("versions").locator("li")).toHaveCount(3);
    await page.goto("/playbook/skills");
    await keepScreenshot(page, `test-results/playbook-skills-${lang}.png`);

    // the default RACI: listing handed to operations; two accountable roles are refused on the row first
    await page.getByRole("link", { name: t.raciTab }).click();
    await waitForAppHydration(page);
    const listing = page.locator('tr[data-step="listing"]');
    await page.getByLabel(t.opsOnListing).selectOption("AR");
    await page.getByLabel(t.summary).fill("Listing to operations");
    await page.getByRole("button", { name: t.save }).click();
    await expect(listing).toContainText(t.twoAccountable);
    await page.getByLabel(t.pmOnListing).selectOption("C");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("status")).toHaveText(t.raciSaved);
    await expect(page.getByLabel(t.opsOnListing)).toHaveValue("AR");
    await expect(listing.getByTestId("edited-mark")).toHaveCount(2);
    await keepScreenshot(page, `test-results/playbook-raci-${lang}.png`);
  });
}
