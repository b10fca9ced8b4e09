import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import {
  ROLE_LABELS,
  diagramNode,
  rememberLanguage,
  waitForDiagramToSettle,
  waitForHydration,
  type Role,
} from "./helpers";

interface RoleJson {
  id: Role;
  label: string;
  responsibilities: string[];
  skills: { id: string; label: string; requiredLevel: number }[];
  rationale: string[];
  orgChallenge: string;
}

/** The same recommendation through the public API, to compare the panel with. */
async function roleFromApi(request: APIRequestContext, model: string, stage: string, role: Role): Promise<RoleJson> {
  const response = await request.get(`/api/v1/recommendation?model=${model}&stage=${stage}&lang=en`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { roles: RoleJson[] };
  const found = body.roles.find((candidate) => candidate.id === role);
  expect(found, `${role} in the API answer`).toBeTruthy();
  return found!;
}

async function expectPanelShows(page: Page, role: RoleJson) {
  const panel = page.getByTestId("role-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(role.label);
  // the full responsibilities (the diagram node shows only the first few)
  const responsibilities = panel.locator("section", { hasText: "Responsibilities for this model" }).locator("li");
  await expect(responsibilities).toHaveText(role.responsibilities);
  const skills = panel.locator("section", { hasText: "Skills and required level" }).locator("li");
  await expect(skills).toHaveCount(role.skills.length);
  for (const [index, skill] of role.skills.entries()) {
    await expect(skills.nth(index)).toContainText(skill.label);
    await expect(skills.nth(index)).toContainText(`${skill.requiredLevel} ·`);
  }
  await expect(panel.getByTestId("role-rationale").locator("dd")).toHaveText(role.rationale);
  await expect(panel).toContainText(role.orgChallenge);
}

test.beforeEach(async ({ context, baseURL }) => {
  await rememberLanguage(context, "en", baseURL);
});

test("clicking a role in the diagram opens its panel; Escape and the close button close it", async ({
  page,
  request,
}) => {
  const marketing = await roleFromApi(request, "independent_site", "growth", "marketing");
  expect(marketing.responsibilities.length).toBeGreaterThan(0);

  await page.goto("/planner?model=independent_site&stage=growth");
  await waitForHydration(page);
  await waitForDiagramToSettle(page);
  await expect(page.getByTestId("role-panel")).toHaveCount(0);

  await diagramNode(page, "marketing").click();
  await expect(page).toHaveURL(/[?&]role=marketing(&|$)/);
  await expect(page).toHaveURL(/model=independent_site/);
  await expectPanelShows(page, marketing);
  // the chosen role is highlighted in the table too
  await expect(page.locator('tr[data-role="marketing"]')).toHaveClass(/bg-indigo-50/);

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("role-panel")).toHaveCount(0);
  await expect(page).not.toHaveURL(/role=/);
  await expect(diagramNode(page, "marketing")).not.toHaveClass(/selected/);

  // a second role, closed with the ✕ button this time
  const techDev = await roleFromApi(request, "independent_site", "growth", "tech_dev");
  await diagramNode(page, "tech_dev").click();
  await expect(page).toHaveURL(/[?&]role=tech_dev(&|$)/);
  await expectPanelShows(page, techDev);
  await page.getByTestId("role-panel").getByRole("link", { name: "Close" }).click();
  await expect(page.getByTestId("role-panel")).toHaveCount(0);
  await expect(page).not.toHaveURL(/role=/);
  // the chart is still there after closing
  await expect(page.locator(".react-flow__node")).toHaveCount(8);
});

test("a focused role node opens its panel with Enter", async ({ page, request }) => {
  const dataAnalysis = await roleFromApi(request, "b2b", "growth", "data_analysis");
  await page.goto("/planner?model=b2b&stage=growth");
  await waitForHydration(page);
  await waitForDiagramToSettle(page);

  const node = diagramNode(page, "data_analysis");
  await expect(node).toHaveAttribute("tabindex", "0");
  await expect(node).toHaveAttribute("aria-label", /^Data analysis\. Priority: Core\./);
  await node.focus();
  await expect(node).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]role=data_analysis(&|$)/);
  await expectPanelShows(page, dataAnalysis);
  // focus moves to the panel's heading, so a screen reader reads it
  await expect(page.getByTestId("role-panel").getByRole("heading", { level: 2 })).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("role-panel")).toHaveCount(0);
});

test("clicking a role's name in the table opens its panel", async ({ page, request }) => {
  const compliance = await roleFromApi(request, "platform", "mature", "compliance_risk");
  await page.goto("/planner?model=platform&stage=mature");
  await waitForHydration(page);

  await page
    .getByTestId("role-table")
    .getByRole("link", { name: `Open ${ROLE_LABELS.compliance_risk.en}` })
    .click();
  await expect(page).toHaveURL(/[?&]role=compliance_risk(&|$)/);
  await expectPanelShows(page, compliance);
  // the diagram marks the chosen node
  await expect(diagramNode(page, "compliance_risk")).toHaveClass(/selected/);

  // a collaboration partner in the panel leads to that role's panel
  const partner = page
    .getByTestId("role-panel")
    .locator("section", { hasText: "Works closely with" })
    .getByRole("link", { name: ROLE_LABELS.data_analysis.en });
  await partner.click();
  await expect(page).toHaveURL(/[?&]role=data_analysis(&|$)/);
  await expect(page.getByTestId("role-panel").getByRole("heading", { level: 2 })).toHaveText(
    ROLE_LABELS.data_analysis.en,
  );
});
