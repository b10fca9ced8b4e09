import { expect, test, type Page } from "@playwright/test";
import { waitForAppHydration, keepScreenshot, openHomeAs, type DemoAccount } from "./helpers";

/*
 * Issue 16 in a real browser, in both languages: each person lands on their
 * home page with what needs them; the inbox link in the header; HR acts on a
 * person without a plan in one click; a member turns on their calendar feed;
 * "forgot password" answers without telling, and the admin's outbox shows the
 * email the server's own worker queued and handled.
 */

const COOKIE = { en: "ImVuIg%3D%3D", zh: "InpoIg%3D%3D" } as const;
const TEXT = {
  en: {
    email: "Email address",
    password: "Password",
    title: "What needs you now",
    plan: "Plan training",
    inbox: "Inbox",
    forgot: "Forgot your password?",
    send: "Send the link",
    create: /^(Create calendar address|Replace address)/,
  },
  zh: {
    email: "邮箱",
    password: "密码",
    title: "待办事项",
    plan: "制定培训计划",
    inbox: "消息",
    forgot: "忘记密码？",
    send: "发送链接",
    create: /^(生成日历地址|更换地址)/,
  },
} as const;

async function signIn(page: Page, email: DemoAccount, lang: "en" | "zh") {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "lang", value: COOKIE[lang], domain: "localhost", path: "/" }]);
  await openHomeAs(page, email);
}

for (const lang of ["en", "zh"] as const) {
  const t = TEXT[lang];

  test(`[${lang}] HR lands on the home page and plans training for a person without a plan in one click`, async ({
    page,
  }) => {
    await signIn(page, "hr@demo.example", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByTestId("inbox-link")).toBeVisible();
    const section = page.getByTestId("home-member_without_plan");
    await expect(section).toBeVisible();
    await section.getByRole("link", { name: t.plan }).first().click();
    await expect(page).toHaveURL(/\/training\/plan\//);
    await keepScreenshot(page, `/tmp/home-hr-plan-${lang}.png`);
  });

  test(`[${lang}] a member turns on a calendar feed of their due dates`, async ({ page }) => {
    await signIn(page, "member@demo.example", lang);
    await keepScreenshot(page, `/tmp/home-member-${lang}.png`);
    await page.goto("/settings/notifications");
    await page.getByRole("button", { name: t.create }).click();
    const url = await page.getByTestId("calendar-url").locator("input").inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{20,}$/);
    const feed = await page.request.get(new URL(url).pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  });
}

test("forgot password answers the same words, and the admin's outbox shows the email the server's worker handled", async ({
  page,
}) => {
  await page.context().addCookies([{ name: "lang", value: COOKIE.en, domain: "localhost", path: "/" }]);
  await page.goto("/login");
  await page.getByRole("link", { name: TEXT.en.forgot }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await waitForAppHydration(page);
  await page.getByLabel(TEXT.en.email).fill("member@demo.example");
  await page.getByRole("button", { name: TEXT.en.send }).click();
  const known = await page.getByTestId("reset-sent").innerText();
  await page.getByLabel(TEXT.en.email).fill("nobody-at-all@demo.example");
  await page.getByRole("button", { name: TEXT.en.send }).click();
  await expect(page.getByTestId("reset-sent")).toHaveText(known);

  await signIn(page, "admin@demo.example", "en");
  await expect(async () => {
    await page.goto("/settings/outbox");
    const entry = page
      .getByTestId("outbox")
      .getByRole("listitem")
      .filter({ hasText: /Reset your password|重置密码/ })
      .first();
    await expect(entry).toContainText("member@demo.example");
    await expect(entry).toContainText("In the outbox");
    // the admin sees that a reset went, not its link
    await entry.locator("summary").click();
    await expect(entry.locator("pre")).not.toContainText(/reset-password\/[A-Za-z0-9_-]{10}/);
  }).toPass({ timeout: 30_000 });
  await keepScreenshot(page, "/tmp/home-outbox-en.png");
});
